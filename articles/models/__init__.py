"""The newsroom's content, one module per aggregate, all under the ``articles`` app label.

* ``choices``: languages, workflow states, labels, translation states;
* ``taxonomy``: Section, Tag;
* ``people``: Author (the byline of a user or an outside contributor);
* ``media``: Image, ImageRendition;
* ``querysets``: ArticleQuerySet (live, scheduled, search, related stories, translation state);
* ``article``: Article, ArticleAuthor (byline order), RelatedArticle (editor's picks);
* ``workflow``: ArticleTransition, PreviewLink, Correction, and the revision registration.

Everything is re-exported here: ``from articles.models import Article`` is the way in.
Translated fields are registered in ``articles/translation.py``.
"""

from articles.models.article import (
    SEARCH_DOCUMENTS,
    TRANSLATED_TEXT_FIELDS,
    Article,
    ArticleAuthor,
    RelatedArticle,
    comparable_text,
)
from articles.models.choices import LANGUAGE_CODES, Label, Status, TranslationState
from articles.models.media import (
    Image,
    ImageRendition,
    image_upload_to,
    random_upload_path,
    rendition_upload_to,
)
from articles.models.people import Author, author_photo_upload_to
from articles.models.querysets import ArticleQuerySet, OctetLength
from articles.models.taxonomy import Section, Tag
from articles.models.workflow import (
    ArticleTransition,
    Correction,
    PreviewLink,
    PreviewLinkQuerySet,
    default_preview_expiry,
    register_revisions,
)

__all__ = [
    "LANGUAGE_CODES",
    "SEARCH_DOCUMENTS",
    "TRANSLATED_TEXT_FIELDS",
    "Article",
    "ArticleAuthor",
    "ArticleQuerySet",
    "ArticleTransition",
    "Author",
    "Correction",
    "Image",
    "ImageRendition",
    "Label",
    "OctetLength",
    "PreviewLink",
    "PreviewLinkQuerySet",
    "RelatedArticle",
    "Section",
    "Status",
    "Tag",
    "TranslationState",
    "author_photo_upload_to",
    "comparable_text",
    "default_preview_expiry",
    "image_upload_to",
    "random_upload_path",
    "register_revisions",
    "rendition_upload_to",
]
