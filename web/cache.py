"""Whole-page caching for anonymous readers, that never serves a wrong page.

The decision (DESIGN.md, "Caching for anonymous readers", way 2): public pages are cached
whole, keyed by path (the language is its prefix), the allowed query parameters and the
reader's consent state, because those are the only things that make two anonymous readers'
pages differ: public forms carry no per-reader token (``web.security``), the comment
form is pre-filled in the browser, and per-reader messages bypass the cache.

Invalidation is by generation rather than by guessing which pages an edit touches: every
publish, edit, unpublish or approved comment bumps one counter (``invalidate_public_pages``),
and every key includes it, so the next request of every page is fresh. It is opt-in: each
app's ``AppConfig.ready`` names the models (``invalidate_on_change``) and the many-to-many
relations (``invalidate_on_relation_change``) readers can see; anything else (a rendition
made while a reader's page renders, a preview link, a workflow record, a user's groups)
leaves the cache alone. A scheduled article goes live without any save, so the state also
carries the next scheduled publication time, and the generation moves on when it passes.

Bounded: a page answered with a query string is cached only in canonical form (``page`` a
plain number; ``q`` only on pages whose view takes a budget for it), and a view may put its
pages on a budget (``response.public_cache_budget = "search"``): at most
``PUBLIC_PAGE_CACHE_BUDGETS[name]`` such pages are stored per cache period, counted across
every process in PostgreSQL; past that they are served uncached (X-Cache: BYPASS) until the
period ends. Entries live one period, so at most twice the budget exist at any time, however
many distinct search terms are sent.

Bypassed: non-GET requests, logged-in staff (any session cookie), a pending message, query
parameters other than the listed ones (which also makes ``?random`` a bypass for the
benchmark), responses that set cookies, are not 200, or are marked private/no-cache.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import threading
import time

from django.conf import settings
from django.core.cache import caches
from django.core.signals import setting_changed
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from web.ratelimit import hit
from web.replicas import after_invalidation
from web.write_behind import write_later, write_many_later

STATE_KEY = "public-pages:state"
MESSAGES_COOKIE = getattr(settings, "MESSAGE_COOKIE_NAME", "messages")
# "p": the page of a sitemap (Django's own parameter name).
CACHEABLE_PARAMS = frozenset({"page", "q", "p"})
CACHEABLE_TYPES = ("text/html", "application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


def _cache():
    return caches[getattr(settings, "PUBLIC_PAGE_CACHE_ALIAS", "default")]


# What the apps above tell the cache, from their AppConfig.ready() (the cache imports none of them).
_SCHEDULES: list = []
_KEY_PARTS: list = []


def changes_at(provider):
    """Register ``provider()``: the next time public pages change without any save (a scheduled
    publication going live), as a datetime, or None."""
    if provider not in _SCHEDULES:
        _SCHEDULES.append(provider)
    return provider


def vary_on(key_part):
    """Register ``key_part(request)``: a short string naming how public pages look for this
    reader (the consent state); readers with equal strings share cached pages."""
    if key_part not in _KEY_PARTS:
        _KEY_PARTS.append(key_part)
    return key_part


def _next_scheduled_change() -> float:
    """Epoch seconds of the next scheduled publication (or far future)."""
    times = [when.timestamp() for provider in _SCHEDULES if (when := provider()) is not None]
    return min(times, default=time.time() + 365 * 86400)


def _fresh_generation() -> int:
    """A generation for a state that was lost (cache cleared, evicted, never made): the clock in
    nanoseconds, above every older one, which grew by one per move from the nanosecond it was
    made (a move takes longer than that). Processes keep parts by generation (``_KeptHere``):
    a generation used twice would serve them parts of the old content."""
    return time.time_ns()


# Cache outages (``ResilientRedisCache.outages``) this process had seen at its last good read.
_outages_at_good_read = 0


def _state() -> tuple[int, float]:
    global _outages_at_good_read
    cache = _cache()
    state = cache.get(STATE_KEY)
    now = time.time()
    if not getattr(cache, "healthy", True):
        # The cache is away: a generation of its own for this request, so nothing is reused.
        return (_fresh_generation(), now)
    outages = getattr(cache, "outages", 0)
    # Back from a cache outage: a publication made meanwhile could not move the generation
    # (nor could this process tell), so move it now and let every page be rebuilt once.
    recovered = state is not None and outages != _outages_at_good_read
    if state is None or now >= state[1] or recovered:
        generation = (state[0] + 1) if state else _fresh_generation()
        state = (generation, _next_scheduled_change())
        cache.set(STATE_KEY, state, timeout=None)
    _outages_at_good_read = outages
    return state


def public_generation(request=None) -> int:
    """The current generation, read once per request (fragments of a page share it)."""
    if request is not None:
        cached = getattr(request, "_public_generation", None)
        if cached is not None:
            return cached
    generation = _state()[0]
    if request is not None:
        request._public_generation = generation
    return generation


_MISSING = object()


class _KeptHere:
    """This process's own copies of the parts kept in the shared cache (fragments, memoised
    lookups), so that a page past the page cache reads each of them once per process and
    generation instead of once per request (a file read and an unpickling each, or a round trip
    to Redis). Exactly as fresh as the shared copies: the keys carry the generation, a copy
    expires when the shared one does, and every copy of an older generation is dropped as soon
    as a newer one is seen. Bounded: at most ``PUBLIC_PAGE_CACHE_LOCAL_BYTES`` (8 MB; text
    counted by its size in memory, anything else by its pickled size), the oldest copies leaving
    first; a value bigger than an eighth of that is not copied.

    Values are shared between the requests of this process: callers treat them as read-only,
    as they are the same for every reader of the generation anyway.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self.clear()

    def clear(self, **_kwargs) -> None:
        self.generation, self.entries, self.size = None, {}, 0

    def get(self, generation: int, key: str):
        entry = self.entries.get(key) if generation == self.generation else None
        if entry is None or entry[1] <= time.time():
            return _MISSING
        return entry[0]

    def keep(self, generation: int, key: str, value, expires: float) -> None:
        limit = getattr(settings, "PUBLIC_PAGE_CACHE_LOCAL_BYTES", 8 * 1024 * 1024)
        if isinstance(value, str | bytes):
            size = sys.getsizeof(value)
        else:
            size = len(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))
        if size > limit // 8:
            return
        with self._lock:
            if generation != self.generation:
                self.generation, self.entries, self.size = generation, {}, 0
            while self.entries and self.size + size > limit:
                oldest = next(iter(self.entries))
                self.size -= self.entries.pop(oldest)[2]
            self.entries[key] = (value, expires, size)
            self.size += size


_kept_here = _KeptHere()
setting_changed.connect(_kept_here.clear, dispatch_uid="web-cache-kept-here")


def _part_key(generation: int, kind: str, *parts) -> str:
    raw = "|".join([str(generation), *map(str, parts)])
    return f"{kind}:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def kept_part(request, kind: str, *parts, compute):
    """``compute()``'s result under the current generation: from this process's copy, else the
    shared cache, else computed and stored in both. ``kind`` prefixes the key ("memo", "fragment")."""
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    if not seconds:
        return compute()
    generation = public_generation(request)
    key = _part_key(generation, kind, *parts)
    value = _kept_here.get(generation, key)
    if value is not _MISSING:
        return value
    stored = _cache().get(key)
    now = time.time()
    if stored is not None and stored[0] > now:
        expires, value = stored
    else:
        value, expires = compute(), now + seconds
        # The expiry travels with the value: a copy in any process expires with the shared one.
        write_later(_cache(), key, (expires, value), seconds)
    _kept_here.keep(generation, key, value, expires)
    return value


def public_memo(request, name: str, *parts, compute):
    """``compute()``'s result, cached under the current generation (so never stale); for the
    objects public pages look up on every request, such as the article behind a slug."""
    return kept_part(request, "memo", name, *parts, compute=compute)


def public_memo_many(request, name: str, keys, *, compute_missing) -> dict:
    """``{key: value}`` for ``keys``, each kept under the current generation as ``public_memo``
    keeps one (this process's copy, else the shared cache, in one round trip for all);
    ``compute_missing(keys)`` returns ``{key: value}`` for the rest, in one go. For the items
    of lists that many addresses share (the same article in every filter and cursor position
    of the API's lists)."""
    keys = list(keys)
    if not keys:
        return {}
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
    if not seconds:
        return compute_missing(keys)
    generation = public_generation(request)
    names = {key: _part_key(generation, "memo", name, key) for key in keys}
    values = {}
    for key, cache_key in names.items():
        value = _kept_here.get(generation, cache_key)
        if value is not _MISSING:
            values[key] = value
    now = time.time()
    if len(values) < len(keys):
        found = _cache().get_many([names[key] for key in keys if key not in values])
        for key in keys:
            stored = found.get(names[key])
            if key not in values and stored is not None and stored[0] > now:
                values[key] = stored[1]
                _kept_here.keep(generation, names[key], stored[1], stored[0])
    missing = [key for key in keys if key not in values]
    if missing:
        computed, expires = compute_missing(missing), now + seconds
        write_many_later(_cache(), {names[key]: (expires, value) for key, value in computed.items()}, seconds)
        for key, value in computed.items():
            _kept_here.keep(generation, names[key], value, expires)
        values.update(computed)
    return values


def _move_generation() -> None:
    cache = _cache()
    state = cache.get(STATE_KEY)
    generation = (state[0] + 1) if state else _fresh_generation()
    cache.set(STATE_KEY, (generation, _next_scheduled_change()), timeout=None)


def invalidate_public_pages(**_kwargs) -> None:
    """Every cached public page is stale from now on (signal receivers call this)."""
    _move_generation()
    # With read replicas: once committed, readers wait for a replica that has replayed it.
    after_invalidation(_move_generation)
    # With caching proxies in front: once committed (and after the above), a task purges them.
    from web.purge import purge_after_commit

    purge_after_commit()


def invalidate_on_change(*models) -> None:
    """Make every save or delete of these models invalidate the public pages."""
    for model in models:
        label = model._meta.label
        post_save.connect(invalidate_public_pages, sender=model, dispatch_uid=f"pages-{label}")
        post_delete.connect(invalidate_public_pages, sender=model, dispatch_uid=f"pages-d-{label}")


def invalidate_on_relation_change(*relations) -> None:
    """Make adding, removing or clearing links of these many-to-many relations (``Article.tags``)
    invalidate the public pages; other relations (a user's groups) never do."""
    for relation in relations:
        through = relation.through
        m2m_changed.connect(
            invalidate_public_pages, sender=through, dispatch_uid=f"pages-m2m-{through._meta.label}"
        )


def reader_key_part(request) -> str:
    """How public pages look for this reader (the registered parts joined): readers with equal
    parts share cached pages and ``per_reader`` fragments."""
    # Nothing registered (no consent app): every reader sees the same page.
    return "+".join(key_part(request) for key_part in _KEY_PARTS) or "-"


def cache_key(request, generation: int) -> str:
    raw = "|".join(
        [
            str(generation),
            request.get_host(),
            request.path,
            request.META.get("QUERY_STRING", ""),
            reader_key_part(request),
        ]
    )
    return "public-pages:" + hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if not settings.PUBLIC_PAGE_CACHE_SECONDS:
        return False
    cookies = request.COOKIES
    # An empty value is a deleted cookie that a client still sends (some do, after expiry).
    if cookies.get(settings.SESSION_COOKIE_NAME) or cookies.get(MESSAGES_COOKIE):
        return False
    if any(name not in CACHEABLE_PARAMS for name in request.GET):
        return False
    # ?page=01, ?page=001 … would each make an entry for one page: only the plain number is cached.
    if any(
        not (p.isascii() and p.isdigit() and p[0] != "0" and len(p) < 7) for p in request.GET.getlist("page")
    ):
        return False
    path = request.path
    return not path.startswith(settings.PUBLIC_PAGE_CACHE_EXCLUDE)


def _budgets() -> dict:
    return getattr(settings, "PUBLIC_PAGE_CACHE_BUDGETS", {"search": 500})


def within_budget(request, response) -> bool:
    """Whether this response may be stored: pages without a budget may be; a ``?q=`` is
    only cached by a view that budgets for it (elsewhere it would make one entry per term);
    a budgeted page only while fewer than its budget were stored in this cache period."""
    budget = getattr(response, "public_cache_budget", None)
    if budget is None:
        return "q" not in request.GET
    allowed, _seconds = hit(
        f"page-cache-{budget}",
        "site",
        limit=_budgets().get(budget, 0),
        window=settings.PUBLIC_PAGE_CACHE_SECONDS,
    )
    return allowed


def is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.cookies or response.streaming:
        return False
    cache_control = response.headers.get("Cache-Control", "")
    if "private" in cache_control or "no-cache" in cache_control or "no-store" in cache_control:
        return False
    return response.headers.get("Content-Type", "").startswith(CACHEABLE_TYPES)


def _share_with_proxies(response, next_change: float) -> None:
    """Let caching proxies and CDNs keep a shareable page (``s-maxage``) while they are purged
    on every change (``web.purge``), but never past the next scheduled publication, which no
    purge announces. Without PROXY_CACHE_SECONDS, only this cache keeps pages."""
    shared = min(settings.PROXY_CACHE_SECONDS, int(next_change - time.time()))
    if shared <= 0:
        return
    patch_cache_control(response, s_maxage=shared)
    if settings.PROXY_STALE_SECONDS:
        patch_cache_control(response, stale_while_revalidate=settings.PROXY_STALE_SECONDS)


class PublicPageCacheMiddleware:
    """Sits at the top of MIDDLEWARE: a hit is answered before sessions, auth or templates run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_cacheable_request(request):
            response = self.get_response(request)
            response.headers.setdefault("X-Cache", "BYPASS")
            return response
        generation, next_change = _state()
        request._public_generation = generation
        key = cache_key(request, generation)
        cached = _cache().get(key)
        if cached is not None:
            status, headers, content = cached
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response.headers[name] = value
            response.headers["X-Cache"] = "HIT"
            _share_with_proxies(response, next_change)
            return response
        response = self.get_response(request)
        if is_cacheable_response(response) and within_budget(request, response):
            # Shared caches and browsers must revalidate: freshness is decided here.
            patch_cache_control(response, max_age=0, public=True)
            headers = [
                (k, v) for k, v in response.headers.items() if k.lower() not in {"x-cache", "set-cookie"}
            ]
            write_later(
                _cache(),
                key,
                (response.status_code, headers, response.content),
                settings.PUBLIC_PAGE_CACHE_SECONDS,
            )
            response.headers["X-Cache"] = "MISS"
            _share_with_proxies(response, next_change)
        else:
            response.headers["X-Cache"] = "BYPASS"
        return response
