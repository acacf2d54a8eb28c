"""Administrators import an export from the admin and read the report there."""

import pytest
from django.urls import reverse

from articles.models import Article
from tests.factories import make_user
from wordpress.models import ImportRun, RunStatus

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _inline_imports(settings, tmp_path):
    settings.WORDPRESS_IMPORT_IN_BACKGROUND = False
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"


def upload(client, path, **data):
    with path.open("rb") as handle:
        return client.post(
            reverse("admin:wordpress_importrun_upload"), {"exports": handle, "language": "auto", **data}
        )


def test_administrator_uploads_an_export_and_reads_the_report(client, fixtures, tmp_path):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = upload(client, fixtures / "polylang-1.2.xml")
    run = ImportRun.objects.get()
    assert response.url == reverse("admin:wordpress_importrun_change", args=[run.pk])
    assert run.status == RunStatus.DONE and run.report["counts"]["posts"]["imported"] == 10
    page = client.get(response.url).content.decode()
    assert "unknown author “ghost”" in page and "import-report" in page
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
    warnings = [w["message"] for w in ImportRun.objects.get().report["warnings"]]
    assert "كاتب غير معروف «ghost»: استُوردت دون اسم كاتب" in warnings
