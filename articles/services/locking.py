"""One writer at a time: an article row locked for the length of a change, and stale edits refused."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from articles.models import Article


class StaleArticle(ValidationError):
    """The article changed since the caller loaded it."""


def lock_article(article, expected_version=None):
    """The article's row, locked until the transaction ends; ``StaleArticle`` when it is no
    longer at ``expected_version`` (someone saved it since the caller loaded it)."""
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleArticle(_("Someone else changed this article in the meantime. Reload it and try again."))
    return locked
