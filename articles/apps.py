from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def next_scheduled_publication():
    """When the next scheduled article goes live (the page cache moves on then), or None."""
    from articles.models import Article

    return Article.objects.scheduled().order_by("publish_at").values_list("publish_at", flat=True).first()


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from articles.models import (
            Article,
            ArticleAuthor,
            Author,
            Correction,
            Image,
            RelatedArticle,
            Section,
            Tag,
            register_revisions,
        )
        from web.cache import changes_at, invalidate_on_change, invalidate_on_relation_change

        register_revisions()
        # Opt-in: only what readers can see makes cached public pages stale. Left out on
        # purpose: ImageRendition (made while a reader's page renders), PreviewLink and
        # ArticleTransition (staff-only records). Comments decide for themselves (comments.signals).
        invalidate_on_change(Article, Section, Tag, Author, Image, ArticleAuthor, RelatedArticle, Correction)
        invalidate_on_relation_change(Article.tags, Article.authors, Article.related)
        changes_at(next_scheduled_publication)
