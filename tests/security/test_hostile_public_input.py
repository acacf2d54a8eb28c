"""Every public input answers hostile input calmly (never a 500) and renders it inert."""

import pytest

from comments.models import Comment, Status as CommentStatus
from tests.comments.factories import post_comment
from tests.factories import make_article
from tests.security.payloads import ALL, OVERSIZED, PATHS, SQL, XSS, has_live_markup

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_limits(settings):
    settings.RATE_LIMITS = {}


@pytest.mark.parametrize("payload", XSS + SQL + ["a" * 10_000, "\u202eRTL"])
def test_comment_name_and_body_are_stored_as_text_and_shown_inert(
    client, payload, django_capture_on_commit_callbacks
):
    article = make_article()
    response = post_comment(client, article, name=payload[:80], body=f"Body {payload}")
    assert response.status_code in (302, 400)
    comment = Comment.objects.filter(article=article).first()
    if comment:
        Comment.objects.filter(pk=comment.pk).update(status=CommentStatus.APPROVED)
    page = client.get(article.get_absolute_url("en"))
    assert page.status_code == 200
    assert not has_live_markup(page.content.decode())


def test_a_comment_with_a_nul_byte_is_refused_calmly(client):
    article = make_article()
    response = post_comment(client, article, body="hello\x00world")
    assert response.status_code in (302, 400)


def test_an_oversized_comment_is_refused_with_a_message(client):
    article = make_article()
    response = post_comment(client, article, body=OVERSIZED)
    assert response.status_code in (400, 413)
    assert not Comment.objects.exists()


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("payload", ALL + [OVERSIZED])
def test_search_answers_every_query_calmly(client, language, payload):
    make_article(headline_en="River water returns", headline_ar="عودة مياه النهر")
    response = client.get(f"/{language}/search/", {"q": payload})
    assert response.status_code == 200
    assert not has_live_markup(response.content.decode())


@pytest.mark.parametrize("payload", PATHS + ["<script>alert(1)</script>", "' OR 1=1--", "%ff%fe", "a" * 3000])
def test_hostile_urls_get_a_calm_not_found(client, payload):
    for prefix in ("/en/news/", "/ar/section/", "/en/author/", "/en/tag/", "/media/", "/static/"):
        response = client.get(prefix + payload)
        assert response.status_code in (301, 302, 400, 404), (prefix, payload, response.status_code)
        assert not has_live_markup(response.content.decode(errors="replace"))


@pytest.mark.parametrize("payload", ["x" * 8000, "<script>alert(1)</script>", "' OR '1'='1", "\u202e"])
def test_hostile_headers_are_answered_calmly(client, payload):
    # On the wire headers are bytes; a WSGI server hands them over decoded as latin-1.
    payload = payload.encode("utf-8").decode("latin-1")
    make_article()
    response = client.get(
        "/en/",
        HTTP_USER_AGENT=payload,
        HTTP_REFERER=payload,
        HTTP_ACCEPT_LANGUAGE=payload[:500],
        HTTP_X_FORWARDED_FOR=payload[:200],
        HTTP_COOKIE=f"cookie_consent={payload[:300]}; comment_author={payload[:300]}",
    )
    assert response.status_code == 200
    assert not has_live_markup(response.content.decode())


def test_a_forged_host_header_is_refused_calmly(client):
    response = client.get("/en/", HTTP_HOST="evil.example")
    assert response.status_code == 400


@pytest.mark.parametrize("page", ["1' OR '1'='1", "-1", "99999999999999999999", "<script>", "0"])
def test_odd_page_numbers_answer_calmly(client, page):
    make_article()
    assert client.get("/en/", {"page": page}).status_code in (200, 404)
    assert client.get("/en/search/", {"q": "river", "page": page}).status_code in (200, 404)


def test_consent_form_with_hostile_next_never_redirects_away(client):
    response = client.post(
        "/en/cookies/", {"action": "reject", "next": "https://evil.example/"}, HTTP_ORIGIN="http://testserver"
    )
    assert response.status_code in (302, 303)
    assert "evil.example" not in response["Location"]


def test_the_live_markup_detector_catches_what_it_must():
    from tests.security.payloads import live_markup

    assert live_markup('<img src=x onerror="alert(1)">')
    assert live_markup("<script>alert(1)</script>")
    assert live_markup('<a href=" javascript:alert(1)">x</a>')
    assert not live_markup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")
    assert not live_markup('<script src="/static/js/consent.js" defer></script>')
