import logging

from newsroom import consent

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
    :mod:`newsroom.consent`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        self.filter_cookies(request, response)
        return response

    def filter_cookies(self, request, response):
        specs = consent.registry()
        allowed = None
        for name, morsel in list(response.cookies.items()):
            if is_deletion(morsel):
                continue
            if allowed is None:
                allowed = consent.allowed_for(request)
            verdict = consent.cookie_verdict(name, allowed, specs)
            if verdict == consent.KEEP:
                continue
            if verdict == consent.UNKNOWN:
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
            spec = consent.spec_for(name, specs)
            if spec is None or spec.category == consent.NECESSARY:
                continue
            if allowed is None:
                allowed = consent.allowed_for(request)
            if spec.category not in allowed:
                response.delete_cookie(name, path=spec.path, domain=spec.domain, samesite="Lax")
