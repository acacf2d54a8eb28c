"""RSS 2.0 and Atom feeds, per language: latest news, and per section, tag and author.

The language is the URL prefix's (``/ar/feed/``); a feed lists only articles live in it.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from articles.images import MIME_TYPES, prefetch_renditions, share_rendition
from articles.models import Article, ArticleAuthor, Author, Section, Tag
from articles.views import HEAVY_FIELDS, current_language
from web.cache import public_memo
from web.site_url import absolute_url

FEED_SIZE = 30


def feed_articles(**filters):
    """The newest live articles in the active language, with what an item shows, in 3 queries.

    A tag or author filter is a subquery, never a join: a join can repeat an article, and the
    DISTINCT that hid that made PostgreSQL read and compare every live article's row before it
    could take the newest 30 (the whole archive for the site-wide feed). Now the newest 30 come
    straight off the "live in a language" index.
    """
    live = Article.objects.live(current_language())
    if filters:
        live = live.filter(pk__in=Article.objects.filter(**filters).values("pk"))
    return (
        live.select_related("section", "lead_image")
        .prefetch_related(
            Prefetch("article_authors", queryset=ArticleAuthor.objects.select_related("author")), "tags"
        )
        .defer(*HEAVY_FIELDS)
        .order_by("-publish_at", "-pk")[:FEED_SIZE]
    )


def serve(feed_class):
    """A view that answers each request with a new feed object (they keep per-request state).

    A feed is the same document for every reader, so it is kept whole under the generation
    counter, like a page fragment: a request that misses the page cache (a query string, a
    purge just behind) does not rebuild it. A 404 is never kept.
    """

    def view(request, *args, **kwargs):
        def build():
            response = feed_class()(request, *args, **kwargs)
            return response.content, response["Content-Type"], response.get("Last-Modified")

        content, content_type, last_modified = public_memo(request, "feed", request.path, compute=build)
        response = HttpResponse(content, content_type=content_type)
        if last_modified:
            response.headers["Last-Modified"] = last_modified
        return response

    view.__name__ = view.__qualname__ = feed_class.__name__
    return view


def author_name(author):
    return author.display_name or author.display_name_en or author.display_name_ar


class LatestFeed(Feed):
    """Every link is absolute on SITE_URL: Django would complete a path with the request's host
    and scheme, and feeds are cached whole and kept by feed readers."""

    feed_type = Rss201rev2Feed

    def title(self, obj=None):
        return str(settings.SITE_NAME)

    def link(self, obj=None):
        return absolute_url(reverse("articles:home"))

    def feed_url(self, obj=None):
        return absolute_url(self.request.path)

    def description(self, obj=None):
        return _("The latest news from %(site)s.") % {"site": settings.SITE_NAME}

    def subtitle(self, obj=None):
        return self.description(obj)

    def feed_copyright(self, obj=None):
        return f"© {settings.SITE_NAME}"

    def filters(self, obj):
        return {}

    def items(self, obj=None):
        articles = list(feed_articles(**self.filters(obj)))
        prefetch_renditions([a.lead_image for a in articles if a.lead_image_id])
        return articles

    def item_title(self, item):
        return item.headline

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return absolute_url(item.get_absolute_url())

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return max(item.updated_at, item.publish_at)

    def item_author_name(self, item):
        return ", ".join(author_name(a) for a in item.byline_authors) or None

    def item_categories(self, item):
        names = [item.section.name] if item.section.name else []
        return names + [tag.name for tag in item.tags.all() if tag.name]

    def item_enclosures(self, item):
        if not item.lead_image_id:
            return []
        rendition = share_rendition(item.lead_image)
        if rendition is None:
            return []
        return [
            Enclosure(
                absolute_url(rendition["url"]),
                str(rendition.get("bytes") or 0),
                MIME_TYPES.get(rendition["format"], "image/jpeg"),
            )
        ]

    def __call__(self, request, *args, **kwargs):
        # Only ever called on a fresh instance (see ``serve``), so keeping the request is safe.
        self.request = request
        return super().__call__(request, *args, **kwargs)


class LatestAtomFeed(LatestFeed):
    feed_type = Atom1Feed


class SectionFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Section, **{f"slug_{current_language()}": slug})

    def title(self, obj=None):
        return f"{obj.name} · {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj=None):
        return _("The latest news in %(section)s from %(site)s.") % {
            "section": obj.name,
            "site": settings.SITE_NAME,
        }

    def filters(self, obj):
        return {"section": obj}


class SectionAtomFeed(SectionFeed):
    feed_type = Atom1Feed


class TagFeed(LatestFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Tag, **{f"slug_{current_language()}": slug})

    def title(self, obj=None):
        return f"{obj.name} · {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj=None):
        return _("The latest news about %(tag)s from %(site)s.") % {
            "tag": obj.name,
            "site": settings.SITE_NAME,
        }

    def filters(self, obj):
        return {"tags": obj}


class TagAtomFeed(TagFeed):
    feed_type = Atom1Feed


class AuthorFeed(LatestFeed):
    def get_object(self, request, slug):
        author = get_object_or_404(Author, slug=slug)
        if not author_name(author):
            raise Http404
        return author

    def title(self, obj=None):
        return f"{author_name(obj)} · {settings.SITE_NAME}"

    def link(self, obj=None):
        return absolute_url(obj.get_absolute_url())

    def description(self, obj=None):
        return _("The latest articles by %(author)s in %(site)s.") % {
            "author": author_name(obj),
            "site": settings.SITE_NAME,
        }

    def filters(self, obj):
        return {"article_authors__author": obj}


class AuthorAtomFeed(AuthorFeed):
    feed_type = Atom1Feed
