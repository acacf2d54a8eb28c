"""A database made before consent, readership and web became apps migrates forward with its rows.

Until then the project package ``newsroom`` owned the policy versions, the consent records, the
daily reads and the rate-limit counters (its migrations 0001-0003). The test takes the test
database back to exactly that point, writes rows with the models of that time, migrates
forward, and finds the same rows, ids and grants under the new apps.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from consent.models import ConsentRecord, PrivacyPolicy
from readership.models import ArticleReads
from tests.factories import make_article
from web.models import RateLimitWindow

pytestmark = pytest.mark.django_db

# The last migrations of the day before the move: the new apps had none.
BEFORE_THE_MOVE = [("newsroom", "0003_ratelimit"), ("consent", None), ("readership", None), ("web", None)]


def migrate(targets) -> MigrationExecutor:
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    ContentType.objects.clear_cache()
    return executor


def tables(prefix: str) -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT relname FROM pg_class WHERE relkind = 'r' AND relname LIKE %s", [prefix + "%"])
        return {row[0] for row in cursor.fetchall()}


def test_a_database_made_before_the_move_keeps_its_rows_content_types_and_grants():
    article = make_article()
    latest = MigrationExecutor(connection).loader.graph.leaf_nodes()
    old = migrate(BEFORE_THE_MOVE).loader.project_state(BEFORE_THE_MOVE[:1]).apps
    assert "newsroom_privacypolicy" in tables("newsroom_")
    assert not tables("consent_")

    # Rows written with the models as they were.
    OldPolicy = old.get_model("newsroom", "PrivacyPolicy")
    OldRecord = old.get_model("newsroom", "ConsentRecord")
    OldReads = old.get_model("newsroom", "ArticleReads")
    OldWindow = old.get_model("newsroom", "RateLimitWindow")
    editor = User.objects.create_user("policy-editor", password="x", is_staff=True)
    version = (OldPolicy.objects.order_by("-version").values_list("version", flat=True).first() or 0) + 1
    policy = OldPolicy.objects.create(
        title="Policy",
        title_en="Policy",
        title_ar="السياسة",
        body_en="<p>Text</p>",
        body_ar="<p>نص</p>",
        version=version,
        published_at=timezone.now(),
        published_by_id=editor.pk,
    )
    draft = OldPolicy.objects.create(title="Draft", title_en="Draft")
    record = OldRecord.objects.create(
        consent_id="abc123", action="custom", categories=["statistics"], policy_version=version, language="ar"
    )
    OldRecord.objects.create(consent_id="abc123", action="withdraw", policy_version=version, language="ar")
    reads = OldReads.objects.create(article_id=article.pk, language="en", day=date(2026, 11, 30), views=7)
    window = OldWindow.objects.create(
        key="search:feedface", window_start=timezone.now() - timedelta(seconds=5)
    )

    # Grants made then: a group allowed to publish the policy, through the old content type.
    policy_type = ContentType.objects.get(app_label="newsroom", model="privacypolicy")
    record_type = ContentType.objects.get(app_label="newsroom", model="consentrecord")
    reads_type = ContentType.objects.get(app_label="newsroom", model="articlereads")
    publishers = Group.objects.create(name="Policy publishers")
    publishers.permissions.add(
        Permission.objects.get(content_type=policy_type, codename="publish_privacypolicy")
    )
    editor.groups.add(publishers)

    # Deferred foreign-key checks of the rows above would block renaming their tables.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    migrate(latest)

    moved = PrivacyPolicy.objects.get(pk=policy.pk)
    assert (moved.version, moved.title_ar, moved.published_by_id) == (version, "السياسة", editor.pk)
    assert PrivacyPolicy.objects.current() == moved
    assert PrivacyPolicy.objects.drafts().filter(pk=draft.pk).exists()
    assert list(ConsentRecord.objects.filter(consent_id="abc123").values_list("action", flat=True)) == [
        "withdraw",
        "custom",
    ]
    assert ConsentRecord.objects.get(pk=record.pk).categories == ["statistics"]
    assert ArticleReads.objects.get(pk=reads.pk).views == 7
    assert article.daily_reads.get().pk == reads.pk
    assert RateLimitWindow.objects.get(pk=window.pk).key == "search:feedface"

    # Same content-type rows, new label: grants, admin log and revisions follow them.
    assert ContentType.objects.get_for_id(policy_type.pk).app_label == "consent"
    assert ContentType.objects.get_for_model(ConsentRecord).pk == record_type.pk
    assert ContentType.objects.get_for_model(ArticleReads).pk == reads_type.pk
    assert not ContentType.objects.filter(app_label="newsroom").exists()
    assert User.objects.get(pk=editor.pk).has_perm("consent.publish_privacypolicy")

    # New rows continue the old ids; the counters' table stays unlogged; nothing left behind.
    assert PrivacyPolicy.objects.create(title_en="Next").pk > draft.pk
    assert ConsentRecord.objects.create(consent_id="z", action="reject_all", policy_version=1, language="en")
    with connection.cursor() as cursor:
        cursor.execute("SELECT relpersistence FROM pg_class WHERE relname = 'web_ratelimit'")
        assert cursor.fetchone()[0] == "u"
    assert not tables("newsroom_")


def test_a_fresh_database_ends_with_the_apps_tables_only():
    assert {"consent_privacypolicy", "consent_consentrecord"} <= tables("consent_")
    assert tables("readership_") == {"readership_articlereads"}
    assert tables("web_") == {"web_ratelimit"}
    assert not tables("newsroom_")
