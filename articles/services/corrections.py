"""Corrections: dated notes appended under a published article."""

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from articles.models import Article, Correction
from articles.services.locking import lock_article
from articles.services.revisions import append_revision_comment


def correction_append(*, article: Article, by, text_en: str = "", text_ar: str = "") -> Correction:
    """Append a dated correction to an article (editors only)."""
    if not by.has_perm("articles.add_correction"):
        raise PermissionDenied(_("You are not allowed to add corrections."))
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        correction = Correction(
            article=article, created_by=by, text_en=text_en.strip(), text_ar=text_ar.strip()
        )
        correction.full_clean()
        correction.save()
        # The article page shows it: saving the article marks the page as changed.
        article = lock_article(article)
        article.save()
        reversion.set_user(by)
        append_revision_comment(_("Correction added."))
        reversion.add_to_revision(article)
    return correction
