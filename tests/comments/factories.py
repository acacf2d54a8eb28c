"""Factories for comment tests (the shared ones live in tests/factories.py)."""

import itertools
from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from comments.models import Comment, DiscussionSettings, Status
from tests.factories import make_article, make_user

_seq = itertools.count(1)

MODERATOR_PERMS = ["view_comment", "change_comment", "delete_comment", "can_moderate"]
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver"}


def make_comment(*, article=None, status=Status.APPROVED, language="en", **kw):
    """A stored comment (approved unless told otherwise), bypassing the rules."""
    n = next(_seq)
    fields = {
        "article": article or make_article(),
        "name": f"Reader {n}",
        "email": f"reader{n}@example.org",
        "body": f"Comment number {n}.",
        "language": language,
        "status": status,
        "consent_at": timezone.now(),
        "ip": f"198.51.100.{n % 250 + 1}",
        "user_agent": "Mozilla/5.0 (test)",
        # Written a while ago, so that the flood rule does not mistake it for a new one.
        "created_at": timezone.now() - timedelta(hours=1),
    }
    fields.update(kw)
    return Comment.objects.create(**fields)


def moderator_group():
    """The "moderator" role as the migrations make it (recreated after a transactional flush)."""
    group, _created = Group.objects.get_or_create(name="moderator")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=MODERATOR_PERMS)
    )
    return group


def make_moderator(**kw):
    user = make_user(is_staff=True, **kw)
    user.groups.add(moderator_group())
    return user


def rules(**changes):
    """The discussion settings with ``changes`` saved."""
    settings_row = DiscussionSettings.load()
    for name, value in changes.items():
        setattr(settings_row, name, value)
    settings_row.save()
    return settings_row


def form_data(**kw):
    n = next(_seq)
    data = {
        "name": f"Commenter {n}",
        "email": f"commenter{n}@example.org",
        "body": f"A thoughtful remark, number {n}.",
        "consent": "on",
    }
    data.update(kw)
    return {key: value for key, value in data.items() if value is not None}


def post_comment(client, article, *, language="en", ip=None, **data):
    """POST the public form as a browser on this site would."""
    from django.urls import reverse
    from django.utils import translation

    with translation.override(language):
        url = reverse("comments:post", args=[article.pk])
    extra = dict(SAME_ORIGIN)
    extra["REMOTE_ADDR"] = ip or f"192.0.2.{next(_seq) % 250 + 1}"
    return client.post(url, form_data(**data), **extra)
