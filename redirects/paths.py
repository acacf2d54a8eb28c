"""What counts as "the same old address": one normal form for every way a link may spell it.

``/2019/05/%D8%B3%D9%88%D8%B1%D9%8A%D8%A7/``, ``/2019/05/سوريا``, ``/2019/05/سوريا/amp/`` and
``/index.php/2019/05/سوريا/?amp=1&utm_source=x`` are one address: percent-encoding decoded,
Unicode in NFC, ASCII letters lower-cased, no trailing slash, no AMP variant, and of the query
only the parameters WordPress routes by (``?p=12``, ``?page_id=3``…), sorted.
"""

import re
import unicodedata
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

# Query parameters that select content in WordPress ("plain" permalinks); the rest is noise.
ROUTING_PARAMS = ("p", "page_id", "attachment_id", "cat", "tag", "author", "feed")
_SLASHES = re.compile(r"/{2,}")
_AMP = re.compile(r"(?:/amp)+$|^/amp(?=/)")
_FEED = re.compile(r"/feed(?:/(?:rss2?|atom|rdf))?$")
_WORDPRESS_LOOKING = re.compile(
    r"^/(?:\d{4}/\d{2}(?:/\d{2})?/[^/]+|category/.+|tag/.+|author/.+|feed|.+/feed|.+/amp"
    r"|wp-content/uploads/.+|index\.php/.+|archives/\d+)$"
)


def normalize_path(path: str, query: str = "") -> str:
    """The normal form of an address (path and query string) under which redirects are stored."""
    if "://" in path:  # a whole URL, e.g. a post's <link> in an export
        parts = urlsplit(path)
        path, query = parts.path, query or parts.query
    path = unicodedata.normalize("NFC", unquote(path or "/", errors="replace"))
    path = _SLASHES.sub("/", "/" + path.strip().lstrip("/"))
    path = path.removeprefix("/index.php")
    path = "".join(c.lower() if c.isascii() else c for c in path).rstrip("/")
    path = _AMP.sub("", path) or "/"
    params = sorted(
        (k, v.strip().lower()) for k, v in parse_qsl(query or "") if k in ROUTING_PARAMS and v.strip()
    )
    return f"{path}?{urlencode(params)}" if params else path


def feed_base(key: str) -> str | None:
    """For ``/category/news/feed``, the page the feed belongs to (``/category/news``)."""
    if "?" in key:
        return None
    base = _FEED.sub("", key)
    return (base or "/") if base != key else None


def looks_like_wordpress(key: str) -> bool:
    """An address in one of WordPress's forms: worth logging when nothing answers it."""
    if "?" in key:
        return True  # only routing parameters survive normalisation
    return bool(_WORDPRESS_LOOKING.match(key))
