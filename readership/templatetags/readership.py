"""``{% read_beacon article %}`` on the article page and ``{% most_read %}`` on the home page."""

from django import template
from django.conf import settings
from django.utils import translation

from readership import counter

register = template.Library()


@register.inclusion_tag("readership/_beacon.html")
def read_beacon(article):
    return {"article_id": article.pk}


@register.inclusion_tag("readership/_most_read.html")
def most_read(limit=5, days=7):
    """The most read live articles in the current language over the last week."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return {"articles": counter.most_read(language, days=days, limit=limit)}
