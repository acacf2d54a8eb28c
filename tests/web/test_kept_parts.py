"""Pages past the page cache (a random query string, a reader with a message, an editor) are
built from kept parts: the frame of the site, the article, each process's own copies of them.
They must be byte for byte the page rendered from scratch, carry each request's own address
and consent state, and never outlive the content they were made from."""

from datetime import timedelta

import pytest
import time_machine
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from articles.models import Article
from tests.consent.factories import consent_cookie, current_policy
from tests.factories import make_article, make_section
from web import cache as page_cache

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def reader(cookie=None):
    client = Client()
    if cookie is not None:
        client.cookies["cookie_consent"] = cookie
    return client


@pytest.mark.parametrize("choice", [None, (), ("preferences", "statistics")])
@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_page_from_kept_parts_is_the_page_rendered_from_scratch(settings, choice, language):
    current_policy()
    article = make_article(section=make_section())
    cookie = consent_cookie(choice) if choice is not None else None
    paths = [article.get_absolute_url(language) + "?utm_source=feed", f"/{language}/?utm_source=feed"]
    settings.PUBLIC_PAGE_CACHE_SECONDS = 0
    fresh = [reader(cookie).get(path).content for path in paths]
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    first = [reader(cookie).get(path) for path in paths]  # parts made and kept
    again = [reader(cookie).get(path) for path in paths]  # parts read back
    assert [response.headers["X-Cache"] for response in first + again] == ["BYPASS"] * 4
    assert [response.content for response in first] == fresh
    assert [response.content for response in again] == fresh


def test_the_kept_frame_carries_each_requests_own_address():
    current_policy()
    url = make_article().get_absolute_url("en")
    reader().get(url + "?utm_source=a")
    page = reader().get(url + "?utm_source=b&x=%22").content.decode()
    assert f'name="next" value="{url}?utm_source=b&amp;x=%22">' in page
    assert f"?next={url}%3Futm_source%3Db%26x%3D%2522#cookie-settings" in page
    assert "utm_source=a" not in page


def test_the_kept_frame_follows_the_readers_consent_state():
    current_policy()
    url = make_article().get_absolute_url("en")
    assert "data-consent-banner" in reader().get(url + "?x=1").content.decode()
    decided = reader(consent_cookie(("preferences",))).get(url + "?x=2").content.decode()
    assert "data-consent-banner" not in decided
    assert "data-remember" in decided  # the breaking strip may remember dismissals
    assert "data-consent-banner" in reader().get(url + "?x=3").content.decode()


def test_a_process_never_serves_its_copy_once_the_generation_moves():
    article = make_article(headline_en="First headline")
    url = article.get_absolute_url("en") + "?x=1"
    assert "First headline" in reader().get(url).content.decode()
    article.headline_en = "Second headline"
    article.save()
    page = reader().get(url).content.decode()
    assert "Second headline" in page
    assert "First headline" not in page


def test_parts_kept_before_the_cache_was_lost_are_never_served_after():
    article = make_article(headline_en="Before the loss")
    url = article.get_absolute_url("en") + "?x=1"
    assert "Before the loss" in reader().get(url).content.decode()  # this process keeps a copy
    Article.objects.filter(pk=article.pk).update(headline_en="After the loss")  # no signal
    cache.clear()  # the shared cache loses everything, the generation's state included
    assert "After the loss" in reader().get(url).content.decode()


def test_generations_only_grow_even_when_the_state_is_lost():
    """A lost state starts a generation above every earlier one (the clock in nanoseconds): a
    clock in milliseconds restarted below one that a burst of moves had reached, and a process
    could have found its kept copies of that generation again."""
    generation, next_change = cache.get(page_cache.STATE_KEY) or (page_cache.public_generation(), 0)
    # A thousand publications in a burst, each moving the generation on by one.
    cache.set(page_cache.STATE_KEY, (generation + 1000, next_change or float("inf")), timeout=None)
    before = page_cache.public_generation()
    cache.clear()
    assert page_cache.public_generation() > before


def test_copies_expire_with_the_shared_ones(settings):
    url = make_article(headline_en="Kept story").get_absolute_url("en") + "?x=1"
    with time_machine.travel(timezone.now(), tick=False) as clock:
        reader().get(url)
        Article.objects.filter(headline_en="Kept story").update(headline_en="Quietly changed")
        clock.shift(timedelta(seconds=settings.PUBLIC_PAGE_CACHE_SECONDS - 1))
        assert "Kept story" in reader().get(url).content.decode()
        clock.shift(timedelta(seconds=2))
        assert "Quietly changed" in reader().get(url).content.decode()


def test_copies_stay_within_their_byte_budget(settings):
    settings.PUBLIC_PAGE_CACHE_LOCAL_BYTES = 64 * 1024
    kept = page_cache._KeptHere()
    expires = timezone.now().timestamp() + 600
    for n in range(20):
        kept.keep(1, f"part-{n}", "x" * 4000, expires)
    assert kept.size <= 64 * 1024
    assert kept.get(1, "part-19") == "x" * 4000
    assert kept.get(1, "part-0") is page_cache._MISSING  # the oldest left first
    kept.keep(1, "huge", "x" * 20000, expires)  # over an eighth of the budget: not copied
    assert kept.get(1, "huge") is page_cache._MISSING
    kept.keep(2, "newer", "y", expires)  # a newer generation drops every older copy
    assert kept.get(1, "part-19") is page_cache._MISSING
    assert kept.size == kept.entries["newer"][2]
