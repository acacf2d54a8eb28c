"""What happens around an article: workflow steps, shared preview links, corrections, revisions."""

from datetime import timedelta

import reversion
from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from articles.models.article import SEARCH_DOCUMENTS, Article, ArticleAuthor, RelatedArticle
from articles.models.choices import LANGUAGE_CODES, Status


class ArticleTransition(models.Model):
    """One step of the editorial workflow: who moved the article from which state to which, and why."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="transitions", verbose_name=_("article")
    )
    from_status = models.CharField(_("from"), max_length=20, choices=Status.choices)
    to_status = models.CharField(_("to"), max_length=20, choices=Status.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("by"),
    )
    at = models.DateTimeField(_("at"), default=timezone.now)
    publish_at = models.DateTimeField(
        _("publish at"), null=True, blank=True, help_text=_("The publication time set by this step, if any.")
    )
    note = models.TextField(_("note"), blank=True, help_text=_("Why, for the people working on the article."))

    class Meta:
        ordering = ["-at", "-pk"]
        get_latest_by = "at"
        verbose_name = _("workflow step")
        verbose_name_plural = _("workflow steps")
        indexes = [models.Index(fields=["article", "-at"], name="transition_article_at_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_status__in=Status.values) & Q(to_status__in=Status.values),
                name="transition_status_valid",
            )
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"


class PreviewLinkQuerySet(models.QuerySet):
    def active(self):
        """Links that still open their preview: not revoked and not expired."""
        return self.filter(revoked_at__isnull=True, expires_at__gt=timezone.now())


def default_preview_expiry():
    return timezone.now() + timedelta(hours=getattr(settings, "ARTICLES_PREVIEW_LINK_HOURS", 48))


class PreviewLink(models.Model):
    """A link that shows an unpublished article to someone without an account.

    The address carries a signature of the link's id (nothing to guess or forge); whether it
    still opens is decided here, in the database, so an editor can revoke it at any time.
    """

    SALT = "articles.preview-link"

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="preview_links", verbose_name=_("article")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    expires_at = models.DateTimeField(
        _("expires at"), default=default_preview_expiry, help_text=_("The link stops working at this time.")
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )

    objects = PreviewLinkQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("preview link")
        verbose_name_plural = _("preview links")

    def __str__(self):
        return _("Preview of “%(article)s”") % {"article": self.article}

    def get_absolute_url(self, language=None):
        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        with translation.override(language):
            return reverse("articles:shared_preview", kwargs={"token": self.token})

    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()

    is_active.boolean = True

    @property
    def token(self):
        # No timestamp in it: one link, one address (the expiry is the row's, so it can be revoked).
        return signing.Signer(salt=self.SALT).sign_object(self.pk)

    @classmethod
    def from_token(cls, token, *, active_only=True):
        """The link this token was made for, or None: bad signature, unknown link, or (with
        ``active_only``) expired or revoked."""
        try:
            pk = signing.Signer(salt=cls.SALT).unsign_object(token)
        except signing.BadSignature:
            return None
        if not isinstance(pk, int):
            return None
        links = cls.objects.active() if active_only else cls.objects.all()
        return links.select_related("article").filter(pk=pk).first()


class Correction(models.Model):
    """A dated correction appended to a published article (shown under its body)."""

    article = models.ForeignKey(
        Article, on_delete=models.CASCADE, related_name="corrections", verbose_name=_("article")
    )
    text = models.TextField(
        _("correction"),
        blank=True,
        help_text=_(
            "What was wrong and what is right now, in plain text. Leave a language empty to not show it there."
        ),
    )
    created_at = models.DateTimeField(_("date"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )

    class Meta:
        ordering = ["created_at", "pk"]
        get_latest_by = "created_at"
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        return self.text_en or self.text_ar or f"#{self.pk}"

    def clean(self):
        if not any((getattr(self, f"text_{code}", "") or "").strip() for code in LANGUAGE_CODES):
            raise ValidationError(
                {f"text_{settings.LANGUAGE_CODE}": _("Write the correction in at least one language.")}
            )


def register_revisions():
    """Revisions (django-reversion): an article's version holds every translated column, its
    tags, and, through ``follow``, its bylines and related-story picks. ``version`` is kept in
    the snapshot (it tells which revision an edit form was loaded from); the search documents
    are derived by the database and left out.

    Called from ``ArticlesConfig.ready()``: reversion lists a model's fields when it is
    registered, so this must run after modeltranslation has added the ``_en``/``_ar`` columns.
    """
    from modeltranslation.translator import translator

    if reversion.is_registered(Article):
        return
    # The untranslated base columns only mirror one language; the snapshot keeps the real ones.
    mirrors = list(translator.get_options_for_model(Article).fields)
    reversion.register(ArticleAuthor)
    reversion.register(RelatedArticle)
    reversion.register(
        Article, follow=["article_authors", "related_links"], exclude=[*SEARCH_DOCUMENTS, *mirrors]
    )
