from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RedirectsConfig(AppConfig):
    name = "redirects"
    verbose_name = _("Old addresses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from redirects.lookup import forget_redirects
        from redirects.models import Redirect

        post_save.connect(forget_redirects, sender=Redirect, dispatch_uid="redirects_saved")
        post_delete.connect(forget_redirects, sender=Redirect, dispatch_uid="redirects_deleted")
