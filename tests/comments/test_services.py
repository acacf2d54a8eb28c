"""Moderation decisions, staff replies, notifications and the privacy services."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from comments import services
from comments.models import Comment, Status
from comments.signals import comments_changed
from tests.comments.factories import make_comment, make_moderator, rules
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def create(**kw):
    fields = {
        "article": make_article(),
        "name": "Samir",
        "email": "samir@example.org",
        "body": "Well reported.",
        "language": "en",
        "consent_at": timezone.now(),
        "ip": "203.0.113.9",
    }
    fields.update(kw)
    return services.comment_create(**fields)


def test_approval_records_who_and_when():
    moderator = make_moderator()
    comment = make_comment(status=Status.PENDING)
    services.comment_approve(comment=comment, by=moderator)
    comment.refresh_from_db()
    assert comment.status == Status.APPROVED
    assert comment.moderated_by == moderator
    assert comment.moderated_at is not None


@pytest.mark.parametrize(
    ("service", "status"),
    [(services.comment_reject, Status.REJECTED), (services.comment_mark_spam, Status.SPAM)],
)
def test_reject_and_spam_record_who_and_when(service, status):
    moderator = make_moderator()
    comment = make_comment(status=Status.PENDING)
    service(comment=comment, by=moderator)
    comment.refresh_from_db()
    assert (comment.status, comment.moderated_by) == (status, moderator)
    assert comment.moderated_at is not None


def test_moderators_are_emailed_about_a_held_comment(django_capture_on_commit_callbacks):
    make_moderator(email="mod1@example.org")
    make_moderator(email="mod2@example.org")
    make_moderator(email="")  # no address: nobody to write to
    make_user(is_staff=True, email="writer@example.org")  # not a moderator
    with django_capture_on_commit_callbacks(execute=True):
        comment = create()
    assert comment.status == Status.PENDING
    assert sorted(m.to[0] for m in mail.outbox) == ["mod1@example.org", "mod2@example.org"]
    message = mail.outbox[0]
    assert "Samir" in message.subject
    assert "Well reported." in message.body
    assert f"/en/admin/comments/comment/{comment.pk}/change/" in message.body


def test_moderators_are_not_emailed_when_the_setting_is_off(django_capture_on_commit_callbacks):
    rules(notify_moderators=False)
    make_moderator(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        create()
    assert mail.outbox == []


def test_no_email_before_the_comment_is_committed(django_capture_on_commit_callbacks):
    make_moderator(email="mod@example.org")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        create()
    assert mail.outbox == []
    assert callbacks  # sent only once the transaction commits


def test_commenter_who_asked_is_emailed_on_approval_in_their_language(django_capture_on_commit_callbacks):
    article = make_article(headline_ar="المياه تعود")
    comment = make_comment(
        article=article,
        status=Status.PENDING,
        notify_on_approval=True,
        email="reader@example.org",
        language="ar",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, by=make_moderator())
    assert [m.to for m in mail.outbox] == [["reader@example.org"]]
    assert "المياه تعود" in mail.outbox[0].subject
    assert f"{article.get_absolute_url('ar')}#comment-{comment.pk}" in mail.outbox[0].body


def test_commenter_who_did_not_ask_gets_no_email(django_capture_on_commit_callbacks):
    comment = make_comment(status=Status.PENDING, notify_on_approval=False)
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, by=make_moderator())
    assert mail.outbox == []


def test_approval_announces_the_change_for_the_page_cache(django_capture_on_commit_callbacks):
    received = []

    def listener(sender, **kwargs):
        received.append(kwargs)

    comments_changed.connect(listener)
    try:
        comment = make_comment(status=Status.PENDING, language="ar")
        with django_capture_on_commit_callbacks(execute=True):
            services.comment_approve(comment=comment, by=make_moderator())
            services.comment_approve(comment=comment, by=make_moderator())  # no change, no signal
    finally:
        comments_changed.disconnect(listener)
    assert [(r["article_id"], r["language"]) for r in received] == [(comment.article_id, "ar")]


def test_staff_reply_is_published_at_once_and_marked_as_staff():
    moderator = make_moderator(first_name="Lina", last_name="Haddad", email="lina@example.org")
    parent = make_comment(language="ar")
    reply = services.comment_reply(parent=parent, by=moderator, body="شكراً على الملاحظة")
    assert reply.status == Status.APPROVED
    assert reply.is_staff_reply
    assert reply.user == moderator
    assert reply.parent == parent
    assert reply.language == "ar"
    assert reply.name == "Lina Haddad"
    assert reply.moderated_by == moderator
    assert reply.moderated_at is not None


def test_staff_reply_to_a_held_comment_approves_it_first():
    moderator = make_moderator()
    parent = make_comment(status=Status.PENDING)
    services.comment_reply(parent=parent, by=moderator, body="Thanks, corrected.")
    parent.refresh_from_db()
    assert parent.status == Status.APPROVED
    assert parent.moderated_by == moderator


def test_staff_cannot_reply_in_public_to_spam():
    with pytest.raises(ValidationError):
        services.comment_reply(parent=make_comment(status=Status.SPAM), by=make_moderator(), body="No")
    assert Comment.objects.filter(is_staff_reply=True).count() == 0


def test_export_contains_every_comment_of_the_address_and_nothing_else():
    mine = make_comment(email="Owner@Example.org", body="first", ip="203.0.113.5")
    make_comment(email="owner@example.org", body="second", language="ar", article=mine.article)
    make_comment(email="someone@example.org", body="not mine")
    data = services.commenter_export(email="owner@example.org")
    assert [c["body"] for c in data["comments"]] == ["first", "second"]
    assert data["comments"][0]["ip_address"] == "203.0.113.5"
    assert data["comments"][0]["article"]["url"].endswith(mine.article.get_absolute_url("en"))


def test_erase_deletes_the_commenters_comments_and_the_replies_to_them():
    mine = make_comment(email="owner@example.org")
    reply = make_comment(article=mine.article, parent=mine, email="other@example.org")
    kept = make_comment(email="other@example.org")
    result = services.commenter_erase(email="OWNER@example.org")
    assert result == {"comments": 1, "replies": 1}
    assert list(Comment.objects.all()) == [kept]
    assert not Comment.objects.filter(pk=reply.pk).exists()


def test_network_data_older_than_the_retention_is_erased():
    old = make_comment(created_at=timezone.now() - timezone.timedelta(days=31))
    recent = make_comment(created_at=timezone.now() - timezone.timedelta(days=29))
    assert services.comments_erase_network_data() == 1
    old.refresh_from_db()
    recent.refresh_from_db()
    assert (old.ip, old.user_agent) == (None, "")
    assert recent.ip
    assert recent.user_agent
    assert old.body
    assert old.email  # the comment itself stays


def test_approval_makes_cached_public_pages_stale(django_capture_on_commit_callbacks):
    from web import cache as page_cache

    article, moderator = make_article(), make_moderator()
    before = page_cache._state()[0]
    comment = make_comment(article=article, status=Status.PENDING)
    assert page_cache._state()[0] == before  # a held comment changes nothing readers see
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_approve(comment=comment, by=moderator)
    assert page_cache._state()[0] > before
