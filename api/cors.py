"""Cross-origin reads (CORS) for the API: any web page may read it anonymously, nothing more.

* Answers to requests **without a key** carry ``Access-Control-Allow-Origin: *``: everything the
  API serves is public (the same articles as the site), and ``*`` never varies by origin, so one
  cached answer (ours or a proxy's) fits every site and no ``Vary: Origin`` is needed. Cookies
  are never used (``*`` forbids credentials anyway), so another site's script cannot read
  anything a reader's browser would not get without them.
* Answers to requests **with a key** carry no CORS headers, and a preflight does not allow the
  ``X-API-Key`` or ``Authorization`` headers: a key is a partner's secret for their servers. In a
  web page it would be public to every visitor, who could spend the partner's limit and make
  ``last used`` meaningless; a browser app reads anonymously, under the per-address limit.
* Preflights (``OPTIONS``) are answered here, before the rate limiter or the database: GET and
  HEAD, the conditional headers (a script may revalidate with ``If-None-Match``), cached by the
  browser for a day.

Kept in the API's URL wrapper rather than django-cors-headers: the policy is one fixed header
set for one address prefix plus "not for keyed requests", which that middleware (configured
site-wide in settings, origin lists, ``Vary: Origin``) would need a signal handler to express.
"""

from django.http import HttpResponse

from api.access import key_from_request

ALLOWED_METHODS = "GET, HEAD"
ALLOWED_HEADERS = "Accept, Accept-Language, If-None-Match, If-Modified-Since"
# Headers a cross-origin script may read besides the CORS-safelisted ones (Content-Language,
# Content-Type, Last-Modified, Cache-Control…): revalidation and the rate limit's back-off.
EXPOSED_HEADERS = "ETag, Retry-After"
PREFLIGHT_MAX_AGE = 24 * 60 * 60


def preflight_response() -> HttpResponse:
    """The answer to any ``OPTIONS`` request (a preflight or a plain capability question)."""
    response = HttpResponse(status=204)
    response["Allow"] = f"{ALLOWED_METHODS}, OPTIONS"
    response["Access-Control-Allow-Origin"] = "*"
    response["Access-Control-Allow-Methods"] = ALLOWED_METHODS
    response["Access-Control-Allow-Headers"] = ALLOWED_HEADERS
    response["Access-Control-Max-Age"] = str(PREFLIGHT_MAX_AGE)
    response["Cache-Control"] = f"public, max-age={PREFLIGHT_MAX_AGE}"
    return response


def add_cors_headers(request, response):
    """Anonymous reads are readable from any origin; keyed ones from none (see the module)."""
    if key_from_request(request) is None:
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = EXPOSED_HEADERS
    return response
