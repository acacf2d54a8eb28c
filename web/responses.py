"""JSON answers that proxies may cache and clients may revalidate (ETag, Last-Modified, 304).

An answer is computed once per *public generation* (``web.cache``: the counter that every
publish, edit, unpublish or approved comment moves on, and that also moves when a scheduled
article's time comes) and kept in the shared cache under it, so it is purged on publish exactly
as pages are. The ETag is a hash of the body: equal content, equal tag, across generations.
Last-Modified is the first time this body was served for this address (remembered beside the
tag), so ``If-Modified-Since`` never answers 304 for a body that changed.

``Cache-Control: public, max-age=0`` lets a proxy keep the answer but ask each time (the
request still reaches us, is counted against its rate limit, and gets a 304).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from web.cache import public_generation

CONTENT_TYPE = "application/json"
# Query parameters the API knows; any other one makes the request skip the cache (as pages do).
KNOWN_PARAMS = frozenset(
    {"lang", "cursor", "limit", "section", "tag", "author", "updated_since", "q", "page", "since"}
)
LAST_MODIFIED_MEMORY = 7 * 24 * 60 * 60


def _cache():
    return caches[getattr(settings, "PUBLIC_PAGE_CACHE_ALIAS", "default")]


def _address_key(request) -> str:
    raw = "|".join([request.get_host(), request.path, request.META.get("QUERY_STRING", "")])
    return hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()


def _etag(body: bytes) -> str:
    return '"' + hashlib.blake2b(body, digest_size=16).hexdigest() + '"'


def _last_modified(address: str, etag: str) -> float:
    """When this body was first served at this address (now, if it is new)."""
    key = f"api:lm:{address}"
    remembered = _cache().get(key)
    if remembered and remembered[0] == etag:
        return remembered[1]
    now = time.time()
    _cache().set(key, (etag, now), LAST_MODIFIED_MEMORY)
    return now


def cached_json(request, *, language: str, compute, seconds: int | None = None) -> HttpResponse:
    """The answer for this address: from the cache under the current generation, or ``compute()``
    (which returns the JSON body as bytes); with validators, and 304 when the client has it."""
    seconds = settings.PUBLIC_PAGE_CACHE_SECONDS if seconds is None else seconds
    address = _address_key(request)
    cacheable = bool(seconds) and all(name in KNOWN_PARAMS for name in request.GET)
    entry = None
    if cacheable:
        key = f"api:{public_generation(request)}:{address}"
        entry = _cache().get(key)
    if entry is None:
        body = compute()
        etag = _etag(body)
        entry = (body, etag, _last_modified(address, etag))
        if cacheable:
            _cache().set(key, entry, seconds)
        outcome = "MISS" if cacheable else "BYPASS"
    else:
        outcome = "HIT"
    body, etag, modified = entry
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["ETag"] = etag
    response["Last-Modified"] = http_date(modified)
    response["Content-Language"] = language
    response["X-Cache"] = outcome
    patch_cache_control(response, public=True, max_age=0)
    conditional = get_conditional_response(request, etag=etag, last_modified=int(modified), response=response)
    if conditional is not response:
        conditional["Content-Language"] = language
        conditional["X-Cache"] = outcome
        patch_cache_control(conditional, public=True, max_age=0)
    return conditional
