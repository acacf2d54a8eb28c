"""Addresses of the reader's pages that take a slug (article, section, tag, author), reversed once.

``reverse()`` walks the URL patterns on every call, about 30 µs: a search page of ten results
called it twenty times, the home page some fifty, an article sitemap 70,000 times. The address
of a pattern is the same for every slug, so it is reversed once per language (with a marker
for the slug, remembered per script prefix and URLconf, which reverse() reads too) and each
slug is quoted into it exactly as reverse() quotes it. A slug the pattern would refuse (empty,
or with characters outside ``uslug``) still goes through reverse(), which raises as it always has.
"""

import re
from functools import lru_cache
from urllib.parse import quote

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS

# The ``uslug`` converter's pattern (articles/urls.py): what reverse() would accept.
_SLUG = re.compile(r"[-\w]+")
# What reverse() leaves unquoted in a path.
_SAFE = RFC3986_SUBDELIMS + "/~:@"
_MARKER = "slug-marker"


@lru_cache(maxsize=64)
def _around_slug(name: str, language: str, script_prefix: str, urlconf) -> tuple[str, str]:
    with translation.override(language):
        address = reverse(name, kwargs={"slug": _MARKER}, urlconf=urlconf)
    before, after = address.split(_MARKER)
    return before, after


def slug_address(name: str, slug: str, language: str | None = None) -> str:
    """``reverse(name, kwargs={"slug": slug})`` with ``language`` active (the active one by default)."""
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    if not slug or not _SLUG.fullmatch(slug):
        with translation.override(language):
            return reverse(name, kwargs={"slug": slug})
    before, after = _around_slug(name, language, get_script_prefix(), get_urlconf())
    return before + quote(slug, safe=_SAFE) + after


def slug_addresses(name: str, language: str):
    """A function from slug to ``slug_address(name, slug, language)`` for many addresses at once
    (a sitemap page holds thousands): slugs are not checked, so give it only those of live
    articles, which are."""
    before, after = _around_slug(name, language, get_script_prefix(), get_urlconf())
    return lambda slug: before + quote(slug or "", safe=_SAFE) + after
