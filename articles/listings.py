"""Paginated listings that cost nothing a cached fragment already holds.

A listing page (home, section, tag, author) is rendered inside a ``{% fragment %}`` keyed by
the generation counter. A request that skips the page cache (a new query string, a purge just
behind it) still finds the fragment, so the view must not fetch what only the fragment needs:

* the number of articles (hence of pages) is counted once per generation (``public_memo``),
  which is all a page number needs to be checked (a page past the end is still a 404);
* the page's articles are fetched when the template first reads them, never on a hit.

Deep pages keep their numbers (``?page=400`` stays the address crawlers and readers already
have; keyset cursors would change every page's links and HTML). What makes them cheap is
that the offset is walked over article ids only, in the order of the "live in a language"
partial index (an index-only scan), and the dozen rows of the page are fetched by id.
"""

from functools import cache

from django.conf import settings
from django.core.paginator import Paginator
from django.db import DEFAULT_DB_ALIAS
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.translation import get_language

from articles.images import images_of, prefetch_renditions
from articles.models import Article, Section
from web.cache import public_memo


class LazyList:
    """A list computed by ``fetch()`` when a template first reads it (a cached fragment never does)."""

    def __init__(self, fetch):
        self._fetch = fetch

    @cached_property
    def _items(self):
        return list(self._fetch())

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __bool__(self):
        return bool(self._items)

    def __getitem__(self, index):
        return self._items[index]

    def __eq__(self, other):
        return self._items == (list(other) if isinstance(other, LazyList) else other)

    __hash__ = None


# What other apps show with each listed article, computed in the query that lists them:
# ``{name: build(language)}``, ``build`` returning an expression over the article row. Apps
# register from their AppConfig.ready() (the comments app adds each article's count of visible
# comments), so a page's articles come with it in one query and articles never imports them.
_SHOWN_WITH_LISTED = {}


def show_with_listed_articles(name: str, build) -> None:
    """Annotate every listed article (listings, the home page, search results) with ``name``."""
    _SHOWN_WITH_LISTED[name] = build
    _compiled.cache_clear()


@cache
def _compiled(name: str, language: str) -> RawSQL:
    """The SQL of ``name``'s expression in ``language``, compiled once.

    Django resolves and compiles a subquery again in every query that holds it: for the comment
    count that was a millisecond of each listing's or search page's fetch, more than PostgreSQL
    takes to run it. The SQL names the article row as every listing query does (the articles
    table is the base of the query, unaliased), and is the same on every database alias (all
    PostgreSQL), so one compilation serves them all.
    """
    query = Article.objects.annotate(**{name: _SHOWN_WITH_LISTED[name](language)}).query
    expression = query.annotations[name]
    sql, params = query.get_compiler(DEFAULT_DB_ALIAS).compile(expression)
    return RawSQL(sql, params, output_field=expression.output_field)


def shown_extras_key() -> tuple:
    """What is registered with ``show_with_listed_articles``, for keying what is compiled with it."""
    return tuple(_SHOWN_WITH_LISTED.items())


def with_shown_extras(queryset, language: str | None = None):
    """``queryset`` (of articles, fetched as they are shown) annotated with what other apps
    show with each listed article, in ``language`` (the active one by default)."""
    if not _SHOWN_WITH_LISTED:
        return queryset
    language = language or (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return queryset.annotate(**{name: _compiled(name, language) for name in _SHOWN_WITH_LISTED})


def all_sections(request=None) -> list:
    """Every section, in editorial order, memoised per generation: the header's navigation and
    the pages that show an article's section share one lookup, kept in every process (and by
    the request, for when the page cache is off)."""
    sections = getattr(request, "_all_sections", None)
    if sections is None:
        sections = public_memo(request, "sections", compute=lambda: list(Section.objects.all()))
        if request is not None:
            request._all_sections = sections
    return sections


def with_sections(request, articles):
    """Give each article its section from ``all_sections``: joining a handful of sections into a
    page's query cost more (planning the join, building a section per row) than the fetch."""
    sections = {section.pk: section for section in all_sections(request)}
    for article in articles:
        if article.section_id in sections:
            article.section = sections[article.section_id]
    return articles


def page_of(queryset, bottom, top):
    """Rows ``bottom:top`` of ``queryset``: the offset walked over ids only, then those rows."""
    ordering = queryset.query.order_by or queryset.model._meta.ordering
    ids = queryset.order_by(*ordering).values("pk")[bottom:top]
    return with_shown_extras(queryset.filter(pk__in=ids).order_by(*ordering))


def teasers_page(queryset, bottom, top):
    """``page_of`` with the pictures' renditions attached (one query at most)."""
    articles = list(page_of(queryset, bottom, top))
    prefetch_renditions(images_of(articles))
    return articles


class ListingPaginator(Paginator):
    """Django's paginator, with the count memoised per generation and lazy pages.

    ``memo`` names the listing (its parts make the cache key); ``adjust_count`` turns the
    memoised count of ``object_list`` into the listing's (the home page leaves its lead out);
    ``fetch(bottom, top)`` returns a page's articles (``teasers_page`` by default).
    """

    def __init__(self, object_list, per_page, *, request, memo, adjust_count=None, fetch=None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.request, self.memo = request, memo
        self.adjust_count = adjust_count or (lambda count: count)
        self.fetch = fetch or (lambda bottom, top: teasers_page(self.object_list, bottom, top))

    @cached_property
    def count(self):
        total = public_memo(self.request, "listing-count", *self.memo, compute=self.object_list.count)
        return self.adjust_count(total)

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        page = self._get_page(LazyList(lambda: self.fetch(bottom, top)), number, self)
        page.bounds = (bottom, top)
        return page
