import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import make_article

pytestmark = pytest.mark.django_db


def html_tag(content: bytes) -> str:
    return re.search(r"<html[^>]*>", content.decode()).group(0)


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
def test_home_answers_in_each_language_with_lang_and_dir(client, language, direction):
    make_article(headline_en="English headline", headline_ar="عنوان عربي")
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert html_tag(response.content) == f'<html lang="{language}" dir="{direction}">'
    expected = "English headline" if language == "en" else "عنوان عربي"
    assert expected in response.content.decode()


def test_root_redirects_to_a_language_prefix(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] in {"/en/", "/ar/"}


def test_article_page_shows_the_seed_structure(client):
    article = make_article(label="exclusive", source_en="Euphrates Post", headline_en="A new capital")
    response = client.get(article.get_absolute_url("en"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "<h1" in page
    assert "A new capital" in page
    assert "Exclusive" in page
    assert "Euphrates Post" in page
    assert f'href="/en/author/{article.byline_authors[0].slug}/"' in page


def test_article_page_in_arabic_is_right_to_left(client):
    article = make_article()
    with translation.override("ar"):
        url = article.get_absolute_url()
    response = client.get(url)
    assert response.status_code == 200
    assert 'dir="rtl"' in html_tag(response.content)
    assert article.headline_ar in response.content.decode()


def test_article_missing_a_language_answers_404_there(client):
    article = make_article(languages=("en",))
    assert client.get(article.get_absolute_url("en")).status_code == 200
    assert (
        client.get(
            reverse("articles:detail", kwargs={"slug": article.slug_en}).replace("/en/", "/ar/")
        ).status_code
        == 404
    )


def test_language_switcher_offers_only_live_languages(client):
    english_only = make_article(languages=("en",))
    page = client.get(english_only.get_absolute_url("en")).content.decode()
    assert 'hreflang="ar"' not in page
    both = make_article()
    page = client.get(both.get_absolute_url("en")).content.decode()
    assert f'href="{both.get_absolute_url("ar")}" hreflang="ar"' in page


def test_listings_hide_articles_missing_the_language(client):
    make_article(languages=("en",), headline_en="Only in English")
    assert "Only in English" in client.get("/en/").content.decode()
    assert "Only in English" not in client.get("/ar/").content.decode()


def test_section_tag_and_author_pages_list_live_articles(client):
    article = make_article()
    author = article.byline_authors[0]
    with translation.override("en"):
        urls = [article.section.get_absolute_url(), author.get_absolute_url()]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200
        assert article.headline_en in response.content.decode()


def test_draft_is_not_reachable_by_the_public(client):
    from articles.models import Status

    draft = make_article(status=Status.DRAFT)
    assert client.get(draft.get_absolute_url("en")).status_code == 404
