"""Django's built-in RedisCache, made to degrade instead of failing when Redis is away.

Everything this project keeps in the cache (whole public pages, fragments, memoised lookups,
the publication generation) can be rebuilt from PostgreSQL, so a Redis outage must cost speed,
never a 500. This backend turns every Redis error into "not cached": reads answer the default,
writes do nothing. After an error it leaves Redis alone for ``RETRY_SECONDS`` (a small circuit
breaker, per process), so that a dead or unreachable server costs one short connection timeout
per second and process, not one per cache call.

``outages`` counts the errors seen by this process; ``web.cache`` compares it between requests
and moves the publication generation on once Redis answers again, because a publication made
during the outage could not move it then (see ``web.cache._state``).

    CACHES = {"default": {"BACKEND": "web.redis_cache.ResilientRedisCache", "LOCATION": REDIS_URL,
                          "OPTIONS": {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}}}
"""

from __future__ import annotations

import logging
import time
from functools import wraps

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

RETRY_SECONDS = 1.0


def _degrading(default_factory):
    """Run the RedisCache method unless the breaker is open; on a Redis error, answer the default."""

    def decorator(method):
        @wraps(method)
        def wrapped(self, *args, **kwargs):
            fallback = default_factory(*args, **kwargs)
            if time.monotonic() < self._skip_until:
                return fallback
            try:
                return method(self, *args, **kwargs)
            except (RedisError, OSError) as error:
                self._failed(error)
                return fallback

        return wrapped

    return decorator


def _none(*_args, **_kwargs):
    return None


def _false(*_args, **_kwargs):
    return False


def _default(key, default=None, *_args, **_kwargs):
    return default


def _empty_dict(*_args, **_kwargs):
    return {}


def _unsaved_keys(data, *_args, **_kwargs):
    return list(data)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._skip_until = 0.0
        self.outages = 0

    def _failed(self, error) -> None:
        if self.outages == 0 or time.monotonic() >= self._skip_until:
            logger.warning("Redis unavailable, serving without cache: %s", error)
        self.outages += 1
        self._skip_until = time.monotonic() + RETRY_SECONDS

    get = _degrading(_default)(RedisCache.get)
    set = _degrading(_none)(RedisCache.set)
    add = _degrading(_false)(RedisCache.add)
    touch = _degrading(_false)(RedisCache.touch)
    delete = _degrading(_false)(RedisCache.delete)
    has_key = _degrading(_false)(RedisCache.has_key)
    get_many = _degrading(_empty_dict)(RedisCache.get_many)
    set_many = _degrading(_unsaved_keys)(RedisCache.set_many)
    delete_many = _degrading(_none)(RedisCache.delete_many)
    clear = _degrading(_false)(RedisCache.clear)

    def incr(self, key, delta=1, version=None):
        # No default makes sense for a counter: the caller must know it did not count.
        if time.monotonic() < self._skip_until:
            raise ValueError("Redis is unavailable")
        try:
            return super().incr(key, delta, version)
        except (RedisError, OSError) as error:
            self._failed(error)
            raise ValueError("Redis is unavailable") from error

    @property
    def healthy(self) -> bool:
        """False while the breaker is open (an error less than RETRY_SECONDS ago)."""
        return time.monotonic() >= self._skip_until
