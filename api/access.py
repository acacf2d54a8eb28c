"""Who is calling: a partner with a key, or an anonymous reader; and how often they may.

A key comes in ``X-API-Key: <key>`` or ``Authorization: Bearer <key>``. A request with a key
that is unknown or revoked is refused (401) rather than served anonymously, so a partner
learns at once that their key stopped working. Limits are counted by the project's shared rate
limiter (one atomic upsert in PostgreSQL): per key with the key's own limit, per address for
anonymous readers (``RATE_LIMITS["api"]``). Counting happens before any cached answer is
served, so a cache hit is counted too.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from ninja.security import APIKeyHeader

from api.models import ApiKey, split_key
from api.problems import ApiProblem
from web.ratelimit import hit
from web.security import client_ip

# last_used_at is written at most this often per key (not one write per request).
LAST_USED_PRECISION = timedelta(minutes=1)


class Anonymous:
    """``request.auth`` of a reader without a key."""

    key = None

    def __bool__(self):
        return True


ANONYMOUS = Anonymous()


def _over_limit(retry_after: int) -> ApiProblem:
    return ApiProblem(
        429,
        "rate_limited",
        _("Too many requests. Please wait %(seconds)s seconds and try again."),
        params={"seconds": retry_after},
        headers={"Retry-After": str(max(retry_after, 1))},
    )


def key_from_request(request) -> str | None:
    key = request.headers.get("X-API-Key")
    if key:
        return key.strip()
    scheme, _sep, value = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def authenticate_key(key: str) -> ApiKey:
    prefix = split_key(key)
    found = ApiKey.objects.active().filter(prefix=prefix).first() if prefix else None
    if found is None or not found.matches(key):
        raise ApiProblem(401, "invalid_key", _("This API key is not valid or has been revoked."))
    return found


def count_request(request, api_key: ApiKey | None) -> None:
    if api_key is not None:
        allowed, retry_after = hit("api-key", str(api_key.pk), limit=api_key.rate_limit, window=60)
    else:
        configured = settings.RATE_LIMITS.get("api")
        if configured is None:
            return
        limit, window = configured
        allowed, retry_after = hit("api", client_ip(request) or "unknown", limit=limit, window=window)
    if not allowed:
        raise _over_limit(retry_after)


def touch(api_key: ApiKey) -> None:
    now = timezone.now()
    if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USED_PRECISION:
        ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)


class ApiClient(APIKeyHeader):
    """Ninja's auth hook: every endpoint runs it first; it never lets a request through uncounted.

    Declared as an ``X-API-Key`` header scheme in the OpenAPI document; the key is optional.
    """

    param_name = "X-API-Key"

    def __call__(self, request):
        return self.authenticate(request, key_from_request(request))

    def authenticate(self, request, key):
        if key is None:
            count_request(request, None)
            return ANONYMOUS
        api_key = authenticate_key(key)
        count_request(request, api_key)
        touch(api_key)
        return api_key
