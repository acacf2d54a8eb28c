"""A streaming, defused reader of WordPress export files (WXR 1.0, 1.1 and 1.2).

``read_wxr(path)`` yields one ``Record`` per author, term and item as the file is read, and
frees each element once read, so memory stays flat whatever the size of the export. The
parser is lxml's ``iterparse`` with entities, DTD loading and network access off and the
default size limits on (``huge_tree=False``: a text node over 10 MB is refused). WordPress
never writes a document type declaration, so a file that has one is refused before anything
else is read: that is where entity expansion ("billion laughs") and external entities live.

Everything that makes the file unusable raises ``WXRError`` with one sentence for a person.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.translation import gettext as _
from lxml import etree

SUPPORTED_VERSIONS = ("1.0", "1.1", "1.2")
_WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")
_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# Channel children that carry one value each (read into ``Site``).
_SITE_FIELDS = {"title", "link", "language", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}
_RECORD_KINDS = {
    "item": "item",
    "wp:author": "author",
    "wp:category": "category",
    "wp:tag": "tag",
    "wp:term": "term",
}


class WXRError(Exception):
    """The file cannot be imported at all (not XML, not WXR, unsupported or hostile)."""


@dataclass
class Site:
    title: str = ""
    link: str = ""
    language: str = ""
    version: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""

    @property
    def key(self) -> str:
        """What identifies the WordPress site across exports (ids are per site)."""
        return (self.base_blog_url or self.link or self.base_site_url).rstrip("/").lower()


@dataclass
class Record:
    """One author, category, tag, term or item: its child elements as ``prefix:name`` keys."""

    kind: str
    fields: dict = field(default_factory=dict)
    # For items: (domain, nicename, text) of each <category>, every <wp:postmeta> and <wp:comment>;
    # for terms, their <wp:termmeta> (WXR 1.2) in ``meta`` too.
    categories: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)

    def get(self, name: str, default: str = "") -> str:
        return self.fields.get(name, default)

    def int(self, name: str) -> int:
        try:
            return int(self.fields.get(name, "") or 0)
        except ValueError:
            return 0


def _name(element, wp_namespace: str) -> str:
    qname = etree.QName(element)
    if qname.namespace is None:
        return qname.localname
    if qname.namespace == wp_namespace:
        return f"wp:{qname.localname}"
    if qname.namespace.endswith("/excerpt/"):
        return f"excerpt:{qname.localname}"
    return f"{_PREFIXES.get(qname.namespace, '?')}:{qname.localname}"


def _text(element) -> str:
    return (element.text or "").strip() if len(element) == 0 else ""


def _flat(element, wp_namespace: str) -> dict:
    return {_name(child, wp_namespace): (child.text or "").strip() for child in element}


def _record(kind: str, element, wp_namespace: str) -> Record:
    record = Record(kind=kind)
    for child in element:
        name = _name(child, wp_namespace)
        if kind == "item" and name == "category":
            record.categories.append(
                (child.get("domain", "category"), child.get("nicename", ""), (child.text or "").strip())
            )
        elif name in ("wp:postmeta", "wp:termmeta"):
            values = _flat(child, wp_namespace)
            record.meta[values.get("wp:meta_key", "")] = values.get("wp:meta_value", "")
        elif name == "wp:comment":
            values = _flat(child, wp_namespace)
            values["meta"] = {
                m.get("wp:meta_key", ""): m.get("wp:meta_value", "")
                for m in (_flat(c, wp_namespace) for c in child if _name(c, wp_namespace) == "wp:commentmeta")
            }
            record.comments.append(values)
        else:
            # Content may keep its inner whitespace (line breaks are paragraphs in WordPress).
            text = child.text or ""
            record.fields[name] = text if name in ("content:encoded", "excerpt:encoded") else text.strip()
    return record


def _unsupported(name: str, version: str) -> str:
    return _("%(file)s: WXR version %(version)s is not supported (supported: %(supported)s).") % {
        "file": name,
        "version": version or "?",
        "supported": ", ".join(SUPPORTED_VERSIONS),
    }


def _refuse_dtd(root, path) -> None:
    docinfo = root.getroottree().docinfo
    if docinfo.internalDTD is not None or docinfo.externalDTD is not None or docinfo.system_url:
        raise WXRError(
            _(
                "%(file)s: refused, the file declares a document type (DTD). WordPress exports never do; "
                "such declarations are how entity-expansion and external-entity attacks work."
            )
            % {"file": Path(path).name}
        )


def read_wxr(path) -> Iterator[Site | Record]:
    """Yield the ``Site`` (once its version is known) then each ``Record``, streaming."""
    name = Path(path).name
    context = etree.iterparse(
        str(path),
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_pis=True,
    )
    site = Site()
    wp_namespace = None
    channel = None
    announced = False
    depth = 0
    try:
        for event, element in context:
            if event == "start":
                depth += 1
                if depth == 1:
                    _refuse_dtd(element, path)
                    if etree.QName(element).localname != "rss":
                        raise WXRError(
                            _("%(file)s: not a WordPress export (the document is not an RSS feed).")
                            % {"file": name}
                        )
                    for uri in (element.nsmap or {}).values():
                        match = _WP_NAMESPACE.match(uri or "")
                        if match:
                            wp_namespace, site.version = uri, match.group(1)
                    if wp_namespace is None:
                        raise WXRError(
                            _("%(file)s: not a WordPress export (no WordPress export namespace).")
                            % {"file": name}
                        )
                elif depth == 2 and etree.QName(element).localname == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or element.getparent() is not channel:
                continue
            tag = _name(element, wp_namespace)
            if tag in _SITE_FIELDS:
                value = _text(element)
                if tag == "wp:wxr_version":
                    site.version = value
                else:
                    setattr(site, tag.removeprefix("wp:"), value)
            elif tag in _RECORD_KINDS:
                if not announced:
                    if site.version not in SUPPORTED_VERSIONS:
                        raise WXRError(_unsupported(name, site.version))
                    announced = True
                    yield site
                yield _record(_RECORD_KINDS[tag], element, wp_namespace)
            # Free what was read: the element and every earlier sibling.
            element.clear()
            while element.getprevious() is not None:
                del channel[0]
    except etree.XMLSyntaxError as error:
        raise WXRError(
            _("%(file)s: not well-formed XML (%(problem)s, line %(line)s).")
            % {"file": name, "problem": error.msg, "line": error.lineno}
        ) from error
    except OSError as error:
        raise WXRError(
            _("%(file)s: cannot be read (%(problem)s).") % {"file": name, "problem": error}
        ) from error
    finally:
        del context
    if channel is None:
        raise WXRError(_("%(file)s: not a WordPress export (no channel).") % {"file": name})
    if not announced:
        if site.version not in SUPPORTED_VERSIONS:
            raise WXRError(_unsupported(name, site.version))
        yield site
