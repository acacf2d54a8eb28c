"""Fragment caching for public pages: the "donut" inside the whole-page cache.

The whole-page cache (web/cache.py) serves most anonymous readers. Requests it cannot
serve (a reader with a pending message, a random query string, a page just invalidated, a
logged-in editor) still should not rebuild an article's comment thread or related stories
every time, so the expensive parts of a page are cached as fragments under the same
generation counter: any publish, edit or approved comment makes them all stale at once.

    {% load public_cache %}
    {% fragment "article" article.pk LANGUAGE_CODE request.GET.page %} … {% endfragment %}

Rendered live, never cached: previews (``preview`` in the context), anything but GET/HEAD (a
comment form sent back with its errors), and whenever the page cache is off (tests, DEBUG).
"""

import hashlib

from django import template
from django.conf import settings
from django.core.cache import caches

from web.cache import public_generation

register = template.Library()


class FragmentNode(template.Node):
    def __init__(self, nodelist, name, vary_on):
        self.nodelist, self.name, self.vary_on = nodelist, name, vary_on

    def render(self, context):
        request = context.get("request")
        seconds = settings.PUBLIC_PAGE_CACHE_SECONDS
        if not seconds or context.get("preview") or request is None or request.method not in ("GET", "HEAD"):
            return self.nodelist.render(context)
        parts = [
            str(public_generation(request)),
            self.name.resolve(context),
            getattr(request, "LANGUAGE_CODE", ""),
        ]
        parts += [str(var.resolve(context)) for var in self.vary_on]
        key = "fragment:" + hashlib.blake2b("|".join(parts).encode(), digest_size=20).hexdigest()
        cache = caches[getattr(settings, "PUBLIC_PAGE_CACHE_ALIAS", "default")]
        content = cache.get(key)
        if content is None:
            content = self.nodelist.render(context)
            cache.set(key, content, seconds)
        return content


@register.tag
def fragment(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError('{% fragment %} needs a name: {% fragment "name" var … %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, parser.compile_filter(bits[1]), [parser.compile_filter(b) for b in bits[2:]]
    )
