"""Bylines: the public profiles of newsroom users and outside contributors."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from articles.addresses import slug_address
from articles.models.media import random_upload_path
from articles.uploads import replace_with_clean_copy, validate_uploaded_image


def author_photo_upload_to(instance, filename):
    return random_upload_path("authors", filename)


class Author(models.Model):
    """A byline: the public profile of a newsroom user (or of a contributor without an account)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="author",
        verbose_name=_("user account"),
        help_text=_("The login this byline belongs to. Leave empty for outside contributors."),
    )
    display_name = models.CharField(
        _("display name"), max_length=120, help_text=_("The name readers see in bylines.")
    )
    slug = models.SlugField(
        _("slug"), max_length=120, unique=True, help_text=_("Used in the author page address.")
    )
    bio = models.TextField(_("biography"), blank=True, help_text=_("A few plain-text sentences."))
    photo = models.ImageField(
        _("photo"), upload_to=author_photo_upload_to, blank=True, validators=[validate_uploaded_image]
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("author")
        verbose_name_plural = _("authors")

    def __str__(self):
        return self.display_name or self.slug

    def save(self, *args, **kwargs):
        replace_with_clean_copy(self.photo)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return slug_address("articles:author", self.slug)
