"""The picture library: images and the resized copies made of them."""

import secrets
from pathlib import PurePath

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.uploads import replace_with_clean_copy, validate_uploaded_image


def random_upload_path(folder, filename):
    """Store uploads under random names: nothing of the uploader's file name leaks or collides."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"{folder}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}{suffix}"


def image_upload_to(instance, filename):
    return random_upload_path("images", filename)


def rendition_upload_to(instance, filename):
    return random_upload_path("renditions", filename)


class Image(models.Model):
    """A picture in the library; one image may lead several articles."""

    file = models.ImageField(
        _("file"),
        upload_to=image_upload_to,
        width_field="width",
        height_field="height",
        validators=[validate_uploaded_image],
        help_text=_("JPEG, PNG, WebP or GIF. Stored re-encoded, without location or camera data."),
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,
        help_text=_("What the picture shows, for readers who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=150, blank=True, help_text=_("Photographer or agency."))
    created_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("image")
        verbose_name_plural = _("images")

    def __str__(self):
        return self.caption or self.alt_text or PurePath(self.file.name).name

    def save(self, *args, **kwargs):
        replace_with_clean_copy(self.file)
        # A file attached with file.save(..., save=False) does not fill the dimension fields.
        if self.file and not (self.width and self.height):
            self.width, self.height = self.file.width, self.file.height
        super().save(*args, **kwargs)


class ImageRendition(models.Model):
    """A resized copy of an image, made once and reused for every page that shows it."""

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=8)
    file = models.ImageField(upload_to=rendition_upload_to, width_field="width", height_field="height")

    class Meta:
        ordering = ["image", "format", "width"]
        verbose_name = _("image rendition")
        verbose_name_plural = _("image renditions")
        constraints = [
            models.UniqueConstraint(fields=["image", "width", "format"], name="rendition_unique_size_format")
        ]

    def __str__(self):
        return f"{self.image_id} {self.width}w {self.format}"
