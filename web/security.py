"""Cross-site request protection for the public forms that live on cached pages.

Anonymous pages (article, listings) are cached whole and shared between readers, so their
forms (leave a comment, cookie choices) cannot carry Django's per-reader CSRF token. Instead,
as WordPress does for its anonymous comment form and as OWASP recommends ("verifying origin
with standard headers", Fetch Metadata), a POST is accepted only when the browser says it
comes from this site:

* ``Sec-Fetch-Site`` (every current browser sends it) must be ``same-origin`` or ``none``
  (typed or bookmarked);
* otherwise ``Origin`` must name this site (or one of ``CSRF_TRUSTED_ORIGINS``);
* otherwise ``Referer`` must, on HTTP and HTTPS alike. (Django's middleware *requires* a
  Referer on HTTPS on top of its token; here a matching Referer is only accepted as proof, the
  last one browsers without Fetch Metadata or Origin give, and no page can make a browser send
  another site's address as Referer, whatever the scheme.)

Staff pages (the admin) keep Django's token-based CsrfViewMiddleware unchanged.
"""

import ipaddress
from functools import wraps
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseForbidden
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

SAFE_FETCH_SITES = {"same-origin", "none"}


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def request_is_same_origin(request) -> bool:
    """True when the browser's own headers say this request comes from this site."""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site.lower() in SAFE_FETCH_SITES
    allowed = {f"{request.scheme}://{request.get_host()}".lower()}
    allowed.update(origin.lower() for origin in settings.CSRF_TRUSTED_ORIGINS)
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin.lower() in allowed
    referer = request.headers.get("Referer")
    if referer:
        return _origin_of(referer) in allowed
    # No header at all: only plain-HTTP clients that send nothing (old tools, not browsers).
    return False


def same_origin_post(view):
    """Accept a POST only from this site's own pages; other methods pass through.

    Replaces the token check (``csrf_exempt``) for forms rendered into shared cached pages.
    """

    @csrf_exempt
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "POST" and not request_is_same_origin(request):
            return HttpResponseForbidden(
                _("This form can only be sent from this website. Please reload the page and try again."),
                content_type="text/plain; charset=utf-8",
            )
        return view(request, *args, **kwargs)

    return wrapped


def client_ip(request) -> str | None:
    """The reader's address: REMOTE_ADDR, or, behind ``PROXY_COUNT`` proxies of our own, the
    address the outermost of them saw (the rightmost entries of X-Forwarded-For are ours;
    anything further left was written by the client and is not trusted).

    The one rule for every per-client decision: rate limits, comments, readership and
    django-axes' lockout (``AXES_CLIENT_IP_CALLABLE``)."""
    proxies = settings.PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.headers.get("X-Forwarded-For", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies and _is_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def _is_address(value: str) -> bool:
    """Whether ``value`` is an IP address (not something a misconfigured proxy chain passed on)."""
    try:
        ipaddress.ip_address(value)
    except ValueError:
        return False
    return True
