"""Emails about comments. Called through ``transaction.on_commit``: nothing is sent for a
comment that was never stored, and a slow or failing mail server never loses a comment."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import EmailMessage, mailers
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from comments.models import Comment
from comments.rules import describe
from web.site_url import absolute_url

logger = logging.getLogger(__name__)


def absolute(path: str) -> str:
    """A link for an e-mail: on SITE_URL, as every absolute link the site gives out."""
    return absolute_url(path)


def moderator_addresses() -> list[str]:
    """Active users allowed to moderate (through a group or directly) who have an email."""
    perm = Permission.objects.filter(content_type__app_label="comments", codename="can_moderate").first()
    if perm is None:
        return []
    users = (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .filter(Q(groups__permissions=perm) | Q(user_permissions=perm))
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    return sorted(set(users))


def notify_moderators(comment_id: int) -> int:
    """One email per moderator about a comment waiting in the queue; returns how many were sent."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None:
        return 0
    recipients = moderator_addresses()
    if not recipients:
        return 0
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "comment": comment,
            "reason": describe(comment.reason),
            "article_headline": getattr(comment.article, f"headline_{comment.language}", "")
            or str(comment.article),
            "article_url": absolute(comment.article.get_absolute_url(comment.language)),
            "review_url": absolute(reverse("admin:comments_comment_change", args=[comment.pk])),
            "queue_url": absolute(reverse("admin:comments_comment_changelist") + "?status=pending"),
            "site_name": settings.SITE_NAME,
        }
        subject = render_to_string("comments/email/moderator_subject.txt", context).strip()
        body = render_to_string("comments/email/moderator_body.txt", context)
    messages = [EmailMessage(" ".join(subject.split()), body, None, [address]) for address in recipients]
    return mailers.default.send_messages(messages) or 0


def notify_commenter_approved(comment_id: int) -> int:
    """Tell a commenter who asked for it that their comment is now published (in their language)."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id).first()
    if comment is None or not comment.email or not comment.notify_on_approval or not comment.is_public():
        return 0
    with translation.override(comment.language):
        context = {
            "comment": comment,
            "article_headline": getattr(comment.article, f"headline_{comment.language}", "")
            or str(comment.article),
            "comment_url": absolute(comment.get_absolute_url()),
            "site_name": settings.SITE_NAME,
        }
        subject = render_to_string("comments/email/approved_subject.txt", context).strip()
        body = render_to_string("comments/email/approved_body.txt", context)
    message = EmailMessage(" ".join(subject.split()), body, None, [comment.email])
    return mailers.default.send_messages([message]) or 0
