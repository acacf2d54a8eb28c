"""Pages that miss the page cache (a query string, a purge) reuse what the generation keeps:
listing counts and fragments, search results, whole feeds and sitemaps; never stale."""

import re
import time
from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from tests.factories import make_article, make_section

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()


def article_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return [q["sql"] for q in queries.captured_queries if "articles_article" in q["sql"]]


@pytest.mark.parametrize("page", ["/en/", "/en/?page=2", "section", "/en/search/?q=harvest", "/en/feed/"])
def test_a_page_past_the_page_cache_reads_no_article_when_its_parts_are_kept(client, page):
    section = make_section()
    for _ in range(14):
        make_article(section=section, headline_en="Harvest news")
    url = section.get_absolute_url() if page == "section" else page
    client.get(url)
    sep = "&" if "?" in url else "?"
    assert article_queries(client, f"{url}{sep}utm_source=a") == []


def test_every_page_of_a_search_ranks_the_matches_found_for_the_first(client):
    """The matches are found and ranked once per words (and generation): other pages, and
    other readers, only fetch their articles by id (no second full-text scan, no ranking)."""
    for n in range(14):
        make_article(headline_en=f"Harvest report {n}")
    client.get("/en/search/?q=harvest")
    queries = article_queries(client, "/en/search/?q=harvest&page=2")
    assert len(queries) == 1
    assert "ts_rank_cd" not in queries[0] and "@@" not in queries[0]
    assert (
        client.get("/en/search/?q=harvest&page=2&utm_source=a").content.decode().count("</mark> report") == 4
    )


def test_a_new_search_finds_ranks_and_fetches_its_page_in_one_statement(client):
    """Words never searched before: the matches, their ranking and the articles of the page
    asked for come in one query of articles (the excerpts read none); any page may come first."""
    for n in range(14):
        make_article(headline_en=f"Harvest report {n}")
    queries = article_queries(client, "/en/search/?q=harvest&page=2")
    assert len(queries) == 1
    assert "ts_rank_cd" in queries[0]
    second = client.get("/en/search/?q=harvest&page=2&utm_source=a").content.decode()
    first = client.get("/en/search/?q=harvest&utm_source=b").content.decode()
    assert second.count("</mark> report") == 4 and first.count("</mark> report") == 10
    shown = re.findall(r"Harvest</mark> report (\d+)", first + second)
    assert sorted(shown, key=int) == [str(n) for n in range(14)]


def test_a_new_search_follows_the_clock_of_its_request(client):
    """The statement is compiled once, with a stand-in for the moment: each search is live at
    its own (a scheduled article is found once its time has come)."""
    make_article(headline_en="Harvest now")
    make_article(headline_en="Harvest later", publish_at=timezone.now() + timedelta(hours=1))
    assert "1 result for" in client.get("/en/search/?q=harvest").content.decode()
    with time_machine.travel(timezone.now() + timedelta(hours=2)):
        assert "2 results for" in client.get("/en/search/?q=harvest").content.decode()


def test_a_listing_count_follows_a_publish(client):
    section = make_section()
    for _ in range(12):
        make_article(section=section)
    url = section.get_absolute_url()
    assert client.get(url + "?page=2&utm_source=a").status_code == 404
    make_article(section=section, headline_en="The thirteenth")
    response = client.get(url + "?page=2&utm_source=b")
    assert response.status_code == 200 and "Page 2 of 2" in response.content.decode()


def test_a_kept_feed_shows_a_new_article_at_once(client):
    make_article(headline_en="First story")
    assert "First story" in client.get("/en/feed/?utm_source=a").content.decode()
    make_article(headline_en="Second story")
    assert "Second story" in client.get("/en/feed/?utm_source=b").content.decode()


def test_a_scheduled_article_enters_kept_feeds_and_sitemaps_when_its_time_comes(client):
    make_article(headline_en="Already out")
    make_article(
        headline_en="Embargoed story", slug_en="embargoed", publish_at=timezone.now() + timedelta(seconds=2)
    )
    assert "Embargoed story" not in client.get("/en/feed/").content.decode()
    assert "embargoed" not in client.get("/sitemap-articles-en.xml").content.decode()
    time.sleep(2.2)
    assert "Embargoed story" in client.get("/en/feed/").content.decode()
    assert "/en/news/embargoed/" in client.get("/sitemap-articles-en.xml").content.decode()


def test_search_results_follow_a_publish(client):
    make_article(headline_en="Harvest begins")
    assert "1 result for" in client.get("/en/search/?q=harvest").content.decode()
    make_article(headline_en="Harvest ends")
    assert "2 results for" in client.get("/en/search/?q=harvest&utm_source=a").content.decode()


def test_an_arabic_only_article_never_enters_the_english_listing_through_a_kept_count(client):
    section = make_section()
    make_article(section=section, headline_en="Both languages")
    client.get(section.get_absolute_url())
    make_article(section=section, languages=("ar",), headline_ar="عربي فقط")
    english = client.get(section.get_absolute_url() + "?utm_source=a").content.decode()
    with translation.override("ar"):
        arabic = client.get(section.get_absolute_url() + "?utm_source=a").content.decode()
    assert "عربي فقط" not in english and "عربي فقط" in arabic
