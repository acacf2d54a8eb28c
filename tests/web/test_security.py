import pytest
from django.http import HttpResponse
from django.test import RequestFactory

from web.security import request_is_same_origin, same_origin_post


@same_origin_post
def dummy_view(request):
    return HttpResponse("stored")


@pytest.mark.parametrize(
    ("headers", "allowed"),
    [
        ({"Sec-Fetch-Site": "same-origin"}, True),
        ({"Sec-Fetch-Site": "none"}, True),
        ({"Sec-Fetch-Site": "cross-site"}, False),
        ({"Sec-Fetch-Site": "same-site"}, False),
        ({"Origin": "http://testserver"}, True),
        ({"Origin": "https://evil.example"}, False),
        ({"Origin": "null"}, False),
        ({"Referer": "http://testserver/en/news/x/"}, True),
        ({"Referer": "http://evil.example/en/"}, False),
        ({}, False),
        # Fetch metadata wins over a forged-looking but matching Origin.
        ({"Sec-Fetch-Site": "cross-site", "Origin": "http://testserver"}, False),
    ],
)
def test_post_is_accepted_only_from_this_site(headers, allowed):
    request = RequestFactory().post("/en/comments/post/", headers=headers)
    assert request_is_same_origin(request) is allowed
    response = dummy_view(request)
    assert response.status_code == (200 if allowed else 403)


def test_get_requests_pass_through_without_origin_headers():
    assert dummy_view(RequestFactory().get("/en/")).status_code == 200


def test_trusted_origins_are_accepted(settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.org"]
    request = RequestFactory().post("/", headers={"Origin": "https://www.example.org"})
    assert request_is_same_origin(request)


def test_refusal_is_explained_in_the_readers_language():
    from django.utils import translation

    with translation.override("en"):
        response = dummy_view(RequestFactory().post("/", headers={"Origin": "https://evil.example"}))
    assert b"can only be sent from this website" in response.content


@pytest.mark.parametrize(
    ("secure", "referer", "allowed"),
    [
        (False, "http://testserver/en/news/x/", True),
        (True, "https://testserver/en/news/x/", True),
        (True, "http://testserver/en/news/x/", False),  # the plain-HTTP site is another origin
        (False, "https://evil.example/en/", False),
    ],
)
def test_referer_is_the_last_resort_on_http_and_https_alike(secure, referer, allowed):
    request = RequestFactory().post("/en/comments/post/", headers={"Referer": referer}, secure=secure)
    assert request_is_same_origin(request) is allowed
