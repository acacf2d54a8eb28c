"""Hostile input through the editorial side: admin forms, captions, bios. Calm, and inert on the site."""

import pytest
from django.urls import reverse

from articles.models import Article, Author, Image
from tests.factories import make_article, make_author, make_image, make_user
from tests.security.payloads import ALL, OVERSIZED, XSS, has_live_markup, live_markup
from tests.workflow.factories import change_url, make_draft, make_role_user, post_article_form

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", XSS + ["' OR '1'='1", "\u202e", "a" * 300])
def test_article_fields_take_hostile_input_calmly_and_publish_it_inert(client, payload):
    editor = make_role_user("editor")
    article = make_draft(by=editor, languages=("en", "ar"))
    client.force_login(editor)
    response = post_article_form(
        client,
        article,
        headline_en=payload[:250],
        summary_en=payload,
        source_en=payload[:150],
        body_en=f"<p>Body</p>{payload}",
        headline_ar=f"عنوان {payload}"[:250],
        body_ar=f"<p>نص</p>{payload}",
    )
    assert response.status_code == 302  # saved: hostile text is text, not a reason to refuse
    article.refresh_from_db()
    assert not live_markup(article.body_en)
    assert not live_markup(article.body_ar)
    Article.objects.filter(pk=article.pk).update(status="published", publish_at="2026-01-01T00:00:00Z")
    article.refresh_from_db()
    client.logout()
    for language in ("en", "ar"):
        assert article.is_live_in(language)
        page = client.get(article.get_absolute_url(language))
        assert page.status_code == 200
        assert not has_live_markup(page.content.decode()), live_markup(page.content.decode())


def test_an_oversized_headline_is_refused_with_a_message_and_nothing_lost(client):
    editor = make_role_user("editor")
    article = make_draft(by=editor, headline_en="Original headline")
    client.force_login(editor)
    response = post_article_form(client, article, headline_en=OVERSIZED[:5000], summary_en="Kept summary")
    assert response.status_code == 200  # the form again, with the error
    assert "headline_en" in response.context["adminform"].form.errors
    assert "Kept summary" in response.content.decode()  # what was typed is still there
    article.refresh_from_db()
    assert article.headline_en == "Original headline"


@pytest.mark.parametrize("payload", XSS)
def test_captions_credits_and_alt_text_are_shown_inert(client, payload):
    image = make_image()
    Image.objects.filter(pk=image.pk).update(
        caption_en=payload[:300], credit_en=payload[:150], alt_text_en=payload[:250]
    )
    article = make_article(lead_image=Image.objects.get(pk=image.pk))
    for url in (article.get_absolute_url("en"), "/en/"):
        page = client.get(url)
        assert page.status_code == 200
        assert not has_live_markup(page.content.decode())


@pytest.mark.parametrize("payload", XSS)
def test_author_bio_and_name_are_shown_inert(client, payload):
    author = make_author(display_name_en=f"Name {payload}"[:120], bio_en=payload)
    make_article(authors=[author])
    page = client.get(author.get_absolute_url())
    assert page.status_code == 200
    assert not has_live_markup(page.content.decode())


def test_author_admin_form_takes_hostile_input_calmly(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse("admin:articles_author_add")
    data = {
        "display_name_en": XSS[0],
        "display_name_ar": XSS[1],
        "slug": "../../etc",
        "bio_en": OVERSIZED,
        "bio_ar": "",
    }
    response = client.post(url, data)
    assert response.status_code == 200  # refused: the slug is not a slug
    assert "slug" in response.content.decode().lower()
    assert not Author.objects.exists()


def test_search_in_the_admin_answers_hostile_queries_calmly(client):
    client.force_login(make_user(is_staff=True, is_superuser=True))
    make_article()
    for payload in ALL:
        response = client.get(reverse("admin:articles_article_changelist"), {"q": payload})
        assert response.status_code == 200, payload
        page = response.content.decode()
        # The query is echoed in the search box and the result line, escaped.
        assert "<script>alert" not in page
        assert "<img src=x onerror" not in page
        assert "<svg/onload" not in page


def test_changing_someone_elses_article_by_a_forged_post_is_refused(client):
    writer = make_role_user("writer")
    other = make_draft(by=make_role_user("writer"), headline_en="Their headline")
    client.force_login(writer)
    response = client.post(change_url(other), {"headline_en": "Hijacked", "_save": "Save"})
    assert response.status_code == 403
    other.refresh_from_db()
    assert other.headline_en == "Their headline"
