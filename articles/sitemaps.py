"""Sitemaps: an index of per-language article, section and author sitemaps, and Google News.

Each language has its own sitemaps with absolute, language-prefixed addresses; an article is
mapped only in the languages it is live in, with ``hreflang`` alternates to its other live
versions. The Google News sitemap lists what was published in the last 48 hours.

Addresses are on SITE_URL: Django's sitemap views would take the request's Host and scheme.
"""

import copy
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views as sitemap_views
from django.db.models import BooleanField, Case, Exists, Max, OuterRef, Q, Value, When
from django.utils import timezone, translation

from articles.models import LANGUAGE_CODES, Article, Author, Section
from web.site_url import site_origin

NEWS_WINDOW = timedelta(hours=48)
# Google News reads at most 1,000 addresses per news sitemap.
NEWS_LIMIT = 1000


def _complete(code):
    # As Article.objects.live: "" and NULL (a translation never written) both count as missing.
    return Q(**{f"headline_{code}__gt": "", f"body_{code}__octet_length__gt": 0})


def with_live_languages(queryset):
    """Annotate ``live_<code>`` for every language (the queryset is already published)."""
    return queryset.annotate(
        **{
            f"live_{code}": Case(
                When(_complete(code), then=Value(True)), default=Value(False), output_field=BooleanField()
            )
            for code in LANGUAGE_CODES
        }
    )


def _sitemap_fields():
    return ["pk", "publish_at", "updated_at", *[f"slug_{code}" for code in LANGUAGE_CODES]]


class SiteSitemap(Sitemap):
    """Addresses on SITE_URL, whatever host or scheme the request came with."""

    @property
    def protocol(self):
        return site_origin()[0]

    def get_domain(self, site=None):
        return site_origin()[1]


class LanguageSitemap(SiteSitemap):
    """A sitemap of one language: its addresses are built with that language active."""

    def __init__(self, language):
        self.language = language

    def location(self, item):
        with translation.override(self.language):
            return item.get_absolute_url()


class ArticleSitemap(LanguageSitemap):
    def items(self):
        return (
            with_live_languages(Article.objects.live(self.language))
            .only(*_sitemap_fields())
            .order_by("-publish_at", "-pk")
        )

    def location(self, item):
        return item.get_absolute_url(self.language)

    def lastmod(self, item):
        return max(item.updated_at, item.publish_at)

    def get_latest_lastmod(self):
        latest = Article.objects.live(self.language).aggregate(
            updated=Max("updated_at"), published=Max("publish_at")
        )
        values = [v for v in latest.values() if v]
        return max(values) if values else None

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            article = url["item"]
            live = [code for code in LANGUAGE_CODES if getattr(article, f"live_{code}")]
            if len(live) < 2:
                continue
            url["alternates"] = [
                {"lang_code": code, "location": f"{protocol}://{domain}{article.get_absolute_url(code)}"}
                for code in live
            ]
            default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in live else live[0]
            url["alternates"].append(
                {
                    "lang_code": "x-default",
                    "location": f"{protocol}://{domain}{article.get_absolute_url(default)}",
                }
            )
        return urls


class SectionSitemap(LanguageSitemap):
    """Sections with an address in the language and at least one article live in it."""

    def items(self):
        live = Article.objects.live(self.language).filter(section=OuterRef("pk"))
        return (
            Section.objects.exclude(**{f"slug_{self.language}": ""})
            .filter(Exists(live))
            .order_by("order", "pk")
        )


class AuthorSitemap(LanguageSitemap):
    """Authors with at least one article live in the language."""

    def items(self):
        live = Article.objects.live(self.language).filter(article_authors__author=OuterRef("pk"))
        return (
            Author.objects.filter(Exists(live))
            .exclude(display_name_en="", display_name_ar="")
            .order_by("slug")
        )


class NewsSitemap(SiteSitemap):
    """Google News: every language version published in the last 48 hours, newest first."""

    def items(self):
        since = timezone.now() - NEWS_WINDOW
        recent = (
            with_live_languages(Article.objects.published().filter(publish_at__gte=since))
            .only(*_sitemap_fields(), *[f"headline_{code}" for code in LANGUAGE_CODES])
            .order_by("-publish_at", "-pk")[:NEWS_LIMIT]
        )
        items = []
        for article in recent:
            for code in LANGUAGE_CODES:
                if getattr(article, f"live_{code}"):
                    items.append((article, code))
        return items[:NEWS_LIMIT]

    def location(self, item):
        article, code = item
        return article.get_absolute_url(code)

    def lastmod(self, item):
        article, _code = item
        return max(article.updated_at, article.publish_at)

    def get_latest_lastmod(self):
        return Article.objects.published().aggregate(latest=Max("publish_at"))["latest"]

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            article, code = url["item"]
            with translation.override(code):
                publication = str(settings.SITE_NAME)
            url["news"] = {
                "publication": publication,
                "language": code,
                "published": article.publish_at,
                "title": getattr(article, f"headline_{code}"),
            }
        return urls


def build_sitemaps():
    """Sections of the sitemap index, by the name used in their address (sitemap-<name>.xml)."""
    sitemaps = {}
    for code in LANGUAGE_CODES:
        sitemaps[f"articles-{code}"] = ArticleSitemap(code)
        sitemaps[f"sections-{code}"] = SectionSitemap(code)
        sitemaps[f"authors-{code}"] = AuthorSitemap(code)
    sitemaps["news"] = NewsSitemap()
    return sitemaps


SITEMAPS = build_sitemaps()


def sitemap_index(request, **kwargs):
    """Django's sitemap index, listing the sitemaps on SITE_URL.

    Django's view names each sitemap with the request's host (its ``RequestSite``, as the sites
    framework is not installed); it is given a copy of the request that answers SITE_URL's.
    """
    on_site = copy.copy(request)
    on_site.get_host = lambda: site_origin()[1]
    return sitemap_views.index(on_site, **kwargs)
