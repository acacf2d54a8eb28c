"""Revisions: snapshots of an article, their comparison, restoring one, and telling an editor
what changed while they were editing.
"""

import difflib
import html
import json
import re
from dataclasses import dataclass, field
from datetime import datetime

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
    Author,
    Image,
    Label,
    RelatedArticle,
    Section,
    Status,
    Tag,
    comparable_text,
)
from articles.services.locking import lock_article
from articles.services.roles import (
    ALL_TEXT_FIELDS,
    BYLINES,
    RELATED,
    TRANSLATED_FIELDS,
    article_editable_fields,
)


def append_revision_comment(text):
    """Add ``text`` to the comment of the revision being recorded."""
    current = reversion.get_comment()
    reversion.set_comment(f"{current} {text}".strip() if current else text)


def format_time(when):
    """A moment as the newsroom reads it (local time zone, the active language's format)."""
    return formats.date_format(timezone.localtime(when), "DATETIME_FORMAT")


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
        return format_time(value)
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
        article = lock_article(article, expected_version)
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
        append_revision_comment(
            _("Restored the revision of %(time)s by %(person)s.")
            % {"time": format_time(version.revision.date_created), "person": _person(version.revision.user)}
        )
        reversion.add_to_revision(article)
    return article


def _restore_links(manager, target_model, pks, build):
    existing = set(target_model.objects.filter(pk__in=pks).values_list("pk", flat=True))
    manager.all().delete()
    manager.model.objects.bulk_create(
        [build(pk, order) for order, pk in enumerate(pk for pk in dict.fromkeys(pks) if pk in existing)]
    )
