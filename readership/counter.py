"""Counting article reads for "Most read", without relying on server-side rendering.

Public pages are cached whole, so a view is counted by a 1×1 image the article page embeds
(works without JavaScript) and that is never cached. Counting needs no cookie: repeated hits of
the same article by the same client within ``DEDUPE_SECONDS`` are counted once, judged by a
keyed hash of the address and browser that lives only in the cache, for that long. With the
reader's consent to statistics a random ``visitor_id`` cookie also tells unique readers apart.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import caches
from django.db.models import Sum
from django.utils import timezone
from django.utils.crypto import salted_hmac

from consent import cookies
from readership.models import ArticleReads
from web.security import client_ip

VISITOR_COOKIE = "visitor_id"
VISITOR_COOKIE_MAX_AGE = 182 * 24 * 60 * 60
_VISITOR_ID = re.compile(r"^[A-Za-z0-9_-]{22}$")
DEDUPE_SECONDS = 30 * 60
# At most this many counted reads per client per window, whatever the articles.
RATE_LIMIT = 60
RATE_WINDOW_SECONDS = 10 * 60
LIVE_CHECK_SECONDS = 300
MOST_READ_SECONDS = 300
_BOT = re.compile(
    r"bot|crawl|spider|slurp|preview|fetch|monitor|headless|curl|wget|python|http", re.IGNORECASE
)


def _cache():
    """Short-lived dedupe keys, many of them: a deployment may give them a cache of their own
    (``READERSHIP_CACHE_ALIAS``) so that they never push cached pages out."""
    return caches[getattr(settings, "READERSHIP_CACHE_ALIAS", "default")]


def is_countable(request) -> bool:
    """A real reader's page, not a robot, a prefetch, or another site embedding the beacon."""
    if _BOT.search(request.headers.get("User-Agent", "")) or not request.headers.get("User-Agent"):
        return False
    if (
        request.headers.get("Sec-Purpose", "").startswith("prefetch")
        or request.headers.get("Purpose") == "prefetch"
    ):
        return False
    fetch_site = request.headers.get("Sec-Fetch-Site")
    return fetch_site is None or fetch_site == "same-origin"


def _digest(*parts) -> str:
    # The key salt keeps the name it had in newsroom/readership.py, so digests stay stable.
    return salted_hmac(
        "newsroom.readership", "|".join(str(p) for p in parts), algorithm="sha256"
    ).hexdigest()[:32]


def _is_live(article_id: int, language: str) -> bool:
    from articles.models import Article

    key = f"reads:live:{language}:{article_id}"
    cache = _cache()
    live = cache.get(key)
    if live is None:
        live = Article.objects.live(language).filter(pk=article_id).exists()
        cache.set(key, live, LIVE_CHECK_SECONDS)
    return live


def register_read(request, *, article_id: int, language: str) -> str | None:
    """Count this read if it should be; returns a new visitor id to store, if one is needed.

    The visitor id is read or created only when the reader accepted statistics.
    """
    if not is_countable(request) or not _is_live(article_id, language):
        return None
    day = timezone.localdate()
    new_cookie = None
    visitor = None
    if cookies.is_allowed(request, cookies.STATISTICS):
        visitor = request.COOKIES.get(VISITOR_COOKIE, "")
        if not _VISITOR_ID.match(visitor):
            visitor = new_cookie = secrets.token_urlsafe(16)
    cache = _cache()
    # Without a visitor id, the address and browser, hashed with a key that changes daily.
    client = visitor or _digest(day, (client_ip(request) or ""), request.headers.get("User-Agent", ""))

    if not cache.add(f"reads:seen:{_digest(article_id, language, client)}", 1, DEDUPE_SECONDS):
        return new_cookie
    rate_key = f"reads:rate:{_digest(client)}"
    cache.add(rate_key, 0, RATE_WINDOW_SECONDS)
    try:
        if cache.incr(rate_key) > RATE_LIMIT:
            return new_cookie
    except ValueError:  # expired between add and incr: let this one through
        pass
    new_visitor = bool(visitor) and cache.add(
        f"reads:visitor:{day}:{_digest(article_id, language, visitor)}", 1, 26 * 60 * 60
    )
    ArticleReads.objects.record(article_id=article_id, language=language, day=day, new_visitor=new_visitor)
    return new_cookie


def most_read(language: str, *, days: int = 7, limit: int = 5) -> list:
    """The live articles most read in ``language`` over the last ``days`` days (one query,
    cached for a few minutes)."""
    from articles.models import Article

    key = f"reads:most-read:{language}:{days}:{limit}"
    cache = _cache()
    articles = cache.get(key)
    if articles is None:
        since = timezone.localdate() - timedelta(days=days - 1)
        articles = list(
            Article.objects.live(language)
            .filter(daily_reads__language=language, daily_reads__day__gte=since)
            .annotate(recent_views=Sum("daily_reads__views"))
            .order_by("-recent_views", "-publish_at", "-pk")
            .only("pk", "publish_at", *[f"{field}_{language}" for field in ("headline", "slug")])[:limit]
        )
        cache.set(key, articles, MOST_READ_SECONDS)
    return articles
