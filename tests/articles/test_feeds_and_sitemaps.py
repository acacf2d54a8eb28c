import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.models import Status
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db

NS = {
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
    "atom": "http://www.w3.org/2005/Atom",
}


def xml(response):
    assert response.status_code == 200, response.status_code
    return ET.fromstring(response.content)


def rss_titles(response):
    return [item.findtext("title") for item in xml(response).iter("item")]


def atom_titles(response):
    return [
        entry.findtext("atom:title", namespaces=NS) for entry in xml(response).iter(f"{{{NS['atom']}}}entry")
    ]


# ---- Feeds --------------------------------------------------------------------------------


def test_latest_feeds_list_only_articles_live_in_their_language():
    from django.test import Client

    client = Client()
    make_article(languages=("en",), headline_en="English only")
    make_article(languages=("ar",), headline_ar="عربي فقط")
    make_article(headline_en="Both EN", headline_ar="كلاهما")
    make_article(headline_en="Draft", headline_ar="مسودة", status=Status.DRAFT)
    make_article(headline_en="Future", headline_ar="لاحقا", publish_at=timezone.now() + timedelta(hours=2))
    assert rss_titles(client.get("/en/feed/")) == ["English only", "Both EN"]
    assert rss_titles(client.get("/ar/feed/")) == ["عربي فقط", "كلاهما"]
    assert atom_titles(client.get("/en/feed/atom/")) == ["English only", "Both EN"]
    assert atom_titles(client.get("/ar/feed/atom/")) == ["عربي فقط", "كلاهما"]


def test_feed_items_carry_link_author_date_categories_and_picture(client):
    author = make_author(display_name_en="Salma Haddad")
    tag = make_tag(name_en="Euphrates")
    article = make_article(authors=[author], tags=[tag], lead_image=make_image(), summary_en="Short summary")
    channel = xml(client.get("/en/feed/")).find("channel")
    assert channel.findtext("language") == "en"
    item = channel.find("item")
    assert item.findtext("link") == f"http://testserver{article.get_absolute_url('en')}"
    assert item.findtext("description") == "Short summary"
    assert "Salma Haddad" in item.findtext("{http://purl.org/dc/elements/1.1/}creator", "") + item.findtext(
        "author", ""
    )
    assert {c.text for c in item.findall("category")} == {article.section.name_en, "Euphrates"}
    assert item.findtext("pubDate")
    enclosure = item.find("enclosure")
    assert enclosure.get("url").startswith("http://testserver/media/renditions/")
    assert enclosure.get("type") == "image/jpeg"
    assert int(enclosure.get("length")) > 0


def test_arabic_feed_declares_its_language(client):
    make_article()
    assert xml(client.get("/ar/feed/")).find("channel").findtext("language") == "ar"


def test_section_tag_and_author_feeds_list_their_own_articles(client):
    section = make_section()
    tag = make_tag()
    author = make_author()
    in_section = make_article(section=section, headline_en="In section")
    tagged = make_article(tags=[tag], headline_en="Tagged")
    by_author = make_article(authors=[author], headline_en="By author")
    make_article(headline_en="Unrelated")
    assert rss_titles(client.get(f"/en/section/{section.slug_en}/feed/")) == [in_section.headline_en]
    assert atom_titles(client.get(f"/en/tag/{tag.slug_en}/feed/atom/")) == [tagged.headline_en]
    assert rss_titles(client.get(f"/en/author/{author.slug}/feed/")) == [by_author.headline_en]
    assert rss_titles(client.get(f"/ar/author/{author.slug}/feed/")) == [by_author.headline_ar]


def test_unknown_feed_objects_answer_404(client):
    assert client.get("/en/section/nope/feed/").status_code == 404
    assert client.get("/en/author/nope/feed/atom/").status_code == 404


def test_feed_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    tags = [make_tag() for _ in range(5)]
    for _ in range(20):
        make_article(tags=tags, authors=[make_author(), make_author()], lead_image=make_image())
    client.get("/en/feed/")  # pictures' renditions made once
    with django_assert_max_num_queries(5):
        client.get("/en/feed/")


# ---- Sitemaps and robots.txt --------------------------------------------------------------


def locations(root):
    return [loc.text for loc in root.iter(f"{{{NS['sm']}}}loc")]


def test_sitemap_index_lists_per_language_sitemaps_and_news(client):
    make_article()
    found = locations(xml(client.get("/sitemap.xml")))
    for name in (
        "articles-en",
        "articles-ar",
        "sections-en",
        "sections-ar",
        "authors-en",
        "authors-ar",
        "news",
    ):
        assert f"http://testserver/sitemap-{name}.xml" in found


def test_the_sitemap_index_counts_authors_without_joining_their_articles(client):
    """Authors and sections fill one page of a sitemap whatever their number: the index does not
    count which of them have a live article (a join of every live article with its bylines)."""
    make_article()
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/sitemap.xml").status_code == 200
    assert not [q for q in queries.captured_queries if "articles_articleauthor" in q["sql"]]
    author_page = locations(xml(client.get("/sitemap-authors-en.xml")))
    assert len(author_page) == 1


def test_article_sitemaps_map_each_article_only_in_its_live_languages(client):
    english_only = make_article(languages=("en",))
    both = make_article()
    make_article(status=Status.DRAFT)
    en = locations(xml(client.get("/sitemap-articles-en.xml")))
    ar = locations(xml(client.get("/sitemap-articles-ar.xml")))
    assert sorted(en) == sorted(f"http://testserver{a.get_absolute_url('en')}" for a in (english_only, both))
    assert ar == [f"http://testserver{both.get_absolute_url('ar')}"]


def test_article_sitemap_gives_hreflang_alternates_of_live_translations(client):
    both = make_article()
    english_only = make_article(languages=("en",))
    root = xml(client.get("/sitemap-articles-en.xml"))
    urls = {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}
    alternates = {
        link.get("hreflang"): link.get("href")
        for link in urls[f"http://testserver{both.get_absolute_url('en')}"].findall("xhtml:link", NS)
    }
    assert alternates == {
        "en": f"http://testserver{both.get_absolute_url('en')}",
        "ar": f"http://testserver{both.get_absolute_url('ar')}",
        "x-default": f"http://testserver{both.get_absolute_url('en')}",
    }
    assert urls[f"http://testserver{english_only.get_absolute_url('en')}"].findall("xhtml:link", NS) == []
    assert all(url.findtext("sm:lastmod", namespaces=NS) for url in urls.values())


def test_section_and_author_sitemaps_list_only_what_has_live_articles(client):
    busy = make_section()
    empty = make_section()
    writer = make_author()
    idle = make_author()
    make_article(section=busy, authors=[writer], languages=("en",))
    sections_en = locations(xml(client.get("/sitemap-sections-en.xml")))
    assert f"http://testserver/en/section/{busy.slug_en}/" in sections_en
    assert f"http://testserver/en/section/{empty.slug_en}/" not in sections_en
    assert locations(xml(client.get("/sitemap-sections-ar.xml"))) == []
    authors_en = locations(xml(client.get("/sitemap-authors-en.xml")))
    assert authors_en == [f"http://testserver/en/author/{writer.slug}/"]
    assert idle.slug not in " ".join(authors_en)
    assert locations(xml(client.get("/sitemap-authors-ar.xml"))) == []


def test_news_sitemap_lists_the_last_48_hours_per_language(client):
    fresh = make_article(
        headline_en="Fresh", headline_ar="جديد", publish_at=timezone.now() - timedelta(hours=3)
    )
    make_article(headline_en="Old", publish_at=timezone.now() - timedelta(hours=49))
    english_only = make_article(
        languages=("en",), headline_en="Fresh EN", publish_at=timezone.now() - timedelta(hours=1)
    )
    root = xml(client.get("/sitemap-news.xml"))
    entries = {
        url.findtext("sm:loc", namespaces=NS): url.find("news:news", NS) for url in root.findall("sm:url", NS)
    }
    assert set(entries) == {
        f"http://testserver{fresh.get_absolute_url('en')}",
        f"http://testserver{fresh.get_absolute_url('ar')}",
        f"http://testserver{english_only.get_absolute_url('en')}",
    }
    arabic = entries[f"http://testserver{fresh.get_absolute_url('ar')}"]
    assert arabic.findtext("news:publication/news:language", namespaces=NS) == "ar"
    assert arabic.findtext("news:publication/news:name", namespaces=NS) == "يوفريتس بوست"
    assert arabic.findtext("news:title", namespaces=NS) == "جديد"
    english = entries[f"http://testserver{fresh.get_absolute_url('en')}"]
    assert english.findtext("news:publication/news:name", namespaces=NS) == "Euphrates Post"
    assert english.findtext("news:publication_date", namespaces=NS).startswith(str(fresh.publish_at.year))


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_admin_and_previews(client):
    response = client.get("/robots.txt")
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for path in ("/en/admin/", "/ar/admin/", "/en/preview/", "/ar/preview/"):
        assert f"Disallow: {path}" in body
    assert "Disallow: /\n" not in body


@pytest.mark.parametrize("name", ["articles-en", "articles-ar", "sections-en", "authors-ar", "news"])
def test_sitemaps_are_rendered_byte_for_byte_as_the_template_would(client, name):
    """``render_urlset`` replaces the template for speed; the template stays the reference."""
    from django.template.loader import render_to_string

    from articles.sitemaps import SITEMAPS, render_urlset

    section = make_section()
    recent = timezone.now() - timedelta(hours=1)
    make_article(
        section=section, headline_en="Fish & chips <today>", summary_en="A 'quote'", publish_at=recent
    )
    make_article(section=section, languages=("ar",), publish_at=recent)
    make_article(section=section, publish_at=timezone.now() - timedelta(days=5))
    response = client.get(f"/sitemap-{name}.xml")
    assert response.status_code == 200
    urls = SITEMAPS[name].get_urls(page=1, protocol="http", site=None)
    assert urls
    assert response.content.decode() == render_urlset(urls)
    assert render_urlset(urls) == render_to_string("articles/sitemap.xml", {"urlset": urls})
