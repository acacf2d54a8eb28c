"""The read-replica router against a real streaming replica (pg_basebackup of the test server)."""

import os
import shutil
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connections, router
from django.test.utils import CaptureQueriesContext

from ops.pgreplica import Replica
from tests.factories import make_article, make_user
from web import replicas

pytestmark = pytest.mark.django_db(transaction=True)

ALIAS = "replica_live"


@pytest.fixture(scope="module")
def replica(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        primary = connections["default"].settings_dict
        if not str(primary["HOST"]).startswith("/"):
            pytest.skip("the streaming replica is made from the embedded (local socket) server")
        directory = Path(tempfile.mkdtemp(prefix="newsroom-replica-"))
        os.chmod(directory, 0o755)
        server = Replica(directory, primary_host=primary["HOST"], primary_user=primary["USER"] or "postgres")
        server.create()
        server.start()
    yield server
    server.stop()
    shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def replica_alias(replica, settings):
    # Registered as a live connection only, not in DATABASES: Django's test case would flush it
    # (a replica is read-only) or forbid it; it is the primary's test database, replicated.
    primary = connections["default"]
    connections[ALIAS] = type(primary)(replica.settings_for(primary.settings_dict), ALIAS)
    settings.DATABASE_REPLICAS = [ALIAS]
    settings.REPLICA_CHECK_SECONDS = 0
    settings.REPLICA_MAX_LAG_SECONDS = 3600
    replicas._health.clear()
    yield ALIAS
    connections[ALIAS].close()
    del connections[ALIAS]


def _lsn(alias, function):
    with connections[alias].cursor() as cursor:
        cursor.execute(f"SELECT {function}() - '0/0'::pg_lsn")
        return int(cursor.fetchone()[0])


def wait_until_replayed(alias):
    target = _lsn("default", "pg_current_wal_lsn")
    deadline = time.monotonic() + 10
    while _lsn(alias, "pg_last_wal_replay_lsn") < target:
        assert time.monotonic() < deadline, "the replica did not catch up"
        time.sleep(0.05)


def _set_replay(alias, *, paused):
    with connections[alias].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()" if paused else "SELECT pg_wal_replay_resume()")


def _get(client, url, alias, **kwargs):
    with CaptureQueriesContext(connections[alias]) as on_replica:
        with CaptureQueriesContext(connections["default"]) as on_primary:
            response = client.get(url, **kwargs)
    return response, on_replica.captured_queries, on_primary.captured_queries


def _article_queries(queries):
    return [q for q in queries if "articles_article" in q["sql"]]


def test_anonymous_public_reads_hit_the_replica(client, replica_alias):
    article = make_article(headline_en="Read from the replica")
    wait_until_replayed(replica_alias)
    response, on_replica, on_primary = _get(client, article.get_absolute_url("en"), replica_alias)
    assert response.status_code == 200
    assert "Read from the replica" in response.content.decode()
    assert _article_queries(on_replica)
    assert not _article_queries(on_primary)


def test_staff_sessions_and_the_admin_read_the_primary(client, replica_alias):
    article = make_article(headline_en="Staff read")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    wait_until_replayed(replica_alias)
    response, on_replica, _ = _get(client, article.get_absolute_url("en"), replica_alias)
    assert response.status_code == 200
    assert not on_replica
    response, on_replica, _ = _get(client, "/en/admin/articles/article/", replica_alias)
    assert response.status_code == 200
    assert not on_replica


def test_posting_a_comment_reads_and_writes_the_primary(client, replica_alias):
    article = make_article()
    wait_until_replayed(replica_alias)
    with CaptureQueriesContext(connections[replica_alias]) as on_replica:
        response = client.post(
            f"/en/comments/post/{article.pk}/",
            {"name": "Reader", "email": "reader@example.org", "body": "Hello", "consent": "on"},
            headers={"sec-fetch-site": "same-origin"},
        )
    assert response.status_code < 500
    assert not on_replica.captured_queries


def test_a_reader_sees_a_publication_the_replica_has_not_replayed_yet(client, replica_alias):
    wait_until_replayed(replica_alias)
    _set_replay(replica_alias, paused=True)
    try:
        article = make_article(headline_en="Just published")
        response, on_replica, _ = _get(client, article.get_absolute_url("en"), replica_alias)
    finally:
        _set_replay(replica_alias, paused=False)
    assert response.status_code == 200
    assert "Just published" in response.content.decode()
    assert not _article_queries(on_replica)


def test_a_lagging_replica_is_skipped(client, replica_alias, settings):
    article = make_article(headline_en="Older story")
    wait_until_replayed(replica_alias)
    settings.REPLICA_MAX_LAG_SECONDS = 0.5
    _set_replay(replica_alias, paused=True)
    try:
        make_user()  # a write that is no publication: the replica falls behind it
        time.sleep(1)
        response, on_replica, _ = _get(client, article.get_absolute_url("en"), replica_alias)
    finally:
        _set_replay(replica_alias, paused=False)
    assert response.status_code == 200
    assert not _article_queries(on_replica)


def test_migrations_run_on_the_primary_only(replica_alias):
    assert router.allow_migrate(replica_alias, "articles") is False
    assert router.allow_migrate("default", "articles") is not False


def test_a_replica_that_is_down_is_skipped(client, replica, replica_alias):
    article = make_article(headline_en="Served while the replica is down")
    replica.stop()
    try:
        response = client.get(article.get_absolute_url("en"))
    finally:
        replica.start()
    assert response.status_code == 200
    assert "Served while the replica is down" in response.content.decode()


def test_a_request_that_writes_reads_the_primary_afterwards(replica_alias, rf):
    article = make_article(headline_en="Written then read")
    wait_until_replayed(replica_alias)
    from articles.models import Article

    def view(request):
        first = Article.objects.get(pk=article.pk)
        Article.objects.filter(pk=article.pk).update(comments_open=False)
        second = Article.objects.get(pk=article.pk)
        return first.comments_open, second.comments_open

    middleware = replicas.ReplicaReadsMiddleware(view)
    assert middleware(rf.get("/en/")) == (True, False)
