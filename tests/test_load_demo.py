import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from articles.models import Article, ArticleAuthor, Author, Image, RelatedArticle, Section, Tag

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "articles": sorted(
            Article.objects.values_list(
                "slug_en", "slug_ar", "headline_en", "headline_ar", "status", "publish_at"
            )
        ),
        "bylines": sorted(ArticleAuthor.objects.values_list("article__slug_en", "author__slug", "order")),
        "related": sorted(
            RelatedArticle.objects.values_list("from_article__slug_en", "to_article__slug_en", "order")
        ),
        "tags": sorted(Article.tags.through.objects.values_list("article__slug_en", "tag__slug_en")),
        "sections": Section.objects.count(),
        "tag_count": Tag.objects.count(),
        "authors": Author.objects.count(),
        "images": sorted(Image.objects.values_list("caption_en", "file")),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_load_demo_twice_gives_the_same_content():
    call_command("load_demo", verbosity=0)
    first = snapshot()
    call_command("load_demo", verbosity=0)
    assert snapshot() == first


def test_load_demo_builds_a_bilingual_newsroom(settings):
    call_command("load_demo", verbosity=0)
    assert Article.objects.live("en").count() >= 12
    assert Article.objects.live("ar").count() >= 12
    assert Section.objects.count() >= 3
    assert Author.objects.filter(display_name_en="admindiaa").exists()
    exclusive = Article.objects.filter(label="exclusive").first()
    assert exclusive.byline_authors[0].display_name_en == "admindiaa"
    assert Image.objects.exclude(file="").count() >= 1


def test_load_demo_sets_the_demo_password(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a-fresh-demo-pass")
    call_command("load_demo", verbosity=0)
    for username in ("admin", "editor", "writer", "moderator"):
        assert get_user_model().objects.get(username=username).check_password("a-fresh-demo-pass")
