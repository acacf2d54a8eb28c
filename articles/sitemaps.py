"""Sitemaps: an index of per-language article, section and author sitemaps, and Google News.

Each language has its own sitemaps with absolute, language-prefixed addresses; an article is
mapped only in the languages it is live in, with ``hreflang`` alternates to its other live
versions. The Google News sitemap lists what was published in the last 48 hours.

Addresses are on SITE_URL: Django's sitemap views would take the request's Host and scheme.
"""

import copy
import html
from datetime import timedelta

from django.conf import settings
from django.contrib.sitemaps import Sitemap, views as sitemap_views
from django.core import paginator
from django.db.models import BooleanField, Case, Exists, Max, OuterRef, Q, Value, When
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.timezone import template_localtime

from articles.addresses import slug_addresses
from articles.models import LANGUAGE_CODES, Article, Author, Section
from web.cache import public_memo
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
    # Pages of 1,000 addresses (about 200 KB with alternates) rather than Django's 50,000: a
    # whole archive in one document was 4 MB for every crawler request, bandwidth-bound even
    # when kept ready, and rebuilt whole after every publish.
    limit = 1000

    def items(self):
        # Rows as dictionaries: a thousand model instances cost three times what the rest of a
        # page of this sitemap does, and nothing here needs more than these values.
        return (
            with_live_languages(Article.objects.live(self.language))
            .order_by("-publish_at", "-pk")
            .values(*_sitemap_fields(), *[f"live_{code}" for code in LANGUAGE_CODES])
        )

    def location(self, item):
        return self._paths[self.language](item[f"slug_{self.language}"])

    def lastmod(self, item):
        return max(item["updated_at"], item["publish_at"])

    def get_latest_lastmod(self):
        latest = Article.objects.live(self.language).aggregate(
            updated=Max("updated_at"), published=Max("publish_at")
        )
        values = [v for v in latest.values() if v]
        return max(values) if values else None

    def _urls(self, page, protocol, domain):
        self._paths = paths = {code: slug_addresses("articles:detail", code) for code in LANGUAGE_CODES}
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            article = url["item"]
            live = [code for code in LANGUAGE_CODES if article[f"live_{code}"]]
            if len(live) < 2:
                continue
            url["alternates"] = [
                {
                    "lang_code": code,
                    "location": f"{protocol}://{domain}{paths[code](article[f'slug_{code}'])}",
                }
                for code in live
            ]
            default = settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in live else live[0]
            url["alternates"].append(
                {
                    "lang_code": "x-default",
                    "location": f"{protocol}://{domain}{paths[default](article[f'slug_{default}'])}",
                }
            )
        return urls


class OnePageSitemap(LanguageSitemap):
    """A sitemap of a few hundred addresses at most (sections, authors), where a page holds
    50,000: the index needs its number of pages, which every object of the model bounds. The
    exact count (objects with a live article) joined every live article with its bylines,
    13 ms per language for the authors, each time the index was built."""

    @property
    def paginator(self):
        pages = paginator.Paginator(self._items(), self.limit)
        pages.count = self.items().model.objects.count()
        return pages


class SectionSitemap(OnePageSitemap):
    """Sections with an address in the language and at least one article live in it."""

    def items(self):
        live = Article.objects.live(self.language).filter(section=OuterRef("pk"))
        return (
            Section.objects.exclude(**{f"slug_{self.language}": ""})
            .filter(Exists(live))
            .order_by("order", "pk")
        )


class AuthorSitemap(OnePageSitemap):
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

    def build():
        response = sitemap_views.index(on_site, **kwargs)
        response.render()
        return response.content, response.get("Last-Modified")

    # The same document for everyone until something is published (it counts every sitemap).
    content, last_modified = public_memo(request, "sitemap-index", compute=build)
    response = HttpResponse(content, content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    if last_modified:
        response.headers["Last-Modified"] = last_modified
    return response


def _xml(value):
    # What the template's autoescaping writes (Django's escape() is html.escape() behind a
    # check for lazy text that costs more than the escaping, 60,000 times a page).
    return html.escape(str(value))


def _time(value):
    # The template's |date:"c" is the ISO 8601 form of the local time.
    return template_localtime(value).isoformat()


def render_urlset(urls):
    """``templates/articles/sitemap.xml`` rendered without the template engine, byte for byte.

    The template costs about 0.3 ms an address (ten variable lookups, four conditions), a
    second and more for an article sitemap; this costs a tenth of that. The template stays
    the reference (``tests/articles/test_feeds_and_sitemaps.py`` compares the two).
    """
    parts = []
    for url in urls:
        parts.append(f"<url><loc>{_xml(url['location'])}</loc>")
        if url.get("lastmod"):
            parts.append(f"<lastmod>{_time(url['lastmod'])}</lastmod>")
        if url.get("changefreq"):
            parts.append(f"<changefreq>{_xml(url['changefreq'])}</changefreq>")
        if url.get("priority"):
            parts.append(f"<priority>{_xml(url['priority'])}</priority>")
        for alternate in url.get("alternates") or ():
            parts.append(
                f'<xhtml:link rel="alternate" hreflang="{_xml(alternate["lang_code"])}" '
                f'href="{_xml(alternate["location"])}"/>'
            )
        news = url.get("news")
        if news:
            parts.append(
                f"<news:news><news:publication><news:name>{_xml(news['publication'])}</news:name>"
                f"<news:language>{_xml(news['language'])}</news:language></news:publication>"
                f"<news:publication_date>{_time(news['published'])}</news:publication_date>"
                f"<news:title>{_xml(news['title'])}</news:title></news:news>"
            )
        parts.append("</url>")
    return URLSET_HEAD + "".join(parts) + URLSET_TAIL


URLSET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml" '
    'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
)
URLSET_TAIL = "\n</urlset>\n"


def sitemap_section(request, section, **kwargs):
    """One sitemap, the same document for every reader: kept whole under the generation
    counter (like a page fragment) and rendered by ``render_urlset``. A 404 is never kept."""

    def build():
        response = sitemap_views.sitemap(request, sitemaps=SITEMAPS, section=section, **kwargs)
        return render_urlset(response.context_data["urlset"]), response.get("Last-Modified")

    content, last_modified = public_memo(
        request, "sitemap", section, request.GET.get("p", "1"), compute=build
    )
    response = HttpResponse(content, content_type="application/xml")
    response.headers["X-Robots-Tag"] = "noindex, noodp, noarchive"
    if last_modified:
        response.headers["Last-Modified"] = last_modified
    return response
