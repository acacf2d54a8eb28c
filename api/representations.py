"""What the API says about articles, sections, tags and authors, built from the public site's rules.

Every article comes from ``Article.objects.live(language)`` (published, time passed, headline and
body written in that language), the same queryset the reader's pages start from: a draft, a
scheduled or unpublished article, or a language an article is not live in, never appears.
Bylines and tags ride along in the article query (``with_bylines_and_tags``, as on the article
page) and pictures' renditions come in one more query at most (``prefetch_renditions``).
"""

from django.db.models import Exists, OuterRef

from articles.images import images_of, prefetch_renditions
from articles.models import LANGUAGE_CODES, SEARCH_DOCUMENTS, Article
from articles.views import HEAVY_FIELDS, unpack_bylines_and_tags, with_bylines_and_tags
from web.cache import public_memo
from web.site_url import absolute_url


def live_articles(language, *, with_body=False):
    """Live articles in ``language`` with what a summary shows, and in which languages each is live."""
    queryset = (
        Article.objects.live(language)
        .select_related("section", "lead_image")
        .annotate(
            **{
                f"live_in_{code}": Exists(Article.objects.live(code).filter(pk=OuterRef("pk")))
                for code in LANGUAGE_CODES
            }
        )
    )
    queryset = queryset.defer(*SEARCH_DOCUMENTS) if with_body else queryset.defer(*HEAVY_FIELDS)
    return with_bylines_and_tags(queryset, language)


def _text(obj, name, language):
    return getattr(obj, f"{name}_{language}", "") or ""


def _absolute(request, path):
    return absolute_url(path) if path else ""


def _translated_url(request, obj, language):
    # Without a slug in this language (not translated yet) there is no public page to link.
    return _absolute(request, obj.get_absolute_url()) if _text(obj, "slug", language) else ""


def section_link(request, section, language):
    return {
        "id": section.pk,
        "slug": _text(section, "slug", language),
        "name": _text(section, "name", language),
        "url": _translated_url(request, section, language),
    }


def tag_link(request, tag, language):
    return {
        "id": tag.pk,
        "slug": _text(tag, "slug", language),
        "name": _text(tag, "name", language),
        "url": _translated_url(request, tag, language),
    }


def author_name(author, language):
    # A byline name is a name: shown in the other language's spelling rather than not at all.
    return _text(author, "display_name", language) or next(
        (
            _text(author, "display_name", code)
            for code in LANGUAGE_CODES
            if _text(author, "display_name", code)
        ),
        author.slug,
    )


def author_link(request, author, language):
    return {
        "id": author.pk,
        "slug": author.slug,
        "name": author_name(author, language),
        "url": _absolute(request, author.get_absolute_url()),
    }


def author_out(request, author, language):
    return {
        **author_link(request, author, language),
        "bio": _text(author, "bio", language),
        "photo_url": _absolute(request, author.photo.url) if author.photo else None,
    }


def lead_image(request, image, language):
    if image is None:
        return None
    return {
        "alt_text": _text(image, "alt_text", language),
        "caption": _text(image, "caption", language),
        "credit": _text(image, "credit", language),
        "width": image.width or None,
        "height": image.height or None,
        "renditions": [
            {**rendition, "url": _absolute(request, rendition["url"])}
            for rendition in getattr(image, "rendition_list", [])
        ],
    }


def article_summary(request, article, language):
    unpack_bylines_and_tags(article)
    urls = {
        code: _absolute(request, article.get_absolute_url(code))
        if getattr(article, f"live_in_{code}")
        else None
        for code in LANGUAGE_CODES
    }
    return {
        "id": article.pk,
        "language": language,
        "headline": _text(article, "headline", language),
        "summary": _text(article, "summary", language),
        "label": article.label,
        "label_display": str(article.get_label_display()) if article.label else "",
        "url": urls[language],
        "urls": urls,
        "section": section_link(request, article.section, language),
        "authors": [author_link(request, author, language) for author in article.byline_authors],
        "tags": [
            tag_link(request, tag, language) for tag in article.tags.all() if _text(tag, "slug", language)
        ],
        "lead_image": lead_image(request, article.lead_image, language),
        "published_at": article.publish_at,
        "updated_at": article.updated_at,
    }


def article_summaries(request, articles, language):
    prefetch_renditions(images_of(articles))
    return [article_summary(request, article, language) for article in articles]


def summaries_by_id(request, ids, language) -> dict:
    """``{id: summary}`` of the live articles among ``ids`` (for ``web.cache.public_memo_many``)."""
    articles = list(live_articles(language).filter(pk__in=ids))
    return {
        article.pk: summary
        for article, summary in zip(articles, article_summaries(request, articles, language), strict=True)
    }


def related_stories(request, article, language):
    """ "You may also like", as on the article page; kept under the generation (``public_memo``)
    like the page's fragment, since it is the costliest query of the answer."""

    def build():
        related = Article.objects.related_to(article, language=language, limit=6, bylines=False)
        prefetch_renditions(images_of(related))
        return [
            {
                "id": story.pk,
                "headline": _text(story, "headline", language),
                "url": _absolute(request, story.get_absolute_url(language)),
                "published_at": story.publish_at,
                "lead_image": lead_image(request, story.lead_image, language),
            }
            for story in related
        ]

    return public_memo(request, "api-related", article.pk, language, compute=build)


def article_detail(request, article, language):
    prefetch_renditions(images_of([article]))
    return {
        **article_summary(request, article, language),
        "body_html": _text(article, "body", language),
        "source": _text(article, "source", language),
        "comments_open": article.comments_open,
        "corrections": [
            {"date": correction.created_at, "text": _text(correction, "text", language)}
            for correction in article.corrections_for_language(language)
        ],
        "related": related_stories(request, article, language),
    }
