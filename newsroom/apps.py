from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsroomConfig(AppConfig):
    """The project package: settings, URLs, site-wide views and tags, and the migrations that
    created the tables the consent, readership and web apps took over."""

    name = "newsroom"
    verbose_name = _("Site")
