"""The public page cache: fast for anonymous readers, never a wrong page."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_article, make_user
from tests.web.pages import cached_page

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


def test_second_anonymous_request_is_served_from_the_cache(client):
    make_article(headline_en="Cached story")
    first = client.get("/en/")
    second = client.get("/en/")
    assert first.headers["X-Cache"] == "MISS"
    assert second.headers["X-Cache"] == "HIT"
    assert second.content == first.content
    assert "Content-Security-Policy" in second.headers


def test_a_new_article_shows_at_once(client):
    make_article(headline_en="First story")
    cached_page(client, "/en/")
    make_article(headline_en="Breaking second story")
    assert "Breaking second story" in client.get("/en/").content.decode()


def test_an_edit_shows_at_once(client):
    article = make_article(headline_en="Old headline")
    url = article.get_absolute_url("en")
    cached_page(client, url)
    article.headline_en = "Corrected headline"
    article.save()
    assert "Corrected headline" in client.get(url).content.decode()


def test_an_unpublished_article_disappears_at_once(client):
    article = make_article(headline_en="Withdrawn story")
    url = article.get_absolute_url("en")
    assert cached_page(client, url).status_code == 200
    cached_page(client, "/en/")
    article.status = Status.UNPUBLISHED
    article.save()
    assert client.get(url).status_code == 404
    assert "Withdrawn story" not in client.get("/en/").content.decode()


def test_a_scheduled_article_appears_when_its_time_comes_without_any_save(client):
    make_article(headline_en="Already out")
    make_article(headline_en="Embargoed story", publish_at=timezone.now() + timedelta(seconds=2))
    assert "Embargoed story" not in client.get("/en/").content.decode()
    assert client.get("/en/").headers["X-Cache"] == "HIT"
    time.sleep(2.2)
    assert "Embargoed story" in client.get("/en/").content.decode()


def test_logged_in_staff_neither_get_nor_fill_the_cache(client):
    make_article(headline_en="Story")
    client.force_login(make_user(is_staff=True))
    assert client.get("/en/").headers["X-Cache"] == "BYPASS"
    client.logout()
    assert client.get("/en/").headers["X-Cache"] == "MISS"


def test_unknown_query_parameters_bypass_the_cache(client):
    make_article()
    client.get("/en/?utm=1")
    assert client.get("/en/?utm=1").headers["X-Cache"] == "BYPASS"
    client.get("/en/?page=1")
    assert client.get("/en/?page=1").headers["X-Cache"] == "HIT"


def test_languages_are_cached_separately(client):
    make_article(headline_en="English words", headline_ar="كلمات عربية")
    client.get("/en/")
    arabic = client.get("/ar/")
    assert "كلمات عربية" in arabic.content.decode()
    assert 'dir="rtl"' in arabic.content.decode()


def test_error_pages_are_not_cached(client):
    client.get("/en/news/nothing-here/")
    assert client.get("/en/news/nothing-here/").headers["X-Cache"] == "BYPASS"


def test_queryset_update_needs_no_signal_for_scheduled_content(client):
    # A plain publish via the ORM's save() goes through signals; bulk updates are the
    # workflow's business and call invalidate_public_pages themselves.
    from web.cache import invalidate_public_pages

    article = make_article(headline_en="Bulk story", status=Status.DRAFT)
    cached_page(client, "/en/")
    Article.objects.filter(pk=article.pk).update(status=Status.PUBLISHED)
    invalidate_public_pages()
    assert "Bulk story" in client.get("/en/").content.decode()


def test_an_approved_comment_shows_at_once(client, django_capture_on_commit_callbacks):
    from comments.models import Status as CommentStatus
    from comments.services import comment_approve
    from tests.comments.factories import make_comment

    article = make_article()
    url = article.get_absolute_url("en")
    pending = make_comment(article=article, status=CommentStatus.PENDING, body="Held for the moderator")
    assert "Held for the moderator" not in cached_page(client, url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        comment_approve(comment=pending, by=make_user(is_staff=True))
    assert "Held for the moderator" in client.get(url).content.decode()


def test_a_held_comment_does_not_empty_the_cache(client, django_capture_on_commit_callbacks):
    from comments.models import Status as CommentStatus
    from tests.comments.factories import make_comment

    article = make_article()
    url = article.get_absolute_url("en")
    cached_page(client, url)
    with django_capture_on_commit_callbacks(execute=True):
        make_comment(article=article, status=CommentStatus.PENDING)
    assert client.get(url).headers["X-Cache"] == "HIT"


def test_fragments_serve_pages_the_page_cache_cannot_and_follow_edits(client, django_assert_max_num_queries):
    article = make_article(headline_en="Fragment story")
    url = article.get_absolute_url("en")
    client.get(url)
    # A random query string bypasses the page cache; the fragments still spare the heavy parts.
    with django_assert_max_num_queries(4):
        response = client.get(url + "?utm_source=x")
    assert response.headers["X-Cache"] == "BYPASS"
    assert "Fragment story" in response.content.decode()
    article.body_en = "<p>A corrected paragraph.</p>"
    article.save()
    assert "A corrected paragraph." in client.get(url + "?utm_source=y").content.decode()


def test_a_reader_served_a_cached_page_can_still_comment(client):
    from tests.comments.factories import post_comment

    article = make_article()
    url = article.get_absolute_url("en")
    client.get(url)
    cached = client.get(url)
    assert cached.headers["X-Cache"] == "HIT"
    assert "csrfmiddlewaretoken" not in cached.content.decode()
    response = post_comment(client, article, body="Posted from a cached page")
    assert response.status_code == 302
    from comments.models import Comment

    assert Comment.objects.filter(body="Posted from a cached page").exists()


def test_a_cached_page_never_carries_another_readers_consent_state(client):
    from django.test import Client

    make_article()
    undecided = client.get("/en/")
    assert "data-consent-banner" in undecided.content.decode()
    decided = Client()
    decided.post("/en/cookies/", {"action": "reject", "next": "/en/"}, HTTP_ORIGIN="http://testserver")
    decided.get("/en/")  # may still carry the "choice saved" message: never cached
    page = decided.get("/en/")
    assert page.headers["X-Cache"] == "MISS"  # another consent state, another cache entry
    assert "data-consent-banner" not in page.content.decode()
    again = client.get("/en/")
    assert again.headers["X-Cache"] == "HIT"
    assert "data-consent-banner" in again.content.decode()
