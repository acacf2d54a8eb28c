"""Responsive images: upload validation and resized renditions, made once and reused.

Every picture is served from renditions (``ImageRendition``), never from the uploaded
original: several widths (``RENDITION_WIDTHS``, never wider than the original), each in WebP
and in a fallback (JPEG, or PNG when the picture has transparency). Renditions carry no
metadata (EXIF GPS positions and camera serial numbers stay in the original only).

``generate_renditions(image)`` makes the missing ones; the admin and ``load_demo`` call it
after an upload (``refresh_renditions`` after the file is replaced). Pages call
``prefetch_renditions(images)`` once for all the pictures they show: the rendition lists come
from the cache or from one query, and an image that has none yet gets them made then, once.
"""

import io
import logging
from pathlib import PurePath

from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image as PILImage, ImageOps, UnidentifiedImageError

from articles.models import Image, ImageRendition
from articles.uploads import validate_image_file

logger = logging.getLogger(__name__)

RENDITION_WIDTHS = (480, 800, 1200, 1600)
WEBP = "webp"
MIME_TYPES = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}
CACHE_TIMEOUT = 60 * 60 * 24 * 7


def validate_image_upload(file) -> None:
    """Refuse anything but a real JPEG, PNG, WebP or GIF of sane size and pixel count.

    The checks live in ``articles.uploads`` (byte and pixel limits, full decode with Pillow);
    this name is what the upload forms call.
    """
    validate_image_file(file)


def rendition_widths(original_width: int) -> list[int]:
    """Widths to make for a picture: the standard ones below its width, then its width capped."""
    if original_width <= 0:
        return []
    widths = [w for w in RENDITION_WIDTHS if w < original_width]
    widths.append(min(original_width, RENDITION_WIDTHS[-1]))
    return sorted(set(widths))


def _has_alpha(picture) -> bool:
    return picture.mode in {"RGBA", "LA", "PA"} or (picture.mode == "P" and "transparency" in picture.info)


def fallback_format(picture) -> str:
    return "png" if _has_alpha(picture) else "jpeg"


def _encode(picture, fmt: str) -> bytes:
    buffer = io.BytesIO()
    if fmt == "jpeg":
        picture.convert("RGB").save(buffer, "JPEG", quality=82, optimize=True, progressive=True)
    elif fmt == "png":
        picture.save(buffer, "PNG", optimize=True)
    else:
        picture.save(buffer, "WEBP", quality=80, method=4)
    return buffer.getvalue()


def _open_source(image: Image):
    with image.file.open("rb") as handle:
        picture = PILImage.open(handle)
        picture.load()
    picture = ImageOps.exif_transpose(picture)
    if picture.mode not in {"RGB", "RGBA", "L", "LA"}:
        picture = picture.convert("RGBA" if _has_alpha(picture) else "RGB")
    return picture


def generate_renditions(image: Image) -> list[ImageRendition]:
    """Make the renditions ``image`` is still missing and return all of them (idempotent).

    Safe when two processes race for the same picture: the unique constraint keeps one
    rendition per width and format and the loser's file is removed.
    """
    existing = {(r.width, r.format): r for r in image.renditions.all()}
    if not image.file:
        return sorted(existing.values(), key=lambda r: (r.format, r.width))
    try:
        picture = _open_source(image)
    except (FileNotFoundError, OSError, UnidentifiedImageError, ValueError) as error:
        logger.warning("Image %s: cannot make renditions (%s)", image.pk, error)
        return sorted(existing.values(), key=lambda r: (r.format, r.width))
    fallback = fallback_format(picture)
    stem = PurePath(image.file.name).stem
    made = dict(existing)
    for width in rendition_widths(picture.width):
        wanted = [fmt for fmt in (WEBP, fallback) if (width, fmt) not in existing]
        if not wanted:
            continue
        height = max(1, round(picture.height * width / picture.width))
        resized = picture if width == picture.width else picture.resize((width, height), PILImage.LANCZOS)
        for fmt in wanted:
            rendition = ImageRendition(image=image, format=fmt)
            extension = "jpg" if fmt == "jpeg" else fmt
            try:
                rendition.file.save(
                    f"{stem}-{width}.{extension}", ContentFile(_encode(resized, fmt)), save=False
                )
            except OSError as error:  # the store went away: the page shows what exists
                logger.warning("Image %s: cannot store a rendition (%s)", image.pk, error)
                cache.delete(_cache_key(image))
                return sorted(made.values(), key=lambda r: (r.format, r.width))
            # The stored width is the requested one even if rounding made the file differ by a pixel.
            rendition.width, rendition.height = width, height
            try:
                with transaction.atomic():
                    rendition.save()
            except IntegrityError:
                rendition.file.delete(save=False)
                continue
            made[(width, fmt)] = rendition
    cache.delete(_cache_key(image))
    return sorted(made.values(), key=lambda r: (r.format, r.width))


def refresh_renditions(image: Image) -> list[ImageRendition]:
    """After the original file is replaced: drop the old renditions (and files), make new ones."""
    for rendition in image.renditions.all():
        rendition.file.delete(save=False)
        rendition.delete()
    cache.delete(_cache_key(image))
    return generate_renditions(image)


def _cache_key(image: Image) -> str:
    # The original's (random, never reused) file name is part of the key: a replaced file
    # never shows the previous picture's renditions.
    return f"articles:renditions:{image.pk}:{image.file.name}"


def _file_size(field) -> int:
    try:
        return field.size
    except OSError:
        return 0


def _describe(renditions) -> list[dict]:
    return [
        {
            "width": r.width,
            "height": r.height,
            "format": r.format,
            "url": r.file.url,
            "bytes": _file_size(r.file),
        }
        for r in sorted(renditions, key=lambda r: (r.format, r.width))
    ]


def prefetch_renditions(images) -> None:
    """Attach ``image.rendition_list`` to every image given, in at most one query.

    Lists come from the cache when they can; the rest from one query; an image with no
    rendition at all gets them made now (only the first page that shows it pays for that).
    """
    by_key = {}
    for image in images:
        if image is not None and image.pk and not hasattr(image, "rendition_list"):
            by_key.setdefault(_cache_key(image), []).append(image)
    if not by_key:
        return
    found = cache.get_many(list(by_key))
    missing = {key: group for key, group in by_key.items() if key not in found}
    if missing:
        ids = {group[0].pk for group in missing.values()}
        stored = {}
        for rendition in ImageRendition.objects.filter(image_id__in=ids):
            stored.setdefault(rendition.image_id, []).append(rendition)
        fresh = {}
        for key, group in missing.items():
            renditions = stored.get(group[0].pk) or generate_renditions(group[0])
            fresh[key] = _describe(renditions)
        cache.set_many({key: value for key, value in fresh.items() if value}, CACHE_TIMEOUT)
        # A picture whose file cannot be read is retried a little later, not on every view.
        cache.set_many({key: value for key, value in fresh.items() if not value}, 300)
        found.update(fresh)
    for key, group in by_key.items():
        for image in group:
            image.rendition_list = found.get(key, [])


def images_of(articles) -> list[Image]:
    """The lead images of ``articles`` (already fetched with ``select_related``)."""
    return [a.lead_image for a in articles if getattr(a, "lead_image_id", None)]


def picture_sources(image: Image) -> dict:
    """What a ``<picture>`` needs: WebP srcset, fallback srcset and src, intrinsic size."""
    renditions = getattr(image, "rendition_list", None)
    if renditions is None:
        prefetch_renditions([image])
        renditions = image.rendition_list
    webp = [r for r in renditions if r["format"] == WEBP]
    fallback = [r for r in renditions if r["format"] != WEBP]
    if not fallback:
        # Nothing could be made (missing or unreadable file): the original, as it is.
        return {
            "webp_srcset": "",
            "srcset": "",
            "src": image.file.url if image.file else "",
            "width": image.width or None,
            "height": image.height or None,
            "fallback_type": "",
        }
    largest = fallback[-1]
    default = next((r for r in fallback if r["width"] >= 800), largest)
    return {
        "webp_srcset": ", ".join(f"{r['url']} {r['width']}w" for r in webp),
        "srcset": ", ".join(f"{r['url']} {r['width']}w" for r in fallback),
        "src": default["url"],
        "width": largest["width"],
        "height": largest["height"],
        "fallback_type": MIME_TYPES.get(largest["format"], ""),
    }


def share_rendition(image: Image) -> dict | None:
    """The JPEG/PNG rendition closest to 1200 pixels wide, for Open Graph and JSON-LD."""
    sources = getattr(image, "rendition_list", None)
    if sources is None:
        prefetch_renditions([image])
        sources = image.rendition_list
    fallback = [r for r in sources if r["format"] != WEBP]
    if not fallback:
        return None
    return min(fallback, key=lambda r: abs(r["width"] - 1200))
