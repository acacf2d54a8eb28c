import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from live.models import BreakingAlert, LiveBlog, LiveUpdate

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "blogs": sorted(LiveBlog.objects.values_list("article__slug_en", "started_at")),
        "updates": sorted(
            LiveUpdate.objects.values_list("body_en", "body_ar", "key_event", "posted_at", "author__slug")
        ),
        "alerts": sorted(BreakingAlert.objects.values_list("text_en", "text_ar", "article__slug_en")),
    }


@pytest.fixture
def demo():
    call_command("load_demo", verbosity=0)
    call_command("load_demo_live", verbosity=0)


def test_load_demo_live_twice_gives_the_same_content(demo):
    first = snapshot()
    call_command("load_demo_live", verbosity=0)
    assert snapshot() == first
    assert first["blogs"] and first["updates"] and first["alerts"]


def test_the_demo_live_blog_has_bilingual_updates_and_one_key_event(demo):
    blog = LiveBlog.objects.get()
    english, arabic = LiveUpdate.objects.visible("en"), LiveUpdate.objects.visible("ar")
    assert english.count() >= 3 and arabic.count() > english.count()  # one is in Arabic only
    assert english.filter(key_event=True).count() == arabic.filter(key_event=True).count() == 1
    assert all(update.author and update.posted_by for update in english)
    # Reporters without a login post through the demo writer: the own-updates rule is there to try.
    assert {update.posted_by.username for update in arabic} == {"admindiaa", "writer"}
    for language in ("en", "ar"):
        html = blog_page(blog, language)
        assert 'aria-live="polite"' in html or "aria-live='polite'" in html
        assert getattr(arabic.first() if language == "ar" else english.first(), f"body_{language}") in html


def blog_page(blog, language):
    from django.test import Client

    return Client().get(blog.article.get_absolute_url(language)).content.decode()


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_demo_breaking_alert_shows_in_both_languages_linking_the_live_blog(client, demo, language):
    blog = LiveBlog.objects.get()
    with translation.override(language):
        alert = client.get(reverse("live:breaking")).json()["alert"]
    assert alert["url"] == blog.article.get_absolute_url(language)
    assert alert["text"] == getattr(BreakingAlert.objects.get(), f"text_{language}")


def test_a_withdrawn_demo_alert_comes_back_with_the_next_run(demo):
    BreakingAlert.objects.update(withdrawn_at="2026-01-01T00:00Z")
    assert not BreakingAlert.objects.current("en").exists()
    call_command("load_demo_live", verbosity=0)
    assert BreakingAlert.objects.current("en").count() == 1


def test_load_demo_live_asks_for_the_demo_articles_first():
    with pytest.raises(CommandError, match="load_demo"):
        call_command("load_demo_live", verbosity=0)
