"""The moderation queue: who may do what, bulk decisions, staff replies, the pending count."""

import importlib
import json

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from comments.models import Comment, DiscussionSettings, Status
from comments.templatetags.comments import pending_comment_count
from tests.comments.factories import make_comment, make_moderator
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"


def changelist_url(query=""):
    return reverse(CHANGELIST) + query


def run_action(client, action, comments, **extra):
    data = {"action": action, "_selected_action": [c.pk for c in comments], **extra}
    return client.post(changelist_url(), data)


def test_migration_gives_moderators_and_editors_the_comment_permissions_only():
    # Run the data migration's function itself: a transactional test elsewhere may have
    # flushed what the migrations stored in a reused test database.
    from django.apps import apps

    migration = importlib.import_module("comments.migrations.0002_roles_and_settings")
    migration.add_permissions(apps, None)
    migration.add_permissions(apps, None)  # running twice changes nothing
    group = Group.objects.get(name="moderator")
    perms = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
    assert {"comments.can_moderate", "comments.change_comment", "comments.delete_comment"} <= perms
    assert {p.split(".")[0] for p in perms} == {"comments"}
    assert "comments.change_discussionsettings" not in perms
    editor_perms = set(Group.objects.get(name="editor").permissions.values_list("codename", flat=True))
    assert "can_moderate" in editor_perms
    assert DiscussionSettings.objects.filter(pk=1).exists()


def test_moderator_sees_comments_and_nothing_else_in_the_admin(client):
    client.force_login(make_moderator())
    html = client.get(reverse("admin:index")).content.decode()
    assert reverse(CHANGELIST) in html
    assert "/admin/articles/" not in html
    assert "discussionsettings" not in html
    assert client.get(reverse("admin:articles_article_changelist")).status_code == 403
    assert client.get(reverse("admin:comments_discussionsettings_changelist")).status_code in (302, 403)
    settings_url = reverse("admin:comments_discussionsettings_change", args=[1])
    assert client.get(settings_url).status_code == 403


def test_moderator_approves_in_bulk_and_the_decision_is_recorded(client):
    moderator = make_moderator()
    client.force_login(moderator)
    held = [make_comment(status=Status.PENDING) for _ in range(3)]
    response = run_action(client, "approve_selected", held[:2])
    assert response.status_code == 302
    statuses = {c.pk: (c.status, c.moderated_by_id) for c in Comment.objects.all()}
    assert statuses[held[0].pk] == (Status.APPROVED, moderator.pk)
    assert statuses[held[1].pk] == (Status.APPROVED, moderator.pk)
    assert statuses[held[2].pk] == (Status.PENDING, None)


@pytest.mark.parametrize(
    ("action", "status"), [("reject_selected", Status.REJECTED), ("mark_spam_selected", Status.SPAM)]
)
def test_moderator_rejects_or_marks_spam_in_bulk(client, action, status):
    moderator = make_moderator()
    client.force_login(moderator)
    comment = make_comment(status=Status.PENDING)
    run_action(client, action, [comment])
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (status, moderator)
    assert comment.moderated_at is not None


def test_moderator_deletes_in_bulk(client):
    client.force_login(make_moderator())
    comment = make_comment(status=Status.SPAM)
    run_action(client, "delete_selected", [comment], post="yes")
    assert not Comment.objects.exists()


def test_staff_without_the_moderate_permission_gets_no_decision_actions(client):
    client.force_login(make_user(is_staff=True, perm_names=["view_comment", "change_comment"]))
    make_comment(status=Status.PENDING)
    html = client.get(changelist_url()).content.decode()
    assert 'value="approve_selected"' not in html
    comment = make_comment(status=Status.PENDING)
    run_action(client, "approve_selected", [comment])
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_writer_cannot_open_the_queue(client):
    client.force_login(make_user(is_staff=True, perm_names=["change_article"]))
    assert client.get(changelist_url()).status_code == 403


def test_queue_shows_the_article_and_language_in_context(client):
    client.force_login(make_moderator())
    article = make_article(headline_ar="المياه تعود")
    make_comment(article=article, language="ar", status=Status.PENDING, body="تعليق للمراجعة")
    html = client.get(changelist_url("?status=pending")).content.decode()
    assert f'href="{article.get_absolute_url("ar")}"' in html
    assert "المياه تعود" in html
    assert "(AR)" in html
    assert "تعليق للمراجعة" in html


def test_status_filter_lists_the_queue_with_counts(client):
    client.force_login(make_moderator())
    make_comment(status=Status.PENDING, body="waiting one")
    make_comment(status=Status.PENDING, body="waiting two")
    make_comment(status=Status.APPROVED, body="already out")
    html = client.get(changelist_url("?status=pending")).content.decode()
    assert "waiting one" in html
    assert "waiting two" in html
    assert "already out" not in html
    assert "Pending (2)" in html
    assert "Approved (1)" in html


def test_queue_can_be_searched_and_filtered_by_language(client):
    client.force_login(make_moderator())
    make_comment(email="findme@example.org", body="needle")
    make_comment(body="haystack", language="ar")
    html = client.get(changelist_url("?q=findme")).content.decode()
    assert "needle" in html
    assert "haystack" not in html
    html = client.get(changelist_url("?language__exact=ar")).content.decode()
    assert "haystack" in html
    assert "needle" not in html


def test_pending_count_is_in_the_admin_navigation_for_moderators(client):
    make_comment(status=Status.PENDING)
    make_comment(status=Status.PENDING)
    make_comment(status=Status.APPROVED)
    client.force_login(make_moderator())
    html = client.get(reverse("admin:index")).content.decode()
    assert "2 comments awaiting moderation" in html
    assert f'href="{changelist_url()}?status=pending"' in html


def test_pending_count_costs_one_query(rf, django_assert_num_queries):
    moderator = make_moderator()
    request = rf.get("/en/admin/")
    request.user = moderator
    assert moderator.has_perm("comments.can_moderate")  # the admin has loaded permissions already
    with django_assert_num_queries(1):
        assert pending_comment_count({"request": request}) == 0


def test_pending_count_is_not_shown_to_staff_who_cannot_moderate(client):
    make_comment(status=Status.PENDING)
    client.force_login(make_user(is_staff=True, perm_names=["change_article"]))
    assert "awaiting moderation" not in client.get(reverse("admin:index")).content.decode()


def test_admin_keeps_the_site_name(client):
    client.force_login(make_moderator())
    assert "Euphrates Post" in client.get(reverse("admin:index")).content.decode()


def test_moderator_decides_from_the_comment_page(client):
    moderator = make_moderator()
    client.force_login(moderator)
    comment = make_comment(status=Status.PENDING)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert 'name="decision" value="approve"' in page
    response = client.post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]), {"decision": "spam"}
    )
    assert response.status_code == 302
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (Status.SPAM, moderator)


def test_decision_needs_the_moderate_permission(client):
    client.force_login(make_user(is_staff=True, perm_names=["view_comment", "change_comment"]))
    comment = make_comment(status=Status.PENDING)
    response = client.post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]), {"decision": "approve"}
    )
    assert response.status_code == 403
    comment.refresh_from_db()
    assert comment.status == Status.PENDING


def test_moderator_replies_as_staff_and_the_reply_is_published(client):
    moderator = make_moderator(username="desk")
    client.force_login(moderator)
    parent = make_comment(status=Status.PENDING, body="Is this confirmed?")
    url = reverse("admin:comments_comment_reply", args=[parent.pk])
    page = client.get(url).content.decode()
    assert "Is this confirmed?" in page
    response = client.post(url, {"body": "Yes, by two sources."})
    assert response.status_code == 302
    reply = Comment.objects.get(is_staff_reply=True)
    assert (reply.parent, reply.status, reply.user, reply.body) == (
        parent,
        Status.APPROVED,
        moderator,
        "Yes, by two sources.",
    )
    parent.refresh_from_db()
    assert parent.status == Status.APPROVED


def test_empty_staff_reply_is_refused_with_a_message(client):
    client.force_login(make_moderator())
    parent = make_comment()
    response = client.post(reverse("admin:comments_comment_reply", args=[parent.pk]), {"body": "  "})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    assert not Comment.objects.filter(is_staff_reply=True).exists()


def test_moderators_cannot_export_or_erase_commenters(client):
    client.force_login(make_moderator())
    make_comment()
    html = client.get(changelist_url()).content.decode()
    assert 'value="export_commenters"' not in html
    assert 'value="erase_commenters"' not in html


def test_administrator_exports_a_commenters_data_as_json(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    chosen = make_comment(email="owner@example.org", body="one")
    make_comment(email="owner@example.org", body="two")
    make_comment(email="else@example.org", body="three")
    response = run_action(client, "export_commenters", [chosen])
    assert response["Content-Type"].startswith("application/json")
    data = json.loads(response.content)
    assert [c["body"] for c in data[0]["comments"]] == ["one", "two"]


def test_administrator_erases_a_commenter_after_confirming(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    chosen = make_comment(email="owner@example.org")
    make_comment(email="owner@example.org")
    kept = make_comment(email="else@example.org")
    confirm = run_action(client, "erase_commenters", [chosen])
    assert confirm.status_code == 200
    assert "owner@example.org" in confirm.content.decode()
    assert Comment.objects.count() == 3  # nothing yet
    run_action(client, "erase_commenters", [chosen], post="yes")
    assert list(Comment.objects.all()) == [kept]


def test_discussion_settings_are_one_page_for_the_administrator(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.get(reverse("admin:comments_discussionsettings_changelist"))
    assert response.status_code == 302
    change_url = reverse("admin:comments_discussionsettings_change", args=[1])
    assert response["Location"] == change_url
    page = client.get(change_url)
    assert page.status_code == 200
    data = {
        "trust_returning_commenters": "on",
        "link_limit": "3",
        "moderation_words": "رشوة",
        "disallowed_words": "casino",
        "flood_interval": "30",
        "min_length": "2",
        "max_length": "2000",
        "comments_per_page": "50",
        "close_after_days": "",
        "notify_moderators": "on",
    }
    assert client.post(change_url, data).status_code == 302
    row = DiscussionSettings.load()
    assert (row.link_limit, row.flood_interval, row.max_length, row.moderation_words) == (3, 30, 2000, "رشوة")
    assert DiscussionSettings.objects.count() == 1


def test_comments_cannot_be_added_from_the_admin(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    assert client.get(reverse("admin:comments_comment_add")).status_code == 403
