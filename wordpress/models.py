"""What the WordPress importer remembers between runs.

``ImportRecord`` ties one WordPress object (site, kind, id) to the object made from it here,
with a checksum of what was imported and, for articles, the article's version right after the
importer wrote it: a later import that finds another version knows an editor changed the
article here since, and leaves it alone. ``ImportRun`` is one upload from the admin: its files'
folder, the task that imports them, its progress and its report.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    AUTHOR = "author", _("Author")
    CATEGORY = "category", _("Category")
    TAG = "tag", _("Tag")
    POST = "post", _("Post")
    PAGE = "page", _("Page")
    ATTACHMENT = "attachment", _("Attachment")
    COMMENT = "comment", _("Comment")


class ImportRecord(models.Model):
    site = models.CharField(_("WordPress site"), max_length=200, help_text=_("The exported site's address."))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    wp_id = models.CharField(
        _("WordPress id"), max_length=200, help_text=_("The numeric id; for authors, their login.")
    )
    object_id = models.PositiveBigIntegerField(
        _("imported as"), help_text=_("The id of the object made here.")
    )
    language = models.CharField(_("language"), max_length=8, blank=True)
    checksum = models.CharField(_("checksum"), max_length=64)
    version_seen = models.PositiveIntegerField(
        _("article version after import"),
        null=True,
        blank=True,
        help_text=_("A different version today means an editor changed the article since."),
    )
    imported_at = models.DateTimeField(_("first imported"), default=timezone.now)
    updated_at = models.DateTimeField(_("last imported"), default=timezone.now)

    class Meta:
        ordering = ["site", "kind", "wp_id"]
        verbose_name = _("imported object")
        verbose_name_plural = _("imported objects")
        constraints = [
            models.UniqueConstraint(fields=["site", "kind", "wp_id"], name="wordpress_record_once"),
            models.CheckConstraint(condition=Q(kind__in=Kind.values), name="wordpress_record_kind_valid"),
        ]
        indexes = [models.Index(fields=["kind", "object_id"], name="wordpress_record_object_idx")]

    def __str__(self):
        return f"{self.site} {self.kind} {self.wp_id} → {self.object_id}"


class RunStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting for the import worker")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class ImportRun(models.Model):
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    files = models.TextField(_("files"), blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=RunStatus.choices, default=RunStatus.QUEUED)
    report = models.JSONField(_("report"), default=dict, blank=True)
    # The uploaded files wait in this private folder (under WORDPRESS_IMPORT_DIR) until the run
    # succeeds, so that a failed run can be retried; ``options`` are the form's choices.
    folder = models.CharField(_("folder"), max_length=64, blank=True)
    options = models.JSONField(_("options"), default=dict, blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    # Written while the import runs, from a connection of its own (the import's transaction
    # keeps everything else invisible until it commits).
    posts_done = models.PositiveIntegerField(_("posts read"), default=0)
    posts_total = models.PositiveIntegerField(_("posts in the files"), default=0)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=RunStatus.values), name="wordpress_run_status_valid"
            )
        ]

    def __str__(self):
        return f"{self.started_at:%Y-%m-%d %H:%M} {self.get_status_display()}"
