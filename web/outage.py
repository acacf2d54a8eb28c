"""The database is away for a moment: answer 503 with ``Retry-After``, not a 500.

A PostgreSQL restart, a fail-over or a connection limit reached shows up in Django as
``OperationalError`` (no connection, connection terminated, statement cancelled, deadlock) or
``InterfaceError`` (a connection that closed under us). Each is temporary: the request may
succeed if sent again in a few seconds, and the transaction of the failed one was rolled back.
A 503 with ``Retry-After`` says exactly that to browsers, crawlers, API clients and the proxy
(which passes it on uncached); a 500 says "our bug" and pages someone for nothing.

Used by the project's ``handler500`` (every page and middleware) and by the API's problem
handlers (``application/problem+json``).
"""

from django.conf import settings
from django.db import InterfaceError, OperationalError

DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)


def is_database_outage(exception: BaseException | None) -> bool:
    return isinstance(exception, DATABASE_UNAVAILABLE)


def retry_after() -> str:
    """Seconds a client should wait before trying again (``OUTAGE_RETRY_AFTER``, default 5)."""
    return str(settings.OUTAGE_RETRY_AFTER)
