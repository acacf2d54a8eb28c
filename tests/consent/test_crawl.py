"""Integration: crawl the public site as a reader and watch which cookies reach the browser.

Every response of the crawl is inspected, including the read beacon, the language switch
(Django's set_language) and the comment form, which are the places optional cookies come from.
"""

import itertools

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from consent import cookies as consent
from tests.consent.factories import current_policy
from tests.factories import make_article, make_tag

pytestmark = pytest.mark.django_db

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"}
SAME_ORIGIN = {"Origin": "http://testserver", "Sec-Fetch-Site": "same-origin"}
_comments = itertools.count(1)


def necessary_names():
    return {spec.name for spec in consent.registry() if spec.category == "necessary"}


@pytest.fixture
def site():
    current_policy()
    tag = make_tag()
    article = make_article(tags=[tag])
    make_article(section=article.section, tags=[tag])
    return article


def crawl(client, article):
    """GET every kind of public page and the beacon in both languages, switch language once;
    return the names of the cookies the responses set (expiries left out)."""
    set_names = set()
    urls = []
    for language in ("en", "ar"):
        with translation.override(language):
            urls += [
                reverse("articles:home"),
                article.get_absolute_url(language),
                article.section.get_absolute_url(),
                article.tags.first().get_absolute_url(),
                article.authors.first().get_absolute_url(),
                reverse("privacy_policy"),
                reverse("read_beacon", args=[article.pk]),
                f"/{language}/no-such-page/",
            ]
    for url in urls:
        response = client.get(url, headers={**BROWSER, "Sec-Fetch-Site": "same-origin"})
        assert response.status_code in (200, 404), url
        set_names |= _set(response)
    response = client.post(
        reverse("set_language"), {"language": "ar", "next": "/ar/"}, headers={**BROWSER, **SAME_ORIGIN}
    )
    assert response.status_code == 302
    set_names |= _set(response)
    set_names |= _post_comment(client, article)
    return set_names


def _post_comment(client, article):
    """The comment form sets the "remember my name" cookie; absent until the comments app is."""
    try:
        with translation.override("en"):
            url = reverse("comments:post", args=[article.pk])
    except NoReverseMatch:
        return set()
    # A new reader each time, so the flood and duplicate rules never refuse the comment.
    n = next(_comments)
    data = {
        "name": "Layla",
        "email": f"layla{n}@example.org",
        "body": f"Thank you ({n}).",
        "consent": "on",
        "remember": "on",
    }
    response = client.post(url, data, headers={**BROWSER, **SAME_ORIGIN}, REMOTE_ADDR=f"198.51.100.{n % 250}")
    assert response.status_code == 302, response.content[:500]
    return _set(response)


def _set(response):
    return {name for name, morsel in response.cookies.items() if str(morsel["max-age"]) != "0"}


def choose(client, action):
    return client.post(reverse("cookie_consent"), {"action": action, "next": "/en/"}, headers=SAME_ORIGIN)


def jar(client):
    """What the browser would still hold: cookies with a value that were not expired."""
    return {name for name, morsel in client.cookies.items() if morsel.value and str(morsel["max-age"]) != "0"}


def test_without_a_choice_only_necessary_cookies_are_set(client, site):
    assert crawl(client, site) <= necessary_names()
    assert jar(client) <= necessary_names()


def test_after_reject_only_necessary_cookies_are_set(client, site):
    choose(client, "reject")
    assert crawl(client, site) <= necessary_names()
    assert jar(client) <= necessary_names()
    assert "cookie_consent" in jar(client)


def test_after_accept_preference_and_statistics_cookies_appear(client, site):
    choose(client, "accept")
    set_names = crawl(client, site)
    assert {"django_language", "comment_author", "visitor_id"} <= set_names
    assert {"django_language", "comment_author", "visitor_id"} <= jar(client)


def test_after_withdrawal_optional_cookies_are_expired_and_stay_away(client, site):
    choose(client, "accept")
    crawl(client, site)
    optional = jar(client) - necessary_names()
    assert {"django_language", "comment_author", "visitor_id"} <= optional
    response = choose(client, "withdraw")
    expired = {name for name, morsel in response.cookies.items() if str(morsel["max-age"]) == "0"}
    assert optional <= expired
    assert jar(client) <= necessary_names()
    assert crawl(client, site) <= necessary_names()
    assert jar(client) <= necessary_names()


def test_page_cache_serves_each_consent_state_its_own_page(client, site, settings):
    """Whole-page caching (web.cache) keys on the consent state: no reader ever gets the
    banner state of another, and a page from the cache still expires refused cookies."""
    from django.test import Client

    settings.PUBLIC_PAGE_CACHE_SECONDS = 60
    url = site.get_absolute_url("en")
    undecided, accepting = Client(), Client()
    # As the banner's script does: no message to show, so no messages cookie to bypass the cache.
    accepting.post(
        reverse("cookie_consent"), {"action": "accept"}, headers={**SAME_ORIGIN, "Accept": "application/json"}
    )

    first = undecided.get(url)
    assert first["X-Cache"] == "MISS"
    assert b"data-consent-banner" in first.content
    with_choice = accepting.get(url)
    assert with_choice["X-Cache"] == "MISS"
    assert b"data-consent-banner" not in with_choice.content
    assert b"data-consent-banner" not in accepting.get(url).content
    again = undecided.get(url)
    assert again["X-Cache"] == "HIT"
    assert b"data-consent-banner" in again.content

    undecided.cookies["visitor_id"] = "v" * 22  # left over from an earlier, expired choice
    hit = undecided.get(url)
    assert hit["X-Cache"] == "HIT"
    assert hit.cookies["visitor_id"]["max-age"] == 0
