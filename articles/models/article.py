"""The article itself, its byline and the editor's related-story picks.

Translated fields (headline, body, …) are registered in ``articles/translation.py``;
django-modeltranslation adds ``<field>_en`` and ``<field>_ar`` columns for each.
"""

import re

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.addresses import slug_address
from articles.models.choices import LANGUAGE_CODES, Label, Status, TranslationState
from articles.models.media import Image
from articles.models.people import Author
from articles.models.querysets import ArticleQuerySet, live_in
from articles.models.taxonomy import Section, Tag
from articles.sanitize import sanitize_html

# The texts whose change makes the other language's translation stale.
TRANSLATED_TEXT_FIELDS = ("headline", "summary", "body")
# Columns the database fills for search (see ``articles/search.py``); no page shows them.
SEARCH_DOCUMENTS = tuple(f"search_{part}{code}" for part in ("", "teaser_") for code in LANGUAGE_CODES)
_BETWEEN_TAGS = re.compile(r">\s+<")
_SPACES = re.compile(r"\s+")


def comparable_text(value):
    """A text as readers get it, for telling real edits from the rich-text editor's reformatting
    (line breaks between paragraphs, runs of spaces, ``&nbsp;``)."""
    value = (value or "").replace("&nbsp;", "\xa0")
    return _SPACES.sub(" ", _BETWEEN_TAGS.sub("><", value)).strip()


class Article(models.Model):
    headline = models.CharField(
        _("headline"),
        max_length=250,
        blank=True,
        help_text=_("Required in every language the article is written in."),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=250,
        allow_unicode=True,
        blank=True,
        help_text=_("The last part of the address; unique within the language."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown under the headline and in listings."),
    )
    body = models.TextField(_("body"), blank=True)
    source = models.CharField(
        _("source line"),
        max_length=150,
        blank=True,
        help_text=_("Shown before the body, e.g. “Euphrates Post” or an agency name."),
    )
    label = models.CharField(_("label"), max_length=20, choices=Label.choices, blank=True, default="")
    section = models.ForeignKey(
        Section, on_delete=models.PROTECT, related_name="articles", verbose_name=_("section")
    )
    tags = models.ManyToManyField(Tag, blank=True, related_name="articles", verbose_name=_("tags"))
    authors = models.ManyToManyField(
        Author, through="ArticleAuthor", related_name="articles", verbose_name=_("authors")
    )
    lead_image = models.ForeignKey(
        Image,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="lead_of",
        verbose_name=_("lead image"),
    )
    related = models.ManyToManyField(
        "self",
        through="RelatedArticle",
        symmetrical=False,
        blank=True,
        related_name="+",
        verbose_name=_("related stories"),
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.DRAFT)
    publish_at = models.DateTimeField(
        _("publish at"),
        null=True,
        blank=True,
        help_text=_("When the article goes (or went) live. A future time schedules it."),
    )
    featured = models.BooleanField(
        _("lead story"), default=False, help_text=_("Show at the top of the home page.")
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    original_language = models.CharField(
        _("written in"),
        max_length=8,
        choices=settings.LANGUAGES,
        blank=True,
        default="",
        help_text=_(
            "The language the article was first written in; translators fill in the other one. "
            "Set automatically from the first language written."
        ),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    # Optimistic locking: every successful save increments it; a save based on an older
    # version is refused instead of silently overwriting someone else's work.
    version = models.PositiveIntegerField(default=1, editable=False)
    # The moment of the text each language is current with, to spot a translation gone stale
    # (see ``_stamp_language_edits``).
    edited_en_at = models.DateTimeField(null=True, blank=True, editable=False)
    edited_ar_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Full-text search documents, maintained by the database itself (see migrations): the
    # whole article (found by), and its teaser, headline and summary (ranked by; a few hundred
    # bytes, so ranking reads no body).
    search_en = SearchVectorField(null=True, editable=False)
    search_ar = SearchVectorField(null=True, editable=False)
    search_teaser_en = SearchVectorField(null=True, editable=False)
    search_teaser_ar = SearchVectorField(null=True, editable=False)

    objects = ArticleQuerySet.as_manager()

    class Meta:
        ordering = ["-publish_at", "-pk"]
        get_latest_by = "publish_at"
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        permissions = [
            ("publish_article", _("Can publish, schedule and unpublish articles")),
            ("review_article", _("Can submit articles for review")),
            ("translate_article", _("Can translate articles")),
            ("edit_published_article", _("Can edit others' and published articles")),
        ]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="article_status_publish_idx"),
            models.Index(fields=["section", "-publish_at"], name="article_section_publish_idx"),
            models.Index(fields=["-updated_at"], name="article_updated_idx"),
            # Search documents of live articles only (search always asks for live ones): a
            # smaller index, and no second bitmap to AND with at search time.
            *[
                GinIndex(
                    fields=[f"search_{code}"],
                    name=f"article_search_{code}_live_gin",
                    condition=live_in(code),
                )
                for code in LANGUAGE_CODES
            ],
            # "Live in a language" (ArticleQuerySet.live) as partial indexes: listings, counts and
            # the lead story read only these small indexes, never the (large) bodies, so pages
            # stay as fast at 40,000 articles as at 20,000.
            *[
                index
                for code in LANGUAGE_CODES
                for index in (
                    models.Index(
                        fields=["-publish_at", "-id"],
                        name=f"article_live_{code}_idx",
                        condition=live_in(code),
                    ),
                    models.Index(
                        fields=["section", "-publish_at"],
                        name=f"article_live_{code}_section_idx",
                        condition=live_in(code),
                    ),
                    models.Index(
                        fields=["-publish_at"],
                        name=f"article_featured_{code}_idx",
                        condition=live_in(code) & Q(featured=True),
                    ),
                )
            ],
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=Status.values), name="article_status_valid"),
            models.CheckConstraint(condition=Q(label__in=Label.values), name="article_label_valid"),
            models.CheckConstraint(
                condition=Q(original_language__in=["", *LANGUAGE_CODES]),
                name="article_original_language_valid",
            ),
            models.CheckConstraint(
                condition=~Q(status=Status.PUBLISHED) | Q(publish_at__isnull=False),
                name="article_published_has_time",
            ),
            # Slugs are per language (modeltranslation's columns); an empty one means "not written yet".
            *[
                models.UniqueConstraint(
                    fields=[f"slug_{code}"],
                    condition=~Q(**{f"slug_{code}": ""}),
                    name=f"article_slug_{code}_unique",
                )
                for code in LANGUAGE_CODES
            ],
        ]

    def __str__(self):
        return self.headline_en or self.headline_ar or f"#{self.pk}"

    def save(self, *args, **kwargs):
        self._fill_slugs()
        # Derived fields only: sanitised rich text and empty-looking bodies normalised to "".
        for code in LANGUAGE_CODES:
            field = f"body_{code}"
            setattr(self, field, sanitize_html(getattr(self, field, "") or ""))
        if self.status == Status.PUBLISHED and self.publish_at is None:
            self.publish_at = timezone.now()
        if not self.original_language:
            self.original_language = next(
                (code for code in LANGUAGE_CODES if getattr(self, f"headline_{code}", "")), ""
            )
        update_fields = kwargs.get("update_fields")
        with transaction.atomic(using=kwargs.get("using")):
            # The row is locked until the transaction ends, so concurrent saves number their
            # versions one after the other and compare texts with what is really stored.
            current = None
            if not self._state.adding and self.pk is not None:
                current = (
                    Article.objects.select_for_update()
                    .filter(pk=self.pk)
                    .values("version", "edited_en_at", "edited_ar_at", *self._text_columns())
                    .first()
                )
            if current is not None:
                self.version = current["version"] + 1
            stamped = self._stamp_language_edits(current)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version", *stamped}
            super().save(*args, **kwargs)

    def get_absolute_url(self, language=None):
        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return slug_address("articles:detail", getattr(self, f"slug_{language}", "") or "", language)

    @staticmethod
    def _text_columns():
        return [f"{name}_{code}" for name in TRANSLATED_TEXT_FIELDS for code in LANGUAGE_CODES]

    def _stamp_language_edits(self, current):
        """Move ``edited_<language>_at`` for each language whose text changed in this save.

        The stamp is the moment of the text a language is current with. An edit to a language
        that was up to date moves it to now, so the other language becomes stale until someone
        updates it. An edit to a language that was missing or stale is a translation catching
        up: it takes the other language's stamp, so a first translation (or an update of a stale
        one) never marks the original as stale. Returns the names of the fields it set.
        """
        now = timezone.now()
        old_text = current or {}
        changed = [
            code
            for code in LANGUAGE_CODES
            if any(
                comparable_text(getattr(self, f"{name}_{code}", ""))
                != comparable_text(old_text.get(f"{name}_{code}"))
                for name in TRANSLATED_TEXT_FIELDS
            )
        ]
        stamped = []
        for code in changed:
            others = [
                other
                for other in LANGUAGE_CODES
                if other != code and other not in changed and self.has_language(other)
            ]
            other_stamp = max(
                (
                    getattr(self, f"edited_{other}_at")
                    for other in others
                    if getattr(self, f"edited_{other}_at")
                ),
                default=None,
            )
            mine = getattr(self, f"edited_{code}_at")
            was_written = current is not None and all(
                old_text.get(f"{name}_{code}") for name in ("headline", "body")
            )
            catching_up = other_stamp is not None and (not was_written or mine is None or mine < other_stamp)
            setattr(self, f"edited_{code}_at", other_stamp if catching_up else now)
            stamped.append(f"edited_{code}_at")
        return stamped

    def clean(self):
        errors = {}
        if not any(getattr(self, f"headline_{code}", "") for code in LANGUAGE_CODES):
            errors[f"headline_{settings.LANGUAGE_CODE}"] = _("Write a headline in at least one language.")
        for code in LANGUAGE_CODES:
            body = sanitize_html(getattr(self, f"body_{code}", "") or "")
            if body and not getattr(self, f"headline_{code}", ""):
                errors[f"headline_{code}"] = _("This language has a body but no headline.")
            slug = getattr(self, f"slug_{code}", "")
            if slug and Article.objects.exclude(pk=self.pk).filter(**{f"slug_{code}": slug}).exists():
                errors[f"slug_{code}"] = _("Another article already uses this address.")
        if self.status == Status.PUBLISHED and not self.has_any_language():
            errors["status"] = _(
                "An article needs a headline and a body in at least one language to be published."
            )
        if errors:
            raise ValidationError(errors)

    def has_any_language(self):
        return any(self.has_language(code) for code in LANGUAGE_CODES)

    def _fill_slugs(self):
        """Derive a missing slug from the headline of the same language, unique within it."""
        for code in LANGUAGE_CODES:
            headline = getattr(self, f"headline_{code}", "") or ""
            if getattr(self, f"slug_{code}", "") or not headline:
                continue
            base = slugify(headline, allow_unicode=True)[:230] or "article"
            slug, n = base, 1
            while Article.objects.exclude(pk=self.pk).filter(**{f"slug_{code}": slug}).exists():
                n += 1
                slug = f"{base}-{n}"
            setattr(self, f"slug_{code}", slug)

    def is_published(self):
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    is_published.boolean = True
    is_published.short_description = _("live")

    def is_live_in(self, language):
        """Mirror of ``ArticleQuerySet.live``: published and complete in that language."""
        return bool(
            self.is_published()
            and getattr(self, f"headline_{language}", "")
            and getattr(self, f"body_{language}", "")
        )

    def live_languages(self):
        return [code for code in LANGUAGE_CODES if self.is_live_in(code)]

    def has_language(self, language):
        """Headline and body written in ``language`` (whatever the status)."""
        return bool(getattr(self, f"headline_{language}", "") and getattr(self, f"body_{language}", ""))

    def translation_state(self, language):
        """``missing`` until headline and body are written; ``stale`` when another written
        language was edited after this one; ``complete`` otherwise.
        Mirrored by ``ArticleQuerySet.in_translation_state``."""
        if not self.has_language(language):
            return TranslationState.MISSING
        mine = getattr(self, f"edited_{language}_at")
        for other in LANGUAGE_CODES:
            theirs = getattr(self, f"edited_{other}_at")
            if other != language and self.has_language(other) and mine and theirs and theirs > mine:
                return TranslationState.STALE
        return TranslationState.COMPLETE

    def corrections_for_language(self, language=None):
        """Corrections written in ``language`` (the active one by default), oldest first: the
        list fetched with the article when its page's lookup did (``kept_corrections``)."""
        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        kept = getattr(self, "kept_corrections", None)
        if kept is not None and language in kept:
            return kept[language]
        return self.corrections.filter(**{f"text_{language}__gt": ""}).order_by("created_at", "pk")

    def source_language(self):
        """The language the article was written in (the one translators work from)."""
        if self.original_language:
            return self.original_language
        return next((code for code in LANGUAGE_CODES if self.has_language(code)), settings.LANGUAGE_CODE)

    def is_scheduled(self):
        return (
            self.status == Status.PUBLISHED
            and self.publish_at is not None
            and self.publish_at > timezone.now()
        )

    @property
    def byline_authors(self):
        """Authors in byline order (uses the prefetch of ``for_listing`` when present)."""
        return [link.author for link in self.article_authors.all()]


class ArticleAuthor(models.Model):
    """An author on an article's byline, in order."""

    article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="article_authors")
    author = models.ForeignKey(Author, on_delete=models.PROTECT, related_name="article_links")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("byline")
        verbose_name_plural = _("bylines")
        constraints = [models.UniqueConstraint(fields=["article", "author"], name="byline_author_once")]

    def __str__(self):
        return str(self.author)


class RelatedArticle(models.Model):
    """An editor's pick for "You may also like", in the editor's order."""

    from_article = models.ForeignKey(Article, on_delete=models.CASCADE, related_name="related_links")
    to_article = models.ForeignKey(
        Article,
        on_delete=models.CASCADE,
        related_name="relatedarticle_incoming",
        verbose_name=_("related story"),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("related story")
        verbose_name_plural = _("related stories")
        constraints = [
            models.UniqueConstraint(fields=["from_article", "to_article"], name="related_once"),
            models.CheckConstraint(
                condition=~Q(from_article=models.F("to_article")), name="related_not_self"
            ),
        ]

    def __str__(self):
        return str(self.to_article)
