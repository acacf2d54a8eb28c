"""One WordPress post (an ``<item>``) into an Article, its old addresses and its comments.

Decisions (README, "Importing from WordPress"):

* status ``publish`` → published at ``post_date_gmt``; ``future`` → published with that future
  time (scheduled); ``draft`` → draft; ``pending`` → in review; ``private`` → unpublished (kept
  for editors, never public); ``trash`` → archived; a password-protected post → unpublished.
* The section is Yoast's primary category when set, else the first category; the hierarchy is
  flattened (old addresses with the parent's path still lead to the section).
* A Polylang pair (or a WPML translation group, ``wordpress.wpml``) is one Article with both
  languages. When the two posts of a pair are not in
  the same state, the less public one's text is left out of a published article (it would go
  live otherwise), with a warning.
* Pages: the privacy policy page becomes a draft of the Privacy & Cookies Policy
  (``wordpress.pages``); others are listed in the report (this site has no free pages).
"""

from __future__ import annotations

import html
from datetime import UTC

import reversion
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from articles.models import Article, ArticleAuthor, Section, Status
from redirects.services import redirects_point
from wordpress import discussion, wpml
from wordpress.content import convert_content, guess_language, plain_text
from wordpress.context import checksum, decode_slug, visible_status
from wordpress.header import import_author
from wordpress.media import image_alt, image_url
from wordpress.models import ImportRecord, Kind
from wordpress.pages import import_page
from wordpress.wxr import Record

# Most public first: a Polylang pair takes the most public state of its two posts.
_RANK = {Status.PUBLISHED: 0, Status.REVIEW: 1, Status.DRAFT: 2, Status.UNPUBLISHED: 3, Status.ARCHIVED: 4}
_STATUSES = {
    "publish": Status.PUBLISHED,
    "future": Status.PUBLISHED,
    "draft": Status.DRAFT,
    "pending": Status.REVIEW,
    "private": Status.UNPUBLISHED,
    "trash": Status.ARCHIVED,
    "password": Status.UNPUBLISHED,  # published behind a password (``visible_status``)
}


def parse_wp_date(value: str):
    """``2024-03-15 09:30:00`` (UTC for the ``_gmt`` fields) as an aware datetime, or None."""
    if not value or value.startswith("0000"):
        return None
    parsed = parse_datetime(value.replace(" ", "T"))
    if parsed is None:
        return None
    return parsed if timezone.is_aware(parsed) else parsed.replace(tzinfo=UTC)


def post_status(record) -> str:
    return _STATUSES.get(visible_status(record), Status.DRAFT)


def post_language(ctx, record) -> str:
    for domain, nicename, _text in record.categories:
        if domain == "language" and nicename.split("_")[0] in ("en", "ar"):
            return nicename.split("_")[0]
    from_wpml = wpml.language(record.meta)
    if from_wpml:
        return from_wpml
    if ctx.options.language in ("en", "ar"):
        return ctx.options.language
    return guess_language(record.get("title"), record.get("content:encoded")) or ctx.site_language()


def _old_addresses(ctx, record, slug_raw: str, language: str) -> list[str]:
    wp_id = record.get("wp:post_id")
    local = parse_wp_date(record.get("wp:post_date"))
    paths = [record.get("link"), f"/?p={wp_id}", record.get("guid")]
    if local and slug_raw:
        for lead in ("", f"/{language}"):
            paths += [f"{lead}/{local:%Y/%m/%d}/{slug_raw}/", f"{lead}/{local:%Y/%m}/{slug_raw}/"]
    return [p for p in paths if p and (p.startswith("/") or p.startswith(("http://", "https://")))]


def _image_lookup(ctx):
    return lambda attachment_id, url: image_url(ctx, attachment_id, url)


def _section_pk(ctx, record) -> int:
    primary = record.meta.get("_yoast_wpseo_primary_category")
    categories = [nicename for domain, nicename, _t in record.categories if domain == "category"]
    if primary and primary.isdigit():
        found = ImportRecord.objects.filter(site=ctx.site.key, kind=Kind.CATEGORY, wp_id=primary).first()
        if found:
            return found.object_id
    for nicename in categories:
        if nicename in ctx.sections:
            return ctx.sections[nicename]
    if ctx.default_section_pk is None:
        section, _created = Section.objects.get_or_create(
            slug_en="uncategorized",
            defaults={"name_en": "Uncategorized", "name_ar": "غير مصنف", "slug_ar": "غير-مصنف"},
        )
        ctx.default_section_pk = section.pk
    return ctx.default_section_pk


def _slug(record) -> str:
    """The post's slug; a trashed post's without the ``__trashed`` WordPress adds to it."""
    slug = record.get("wp:post_name")
    if slug.endswith("__trashed"):
        return record.meta.get("_wp_desired_post_slug") or slug.removesuffix("__trashed")
    return slug


def _unique_slug(article, language: str, slug: str, wp_id) -> str:
    taken = Article.objects.exclude(pk=article.pk).filter(**{f"slug_{language}": slug}).exists()
    return f"{slug[:230]}-{wp_id}" if slug and taken else slug


def import_item(ctx, record) -> None:
    post_type = record.get("wp:post_type")
    wp_id, title = record.int("wp:post_id"), html.unescape(record.get("title"))
    if post_type not in ("post", "page"):
        ctx.report.count("other", "skipped")
        return
    if record.get("wp:status") in ("auto-draft", "inherit"):
        ctx.report.count(f"{post_type}s", "skipped")
        return
    try:
        # A savepoint per item: whatever goes wrong with one is undone alone, and reported.
        with transaction.atomic():
            if post_type == "page":
                import_page(ctx, record, post_language(ctx, record))
            else:
                _import_post(ctx, record, wp_id, title)
    except (ValidationError, ValueError, DatabaseError) as error:
        messages = error.messages if isinstance(error, ValidationError) else [str(error)]
        ctx.report.count(f"{post_type}s", "skipped")
        ctx.report.warn(
            _("not imported: %(reasons)s") % {"reasons": "; ".join(messages)}, wp_id=wp_id, title=title
        )


def _import_post(ctx, record, wp_id: int, title: str) -> None:
    language = post_language(ctx, record)
    status = post_status(record)
    group = ctx.groups.get(wp_id, {})
    member_states = [
        post_status_of(ctx.group_status.get(pk)) for pk in group.values() if pk in ctx.group_status
    ]
    group_status = min([status, *member_states], key=_RANK.get)
    converted = convert_content(
        record.get("content:encoded"), images=_image_lookup(ctx), alts=lambda pk: image_alt(ctx, pk)
    )
    data_checksum = _checksum(record, language)

    existing = ctx.record(Kind.POST, wp_id)
    partner = next(
        (r for r in (ctx.record(Kind.POST, pk) for pk in group.values() if pk != wp_id) if r), None
    )
    link = existing or partner
    article = Article.objects.filter(pk=link.object_id).first() if link else None
    if article is not None:
        if existing and existing.checksum == data_checksum:
            ctx.report.count("posts", "unchanged")
            discussion.import_comments(ctx, record, article, language)
            return
        if link.version_seen is not None and article.version != link.version_seen:
            ctx.report.count("posts", "skipped")
            ctx.report.warn(
                _("changed here since the last import: kept as edited here, not overwritten"),
                wp_id=wp_id,
                title=title,
            )
            if existing is None:
                ctx.remember(Kind.POST, wp_id, article.pk, data_checksum, language=language)
            return
    creating = article is None
    if creating:
        article = Article(section_id=_section_pk(ctx, record))
        # WPML says which language a translation came from: the article was written in that one.
        source = wpml.source_language(record.meta)
        if group and source and source != language:
            article.original_language = source

    for name in converted.unknown_shortcodes:
        ctx.report.unknown_shortcodes[name] += 1
    if converted.unknown_shortcodes:
        names = ", ".join(f"[{n}]" for n in converted.unknown_shortcodes)
        ctx.report.warn(_("shortcodes kept as text: %(names)s") % {"names": names}, wp_id=wp_id, title=title)
    for missing in converted.missing_images:
        ctx.report.warn(
            _("image in the body not imported: %(image)s") % {"image": missing}, wp_id=wp_id, title=title
        )

    if status != group_status and group_status == Status.PUBLISHED and _RANK[status] > _RANK[group_status]:
        ctx.report.warn(
            _(
                "the %(language)s translation is “%(state)s” in WordPress while its pair is published: "
                "its text is left out so it does not go live"
            )
            % {"language": language, "state": visible_status(record)},
            wp_id=wp_id,
            title=title,
        )
        wrote_text = False
    else:
        wrote_text = True
        slug_raw = _slug(record)
        article_fields = {
            f"headline_{language}": plain_text(title)[:250],
            f"slug_{language}": _unique_slug(article, language, decode_slug(slug_raw), wp_id),
            f"summary_{language}": plain_text(record.get("excerpt:encoded")),
            f"body_{language}": converted.html,
        }
        for attribute, value in article_fields.items():
            setattr(article, attribute, value)
    # The article as a whole follows the post it was first written as (or a more public one).
    leads = creating or not group or language == article.original_language
    leads = leads or _RANK[group_status] < _RANK.get(article.status, 9)
    if leads:
        _shared_fields(ctx, record, article, group_status)

    article.full_clean(exclude=["section", "lead_image", "slug"], validate_constraints=False)
    previous_update = None if creating else article.updated_at
    with reversion.create_revision():
        reversion.set_comment(f"Imported from WordPress ({ctx.site.key}, post {wp_id})")
        article.save()
    # WordPress's own dates, not the moment of the import (an update(), so no new version).
    created_at = parse_wp_date(record.get("wp:post_date_gmt")) or parse_wp_date(record.get("wp:post_date"))
    modified = parse_wp_date(record.get("wp:post_modified_gmt")) or created_at
    if modified:
        dates = {"updated_at": max(filter(None, [modified, previous_update]))}
        if leads and created_at:
            dates["created_at"] = created_at
        if wrote_text:
            # Readers are told "Updated" from this: WordPress's last change, not the import's.
            dates[f"edited_{language}_at"] = modified
        Article.objects.filter(pk=article.pk).update(**dates)
    _bylines(ctx, record, article, wp_id, title)
    _tags(ctx, record, article)
    ctx.remember(Kind.POST, wp_id, article.pk, data_checksum, language=language)
    ImportRecord.objects.filter(kind=Kind.POST, object_id=article.pk).update(version_seen=article.version)
    ctx.report.count("posts", "imported" if existing is None else "updated")
    redirects_point(
        old_paths=_old_addresses(ctx, record, record.get("wp:post_name"), language),
        target=article,
        language=language,
    )
    discussion.import_comments(ctx, record, article, language)


def post_status_of(wp_status: str | None) -> str:
    return _STATUSES.get(wp_status or "", Status.DRAFT)


def _shared_fields(ctx, record, article, status: str) -> None:
    """Fields of the article as a whole (not per language): state, time, flags, lead image."""
    article.status = status
    date = parse_wp_date(record.get("wp:post_date_gmt")) or parse_wp_date(record.get("wp:post_date"))
    if status == Status.PUBLISHED or record.get("wp:status") in ("publish", "future", "private"):
        article.publish_at = date or timezone.now()
    article.featured = record.get("wp:is_sticky") == "1"
    article.comments_open = record.get("wp:comment_status", "open") == "open"
    thumbnail = record.meta.get("_thumbnail_id", "")
    if thumbnail.isdigit() and int(thumbnail) in ctx.attachments:
        article.lead_image_id = ctx.attachments[int(thumbnail)]
    elif thumbnail:
        ctx.report.warn(
            _("featured image (attachment %(id)s) not imported") % {"id": thumbnail},
            wp_id=record.get("wp:post_id"),
            title=html.unescape(record.get("title")),
        )
    if record.get("wp:post_password"):
        ctx.report.warn(
            _("password-protected in WordPress: imported unpublished"),
            wp_id=record.get("wp:post_id"),
            title=html.unescape(record.get("title")),
        )
    elif record.get("wp:status") == "private":
        ctx.report.warn(
            _("private in WordPress: imported unpublished (editors see it, readers do not)"),
            wp_id=record.get("wp:post_id"),
            title=html.unescape(record.get("title")),
        )


def _bylines(ctx, record, article, wp_id, title) -> None:
    login = record.get("dc:creator")
    if not login:
        return
    author_pk = ctx.authors.get(login)
    if author_pk is None and ctx.site.version == "1.0":
        # WXR 1.0 lists no authors: the creator's login is all there is.
        import_author(ctx, Record(kind="author", fields={"wp:author_login": login}))
        author_pk = ctx.authors.get(login)
    if author_pk is None:
        ctx.report.warn(
            _("unknown author “%(login)s”: imported without a byline") % {"login": login},
            wp_id=wp_id,
            title=title,
        )
        return
    if not ArticleAuthor.objects.filter(article=article, author_id=author_pk).exists():
        order = ArticleAuthor.objects.filter(article=article).count()
        ArticleAuthor.objects.create(article=article, author_id=author_pk, order=order)


def _tags(ctx, record, article) -> None:
    pks = [ctx.tags[n] for domain, n, _t in record.categories if domain == "post_tag" and n in ctx.tags]
    if pks:
        article.tags.add(*pks)


def _checksum(record, language: str) -> str:
    return checksum(
        language,
        record.fields,
        sorted(record.categories),
        {k: v for k, v in record.meta.items() if k in ("_thumbnail_id", "_yoast_wpseo_primary_category")},
    )
