from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        import reversion
        from django.db.models.signals import post_delete, post_save

        from live.models import LiveBlog, LiveUpdate
        from newsroom.cache import invalidate_public_pages

        # The article page shows the updates (and the no-JavaScript page must show a new one
        # after a reload), so they move the public generation on, as an article edit does.
        # Breaking alerts do not: pages never contain them (see live.views.breaking).
        for model in (LiveBlog, LiveUpdate):
            post_save.connect(
                invalidate_public_pages, sender=model, dispatch_uid=f"pages-{model._meta.label}"
            )
            post_delete.connect(
                invalidate_public_pages, sender=model, dispatch_uid=f"pages-d-{model._meta.label}"
            )
        if not reversion.is_registered(LiveUpdate):
            # Every edit and deletion of an update keeps the previous text (compare, restore, recover).
            reversion.register(LiveUpdate)
