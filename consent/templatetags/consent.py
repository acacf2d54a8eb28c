"""Template tags of the cookie-consent feature.

``{% consent_banner %}``     the banner, only while the reader has no valid choice
``{% consent_footer_links %}`` "Privacy & Cookies Policy" and "Cookie settings"
``{% consent_controls %}``   the per-category settings form (policy page)
``{% if_consent "statistics" %}…{% else %}…{% endif_consent %}``  a snippet only when accepted
``{% consent_accepted "statistics" as ok %}``  the same as a boolean

Everything here depends only on the reader's consent state and language, never on who they
are, so pages stay shareable in the page cache (see ``consent.cookies.consent_cache_key_part``).
"""

from django import template

from consent import cookies

register = template.Library()


def _request(context):
    return context.get("request")


def _categories(request, *, checked_from_state=False):
    # The markup may depend on the choice in force only (the page-cache key), never directly
    # on a request header such as Sec-GPC.
    allowed = cookies.allowed_for(request) if (request is not None and checked_from_state) else frozenset()
    return [
        {
            "value": category,
            "label": cookies.CATEGORIES[category]["label"],
            "description": cookies.CATEGORIES[category]["description"],
            "checked": category in allowed,
        }
        for category in cookies.offered_categories()
    ]


@register.inclusion_tag("consent/_banner.html", takes_context=True)
def consent_banner(context):
    request = _request(context)
    show = request is not None and not cookies.has_choice(request)
    return {
        "show": show,
        "request": request,
        "categories": _categories(request) if show else [],
        "necessary": cookies.CATEGORIES[cookies.NECESSARY],
    }


@register.inclusion_tag("consent/_footer_links.html", takes_context=True)
def consent_footer_links(context):
    return {"request": _request(context)}


@register.inclusion_tag("consent/_controls.html", takes_context=True)
def consent_controls(context, next_url=None):
    request = _request(context)
    categories = _categories(request, checked_from_state=True)
    return {
        "request": request,
        "next_url": next_url or (request.get_full_path() if request is not None else "/"),
        "has_choice": request is not None and cookies.has_choice(request),
        "categories": categories,
        "accepted_labels": [category["label"] for category in categories if category["checked"]],
        "necessary": cookies.CATEGORIES[cookies.NECESSARY],
    }


@register.simple_tag(takes_context=True)
def consent_accepted(context, category):
    request = _request(context)
    return request is not None and cookies.is_allowed(request, category)


class IfConsentNode(template.Node):
    def __init__(self, category, nodelist_true, nodelist_false):
        self.category = category
        self.nodelist_true = nodelist_true
        self.nodelist_false = nodelist_false

    def render(self, context):
        request = _request(context)
        category = self.category.resolve(context)
        if request is not None and cookies.is_allowed(request, category):
            return self.nodelist_true.render(context)
        return self.nodelist_false.render(context)


@register.tag("if_consent")
def do_if_consent(parser, token):
    """``{% if_consent "statistics" %}…{% else %}…{% endif_consent %}``"""
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError(f"{bits[0]} takes one argument: the cookie category")
    category = parser.compile_filter(bits[1])
    nodelist_true = parser.parse(("else", "endif_consent"))
    token = parser.next_token()
    if token.contents == "else":
        nodelist_false = parser.parse(("endif_consent",))
        parser.delete_first_token()
    else:
        nodelist_false = template.NodeList()
    return IfConsentNode(category, nodelist_true, nodelist_false)
