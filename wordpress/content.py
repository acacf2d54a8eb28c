"""Post content as WordPress stores it, turned into the clean HTML articles keep.

* Block-editor posts (``<!-- wp:… -->`` comments around ready HTML) lose their block comments;
  WordPress itself does not apply its paragraph rule to them.
* Classic-editor posts get the paragraph rule (``wordpress.autop.wpautop``).
* ``[caption]`` becomes ``<figure>`` with ``<figcaption>``; ``[gallery ids="…"]`` a figure of the
  pictures it names (those imported); ``[embed]URL[/embed]`` a link. Any other shortcode is
  kept as text, and its name returned so the report lists it.
* Images whose address or ``wp-image-ID`` class names an imported attachment get our address.
* Finally the project's sanitiser (``articles.sanitize``) decides what HTML is kept.
"""

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings

from articles.sanitize import sanitize_html
from wordpress.autop import wpautop

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:[^>]*?-->\n?")
_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.DOTALL | re.IGNORECASE)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.IGNORECASE)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
# A shortcode: [name attr="…"] … [/name], or [name attr="…"]; "[sic]" alone is not one.
_SHORTCODE_OPEN = re.compile(r"\[([a-z][a-z0-9_-]*)(\s[^\]]*=[^\]]*)?\]")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_IMG_FIRST = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE)
_SRC = re.compile(r"""\bsrc\s*=\s*(["'])(.*?)\1""", re.IGNORECASE)
_WP_IMAGE_CLASS = re.compile(r"""\bwp-image-(\d+)\b""")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile(r"[A-Za-z]")
_TAGS = re.compile(r"<[^>]*>|\[[^\]]*\]")


@dataclass
class Converted:
    html: str
    unknown_shortcodes: list = field(default_factory=list)
    missing_images: list = field(default_factory=list)


# Given a WordPress attachment id or a file address, our image address (or None).
ImageLookup = Callable[[int | None, str], str | None]


def _no_images(_attachment_id, _url):
    return None


def _no_alt(_attachment_id) -> str:
    return ""


def _attributes(text: str) -> dict:
    return {
        m.group(1).lower(): html.unescape(m.group(2) or m.group(3) or m.group(4) or "")
        for m in _ATTRIBUTE.finditer(text)
    }


def is_block_content(text: str) -> bool:
    return "<!-- wp:" in text


def _caption(match) -> str:
    attributes, inner = _attributes(match.group(1)), match.group(2)
    split = _IMG_FIRST.match(inner)
    picture, text = (split.group(1), split.group(2).strip()) if split else (inner, "")
    text = text or attributes.get("caption", "")
    caption = f"<figcaption>{text}</figcaption>" if text else ""
    return f"<figure>{picture}{caption}</figure>"


def _gallery(match, images: ImageLookup, alts: Callable[[int], str], result: Converted) -> str:
    ids = [part.strip() for part in _attributes(match.group(1)).get("ids", "").split(",") if part.strip()]
    pictures = []
    for raw in ids:
        src = images(int(raw), "") if raw.isdigit() else None
        if src:
            # Each picture keeps its alternative text, as WordPress's gallery shows it.
            pictures.append(f'<img src="{html.escape(src)}" alt="{html.escape(alts(int(raw)))}">')
        else:
            result.missing_images.append(raw)
    return f"<figure>{''.join(pictures)}</figure>" if pictures else ""


def _rewrite_image(tag: str, images: ImageLookup, result: Converted) -> str:
    source = _SRC.search(tag)
    if not source:
        return tag
    klass = _WP_IMAGE_CLASS.search(tag)
    url = html.unescape(source.group(2))
    if url.startswith(settings.MEDIA_URL):
        return tag  # already ours (a gallery made from imported pictures)
    ours = images(int(klass.group(1)) if klass else None, url)
    if ours is None:
        result.missing_images.append(url)
        return tag
    return tag[: source.start(2)] + html.escape(ours) + tag[source.end(2) :]


def convert_content(
    text: str, *, images: ImageLookup = _no_images, alts: Callable[[int], str] = _no_alt
) -> Converted:
    """WordPress post content (classic or block editor) as sanitised article HTML."""
    result = Converted(html="")
    text = (text or "").replace("\r\n", "\n")
    blocks = is_block_content(text)
    if blocks:
        text = _BLOCK_COMMENT.sub("", text)
    text = _CAPTION.sub(_caption, text)
    text = _GALLERY.sub(lambda m: _gallery(m, images, alts, result), text)
    text = _EMBED.sub(
        lambda m: f'<p><a href="{html.escape(m.group(1).strip())}">{m.group(1).strip()}</a></p>', text
    )
    for match in _SHORTCODE_OPEN.finditer(text):
        name = match.group(1)
        if (match.group(2) or f"[/{name}]" in text) and name not in result.unknown_shortcodes:
            result.unknown_shortcodes.append(name)
    if not blocks:
        text = wpautop(text)
    text = _IMG.sub(lambda m: _rewrite_image(m.group(0), images, result), text)
    result.html = sanitize_html(text)
    return result


def plain_text(text: str) -> str:
    """An excerpt or title as plain text (tags and shortcodes out, entities decoded)."""
    return re.sub(r"\s+", " ", html.unescape(_TAGS.sub(" ", text or ""))).strip()


def guess_language(*texts: str) -> str | None:
    """``ar`` or ``en`` from the script most of the letters are in; None when there are none."""
    sample = " ".join(plain_text(t) for t in texts)[:5000]
    arabic, latin = len(_ARABIC.findall(sample)), len(_LATIN.findall(sample))
    if not arabic and not latin:
        return None
    return "ar" if arabic >= latin else "en"
