"""Uploads: only real images of sane size, stored re-encoded without metadata."""

import io
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from articles.uploads import clean_image_file, validate_image_file


def png_claiming(width, height) -> bytes:
    """A tiny PNG whose header claims a huge canvas: what a decompression bomb looks like."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data))
            + kind
            + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0" * 64))
        + chunk(b"IEND", b"")
    )


def photo_with_gps() -> bytes:
    image = PILImage.new("RGB", (120, 80), (10, 120, 200))
    exif = PILImage.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (35.0, 20.0, 10.0)
    gps[3] = "E"
    gps[4] = (40.0, 8.0, 30.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def upload(data: bytes, name="picture.jpg"):
    return SimpleUploadedFile(name, data, content_type="image/jpeg")


def test_decompression_bomb_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload(png_claiming(100_000, 100_000), "bomb.png"))
    assert error.value.code in {"too_many_pixels", "bomb"}


def test_non_image_with_an_image_extension_is_refused():
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload(b"<html><script>alert(1)</script></html>", "cat.jpg"))
    assert error.value.code == "not_image"


def test_truncated_image_is_refused():
    data = photo_with_gps()
    with pytest.raises(ValidationError):
        validate_image_file(upload(data[: len(data) // 2]))


def test_other_formats_are_refused():
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "BMP")
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload(buffer.getvalue(), "x.bmp"))
    assert error.value.code == "format"


def test_oversized_file_is_refused(settings):
    settings.IMAGE_MAX_UPLOAD_BYTES = 1000
    with pytest.raises(ValidationError) as error:
        validate_image_file(upload(photo_with_gps() + b"\0" * 2000))
    assert error.value.code == "too_large"


def test_gps_position_and_other_metadata_are_stripped():
    original = photo_with_gps()
    assert PILImage.open(io.BytesIO(original)).getexif().get_ifd(0x8825)
    cleaned = clean_image_file(upload(original)).read()
    image = PILImage.open(io.BytesIO(cleaned))
    assert image.format == "JPEG"
    assert image.size == (120, 80)
    assert not image.getexif().get_ifd(0x8825)
    assert not image.getexif()
    assert b"PhoneMaker" not in cleaned


@pytest.mark.parametrize("fmt", ["PNG", "WEBP", "GIF"])
def test_each_allowed_format_survives_re_encoding(fmt):
    buffer = io.BytesIO()
    PILImage.new("RGB", (32, 16), (200, 0, 0)).save(buffer, fmt)
    cleaned = clean_image_file(upload(buffer.getvalue(), f"x.{fmt.lower()}"))
    assert PILImage.open(io.BytesIO(cleaned.read())).format == fmt
