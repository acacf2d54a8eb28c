import sys

from django.conf import settings
from django.db import connection
from django.http import HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import requires_csrf_token
from django.views.decorators.http import require_GET
from django.views.static import serve

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


def media(request, path):
    """Uploaded files for single-machine deployments (see SERVE_MEDIA), cached for a year."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@requires_csrf_token
def server_error(request):
    """``handler500``: Django's 500 page, except while the database is away (a restart, a
    fail-over), which is temporary: 503 with ``Retry-After``, never cached by the proxy.

    Django calls this inside its ``except`` block, so ``sys.exception()`` is the error, whether
    it came from a view or a middleware. Both pages render without the database."""
    if is_database_outage(sys.exception()):
        response = HttpResponse(loader.get_template("503.html").render(), status=503)
        response["Retry-After"] = retry_after()
        response["Cache-Control"] = "no-store"
        return response
    return HttpResponseServerError(loader.get_template("500.html").render())
