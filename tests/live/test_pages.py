import json
import re

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import make_article
from tests.live.factories import make_live_blog, make_update

pytestmark = pytest.mark.django_db


def json_ld(html, kind):
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        if data.get("@type") == kind:
            return data
    return None


def test_live_blog_page_shows_updates_a_newer_link_and_polling_hooks(client):
    blog = make_live_blog()
    update = make_update(blog, en="<p>Convoy arrives</p>", key_event=True)
    url = blog.article.get_absolute_url("en")
    html = client.get(url).content.decode()
    assert "Convoy arrives" in html
    assert f'href="#update-{update.pk}"' in html  # key events list
    assert f'data-src="/en/live/{blog.article_id}/updates.json"' in html
    assert 'aria-live="polite"' in html
    assert f'href="{url}?page=1#live-updates"' in html
    # Following it, the link goes back to the plain address: each click loads the page again.
    assert f'href="{url}#live-updates"' in client.get(url + "?page=1").content.decode()
    assert "<script>" not in html.replace(" ", "")


def test_live_blog_carries_live_blog_posting_with_its_updates(client):
    blog = make_live_blog()
    make_update(blog, en="<p>Shelling reported near the bridge</p>")
    html = client.get(blog.article.get_absolute_url("en")).content.decode()
    data = json_ld(html, "LiveBlogPosting")
    assert data["coverageStartTime"]
    assert "coverageEndTime" not in data
    assert data["liveBlogUpdate"][0]["articleBody"] == "Shelling reported near the bridge"
    assert json_ld(html, "NewsArticle") is not None


def test_ended_coverage_says_so_and_stops_polling(client):
    blog = make_live_blog(ended_at=timezone.now())
    make_update(blog)
    html = client.get(blog.article.get_absolute_url("ar")).content.decode()
    assert "انتهت التغطية" in html
    assert "data-live-updates" not in html
    assert json_ld(html, "LiveBlogPosting")["coverageEndTime"]


def test_an_ordinary_article_has_no_live_section(client):
    article = make_article()
    html = client.get(article.get_absolute_url("en")).content.decode()
    assert "live-updates" not in html and "LiveBlogPosting" not in html


def test_every_page_has_the_empty_breaking_strip_and_its_script(client):
    make_article()
    html = client.get("/ar/").content.decode()
    assert 'data-src="/ar/live/breaking.json"' in html
    assert "/static/live/breaking.js" in html
    assert "data-remember" not in html


def test_dismissals_are_remembered_only_with_preferences_accepted(client):
    from tests.consent.factories import consent_cookie, current_policy

    current_policy()
    make_article()
    client.cookies[settings.COOKIE_CONSENT_COOKIE_NAME] = consent_cookie(("preferences",))
    assert "data-remember" in client.get("/en/").content.decode()
    client.cookies[settings.COOKIE_CONSENT_COOKIE_NAME] = consent_cookie(("statistics",))
    assert "data-remember" not in client.get("/en/").content.decode()


def test_updates_beyond_the_latest_fifty_are_on_the_all_updates_pages(client, settings):
    from datetime import timedelta

    from live.models import LiveUpdate

    blog = make_live_blog()
    now = timezone.now()
    LiveUpdate.objects.bulk_create(
        LiveUpdate(
            live_blog=blog, body_en=f"<p>Entry {n}</p>", body_ar="", posted_at=now - timedelta(minutes=n)
        )
        for n in range(55)
    )
    html = client.get(blog.article.get_absolute_url("en")).content.decode()
    assert html.count('class="live-update"') == 50
    older = f"/en/coverage/{blog.article_id}/?page=2"
    assert f'href="{older}"' in html
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    page = client.get(older)
    assert page.status_code == 200
    assert [f"Entry {n}" in page.content.decode() for n in (49, 50, 54)] == [False, True, True]
    assert client.get(older)["X-Cache"] == "HIT"
    assert client.get(f"/ar/coverage/{blog.article_id}/").status_code == 200
    draft_blog = make_live_blog(article=make_article(status="draft"))
    assert client.get(f"/en/coverage/{draft_blog.article_id}/").status_code == 404
