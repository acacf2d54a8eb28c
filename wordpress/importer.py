"""``wordpress_import``: one or more WXR files into articles, comments, images and redirects.

Two streamed passes over the files, inside one transaction (a fatal error, such as a file
that is not WXR or is hostile, leaves the database exactly as it was):

1. the channel header (authors, categories, tags, Polylang translation groups) and the
   attachments: authors, sections, tags and images exist before any post needs them; WPML's
   translation groups (post meta) are gathered on the way and joined at the end of the pass;
2. posts and pages, each with its comments, in a savepoint of its own: one bad post is
   reported and the others go on.

Imports take turns: each holds a PostgreSQL advisory lock for its whole transaction, so two
runs at once (two uploads, two workers, the command beside the admin) never write the same
records together; the second waits, then finds what the first made and updates it.

Everything made is remembered in ``ImportRecord`` (WordPress site + kind + id), so a second
run updates what changed, creates no duplicates, and leaves alone an article an editor has
changed here since the last import.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from articles.models import Section
from redirects.services import redirect_path
from wordpress import media, posts, wpml
from wordpress.context import Context, Options, visible_status
from wordpress.header import import_header
from wordpress.report import Report
from wordpress.wxr import Record, Site, WXRError, read_wxr


def _first_pass(ctx: Context, path: Path) -> None:
    header: list[Record] = []
    header_done = False
    for record in read_wxr(path):
        if isinstance(record, Site):
            ctx.site = record
            continue
        if record.kind != "item":
            header.append(record)
            continue
        if not header_done:
            import_header(ctx, header)
            header, header_done = [], True
        post_type = record.get("wp:post_type")
        if post_type == "attachment":
            media.import_attachment(ctx, record)
        elif post_type in ("post", "page"):
            ctx.posts_total += 1
            if record.int("wp:post_id") in ctx.groups:
                ctx.group_status[record.int("wp:post_id")] = visible_status(record)
            wpml.note_post(ctx, record)
    if not header_done:
        import_header(ctx, header)


def _second_pass(ctx: Context, path: Path) -> None:
    for record in read_wxr(path):
        if isinstance(record, Site):
            ctx.site = record
            continue
        if record.kind != "item" or record.get("wp:post_type") == "attachment":
            continue
        posts.import_item(ctx, record)
        if record.get("wp:post_type") in ("post", "page"):
            ctx.posts_done += 1
            if ctx.options.progress:
                ctx.options.progress(ctx.posts_done, ctx.posts_total)


def _site_feeds(ctx: Context) -> None:
    """The site's own feeds (``/feed/``, ``?feed=rss2``…) lead to ours in the site's language;
    with Polylang, ``/ar/feed/`` is already our Arabic feed's address."""
    language = ctx.site_language()
    with translation.override(language):
        rss, atom = reverse("articles:feed"), reverse("articles:feed-atom")
    for old, new in [("/feed/", rss), ("/?feed=rss2", rss), ("/feed/atom/", atom), ("/?feed=atom", atom)]:
        redirect_path(old_path=old, target_path=new, language=language)
    redirect_path(old_path="/comments/feed/", target_path=rss, language=language)


# pg_advisory_xact_lock(IMPORT_LOCK, 0): one import at a time on this database.
IMPORT_LOCK = 0x5750  # "WP"


def _take_turn(waiting: Callable[[], None] | None) -> None:
    """Hold the import lock until the transaction ends; wait (after telling ``waiting``) while
    another import holds it."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_xact_lock(%s, 0)", [IMPORT_LOCK])
        if cursor.fetchone()[0]:
            return
        if waiting:
            waiting()
        cursor.execute("SELECT pg_advisory_xact_lock(%s, 0)", [IMPORT_LOCK])


def wordpress_import(
    *,
    paths,
    media_dir=None,
    dry_run: bool = False,
    language: str = "auto",
    default_section: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    fetch_media: bool = False,
    waiting: Callable[[], None] | None = None,
) -> Report:
    """Import WXR files together; returns the report. Raises ``WXRError`` (nothing saved) when
    a file cannot be imported at all. ``dry_run`` does all the work and then rolls it back.
    ``waiting`` is called once if another import is running and this one has to wait for it."""
    options = Options(
        media_dir=Path(media_dir) if media_dir else None,
        dry_run=dry_run,
        language=language,
        default_section=default_section,
        progress=progress,
        fetch_media=fetch_media,
    )
    ctx = Context(options=options, report=Report(dry_run=dry_run))
    paths = [Path(p) for p in paths]
    with transaction.atomic():
        _take_turn(waiting)
        if default_section:
            section = (
                Section.objects.filter(slug_en=default_section).first()
                or Section.objects.filter(slug_ar=default_section).first()
            )
            if section is None:
                raise WXRError(
                    _("No section with the slug “%(slug)s” (--default-section).") % {"slug": default_section}
                )
            ctx.default_section_pk = section.pk
        for path in paths:
            _first_pass(ctx, path)
        wpml.close_groups(ctx)
        for path in paths:
            _second_pass(ctx, path)
        _site_feeds(ctx)
        media.attachment_page_redirects(ctx)
        if dry_run:
            transaction.set_rollback(True)
    return ctx.report.finish()
