import mimetypes
import posixpath
import sys

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET

from newsroom.storage import StorageUnavailable
from web.outage import is_database_outage, retry_after


@never_cache
@require_GET
def healthz(request):
    """Liveness: the process answers. Touches no database, so a database outage never restarts us."""
    return HttpResponse("ok", content_type="text/plain")


@never_cache
@require_GET
def readyz(request):
    """Readiness: 200 only while the database answers a trivial query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception:
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_GET
def media(request, path):
    """Uploaded files for single-machine deployments (see SERVE_MEDIA), cached for a year.

    Read through the default storage, so it serves a bucket as well as MEDIA_ROOT (a fallback
    for a site without a proxy in front; with one, the proxy serves /media/ from the bucket).
    """
    name = posixpath.normpath(path).lstrip("/")
    if name in {"", "."} or name.startswith(".."):
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except (FileNotFoundError, IsADirectoryError, SuspiciousFileOperation):
        raise Http404 from None
    content_type, encoding = mimetypes.guess_type(name)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    if encoding:
        response["Content-Encoding"] = encoding
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response


# What a temporary outage of a backing service looks like: its page and its Retry-After.
STORE_RETRY_AFTER = "60"


def _unavailable(template: str, retry: str) -> HttpResponse:
    response = HttpResponse(loader.get_template(template).render(), status=503)
    response["Retry-After"] = retry
    response["Cache-Control"] = "no-store"
    return response


@requires_csrf_token
def server_error(request):
    """``handler500``: Django's 500 page, except for outages, which are temporary: 503 with
    ``Retry-After``, never cached by the proxy. The database away (a restart, a fail-over) asks
    to come back in seconds; the object store refusing an upload (``StorageUnavailable``; the
    admin's transaction has rolled the database back) says nothing was saved.

    Django calls this inside its ``except`` block, so ``sys.exception()`` is the error, whether
    it came from a view or a middleware. Every page renders without the database."""
    error = sys.exception()
    if is_database_outage(error):
        return _unavailable("503.html", retry_after())
    if isinstance(error, StorageUnavailable):
        return _unavailable("503_store.html", STORE_RETRY_AFTER)
    return HttpResponseServerError(loader.get_template("500.html").render())
