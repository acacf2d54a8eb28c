"""The channel header: authors, categories and tags, and the translation groups of terms
(Polylang's ``term_translations``, or WPML's term meta) and of Polylang's posts."""

from __future__ import annotations

import html
import re

from django.contrib.auth import get_user_model
from django.utils.text import slugify

from articles.models import Author, Section, Tag
from redirects.services import redirects_point
from wordpress import wpml
from wordpress.content import guess_language
from wordpress.context import LANGUAGES, Context, checksum, decode_slug
from wordpress.models import Kind
from wordpress.wxr import Record

_SERIALIZED_PAIR = re.compile(r's:\d+:"([A-Za-z_-]+)";i:(\d+);')


def translation_groups(description: str) -> dict:
    """Polylang's ``a:2:{s:2:"en";i:12;s:2:"ar";i:13;}`` as {"en": 12, "ar": 13}."""
    return {lang.split("_")[0]: int(pk) for lang, pk in _SERIALIZED_PAIR.findall(description or "")}


def import_author(ctx: Context, record: Record) -> None:
    login = record.get("wp:author_login")
    if not login:
        return
    name = html.unescape(record.get("wp:author_display_name") or login)[:120]
    data = checksum(login, name, record.get("wp:author_email"), record.get("wp:author_first_name"))
    existing = ctx.record(Kind.AUTHOR, login)
    if existing and Author.objects.filter(pk=existing.object_id).exists():
        ctx.authors[login] = existing.object_id
        if existing.checksum == data:
            ctx.report.count("authors", "unchanged")
            return
        Author.objects.filter(pk=existing.object_id).update(display_name_en=name, display_name_ar=name)
        ctx.remember(Kind.AUTHOR, login, existing.object_id, data)
        ctx.report.count("authors", "updated")
        return
    User = get_user_model()
    username, n = login[:140], 1
    while User.objects.filter(username=username).exists():
        # Never attach an imported byline to an account of this site that has the same name.
        n += 1
        username = f"wp-{login}"[:140] if n == 2 else f"wp-{login}-{n}"[:150]
    user = User(
        username=username,
        email=record.get("wp:author_email"),
        first_name=html.unescape(record.get("wp:author_first_name"))[:150],
        last_name=html.unescape(record.get("wp:author_last_name"))[:150],
        is_active=False,
        is_staff=False,
    )
    user.set_unusable_password()
    user.save()
    base = slugify(login) or "author"
    slug, n = base, 1
    while Author.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    author = Author.objects.create(user=user, display_name_en=name, display_name_ar=name, slug=slug)
    ctx.authors[login] = author.pk
    ctx.remember(Kind.AUTHOR, login, author.pk, data)
    ctx.report.count("authors", "imported")
    redirects_point(
        old_paths=[f"/author/{login}/", f"/author/{slug}/"], target=author, language=ctx.site_language()
    )


def _term_language(ctx: Context, record: Record, term_id: int, name: str) -> str:
    for language, other in ctx.term_groups.get(term_id, {}).items():
        if other == term_id:
            return language
    return wpml.language(record.meta) or guess_language(name) or ctx.site_language()


def _import_term(ctx: Context, record: Record, kind: str) -> None:
    """A category (Section) or tag (Tag); a Polylang pair of terms becomes one, both languages filled."""
    if kind == Kind.CATEGORY:
        model, store, outcome_key = Section, ctx.sections, "sections"
        nicename, name = record.get("wp:category_nicename"), record.get("wp:cat_name")
    else:
        model, store, outcome_key = Tag, ctx.tags, "tags"
        nicename, name = record.get("wp:tag_slug"), record.get("wp:tag_name")
    term_id = record.int("wp:term_id")
    name = html.unescape(name or nicename)[:80]
    slug = decode_slug(nicename)[:80] or slugify(name, allow_unicode=True)[:80] or f"term-{term_id}"
    wp_key = term_id or nicename
    language = _term_language(ctx, record, term_id, name)
    group = ctx.term_groups.get(term_id, {})
    data = checksum(name, slug, language)
    existing = ctx.record(kind, wp_key)
    partner = next(
        (r for r in (ctx.record(kind, other) for lang, other in group.items() if other != term_id) if r), None
    )
    target = existing or partner
    obj = model.objects.filter(pk=target.object_id).first() if target else None
    if kind == Kind.CATEGORY:
        parent = record.get("wp:category_parent")
        ctx.category_paths[nicename] = (
            f"{ctx.category_paths.get(parent, parent)}/{nicename}" if parent else nicename
        )
    if obj is not None and existing and existing.checksum == data:
        store[nicename] = obj.pk
        ctx.report.count(outcome_key, "unchanged")
        return
    values = {f"name_{language}": name, f"slug_{language}": slug}
    if obj is None:
        # A section or tag this site already has under the same address is the same one:
        # two with one slug would make its page ambiguous.
        obj = model.objects.filter(**{f"slug_{language}": slug}).first()
        if obj is not None:
            store[nicename] = obj.pk
            ctx.remember(kind, wp_key, obj.pk, data, language=language)
            ctx.report.count(outcome_key, "unchanged")
            _term_redirects(ctx, record, kind, nicename, obj, language)
            return
        obj = model(**values)
        if not group:
            # Not a translated term: the same name in both languages rather than an empty menu entry.
            for other in LANGUAGES:
                setattr(obj, f"name_{other}", getattr(obj, f"name_{other}", "") or name)
                setattr(obj, f"slug_{other}", getattr(obj, f"slug_{other}", "") or slug)
        obj.save()
        ctx.report.count(outcome_key, "imported")
    else:
        values[f"slug_{language}"] = _free_slug(model, language, slug, obj.pk)
        for attribute, value in values.items():
            setattr(obj, attribute, value)
        obj.save()
        ctx.report.count(outcome_key, "updated" if existing else "imported")
    store[nicename] = obj.pk
    ctx.remember(kind, wp_key, obj.pk, data, language=language)
    _term_redirects(ctx, record, kind, nicename, obj, language)


def _free_slug(model, language: str, slug: str, pk) -> str:
    """``slug``, or ``slug-2``… when another section/tag has it (the other half of a pair
    matched an existing one of this site, and this half collides with a different one)."""
    candidate, n = slug, 1
    while model.objects.exclude(pk=pk).filter(**{f"slug_{language}": candidate}).exists():
        n += 1
        candidate = f"{slug[:75]}-{n}"
    return candidate


def _term_redirects(ctx: Context, record: Record, kind: str, nicename: str, obj, language: str) -> None:
    if kind == Kind.CATEGORY:
        parent = record.get("wp:category_parent")
        ctx.category_paths[nicename] = (
            f"{ctx.category_paths.get(parent, parent)}/{nicename}" if parent else nicename
        )
        prefix, paths = "category", {nicename, ctx.category_paths[nicename]}
    else:
        prefix, paths = "tag", {nicename}
    old = [f"{lead}/{prefix}/{path}/" for path in paths for lead in ("", f"/{language}")]
    redirects_point(old_paths=old, target=obj, language=language)


def import_header(ctx: Context, header: list[Record]) -> None:
    for record in header:
        if record.kind == "term" and record.get("wp:term_taxonomy") in (
            "post_translations",
            "term_translations",
        ):
            group = translation_groups(record.get("wp:term_description"))
            target = ctx.groups if record.get("wp:term_taxonomy") == "post_translations" else ctx.term_groups
            for pk in group.values():
                target[pk] = group
    for pk, group in wpml.term_groups(header).items():
        ctx.term_groups.setdefault(pk, group)  # Polylang's word first, as for posts
    fresh = []
    for record in header:
        key = (
            record.kind,
            record.get("wp:author_login")
            or record.get("wp:term_id")
            or record.get("wp:category_nicename")
            or record.get("wp:tag_slug"),
        )
        if key not in ctx.seen_header:
            ctx.seen_header.add(key)
            fresh.append(record)
    header = fresh
    for record in header:
        if record.kind == "author":
            import_author(ctx, record)
    # Parents first, so a child's old address can include its parent's path.
    categories = [r for r in header if r.kind == "category"]
    known = {r.get("wp:category_nicename") for r in categories}
    done: set = set()
    while categories:
        ready = [
            r
            for r in categories
            if not r.get("wp:category_parent")
            or r.get("wp:category_parent") in done
            or r.get("wp:category_parent") not in known
        ]
        for record in ready or categories:
            _import_term(ctx, record, Kind.CATEGORY)
            done.add(record.get("wp:category_nicename"))
        categories = [r for r in categories if r.get("wp:category_nicename") not in done]
    for record in header:
        if record.kind == "tag":
            _import_term(ctx, record, Kind.TAG)
