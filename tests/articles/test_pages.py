"""The reader's pages: composition, share metadata, dates, accessibility structure, errors."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import override_settings
from django.utils import timezone, translation

from articles.models import Article, RelatedArticle, Status
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db


def h1_count(page: str) -> int:
    return len(re.findall(r"<h1[\s>]", page))


def heading_levels(page: str) -> list[int]:
    return [int(level) for level in re.findall(r"<h([1-6])[\s>]", page)]


def assert_heading_order(page: str):
    levels = heading_levels(page)
    assert levels, levels
    assert levels[0] == 1, levels
    for before, after in zip(levels, levels[1:], strict=False):
        assert after <= before + 1, levels  # never skips a level going down


def json_ld(page: str) -> dict:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)
    return json.loads(match.group(1))


# ---- Home ---------------------------------------------------------------------------------


def test_home_leads_with_the_latest_featured_article(client):
    make_article(headline_en="Newest story")
    featured = make_article(
        headline_en="Chosen lead", featured=True, publish_at=timezone.now() - timedelta(days=2)
    )
    response = client.get("/en/")
    assert response.context["lead_article"] == featured
    assert featured not in response.context["latest"]


def test_home_leads_with_the_latest_article_when_none_is_featured(client):
    make_article(headline_en="Older", publish_at=timezone.now() - timedelta(days=1))
    newest = make_article(headline_en="Newest", publish_at=timezone.now() - timedelta(minutes=1))
    assert client.get("/en/").context["lead_article"] == newest


def test_home_shows_section_blocks_in_section_order_without_repeating_stories(client):
    first = make_section(order=1, name_en="World")
    second = make_section(order=2, name_en="Economy")
    articles = [make_article(section=second) for _ in range(15)] + [
        make_article(section=first) for _ in range(3)
    ]
    response = client.get("/en/")
    blocks = response.context["section_blocks"]
    shown = [response.context["lead_article"], *response.context["latest"]]
    assert [b["section"] for b in blocks] == sorted({b["section"] for b in blocks}, key=lambda s: s.order)
    for block in blocks:
        assert len(block["articles"]) <= 4
        assert all(a.section == block["section"] for a in block["articles"])
        assert not set(block["articles"]) & set(shown)
        dates = [a.publish_at for a in block["articles"]]
        assert dates == sorted(dates, reverse=True)
    assert len({a.pk for a in articles}) == 18


def test_home_second_page_continues_the_latest_news(client):
    for _ in range(30):
        make_article()
    first = client.get("/en/")
    second = client.get("/en/?page=2")
    assert second.status_code == 200
    assert second.context["lead_article"] is None
    assert second.context["section_blocks"] == []
    assert not set(first.context["latest"]) & set(second.context["latest"])
    assert h1_count(second.content.decode()) == 1


@pytest.mark.parametrize("page", ["0", "-1", "abc", "999", "1.5", "%00"])
def test_invalid_page_numbers_answer_404_not_500(client, page):
    article = make_article()
    with translation.override("en"):
        urls = ["/en/", article.section.get_absolute_url(), article.byline_authors[0].get_absolute_url()]
    for url in urls:
        assert client.get(url, {"page": page}).status_code == 404


def test_last_page_keyword_answers(client):
    make_article()
    assert client.get("/en/?page=last").status_code == 200


# ---- Article page -------------------------------------------------------------------------


def test_article_page_shows_label_dates_bylines_image_tags_and_body(client):
    image = make_image(caption_en="Boats on the river", credit_en="Agency photo")
    authors = [make_author(display_name_en="Salma Haddad"), make_author(display_name_en="Omar Aziz")]
    tag = make_tag(name_en="Euphrates")
    article = make_article(
        label="analysis", lead_image=image, authors=authors, tags=[tag], headline_en="Why the river falls"
    )
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert "Analysis" in page
    assert "Salma Haddad</a> and <a" in page
    assert "Omar Aziz" in page
    for author in authors:
        assert f'href="/en/author/{author.slug}/" rel="author"' in page
    assert "Boats on the river" in page
    assert "Agency photo" in page
    assert 'alt="A test picture"' in page
    assert 'loading="eager"' in page
    assert 'fetchpriority="high"' in page
    assert f'href="/en/tag/{tag.slug_en}/" rel="tag"' in page
    assert f'datetime="{article.publish_at.isoformat()}"' in page


def test_byline_never_shows_the_login_name(client):
    from tests.factories import make_user

    user = make_user("jdoe_login")
    author = make_author(user=user, display_name_en="Jane Doe")
    article = make_article(authors=[author])
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert "Jane Doe" in page
    assert "jdoe_login" not in page


def test_article_dates_are_written_in_the_reader_language(client):
    moment = timezone.now().replace(year=2025, month=3, day=14, hour=9, minute=5)
    article = make_article(publish_at=moment)
    english = client.get(article.get_absolute_url("en")).content.decode()
    arabic = client.get(article.get_absolute_url("ar")).content.decode()
    assert "March 14, 2025" in english
    assert "14 مارس، 2025" in arabic


def dates_line(page: str) -> str:
    return re.search(r'<p class="article__dates">(.*?)</p>', page, re.S).group(1)


def test_updated_date_shows_only_after_a_real_later_edit(client):
    article = make_article()
    assert dates_line(client.get(article.get_absolute_url("en")).content.decode()).count("<time") == 1
    later = timezone.now() + timedelta(hours=3)
    Article.objects.filter(pk=article.pk).update(edited_en_at=later)
    english = dates_line(client.get(article.get_absolute_url("en")).content.decode())
    assert english.count("<time") == 2
    assert "Updated" in english
    assert f'datetime="{later.isoformat()}"' in english
    # An edit of the English text is no update of the Arabic page.
    assert dates_line(client.get(article.get_absolute_url("ar")).content.decode()).count("<time") == 1


def test_share_metadata_canonical_hreflang_open_graph_and_twitter(client):
    article = make_article(lead_image=make_image(), headline_en="Water returns")
    page = client.get(article.get_absolute_url("en")).content.decode()
    canonical = f"http://testserver{article.get_absolute_url('en')}"
    assert f'<link rel="canonical" href="{canonical}">' in page
    assert f'hreflang="ar" href="http://testserver{article.get_absolute_url("ar")}"' in page
    assert f'hreflang="x-default" href="{canonical}"' in page
    assert '<meta property="og:type" content="article">' in page
    assert '<meta property="og:title" content="Water returns">' in page
    assert f'<meta property="og:url" content="{canonical}">' in page
    assert re.search(
        r'<meta property="og:image" content="http://testserver/media/renditions/[^"]+\.jpg">', page
    )
    assert '<meta name="twitter:card" content="summary_large_image">' in page


def test_hreflang_lists_only_live_languages(client):
    article = make_article(languages=("ar",))
    page = client.get(article.get_absolute_url("ar")).content.decode()
    assert 'hreflang="en"' not in page
    assert f'hreflang="ar" href="http://testserver{article.get_absolute_url("ar")}"' in page
    assert 'hreflang="x-default"' in page


def test_json_ld_describes_a_news_article(client):
    author = make_author(display_name_en="Salma Haddad")
    article = make_article(authors=[author], lead_image=make_image(), headline_en="Dam </script><script>x")
    data = json_ld(client.get(article.get_absolute_url("en")).content.decode())
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Dam </script><script>x"
    assert data["author"] == [
        {"@type": "Person", "name": "Salma Haddad", "url": f"http://testserver/en/author/{author.slug}/"}
    ]
    assert data["publisher"]["name"] == "Euphrates Post"
    assert data["datePublished"]
    assert data["dateModified"]
    assert data["image"][0]["url"].startswith("http://testserver/media/renditions/")


def test_json_ld_cannot_be_broken_out_of(client):
    article = make_article(headline_en="</script><script>alert(1)</script>")
    page = client.get(article.get_absolute_url("en")).content.decode()
    block = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert "<" not in block


def test_related_block_lists_picks_first_and_links_only_live_articles(client):
    article = make_article()
    pick = make_article(headline_en="Curated pick")
    draft = make_article(headline_en="Hidden draft", status=Status.DRAFT)
    RelatedArticle.objects.create(from_article=article, to_article=pick, order=0)
    RelatedArticle.objects.create(from_article=article, to_article=draft, order=1)
    response = client.get(article.get_absolute_url("en"))
    assert response.context["related_articles"][0] == pick
    page = response.content.decode()
    assert "You may also like" in page
    assert "Curated pick" in page
    assert "Hidden draft" not in page


def test_article_from_the_future_is_not_reachable(client):
    future = make_article(publish_at=timezone.now() + timedelta(hours=1))
    assert client.get(future.get_absolute_url("en")).status_code == 404


def test_unpublished_article_is_not_listed_anywhere(client):
    article = make_article(headline_en="Withdrawn story", status=Status.UNPUBLISHED)
    with translation.override("en"):
        urls = ["/en/", article.section.get_absolute_url(), article.byline_authors[0].get_absolute_url()]
    for url in urls:
        assert "Withdrawn story" not in client.get(url).content.decode()


# ---- Listings -----------------------------------------------------------------------------


def test_author_page_shows_photo_bio_and_only_their_live_articles(client):
    author = make_author(display_name_en="Salma Haddad", bio_en="Covers culture.\nBased in Raqqa.")
    from django.core.files.base import ContentFile

    from tests.factories import jpeg_bytes

    author.photo.save("me.jpg", ContentFile(jpeg_bytes()), save=True)
    mine = make_article(authors=[author], headline_en="Her story")
    make_article(headline_en="Someone else's story")
    make_article(authors=[author], headline_en="Her draft", status=Status.DRAFT)
    response = client.get(author.get_absolute_url())
    page = response.content.decode()
    assert list(response.context["articles"]) == [mine]
    assert "Salma Haddad" in page
    assert "Covers culture.<br>Based in Raqqa." in page
    assert author.photo.url in page
    assert "Someone else" not in page
    assert "Her draft" not in page


def test_author_with_only_an_english_name_keeps_it_on_arabic_pages(client):
    author = make_author(display_name_en="Salma Haddad", display_name_ar="")
    article = make_article(authors=[author])
    arabic = client.get(article.get_absolute_url("ar")).content.decode()
    assert "Salma Haddad" in arabic
    assert client.get(f"/ar/author/{author.slug}/").status_code == 200


def test_tag_page_lists_its_live_articles_newest_first(client):
    tag = make_tag()
    older = make_article(tags=[tag], publish_at=timezone.now() - timedelta(days=2))
    newer = make_article(tags=[tag], publish_at=timezone.now() - timedelta(days=1))
    make_article()
    response = client.get(f"/en/tag/{tag.slug_en}/")
    assert list(response.context["articles"]) == [newer, older]


def test_listings_are_paginated(client):
    section = make_section()
    for _ in range(14):
        make_article(section=section)
    first = client.get(f"/en/section/{section.slug_en}/")
    assert len(first.context["articles"]) == 12
    assert 'href="?page=2"' in first.content.decode()
    second = client.get(f"/en/section/{section.slug_en}/?page=2")
    assert len(second.context["articles"]) == 2


def test_teaser_pictures_after_the_first_few_load_lazily(client):
    section = make_section()
    for _ in range(6):
        make_article(section=section, lead_image=make_image())
    page = client.get(f"/en/section/{section.slug_en}/").content.decode()
    loading = re.findall(r'loading="(\w+)"', page)
    assert loading == ["eager"] * 3 + ["lazy"] * 3
    assert all(
        re.search(r'<img [^>]*width="\d+" height="\d+"', tag) for tag in re.findall(r"<img [^>]+>", page)
    )


# ---- Structure and accessibility ------------------------------------------------------------


@pytest.mark.parametrize("language", ["en", "ar"])
def test_every_page_has_one_h1_landmarks_a_skip_link_and_ordered_headings(client, language):
    tag = make_tag()
    article = make_article(tags=[tag], lead_image=make_image())
    make_article(section=article.section, tags=[tag])
    with translation.override(language):
        urls = [
            f"/{language}/",
            article.get_absolute_url(),
            article.section.get_absolute_url(),
            tag.get_absolute_url(),
            article.byline_authors[0].get_absolute_url(),
            f"/{language}/search/?q=1",
            f"/{language}/search/",
            f"/{language}/no-such-page/",
        ]
    for url in urls:
        page = client.get(url).content.decode()
        assert h1_count(page) == 1, url
        assert_heading_order(page)
        assert '<a class="skip-link" href="#content">' in page
        assert '<main id="content"' in page
        assert "<header" in page
        assert "<footer" in page
        assert "<nav" in page
        for field_id in re.findall(r'<input id="([^"]+)"', page):
            assert (
                f'<label for="{field_id}"' in page
                or f'<label class="visually-hidden" for="{field_id}"' in page
            )


def test_section_navigation_marks_the_current_section(client):
    article = make_article()
    page = client.get(f"/en/section/{article.section.slug_en}/").content.decode()
    assert f'href="/en/section/{article.section.slug_en}/" aria-current="page"' in page


# ---- Errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "text"), [("en", "Page not found"), ("ar", "الصفحة غير موجودة")])
def test_404_page_speaks_the_reader_language(client, language, text):
    response = client.get(f"/{language}/news/no-such-article/")
    assert response.status_code == 404
    page = response.content.decode()
    assert text in page
    assert f'<html lang="{language}"' in page
    assert 'name="q"' in page


@pytest.mark.parametrize(("language", "direction"), [("en", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize(
    ("template", "english", "arabic"),
    [
        ("500.html", "Something went wrong on our side", "حدث خطأ من جهتنا"),
        ("503.html", "We will be back in a few seconds", "سنعود خلال ثوانٍ"),
        ("503_store.html", "Nothing was saved", "لم يُحفظ شيء"),
    ],
)
def test_server_error_pages_render_without_database_or_request(
    template, english, arabic, language, direction, django_assert_num_queries
):
    with translation.override(language), django_assert_num_queries(0):
        page = render_to_string(template)
    assert f'<html lang="{language}" dir="{direction}">' in page
    assert english in page
    assert arabic in page


@override_settings(DEBUG=False)
def test_server_error_answers_with_the_500_page(client, monkeypatch):
    from articles import views

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(views.HomeView, "get_lead", broken)
    client.raise_request_exception = False
    response = client.get("/ar/")
    assert response.status_code == 500
    assert "حدث خطأ" in response.content.decode()
    assert "Retry-After" not in response  # only a database that is away is a 503


@pytest.mark.parametrize("language", ["en", "ar"])
@override_settings(TIME_ZONE="Asia/Amman")
def test_the_date_element_reads_as_the_date_filters_it_replaces(language):
    """Teasers and results show their date with one filter: the same element, in the site's time
    zone (here the evening of 30 November in UTC is already 1 December in Amman)."""
    published = datetime(2026, 11, 30, 22, 30, tzinfo=UTC)
    filters = Template(
        """{% load article_tags %}<time datetime="{{ at|date:'c' }}">{{ at|date:"DATE_FORMAT" }}</time>"""
    )
    with translation.override(language), timezone.override("Asia/Amman"):
        element = Template("{% load article_tags %}{{ at|date_element }}").render(Context({"at": published}))
        assert element == filters.render(Context({"at": published}))
    assert 'datetime="2026-12-01T01:30:00+03:00"' in element
