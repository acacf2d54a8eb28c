from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone

from articles.models import Status
from live.models import BreakingAlert, LiveUpdate
from tests.factories import make_article
from tests.live.factories import make_alert, make_live_blog, make_update

pytestmark = pytest.mark.django_db


def test_readers_see_updates_written_in_their_language_newest_first():
    blog = make_live_blog()
    older = make_update(blog, posted_at=timezone.now() - timedelta(minutes=5))
    newer = make_update(blog)
    english_only = make_update(blog, ar="")
    make_update(blog, deleted_at=timezone.now())
    make_update(blog, posted_at=timezone.now() + timedelta(minutes=5))
    assert list(LiveUpdate.objects.visible("en")) == [english_only, newer, older]
    assert list(LiveUpdate.objects.visible("ar")) == [newer, older]


@pytest.mark.parametrize(
    "hidden", [{"status": Status.DRAFT}, {"languages": ("en",)}], ids=["draft", "not-in-ar"]
)
def test_updates_of_an_article_not_live_in_that_language_are_never_shown(client, hidden):
    blog = make_live_blog(article=make_article(**hidden))
    make_update(blog)
    assert not LiveUpdate.objects.visible("ar").exists()
    assert client.get(f"/ar/live/{blog.article_id}/updates.json").status_code == 404


def test_update_bodies_are_sanitised():
    update = make_update(make_live_blog(), en='<p onclick="x()">Hi<script>alert(1)</script></p>')
    assert "onclick" not in update.body_en and "script" not in update.body_en


def test_updates_document_lists_rendered_updates_newest_first(client):
    blog = make_live_blog()
    first = make_update(blog, en="<p>Shelling reported</p>", posted_at=timezone.now() - timedelta(minutes=1))
    second = make_update(blog, en="<p>Convoy arrives</p>", key_event=True)
    response = client.get(f"/en/live/{blog.article_id}/updates.json")
    assert response.status_code == 200
    assert response["ETag"]
    data = response.json()
    assert data["ended"] is False
    assert [u["id"] for u in data["updates"]] == [second.pk, first.pk]
    assert "Convoy arrives" in data["updates"][0]["html"] and data["updates"][0]["key_event"]
    assert f'id="update-{second.pk}"' in data["updates"][0]["html"]
    arabic = client.get(f"/ar/live/{blog.article_id}/updates.json").json()
    assert "تحديث بالعربية" in arabic["updates"][0]["html"]


def test_polls_that_find_nothing_new_are_304_from_the_cache(client, settings):
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    blog = make_live_blog()
    make_update(blog)
    url = f"/en/live/{blog.article_id}/updates.json"
    first = client.get(url)
    again = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert (again.status_code, again["X-Cache"]) == (304, "HIT")
    make_update(blog, en="<p>Newest</p>")
    fresh = client.get(url, headers={"If-None-Match": first["ETag"]})
    assert fresh.status_code == 200 and "Newest" in fresh.json()["updates"][0]["html"]


def test_breaking_document_shows_the_current_alert_until_it_expires(client):
    alert = make_alert(expires_at=timezone.now() + timedelta(minutes=10))
    data = client.get("/en/live/breaking.json").json()
    assert data["alert"]["text"] == "Ceasefire announced"
    assert data["alert"]["url"] == alert.article.get_absolute_url("en")
    assert client.get("/ar/live/breaking.json").json()["alert"]["text"] == "إعلان وقف إطلاق النار"
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        assert client.get("/en/live/breaking.json").json()["alert"] is None


def test_alerts_withdrawn_or_missing_a_language_or_linking_a_hidden_article_do_not_show():
    make_alert(withdrawn_at=timezone.now())
    make_alert(ar="")
    make_alert(article=make_article(status=Status.UNPUBLISHED))
    assert not BreakingAlert.objects.current("en").exclude(text_ar="").exists()
    assert list(BreakingAlert.objects.current("ar")) == []
    assert BreakingAlert.objects.current("en").count() == 1
