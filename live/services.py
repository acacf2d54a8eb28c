"""Posting, editing and deleting live updates; raising and withdrawing breaking alerts.

Each keeps a revision (django-reversion) of the update, so an edit or a deletion can be undone.
Views and the admin call these.
"""

import reversion
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _

from articles.models import LANGUAGE_CODES, Image
from live.models import BreakingAlert, LiveBlog, LiveUpdate


def text_to_html(text: str) -> str:
    """What the quick form takes: plain text (blank lines make paragraphs), or HTML as is
    (sanitised on save like every rich-text body)."""
    text = (text or "").strip()
    if not text or text.startswith("<"):
        return text
    paragraphs = [part.strip() for part in text.replace("\r\n", "\n").split("\n\n") if part.strip()]
    return "".join(f"<p>{escape(part).replace(chr(10), '<br>')}</p>" for part in paragraphs)


def image_from_upload(*, file, alt_text: str = "") -> Image:
    """A picture sent with a quick update, into the image library (validated, re-encoded without
    metadata by ``Image.save``), with its renditions made now rather than by the first reader."""
    from articles.images import generate_renditions

    image = Image(file=file)
    for code in LANGUAGE_CODES:
        setattr(image, f"alt_text_{code}", alt_text)
    with transaction.atomic():
        image.full_clean()
        image.save()
    generate_renditions(image)
    return image


def _author_of(user):
    return getattr(user, "author", None)


def live_update_post(
    *, live_blog: LiveBlog, by, texts: dict, key_event: bool = False, image=None
) -> LiveUpdate:
    """A new update, now, in the languages whose text is given (at least one)."""
    if not by.has_perm("live.add_liveupdate"):
        raise PermissionDenied
    update = LiveUpdate(
        live_blog=live_blog, key_event=key_event, image=image, posted_by=by, author=_author_of(by)
    )
    for code in LANGUAGE_CODES:
        setattr(update, f"body_{code}", text_to_html(texts.get(code, "")))
    if not any(getattr(update, f"body_{code}") for code in LANGUAGE_CODES):
        raise ValidationError(_("Write the update in at least one language."))
    with transaction.atomic(), reversion.create_revision():
        update.full_clean()
        update.save()
        reversion.set_user(by)
        reversion.set_comment(_("Posted"))
    return update


def live_update_delete(*, update: LiveUpdate, by) -> LiveUpdate:
    """Readers no longer see it; the text stays, with a revision saying who deleted it.
    Writers delete only their own updates, editors anyone's."""
    if not (by.has_perm("live.delete_liveupdate") and update.is_editable_by(by)):
        raise PermissionDenied
    with transaction.atomic(), reversion.create_revision():
        update.deleted_at = timezone.now()
        update.save()
        reversion.set_user(by)
        reversion.set_comment(_("Deleted"))
    return update


def live_blog_end(*, live_blog: LiveBlog, by) -> LiveBlog:
    if not by.has_perm("live.change_liveblog"):
        raise PermissionDenied
    live_blog.ended_at = timezone.now()
    with transaction.atomic():
        live_blog.save(update_fields=["ended_at"])
    return live_blog


def breaking_alert_withdraw(*, alert: BreakingAlert, by) -> BreakingAlert:
    if not by.has_perm("live.change_breakingalert"):
        raise PermissionDenied
    alert.withdrawn_at = timezone.now()
    with transaction.atomic():
        alert.save(update_fields=["withdrawn_at"])
    return alert
