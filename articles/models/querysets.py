"""What readers and editors ask of articles: live, scheduled, searched, related, translated."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone, translation

from articles.models.choices import LANGUAGE_CODES, Status, TranslationState


@models.TextField.register_lookup
class OctetLength(models.Transform):
    """``body__octet_length__gt=0``: PostgreSQL reads a stored text's size from its TOAST header,
    so unlike ``body > ''`` this never decompresses a long body just to see it is not empty."""

    lookup_name = "octet_length"
    function = "OCTET_LENGTH"
    output_field = models.IntegerField()


def live_in(language):
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

    def live(self, language=None, *, at=None):
        """Published and complete in ``language`` (the active one by default): headline and body;
        live now, or at the moment ``at``."""
        language = language or translation.get_language() or settings.LANGUAGE_CODE
        language = language.split("-")[0]
        return self.filter(live_in(language), publish_at__lte=at or timezone.now())

    def search(self, query, language=None):
        """Live articles in ``language`` matching a reader's query (PostgreSQL full-text search on
        that language's document), best match first, then newest; only the newest
        ``SEARCH_CANDIDATES`` matches are ranked. See ``articles/search.py``.
        """
        from articles.search import apply_search

        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return apply_search(self.live(language), query, language)

    def matching(self, query, language=None):
        """Live articles in ``language`` matching a reader's query, unordered (for counting)."""
        from articles.search import matching

        language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
        return matching(self.live(language), query, language)

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
        article_model = self.model
        live = article_model.objects.live(language)
        live = live.for_listing() if bylines else live.select_related("section", "lead_image")
        picks = list(
            live.filter(
                pk__in=article_model.related.through.objects.filter(from_article=article).values("to_article")
            )
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
        article_tags = article_model.tags.through.objects.filter(article=article).values("tag")
        tagged = article_model.tags.through.objects.filter(tag__in=article_tags).values("article_id")
        fill = (
            live.filter(Q(section_id=article.section_id) | Q(pk__in=tagged))
            .exclude(pk__in=[article.pk, *[p.pk for p in picks]])
            .order_by("-publish_at", "-pk")[:missing]
        )
        return picks + list(fill)

    def for_listing(self):
        """What a teaser needs, fetched in a fixed number of queries."""
        return self.select_related("section", "lead_image").prefetch_related(
            models.Prefetch(
                "article_authors", queryset=self.model.authors.through.objects.select_related("author")
            )
        )
