"""Shared previews: signed, expiring links that show an unpublished article without an account."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from articles.models import Article, PreviewLink


def preview_link_create(*, article: Article, by, hours: int | None = None) -> PreviewLink:
    """A signed link showing the article as it is now to someone without an account."""
    if not by.has_perm("articles.add_previewlink") or not by.has_perm("articles.view_article"):
        raise PermissionDenied(_("You are not allowed to share previews."))
    hours = hours or getattr(settings, "ARTICLES_PREVIEW_LINK_HOURS", 48)
    if not 1 <= hours <= 24 * 30:
        raise ValidationError(_("A preview link lasts between one hour and thirty days."))
    return PreviewLink.objects.create(
        article=article, created_by=by, expires_at=timezone.now() + timedelta(hours=hours)
    )


def preview_link_revoke(*, link: PreviewLink, by) -> PreviewLink:
    """Stop a preview link from working, now."""
    if not by.has_perm("articles.change_previewlink"):
        raise PermissionDenied(_("You are not allowed to revoke preview links."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = by
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link
