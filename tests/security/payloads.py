"""A corpus of hostile input: markup and script injection, SQL injection, path tricks, oversize."""

from html.parser import HTMLParser

XSS = [
    "<script>alert('xss')</script>",
    '"><img src=x onerror=alert(1)>',
    "<svg/onload=alert(1)>",
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">click</a>',
    '<iframe src="https://evil.example/"></iframe>',
    "'';!--\"<XSS>=&{()}",
    "<body onload=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "{{ 7*7 }}{% debug %}",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<p style="background:url(javascript:alert(1))">styled</p>',
    "<تعليق><script>alert('عربي')</script>",
]
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE articles_article; --",
    "1; SELECT pg_sleep(5)--",
    '" OR ""="',
    "%' AND 1=1 --",
    "') OR ('a'='a",
    "!!&|:*()<->",  # tsquery operators
]
PATHS = ["../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "%00", "/%2e%2e/%2e%2e/", "\\..\\..\\windows"]
ODD = ["\x00nul", "\u202eRTL override", "🙂" * 50, "\ud7ff", "a" * 10_000, " ", "\t\n\r"]
OVERSIZED = "x" * 200_000

ALL = XSS + SQL + PATHS + ODD


class _LiveMarkupFinder(HTMLParser):
    """Collects elements and attributes that would run or load something a payload chose."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                ("javascript:", "data:text/html", "vbscript:")
            ):
                self.found.append(f"<{tag} {name}={value}>")
        if tag == "script":
            allowed = attributes.get("type") == "application/ld+json" or (
                attributes.get("src") or ""
            ).startswith("/static/")
            if not allowed:
                self.found.append("<script>")
        if tag in ("svg", "math", "object", "embed", "base"):
            self.found.append(f"<{tag}>")
        if tag == "iframe" and not (attributes.get("src") or "").startswith(
            ("https://www.youtube-nocookie.com/", "https://player.vimeo.com/")
        ):
            self.found.append("<iframe>")


def live_markup(html: str) -> list[str]:
    finder = _LiveMarkupFinder()
    finder.feed(html)
    return finder.found


def has_live_markup(html: str) -> bool:
    """A payload came back as markup that would run (not as escaped text)."""
    return bool(live_markup(html))
