"""Template tags of the reader's site: responsive pictures, share metadata, dates.

Comment counts and the discussion come from the comments app's own tags (``{% load comments %}``
in the site templates): articles/ knows nothing of comments.
"""

import json
from datetime import timedelta

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from articles.images import picture_sources, share_rendition
from web.site_url import absolute_url as site_absolute_url

register = template.Library()

# An edit this soon after publication is part of publishing, not an update worth showing.
UPDATE_GRACE = timedelta(minutes=10)
# Characters that must never appear raw inside a <script> data block (as json_script does).
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _language():
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


@register.inclusion_tag("articles/includes/_picture.html")
def picture(image, sizes="100vw", loading="lazy", css_class="", priority=False):
    """``<picture>`` with WebP and JPEG/PNG ``srcset``s, intrinsic size and lazy loading.

    ``priority`` marks the page's main picture (eager, fetched first): the largest paint.
    """
    sources = picture_sources(image)
    return {
        **sources,
        "alt": image.alt_text or "",
        "sizes": sizes,
        "loading": "eager" if priority else loading,
        "css_class": css_class,
        "priority": priority,
    }


@register.filter
def byline_name(author):
    """An author's display name in the reader's language, else in the other one (never the login)."""
    return author.display_name or author.display_name_en or author.display_name_ar or ""


@register.filter
def updated_at(article):
    """When this language's text last changed, if that is worth telling readers (else None).

    Only a change made after publication (and after the article was first written, which
    matters for back-dated articles) counts; ``edited_<language>_at`` ignores changes to the
    other language and to placement (section, lead story…), which are no news to readers.
    """
    changed = getattr(article, f"edited_{_language()}_at", None)
    if not (changed and article.publish_at):
        return None
    baseline = max(article.publish_at, article.created_at or article.publish_at)
    return changed if changed > baseline + UPDATE_GRACE else None


@register.simple_tag
def absolute_url(path):
    """``path`` as a full address on SITE_URL (canonical links, share cards, JSON-LD), never on
    the request's host: these links are cached in fragments shared by every reader."""
    return site_absolute_url(path)


@register.simple_tag
def share_image(image):
    """The JPEG/PNG rendition used by share cards, or None."""
    if image is None:
        return None
    return share_rendition(image)


@register.simple_tag
def article_json_ld(article):
    """``NewsArticle`` structured data as a ``<script type="application/ld+json">`` data block.

    Browsers never execute this type, so the strict CSP (no inline scripts) is unaffected;
    the JSON is escaped like ``json_script`` so no text can close the element.
    """
    language = _language()
    url = site_absolute_url(article.get_absolute_url(language))
    modified = updated_at(article) or article.publish_at
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": article.headline[:110],
        "inLanguage": language,
        "datePublished": article.publish_at,
        "dateModified": modified,
        "author": [
            {
                "@type": "Person",
                "name": byline_name(author),
                "url": site_absolute_url(author.get_absolute_url()),
            }
            for author in article.byline_authors
        ],
        "publisher": {
            "@type": "NewsMediaOrganization",
            "name": str(settings.SITE_NAME),
            "url": site_absolute_url(reverse("articles:home")),
            "logo": {"@type": "ImageObject", "url": site_absolute_url(static("favicon.svg"))},
        },
    }
    if article.summary:
        data["description"] = article.summary
    if article.section_id and article.section.name:
        data["articleSection"] = article.section.name
    keywords = [tag.name for tag in article.tags.all() if tag.name]
    if keywords:
        data["keywords"] = keywords
    if article.lead_image_id:
        rendition = share_rendition(article.lead_image)
        if rendition:
            data["image"] = [
                {
                    "@type": "ImageObject",
                    "url": site_absolute_url(rendition["url"]),
                    "width": rendition["width"],
                    "height": rendition["height"],
                }
            ]
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308


# Open Graph locale names of the site languages.
OG_LOCALES = {"en": "en_GB", "ar": "ar_AR"}


@register.filter
def og_locale(language):
    return OG_LOCALES.get(str(language).split("-")[0], "en_GB")


@register.filter
def date_element(value):
    """``<time datetime="…">`` around the date in the reader's language (``DATE_FORMAT``) and
    the site's time zone: what ``|date:'c'`` and ``|date:"DATE_FORMAT"`` give, with the time
    converted once. The date of every teaser and search result."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT"))


@register.filter
def local_datetime(value):
    """Date and time in the reader's language and the site's time zone ("26 نوفمبر، 2026، 11:16 ص")."""
    if not value:
        return ""
    value = timezone.localtime(value) if timezone.is_aware(value) else value
    # Translators: separator between a date and a time, as in "26 November 2026, 11:16 a.m.".
    separator = pgettext("date, time", ", ")
    return f"{date_format(value, 'DATE_FORMAT')}{separator}{time_format(value, 'TIME_FORMAT')}"


# Pictures of the first teasers are likely above the fold: fetched at once, the rest lazily.
EAGER_TEASERS = 3


@register.filter
def loading_for(position):
    """``loading`` value for the picture of the teaser at ``position`` (1-based) in a listing."""
    try:
        return "eager" if 0 < int(position) <= EAGER_TEASERS else "lazy"
    except (TypeError, ValueError):
        return "lazy"
