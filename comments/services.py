"""Writes to comments: creation under the discussion rules, moderation decisions, privacy.

Admin actions, admin views, public views and management commands all call these functions;
each one validates, saves inside a transaction and schedules its emails and signals for
after the commit.
"""

import hashlib
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _, ngettext

from articles.models import Article
from comments import notifications
from comments.models import Comment, DiscussionSettings, Status
from comments.rules import judge
from comments.signals import comments_changed


class CommentRefused(ValidationError):
    """The comment breaks a rule that refuses it outright (closed, too fast, duplicate…)."""


def normalize_body(body: str) -> str:
    """One newline convention and no surrounding blank space; the text itself is kept as typed."""
    return (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()


def _advisory_key(text: str) -> int:
    """A stable signed 64-bit key for pg_advisory_xact_lock."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big", signed=True)


def _lock_commenter(*, email: str, ip: str | None) -> None:
    """Serialise comments from the same address or IP until the transaction ends.

    The flood and duplicate rules read before they write; without this, two identical
    submissions sent at the same instant (a double click) would both pass the checks.
    Different commenters never wait for each other. Keys are taken in a fixed order so two
    transactions can never deadlock.
    """
    keys = {f"comments:email:{email.lower()}"} if email else set()
    if ip:
        keys.add(f"comments:ip:{ip}")
    with connection.cursor() as cursor:
        for key in sorted(_advisory_key(k) for k in keys):
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])


def _after_commit_changed(comment: Comment) -> None:
    transaction.on_commit(
        partial(
            comments_changed.send, sender=Comment, article_id=comment.article_id, language=comment.language
        ),
        robust=True,
    )


def comment_create(
    *,
    article: Article,
    name: str,
    email: str,
    body: str,
    language: str,
    consent_at=None,
    parent: Comment | None = None,
    ip: str | None = None,
    user_agent: str = "",
    notify_on_approval: bool = False,
    honeypot: str = "",
    url: str = "",
) -> Comment:
    """Store a reader's comment as approved, pending or spam, as the discussion rules decide.

    Refused outright (``CommentRefused``, nothing stored): comments closed, no consent, a reply
    to a comment that is not public, too short or too long, a second comment from the same IP
    or email within the flood interval, or the same text again on the same article.
    """
    rules = DiscussionSettings.load()
    name, email, url = (name or "").strip(), (email or "").strip(), (url or "").strip()
    body = normalize_body(body)
    user_agent = (user_agent or "")[:300]
    now = timezone.now()

    if consent_at is None:
        raise CommentRefused(
            _("Please agree to the storage of your data; without it we cannot keep your comment."),
            code="consent",
        )
    if not rules.comments_open_for(article, now=now):
        raise CommentRefused(_("Comments are closed on this article."), code="closed")
    if parent is not None:
        if parent.parent_id:
            # One level of replies: answering a reply continues the same thread.
            parent = parent.parent
        if parent.article_id != article.pk or not parent.is_public() or parent.language != language:
            raise CommentRefused(_("The comment you are replying to is not available."), code="parent")
    if len(body) < rules.min_length:
        raise CommentRefused(
            ngettext(
                "Your comment is too short: write at least %(min)d character.",
                "Your comment is too short: write at least %(min)d characters.",
                rules.min_length,
            )
            % {"min": rules.min_length},
            code="too_short",
        )
    if rules.max_length and len(body) > rules.max_length:
        raise CommentRefused(
            _("Your comment has %(length)d characters; the limit is %(max)d. Please shorten it.")
            % {"length": len(body), "max": rules.max_length},
            code="too_long",
        )

    with transaction.atomic():
        _lock_commenter(email=email, ip=ip)
        if rules.flood_interval:
            since = now - timedelta(seconds=rules.flood_interval)
            same_sender = Q(email__iexact=email) if email else Q(pk__in=[])
            if ip:
                same_sender |= Q(ip=ip)
            if Comment.objects.filter(same_sender, created_at__gte=since).exists():
                raise CommentRefused(
                    ngettext(
                        "You are posting comments too quickly. Please wait %(seconds)d second and send "
                        "it again.",
                        "You are posting comments too quickly. Please wait %(seconds)d seconds and send "
                        "it again.",
                        rules.flood_interval,
                    )
                    % {"seconds": rules.flood_interval},
                    code="flood",
                )
        duplicate = (
            Comment.objects.filter(article=article, body=body)
            .filter(Q(email__iexact=email) | Q(name__iexact=name))
            .exists()
        )
        if duplicate:
            raise CommentRefused(_("You have already posted this comment on this article."), code="duplicate")
        returning = (
            bool(email) and Comment.objects.approved().filter(name__iexact=name, email__iexact=email).exists()
        )
        verdict = judge(
            rules=rules,
            name=name,
            email=email,
            body=body,
            ip=ip,
            user_agent=user_agent,
            honeypot=honeypot or "",
            url=url,
            returning_commenter=returning,
        )
        comment = Comment(
            article=article,
            parent=parent,
            name=name,
            email=email,
            url=url,
            body=body,
            language=language,
            status=verdict.status,
            reason=verdict.reason,
            consent_at=consent_at,
            ip=ip,
            user_agent=user_agent,
            notify_on_approval=notify_on_approval,
            created_at=now,
        )
        comment.full_clean()
        comment.save()
        if comment.status == Status.PENDING and rules.notify_moderators:
            transaction.on_commit(partial(notifications.notify_moderators, comment.pk), robust=True)
        if comment.status == Status.APPROVED:
            _after_commit_changed(comment)
    return comment


def _decide(*, comment: Comment, by, status: str) -> Comment:
    """Record a moderator's decision (who and when), whatever it was before."""
    with transaction.atomic():
        locked = Comment.objects.select_for_update().get(pk=comment.pk)
        was_public = locked.is_public()
        locked.status = status
        locked.moderated_by = by
        locked.moderated_at = timezone.now()
        locked.full_clean()
        locked.save(update_fields=["status", "moderated_by", "moderated_at"])
        if was_public != locked.is_public():
            _after_commit_changed(locked)
        if not was_public and locked.is_public() and locked.notify_on_approval and locked.email:
            transaction.on_commit(partial(notifications.notify_commenter_approved, locked.pk), robust=True)
    for field in ("status", "moderated_by", "moderated_at"):
        setattr(comment, field, getattr(locked, field))
    return comment


def comment_approve(*, comment: Comment, by) -> Comment:
    """Publish the comment; the commenter is emailed if they asked to be."""
    return _decide(comment=comment, by=by, status=Status.APPROVED)


def comment_reject(*, comment: Comment, by) -> Comment:
    """Keep the comment off the site (it stays in the admin, and can be approved later)."""
    return _decide(comment=comment, by=by, status=Status.REJECTED)


def comment_mark_spam(*, comment: Comment, by) -> Comment:
    """File the comment as spam: off the site, and out of the moderators' queue."""
    return _decide(comment=comment, by=by, status=Status.SPAM)


def comment_reply(*, parent: Comment, by, body: str) -> Comment:
    """A staff reply, published at once and marked as the newsroom's.

    Replying to a comment still in the queue approves it first ("approve and reply"); a rejected
    or spam comment cannot be answered in public.
    """
    body = normalize_body(body)
    if not body:
        raise ValidationError({"body": _("Write a reply.")}, code="required")
    if parent.parent_id:
        parent = parent.parent
    if parent.status in (Status.REJECTED, Status.SPAM):
        raise ValidationError(
            _("A rejected or spam comment cannot be answered in public. Approve it first."),
            code="parent",
        )
    with transaction.atomic():
        if parent.status == Status.PENDING:
            comment_approve(comment=parent, by=by)
        now = timezone.now()
        reply = Comment(
            article_id=parent.article_id,
            parent=parent,
            name=(by.get_full_name() or by.get_username())[:80],
            email=by.email or "",
            body=body,
            language=parent.language,
            status=Status.APPROVED,
            is_staff_reply=True,
            user=by,
            moderated_by=by,
            moderated_at=now,
            created_at=now,
        )
        reply.full_clean()
        reply.save()
        _after_commit_changed(reply)
    return reply


def comment_delete(*, comment: Comment) -> None:
    """Delete a comment and its replies for good."""
    comment.delete()  # comments.signals announces the change for public ones


def commenter_export(*, email: str) -> dict:
    """Everything stored about the commenter with this email address, ready for JSON."""
    comments = Comment.objects.by_email(email).select_related("article").order_by("created_at", "pk")
    return {
        "email": (email or "").strip(),
        "exported_at": timezone.now().isoformat(),
        "comments": [
            {
                "id": c.pk,
                "article": {
                    "id": c.article_id,
                    "headline": getattr(c.article, f"headline_{c.language}", "") or str(c.article),
                    "url": notifications.absolute(c.article.get_absolute_url(c.language)),
                },
                "in_reply_to": c.parent_id,
                "name": c.name,
                "email": c.email,
                "website": c.url,
                "body": c.body,
                "language": c.language,
                "status": c.status,
                "written_at": c.created_at.isoformat(),
                "consent_given_at": c.consent_at.isoformat() if c.consent_at else None,
                "ip_address": c.ip,
                "user_agent": c.user_agent,
                "notify_on_approval": c.notify_on_approval,
            }
            for c in comments
        ],
    }


def commenter_erase(*, email: str) -> dict:
    """Delete every comment written with this email, and the replies that answer them.

    Returns {"comments": n, "replies": m}. A reply left without the comment it answers would
    read as nonsense, so replies go too (the admin's confirmation page says so).
    """
    with transaction.atomic():
        own = Comment.objects.by_email(email)
        own_ids = list(own.values_list("pk", flat=True))
        replies = Comment.objects.filter(parent_id__in=own_ids).exclude(pk__in=own_ids).count()
        Comment.objects.filter(pk__in=own_ids).delete()
    return {"comments": len(own_ids), "replies": replies}


def comments_erase_network_data(*, days: int | None = None) -> int:
    """Erase IP address and user agent of comments older than ``days`` (COMMENTS_IP_RETENTION_DAYS)."""
    days = settings.COMMENTS_IP_RETENTION_DAYS if days is None else days
    cutoff = timezone.now() - timedelta(days=days)
    return Comment.objects.holding_personal_data_before(cutoff).update(ip=None, user_agent="")
