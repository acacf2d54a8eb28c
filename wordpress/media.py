"""Attachments into Images, from a copy of ``wp-content/uploads`` (``--media-dir``).

An attachment whose file is found becomes an Image (validated and re-encoded like any upload,
alt text from ``_wp_attachment_image_alt``, caption from its excerpt, credit from the photo's
IPTC data WordPress keeps). A missing file is a warning; the posts that use it still import.
With ``fetch_media`` (``--fetch-media``, command line only: an uploaded export must not make
the server fetch addresses of its choosing), a file missing from the folder is fetched from its
WordPress address, with a timeout and the upload size limit.

Old picture addresses keep working: every run makes the attachment's ``wp-content/uploads``
addresses lead (301) to the imported picture, as pages show it, from a rendition: the
original's address and WordPress's ``-scaled`` copy to the widest one, a resized copy
(``photo-300x200.jpg``, named in the attachment's metadata or used in a post body) to the
narrowest at least as wide. Renditions are made when a picture is imported, as after an
upload in the admin; a picture without any (made by an older import, or whose renditions
could not be made) has its old addresses lead to its file, stored re-encoded without camera
or location data. Nothing is made in a dry run.
"""

from __future__ import annotations

import html
import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import Request, urlopen

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from articles.images import generate_renditions
from articles.models import Article, Image
from articles.uploads import max_upload_bytes, validate_image_file
from redirects.services import redirect_paths, redirects_point
from wordpress.context import Context, checksum
from wordpress.models import Kind
from wordpress.wxr import Record

FETCH_TIMEOUT = 10  # seconds per file
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".gif", ".webp"}
# WordPress's resized copies: photo-300x200.jpg, photo-scaled.jpg, photo-e1600000000000.jpg.
_SIZE_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated|e\d{10,})(?=\.\w+$)")
_CREDIT = re.compile(r's:6:"credit";s:\d+:"([^"]*)";')
_UPLOADS = "/wp-content/uploads/"
# File names in the serialised _wp_attachment_metadata: the original, its resized copies and,
# since WordPress 5.3, the original behind a "-scaled" copy.
_METADATA_FILE = re.compile(r's:(?:4:"file"|14:"original_image");s:\d+:"([^"]+)";')
_RESIZED_WIDTH = re.compile(r"-(\d+)x\d+\.\w+$")


def url_key(url: str) -> str:
    """An image address without host, scheme or size suffix, to match resized copies too."""
    path = unquote(urlsplit(url or "").path)
    return _SIZE_SUFFIX.sub("", path).lower()


def _relative_path(record: Record) -> str:
    attached = record.meta.get("_wp_attached_file", "")
    if attached:
        return attached
    path = unquote(urlsplit(record.get("wp:attachment_url")).path)
    return path.split(_UPLOADS, 1)[1] if _UPLOADS in path else PurePosixPath(path).name


def _read_file(ctx: Context, relative: str) -> bytes | None:
    media_dir = ctx.options.media_dir
    if media_dir is None or not relative:
        return None
    candidate = (media_dir / relative).resolve()
    # Never read outside the media folder, whatever the export claims.
    if not candidate.is_relative_to(media_dir.resolve()) or not candidate.is_file():
        return None
    return candidate.read_bytes()


def _fetch(ctx: Context, url: str) -> bytes | None:
    """The file over HTTP(S), within a timeout and the upload size limit; None on any failure."""
    if not ctx.options.fetch_media or urlsplit(url).scheme not in ("http", "https"):
        return None
    limit = max_upload_bytes()
    try:
        with urlopen(
            Request(url, headers={"User-Agent": "newsroom-wordpress-import"}), timeout=FETCH_TIMEOUT
        ) as response:
            content = response.read(limit + 1)
    except (OSError, ValueError):
        return None
    return content if len(content) <= limit else None


def import_attachment(ctx: Context, record: Record) -> None:
    wp_id = record.int("wp:post_id")
    # Its attachment page (``…/post-slug/photo/``, ``/?attachment_id=ID``) is pointed once the
    # posts exist (``attachment_page_redirects``).
    ctx.attachment_pages[wp_id] = (record.get("link"), record.int("wp:post_parent"))
    title = html.unescape(record.get("title"))
    url = record.get("wp:attachment_url") or record.get("guid")
    relative = _relative_path(record)
    alt = html.unescape(record.meta.get("_wp_attachment_image_alt", ""))[:250]
    caption = html.unescape(record.get("excerpt:encoded")).strip()[:300]
    credit_match = _CREDIT.search(record.meta.get("_wp_attachment_metadata", ""))
    credit = html.unescape(credit_match.group(1))[:150] if credit_match else ""
    texts = {"alt_text": alt, "caption": caption, "credit": credit}
    data = checksum(url, relative, texts)
    existing = ctx.record(Kind.ATTACHMENT, wp_id)
    image = Image.objects.filter(pk=existing.object_id).first() if existing else None
    if image is not None:
        ctx.attachments[wp_id] = image.pk
        ctx.attachment_urls[url_key(url)] = image.pk
        picture_redirects(ctx, image, _old_picture_addresses(record, url))
        if existing.checksum == data:
            ctx.report.count("images", "unchanged")
            return
        for name, value in texts.items():
            for code in ("en", "ar"):
                setattr(image, f"{name}_{code}", value)
        image.save()
        ctx.remember(Kind.ATTACHMENT, wp_id, image.pk, data)
        ctx.report.count("images", "updated")
        return
    if PurePosixPath(relative).suffix.lower() not in IMAGE_SUFFIXES:
        ctx.report.count("images", "skipped")
        ctx.report.warn(
            _("attachment is not a picture, not imported: %(url)s") % {"url": url}, wp_id=wp_id, title=title
        )
        return
    content = _read_file(ctx, relative) or _fetch(ctx, url)
    if content is None:
        ctx.report.count("images", "skipped")
        if ctx.options.media_dir:
            message = _("picture file not found in the media folder: %(file)s")
            if ctx.options.fetch_media:
                message = _("picture file not found in the media folder nor at its address: %(file)s")
        elif ctx.options.fetch_media:
            message = _("picture file not found at its address: %(file)s")
        else:
            message = _("picture file not imported (no media folder given): %(file)s")
        ctx.report.warn(message % {"file": relative}, wp_id=wp_id, title=title)
        return
    if ctx.options.dry_run:
        # Checked like an upload, but no file is written: a dry run leaves nothing behind.
        try:
            validate_image_file(ContentFile(content, name=PurePosixPath(relative).name))
        except ValidationError as error:
            ctx.report.count("images", "skipped")
            ctx.report.warn(
                _("picture refused (%(reason)s): %(file)s")
                % {"reason": "; ".join(error.messages), "file": relative},
                wp_id=wp_id,
                title=title,
            )
            return
        ctx.report.count("images", "imported")
        return
    image = Image(**{f"{name}_{code}": value for name, value in texts.items() for code in ("en", "ar")})
    image.file = ContentFile(content, name=PurePosixPath(relative).name)
    try:
        with transaction.atomic():
            image.save()
    except ValidationError as error:
        ctx.report.count("images", "skipped")
        ctx.report.warn(
            _("picture refused (%(reason)s): %(file)s")
            % {"reason": "; ".join(error.messages), "file": relative},
            wp_id=wp_id,
            title=title,
        )
        return
    ctx.attachments[wp_id] = image.pk
    ctx.attachment_urls[url_key(url)] = image.pk
    ctx.remember(Kind.ATTACHMENT, wp_id, image.pk, data)
    ctx.report.count("images", "imported")
    # Made now, as after an upload in the admin: pages and old addresses both use them.
    sizes = _sizes(generate_renditions(image))
    picture_redirects(ctx, image, _old_picture_addresses(record, url), sizes=sizes)


def image_url(ctx: Context, attachment_id: int | None, url: str) -> str | None:
    """Our address for a picture a post body shows (its largest fallback rendition), or None."""
    pk = ctx.attachments.get(attachment_id) if attachment_id else None
    pk = pk or ctx.attachment_urls.get(url_key(url))
    if pk is None:
        return None
    image = None
    if pk not in ctx.image_urls:
        image = Image.objects.get(pk=pk)
        renditions = _sizes(generate_renditions(image))
        ctx.image_urls[pk] = renditions[-1][1] if renditions else image.file.url
        ctx.image_sizes[pk] = renditions
    if _UPLOADS in urlsplit(url).path:  # a copy in the uploads folder, not any address of a body
        picture_redirects(
            ctx, image or Image(pk=pk), [url], sizes=ctx.image_sizes[pk], fallback=ctx.image_urls[pk]
        )
    return ctx.image_urls[pk]


def image_alt(ctx: Context, attachment_id: int) -> str:
    """The alternative text of an imported attachment ("" if it was not imported)."""
    pk = ctx.attachments.get(attachment_id)
    if pk is None:
        return ""
    if pk not in ctx.image_alts:
        ctx.image_alts[pk] = Image.objects.filter(pk=pk).values_list("alt_text_en", flat=True).first() or ""
    return ctx.image_alts[pk]


def _sizes(renditions) -> list[tuple[int, str]]:
    """(width, address) of the JPEG/PNG renditions, narrowest first (every browser shows them),
    else of the WebP ones."""
    fallback = [r for r in renditions if r.format != "webp"] or list(renditions)
    return sorted((r.width, r.file.url) for r in fallback)


def _old_picture_addresses(record: Record, url: str) -> list[str]:
    """The attachment's address and those of its copies WordPress lists in its metadata."""
    if not url:
        return []
    addresses = [url]
    for name in _METADATA_FILE.findall(record.meta.get("_wp_attachment_metadata", "")):
        # Resized copies are named without their folder: they sit beside the original.
        addresses.append(urljoin(url, PurePosixPath(name).name))
    return addresses


def picture_redirects(ctx: Context, image: Image, addresses, sizes=None, fallback: str = "") -> None:
    """Old ``wp-content/uploads`` addresses of ``image`` lead to a rendition (or its file).

    ``sizes`` are its renditions as ``_sizes`` gives them (read when not given); ``fallback``
    is where an address without a size goes when there are none (the picture's file).
    """
    if ctx.options.dry_run:
        return
    if sizes is None:
        sizes = _sizes(image.renditions.all())
    fallback = fallback or (image.file.url if image.file else "")
    targets = {}
    for address in addresses:
        path = urlsplit(address).path
        if not path or PurePosixPath(path).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        width = _RESIZED_WIDTH.search(path)
        if not sizes:
            targets[path] = fallback
            continue
        wanted = int(width.group(1)) if width else sizes[-1][0]
        # The narrowest rendition at least as wide as the old copy, else the widest there is.
        targets[path] = next((u for w, u in sizes if w >= wanted), sizes[-1][1])
    redirect_paths(targets=targets, language=ctx.site_language())


def attachment_page_redirects(ctx: Context) -> None:
    """After the posts: each attachment page leads to the article of the post it was attached
    to (where WordPress showed it), else to the picture itself; neither imported, nowhere."""
    if ctx.options.dry_run:
        return
    for wp_id, (link, parent) in ctx.attachment_pages.items():
        old_paths = [path for path in (link, f"/?attachment_id={wp_id}") if path]
        found = ctx.record(Kind.POST, parent) if parent else None
        article = Article.objects.filter(pk=found.object_id).first() if found else None
        if article is not None:
            language = found.language or ctx.site_language()
            redirects_point(old_paths=old_paths, target=article, language=language)
        elif wp_id in ctx.attachments:
            image = Image.objects.get(pk=ctx.attachments[wp_id])
            sizes = ctx.image_sizes.get(image.pk) or _sizes(image.renditions.all())
            target = sizes[-1][1] if sizes else image.file.url
            redirect_paths(targets=dict.fromkeys(old_paths, target), language=ctx.site_language())
