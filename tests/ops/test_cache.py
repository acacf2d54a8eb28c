"""The public page cache: fast for anonymous readers, never a wrong page."""

import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def test_second_anonymous_request_is_served_from_the_cache(client):
    make_article(headline_en="Cached story")
    first = client.get("/en/")
    second = client.get("/en/")
    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers


def test_a_new_article_shows_at_once(client):
    make_article(headline_en="First story")
    client.get("/en/")
    make_article(headline_en="Breaking second story")
    assert "Breaking second story" in client.get("/en/").content.decode()


def test_an_edit_shows_at_once(client):
    article = make_article(headline_en="Old headline")
    url = article.get_absolute_url("en")
    client.get(url)
    article.headline_en = "Corrected headline"
    article.save()
    assert "Corrected headline" in client.get(url).content.decode()


def test_an_unpublished_article_disappears_at_once(client):
    article = make_article(headline_en="Withdrawn story")
    url = article.get_absolute_url("en")
    assert client.get(url).status_code == 200
    client.get("/en/")
    article.status = Status.UNPUBLISHED
    article.save()
    assert client.get(url).status_code == 404
    assert "Withdrawn story" not in client.get("/en/").content.decode()


def test_a_scheduled_article_appears_when_its_time_comes_without_any_save(client):
    make_article(headline_en="Already out")
    make_article(headline_en="Embargoed story", publish_at=timezone.now() + timedelta(seconds=2))
    assert "Embargoed story" not in client.get("/en/").content.decode()
    assert client.get("/en/").headers["X-Cache"] == "HIT"
    time.sleep(2.2)
    assert "Embargoed story" in client.get("/en/").content.decode()


def test_logged_in_staff_neither_get_nor_fill_the_cache(client):
    make_article(headline_en="Story")
    client.force_login(make_user(is_staff=True))
    assert client.get("/en/").headers["X-Cache"] == "BYPASS"
    client.logout()
    assert client.get("/en/").headers["X-Cache"] == "MISS"


def test_unknown_query_parameters_bypass_the_cache(client):
    make_article()
    client.get("/en/?utm=1")
    assert client.get("/en/?utm=1").headers["X-Cache"] == "BYPASS"
    client.get("/en/?page=1")
    assert client.get("/en/?page=1").headers["X-Cache"] == "HIT"


def test_languages_are_cached_separately(client):
    make_article(headline_en="English words", headline_ar="كلمات عربية")
    client.get("/en/")
    arabic = client.get("/ar/")
    assert "كلمات عربية" in arabic.content.decode()
    assert 'dir="rtl"' in arabic.content.decode()


def test_error_pages_are_not_cached(client):
    client.get("/en/news/nothing-here/")
    assert client.get("/en/news/nothing-here/").headers["X-Cache"] == "BYPASS"


def test_queryset_update_needs_no_signal_for_scheduled_content(client):
    # A plain publish via the ORM's save() goes through signals; bulk updates are the
    # workflow's business and call invalidate_public_pages themselves.
    from newsroom.cache import invalidate_public_pages

    article = make_article(headline_en="Bulk story", status=Status.DRAFT)
    client.get("/en/")
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    invalidate_public_pages()
    assert "Bulk story" in client.get("/en/").content.decode()
