"""Uploaded pictures: accept only real images of sane size, and store a clean re-encoding.

What arrives is untrusted: a file named .jpg may be HTML or a script, a tiny PNG may expand to
gigabytes of pixels (a decompression bomb), and a phone photo carries its GPS position in EXIF.
``validate_image_file`` refuses all but real JPEG, PNG, WebP and GIF images within the byte and
pixel limits, with a message an editor understands; ``clean_image_file`` returns a re-encoded
copy without metadata (orientation applied first), under a random name given by upload_to.
"""

from __future__ import annotations

import io
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage, ImageOps, UnidentifiedImageError

ALLOWED_FORMATS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp", "GIF": ".gif"}


def max_upload_bytes() -> int:
    return getattr(settings, "IMAGE_MAX_UPLOAD_BYTES", 15 * 1024 * 1024)


def max_pixels() -> int:
    return getattr(settings, "IMAGE_MAX_PIXELS", 40_000_000)  # e.g. 8000 × 5000


def _read(file) -> bytes:
    file.seek(0)
    data = file.read()
    file.seek(0)
    return data


def validate_image_file(file) -> str:
    """Raise ValidationError unless ``file`` is an allowed, sane image; return its Pillow format."""
    size = getattr(file, "size", None)
    if size is not None and size > max_upload_bytes():
        raise ValidationError(
            _("This file is too large (%(size)s MB); the limit is %(limit)s MB."),
            code="too_large",
            params={"size": round(size / 1048576, 1), "limit": max_upload_bytes() // 1048576},
        )
    data = _read(file)
    try:
        with PILImage.open(io.BytesIO(data)) as probe:
            image_format = probe.format
            width, height = probe.size
            if width * height > max_pixels():
                raise ValidationError(
                    _(
                        "This picture is %(width)s × %(height)s pixels, more than the %(limit)s million allowed."
                    ),
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": max_pixels() // 1_000_000},
                )
            probe.verify()  # structure and checksums, without decoding every pixel
        with PILImage.open(io.BytesIO(data)) as image:
            image.load()  # a truncated or corrupt file fails here
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
        raise ValidationError(_("This picture is too large to be processed safely."), code="bomb") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        raise ValidationError(
            _("This file is not a picture we can use. Upload a JPEG, PNG, WebP or GIF image."),
            code="not_image",
        ) from None
    if image_format not in ALLOWED_FORMATS:
        raise ValidationError(
            _("Pictures in the %(format)s format are not accepted. Upload a JPEG, PNG, WebP or GIF image."),
            code="format",
            params={"format": image_format},
        )
    return image_format


def clean_image_file(file, *, name: str | None = None) -> ContentFile:
    """A re-encoded copy of a validated image, without EXIF/XMP/ICC text metadata."""
    image_format = validate_image_file(file)
    data = _read(file)
    output = io.BytesIO()
    with PILImage.open(io.BytesIO(data)) as image:
        if image_format == "GIF" and getattr(image, "is_animated", False):
            frames = []
            for frame_index in range(image.n_frames):
                image.seek(frame_index)
                frames.append(image.convert("RGBA"))
            frames[0].save(output, "GIF", save_all=True, append_images=frames[1:], loop=0, disposal=2)
        else:
            image = ImageOps.exif_transpose(image)  # keep the photo upright once EXIF is gone
            if image_format == "JPEG":
                image.convert("RGB").save(output, "JPEG", quality=88, optimize=True, progressive=True)
            elif image_format == "PNG":
                image.save(output, "PNG", optimize=True)
            elif image_format == "WEBP":
                image.save(output, "WEBP", quality=88)
            else:
                image.save(output, "GIF")
    stem = PurePath(name or getattr(file, "name", "") or "image").stem or "image"
    return ContentFile(output.getvalue(), name=f"{stem}{ALLOWED_FORMATS[image_format]}")


def validate_uploaded_image(value) -> None:
    """Model-field validator: checks a newly uploaded file; a file already stored passed before."""
    if value and not getattr(value, "_committed", False):
        validate_image_file(getattr(value, "file", value))


def replace_with_clean_copy(field_file) -> None:
    """Before a model is saved: swap a new upload for its re-encoded, metadata-free copy."""
    if field_file and not getattr(field_file, "_committed", True):
        cleaned = clean_image_file(field_file.file, name=field_file.name)
        field_file.file = cleaned
        field_file.name = cleaned.name
