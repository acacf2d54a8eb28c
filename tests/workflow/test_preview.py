"""Previews: staff see drafts as published; share links are signed, expiring and revocable."""

from datetime import timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone, translation

from articles import services
from articles.models import PreviewLink
from tests.workflow.factories import make_draft, make_role_user

pytestmark = pytest.mark.django_db


def assert_private(response):
    assert response["X-Robots-Tag"] == "noindex, nofollow"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"


def staff_preview_url(article, language):
    with translation.override(language):
        return reverse("articles:preview", args=[article.pk])


@pytest.mark.parametrize(("language", "headline"), [("en", "Draft headline"), ("ar", "عنوان المسودة")])
def test_staff_preview_shows_a_draft_with_the_public_template_in_each_language(client, language, headline):
    writer = make_role_user("writer")
    article = make_draft(
        by=writer, languages=("en", "ar"), headline_en="Draft headline", headline_ar="عنوان المسودة"
    )
    assert client.get(article.get_absolute_url(language)).status_code == 404  # not public
    client.force_login(writer)
    response = client.get(staff_preview_url(article, language))
    assert response.status_code == 200
    assert "articles/article_detail.html" in [t.name for t in response.templates]
    page = response.content.decode()
    assert f'<h1 class="article__headline">{headline}</h1>' in page
    assert 'class="preview-banner"' in page
    assert '<meta name="robots" content="noindex, nofollow">' in page
    assert_private(response)


def test_staff_preview_of_a_missing_language_explains_and_links_the_other(client):
    client.force_login(make_role_user("editor"))
    article = make_draft(languages=("en",))
    response = client.get(staff_preview_url(article, "ar"))
    assert response.status_code == 404
    assert staff_preview_url(article, "en") in response.content.decode()


def test_staff_preview_needs_a_login_and_an_article_role(client):
    article = make_draft()
    response = client.get(staff_preview_url(article, "en"))
    assert response.status_code == 302
    assert "login" in response["Location"]
    client.force_login(make_role_user("moderator"))
    assert client.get(staff_preview_url(article, "en")).status_code == 403


def test_editor_creates_a_share_link_that_opens_without_an_account(client):
    editor = make_role_user("editor")
    article = make_draft(languages=("en", "ar"), headline_en="Shared draft")
    client.force_login(editor)
    response = client.post(reverse("admin:articles_article_share", args=[article.pk]), {"hours": "48"})
    assert response.status_code == 302
    link = PreviewLink.objects.get(article=article)
    assert link.created_by == editor
    assert abs(link.expires_at - (timezone.now() + timedelta(hours=48))) < timedelta(minutes=1)
    page = client.get(reverse("admin:articles_article_preview", args=[article.pk])).content.decode()
    assert link.get_absolute_url("en") in page
    assert link.get_absolute_url("ar") in page
    client.logout()
    shared = client.get(link.get_absolute_url("en"))
    assert shared.status_code == 200
    assert "Shared draft" in shared.content.decode()
    assert_private(shared)
    assert client.get(link.get_absolute_url("ar")).status_code == 200


def test_a_share_link_stops_working_when_it_expires():
    from django.test import Client

    link = services.preview_link_create(article=make_draft(), by=make_role_user("editor"), hours=48)
    client = Client()
    with time_machine.travel(timezone.now() + timedelta(hours=47), tick=False):
        assert client.get(link.get_absolute_url("en")).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(hours=49), tick=False):
        response = client.get(link.get_absolute_url("en"))
        assert response.status_code == 410
        assert "expired" in response.content.decode()
        assert_private(response)


def test_a_revoked_share_link_stops_working_at_once(client):
    editor = make_role_user("editor")
    article = make_draft()
    link = services.preview_link_create(article=article, by=editor)
    url = link.get_absolute_url("en")
    assert client.get(url).status_code == 200
    client.force_login(editor)
    client.post(reverse("admin:articles_article_share_revoke", args=[article.pk, link.pk]))
    client.logout()
    response = client.get(url)
    assert response.status_code == 410
    assert "withdrawn" in response.content.decode()
    link.refresh_from_db()
    assert link.revoked_by == editor


def test_a_tampered_or_foreign_token_opens_nothing(client):
    link = services.preview_link_create(article=make_draft(), by=make_role_user("editor"))
    token = link.token
    assert client.get(reverse("articles:shared_preview", args=[token[:-2] + "xx"])).status_code == 404
    assert client.get(reverse("articles:shared_preview", args=[str(link.pk)])).status_code == 404


def test_writers_and_translators_cannot_create_or_revoke_share_links(client):
    article = make_draft()
    link = services.preview_link_create(article=article, by=make_role_user("editor"))
    for role in ("writer", "translator"):
        user = make_role_user(role)
        with pytest.raises(PermissionDenied):
            services.preview_link_create(article=article, by=user)
        client.force_login(user)
        assert client.post(reverse("admin:articles_article_share", args=[article.pk])).status_code == 403
        assert (
            client.post(
                reverse("admin:articles_article_share_revoke", args=[article.pk, link.pk])
            ).status_code
            == 403
        )
    assert PreviewLink.objects.active().count() == 1


def test_share_link_lifetime_is_bounded():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.preview_link_create(article=make_draft(), by=make_role_user("editor"), hours=24 * 365)


def test_a_preview_offers_no_comment_form_and_counts_no_read(client):
    writer = make_role_user("writer")
    article = make_draft(by=writer, languages=("en",), headline_en="Quiet draft")
    client.force_login(writer)
    page = client.get(staff_preview_url(article, "en")).content.decode()
    assert "Quiet draft" in page
    assert 'id="comment-form"' not in page
    assert "comments/post" not in page
    assert "/reads/" not in page
