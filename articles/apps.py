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
        from django.db.models.signals import m2m_changed

        from articles.models import register_revisions
        from web.cache import changes_at, invalidate_on_change, invalidate_public_pages

        register_revisions()
        # Anything readers can see changes with these models: a save or delete makes every
        # cached public page stale (comments decide for themselves, see comments.signals).
        invalidate_on_change(
            *[model for model in self.get_models() if getattr(model, "invalidates_public_pages", True)]
        )
        m2m_changed.connect(invalidate_public_pages, dispatch_uid="pages-m2m")
        changes_at(next_scheduled_publication)
