"""The reader's site: home, article, section, tag, author and search pages, robots.txt.

Every page starts from ``Article.objects.live(language)``: an article is shown, listed and
linked only in the languages it is complete and published in. Each page runs a fixed number
of queries whatever the number of articles, tags, authors or pictures it shows.
"""

from datetime import datetime

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import F, Func, OuterRef, QuerySet
from django.db.models.functions import JSONObject
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.decorators import method_decorator
from django.utils.functional import SimpleLazyObject, cached_property
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from django.views.generic import DetailView, ListView

from articles.excerpts import highlight
from articles.images import images_of, prefetch_renditions
from articles.listings import LazyList, ListingPaginator, page_of, with_sections, with_shown_extras
from articles.models import (
    LANGUAGE_CODES,
    SEARCH_DOCUMENTS,
    Article,
    ArticleAuthor,
    Author,
    Correction,
    Section,
    Tag,
)
from articles.search import MAX_QUERY_LENGTH, SearchPaginator, clean_query
from web.cache import public_memo
from web.ratelimit import rate_limit
from web.site_url import absolute_url

# Listings never need the bodies or the search documents: leave those big columns behind.
# "body" is modeltranslation's original column (a copy of one language's body, kilobytes a row):
# deferring it defers every language's too.
HEAVY_FIELDS = ("body", "body_en", "body_ar", *SEARCH_DOCUMENTS)
PAGE_SIZE = 12
SECTION_BLOCK_SIZE = 4
RELATED_LIMIT = 6


def current_language():
    return (translation.get_language() or "en").split("-")[0]


def teasers(language=None):
    """Live articles with what a teaser shows (section, picture), without the heavy columns.

    What other apps add to listed articles (``with_shown_extras``) is added where rows are
    fetched: building it costs time a kept fragment should not pay."""
    return (
        Article.objects.live(language or current_language())
        .select_related("section", "lead_image")
        .defer(*HEAVY_FIELDS)
    )


class HomeView(ListView):
    """The lead story, the latest news (paginated) and a block per section, on page 1.

    Nothing is fetched until the template reads it (see ``articles/listings.py``): a request
    that finds the page's fragment cached runs no article query at all.
    """

    template_name = "articles/home.html"
    context_object_name = "articles"
    paginate_by = PAGE_SIZE

    def get_lead(self):
        """The most recent article marked as lead story, or else simply the most recent one."""
        live = with_shown_extras(Article.objects.live(current_language()).for_listing().defer(*HEAVY_FIELDS))
        # Two index-backed lookups rather than one sort of every live article by "featured".
        return (
            live.filter(featured=True).order_by("-publish_at", "-pk").first()
            or live.order_by("-publish_at", "-pk").first()
        )

    @cached_property
    def lead(self):
        return self.get_lead()

    def get_queryset(self):
        return teasers()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return ListingPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            request=self.request,
            memo=("home", current_language()),
            # The lead exists exactly when something is live, and is left out of "latest news".
            adjust_count=lambda count: max(count - 1, 0),
            fetch=lambda bottom, top: self.content(bottom, top)["latest"],
        )

    def content(self, bottom, top):
        """Lead, latest news and section blocks, fetched together on first read, pictures too."""
        if getattr(self, "_content", None) is None:
            lead = self.lead
            latest = list(page_of(teasers().exclude(pk=lead.pk), bottom, top)) if lead else []
            blocks = self.section_blocks([lead.pk, *(a.pk for a in latest)]) if bottom == 0 and lead else []
            shown = ([lead] if bottom == 0 and lead else []) + latest
            shown += [a for block in blocks for a in block["articles"]]
            prefetch_renditions(images_of(shown))
            self._content = {"latest": latest, "blocks": blocks, "shown": shown}
        return self._content

    def section_blocks(self, shown):
        """The latest few articles of every section not already on the page, in section order.

        One query: per section, an index scan on (section, publish_at) stops after a few rows
        (a LATERAL-style array subquery), instead of ranking every live article.
        """
        latest_of_section = ArraySubquery(
            Article.objects.live(current_language())
            .filter(section=OuterRef("pk"))
            .exclude(pk__in=shown)
            .order_by("-publish_at", "-pk")
            .values("pk")[:SECTION_BLOCK_SIZE]
        )
        wanted = Section.objects.annotate(ids=latest_of_section).annotate(
            id_in_block=Func(F("ids"), function="unnest")
        )
        ranked = with_shown_extras(
            teasers()
            .filter(pk__in=wanted.values("id_in_block"))
            .order_by("section__order", "section_id", "-publish_at", "-pk")
        )
        blocks = []
        for article in ranked:
            if not article.section.slug:
                continue  # a section without an address in this language cannot be linked
            if not blocks or blocks[-1]["section"].pk != article.section_id:
                blocks.append({"section": article.section, "articles": []})
            blocks[-1]["articles"].append(article)
        return blocks

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        first_page = page.number == 1

        def content():
            return self.content(*page.bounds)

        context.update(
            lead_article=SimpleLazyObject(lambda: content() and self.lead) if first_page else None,
            latest=page.object_list,
            section_blocks=LazyList(lambda: content()["blocks"]),
            listed_articles=LazyList(lambda: content()["shown"]),
            first_page=first_page,
        )
        return context


def _in_model_order(model, names):
    # Model.from_db() takes the values of a partial row in the model's own field order.
    return [field.attname for field in model._meta.concrete_fields if field.attname in names]


_BYLINE_FIELDS = _in_model_order(Author, {"id", "slug", *[f"display_name_{code}" for code in LANGUAGE_CODES]})
_TAG_FIELDS = _in_model_order(
    Tag, {"id", *[f"{name}_{code}" for name in ("name", "slug") for code in LANGUAGE_CODES]}
)


def with_bylines_and_tags(queryset, language):
    """Each article row carries its byline and its tags as JSON arrays: one query, not three.

    ``unpack_bylines_and_tags`` turns them into the objects ``article.byline_authors`` and
    ``article.tags.all()`` return, as if they had been prefetched.
    """
    through = Article.tags.through
    return queryset.annotate(
        byline_rows=ArraySubquery(
            ArticleAuthor.objects.filter(article=OuterRef("pk"))
            .order_by("order", "pk")
            .values(row=JSONObject(**{field: f"author__{field}" for field in _BYLINE_FIELDS}))
        ),
        tag_rows=ArraySubquery(
            through.objects.filter(article=OuterRef("pk"))
            .order_by(f"tag__name_{language}", "tag_id")
            .values(row=JSONObject(**{field: f"tag__{field}" for field in _TAG_FIELDS}))
        ),
    )


_CORRECTION_FIELDS = _in_model_order(
    Correction, {"id", "article_id", "created_at", *[f"text_{code}" for code in LANGUAGE_CODES]}
)


def with_corrections(queryset, language):
    """Each article row carries its corrections in ``language`` as a JSON array: one query less.

    ``unpack_corrections`` makes them what ``article.corrections_for_language()`` returns.
    """
    return queryset.annotate(
        correction_rows=ArraySubquery(
            # A plain queryset: modeltranslation's manager would add columns to values().
            QuerySet(Correction)
            .filter(article=OuterRef("pk"), **{f"text_{language}__gt": ""})
            .order_by("created_at", "pk")
            .values(row=JSONObject(**{field: field for field in _CORRECTION_FIELDS}))
        )
    )


def unpack_corrections(article, language):
    db = article._state.db
    corrections = []
    for row in article.correction_rows or []:
        values = {**row, "created_at": datetime.fromisoformat(row["created_at"])}
        corrections.append(
            Correction.from_db(db, _CORRECTION_FIELDS, [values[f] for f in _CORRECTION_FIELDS])
        )
    article.kept_corrections = {language: corrections}
    return article


def unpack_bylines_and_tags(article):
    db = article._state.db
    links = [
        ArticleAuthor(
            article=article,
            author=Author.from_db(db, _BYLINE_FIELDS, [row[f] for f in _BYLINE_FIELDS]),
            order=order,
        )
        for order, row in enumerate(article.byline_rows or [])
    ]
    tags = [Tag.from_db(db, _TAG_FIELDS, [row[f] for f in _TAG_FIELDS]) for row in article.tag_rows or []]
    cache = getattr(article, "_prefetched_objects_cache", {})
    article._prefetched_objects_cache = {**cache, "article_authors": links, "tags": tags}
    return article


def alternates_of(article):
    """{language: address} of the languages ``article`` is live in: the language switcher and the
    hreflang links offer only those."""
    return {code: article.get_absolute_url(code) for code in article.live_languages()}


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_object(self, queryset=None):
        language = current_language()
        slug = self.kwargs["slug"]

        def lookup():
            queryset = with_corrections(
                with_bylines_and_tags(
                    Article.objects.live(language)
                    .select_related("section", "lead_image")
                    .defer(*SEARCH_DOCUMENTS),
                    language,
                ),
                language,
            )
            article = get_object_or_404(queryset, **{f"slug_{language}": slug})
            article = unpack_corrections(unpack_bylines_and_tags(article), language)
            return article, alternates_of(article)

        # The same article (and the addresses of its languages) for every reader until something
        # is published or edited (a 404 is never cached: Http404 passes through).
        article, self.alternates = public_memo(self.request, "article", language, slug, compute=lookup)
        return article

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        article = self.object
        language = current_language()
        alternates = getattr(self, "alternates", None)

        def related():
            # Related teasers show no bylines: no need to fetch them.
            stories = Article.objects.related_to(
                article, language=language, limit=RELATED_LIMIT, bylines=False
            )
            prefetch_renditions(images_of([article, *stories]))
            return stories

        # Lazy: a cached page fragment (web.templatetags.public_cache) never runs these queries.
        context["related_articles"] = SimpleLazyObject(related)
        context["alternates"] = alternates if alternates is not None else alternates_of(article)
        context["current_section"] = article.section
        return context


class FilteredListView(ListView):
    """A paginated listing of live articles belonging to one section, tag or author."""

    paginate_by = PAGE_SIZE
    context_object_name = "articles"
    model = None
    slug_field = "slug"

    def get_filter_object(self):
        language = current_language()
        field = self.slug_field if self.model is Author else f"{self.slug_field}_{language}"
        return get_object_or_404(self.model, **{field: self.kwargs["slug"]})

    def get(self, request, *args, **kwargs):
        # The same object for every reader until something changes (a 404 is never memoised).
        self.filter_object = public_memo(
            request,
            "listing-object",
            self.model.__name__,
            current_language(),
            self.kwargs["slug"],
            compute=self.get_filter_object,
        )
        return super().get(request, *args, **kwargs)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return ListingPaginator(
            queryset,
            per_page,
            orphans=orphans,
            allow_empty_first_page=allow_empty_first_page,
            request=self.request,
            memo=(self.model.__name__, self.filter_object.pk, current_language()),
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(listing_object=self.filter_object, **kwargs)


class SectionView(FilteredListView):
    model = Section
    template_name = "articles/section_detail.html"

    def get_queryset(self):
        return teasers().filter(section=self.filter_object)

    def get_context_data(self, **kwargs):
        return super().get_context_data(current_section=self.filter_object, **kwargs)


class TagView(FilteredListView):
    model = Tag
    template_name = "articles/tag_detail.html"

    def get_queryset(self):
        return teasers().filter(tags=self.filter_object)


class AuthorView(FilteredListView):
    model = Author
    template_name = "articles/author_detail.html"

    def get_filter_object(self):
        author = super().get_filter_object()
        # A byline name is a name: shown in the other language's spelling rather than not at all.
        if not (author.display_name_en or author.display_name_ar):
            raise Http404
        return author

    def get_queryset(self):
        return teasers().filter(article_authors__author=self.filter_object)


@method_decorator(rate_limit("search", methods=("GET", "HEAD")), name="dispatch")
class SearchView(ListView):
    """Full-text search in the reader's language, best matches first, with highlighted excerpts.

    Limited per client address (settings.RATE_LIMITS["search"]): only searches that run count.
    A page served from the public page cache is answered before this view, so it costs
    nothing; the limit is there for the misses, which run the full-text query. Pages with a
    query are cached on the "search" budget (web.cache): a flood of rare terms cannot fill
    the cache, it only stops being cached for the rest of the period.
    """

    template_name = "articles/search.html"
    context_object_name = "results"
    paginate_by = 10

    def get(self, request, *args, **kwargs):
        raw = request.GET.get("q", "")
        self.query = clean_query(raw)
        self.shortened = len(" ".join(str(raw).split())) > MAX_QUERY_LENGTH
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # The paginator ranks the matches and brings the page's articles (articles.search):
        # nothing is built here for it to ignore.
        return []

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        if not self.query:
            return super().get_paginator(queryset, per_page, orphans, allow_empty_first_page, **kwargs)
        return SearchPaginator(
            per_page,
            query=self.query,
            language=current_language(),
            request=self.request,
            requested=self.request.GET.get(self.page_kwarg),
            orphans=orphans,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page, paginator = context["page_obj"], context["paginator"]

        def results():
            # Fetched and highlighted only when the results' fragment is not kept; a new search
            # brought its page's articles with its ranking.
            found = paginator.articles(page) if self.query else []
            with_sections(self.request, found)
            highlight(found, self.query, current_language())
            return found

        context.update(
            query=self.query,
            shortened=self.shortened,
            results=LazyList(results),
            max_query_length=MAX_QUERY_LENGTH,
            capped=getattr(paginator, "capped", False),
        )
        return context

    def render_to_response(self, context, **response_kwargs):
        response = super().render_to_response(context, **response_kwargs)
        if self.request.GET:
            response.public_cache_budget = "search"
        return response


@require_GET
@cache_control(max_age=60 * 60, public=True)
def robots_txt(request):
    """Crawlers: everything public, except the admin, previews and internal search results."""
    lines = ["User-agent: *"]
    for code in ("en", "ar"):
        with translation.override(code):
            lines.append(f"Disallow: {reverse('admin:index')}")
            lines.append(f"Disallow: {reverse('articles:search')}")
            lines.append(f"Disallow: /{code}/preview/")
    lines.append(f"Sitemap: {absolute_url(reverse('sitemap-index'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
