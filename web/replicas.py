"""Anonymous readers' pages from PostgreSQL read replicas; everything else from the primary.

With ``DATABASE_REPLICA_URL`` (one URL or several, comma-separated) the settings add aliases
``replica1``, ``replica2``… and list them in ``DATABASE_REPLICAS``. ``ReplicaReadsMiddleware``
marks a request as a *public read* when it is a GET or HEAD without a session cookie (staff
have one), outside the admin and the paths the page cache excludes. Only then does
``ReplicaRouter.db_for_read`` answer a replica; the admin, staff sessions, every POST (comment
posting, consent choices, logins), management commands and tasks read from the primary, and
every write goes there. A request that writes anything is pinned to the primary for the rest
of it (a GET may count a read, for instance; ``_pin_on_write``).

Read-your-writes after a publication: every invalidation of the public pages (publish, edit,
unpublish, approved comment) records, once committed, the primary's WAL position
(``pg_current_wal_lsn()``) in the shared cache as the *watermark*, then moves the generation on
once more (``web.cache``). A public read uses a replica only if it has replayed up to the
watermark; otherwise it reads the primary. So a page rendered for the new generation never comes
from a replica that has not seen the publication, and nothing stale is cached. (If the cache
itself is away, pages are not cached either and a replica is used only within the lag limit.)

A replica is skipped while it is down (its connection fails) or lags by more than
``REPLICA_MAX_LAG_SECONDS``; each process checks each replica at most every
``REPLICA_CHECK_SECONDS`` (one small query). Migrations run on the primary only.
"""

from __future__ import annotations

import contextvars
import logging
import random
import time

from django.conf import settings
from django.core.cache import caches
from django.db import DatabaseError, connections, transaction

logger = logging.getLogger(__name__)

WATERMARK_KEY = "replicas:watermark"
PRIMARY = "default"

# Per request: None (read the primary) or a dict holding the chosen replica once decided.
_public_read: contextvars.ContextVar[dict | None] = contextvars.ContextVar("public_read", default=None)
# Per process: alias -> (checked at, usable, replayed LSN as an int).
_health: dict[str, tuple[float, bool, int]] = {}

_HEALTH_SQL = """
SELECT pg_is_in_recovery(),
       pg_last_wal_replay_lsn() - '0/0'::pg_lsn,
       CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 1e9) END
"""


def replica_aliases() -> list[str]:
    return list(getattr(settings, "DATABASE_REPLICAS", []))


def _cache():
    return caches[getattr(settings, "PUBLIC_PAGE_CACHE_ALIAS", "default")]


def _check(alias: str) -> tuple[bool, int]:
    """(usable, replayed LSN) of one replica, asked at most every REPLICA_CHECK_SECONDS."""
    now = time.monotonic()
    checked = _health.get(alias)
    if checked and now - checked[0] < settings.REPLICA_CHECK_SECONDS:
        return checked[1], checked[2]
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute(_HEALTH_SQL)
            in_recovery, replayed, lag = cursor.fetchone()
        usable = bool(in_recovery) and replayed is not None and float(lag) <= settings.REPLICA_MAX_LAG_SECONDS
        if not usable:
            logger.warning("Replica %s skipped: lagging %.1f s", alias, float(lag or 0))
    except DatabaseError as error:
        logger.warning("Replica %s skipped: %s", alias, error)
        connections[alias].close()
        usable, replayed = False, 0
    _health[alias] = (now, usable, int(replayed or 0))
    return usable, int(replayed or 0)


def _replayed_now(alias: str) -> int:
    try:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn")
            return int(cursor.fetchone()[0] or 0)
    except DatabaseError:
        connections[alias].close()
        return 0


def choose_replica() -> str | None:
    """A replica that is up, within the lag limit and has replayed the last publication, or None."""
    aliases = replica_aliases()
    if not aliases:
        return None
    watermark = _cache().get(WATERMARK_KEY) or 0
    for alias in random.sample(aliases, len(aliases)):
        usable, replayed = _check(alias)
        if usable and _connected(alias) and (replayed >= watermark or _replayed_now(alias) >= watermark):
            return alias
    return None


def _connected(alias: str) -> bool:
    """Connect now (or run Django's health check on the kept connection), so that a replica that
    died since its last check sends this request to the primary instead of failing it."""
    try:
        connections[alias].ensure_connection()
    except DatabaseError as error:
        logger.warning("Replica %s skipped: %s", alias, error)
        _health[alias] = (time.monotonic(), False, 0)
        connections[alias].close()
        return False
    return True


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        state = _public_read.get()
        if state is None:
            return PRIMARY
        if "alias" not in state:
            state["alias"] = choose_replica() or PRIMARY
        return state["alias"]

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # every alias holds the same data

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return False if db in replica_aliases() else None


def is_public_read(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if request.COOKIES.get(settings.SESSION_COOKIE_NAME):
        return False
    excluded = (*settings.PUBLIC_PAGE_CACHE_EXCLUDE, *settings.ADMIN_PATH_PREFIXES)
    return not request.path.startswith(excluded)


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_aliases() or not is_public_read(request):
            return self.get_response(request)
        state = {}
        token = _public_read.set(state)
        try:
            with connections[PRIMARY].execute_wrapper(_pin_on_write(state)):
                return self.get_response(request)
        finally:
            _public_read.reset(token)


# Rate-limit counters are no content: counting a search must not send the search to the primary.
_NOT_CONTENT = ("web_ratelimit",)


def _pin_on_write(state: dict):
    """Once the request writes (INSERT/UPDATE/DELETE on the primary), it reads its own writes:
    the rest of it reads the primary. (``get_or_create`` asks the router for the write database
    even when it only reads, so the router's ``db_for_write`` cannot be the signal.)"""

    def wrapper(execute, sql, params, many, context):
        if sql.lstrip()[:6].upper() in {"INSERT", "UPDATE", "DELETE"} and not any(
            table in sql for table in _NOT_CONTENT
        ):
            state["alias"] = PRIMARY
        return execute(sql, params, many, context)

    return wrapper


def _record_watermark() -> None:
    try:
        with connections[PRIMARY].cursor() as cursor:
            cursor.execute("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")
            position = int(cursor.fetchone()[0])
    except DatabaseError:
        return
    _cache().set(WATERMARK_KEY, position, timeout=None)


def after_invalidation(bump) -> None:
    """Once the change is committed: record the watermark, then move the generation on again
    (``bump``), so that no page rendered from a replica before the watermark stays cached."""
    if not replica_aliases():
        return

    def committed():
        _record_watermark()
        bump()

    transaction.on_commit(committed, using=PRIMARY)
