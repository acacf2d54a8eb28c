"""Live coverage must not defeat the page cache: measured as hit ratios."""

import pytest
from django.core.cache import cache

from tests.factories import make_article
from tests.live.factories import make_alert, make_live_blog, make_update

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def hit_ratio(responses):
    return sum(r["X-Cache"] == "HIT" for r in responses) / len(responses)


def test_a_breaking_alert_leaves_every_cached_page_cached(client):
    articles = [make_article() for _ in range(3)]
    pages = ["/en/", "/ar/", *[a.get_absolute_url("en") for a in articles]]
    for url in pages:
        client.get(url)
    make_alert(article=articles[0])
    responses = [client.get(url) for _ in range(10) for url in pages]
    assert hit_ratio(responses) == 1.0
    assert client.get("/en/live/breaking.json").json()["alert"]["text"] == "Ceasefire announced"


def test_polling_readers_are_served_from_the_cache_between_updates(client):
    blog = make_live_blog()
    make_update(blog)
    page, poll = blog.article.get_absolute_url("en"), f"/en/live/{blog.article_id}/updates.json"
    responses = []
    etag = None
    for round_ in range(50):
        if round_ == 25:
            make_update(blog, en="<p>Newest</p>")  # one update in the middle of the night
        responses.append(client.get(page))
        poll_response = client.get(poll, headers={"If-None-Match": etag} if etag else {})
        etag = poll_response["ETag"]
        responses.append(poll_response)
    # Two misses per update (page and document) and the very first round's.
    assert hit_ratio(responses) >= 0.95
    assert "Newest" in client.get(page).content.decode()
