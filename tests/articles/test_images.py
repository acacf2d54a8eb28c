import io
import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, Template
from PIL import Image as PILImage

from articles.images import (
    generate_renditions,
    prefetch_renditions,
    refresh_renditions,
    rendition_widths,
    validate_image_upload,
)
from articles.models import Image, ImageRendition
from tests.factories import jpeg_bytes, make_article, make_image

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def picture_bytes(size, mode="RGB", fmt="JPEG"):
    buffer = io.BytesIO()
    colour = (10, 120, 200, 128) if mode == "RGBA" else (10, 120, 200)
    PILImage.new(mode, size, colour).save(buffer, fmt)
    return buffer.getvalue()


def make_picture(size=(2000, 1000), mode="RGB", fmt="JPEG", name="photo.jpg"):
    image = Image(alt_text_en="A river", alt_text_ar="نهر")
    image.file.save(name, ContentFile(picture_bytes(size, mode, fmt)), save=False)
    image.save()
    return image


def test_rendition_widths_never_upscale():
    assert rendition_widths(2000) == [480, 800, 1200, 1600]
    assert rendition_widths(1000) == [480, 800, 1000]
    assert rendition_widths(300) == [300]
    assert rendition_widths(0) == []


def test_renditions_are_webp_and_jpeg_at_each_width_with_the_aspect_ratio():
    image = make_picture((2000, 1000))
    renditions = generate_renditions(image)
    assert sorted((r.format, r.width) for r in renditions) == sorted(
        (fmt, w) for fmt in ("webp", "jpeg") for w in (480, 800, 1200, 1600)
    )
    for rendition in renditions:
        assert rendition.height == rendition.width // 2
        with rendition.file.open("rb") as handle, PILImage.open(handle) as picture:
            assert picture.format == {"webp": "WEBP", "jpeg": "JPEG"}[rendition.format]
            assert picture.size == (rendition.width, rendition.height)


def test_transparent_pictures_fall_back_to_png():
    image = make_picture((900, 600), mode="RGBA", fmt="PNG", name="logo.png")
    formats = {r.format for r in generate_renditions(image)}
    assert formats == {"webp", "png"}


def test_renditions_are_made_once_and_reused():
    image = make_picture((1000, 500))
    first = generate_renditions(image)
    assert ImageRendition.objects.filter(image=image).count() == 6
    again = generate_renditions(image)
    assert {r.pk for r in again} == {r.pk for r in first}
    assert ImageRendition.objects.filter(image=image).count() == 6


def test_refresh_replaces_renditions_after_the_file_changes():
    image = make_picture((1000, 500))
    old = {r.pk for r in generate_renditions(image)}
    image.file.save("new.jpg", ContentFile(picture_bytes((600, 600))), save=False)
    image.width = image.height = 0
    image.save()
    new = refresh_renditions(image)
    assert not old & {r.pk for r in new}
    assert {(r.width, r.height) for r in new} == {(480, 480), (600, 600)}


def test_a_page_makes_missing_renditions_lazily_and_only_once(client, django_assert_max_num_queries):
    article = make_article(lead_image=make_picture((1200, 600)))
    assert not ImageRendition.objects.exists()
    assert client.get(article.get_absolute_url("en")).status_code == 200
    count = ImageRendition.objects.count()
    assert count == 6
    cache.clear()  # even without the cache, the stored renditions are found, not remade
    client.get(article.get_absolute_url("en"))
    client.get("/en/")
    assert ImageRendition.objects.count() == count


def test_prefetch_renditions_uses_one_query_for_many_images(django_assert_num_queries):
    images = [make_picture((700, 400)) for _ in range(5)]
    for image in images:
        generate_renditions(image)
    cache.clear()
    fresh = list(Image.objects.filter(pk__in=[i.pk for i in images]))
    with django_assert_num_queries(1):
        prefetch_renditions(fresh)
    fresh = list(Image.objects.filter(pk__in=[i.pk for i in images]))
    with django_assert_num_queries(0):  # now from the cache
        prefetch_renditions(fresh)
    assert all(len(image.rendition_list) == 4 for image in fresh)


def test_picture_tag_renders_srcset_sizes_dimensions_and_lazy_loading():
    image = make_picture((2000, 1000))
    generate_renditions(image)
    html = Template('{% load article_tags %}{% picture image sizes="50vw" %}').render(
        Context({"image": image})
    )
    assert '<source type="image/webp" srcset="' in html
    assert re.search(
        r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w, [^"]+\.webp 1600w"', html
    )
    assert re.search(r'<img src="[^"]+\.jpg" srcset="[^"]+\.jpg 480w', html)
    assert 'sizes="50vw"' in html
    assert 'width="1600" height="800"' in html
    assert 'loading="lazy"' in html
    assert 'alt="A river"' in html
    eager = Template("{% load article_tags %}{% picture image priority=True %}").render(
        Context({"image": image})
    )
    assert 'loading="eager"' in eager
    assert 'fetchpriority="high"' in eager


def test_picture_tag_falls_back_to_the_original_when_no_rendition_can_be_made():
    image = make_image()
    image.file.storage.delete(image.file.name)
    html = Template("{% load article_tags %}{% picture image %}").render(Context({"image": image}))
    assert f'src="{image.file.url}"' in html
    assert 'width="64" height="48"' in html


def test_upload_validation_accepts_real_pictures():
    validate_image_upload(SimpleUploadedFile("a.jpg", jpeg_bytes()))
    validate_image_upload(SimpleUploadedFile("a.png", picture_bytes((10, 10), "RGBA", "PNG")))


@pytest.mark.parametrize(
    "content",
    [
        b"not a picture at all",
        b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
        jpeg_bytes()[:200],  # truncated
    ],
)
def test_upload_validation_refuses_what_is_not_a_readable_picture(content):
    with pytest.raises(ValidationError):
        validate_image_upload(SimpleUploadedFile("photo.jpg", content))


def test_upload_validation_refuses_other_formats():
    buffer = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(buffer, "BMP")
    with pytest.raises(ValidationError):
        validate_image_upload(SimpleUploadedFile("photo.bmp", buffer.getvalue()))
