"""The read beacon: a 1×1 image on the article page that counts the read."""

import base64

from django.conf import settings
from django.http import HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from articles.views import current_language
from readership import counter

# The smallest transparent GIF.
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@never_cache
@require_GET
def read_beacon(request, article_id):
    """A 1×1 image the article page shows: counts the read, never cached."""
    response = HttpResponse(PIXEL, content_type="image/gif")
    visitor_id = counter.register_read(request, article_id=article_id, language=current_language())
    if visitor_id:
        response.set_cookie(
            counter.VISITOR_COOKIE,
            visitor_id,
            max_age=counter.VISITOR_COOKIE_MAX_AGE,
            path="/",
            secure=request.is_secure() or settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
    response["X-Robots-Tag"] = "noindex"
    return response
