"""Rate limits shared by every worker process and machine: one atomic upsert in PostgreSQL.

django-ratelimit, the usual library, needs a cache with atomic increments (Redis, memcached)
and refuses the file and database caches this project runs with by default. PostgreSQL is
already shared by every process, so a fixed-window counter is one ``INSERT … ON CONFLICT DO
UPDATE … RETURNING`` on an unlogged table: atomic, about a millisecond, nothing to deploy.
Keys are HMACs of the scope and the client address, so no address is stored.

    @rate_limit("search", limit=60, window=60)
    def search(request): …
"""

from __future__ import annotations

import hmac
import time
from functools import wraps

from django.conf import settings
from django.db import connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from web.security import client_ip

TABLE = "web_ratelimit"


def _key(scope: str, subject: str) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"{scope}|{subject}".encode(), "sha256").hexdigest()
    return f"{scope}:{digest[:32]}"


def hit(scope: str, subject: str, *, limit: int, window: int) -> tuple[bool, int]:
    """Count one event for ``subject`` in ``scope``; return (allowed, seconds until the window ends).

    The same statement forgets the windows that started over a day before this one (every
    window here is minutes long, so they ended long ago): an index range holding only what
    crossed that line since the last hit (usually nothing), so the table stays small with no
    sweeper and every hit is one query, under a tenth of a millisecond dearer than the upsert.
    """
    now = int(time.time())
    window_start = now - now % window
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH forgotten AS (DELETE FROM {TABLE} WHERE window_start < to_timestamp(%s) - interval '1 day') "
            f"INSERT INTO {TABLE} (key, window_start, hits) VALUES (%s, to_timestamp(%s), 1) "
            f"ON CONFLICT (key, window_start) DO UPDATE SET hits = {TABLE}.hits + 1 RETURNING hits",
            [window_start, _key(scope, subject), window_start],
        )
        hits = cursor.fetchone()[0]
    return hits <= limit, window_start + window - now


def too_many_requests(request, retry_after: int) -> HttpResponse:
    message = _("Too many requests from your connection. Please wait a moment and try again.")
    try:
        body = render_to_string("web/429.html", {"message": message, "retry_after": retry_after}, request)
        content_type = "text/html; charset=utf-8"
    except Exception:  # the plain message is enough if the page cannot be rendered
        body, content_type = message, "text/plain; charset=utf-8"
    response = HttpResponse(body, status=429, content_type=content_type)
    response["Retry-After"] = str(max(retry_after, 1))
    response["Cache-Control"] = "no-store"
    return response


def rate_limit(scope: str, *, limit: int | None = None, window: int | None = None, methods=("GET", "POST")):
    """Refuse with 429 once a client address exceeds ``limit`` requests per ``window`` seconds.

    Limits come from settings.RATE_LIMITS[scope] = (limit, window) unless given here.
    """

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            configured = settings.RATE_LIMITS.get(scope)
            if request.method in methods and configured is not None:
                count, seconds = (limit, window) if limit else configured
                allowed, retry_after = hit(
                    scope, client_ip(request) or "unknown", limit=count, window=seconds
                )
                if not allowed:
                    return too_many_requests(request, retry_after)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
