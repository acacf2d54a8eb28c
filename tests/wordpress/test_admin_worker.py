"""Admin imports run by the imports worker as a process of its own, as under `make run`:
progress shows while the import's transaction is open, and two uploads at once take turns."""

import time

import pytest
from django.db import connection
from django.urls import reverse

from articles.models import Article, Author, Section
from comments.models import Comment
from tests.factories import make_user
from tests.wordpress.workers import import_worker_process
from wordpress.importer import IMPORT_LOCK
from wordpress.models import ImportRecord, ImportRun, RunStatus

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def import_dir(settings, tmp_path):
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"
    return settings.WORDPRESS_IMPORT_DIR


def upload(client, path):
    with path.open("rb") as handle:
        return client.post(
            reverse("admin:wordpress_importrun_upload"), {"exports": handle, "language": "auto"}
        )


def wait_for(condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.1)
    raise AssertionError("condition not met in time")


def statuses():
    return sorted(ImportRun.objects.values_list("status", flat=True))


def test_the_admin_shows_a_running_import_while_its_transaction_is_open(
    client, fixtures, import_dir, tmp_path
):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    with connection.cursor() as cursor:  # another import holds the turn
        cursor.execute("SELECT pg_advisory_lock(%s, 0)", [IMPORT_LOCK])
    try:
        with import_worker_process(import_dir, tmp_path / "worker.log"):
            page_url = upload(client, fixtures / "polylang-1.2.xml").url
            wait_for(lambda: "Waiting for another import to finish" in client.get(page_url).content.decode())
            assert ImportRun.objects.get().status == RunStatus.RUNNING
            assert not Article.objects.exists()
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, 0)", [IMPORT_LOCK])
            wait_for(lambda: statuses() == [RunStatus.DONE])
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock_all()")
    run = ImportRun.objects.get()
    assert (run.posts_done, run.posts_total) == (11, 11)  # ten posts and the privacy-policy page
    page = client.get(page_url).content.decode()
    assert "import-report" in page and "unknown author “ghost”" in page


def test_two_uploads_at_once_take_turns_and_duplicate_nothing(client, fixtures, import_dir, tmp_path):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    upload(client, fixtures / "polylang-1.2.xml")
    upload(client, fixtures / "polylang-1.2.xml")
    # Two workers, one run each, at the same moment.
    with (
        import_worker_process(import_dir, tmp_path / "worker-1.log"),
        import_worker_process(import_dir, tmp_path / "worker-2.log"),
    ):
        wait_for(lambda: statuses() == [RunStatus.DONE, RunStatus.DONE])
    posts = sorted(
        (run.report["counts"]["posts"].get("imported", 0), run.report["counts"]["posts"].get("unchanged", 0))
        for run in ImportRun.objects.all()
    )
    assert posts == [(0, 10), (10, 0)]  # the second found what the first made
    assert not [
        w for run in ImportRun.objects.all() for w in run.report["warnings"] if "rror" in w["message"]
    ]
    assert (
        Article.objects.count()
        == ImportRecord.objects.filter(kind="post").values("object_id").distinct().count()
    )
    assert ImportRecord.objects.filter(kind="post").count() == 10
    assert Section.objects.count() == len(set(Section.objects.values_list("slug_en", flat=True)))
    assert Author.objects.count() == len(set(Author.objects.values_list("slug", flat=True)))
    assert Comment.objects.count() == ImportRecord.objects.filter(kind="comment").count()
    assert not list(import_dir.glob("*/*.xml"))
