"""Purge the caching proxies (Varnish, ``ops/varnish/newsroom.vcl``) when public pages change.

Every invalidation of the public pages (publish, edit, unpublish, approved comment: see
``web.cache.invalidate_public_pages``) enqueues, once the change is committed, one task that
sends ``BAN /`` to every proxy in ``PROXY_PURGE_URLS``. The proxy then drops every cached public
page, as the generation counter does in the app's own cache: one rule, no guessing which pages
an edit touched. The editor's request only inserts the task row; a worker sends the bans
(Django's task framework with django-tasks-db's database backend, the ``purge`` backend:
``manage.py db_worker --backend purge``), so a slow or dead proxy never slows publishing.

A proxy that cannot be reached makes the task fail (it is logged and kept as failed); the
proxy's own short ``s-maxage`` bound (``PROXY_CACHE_SECONDS``) limits how long it could serve
a stale page.
"""

from __future__ import annotations

import logging
import urllib.request

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.tasks import task

logger = logging.getLogger(__name__)

PURGE_BACKEND = "purge"


def ban(proxy_url: str, *, timeout: float = 2) -> int:
    request = urllib.request.Request(proxy_url.rstrip("/") + "/", method="BAN")
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (our own proxies)
        return response.status


@task(backend=PURGE_BACKEND)
def purge_proxies() -> list[str]:
    """BAN every cached public page at every proxy; the proxies that could not be reached raise."""
    failed = []
    for proxy_url in settings.PROXY_PURGE_URLS:
        try:
            ban(proxy_url)
        except OSError as error:
            logger.warning("Proxy %s not purged: %s", proxy_url, error)
            failed.append(proxy_url)
    if failed:
        raise ConnectionError(f"not purged: {', '.join(failed)}")
    return list(settings.PROXY_PURGE_URLS)


def _enqueue() -> None:
    try:
        purge_proxies.enqueue()
    except DatabaseError as error:  # e.g. during `migrate`, before the task table exists
        logger.warning("Proxy purge not enqueued: %s", error)


def purge_after_commit() -> None:
    """Enqueue one purge when the current transaction commits (one per transaction, however
    many saves it makes)."""
    if not getattr(settings, "PROXY_PURGE_URLS", None):
        return
    pending = getattr(connection, "run_on_commit", [])
    if any(entry[1] is _enqueue for entry in pending):
        return
    transaction.on_commit(_enqueue)
