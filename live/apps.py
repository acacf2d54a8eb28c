from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LiveConfig(AppConfig):
    name = "live"
    verbose_name = _("Live coverage")

    def ready(self):
        import reversion

        from live.models import LiveBlog, LiveUpdate
        from web.cache import invalidate_on_change

        # The article page shows the updates (and the no-JavaScript page must show a new one
        # after a reload), so they move the public generation on, as an article edit does.
        # Breaking alerts do not: pages never contain them (see live.views.breaking).
        invalidate_on_change(LiveBlog, LiveUpdate)
        if not reversion.is_registered(LiveUpdate):
            # Every edit and deletion of an update keeps the previous text (compare, restore, recover).
            reversion.register(LiveUpdate)
