"""The read beacon behind "Most read": counts without cookies, tells readers apart only with consent."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from readership import counter as readership
from readership.models import ArticleReads
from tests.consent.factories import consent_cookie, current_policy
from tests.factories import make_article

pytestmark = pytest.mark.django_db

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"


@pytest.fixture(autouse=True)
def _policy():
    current_policy()


def beacon_url(article, language="en"):
    with translation.override(language):
        return reverse("read_beacon", args=[article.pk])


def hit(client, article, *, language="en", addr="198.51.100.7", **headers):
    headers = {"User-Agent": BROWSER, "Sec-Fetch-Site": "same-origin", **headers}
    return client.get(beacon_url(article, language), headers=headers, REMOTE_ADDR=addr)


def reads(article, language="en"):
    row = ArticleReads.objects.filter(article=article, language=language, day=timezone.localdate()).first()
    return (row.views, row.visitors) if row else (0, 0)


def test_beacon_is_a_never_cached_gif(client):
    response = hit(client, make_article())
    assert response.status_code == 200
    assert response["Content-Type"] == "image/gif"
    assert response.content.startswith(b"GIF89a")
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_read_is_counted_without_any_cookie(client):
    article = make_article()
    response = hit(client, article)
    assert reads(article) == (1, 0)
    assert "visitor_id" not in response.cookies


def test_reloads_by_the_same_reader_count_once(client):
    article = make_article()
    hit(client, article)
    hit(client, article)
    hit(client, article, addr="198.51.100.8")
    assert reads(article) == (2, 0)


def test_with_statistics_consent_a_visitor_id_counts_unique_readers(client):
    article, other = make_article(), make_article()
    client.cookies["cookie_consent"] = consent_cookie(("statistics",))
    first = hit(client, article)
    visitor_id = first.cookies["visitor_id"].value
    assert len(visitor_id) == 22
    assert first.cookies["visitor_id"]["httponly"]
    hit(client, article)
    hit(client, other)
    assert reads(article) == (1, 1)
    assert reads(other) == (1, 1)
    assert client.cookies["visitor_id"].value == visitor_id  # kept, not renewed


def test_two_consenting_readers_behind_one_address_are_two_visitors(client, django_user_model):
    from django.test import Client

    article = make_article()
    for _reader in range(2):
        browser = Client()
        browser.cookies["cookie_consent"] = consent_cookie(("statistics",))
        hit(browser, article)
    assert reads(article) == (2, 2)


def test_without_statistics_consent_no_visitor_id_is_set_or_read(client):
    article = make_article()
    client.cookies["cookie_consent"] = consent_cookie(("preferences",))
    client.cookies["visitor_id"] = "x" * 22
    response = hit(client, article)
    assert response.cookies["visitor_id"]["max-age"] == 0  # expired, since it was sent
    assert reads(article) == (1, 0)


def test_gpc_keeps_the_visitor_id_away(client):
    article = make_article()
    client.cookies["cookie_consent"] = consent_cookie(("statistics",))
    response = hit(client, article, **{"Sec-GPC": "1"})
    assert "visitor_id" not in response.cookies
    assert reads(article) == (1, 0)


@pytest.mark.parametrize(
    "headers",
    [
        {"User-Agent": "Googlebot/2.1 (+http://www.google.com/bot.html)"},
        {"User-Agent": ""},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Purpose": "prefetch"},
    ],
)
def test_robots_prefetches_and_other_sites_are_not_counted(client, headers):
    article = make_article()
    assert hit(client, article, **headers).status_code == 200
    assert reads(article) == (0, 0)


def test_unpublished_missing_or_other_language_articles_are_not_counted(client):
    draft = make_article(status="draft")
    english_only = make_article(languages=("en",))
    hit(client, draft)
    hit(client, english_only, language="ar")
    assert (
        client.get(reverse("read_beacon", args=[999999]), headers={"User-Agent": BROWSER}).status_code == 200
    )
    assert not ArticleReads.objects.exists()


def test_one_client_cannot_inflate_many_articles(client, monkeypatch):
    monkeypatch.setattr(readership, "RATE_LIMIT", 2)
    articles = [make_article() for _ in range(3)]
    for article in articles:
        hit(client, article)
    assert [reads(article)[0] for article in articles] == [1, 1, 0]


def test_reads_are_counted_per_language(client):
    article = make_article()
    hit(client, article, language="en")
    hit(client, article, language="ar")
    assert reads(article, "en") == (1, 0)
    assert reads(article, "ar") == (1, 0)


def test_most_read_ranks_live_articles_of_the_language_over_the_last_week(django_assert_num_queries):
    today = timezone.localdate()
    popular, steady, old_hit, english_only, withdrawn = (
        make_article(),
        make_article(),
        make_article(),
        make_article(languages=("en",)),
        make_article(),
    )
    for article, views, day in [
        (popular, 50, today),
        (steady, 10, today),
        (steady, 10, today - timedelta(days=6)),
        (old_hit, 500, today - timedelta(days=7)),
        (english_only, 900, today),
        (withdrawn, 900, today),
    ]:
        for language in ("en", "ar"):
            ArticleReads.objects.create(article=article, language=language, day=day, views=views)
    withdrawn.status = "unpublished"
    withdrawn.save()

    with django_assert_num_queries(1):
        assert readership.most_read("ar") == [popular, steady]
    with django_assert_num_queries(0):
        readership.most_read("ar")  # cached
    assert readership.most_read("en")[0] == english_only
    assert len(readership.most_read("en", limit=2)) == 2


def test_home_page_shows_most_read_and_article_page_embeds_the_beacon(client):
    article = make_article(headline_en="Water returns to the canals")
    ArticleReads.objects.create(article=article, language="en", day=timezone.localdate(), views=3)
    home = client.get("/en/").content.decode()
    assert 'aria-labelledby="most-read-heading"' in home
    assert f'<a href="{article.get_absolute_url("en")}">Water returns to the canals</a>' in home
    page = client.get(article.get_absolute_url("en")).content.decode()
    assert f'src="{beacon_url(article)}"' in page
    assert 'alt=""' in page


def test_home_page_without_reads_has_no_empty_most_read_block(client):
    make_article()
    assert "most-read-heading" not in client.get("/en/").content.decode()
