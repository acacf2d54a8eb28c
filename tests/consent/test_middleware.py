"""CookieConsentMiddleware with RequestFactory and a view that sets a cookie of every kind."""

import logging
from datetime import UTC, datetime, timedelta

import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from consent.middleware import CookieConsentMiddleware
from tests.consent.factories import consent_cookie, current_policy, make_policy

pytestmark = pytest.mark.django_db

NECESSARY = {"csrftoken", "sessionid", "messages"}
PREFERENCES = {"django_language", "comment_author"}
STATISTICS = {"visitor_id"}


def view_setting_every_kind_of_cookie(request):
    response = HttpResponse("ok")
    for name in ("csrftoken", "sessionid", "messages", "django_language", "comment_author", "visitor_id"):
        response.set_cookie(name, "value")
    return response


def set_cookie_names(response):
    """Cookies the response asks the browser to keep (deletions left out)."""
    return {name for name, morsel in response.cookies.items() if str(morsel["max-age"]) != "0"}


def deleted_cookie_names(response):
    return {name for name, morsel in response.cookies.items() if str(morsel["max-age"]) == "0"}


def run(cookies=None, headers=None, view=view_setting_every_kind_of_cookie):
    request = RequestFactory().get("/en/", headers=headers or {})
    request.COOKIES.update(cookies or {})
    return CookieConsentMiddleware(view)(request)


@pytest.fixture(autouse=True)
def _policy():
    current_policy()


def test_no_choice_lets_only_necessary_cookies_through():
    assert set_cookie_names(run()) == NECESSARY


def test_accept_all_lets_every_registered_cookie_through():
    response = run({"cookie_consent": consent_cookie(("preferences", "statistics"))})
    assert set_cookie_names(response) == NECESSARY | PREFERENCES | STATISTICS


def test_reject_all_lets_only_necessary_cookies_through():
    assert set_cookie_names(run({"cookie_consent": consent_cookie(())})) == NECESSARY


def test_partial_choice_lets_only_that_category_through():
    assert (
        set_cookie_names(run({"cookie_consent": consent_cookie(("preferences",))})) == NECESSARY | PREFERENCES
    )
    assert (
        set_cookie_names(run({"cookie_consent": consent_cookie(("statistics",))})) == NECESSARY | STATISTICS
    )


def test_expired_choice_counts_as_no_choice():
    expired = consent_cookie(given_at=datetime.now(tz=UTC) - timedelta(days=200))
    assert set_cookie_names(run({"cookie_consent": expired})) == NECESSARY


def test_choice_under_an_old_policy_version_counts_as_no_choice():
    old = consent_cookie()
    make_policy(publish=True)
    assert set_cookie_names(run({"cookie_consent": old})) == NECESSARY


def test_gpc_refuses_statistics_even_after_accept_all():
    response = run({"cookie_consent": consent_cookie()}, headers={"Sec-GPC": "1"})
    assert set_cookie_names(response) == NECESSARY | PREFERENCES


def test_tampered_consent_cookie_counts_as_no_choice():
    genuine = consent_cookie(("preferences",))
    tampered = genuine.replace(
        genuine.split(":")[0], consent_cookie(("preferences", "statistics")).split(":")[0]
    )
    assert set_cookie_names(run({"cookie_consent": tampered})) == NECESSARY


def test_unregistered_cookie_is_removed_and_logged(caplog):
    def view(request):
        response = HttpResponse("ok")
        response.set_cookie("_tracker", "1")
        response.set_cookie("csrftoken", "x")
        return response

    with caplog.at_level(logging.WARNING, logger="newsroom.consent"):
        response = run({"cookie_consent": consent_cookie()}, view=view)
    assert set_cookie_names(response) == {"csrftoken"}
    assert "_tracker" in caplog.text
    assert "COOKIE_CONSENT_REGISTRY" in caplog.text


def test_cookies_of_a_withdrawn_category_still_sent_are_expired():
    response = run(
        {"cookie_consent": consent_cookie(("preferences",)), "django_language": "ar", "visitor_id": "x" * 22},
        view=lambda request: HttpResponse("ok"),
    )
    assert deleted_cookie_names(response) == {"visitor_id"}
    assert response.cookies["visitor_id"]["path"] == "/"


def test_optional_cookies_sent_without_any_choice_are_expired():
    response = run(
        {"django_language": "ar", "comment_author_x": "Layla"}, view=lambda request: HttpResponse()
    )
    assert deleted_cookie_names(response) == {"django_language", "comment_author_x"}


def test_necessary_and_unknown_cookies_sent_by_the_browser_are_left_alone():
    response = run(
        {"csrftoken": "x", "sessionid": "y", "someone_elses": "z"}, view=lambda request: HttpResponse()
    )
    assert not response.cookies


def test_deleting_a_cookie_is_always_allowed():
    def view(request):
        response = HttpResponse("ok")
        response.delete_cookie("visitor_id")
        response.delete_cookie("unknown_old_cookie")
        return response

    assert deleted_cookie_names(run(view=view)) == {"visitor_id", "unknown_old_cookie"}


def test_response_without_cookies_needs_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        run({"cookie_consent": "whatever-it-says"}, view=lambda request: HttpResponse())
