"""Comment bodies are plain text: shown escaped, with line breaks kept and web addresses linked.

Links carry rel="nofollow ugc noopener" (no search-engine credit for spam, no window.opener).
Only http(s) addresses become links, so nothing a reader types can become a script URL.
"""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from comments.rules import URL_RE

LINK_REL = "nofollow ugc noopener"
# Punctuation that ends a sentence rather than an address (Latin and Arabic).
_TRAILING = ".,;:!?'\"»)]}،؛؟…"
_PARAGRAPHS = re.compile(r"\n\s*\n")


def _split_url(candidate: str) -> tuple[str, str]:
    """Separate trailing punctuation from an address, keeping balanced closing brackets."""
    url, tail = candidate, ""
    while url and url[-1] in _TRAILING:
        if url[-1] == ")" and url.count("(") >= url.count(")"):
            break
        tail = url[-1] + tail
        url = url[:-1]
    return url, tail


def linkify(text: str) -> str:
    """Escape ``text`` and turn the web addresses in it into inert links (returns HTML)."""
    out, position = [], 0
    for match in URL_RE.finditer(text):
        url, tail = _split_url(match.group(0))
        if not url or url.lower() in {"http://", "https://", "www."}:
            continue
        out.append(escape(text[position : match.start()]))
        href = url if url.lower().startswith(("http://", "https://")) else f"https://{url}"
        out.append(f'<a href="{escape(href)}" rel="{LINK_REL}">{escape(url)}</a>')
        position = match.start() + len(url)
    out.append(escape(text[position:]))
    return "".join(out)


def render_comment_body(text: str) -> SafeString:
    """Paragraphs on blank lines, <br> on single line breaks, addresses linked, all else escaped."""
    text = (text or "").replace("\r\n", "\n").strip()
    paragraphs = [p.strip("\n") for p in _PARAGRAPHS.split(text) if p.strip()]
    html = "".join("<p>" + linkify(p).replace("\n", "<br>") + "</p>" for p in paragraphs)
    return mark_safe(html)  # every piece of reader text above went through escape()
