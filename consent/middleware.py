import logging

from consent import cookies

# The logger keeps its historical name: log filters and alerts in deployments select on it.
logger = logging.getLogger("newsroom.consent")

EPOCH_EXPIRES = "Thu, 01 Jan 1970 00:00:00 GMT"


def is_deletion(morsel) -> bool:
    """Expiring a cookie is always allowed: it can only take something away."""
    return str(morsel["max-age"]) == "0" or morsel["expires"] == EPOCH_EXPIRES


class CookieConsentMiddleware:
    """Lets through to the browser only the cookies the reader has agreed to.

    On every response: a cookie whose category is not accepted is dropped; a cookie missing from
    ``COOKIE_CONSENT_REGISTRY`` is dropped and logged (a forgotten cookie never leaks); a
    registered cookie the browser still sends although its category is no longer accepted
    (withdrawal, expiry, a new policy version, GPC) is expired. The rules themselves live in
    :mod:`consent.cookies`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        self.filter_cookies(request, response)
        return response

    def filter_cookies(self, request, response):
        specs = cookies.registry()
        allowed = None
        for name, morsel in list(response.cookies.items()):
            if is_deletion(morsel):
                continue
            if allowed is None:
                allowed = cookies.allowed_for(request)
            verdict = cookies.cookie_verdict(name, allowed, specs)
            if verdict == cookies.KEEP:
                continue
            if verdict == cookies.UNKNOWN:
                # The name and the page only: nothing about the reader.
                logger.warning(
                    "Cookie %r is missing from COOKIE_CONSENT_REGISTRY; removed from the response to %s",
                    name,
                    request.path,
                )
            del response.cookies[name]

        for name in request.COOKIES:
            if name in response.cookies:
                continue
            spec = cookies.spec_for(name, specs)
            if spec is None or spec.category == cookies.NECESSARY:
                continue
            if allowed is None:
                allowed = cookies.allowed_for(request)
            if spec.category not in allowed:
                response.delete_cookie(name, path=spec.path, domain=spec.domain, samesite="Lax")
