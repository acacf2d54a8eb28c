from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from articles.models import Correction, RelatedArticle, Status
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = pytest.mark.django_db


def ids(response):
    return [item["id"] for item in response.json()["items"]]


def test_list_shows_a_live_article_with_what_a_teaser_needs(client):
    author, tag, section = make_author(slug="rania"), make_tag(slug_en="water"), make_section(slug_en="world")
    article = make_article(
        authors=[author], tags=[tag], section=section, lead_image=make_image(), label="exclusive"
    )
    response = client.get("/api/v1/articles?lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response["Content-Language"] == "en"
    [item] = response.json()["items"]
    assert item["id"] == article.pk
    assert item["headline"] == article.headline_en
    assert item["summary"] == article.summary_en
    assert item["label_display"] == "Exclusive"
    assert item["section"]["slug"] == "world" and item["section"]["url"].endswith("/en/section/world/")
    assert [a["slug"] for a in item["authors"]] == ["rania"]
    assert [t["slug"] for t in item["tags"]] == ["water"]
    assert item["url"] == f"http://testserver/en/news/{article.slug_en}/"
    assert item["urls"]["ar"].startswith("http://testserver/ar/news/")
    renditions = item["lead_image"]["renditions"]
    assert renditions and {r["format"] for r in renditions} == {"webp", "jpeg"}
    assert all(r["url"].startswith("http://testserver/media/") and r["width"] > 0 for r in renditions)


def test_list_is_in_the_requested_language(client):
    article = make_article()
    [item] = client.get("/api/v1/articles?lang=ar").json()["items"]
    assert item["headline"] == article.headline_ar
    assert item["language"] == "ar"
    assert item["url"].startswith("http://testserver/ar/news/")


@pytest.mark.parametrize(
    "hidden",
    [
        {"status": Status.DRAFT},
        {"status": Status.REVIEW},
        {"status": Status.UNPUBLISHED},
        {"status": Status.ARCHIVED},
        {"publish_at": timezone.now() + timedelta(hours=1)},
    ],
    ids=["draft", "in-review", "unpublished", "archived", "scheduled"],
)
def test_articles_not_live_never_leak(client, hidden):
    visible = make_article()
    article = make_article(**hidden)
    for lang in ("en", "ar"):
        assert ids(client.get(f"/api/v1/articles?lang={lang}")) == [visible.pk]
        response = client.get(f"/api/v1/articles/{article.pk}?lang={lang}")
        assert response.status_code == 404
        assert response["Content-Type"] == "application/problem+json"
    found = client.get("/api/v1/search", {"q": "Headline", "lang": "en"}).json()["items"]
    assert [hit["id"] for hit in found] == [visible.pk]


def test_a_language_an_article_is_not_live_in_is_never_served(client):
    english_only = make_article(languages=("en",))
    assert ids(client.get("/api/v1/articles?lang=ar")) == []
    assert client.get(f"/api/v1/articles/{english_only.pk}?lang=ar").status_code == 404
    detail = client.get(f"/api/v1/articles/{english_only.pk}?lang=en").json()
    assert detail["urls"] == {"en": f"http://testserver/en/news/{english_only.slug_en}/", "ar": None}


def test_list_filters_by_section_tag_author_and_update_time(client):
    section, tag, author = make_section(slug_en="economy"), make_tag(slug_en="oil"), make_author(slug="samir")
    in_section = make_article(section=section)
    tagged = make_article(tags=[tag])
    by_author = make_article(authors=[author])
    assert ids(client.get("/api/v1/articles?section=economy")) == [in_section.pk]
    assert ids(client.get("/api/v1/articles?tag=oil")) == [tagged.pk]
    assert ids(client.get("/api/v1/articles?author=samir")) == [by_author.pk]
    since = timezone.now()
    tagged.summary_en = "Changed"
    tagged.save()
    assert ids(client.get("/api/v1/articles", {"updated_since": since.isoformat()})) == [tagged.pk]
    # A time without an offset is taken as UTC.
    naive = since.astimezone(UTC).replace(tzinfo=None).isoformat()
    assert ids(client.get("/api/v1/articles", {"updated_since": naive})) == [tagged.pk]


def test_detail_has_body_corrections_and_related_stories(client):
    section = make_section()
    article = make_article(section=section, lead_image=make_image(), source_en="Agency")
    pick = make_article()
    same_section = make_article(section=section)
    draft_pick = make_article(status=Status.DRAFT)
    RelatedArticle.objects.create(from_article=article, to_article=pick, order=0)
    RelatedArticle.objects.create(from_article=article, to_article=draft_pick, order=1)
    Correction.objects.create(article=article, text_en="The minister's name was misspelt.", text_ar="")
    response = client.get(f"/api/v1/articles/{article.pk}?lang=en")
    assert response.status_code == 200
    detail = response.json()
    assert detail["body_html"] == article.body_en
    assert detail["source"] == "Agency"
    assert [c["text"] for c in detail["corrections"]] == ["The minister's name was misspelt."]
    assert [story["id"] for story in detail["related"]] == [pick.pk, same_section.pk]
    assert detail["lead_image"]["alt_text"] == "A test picture"
    arabic = client.get(f"/api/v1/articles/{article.pk}?lang=ar").json()
    assert arabic["corrections"] == []
    assert arabic["body_html"] == article.body_ar


def test_sections_tags_and_authors_in_the_requested_language(client):
    make_section(name_en="World", name_ar="العالم", slug_en="world", slug_ar="العالم", order=2)
    make_section(name_en="Untranslated", slug_en="untranslated", slug_ar="", order=1)
    make_tag(name_en="Water", name_ar="المياه", slug_en="water", slug_ar="المياه")
    make_author(display_name_en="Rania", display_name_ar="", slug="rania")
    sections = client.get("/api/v1/sections?lang=ar").json()["items"]
    assert [s["name"] for s in sections] == ["العالم"]
    assert sections[0]["url"].startswith("http://testserver/ar/section/")
    english = [s["slug"] for s in client.get("/api/v1/sections?lang=en").json()["items"]]
    assert english == ["untranslated", "world"]
    assert [t["name"] for t in client.get("/api/v1/tags?lang=ar").json()["items"]] == ["المياه"]
    [author] = client.get("/api/v1/authors?lang=ar").json()["items"]
    assert author["name"] == "Rania"  # a name in the other spelling rather than none
    assert author["url"] == "http://testserver/ar/author/rania/"


def test_search_finds_live_articles_in_that_language_with_excerpts(client):
    match = make_article(headline_en="Drought in the valley", body_en="<p>The river is low this year.</p>")
    make_article(headline_en="Drought draft", status=Status.DRAFT)
    make_article(headline_en="Elections")
    response = client.get("/api/v1/search", {"q": "river", "lang": "en"})
    assert response.status_code == 200
    [hit] = response.json()["items"]
    assert hit["id"] == match.pk
    assert "<mark>river</mark>" in hit["excerpt_html"]
    assert client.get("/api/v1/search", {"q": "river", "lang": "ar"}).json()["items"] == []


def test_list_runs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    for _ in range(3):
        make_article(lead_image=make_image(), tags=[make_tag(), make_tag()])
    client.get("/api/v1/articles")  # renditions made once
    for _ in range(5):
        make_article(lead_image=make_image(), tags=[make_tag()], authors=[make_author(), make_author()])
    client.get("/api/v1/articles")
    # Rate-limit upsert, the page's ids, those articles with bylines and tags, renditions of the
    # new pictures.
    with django_assert_max_num_queries(5):
        assert len(client.get("/api/v1/articles").json()["items"]) == 8
