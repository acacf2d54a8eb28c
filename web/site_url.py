"""Absolute links on the site's one configured address, ``settings.SITE_URL``.

Canonical and share links, JSON-LD, feeds, sitemaps, robots.txt, e-mails and preview links leave
the site: readers share them, crawlers index them, feed readers keep them. Several of them sit in
cached fragments and pages. Built from the request (as Django's request method does), they would follow
whatever ``Host`` and ``X-Forwarded-Proto`` one request carried (an alias, an internal name,
plain HTTP), and the cache would hand that request's links to every later reader. So every
absolute link is built here, from configuration only.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils.encoding import iri_to_uri


def site_origin() -> tuple[str, str]:
    """(scheme, host[:port]) of SITE_URL."""
    parts = urlsplit(settings.SITE_URL)
    return parts.scheme, parts.netloc


def absolute_url(location: str) -> str:
    """``location`` (a path such as ``/en/news/x/``) as a full address on SITE_URL.

    An address that already has a scheme (media on object storage, say) is returned unchanged.
    """
    location = str(location)
    if urlsplit(location).scheme:
        return location
    scheme, netloc = site_origin()
    if location.startswith("//"):
        return iri_to_uri(f"{scheme}:{location}")
    return iri_to_uri(f"{scheme}://{netloc}/{location.lstrip('/')}")
