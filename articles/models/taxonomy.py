"""Where an article belongs: the paper's sections and the topics that cut across them."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.addresses import slug_address


class Section(models.Model):
    """A part of the paper (World, Syria, Economy…), in the order the navigation shows them."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True, help_text=_("Used in addresses."))
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first in the navigation.")
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self):
        return self.name or ""

    def get_absolute_url(self):
        return slug_address("articles:section", self.slug)


class Tag(models.Model):
    """A topic that cuts across sections (a place, a person, an organisation)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name or ""

    def get_absolute_url(self):
        return slug_address("articles:tag", self.slug)
