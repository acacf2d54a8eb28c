"""Search is limited per client address, and a flood of rare terms cannot fill the page cache."""

import pytest
from django.core.cache import cache

from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def search_limit(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "search": (3, 60)}


def search(client, language, term, address="198.51.100.7"):
    return client.get(f"/{language}/search/", {"q": term}, REMOTE_ADDR=address)


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Too many requests from your connection"),
        ("ar", "طلبات كثيرة من اتصالك"),
    ],
)
def test_searches_beyond_the_limit_get_a_translated_429_with_retry_after(
    client, search_limit, language, message
):
    for n in range(3):
        assert search(client, language, f"water {n}").status_code == 200
    refused = search(client, language, "water 4")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert message in refused.content.decode()
    assert f'lang="{language}"' in refused.content.decode()


def test_another_address_may_still_search(client, search_limit):
    for n in range(4):
        search(client, "en", f"water {n}")
    assert search(client, "en", "water 9").status_code == 429
    assert search(client, "en", "water 9", address="198.51.100.8").status_code == 200


def test_the_limit_counts_requests_not_terms(client, search_limit):
    for _ in range(3):
        assert search(client, "en", "the same words").status_code == 200
    assert search(client, "en", "the same words").status_code == 429


def test_pages_served_from_the_cache_do_not_count(client, search_limit, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    make_article(headline_en="Water report")
    responses = [search(client, "en", "water") for _ in range(10)]
    assert [r.status_code for r in responses] == [200] * 10
    assert responses[-1].headers["X-Cache"] == "HIT"
    # Three misses are allowed: the first filled the cache, two more are left.
    assert search(client, "en", "rain").status_code == 200
    assert search(client, "en", "snow").status_code == 200
    assert search(client, "en", "fog").status_code == 429
    cache.clear()


def test_only_a_budget_of_search_pages_is_cached_per_period(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    settings.PUBLIC_PAGE_CACHE_BUDGETS = {"search": 5}
    settings.RATE_LIMITS = {}
    cache.clear()
    for n in range(20):
        search(client, "en", f"rare term {n}")
    stored = [n for n in range(20) if search(client, "en", f"rare term {n}").headers["X-Cache"] == "HIT"]
    assert stored == [0, 1, 2, 3, 4]
    assert search(client, "en", "rare term 7").status_code == 200  # past the budget: served, uncached
    cache.clear()


def test_a_query_on_a_page_that_is_not_search_is_not_cached(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    client.get("/en/?q=filler")
    assert client.get("/en/?q=filler").headers["X-Cache"] == "BYPASS"
    client.get("/en/")
    assert client.get("/en/").headers["X-Cache"] == "HIT"
    cache.clear()


@pytest.mark.parametrize("page", ["01", "001", "١", "1e0", "99999999"])
def test_only_plain_page_numbers_are_cached(client, settings, page):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    client.get(f"/en/?page={page}")
    assert client.get(f"/en/?page={page}").headers["X-Cache"] == "BYPASS"
    cache.clear()
