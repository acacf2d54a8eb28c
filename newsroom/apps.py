from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    name = "newsroom"
    verbose_name = _("Site")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import m2m_changed, post_delete, post_save

        from newsroom.cache import invalidate_public_pages

        # Anything readers can see changes with these models: a save or delete makes every
        # cached public page stale (comments decide for themselves, see comments.signals).
        for label in ("articles", "newsroom"):
            for model in apps.get_app_config(label).get_models():
                if getattr(model, "invalidates_public_pages", label == "articles"):
                    post_save.connect(
                        invalidate_public_pages, sender=model, dispatch_uid=f"pages-{model._meta.label}"
                    )
                    post_delete.connect(
                        invalidate_public_pages, sender=model, dispatch_uid=f"pages-d-{model._meta.label}"
                    )
        m2m_changed.connect(invalidate_public_pages, dispatch_uid="pages-m2m")
