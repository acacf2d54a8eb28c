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
"""

import difflib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta

import reversion
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _, gettext_lazy
from reversion.models import Version

from articles.models import (
    LANGUAGE_CODES,
    Article,
    ArticleAuthor,
    ArticleTransition,
    Author,
    Correction,
    Image,
    Label,
    PreviewLink,
    RelatedArticle,
    Section,
    Status,
    Tag,
    comparable_text,
)

# --- What each role may touch -------------------------------------------------------------

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


# --- Transitions ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Transition:
    name: str
    label: str
    button: str  # on the article form, where the step also saves the form
    sources: tuple
    target: str


TRANSITIONS = {
    t.name: t
    for t in [
        Transition(
            "submit",
            gettext_lazy("Submit for review"),
            gettext_lazy("Save and submit for review"),
            (Status.DRAFT,),
            Status.REVIEW,
        ),
        Transition(
            "publish",
            gettext_lazy("Publish now"),
            gettext_lazy("Save and publish now"),
            (Status.DRAFT, Status.REVIEW, Status.UNPUBLISHED, Status.PUBLISHED),
            Status.PUBLISHED,
        ),
        Transition(
            "unpublish",
            gettext_lazy("Unpublish"),
            gettext_lazy("Save and unpublish"),
            (Status.PUBLISHED,),
            Status.UNPUBLISHED,
        ),
        Transition(
            "archive",
            gettext_lazy("Archive"),
            gettext_lazy("Save and archive"),
            (Status.DRAFT, Status.REVIEW, Status.PUBLISHED, Status.UNPUBLISHED),
            Status.ARCHIVED,
        ),
        Transition(
            "return_to_draft",
            gettext_lazy("Back to draft"),
            gettext_lazy("Save and send back to draft"),
            (Status.REVIEW, Status.UNPUBLISHED, Status.ARCHIVED),
            Status.DRAFT,
        ),
    ]
}


def may_transition(*, user, article, name):
    """Whether ``user`` holds the permission for transition ``name`` on this article (any state)."""
    if not user.is_active:
        return False
    if name == "submit":
        return user.has_perm("articles.review_article") and (is_editor(user) or is_own(user, article))
    if name == "return_to_draft" and article.status == Status.REVIEW and is_own(user, article):
        # A writer may withdraw their own submission.
        return user.has_perm("articles.review_article") or user.has_perm("articles.publish_article")
    return user.has_perm("articles.publish_article")


def state_allows(article, name):
    transition = TRANSITIONS[name]
    if article.status not in transition.sources:
        return False
    # Publishing again is only for a scheduled article (publish now or move its time).
    return not (name == "publish" and article.is_published())


def available_transitions(*, user, article):
    """The transitions ``user`` may apply to ``article`` as it is now, in display order."""
    return [
        TRANSITIONS[name]
        for name in TRANSITIONS
        if state_allows(article, name) and may_transition(user=user, article=article, name=name)
    ]


def check_transition(*, user, article, name):
    """Raise ``PermissionDenied`` or ``ValidationError`` unless ``user`` may apply ``name`` now."""
    if name not in TRANSITIONS:
        raise ValidationError(_("Unknown workflow step."))
    if not may_transition(user=user, article=article, name=name):
        raise PermissionDenied(_("You are not allowed to do this to this article."))
    if not state_allows(article, name):
        raise ValidationError(
            _("“%(step)s” is not possible while the article is %(status)s.")
            % {"step": TRANSITIONS[name].label, "status": article.get_status_display().lower()}
        )


class StaleArticle(ValidationError):
    """The article changed since the caller loaded it."""


def _lock(article, expected_version=None):
    locked = Article.objects.select_for_update().get(pk=article.pk)
    if expected_version is not None and locked.version != expected_version:
        raise StaleArticle(_("Someone else changed this article in the meantime. Reload it and try again."))
    return locked


def _append_revision_comment(text):
    current = reversion.get_comment()
    reversion.set_comment(f"{current} {text}".strip() if current else text)


def _transition(*, article, by, name, note="", publish_at=None, expected_version=None, comment=""):
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        article = _lock(article, expected_version)
        check_transition(user=by, article=article, name=name)
        from_status = article.status
        article.status = TRANSITIONS[name].target
        if name == "publish":
            article.publish_at = publish_at or timezone.now()
        article.full_clean()
        article.save()
        ArticleTransition.objects.create(
            article=article,
            from_status=from_status,
            to_status=article.status,
            by=by,
            note=note.strip(),
            publish_at=article.publish_at if name == "publish" else None,
        )
        reversion.set_user(by)
        _append_revision_comment(
            comment + (" " + _("Note: %(note)s") % {"note": note.strip()} if note.strip() else "")
        )
        reversion.add_to_revision(article)
    return article


def article_submit(*, article: Article, by, note: str = "", expected_version: int | None = None) -> Article:
    """Draft → in review: the writer hands the article to the editors."""
    return _transition(
        article=article, by=by, name="submit", note=note, expected_version=expected_version,
        comment=_("Submitted for review."),
    )  # fmt: skip


def article_publish(
    *,
    article: Article,
    by,
    publish_at: datetime | None = None,
    note: str = "",
    expected_version: int | None = None,
) -> Article:
    """Publish now, or at ``publish_at`` when it lies ahead (scheduled).

    A scheduled article is simply published with a future time: ``Article.objects.published()``
    shows it from that moment on, with no job to run and no schedule to miss.
    """
    when = publish_at or timezone.now()
    if when > timezone.now():
        comment = _("Scheduled for %(time)s.") % {"time": _format_time(when)}
    else:
        comment = _("Published.")
    return _transition(
        article=article, by=by, name="publish", note=note, publish_at=when,
        expected_version=expected_version, comment=comment,
    )  # fmt: skip


def article_unpublish(
    *, article: Article, by, note: str = "", expected_version: int | None = None
) -> Article:
    """Take a published (or scheduled) article off the site; it may be published again later."""
    return _transition(
        article=article, by=by, name="unpublish", note=note, expected_version=expected_version,
        comment=_("Unpublished."),
    )  # fmt: skip


def article_archive(*, article: Article, by, note: str = "", expected_version: int | None = None) -> Article:
    """Retire an article: off the site and out of the working lists."""
    return _transition(
        article=article, by=by, name="archive", note=note, expected_version=expected_version,
        comment=_("Archived."),
    )  # fmt: skip


def article_return_to_draft(
    *, article: Article, by, note: str = "", expected_version: int | None = None
) -> Article:
    """Back to draft: changes requested by an editor, a writer withdrawing, or a reopened article."""
    return _transition(
        article=article, by=by, name="return_to_draft", note=note, expected_version=expected_version,
        comment=_("Returned to draft."),
    )  # fmt: skip


TRANSITION_FUNCTIONS = {
    "submit": article_submit,
    "publish": article_publish,
    "unpublish": article_unpublish,
    "archive": article_archive,
    "return_to_draft": article_return_to_draft,
}


def _format_time(when):
    return formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")


def article_set_featured(*, article: Article, by, featured: bool) -> bool:
    """Put an article among the home page's lead stories, or take it out (editors only).

    Returns whether anything changed.
    """
    if not is_editor(by):
        raise PermissionDenied(_("You are not allowed to curate the home page."))
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        article = _lock(article)
        if article.featured == featured:
            return False
        article.featured = featured
        article.save()
        reversion.set_user(by)
        _append_revision_comment(_("Made a lead story.") if featured else _("No longer a lead story."))
        reversion.add_to_revision(article)
    return True


# --- Corrections and previews --------------------------------------------------------------


def correction_append(*, article: Article, by, text_en: str = "", text_ar: str = "") -> Correction:
    """Append a dated correction to an article (editors only)."""
    if not by.has_perm("articles.add_correction"):
        raise PermissionDenied(_("You are not allowed to add corrections."))
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        correction = Correction(
            article=article, created_by=by, text_en=text_en.strip(), text_ar=text_ar.strip()
        )
        correction.full_clean()
        correction.save()
        # The article page shows it: saving the article marks the page as changed.
        article = _lock(article)
        article.save()
        reversion.set_user(by)
        _append_revision_comment(_("Correction added."))
        reversion.add_to_revision(article)
    return correction


def preview_link_create(*, article: Article, by, hours: int | None = None) -> PreviewLink:
    """A signed link showing the article as it is now to someone without an account."""
    if not by.has_perm("articles.add_previewlink") or not by.has_perm("articles.view_article"):
        raise PermissionDenied(_("You are not allowed to share previews."))
    hours = hours or getattr(settings, "ARTICLES_PREVIEW_LINK_HOURS", 48)
    if not 1 <= hours <= 24 * 30:
        raise ValidationError(_("A preview link lasts between one hour and thirty days."))
    return PreviewLink.objects.create(
        article=article, created_by=by, expires_at=timezone.now() + timedelta(hours=hours)
    )


def preview_link_revoke(*, link: PreviewLink, by) -> PreviewLink:
    """Stop a preview link from working, now."""
    if not by.has_perm("articles.change_previewlink"):
        raise PermissionDenied(_("You are not allowed to revoke preview links."))
    if link.revoked_at is None:
        link.revoked_at = timezone.now()
        link.revoked_by = by
        link.save(update_fields=["revoked_at", "revoked_by"])
    return link


# --- Revisions: snapshots, comparison, restore, conflicts ----------------------------------

FIELD_LABELS = {
    "label": gettext_lazy("label"),
    "section": gettext_lazy("section"),
    "tags": gettext_lazy("tags"),
    "lead_image": gettext_lazy("lead image"),
    "original_language": gettext_lazy("written in"),
    "featured": gettext_lazy("lead story"),
    "comments_open": gettext_lazy("comments open"),
    "status": gettext_lazy("status"),
    "publish_at": gettext_lazy("publish at"),
    BYLINES: gettext_lazy("byline"),
    RELATED: gettext_lazy("related stories"),
}
# Compared and restored; status and publication time change only through transitions.
RESTORABLE = ("label", "section", "tags", "lead_image", "original_language")
COMPARED = (*RESTORABLE, "featured", "comments_open", "status", "publish_at")


@dataclass
class Snapshot:
    """An article's content at one moment: its columns, tags, byline and related picks."""

    fields: dict
    bylines: list = field(default_factory=list)
    related: list = field(default_factory=list)

    @classmethod
    def of_version(cls, version: Version) -> "Snapshot":
        fields = dict(version.field_dict)
        fields["tags"] = sorted(fields.get("tags") or [])
        bylines, related = [], []
        for other in version.revision.version_set.all():
            model = other._model
            if model is ArticleAuthor:
                data = other.field_dict
                if data["article_id"] == int(version.object_id):
                    bylines.append((data["order"], data["id"], data["author_id"]))
            elif model is RelatedArticle:
                data = other.field_dict
                if data["from_article_id"] == int(version.object_id):
                    related.append((data["order"], data["id"], data["to_article_id"]))
        return cls(fields, [a for *_ignored, a in sorted(bylines)], [a for *_ignored, a in sorted(related)])

    @classmethod
    def of_article(cls, article: Article) -> "Snapshot":
        fields = {f.attname: getattr(article, f.attname) for f in Article._meta.concrete_fields}
        fields["tags"] = sorted(article.tags.values_list("pk", flat=True))
        bylines = list(article.article_authors.order_by("order", "pk").values_list("author_id", flat=True))
        related = list(article.related_links.order_by("order", "pk").values_list("to_article_id", flat=True))
        return cls(fields, bylines, related)

    def value(self, name):
        if name == BYLINES:
            return self.bylines
        if name == RELATED:
            return self.related
        if name in ("section", "lead_image"):
            return self.fields.get(f"{name}_id")
        return self.fields.get(name)


@dataclass
class FieldChange:
    name: str
    label: str
    language: str
    old: str
    new: str
    changed: bool
    note: str = ""


def _names(model, pks, attr=str):
    found = {obj.pk: obj for obj in model.objects.filter(pk__in=[pk for pk in pks if pk is not None])}
    return [attr(found[pk]) if pk in found else _("(deleted #%(id)s)") % {"id": pk} for pk in pks]


def _display(name, value):
    if value in (None, "", []):
        return "—"
    if name == "section":
        return _names(Section, [value])[0]
    if name == "lead_image":
        return _names(Image, [value])[0]
    if name == "tags":
        return ", ".join(_names(Tag, value))
    if name == BYLINES:
        return ", ".join(_names(Author, value))
    if name == RELATED:
        return "\n".join(_names(Article, value))
    if name == "label":
        return str(Label(value).label) if value in Label.values else value
    if name == "status":
        return str(Status(value).label) if value in Status.values else value
    if name == "original_language":
        return str(dict(settings.LANGUAGES).get(value, value))
    if name == "publish_at":
        if isinstance(value, str):
            value = datetime.fromisoformat(value)
        return _format_time(value)
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    return str(value)


_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|figure|figcaption|tr|div)>|<br\s*/?>|<hr\s*/?>", re.I)
_TAG = re.compile(r"<[^>]*>")


def readable_body(body_html):
    """A body as text with one line per paragraph, for comparing what readers read."""
    text = _BLOCK_END.sub("\n", body_html or "")
    text = html.unescape(_TAG.sub("", text))
    return "\n".join(line.strip() for line in text.splitlines() if line.strip())


def compare_snapshots(old: Snapshot, new: Snapshot, *, only_changed=False):
    """Field-by-field comparison, translated fields grouped by language (``""`` for the others)."""
    rows = []
    for code in LANGUAGE_CODES:
        for name in TRANSLATED_FIELDS:
            column = f"{name}_{code}"
            before, after = old.fields.get(column) or "", new.fields.get(column) or ""
            changed = comparable_text(before) != comparable_text(after)
            note = ""
            if name == "body":
                before, after = readable_body(before), readable_body(after)
                if changed and before == after:
                    note = _("Only formatting or links changed.")
            label = str(Article._meta.get_field(name).verbose_name)
            rows.append(FieldChange(column, label, code, before, after, changed, note))
    for name in (*COMPARED, BYLINES, RELATED):
        before, after = old.value(name), new.value(name)
        label = str(FIELD_LABELS[name])
        rows.append(
            FieldChange(name, label, "", _display(name, before), _display(name, after), before != after)
        )
    return [row for row in rows if row.changed] if only_changed else rows


_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)


def inline_diff(before: str, after: str):
    """Two safe HTML strings: ``before`` with deletions in ``<del>``, ``after`` with insertions in ``<ins>``."""
    a, b = _TOKENS.findall(before or ""), _TOKENS.findall(after or "")
    old, new = [], []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        removed, added = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            old.append(removed)
            new.append(added)
        else:
            if removed:
                old.append(f"<del>{removed}</del>")
            if added:
                new.append(f"<ins>{added}</ins>")
    return mark_safe("".join(old)), mark_safe("".join(new))  # noqa: S308 - every piece escaped above


def article_versions(article):
    """The article's revisions, newest first, with who made them."""
    return (
        Version.objects.get_for_object(article)
        .select_related("revision", "revision__user")
        .order_by("-revision__date_created", "-pk")
    )


def _snapshot_version_number(version):
    try:
        return json.loads(version.serialized_data)[0]["fields"].get("version")
    except (ValueError, KeyError, IndexError):
        return None


@dataclass
class Conflict:
    """What happened to an article since someone loaded version ``loaded``."""

    current_version: int
    fields: list  # FieldChange rows, changed only
    people: list  # display names
    known: bool  # False when no revision tells what the loaded version contained


def _person(user):
    if user is None:
        return _("someone")
    return user.get_full_name() or user.get_username()


def article_changes_since(*, article: Article, loaded: int) -> Conflict:
    """Which fields changed, and by whom, since the article was at version ``loaded``."""
    versions = list(article_versions(article)[:200])
    base = None
    people = []
    for version in versions:
        number = _snapshot_version_number(version)
        if number is None:
            continue
        if number > loaded:
            name = _person(version.revision.user)
            if name not in people:
                people.append(name)
        elif base is None:
            base = version
    fields = (
        compare_snapshots(Snapshot.of_version(base), Snapshot.of_article(article), only_changed=True)
        if base
        else []
    )
    return Conflict(current_version=article.version, fields=fields, people=people, known=base is not None)


def field_description(change: FieldChange):
    if change.language:
        return _("%(field)s (%(language)s)") % {
            "field": change.label,
            "language": dict(settings.LANGUAGES)[change.language],
        }
    return change.label


def restorable_changes(*, user, article, version):
    """The changes restoring ``version`` would make that ``user`` is allowed to make."""
    allowed = article_editable_fields(user=user, article=article)
    rows = compare_snapshots(Snapshot.of_article(article), Snapshot.of_version(version), only_changed=True)
    return [row for row in rows if row.name in allowed]


def article_restore_revision(
    *, article: Article, version: Version, by, expected_version: int | None = None
) -> Article:
    """Bring back the content of an earlier revision as a new revision.

    Restores the texts in every language, label, section, tags, lead image, byline and related
    picks: those of them ``by`` may edit. Status and publication time stay as they are (they
    change only through transitions).
    """
    if version.object_id != str(article.pk) or version._model is not Article:
        raise ValidationError(_("This revision belongs to another article."))
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        article = _lock(article, expected_version)
        allowed = article_editable_fields(user=by, article=article)
        if not allowed:
            raise PermissionDenied(_("You are not allowed to change this article."))
        snapshot = Snapshot.of_version(version)
        for name in sorted(ALL_TEXT_FIELDS & allowed):
            setattr(article, name, snapshot.fields.get(name) or "")
        for name in RESTORABLE:
            if name not in allowed:
                continue
            if name == "tags":
                continue
            if name in ("section", "lead_image"):
                model = Section if name == "section" else Image
                pk = snapshot.value(name)
                if pk is None or model.objects.filter(pk=pk).exists():
                    setattr(article, f"{name}_id", pk)
            else:
                setattr(article, name, snapshot.fields.get(name) or "")
        article.full_clean()
        article.save()
        if "tags" in allowed:
            article.tags.set(Tag.objects.filter(pk__in=snapshot.fields.get("tags") or []))
        if BYLINES in allowed:
            _restore_links(
                article.article_authors, Author, snapshot.bylines, lambda pk, order: ArticleAuthor(
                    article=article, author_id=pk, order=order
                ),
            )  # fmt: skip
        if RELATED in allowed:
            _restore_links(
                article.related_links, Article, [pk for pk in snapshot.related if pk != article.pk],
                lambda pk, order: RelatedArticle(from_article=article, to_article_id=pk, order=order),
            )  # fmt: skip
        reversion.set_user(by)
        _append_revision_comment(
            _("Restored the revision of %(time)s by %(person)s.")
            % {"time": _format_time(version.revision.date_created), "person": _person(version.revision.user)}
        )
        reversion.add_to_revision(article)
    return article


def _restore_links(manager, target_model, pks, build):
    existing = set(target_model.objects.filter(pk__in=pks).values_list("pk", flat=True))
    manager.all().delete()
    manager.model.objects.bulk_create(
        [build(pk, order) for order, pk in enumerate(pk for pk in dict.fromkeys(pks) if pk in existing)]
    )
