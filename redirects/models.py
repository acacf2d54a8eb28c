"""Old addresses that answer with a permanent redirect (301) to a page of this site.

A redirect points either at an object (an article, section, tag or author: the address is
worked out when it is followed, in the redirect's language, so a renamed slug never breaks
it) or at a path an editor types. The WordPress importer makes one per old address form;
editors add and edit them in the admin. ``MissedAddress`` lists the WordPress-looking
addresses readers asked for and nothing answered, so editors can see what is missing.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from redirects.paths import normalize_path


class Source(models.TextChoices):
    EDITOR = "editor", _("Added by an editor")
    IMPORT = "import", _("Imported")


class Redirect(models.Model):
    old_path = models.CharField(
        _("old address"),
        max_length=500,
        unique=True,
        help_text=_(
            "The path readers still use, e.g. /2019/05/my-story/ or /?p=123. Stored in a normal form: "
            "decoded, without trailing slash or AMP suffix."
        ),
    )
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language of the page it leads to."),
    )
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        verbose_name=_("kind of page"),
    )
    object_id = models.PositiveBigIntegerField(_("page id"), null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    target_path = models.CharField(
        _("new address"),
        max_length=500,
        blank=True,
        help_text=_(
            "A path on this site, e.g. /en/news/my-story/. Leave empty when the redirect names a page."
        ),
    )
    source = models.CharField(_("source"), max_length=10, choices=Source.choices, default=Source.EDITOR)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["old_path"]
        verbose_name = _("redirect")
        verbose_name_plural = _("redirects")
        indexes = [models.Index(fields=["content_type", "object_id"], name="redirect_target_idx")]
        constraints = [
            models.CheckConstraint(
                condition=~Q(target_path="") | Q(content_type__isnull=False, object_id__isnull=False),
                name="redirect_has_target",
            ),
            models.CheckConstraint(condition=Q(source__in=Source.values), name="redirect_source_valid"),
        ]

    def __str__(self):
        return f"{self.old_path} → {self.target_path or self.target}"

    def save(self, *args, **kwargs):
        self.old_path = normalize_path(self.old_path)
        super().save(*args, **kwargs)

    def clean(self):
        self.old_path = normalize_path(self.old_path)
        if self.old_path == "/":
            raise ValidationError({"old_path": _("The home page cannot be redirected.")})
        if self.target_path and not self.target_path.startswith("/"):
            raise ValidationError({"target_path": _("Write a path on this site, starting with /.")})
        if not self.target_path and not (self.content_type_id and self.object_id):
            raise ValidationError({"target_path": _("Say where the old address should lead.")})


class MissedAddress(models.Model):
    """An address in a WordPress form that readers asked for and nothing answered (a 404)."""

    path = models.CharField(_("address"), max_length=500, unique=True)
    hits = models.PositiveIntegerField(_("requests"), default=1)
    first_seen = models.DateTimeField(_("first asked"), default=timezone.now)
    last_seen = models.DateTimeField(_("last asked"), default=timezone.now)

    class Meta:
        ordering = ["-hits", "-last_seen"]
        verbose_name = _("missed old address")
        verbose_name_plural = _("missed old addresses")

    def __str__(self):
        return self.path
