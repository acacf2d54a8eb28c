"""The newsroom's content: authors, sections, tags, images and articles.

Translated fields (headline, body, …) are registered in ``articles/translation.py``;
django-modeltranslation adds ``<field>_en`` and ``<field>_ar`` columns for each.
"""

import re
import secrets
from datetime import timedelta
from pathlib import PurePath

import reversion
from django.conf import settings
from django.contrib.postgres.indexes import GinIndex
from django.contrib.postgres.search import SearchVectorField
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from articles.sanitize import sanitize_html
from articles.uploads import replace_with_clean_copy, validate_uploaded_image

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
# The texts whose change makes the other language's translation stale.
TRANSLATED_TEXT_FIELDS = ("headline", "summary", "body")
_BETWEEN_TAGS = re.compile(r">\s+<")
_SPACES = re.compile(r"\s+")


def comparable_text(value):
    """A text as readers get it, for telling real edits from the rich-text editor's reformatting
    (line breaks between paragraphs, runs of spaces, ``&nbsp;``)."""
    value = (value or "").replace("&nbsp;", "\xa0")
    return _SPACES.sub(" ", _BETWEEN_TAGS.sub("><", value)).strip()


def random_upload_path(folder, filename):
    """Store uploads under random names: nothing of the uploader's file name leaks or collides."""
    suffix = PurePath(filename).suffix.lower()[:6]
    return f"{folder}/{timezone.now():%Y/%m}/{secrets.token_urlsafe(12)}{suffix}"


def image_upload_to(instance, filename):
    return random_upload_path("images", filename)


def rendition_upload_to(instance, filename):
    return random_upload_path("renditions", filename)


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
        return reverse("articles:author", kwargs={"slug": self.slug})


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
        return reverse("articles:section", kwargs={"slug": self.slug})


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
        return reverse("articles:tag", kwargs={"slug": self.slug})


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


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    UNPUBLISHED = "unpublished", _("Unpublished")
    ARCHIVED = "archived", _("Archived")


class TranslationState(models.TextChoices):
    COMPLETE = "complete", _("Complete")
    MISSING = "missing", _("Missing")
    STALE = "stale", _("Needs update")


class Label(models.TextChoices):
    NONE = "", _("No label")
    EXCLUSIVE = "exclusive", _("Exclusive")
    BREAKING = "breaking", _("Breaking")
    ANALYSIS = "analysis", _("Analysis")
    OPINION = "opinion", _("Opinion")
    INTERVIEW = "interview", _("Interview")
    REPORT = "report", _("Report")


@models.TextField.register_lookup
class OctetLength(models.Transform):
    """``body__octet_length__gt=0``: PostgreSQL reads a stored text's size from its TOAST header,
    so unlike ``body > ''`` this never decompresses a long body just to see it is not empty."""

    lookup_name = "octet_length"
    function = "OCTET_LENGTH"
    output_field = models.IntegerField()


def _live_in(language):
    """The condition of ``ArticleQuerySet.live`` without its time part (indexes need it fixed).

    A missing translation may be "" or NULL; both fail these comparisons.
    """
    return Q(status=Status.PUBLISHED) & Q(
        **{f"headline_{language}__gt": "", f"body_{language}__octet_length__gt": 0}
    )


class ArticleQuerySet(models.QuerySet):
    def published(self):
        """Visible to the public: status published and publish time in the past.

        A scheduled article is simply published with a future ``publish_at``: it appears at
        its time with no job to run and nothing to miss.
        """
        return self.filter(status=Status.PUBLISHED, publish_at__lte=timezone.now())

    def live(self, language=None):
        """Published and complete in ``language`` (the active one by default): headline and body."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        language = language.split("-")[0]
        return self.filter(_live_in(language), publish_at__lte=timezone.now())

    def search(self, query, language=None):
        """Live articles in ``language`` matching a reader's query (PostgreSQL full-text search on
        that language's document), best match first, then newest. See ``articles/search.py``.
        """
        from articles.search import apply_search

        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return apply_search(self.live(language), query, language)

    def scheduled(self):
        """Approved for publication at a time still to come."""
        return self.filter(status=Status.PUBLISHED, publish_at__gt=timezone.now())

    def in_translation_state(self, language, state):
        """Articles whose ``language`` is complete, missing or stale (see ``Article.translation_state``).

        Mirrors the instance method as plain column comparisons, so the admin filters by it at
        any size without loading a single article. (``state=None`` returns the two conditions.)
        """

        def written(code):
            # False for both '' and NULL (translation columns are nullable); see OctetLength.
            return Q(**{f"headline_{code}__gt": "", f"body_{code}__octet_length__gt": 0})

        newer_other = Q()
        for other in LANGUAGE_CODES:
            if other != language:
                newer_other |= written(other) & Q(
                    **{f"edited_{other}_at__gt": models.F(f"edited_{language}_at")}
                )
        stale = written(language) & newer_other
        if state is None:
            return written(language), stale
        if state == TranslationState.MISSING:
            return self.exclude(written(language))
        if state == TranslationState.STALE:
            return self.filter(stale)
        if state == TranslationState.COMPLETE:
            return self.filter(written(language)).exclude(stale)
        raise ValueError(f"Unknown translation state {state!r}")

    def with_translation_states(self):
        """Annotate ``translation_state_<language>`` for every language, in the same query."""
        annotations = {}
        for code in LANGUAGE_CODES:
            written, stale = self.in_translation_state(code, None)
            annotations[f"translation_state_{code}"] = models.Case(
                models.When(stale, then=models.Value(TranslationState.STALE.value)),
                models.When(written, then=models.Value(TranslationState.COMPLETE.value)),
                default=models.Value(TranslationState.MISSING.value),
                output_field=models.CharField(),
            )
        return self.annotate(**annotations)

    def related_to(self, article, *, language=None, limit=6, bylines=True):
        """ "You may also like": the editor's picks in order, then live articles sharing a tag
        or the section, most recent first; never the article itself, never unpublished or
        future ones. Two queries whatever the sizes involved (four with ``bylines``, which
        prefetches each story's authors for teasers that show them).
        """
        live = Article.objects.live(language)
        live = live.for_listing() if bylines else live.select_related("section", "lead_image")
        picks = list(
            live.filter(pk__in=RelatedArticle.objects.filter(from_article=article).values("to_article"))
            .exclude(pk=article.pk)
            .annotate(
                pick_order=models.Min(
                    "relatedarticle_incoming__order", filter=Q(relatedarticle_incoming__from_article=article)
                )
            )
            .order_by("pick_order")[:limit]
        )
        missing = limit - len(picks)
        if missing <= 0:
            return picks
        article_tags = Article.tags.through.objects.filter(article=article).values("tag")
        tagged = Article.tags.through.objects.filter(tag__in=article_tags).values("article_id")
        fill = (
            live.filter(Q(section_id=article.section_id) | Q(pk__in=tagged))
            .exclude(pk__in=[article.pk, *[p.pk for p in picks]])
            .order_by("-publish_at", "-pk")[:missing]
        )
        return picks + list(fill)

    def for_listing(self):
        """What a teaser needs, fetched in a fixed number of queries."""
        return self.select_related("section", "lead_image").prefetch_related(
            models.Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author"))
        )


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
    # Full-text search documents, maintained by the database itself (see migrations).
    search_en = SearchVectorField(null=True, editable=False)
    search_ar = SearchVectorField(null=True, editable=False)

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
                    condition=_live_in(code),
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
                        condition=_live_in(code),
                    ),
                    models.Index(
                        fields=["section", "-publish_at"],
                        name=f"article_live_{code}_section_idx",
                        condition=_live_in(code),
                    ),
                    models.Index(
                        fields=["-publish_at"],
                        name=f"article_featured_{code}_idx",
                        condition=_live_in(code) & Q(featured=True),
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
        slug = getattr(self, f"slug_{language}", "") or ""
        with translation.override(language):
            return reverse("articles:detail", kwargs={"slug": slug})

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
        """Corrections written in ``language`` (the active one by default), oldest first."""
        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
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
        Article, follow=["article_authors", "related_links"], exclude=["search_en", "search_ar", *mirrors]
    )
