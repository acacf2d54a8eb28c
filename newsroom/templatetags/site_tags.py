from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from articles.listings import all_sections

register = template.Library()


@register.inclusion_tag("newsroom/includes/_language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in the other languages.

    A view may pass ``alternates`` ({code: url}) to restrict the choice, as the article page
    does with the languages an article is live in; otherwise the current URL is translated.
    """
    request = context["request"]
    current = context.get("LANGUAGE_CODE")
    alternates = context.get("alternates")
    links = []
    for code, _name in settings.LANGUAGES:
        if code == current:
            continue
        url = alternates.get(code) if alternates is not None else translate_url(request.get_full_path(), code)
        if url:
            info = get_language_info(code)
            links.append({"code": code, "url": url, "name": info["name_local"], "bidi": info["bidi"]})
    return {"links": links}


@register.simple_tag(takes_context=True)
def navigation_sections(context):
    """Sections for the header navigation, in editorial order."""
    return all_sections(context.get("request"))
