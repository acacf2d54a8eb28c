"""Who may touch what: the fields (and inline parts) of an article each role may change.

Roles are groups of permissions (migration 0004); the rules here look at permissions, never at
group names, so a person in two groups simply gets both sets of abilities (see the package's
docstring for the list).
"""

from articles.models import LANGUAGE_CODES, ArticleAuthor, Status

TRANSLATED_FIELDS = ("headline", "slug", "summary", "source", "body")
# Pseudo-fields for the parts of the form that are inlines, not columns.
BYLINES, RELATED, CORRECTIONS = "bylines", "related", "corrections"


def language_fields(code):
    return {f"{name}_{code}" for name in TRANSLATED_FIELDS}


ALL_TEXT_FIELDS = {name for code in LANGUAGE_CODES for name in language_fields(code)}
WRITER_FIELDS = ALL_TEXT_FIELDS | {"label", "section", "tags", "lead_image", "original_language", BYLINES}
EDITOR_FIELDS = WRITER_FIELDS | {"featured", "comments_open", "publish_at", RELATED, CORRECTIONS}


def is_editor(user):
    return user.is_active and user.has_perm("articles.edit_published_article")


def is_writer(user):
    return (
        user.is_active and user.has_perm("articles.change_article") and user.has_perm("articles.add_article")
    )


def is_translator(user):
    return (
        user.is_active
        and user.has_perm("articles.change_article")
        and user.has_perm("articles.translate_article")
    )


def is_own(user, article):
    """Written by this user: they created it or their byline is on it."""
    if article.pk is None:
        return True
    if article.created_by_id == user.pk:
        return True
    return ArticleAuthor.objects.filter(article=article, author__user=user).exists()


def translation_languages(article):
    """The languages a translator may write in: all but the one the article was written in."""
    source = article.source_language()
    return [code for code in LANGUAGE_CODES if code != source]


def article_editable_fields(*, user, article=None):
    """The form fields (and inline pseudo-fields) ``user`` may change on ``article``.

    ``article`` None means a new article. An empty set means the article is read-only to them.
    """
    if is_editor(user):
        return set(EDITOR_FIELDS)
    if article is None:
        return set(WRITER_FIELDS) if user.has_perm("articles.add_article") else set()
    fields = set()
    if is_writer(user) and article.status == Status.DRAFT and is_own(user, article):
        fields |= WRITER_FIELDS
    if (
        is_translator(user)
        and article.status != Status.ARCHIVED
        and article.has_language(article.source_language())
    ):
        for code in translation_languages(article):
            fields |= language_fields(code)
    return fields


def user_can_edit(*, user, article):
    return bool(article_editable_fields(user=user, article=article))
