"""Following an old address: one indexed query, remembered in the cache.

A lookup asks for the address and, for a feed address, the page it belongs to, in a single
``old_path IN (…)`` query on the unique index. The answer (a target or "none") is cached
under a generation that moves whenever a redirect is saved or deleted, and for a short time
only, since an object's address (its slug) may change without the redirect changing.
"""

import hashlib

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import NoReverseMatch, Resolver404, resolve
from django.utils import timezone, translation

from redirects.models import MissedAddress, Redirect
from redirects.paths import feed_base, looks_like_wordpress, normalize_path

CACHE_SECONDS = 300
_GENERATION_KEY = "redirects:generation"
_NONE = ""


def forget_redirects(**_kwargs) -> None:
    """Every cached answer is stale (a redirect was added, changed or deleted)."""
    try:
        cache.incr(_GENERATION_KEY)
    except ValueError:
        cache.set(_GENERATION_KEY, 1, timeout=None)


def _cache_key(key: str) -> str:
    generation = cache.get_or_set(_GENERATION_KEY, 1, timeout=None)
    return f"redirects:{generation}:" + hashlib.blake2b(key.encode(), digest_size=16).hexdigest()


def _valid_path(path: str) -> bool:
    try:
        resolve(path)
    except Resolver404:
        return False
    return True


def target_url(redirect: Redirect) -> str | None:
    """Where a redirect leads now, in its language; None when its page no longer exists."""
    if redirect.target_path:
        return redirect.target_path
    target = redirect.target
    if target is None:
        return None
    with translation.override(redirect.language):
        try:
            try:
                return target.get_absolute_url(redirect.language)
            except TypeError:  # get_absolute_url() of the active language
                return target.get_absolute_url()
        except NoReverseMatch:  # no address in that language (an empty slug)
            return None


def _find(key: str) -> str | None:
    base = feed_base(key)
    found = {r.old_path: r for r in Redirect.objects.filter(old_path__in=[key, base] if base else [key])}
    if key in found:
        return target_url(found[key])
    if base in found:
        url = target_url(found[base])
        # /category/news/feed/ leads to the section's feed when it has one, else to the page.
        if url and _valid_path(url.rstrip("/") + "/feed/"):
            return url.rstrip("/") + "/feed/"
        return url
    return None


def find_redirect(path: str, query: str = "") -> str | None:
    """The address an old one now leads to, or None."""
    key = normalize_path(path, query)
    if key == "/" or len(key) > 500 or not key.isprintable():
        return None  # never stored: NUL and other control characters, over-long addresses
    cache_key = _cache_key(key)
    cached = cache.get(cache_key)
    if cached is not None:
        return cached or None
    url = _find(key)
    cache.set(cache_key, url or _NONE, CACHE_SECONDS)
    return url


def record_missed(path: str, query: str = "") -> None:
    """Count a 404 for an address in a WordPress form (others are not worth an editor's time)."""
    key = normalize_path(path, query)[:500]
    if not key.isprintable() or not looks_like_wordpress(key):
        return
    now = timezone.now()
    if MissedAddress.objects.filter(path=key).update(hits=F("hits") + 1, last_seen=now):
        return
    try:
        with transaction.atomic():
            MissedAddress.objects.create(path=key, first_seen=now, last_seen=now)
    except IntegrityError:  # created by a concurrent request
        MissedAddress.objects.filter(path=key).update(hits=F("hits") + 1, last_seen=now)
