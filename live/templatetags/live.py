"""How pages show live coverage (``{% load live %}``); articles/ never imports live/.

{% live_blog article %}     the updates of a live blog (nothing for an ordinary article)
{% breaking_strip %}        the empty strip that static/live/breaking.js fills
{% live_blog_json_ld article %}   LiveBlogPosting structured data
"""

import json

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from live.models import LiveBlog
from live.views import LATEST, current_language, latest_updates
from web.site_url import absolute_url

register = template.Library()


def _live_blog(article):
    cached = getattr(article, "_live_blog_lookup", None)
    if cached is None:
        cached = (LiveBlog.objects.filter(article=article).first(),)
        article._live_blog_lookup = cached
    return cached[0]


@register.inclusion_tag("live/live_blog.html", takes_context=True)
def live_blog(context, article):
    blog = _live_blog(article)
    request = context.get("request")
    if blog is None:
        return {"live_blog": None}
    language = current_language()
    updates = latest_updates(blog, language, limit=LATEST + 1)
    # No-JavaScript readers get new updates by following a link that always loads the page
    # again (a link to the very same address would only scroll), and both addresses are cached.
    on_page_param = request is not None and "page" in request.GET
    newer_url = f"{request.path if request else ''}{'' if on_page_param else '?page=1'}#live-updates"
    return {
        "live_blog": blog,
        "article": article,
        "updates": updates[:LATEST],
        "has_older": len(updates) > LATEST,
        "key_events": [u for u in updates[:LATEST] if u.key_event],
        "newer_url": newer_url,
        "poll_seconds": getattr(settings, "LIVE_POLL_SECONDS", 15),
        "request": request,
    }


@register.simple_tag(takes_context=True)
def live_blog_json_ld(context, article):
    """schema.org LiveBlogPosting with its updates (in a data block: not script, CSP-safe)."""
    blog = _live_blog(article)
    if blog is None:
        return ""
    request = context.get("request")
    language = current_language()
    url = absolute_url(article.get_absolute_url(language)) if request else ""
    data = {
        "@context": "https://schema.org",
        "@type": "LiveBlogPosting",
        "headline": getattr(article, f"headline_{language}", ""),
        "url": url,
        "datePublished": article.publish_at.isoformat() if article.publish_at else None,
        "coverageStartTime": blog.started_at.isoformat(),
        "liveBlogUpdate": [
            {
                "@type": "BlogPosting",
                "headline": _first_words(getattr(u, f"body_{language}", "")),
                "datePublished": u.posted_at.isoformat(),
                "dateModified": u.edited_at.isoformat(),
                "articleBody": _plain(getattr(u, f"body_{language}", "")),
                "url": f"{url}#update-{u.pk}",
            }
            for u in latest_updates(blog, language)
        ],
    }
    if blog.is_ended():
        data["coverageEndTime"] = blog.ended_at.isoformat()
    text = (
        json.dumps(data, ensure_ascii=False)
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
    )
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308 - escaped above


def _plain(html):
    from articles.excerpts import plain_text

    return plain_text(html)


def _first_words(html, count=12):
    words = _plain(html).split()
    return " ".join(words[:count]) + (" …" if len(words) > count else "")


@register.inclusion_tag("live/breaking_strip.html", takes_context=True)
def breaking_strip(context):
    request = context.get("request")
    remember = False
    if request is not None:
        try:
            from consent.cookies import is_allowed
        except ImportError:  # consent feature not installed
            is_allowed = None
        # The page cache keys pages by consent state, so this may be written into a shared page.
        remember = bool(is_allowed and is_allowed(request, "preferences"))
    return {"remember": remember, "poll_seconds": getattr(settings, "BREAKING_POLL_SECONDS", 20)}
