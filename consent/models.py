"""The Privacy & Cookies Policy (one row per version) and the proof of readers' cookie choices.

``title`` and ``body`` of the policy are translated (``consent/translation.py``): the columns
are ``title_en``, ``title_ar``, ``body_en``, ``body_ar``.
"""

from datetime import timedelta

from django.conf import settings
from django.contrib.postgres.fields import ArrayField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles.sanitize import sanitize_html

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]


class PrivacyPolicyQuerySet(models.QuerySet):
    def published(self):
        """Versions that were published (each keeps its number and text for good)."""
        return self.filter(version__isnull=False)

    def drafts(self):
        return self.filter(version__isnull=True)

    def current(self):
        """The version in force: the published one with the highest number, or None."""
        return self.published().order_by("-version").first()


class PrivacyPolicy(models.Model):
    """One version of the "Privacy & Cookies Policy".

    Editors write a draft (or copy the current version into one) and publish it; publishing
    gives it the next version number, and every reader is asked for their cookie choices again.
    A published version is never edited, so each recorded consent points at the text it was
    given under.
    """

    title = models.CharField(_("title"), max_length=200, help_text=_("Shown as the page heading."))
    body = models.TextField(
        _("text"),
        blank=True,
        help_text=_(
            "What the site stores and why, and readers' rights. The list of cookies is added "
            "below it automatically from the cookie registry."
        ),
    )
    change_note = models.CharField(
        _("what changed"),
        max_length=300,
        blank=True,
        help_text=_("For the newsroom only: a line on what this version changes."),
    )
    version = models.PositiveIntegerField(
        _("version"), null=True, blank=True, unique=True, editable=False, help_text=_("Given on publication.")
    )
    published_at = models.DateTimeField(_("published at"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("published by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    objects = PrivacyPolicyQuerySet.as_manager()

    class Meta:
        ordering = [F("version").desc(nulls_first=True), "-created_at"]
        get_latest_by = "version"
        verbose_name = _("privacy & cookies policy")
        verbose_name_plural = _("privacy & cookies policy versions")
        permissions = [("publish_privacypolicy", _("Can publish the privacy & cookies policy"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(version__isnull=True, published_at__isnull=True)
                | Q(version__isnull=False, published_at__isnull=False),
                name="privacypolicy_version_iff_published",
            )
        ]

    def __str__(self):
        title = self.title_en or self.title_ar or ""
        if self.version:
            return f"{title} (v{self.version})"
        return f"{title} ({_('draft')})"

    def save(self, *args, **kwargs):
        # Derived only: whatever the editor sent, the stored text is the sanitised subset.
        for code in LANGUAGE_CODES:
            field = f"body_{code}"
            setattr(self, field, sanitize_html(getattr(self, field, "") or ""))
        super().save(*args, **kwargs)

    def is_published(self):
        return self.version is not None

    is_published.boolean = True
    is_published.short_description = _("published")

    def check_publishable(self):
        """A policy goes public only complete in every language: readers must be able to read it."""
        errors = {}
        for code in LANGUAGE_CODES:
            if not (getattr(self, f"title_{code}", "") or "").strip():
                errors[f"title_{code}"] = _("Write the title in every language before publishing.")
            if not sanitize_html(getattr(self, f"body_{code}", "") or ""):
                errors[f"body_{code}"] = _("Write the text in every language before publishing.")
        if errors:
            raise ValidationError(errors)


class ConsentAction(models.TextChoices):
    ACCEPT_ALL = "accept_all", _("Accepted all")
    REJECT_ALL = "reject_all", _("Rejected all")
    CUSTOM = "custom", _("Chose per category")
    WITHDRAW = "withdraw", _("Withdrew consent")


class ConsentRecordQuerySet(models.QuerySet):
    def past_retention(self, now=None):
        """Records older than ``COOKIE_CONSENT_RECORD_RETENTION_DAYS``: due for deletion."""
        now = now or timezone.now()
        return self.filter(created_at__lt=now - timedelta(days=settings.COOKIE_CONSENT_RECORD_RETENTION_DAYS))


class ConsentRecord(models.Model):
    """Proof of one cookie choice: what was chosen, under which policy version, when.

    Deliberately nothing that identifies a person: no IP address, no account, only the random
    consent id the reader's own cookie carries and the browser family.
    """

    consent_id = models.CharField(_("consent id"), max_length=64, db_index=True)
    action = models.CharField(_("action"), max_length=20, choices=ConsentAction.choices)
    categories = ArrayField(
        models.CharField(max_length=20), blank=True, default=list, verbose_name=_("accepted categories")
    )
    policy_version = models.PositiveIntegerField(_("policy version"))
    language = models.CharField(_("language"), max_length=8)
    gpc = models.BooleanField(
        _("Global Privacy Control"),
        default=False,
        help_text=_("The browser sent Sec-GPC: 1, so statistics and marketing were refused."),
    )
    user_agent_family = models.CharField(_("browser"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("recorded at"), default=timezone.now, db_index=True)

    objects = ConsentRecordQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"
        verbose_name = _("consent record")
        verbose_name_plural = _("consent records")
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=ConsentAction.values), name="consentrecord_action_valid"
            )
        ]

    def __str__(self):
        return f"{self.consent_id} · {self.get_action_display()} · v{self.policy_version}"
