"""Live coverage: live blogs (an article plus timestamped updates) and the breaking-news strip.

``articles`` knows nothing of this app: a live blog is a one-to-one companion of an article, and
the article page shows it through ``{% load live %}``, the way it shows comments.
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models import LANGUAGE_CODES, Article, Author, Image
from articles.sanitize import sanitize_html


def _language(language=None):
    return (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def _article_live(language, column):
    """The row's article is live in ``language`` (``Article.objects.live``), checked per row by
    primary key: a few index lookups, never a scan of every live article."""
    return Exists(Article.objects.live(language).filter(pk=OuterRef(column)))


class LiveBlog(models.Model):
    """Marks an article as a live blog: readers see its updates arrive without reloading."""

    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="live_blog", verbose_name=_("article")
    )
    started_at = models.DateTimeField(_("coverage started"), default=timezone.now)
    ended_at = models.DateTimeField(
        _("coverage ended"),
        null=True,
        blank=True,
        help_text=_(
            "Set when the story is over: readers see “Coverage ended” and pages stop checking for updates."
        ),
    )

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("live blog")
        verbose_name_plural = _("live blogs")

    def __str__(self):
        return str(self.article)

    def is_ended(self):
        return self.ended_at is not None and self.ended_at <= timezone.now()

    is_ended.boolean = True
    is_ended.short_description = _("ended")


class LiveUpdateQuerySet(models.QuerySet):
    def visible(self, language=None):
        """What readers of ``language`` see: updates written in it, not deleted, posted, on a
        live blog whose article is live in that language; newest first."""
        language = _language(language)
        return (
            self.filter(
                Q(**{f"body_{language}__gt": ""}),
                deleted_at__isnull=True,
                posted_at__lte=timezone.now(),
            )
            .filter(_article_live(language, "live_blog__article_id"))
            .order_by("-posted_at", "-pk")
        )

    def editable_by(self, user):
        """The updates ``user`` may edit or delete: anyone's with ``live.change_any_liveupdate``
        (editors), otherwise only those they posted (writers)."""
        if user.has_perm("live.change_any_liveupdate"):
            return self.all()
        return self.filter(posted_by_id=user.pk) if user.is_authenticated else self.none()


class LiveUpdate(models.Model):
    """One timestamped entry of a live blog, in one language or both."""

    live_blog = models.ForeignKey(
        LiveBlog, on_delete=models.CASCADE, related_name="updates", verbose_name=_("live blog")
    )
    body = models.TextField(
        _("text"), blank=True, help_text=_("Leave a language empty to post the update in the other one only.")
    )
    image = models.ForeignKey(
        Image, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("picture")
    )
    key_event = models.BooleanField(
        _("key event"), default=False, help_text=_("Pinned in the list of key events at the top.")
    )
    author = models.ForeignKey(
        Author, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("author")
    )
    posted_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    posted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("posted by"),
    )
    edited_at = models.DateTimeField(_("edited at"), auto_now=True)
    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    objects = LiveUpdateQuerySet.as_manager()

    class Meta:
        ordering = ["-posted_at", "-pk"]
        get_latest_by = "posted_at"
        verbose_name = _("live update")
        verbose_name_plural = _("live updates")
        permissions = [("change_any_liveupdate", _("Can edit and delete anyone's live updates"))]
        indexes = [models.Index(fields=["live_blog", "-posted_at"], name="liveupdate_blog_posted_idx")]

    def __str__(self):
        return f"{self.live_blog} · {self.posted_at:%Y-%m-%d %H:%M}"

    def save(self, *args, **kwargs):
        for code in LANGUAGE_CODES:
            field = f"body_{code}"
            setattr(self, field, sanitize_html(getattr(self, field, "") or ""))
        super().save(*args, **kwargs)

    def is_editable_by(self, user):
        """Mirrors ``LiveUpdate.objects.editable_by``: anyone's for editors, one's own for writers."""
        if user.has_perm("live.change_any_liveupdate"):
            return True
        return user.is_authenticated and self.posted_by_id is not None and self.posted_by_id == user.pk


def default_alert_expiry():
    return timezone.now() + timedelta(hours=2)


class BreakingAlertQuerySet(models.QuerySet):
    def current(self, language=None):
        """Alerts readers of ``language`` see now: written in it, not withdrawn, not expired,
        linking an article live in that language; newest first."""
        language = _language(language)
        return (
            self.filter(
                Q(**{f"text_{language}__gt": ""}),
                withdrawn_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
            .filter(_article_live(language, "article_id"))
            .order_by("-created_at", "-pk")
        )


class BreakingAlert(models.Model):
    """A one-line alert shown across the top of every public page until it expires."""

    text = models.CharField(
        _("alert"),
        max_length=200,
        blank=True,
        help_text=_("One line. Leave a language empty to not show it there."),
    )
    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="+", verbose_name=_("article")
    )
    expires_at = models.DateTimeField(
        _("expires at"), default=default_alert_expiry, help_text=_("The strip disappears at this time.")
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True, editable=False)

    objects = BreakingAlertQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("breaking alert")
        verbose_name_plural = _("breaking alerts")

    def __str__(self):
        return self.text_en or self.text_ar or f"#{self.pk}"

    def is_current(self):
        return self.withdrawn_at is None and self.expires_at > timezone.now()

    is_current.boolean = True
    is_current.short_description = _("showing")
