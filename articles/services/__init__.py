"""The editorial workflow: who may do what to an article, its transitions, revisions and previews.

Roles are groups of permissions (migration 0004); the rules here look at permissions, never at
group names, so a person in two groups simply gets both sets of abilities:

* ``articles.edit_published_article`` (editors): change any article, every field;
* ``articles.change_article`` + ``articles.add_article`` (writers): change their own drafts;
* ``articles.change_article`` + ``articles.translate_article`` (translators): change only the
  translation fields of an existing article;
* ``articles.review_article``: submit for review; ``articles.publish_article``: publish,
  schedule, unpublish, archive and send back to draft.

Every transition is a keyword-only function that checks permission and state, runs in one
transaction with the article row locked, records an ``ArticleTransition`` and a revision.
The admin and any view call these; none of them trusts the caller to have checked.

One module per concern, everything re-exported here (``from articles import services`` then
``services.article_publish(...)``):

* ``roles``: who may change which fields and parts of an article;
* ``transitions``: the workflow steps (``article_submit``, ``article_publish``…) and lead stories;
* ``revisions``: snapshots, comparison, restore, and what changed since a form was loaded;
* ``corrections``: ``correction_append``;
* ``previews``: ``preview_link_create``, ``preview_link_revoke``;
* ``locking``: the row lock every change takes, and ``StaleArticle``.
"""

from articles.services.corrections import correction_append
from articles.services.locking import StaleArticle, lock_article
from articles.services.previews import preview_link_create, preview_link_revoke
from articles.services.revisions import (
    COMPARED,
    FIELD_LABELS,
    RESTORABLE,
    Conflict,
    FieldChange,
    Snapshot,
    append_revision_comment,
    article_changes_since,
    article_restore_revision,
    article_versions,
    compare_snapshots,
    field_description,
    format_time,
    inline_diff,
    readable_body,
    restorable_changes,
)
from articles.services.roles import (
    ALL_TEXT_FIELDS,
    BYLINES,
    CORRECTIONS,
    EDITOR_FIELDS,
    RELATED,
    TRANSLATED_FIELDS,
    WRITER_FIELDS,
    article_editable_fields,
    is_editor,
    is_own,
    is_translator,
    is_writer,
    language_fields,
    translation_languages,
    user_can_edit,
)
from articles.services.transitions import (
    TRANSITION_FUNCTIONS,
    TRANSITIONS,
    Transition,
    article_archive,
    article_publish,
    article_return_to_draft,
    article_set_featured,
    article_submit,
    article_unpublish,
    available_transitions,
    check_transition,
    may_transition,
    state_allows,
)

__all__ = [
    "ALL_TEXT_FIELDS",
    "BYLINES",
    "COMPARED",
    "CORRECTIONS",
    "Conflict",
    "EDITOR_FIELDS",
    "FIELD_LABELS",
    "FieldChange",
    "RELATED",
    "RESTORABLE",
    "Snapshot",
    "StaleArticle",
    "TRANSITIONS",
    "TRANSITION_FUNCTIONS",
    "TRANSLATED_FIELDS",
    "Transition",
    "WRITER_FIELDS",
    "append_revision_comment",
    "article_archive",
    "article_changes_since",
    "article_editable_fields",
    "article_publish",
    "article_restore_revision",
    "article_return_to_draft",
    "article_set_featured",
    "article_submit",
    "article_unpublish",
    "article_versions",
    "available_transitions",
    "check_transition",
    "compare_snapshots",
    "correction_append",
    "field_description",
    "format_time",
    "inline_diff",
    "is_editor",
    "is_own",
    "is_translator",
    "is_writer",
    "language_fields",
    "lock_article",
    "may_transition",
    "preview_link_create",
    "preview_link_revoke",
    "readable_body",
    "restorable_changes",
    "state_allows",
    "translation_languages",
    "user_can_edit",
]
