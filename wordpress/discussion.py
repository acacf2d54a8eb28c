"""A post's comments into Comments, with their threading and moderation state.

They are written directly, not through ``comments.services.comment_create``: that function
applies today's discussion rules (flood interval, duplicates, closed threads) and notifies
moderators, none of which fits comments a WordPress site accepted years ago. So imported
comments send no e-mail. The privacy rule for new comments holds: an IP address is kept only
while the comment is younger than ``COMMENTS_IP_RETENTION_DAYS`` (the daily purge would
erase it anyway). The commenter's consent is taken as given when they commented
(``consent_at`` = the comment's date), as WordPress's form asked for it. The commenter's
website is kept when it is an http(s) address of at most 200 characters (WordPress's own
limit); anything else (``javascript:``, ``data:``, garbage) is dropped and the comment kept.

State: ``1`` approved, ``0`` held (pending), ``spam`` spam; ``trash`` is skipped, and so are
pingbacks and trackbacks (notices from other blogs, not readers' words). Replies deeper than
one level hang under their thread's top comment, as replies made here do.
"""

from __future__ import annotations

import html
import re
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_ipv46_address
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from comments.models import WEBSITE_SCHEMES, Comment, Status
from comments.signals import comments_changed
from wordpress.context import Context, checksum
from wordpress.models import Kind

_STATES = {"1": Status.APPROVED, "0": Status.PENDING, "spam": Status.SPAM}
_WEBSITE = URLValidator(schemes=WEBSITE_SCHEMES)
_TAG = re.compile(r"<[^>]+>")


def _plain(text: str) -> str:
    """WordPress allows a little HTML in comments; ours are plain text (links made inert on output)."""
    text = re.sub(r"<br\s*/?>|</p>\s*<p>", "\n", text or "", flags=re.IGNORECASE)
    return html.unescape(_TAG.sub("", text)).replace("\r\n", "\n").strip()


def _valid(value: str, validator) -> str:
    try:
        validator(value)
    except ValidationError:
        return ""
    return value


def _website(value: str) -> str:
    """The commenter's website if it can be a link here (http or https, 200 characters), else ""."""
    url = (value or "").strip()
    return _valid(url, _WEBSITE) if len(url) <= 200 else ""


def import_comments(ctx: Context, record, article, language: str) -> None:
    from wordpress.posts import parse_wp_date

    wp_comments = sorted(record.comments, key=lambda c: int(c.get("wp:comment_id") or 0))
    keep_ip_after = timezone.now() - timedelta(days=settings.COMMENTS_IP_RETENTION_DAYS)
    made: dict[str, Comment] = {}
    public_change = False
    for values in wp_comments:
        wp_id = values.get("wp:comment_id", "")
        if values.get("wp:comment_type") in ("pingback", "trackback"):
            ctx.report.count("pingbacks", "skipped")
            continue
        status = _STATES.get(values.get("wp:comment_approved", ""))
        if status is None:
            ctx.report.count("comments", "skipped")  # trash, post-trashed
            continue
        created_at = (
            parse_wp_date(values.get("wp:comment_date_gmt"))
            or parse_wp_date(values.get("wp:comment_date"))
            or timezone.now()
        )
        ip = _valid(values.get("wp:comment_author_IP", ""), validate_ipv46_address) or None
        fields = {
            "name": html.unescape(values.get("wp:comment_author", "")).strip()[:80] or "Anonymous",
            "email": _valid(values.get("wp:comment_author_email", "").strip(), validate_email)[:254],
            "url": _website(values.get("wp:comment_author_url", "")),
            "body": _plain(values.get("wp:comment_content", "")),
            "status": status,
            "created_at": created_at,
            "consent_at": created_at,
            "ip": ip if created_at >= keep_ip_after else None,
        }
        data = checksum(fields, values.get("wp:comment_parent"))
        existing = ctx.record(Kind.COMMENT, wp_id)
        comment = Comment.objects.filter(pk=existing.object_id).first() if existing else None
        if comment is not None:
            made[wp_id] = comment
            if existing.checksum == data or comment.moderated_at is not None:
                # Unchanged, or decided by a moderator here since: theirs is the last word.
                ctx.report.count("comments", "unchanged")
                continue
            outcome = "updated"
        else:
            comment = Comment(article=article, language=language, reason="Imported from WordPress")
            outcome = "imported"
        if not fields["body"]:
            ctx.report.count("comments", "skipped")
            continue
        parent = made.get(values.get("wp:comment_parent", "0"))
        if parent is not None and parent.parent_id:
            parent = Comment(pk=parent.parent_id)
        was_public = comment.pk is not None and comment.status == Status.APPROVED
        for name, value in fields.items():
            setattr(comment, name, value)
        comment.parent_id = parent.pk if parent is not None else None
        try:
            with transaction.atomic():
                comment.full_clean(
                    exclude=["article", "parent", "user", "moderated_by"], validate_constraints=False
                )
                comment.save()
        except (ValidationError, DatabaseError) as error:
            reasons = "; ".join(error.messages) if isinstance(error, ValidationError) else str(error)
            ctx.report.count("comments", "skipped")
            ctx.report.warn(
                _("comment %(id)s not imported: %(reasons)s") % {"id": wp_id, "reasons": reasons},
                wp_id=record.get("wp:post_id"),
                title=html.unescape(record.get("title")),
            )
            continue
        made[wp_id] = comment
        ctx.remember(Kind.COMMENT, wp_id, comment.pk, data)
        ctx.report.count("comments", outcome)
        public_change = public_change or was_public or status == Status.APPROVED
    if public_change:
        # The article's page shows approved comments: tell the page cache, once per post.
        transaction.on_commit(
            partial(comments_changed.send, sender=Comment, article_id=article.pk, language=language),
            robust=True,
        )
