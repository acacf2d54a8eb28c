"""Small factory functions with sensible defaults; override only what a test is about."""

import io
import itertools
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage

from articles.models import Article, ArticleAuthor, Author, Image, Section, Status, Tag

_seq = itertools.count(1)


def make_user(
    username=None, *, is_staff=False, is_superuser=False, perm_names=(), password="pw-for-tests-1", **kw
):
    n = next(_seq)
    user = get_user_model().objects.create_user(
        username=username or f"user{n}",
        password=password,
        email=kw.pop("email", f"user{n}@example.org"),
        is_staff=is_staff,
        is_superuser=is_superuser,
        **kw,
    )
    if perm_names:
        user.user_permissions.add(*Permission.objects.filter(codename__in=perm_names))
    return user


def make_section(**kw):
    n = next(_seq)
    defaults = {
        "name_en": f"Section {n}",
        "name_ar": f"قسم {n}",
        "slug_en": f"section-{n}",
        "slug_ar": f"قسم-{n}",
    }
    return Section.objects.create(**{**defaults, **kw})


def make_tag(**kw):
    n = next(_seq)
    defaults = {"name_en": f"Tag {n}", "name_ar": f"وسم {n}", "slug_en": f"tag-{n}", "slug_ar": f"وسم-{n}"}
    return Tag.objects.create(**{**defaults, **kw})


def make_author(**kw):
    n = next(_seq)
    defaults = {"display_name_en": f"Reporter {n}", "display_name_ar": f"مراسل {n}", "slug": f"reporter-{n}"}
    return Author.objects.create(**{**defaults, **kw})


def jpeg_bytes(size=(64, 48), colour=(200, 30, 30)):
    buffer = io.BytesIO()
    PILImage.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def make_image(**kw):
    image = Image(alt_text_en="A test picture", alt_text_ar="صورة اختبار", **kw)
    image.file.save("test.jpg", ContentFile(jpeg_bytes()), save=False)
    image.save()
    return image


def make_article(*, languages=("en", "ar"), authors=None, tags=(), **kw):
    """A published, bilingual article unless told otherwise."""
    n = next(_seq)
    fields = {
        "section": kw.pop("section", None) or make_section(),
        "status": Status.PUBLISHED,
        "publish_at": timezone.now() - timedelta(hours=n),
    }
    if "en" in languages:
        fields.update(headline_en=f"Headline {n}", body_en=f"<p>Body {n}</p>", summary_en=f"Summary {n}")
    if "ar" in languages:
        fields.update(headline_ar=f"عنوان {n}", body_ar=f"<p>نص {n}</p>", summary_ar=f"ملخص {n}")
    fields.update(kw)
    article = Article.objects.create(**fields)
    for order, author in enumerate(authors if authors is not None else [make_author()]):
        ArticleAuthor.objects.create(article=article, author=author, order=order)
    if tags:
        article.tags.set(tags)
    return article
