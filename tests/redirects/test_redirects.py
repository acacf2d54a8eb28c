"""Old WordPress addresses answer 301 to the page in the right language."""

from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils.encoding import iri_to_uri

from articles.models import Article
from redirects.models import MissedAddress, Redirect, Source
from tests.factories import make_article, make_user
from wordpress.models import ImportRecord, Kind

pytestmark = pytest.mark.django_db

AR_SLUG = quote("داعش-يتراجع-عاصمة-جديدة").lower()


@pytest.fixture
def imported(import_polylang):
    import_polylang()

    def article(wp_id):
        return Article.objects.get(pk=ImportRecord.objects.get(kind=Kind.POST, wp_id=str(wp_id)).object_id)

    return article


def location(client, path, **headers):
    response = client.get(path, **headers)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


ENGLISH_FORMS = [
    "/2017/03/20/isis-retreating-new-capital-possible/",
    "/2017/03/20/isis-retreating-new-capital-possible",
    "/2017/03/isis-retreating-new-capital-possible/",
    "/2017/03/20/isis-retreating-new-capital-possible/amp/",
    "/2017/03/20/isis-retreating-new-capital-possible/?amp=1",
    "/2017/03/20/isis-retreating-new-capital-possible/feed/",
    "/?p=101",
    "/?p=101&utm_source=newsletter",
]
ARABIC_FORMS = [
    f"/ar/2017/03/20/{AR_SLUG}/",
    f"/2017/03/20/{AR_SLUG}/",
    f"/2017/03/{AR_SLUG}",
    f"/ar/2017/03/20/{AR_SLUG.upper()}/amp/",
    "/?p=102",
]


@pytest.mark.parametrize("path", ENGLISH_FORMS)
def test_old_english_post_addresses_lead_to_the_english_page(client, imported, path):
    assert location(client, path) == imported(101).get_absolute_url("en")


@pytest.mark.parametrize("path", ARABIC_FORMS)
def test_old_arabic_post_addresses_lead_to_the_arabic_page(client, imported, path):
    expected = iri_to_uri(imported(102).get_absolute_url("ar"))
    assert location(client, path) == expected


def test_the_language_comes_from_the_address_not_the_browser(client, imported):
    assert location(client, "/?p=101", HTTP_ACCEPT_LANGUAGE="ar") == imported(101).get_absolute_url("en")


def test_the_redirect_lands_on_a_live_page(client, imported):
    response = client.get("/?p=102", follow=True)
    assert response.status_code == 200
    assert "داعش يتراجع" in response.content.decode()


@pytest.mark.parametrize(
    ("path", "name", "slug", "language"),
    [
        ("/category/news/", "articles:section", "news", "en"),
        ("/category/news/syria/", "articles:section", "syria", "en"),
        ("/category/syria", "articles:section", "syria", "en"),
        ("/category/news/feed/", "articles:section-feed", "news", "en"),
        (f"/category/{quote('أخبار').lower()}/", "articles:section", "أخبار", "ar"),
        ("/tag/deir-ez-zor/", "articles:tag", "deir-ez-zor", "en"),
        ("/author/admindiaa/", "articles:author", "admindiaa", "en"),
        ("/author/admindiaa/feed/", "articles:author-feed", "admindiaa", "en"),
    ],
)
def test_old_term_and_author_addresses_lead_to_their_pages(client, imported, path, name, slug, language):
    from django.utils import translation

    with translation.override(language):
        expected = iri_to_uri(reverse(name, kwargs={"slug": slug}))
    assert location(client, path) == expected


@pytest.mark.parametrize(
    ("path", "target"),
    [("/feed/", "/en/feed/"), ("/?feed=rss2", "/en/feed/"), ("/feed/atom/", "/en/feed/atom/")],
)
def test_site_feeds_lead_to_ours(client, imported, path, target):
    assert location(client, path) == target


@pytest.mark.parametrize("path", ["/privacy-policy/", "/?page_id=109"])
def test_the_old_privacy_policy_leads_to_ours(client, imported, path):
    assert location(client, path) == "/en/privacy/"


def test_a_renamed_slug_does_not_break_the_redirect(client, imported):
    article = imported(101)
    article.slug_en = "isis-new-capital"
    article.save()
    Redirect.objects.first().save()  # any redirect change forgets cached answers
    assert location(client, "/?p=101") == "/en/news/isis-new-capital/"


def test_a_redirect_added_in_the_admin_works(client):
    article = make_article(slug_en="new-home")
    client.force_login(make_user(is_staff=True, is_superuser=True))
    response = client.post(
        reverse("admin:redirects_redirect_add"),
        {"old_path": "/2015/01/old-name/", "language": "en", "target_path": article.get_absolute_url("en")},
    )
    assert response.status_code == 302, response.content
    client.logout()
    assert location(client, "/2015/01/old-name/") == "/en/news/new-home/"
    assert Redirect.objects.get().source == Source.EDITOR


def test_an_editors_redirect_is_not_overwritten_by_a_reimport(client, imported, import_polylang):
    Redirect.objects.filter(old_path="/?p=101").update(
        source=Source.EDITOR, target_path="/en/search/", content_type=None, object_id=None
    )
    import_polylang()
    assert location(client, "/?p=101") == "/en/search/"


def test_page_cache_never_serves_a_redirect_in_the_wrong_language(client, imported, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    english, arabic = imported(101).get_absolute_url("en"), iri_to_uri(imported(102).get_absolute_url("ar"))
    for _ in range(2):
        assert location(client, "/?p=101") == english
        assert location(client, "/?p=102") == arabic
        assert location(client, "/?p=101", HTTP_ACCEPT_LANGUAGE="ar") == english
    assert client.get(english).status_code == 200


def test_a_missed_wordpress_address_is_logged_for_editors(client):
    assert client.get("/2019/01/01/a-story-we-never-had/").status_code == 404
    assert client.get("/2019/01/01/a-story-we-never-had").status_code == 404
    assert client.get("/nothing-like-wordpress/").status_code == 404
    assert list(MissedAddress.objects.values_list("path", "hits")) == [
        ("/2019/01/01/a-story-we-never-had", 2)
    ]


def test_existing_pages_are_never_redirected(client, imported):
    Redirect.objects.create(old_path="/en/search/", target_path="/en/")
    assert client.get("/en/search/").status_code == 200


def test_an_address_with_a_nul_byte_gets_a_calm_not_found(client):
    assert client.get("/2019/01/01/%00story/").status_code == 404
    assert not MissedAddress.objects.exists()


def test_an_overlong_old_looking_address_gets_a_calm_not_found(client):
    assert client.get("/category/" + "a" * 3000 + "/").status_code == 404
    assert len(MissedAddress.objects.get().path) == 500


def test_a_redirect_costs_two_queries_once_then_none(client, imported, django_assert_max_num_queries):
    client.get("/2017/03/20/isis-retreating-new-capital-possible/")  # warm the session-less 404 path
    Redirect.objects.first().save()  # forget cached answers
    with django_assert_max_num_queries(2):  # the redirect row, then the article it names
        from redirects.lookup import find_redirect

        assert find_redirect("/?p=101")
    with django_assert_max_num_queries(0):
        assert find_redirect("/?p=101")
