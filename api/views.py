"""The read API, ``/api/v1/`` (django-ninja): articles, sections, tags, authors and search.

Content language: the ``lang`` query parameter (``en`` or ``ar``, default ``en``). It is part
of the address, so the address alone is the cache key (for our cache and any proxy; no
``Vary: Accept-Language`` needed); error messages follow ``lang`` too, or else
``Accept-Language``. Endpoints are thin: the rules live in ``Article.objects`` querysets, the
shapes in ``api.schemas``, caching and validators in ``web.responses``.
"""

from datetime import UTC, datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils import timezone, translation
from ninja import NinjaAPI, Query, Schema
from pydantic import Field

from api import schemas
from api.access import ApiClient
from api.pagination import page
from api.problems import install_handlers
from api.representations import (
    article_detail,
    article_summaries,
    author_out,
    live_articles,
    section_link,
    summaries_by_id,
    tag_link,
)
from articles.excerpts import highlight
from articles.models import Article, Author, Section, Tag
from articles.search import Ranking, clean_query, in_order
from web.cache import public_memo_many
from web.responses import cached_json
from web.site_url import absolute_url

Language = Literal["en", "ar"]
DESCRIPTION = """Published articles of the Euphrates Post, in English and Arabic.

* **Language**: `?lang=en` or `?lang=ar` (default `en`). Only what is live in that language is
  listed or found, exactly as on the public site.
* **Caching**: every answer carries `ETag` and `Last-Modified`; send `If-None-Match` or
  `If-Modified-Since` to get `304 Not Modified`. Answers change as soon as something is published.
* **Pagination**: article, tag and author lists use opaque cursors (`next_cursor`, `next`).
* **Keys**: anonymous use is rate-limited per address; partners send `X-API-Key` (or
  `Authorization: Bearer …`) with a key made in the admin, which has its own limit.
* **Errors**: RFC 9457 problem details (`application/problem+json`) in the reader's language.
"""

api = NinjaAPI(
    title="Euphrates Post API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=ApiClient(),
)
install_handlers(api)

ERRORS = {
    400: schemas.Problem,
    401: schemas.Problem,
    404: schemas.Problem,
    422: schemas.Problem,
    429: schemas.Problem,
}


class LanguageQuery(Schema):
    lang: Language = Field("en", description="Content language.")


class ArticleFilters(LanguageQuery):
    section: str | None = Field(None, description="Section slug (in the requested language).")
    tag: str | None = Field(None, description="Tag slug (in the requested language).")
    author: str | None = Field(None, description="Author slug.")
    updated_since: datetime | None = Field(None, description="Only articles changed at or after this time.")
    cursor: str | None = None
    limit: int = Field(20, ge=1, le=100)


class ListQuery(LanguageQuery):
    cursor: str | None = None
    limit: int = Field(100, ge=1, le=500)


class SearchQuery(LanguageQuery):
    q: str = Field(min_length=1, max_length=500, description="Words to find; quotes, `or` and `-word` work.")
    page: int = Field(1, ge=1, le=100)


def _next(request, cursor):
    if not cursor:
        return None
    query = request.GET.copy()
    query["cursor"] = cursor
    return absolute_url(f"{request.path}?{query.urlencode()}")


def _json(schema, data) -> bytes:
    return schema.model_validate(data).model_dump_json().encode()


@api.get(
    "/articles", response={200: schemas.ArticlePage, **ERRORS}, summary="Published articles, newest first"
)
def list_articles(request, filters: Query[ArticleFilters]):
    language = filters.lang

    def compute():
        # Which articles, in order, from the rows alone; each one's summary is shared by every
        # filter and cursor position it appears in (cached under the generation, built at most
        # once per publication).
        queryset = Article.objects.live(language).only("pk", "publish_at")
        if filters.section:
            queryset = queryset.filter(**{f"section__slug_{language}": filters.section})
        if filters.tag:
            queryset = queryset.filter(**{f"tags__slug_{language}": filters.tag})
        if filters.author:
            queryset = queryset.filter(article_authors__author__slug=filters.author)
        if filters.updated_since:
            since = filters.updated_since
            if timezone.is_naive(since):  # a time without an offset is UTC, as every time we send
                since = timezone.make_aware(since, UTC)
            queryset = queryset.filter(updated_at__gte=since)
        items, cursor = page(
            queryset,
            fields=("publish_at", "pk"),
            kinds=(datetime, int),
            cursor=filters.cursor,
            limit=filters.limit,
        )
        ids = [item.pk for item in items]
        summaries = public_memo_many(
            request,
            f"api-summary-{language}",
            ids,
            compute_missing=lambda missing: summaries_by_id(request, missing, language),
        )
        return _json(
            schemas.ArticlePage,
            {
                "items": [summaries[pk] for pk in ids if pk in summaries],
                "next_cursor": cursor,
                "next": _next(request, cursor),
            },
        )

    with translation.override(language):
        return cached_json(request, language=language, compute=compute)


@api.get("/articles/{article_id}", response={200: schemas.ArticleDetail, **ERRORS}, summary="One article")
def get_article(request, article_id: int, query: Query[LanguageQuery]):
    language = query.lang

    def compute():
        article = get_object_or_404(live_articles(language, with_body=True), pk=article_id)
        return _json(schemas.ArticleDetail, article_detail(request, article, language))

    with translation.override(language):
        return cached_json(request, language=language, compute=compute)


@api.get("/sections", response={200: schemas.SectionList, **ERRORS}, summary="Sections, in navigation order")
def list_sections(request, query: Query[LanguageQuery]):
    language = query.lang

    def compute():
        sections = Section.objects.exclude(**{f"slug_{language}": ""}).order_by("order", "pk")
        items = [{**section_link(request, s, language), "order": s.order} for s in sections]
        return _json(schemas.SectionList, {"items": items})

    with translation.override(language):
        return cached_json(request, language=language, compute=compute)


def _paged_by_id(request, query, queryset, schema, represent):
    """One cached page of ``queryset`` (newest id first), each item through ``represent``."""
    language = query.lang

    def compute():
        items, cursor = page(queryset, fields=("pk",), kinds=(int,), cursor=query.cursor, limit=query.limit)
        data = {
            "items": [represent(request, item, language) for item in items],
            "next_cursor": cursor,
            "next": _next(request, cursor),
        }
        return _json(schema, data)

    with translation.override(language):
        return cached_json(request, language=language, compute=compute)


@api.get("/tags", response={200: schemas.TagPage, **ERRORS}, summary="Tags")
def list_tags(request, query: Query[ListQuery]):
    tags = Tag.objects.exclude(**{f"slug_{query.lang}": ""})
    return _paged_by_id(request, query, tags, schemas.TagPage, tag_link)


@api.get("/authors", response={200: schemas.AuthorPage, **ERRORS}, summary="Authors")
def list_authors(request, query: Query[ListQuery]):
    authors = Author.objects.exclude(display_name_en="", display_name_ar="")
    return _paged_by_id(request, query, authors, schemas.AuthorPage, author_out)


SEARCH_PAGE_SIZE = 20


@api.get(
    "/search", response={200: schemas.SearchPage, **ERRORS}, summary="Full-text search, best match first"
)
def search(request, query: Query[SearchQuery]):
    language = query.lang
    words = clean_query(query.q)

    def compute():
        start = (query.page - 1) * SEARCH_PAGE_SIZE
        found, more = [], False
        if words:
            live = live_articles(language, with_body=True)
            ranking = Ranking.of(live, words, language)
            found = in_order(live, ranking.ids[start : start + SEARCH_PAGE_SIZE])
            more = len(ranking.ids) > start + SEARCH_PAGE_SIZE
        highlight(found, words, language)
        items = [
            {**summary, "excerpt_html": str(article.search_excerpt)}
            for article, summary in zip(found, article_summaries(request, found, language), strict=True)
        ]
        next_url = None
        if more:
            params = request.GET.copy()
            params["page"] = str(query.page + 1)
            next_url = absolute_url(f"{request.path}?{params.urlencode()}")
        return _json(
            schemas.SearchPage, {"query": words, "items": items, "page": query.page, "next": next_url}
        )

    with translation.override(language):
        return cached_json(request, language=language, compute=compute)
