"""Administrators import an export from the admin and read the report there."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_section, make_user
from tests.wordpress.workers import run_import_worker
from wordpress.models import ImportRun, RunStatus

pytestmark = pytest.mark.django_db(transaction=True)  # the worker commits, as a real one does


@pytest.fixture(autouse=True)
def _imports_dir(settings, tmp_path):
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"


def upload(client, path, *, worker=True, **data):
    """Upload in the admin, then (unless told not to) let the imports worker run the queue."""
    with path.open("rb") as handle:
        response = client.post(
            reverse("admin:wordpress_importrun_upload"), {"exports": handle, "language": "auto", **data}
        )
    if worker:
        run_import_worker()
    return response


def test_administrator_uploads_an_export_and_reads_the_report(client, fixtures, tmp_path):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = upload(client, fixtures / "polylang-1.2.xml")
    run = ImportRun.objects.get()
    assert response.url == reverse("admin:wordpress_importrun_change", args=[run.pk])
    assert run.status == RunStatus.DONE and run.report["counts"]["posts"]["imported"] == 10
    page = client.get(response.url).content.decode()
    assert "unknown author “ghost”" in page and "import-report" in page
    assert "Shortcodes kept as text: [contact-form-7] ×1" in page
    assert Article.objects.filter(headline_en="ISIS Retreating, new capital possible").exists()
    assert not list((tmp_path / "imports").glob("*/*.xml"))  # the upload is not kept


def test_a_hostile_upload_fails_with_its_message_and_imports_nothing(client, tmp_path):
    from tests.wordpress.test_hostile_files import EXTERNAL_ENTITY

    client.force_login(make_user(is_staff=True, is_superuser=True))
    bad = tmp_path / "bad.xml"
    bad.write_text(EXTERNAL_ENTITY)
    upload(client, bad)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED and "declares a document type" in run.report["error"]
    assert not Article.objects.exists()


@pytest.mark.parametrize("perms", [["change_article", "publish_article"], []])
def test_only_administrators_may_import(client, fixtures, perms):
    client.force_login(make_user(is_staff=True, perm_names=perms))
    assert upload(client, fixtures / "polylang-1.2.xml").status_code == 403
    assert client.get(reverse("admin:wordpress_importrun_changelist")).status_code == 403
    assert not ImportRun.objects.exists()


def test_the_report_is_written_in_the_administrators_language(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    with (fixtures / "polylang-1.2.xml").open("rb") as handle:
        client.post(
            reverse("admin:wordpress_importrun_upload", current_app="admin").replace("/en/", "/ar/", 1),
            {"exports": handle, "language": "auto"},
        )
    run_import_worker()
    warnings = [w["message"] for w in ImportRun.objects.get().report["warnings"]]
    assert "كاتب غير معروف «ghost»: استُوردت دون اسم كاتب" in warnings


def test_the_upload_queues_the_import_for_the_worker(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = upload(client, fixtures / "polylang-1.2.xml", worker=False)
    run = ImportRun.objects.get()
    assert run.status == RunStatus.QUEUED and run.task_id
    assert "Waiting for the import worker" in client.get(response.url).content.decode()
    assert not Article.objects.exists()
    run_import_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.report["counts"]["posts"]["imported"] == 10


def test_a_failed_import_keeps_its_files_and_succeeds_when_retried(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    section = make_section(name_en="Archive", slug_en="archive")
    response = upload(client, fixtures / "polylang-1.2.xml", worker=False, default_section=section.pk)
    section.delete()  # gone before the worker takes the run
    run_import_worker()
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED and "No section with the slug “archive”" in run.report["error"]
    assert not Article.objects.exists()
    page = client.get(response.url).content.decode()
    assert "No section with the slug" in page and "Retry the import" in page

    make_section(name_en="Archive", slug_en="archive")
    retried = client.post(reverse("admin:wordpress_importrun_retry", args=[run.pk]))
    assert retried.url == response.url
    run.refresh_from_db()
    assert run.status == RunStatus.QUEUED and "error" not in run.report
    run_import_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE and run.report["counts"]["posts"]["imported"] == 10
    assert "Retry the import" not in client.get(response.url).content.decode()


def test_a_run_whose_worker_died_is_shown_failed_and_can_be_retried(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = upload(client, fixtures / "polylang-1.2.xml", worker=False)
    # A worker took it and was killed: the run still says running, but no worker holds it.
    ImportRun.objects.update(status=RunStatus.RUNNING)
    page = client.get(response.url).content.decode()
    run = ImportRun.objects.get()
    assert run.status == RunStatus.FAILED and "its worker stopped" in run.report["error"]
    assert "Retry the import" in page
    client.post(reverse("admin:wordpress_importrun_retry", args=[run.pk]))
    run_import_worker()
    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_only_a_failed_run_can_be_retried(client, fixtures):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    upload(client, fixtures / "polylang-1.2.xml")
    run = ImportRun.objects.get()
    client.post(reverse("admin:wordpress_importrun_retry", args=[run.pk]))
    run.refresh_from_db()
    assert run.status == RunStatus.DONE


def test_deleting_a_failed_run_deletes_its_kept_files(client, fixtures, tmp_path):
    from tests.wordpress.test_hostile_files import EXTERNAL_ENTITY

    client.force_login(make_user(is_staff=True, is_superuser=True))
    bad = tmp_path / "bad.xml"
    bad.write_text(EXTERNAL_ENTITY)
    upload(client, bad)
    run = ImportRun.objects.get()
    assert list((tmp_path / "imports").glob("*/*.xml"))  # kept for a retry
    client.post(reverse("admin:wordpress_importrun_delete", args=[run.pk]), {"post": "yes"})
    assert not ImportRun.objects.exists()
    assert not list((tmp_path / "imports").glob("*/*.xml"))
