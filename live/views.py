"""The two small JSON documents the reader's scripts poll: a live blog's latest updates and the
breaking-news alert. Both are cached under the public generation with ETag/Last-Modified (a
poll that finds nothing new is a 304 from the cache), so any number of open pages costs the
database nothing between two updates, and whole pages stay in the page cache.
"""

import json

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import translation
from django.views.decorators.http import require_GET

from articles.images import prefetch_renditions
from live.models import BreakingAlert, LiveBlog, LiveUpdate
from web.responses import cached_json

# The most recent updates a page shows and a poll returns (older ones stay on the page).
LATEST = 50
# Breaking alerts are polled, not purged: at most this many seconds stale (and expiry needs no job).
BREAKING_SECONDS = 5


def current_language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def live_blog_of(article_id, language):
    """The live blog of an article live in ``language``, or None (a primary-key lookup)."""
    blog = LiveBlog.objects.select_related("article").filter(article_id=article_id).first()
    return blog if blog is not None and blog.article.is_live_in(language) else None


def latest_updates(live_blog, language, limit=LATEST):
    updates = list(
        LiveUpdate.objects.visible(language)
        .filter(live_blog=live_blog)
        .select_related("image", "author")[:limit]
    )
    prefetch_renditions([u.image for u in updates if u.image_id])
    return updates


def update_html(update, request):
    return render_to_string("live/includes/_update.html", {"update": update}, request)


@require_GET
def updates(request, article_id):
    language = current_language()

    def compute():
        live_blog = live_blog_of(article_id, language)
        if live_blog is None:
            raise Http404
        found = latest_updates(live_blog, language)
        return json.dumps(
            {
                "ended": live_blog.is_ended(),
                "updates": [
                    {
                        "id": u.pk,
                        "posted_at": u.posted_at.isoformat(),
                        "key_event": u.key_event,
                        "html": update_html(u, request),
                    }
                    for u in found
                ],
            },
            ensure_ascii=False,
        ).encode()

    try:
        # A hit touches no table: the lookup above runs only when the document is (re)built.
        return cached_json(request, language=language, compute=compute)
    except Http404:
        return JsonResponse({"error": "not found"}, status=404)


@require_GET
def all_updates(request, article_id):
    """Every update of a live blog, 50 a page, newest first: where readers without JavaScript
    find the updates older than those on the article page. An ordinary page for the page cache."""
    language = current_language()
    live_blog = live_blog_of(article_id, language)
    if live_blog is None:
        raise Http404
    updates = (
        LiveUpdate.objects.visible(language).filter(live_blog=live_blog).select_related("image", "author")
    )
    page = Paginator(updates, LATEST).get_page(request.GET.get("page"))
    prefetch_renditions([u.image for u in page if u.image_id])
    context = {"live_blog": live_blog, "article": live_blog.article, "page_obj": page, "updates": page}
    return render(request, "live/all_updates.html", context)


@require_GET
def breaking(request):
    language = current_language()

    def compute():
        alert = BreakingAlert.objects.current(language).select_related("article").first()
        body = None
        if alert is not None:
            body = {
                "id": alert.pk,
                "text": getattr(alert, f"text_{language}"),
                "url": alert.article.get_absolute_url(language),
                "expires_at": alert.expires_at.isoformat(),
            }
        return json.dumps({"alert": body}, ensure_ascii=False).encode()

    seconds = min(BREAKING_SECONDS, settings.PUBLIC_PAGE_CACHE_SECONDS)
    return cached_json(request, language=language, compute=compute, seconds=seconds)
