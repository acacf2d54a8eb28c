"""Cache writes that wait until the reader has the response.

A page past the page cache keeps what it computed (a kept part, a memoised lookup, the page
itself) for the next reader; writing them is no part of answering this one. With the file
cache of one machine each write is a temporary file, a pickling and a rename (about half a
millisecond, more on a busy disk); a new search term wrote three before its reader got a byte.

Inside a request (``request_started`` to ``request_finished``, which Django sends once the
server has sent the response, when it closes it) writes are queued in the thread that makes
them and done after; outside one (a management command, a test rendering a template) they are
done at once. Nothing reads the queue: a later request of the same process finds the values
in ``web.cache``'s own copies, and a write that never happens (the process killed in between)
only means the next reader computes the value again. A publication in between cannot make a
late write stale: every key carries the generation its value was computed under.

The queue is per thread, as WSGI servers (gunicorn's workers, ``runserver``) give each request
a thread of its own while it runs. Under ASGI, where requests can share one, a request starting
would drop another's queue: cache entries lost, nothing else.
"""

from __future__ import annotations

import logging
import threading

from django.core.signals import request_finished, request_started

logger = logging.getLogger(__name__)

_local = threading.local()


def _now_or_later(write, *arguments) -> None:
    pending = getattr(_local, "pending", None)
    if pending is None:
        write(*arguments)
    else:
        pending.append((write, arguments))


def write_later(cache, key, value, timeout) -> None:
    """``cache.set(key, value, timeout)``, after the response when inside a request."""
    _now_or_later(cache.set, key, value, timeout)


def write_many_later(cache, mapping, timeout) -> None:
    """``cache.set_many(mapping, timeout)``, after the response when inside a request."""
    _now_or_later(cache.set_many, mapping, timeout)


def _collect(**_kwargs) -> None:
    _local.pending = []


def _write_pending(**_kwargs) -> None:
    pending, _local.pending = getattr(_local, "pending", None), None
    for write, arguments in pending or ():
        try:
            write(*arguments)
        except Exception:  # a cache away costs the next reader a computation, not this one a 500
            logger.warning("Could not keep a part in the cache", exc_info=True)


request_started.connect(_collect, dispatch_uid="web-write-behind-collect")
request_finished.connect(_write_pending, dispatch_uid="web-write-behind-write")
