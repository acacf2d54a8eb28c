"""Fragment caching for public pages: the "donut" inside the whole-page cache.

The whole-page cache (web/cache.py) serves most anonymous readers. Requests it cannot
serve (a reader with a pending message, a random query string, a page just invalidated, a
logged-in editor) still should not rebuild an article's comment thread or related stories
every time, so the expensive parts of a page are cached as fragments under the same
generation counter: any publish, edit or approved comment makes them all stale at once.
The site's frame (header, footer, consent banner) is kept the same way, so that such a
request renders little more than what is its own (messages).

    {% load public_cache %}
    {% fragment "article" article.pk LANGUAGE_CODE request.GET.page %} … {% endfragment %}
    {% fragment "consent-banner" per_reader %} … {% endfragment %}

A fragment is keyed by its name, the language and the values after the name; ``per_reader``
adds how pages look for this reader (the page cache's key part: the consent state), for
markup that depends on it. The page's own address may appear in a fragment only through
``{% page_address %}``: a hole, filled on every request, so the fragment stays shared.

Rendered live, never cached: previews (``preview`` in the context), anything but GET/HEAD (a
comment form sent back with its errors), and whenever the page cache is off (tests, DEBUG).
"""

from urllib.parse import quote

from django import template
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe

from web.cache import kept_part, reader_key_part

register = template.Library()

# What {% page_address %} leaves in a fragment being kept, per form; PostgreSQL text (hence
# any content) cannot hold a NUL character, so no content can pass for a hole.
_HOLES = {"html": "\x00page-address:html\x00", "query": "\x00page-address:query\x00"}
_FILLING = "_public_fragments_filling"


def _address(request, form: str) -> str:
    path = request.get_full_path()
    # As {{ request.get_full_path }} and {{ request.get_full_path|urlencode }} would write it.
    return escape(path) if form == "html" else escape(quote(path, safe="/"))


def _fill_holes(content: str, request) -> str:
    if "\x00" not in content:
        return content
    for form, hole in _HOLES.items():
        if hole in content:
            content = content.replace(hole, _address(request, form))
    return mark_safe(content)  # noqa: S308 - kept markup and escaped addresses


@register.simple_tag(takes_context=True)
def page_address(context, form="html"):
    """This page's address (path and query string), escaped for an attribute (``"html"``) or
    encoded as the value of a query parameter (``"query"``, as ``|urlencode`` does)."""
    if form not in _HOLES:
        raise template.TemplateSyntaxError(f'{{% page_address %}} takes "html" or "query", not {form!r}')
    request = context.get("request")
    if request is None:
        return ""
    if getattr(request, _FILLING, 0):
        return mark_safe(_HOLES[form])  # noqa: S308 - a placeholder, filled when the fragment is used
    return mark_safe(_address(request, form))  # noqa: S308 - escaped above


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on, per_reader=False):
        self.nodelist, self.name, self.vary_on, self.per_reader = nodelist, name, vary_on, per_reader
        self._nodes_by_type = {}

    def get_nodes_by_type(self, nodetype):
        # {% extends %} looks for the base template's blocks on every render, walking every
        # node; what a fragment holds never changes once parsed, so it is looked up once.
        found = self._nodes_by_type.get(nodetype)
        if found is None:
            found = self._nodes_by_type[nodetype] = super().get_nodes_by_type(nodetype)
        return list(found)

    def render(self, context):
        request = context.get("request")
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or context.get("preview") or request is None or request.method not in ("GET", "HEAD"):
            return self.nodelist.render(context)
        parts = [self.name.resolve(context), getattr(request, "LANGUAGE_CODE", "")]
        if self.per_reader:
            parts.append(reader_key_part(request))
        parts += [str(var.resolve(context)) for var in self.vary_on]

        def render():
            setattr(request, _FILLING, getattr(request, _FILLING, 0) + 1)
            try:
                return self.nodelist.render(context)
            finally:
                setattr(request, _FILLING, getattr(request, _FILLING) - 1)

        content = kept_part(request, "fragment", *parts, compute=render)
        # Inside a fragment being kept, the holes stay for the outer one to keep.
        return content if getattr(request, _FILLING, 0) else _fill_holes(content, request)


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% fragment %} needs a name: {% fragment "name" var … %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    per_reader = "per_reader" in bits[2:]
    return FragmentNode(
        nodelist,
        parser.compile_filter(bits[1]),
        [parser.compile_filter(b) for b in bits[2:] if b != "per_reader"],
        per_reader=per_reader,
    )
