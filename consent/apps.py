from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsentConfig(AppConfig):
    name = "consent"
    verbose_name = _("Privacy and cookies")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from consent.cookies import consent_cache_key_part
        from consent.models import PrivacyPolicy
        from web.cache import invalidate_on_change, vary_on

        # Readers with different cookie choices see different banners: the page cache keys on it.
        vary_on(consent_cache_key_part)
        # The policy page and the banner change with the policy; a reader's consent record does not.
        invalidate_on_change(PrivacyPolicy)
