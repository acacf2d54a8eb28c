from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Status
from articles.services import article_unpublish
from tests.factories import make_article, make_section, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_every_answer_carries_validators_and_may_be_kept_by_proxies(client):
    make_article()
    response = client.get("/api/v1/articles")
    assert response["ETag"].startswith('"')
    assert response["Last-Modified"]
    assert "public" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]


def test_if_none_match_gets_304_without_a_body(client):
    article = make_article()
    for url in ("/api/v1/articles", f"/api/v1/articles/{article.pk}", "/api/v1/sections"):
        first = client.get(url)
        again = client.get(url, headers={"If-None-Match": first["ETag"]})
        assert again.status_code == 304, url
        assert again.content == b""
        assert again["ETag"] == first["ETag"]


def test_if_modified_since_gets_304_until_the_content_changes(client):
    article = make_article()
    first = client.get(f"/api/v1/articles/{article.pk}")
    since = {"If-Modified-Since": first["Last-Modified"]}
    assert client.get(f"/api/v1/articles/{article.pk}", headers=since).status_code == 304
    with time_machine.travel(timezone.now() + timedelta(seconds=5)):
        article.headline_en = "A corrected headline"
        article.save()
        changed = client.get(f"/api/v1/articles/{article.pk}", headers=since)
    assert changed.status_code == 200
    assert changed.json()["headline"] == "A corrected headline"


def test_a_stale_etag_gets_the_new_content(client):
    article = make_article()
    etag = client.get("/api/v1/articles")["ETag"]
    article.headline_en = "New"
    article.save()
    response = client.get("/api/v1/articles", headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_answers_are_cached_and_purged_on_publish_and_unpublish(client, cached):
    article = make_article()
    assert client.get("/api/v1/articles")["X-Cache"] == "MISS"
    assert client.get("/api/v1/articles")["X-Cache"] == "HIT"
    fresh = make_article(publish_at=timezone.now())
    response = client.get("/api/v1/articles")
    assert response["X-Cache"] == "MISS"
    assert [item["id"] for item in response.json()["items"]] == [fresh.pk, article.pk]
    article_unpublish(article=fresh, by=make_user(is_superuser=True, is_staff=True))
    assert [item["id"] for item in client.get("/api/v1/articles").json()["items"]] == [article.pk]
    assert client.get(f"/api/v1/articles/{fresh.pk}").status_code == 404


def test_a_scheduled_article_appears_at_its_time_with_no_save(client, cached):
    scheduled = make_article(status=Status.PUBLISHED, publish_at=timezone.now() + timedelta(minutes=5))
    assert client.get("/api/v1/articles").json()["items"] == []
    assert client.get("/api/v1/articles")["X-Cache"] == "HIT"
    with time_machine.travel(timezone.now() + timedelta(minutes=6)):
        items = client.get("/api/v1/articles").json()["items"]
    assert [item["id"] for item in items] == [scheduled.pk]


def test_unknown_parameters_bypass_the_cache(client, cached):
    make_article()
    client.get("/api/v1/articles?x=1")
    assert client.get("/api/v1/articles?x=1")["X-Cache"] == "BYPASS"


def test_each_article_summary_is_built_once_for_every_filter_and_cursor(
    client, cached, django_assert_num_queries
):
    world = make_section(slug_en="world")
    first, second = make_article(section=world), make_article(section=world)
    everything = client.get("/api/v1/articles").json()["items"]
    # Another address, same articles: the rate-limit upsert and the ids, nothing more.
    with django_assert_num_queries(2):
        by_section = client.get("/api/v1/articles?section=world").json()["items"]
    assert by_section == everything
    with django_assert_num_queries(2):
        page_one = client.get("/api/v1/articles?limit=1").json()
    with django_assert_num_queries(2):
        page_two = client.get(f"/api/v1/articles?limit=1&cursor={page_one['next_cursor']}").json()
    assert [page_one["items"][0]["id"], page_two["items"][0]["id"]] == [first.pk, second.pk]


def test_an_edit_shows_at_once_in_every_list_that_shares_the_summary(client, cached):
    world = make_section(slug_en="world")
    article = make_article(section=world)
    client.get("/api/v1/articles")
    article.headline_en = "A corrected headline"
    article.save()
    [item] = client.get("/api/v1/articles?section=world").json()["items"]
    assert item["headline"] == "A corrected headline"


def test_related_stories_are_kept_across_addresses_and_renewed_by_an_edit(
    client, cached, django_assert_num_queries
):
    world = make_section(slug_en="world")
    neighbour, article = make_article(section=world), make_article(section=world)
    assert [s["id"] for s in client.get(f"/api/v1/articles/{article.pk}").json()["related"]] == [neighbour.pk]
    # Another address of the same article (a parameter the cache does not know): the rate-limit
    # upsert, the article, its corrections; "You may also like" comes from the cache.
    with django_assert_num_queries(3):
        client.get(f"/api/v1/articles/{article.pk}?utm_source=app")
    neighbour.headline_en = "The neighbour, corrected"
    neighbour.save()
    [story] = client.get(f"/api/v1/articles/{article.pk}").json()["related"]
    assert story["headline"] == "The neighbour, corrected"
