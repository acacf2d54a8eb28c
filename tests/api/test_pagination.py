from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db


def walk(client, first_url, *, between_pages=None):
    seen, url = [], first_url
    while url:
        body = client.get(url).json()
        seen += [item["id"] for item in body["items"]]
        url = body["next"]
        if between_pages and url:
            between_pages()
    return seen


def test_cursor_pages_cover_every_article_once_in_order(client):
    now = timezone.now()
    # Equal publish times too: the id breaks the tie, so nothing is lost at a page boundary.
    articles = [make_article(publish_at=now - timedelta(minutes=i // 2)) for i in range(7)]
    expected = [a.pk for a in sorted(articles, key=lambda a: (a.publish_at, a.pk), reverse=True)]
    assert walk(client, "/api/v1/articles?limit=2") == expected


def test_pages_stay_stable_while_articles_are_published(client):
    older = [make_article(publish_at=timezone.now() - timedelta(hours=i + 1)) for i in range(6)]
    published_meanwhile = []

    def publish_one():
        published_meanwhile.append(make_article(publish_at=timezone.now()).pk)

    seen = walk(client, "/api/v1/articles?limit=2", between_pages=publish_one)
    assert seen == [a.pk for a in older]
    assert len(published_meanwhile) == 2
    # The new ones are on a fresh first page.
    assert client.get("/api/v1/articles?limit=2").json()["items"][0]["id"] == published_meanwhile[-1]


def test_next_link_keeps_the_filters(client):
    tag = make_tag(slug_en="oil")
    for _ in range(3):
        make_article(tags=[tag])
    make_article()
    body = client.get("/api/v1/articles?tag=oil&limit=2").json()
    assert "tag=oil" in body["next"]
    assert len(client.get(body["next"]).json()["items"]) == 1


def test_last_page_has_no_next(client):
    make_article()
    body = client.get("/api/v1/articles?limit=5").json()
    assert body["next"] is None and body["next_cursor"] is None


@pytest.mark.parametrize("cursor", ["garbage", "WyJ4Il0", "WzEsMl0", "W1tdLFtdXQ"])
def test_a_malformed_cursor_is_a_problem_not_a_crash(client, cursor):
    make_article()
    response = client.get(f"/api/v1/articles?cursor={cursor}")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_cursor"


def test_tags_are_paginated_by_cursor(client):
    tags = [make_tag() for _ in range(5)]
    assert walk(client, "/api/v1/tags?limit=2") == sorted((t.pk for t in tags), reverse=True)
