"""Live coverage in a real Chromium: updates arrive on an open page without a reload (English and
Arabic), the page without JavaScript gets them through its link, the breaking strip appears,
is dismissed without a cookie, and expires; the live page passes an axe-core scan."""

from datetime import timedelta

import pytest
from django.utils import timezone

from live.models import LiveUpdate
from tests.browser.test_editorial_workflow import log_in
from tests.browser.test_reader_search_and_accessibility import (  # noqa: F401 - fixtures
    BLOCKING,
    axe_script,  # noqa: F811
    axe_violations,
    scan_page,  # noqa: F811
)
from tests.factories import make_article
from tests.live.factories import make_alert, make_live_blog, make_role_user, make_update

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
POLL_SECONDS = 1


@pytest.fixture(autouse=True)
def fast_polling(settings):
    settings.LIVE_POLL_SECONDS = POLL_SECONDS
    settings.BREAKING_POLL_SECONDS = POLL_SECONDS


def long_live_blog():
    """A live blog with enough earlier updates that the reader can be reading one of them."""
    body = "".join(f"<p>Paragraph {n} of the story so far.</p>" for n in range(12))
    blog = make_live_blog(article=make_article(body_en=body, body_ar=body))
    for n in range(8):
        make_update(
            blog,
            en=f"<p>Earlier update {n}: " + "details " * 40 + "</p>",
            ar=f"<p>تحديث سابق {n}: " + "تفاصيل " * 40 + "</p>",
            posted_at=timezone.now() - timedelta(minutes=30 - n),
        )
    return blog


@pytest.mark.parametrize(
    ("language", "text_field", "text", "announcement"),
    [
        ("en", "#id_text_en", "Convoy reaches the bridge", "1 new update"),
        ("ar", "#id_text_ar", "القافلة تصل إلى الجسر", "تحديث جديد واحد"),
    ],
    ids=["english", "arabic"],
)
def test_an_update_posted_in_the_admin_appears_on_an_open_page_without_moving_the_reader(
    browser, live_server, page, language, text_field, text, announcement
):
    blog = long_live_blog()
    reader = page
    reader.goto(blog.article.get_absolute_url(language))
    reader.evaluate("window.__notReloaded = true")
    # The reader is in the middle of an earlier update.
    reading_id = reader.locator(".live-update").nth(4).get_attribute("id")
    reading = reader.locator(f"#{reading_id}")
    reading.scroll_into_view_if_needed()
    reader.evaluate("window.scrollBy(0, 40)")
    top_before = reading.evaluate("el => el.getBoundingClientRect().top")

    editor = make_role_user("writer", username=f"desk-{language}")
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    desk = context.new_page()
    desk.set_default_timeout(15_000)
    log_in(desk, editor.username)
    desk.goto(f"/en/admin/live/liveblog/{blog.pk}/desk/")
    desk.fill(text_field, text)
    with desk.expect_navigation():
        desk.click("input[type=submit]")
    context.close()
    assert LiveUpdate.objects.filter(**{f"body_{language}__contains": text}).exists()

    # Within the polling interval (plus a margin for a slow machine), without a reload.
    reader.locator(".live-update", has_text=text).wait_for(timeout=(POLL_SECONDS + 5) * 1000)
    assert reader.evaluate("window.__notReloaded") is True
    assert reader.locator(".live-update").first.inner_text().find(text) >= 0
    assert reader.locator("[data-live-announcer]").inner_text() == announcement
    top_after = reading.evaluate("el => el.getBoundingClientRect().top")
    assert abs(top_after - top_before) <= 1


def test_without_javascript_the_newer_updates_link_shows_a_new_update(browser, live_server):
    blog = long_live_blog()
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, locale="en-GB")
    page = context.new_page()
    page.goto(blog.article.get_absolute_url("en"))
    assert page.locator(".live-update").count() == 8
    make_update(blog, en="<p>Ceasefire holds overnight</p>", ar="")
    page.get_by_role("link", name="Newer updates").click()
    page.locator(".live-update", has_text="Ceasefire holds overnight").wait_for()
    # And again: the link of the reloaded page loads the page once more.
    make_update(blog, en="<p>Crossings reopen</p>", ar="")
    page.get_by_role("link", name="Newer updates").click()
    page.locator(".live-update", has_text="Crossings reopen").wait_for()
    context.close()


def test_the_breaking_strip_appears_is_dismissed_without_a_cookie_and_expires(page):
    article = make_article(headline_en="Ceasefire")
    page.goto("/en/")
    strip = page.locator("[data-breaking]")
    assert strip.is_hidden()
    alert = make_alert(article=article, expires_at=timezone.now() + timedelta(seconds=6))
    # On the open page, within the polling interval.
    strip.get_by_role("link", name="Ceasefire announced").wait_for(timeout=(POLL_SECONDS + 5) * 1000)
    assert strip.get_by_role("link").get_attribute("href") == article.get_absolute_url("en")
    strip.get_by_role("button", name="Dismiss").click()
    strip.wait_for(state="hidden", timeout=5000)
    assert strip.is_hidden()
    page.goto("/en/")  # dismissed for this tab, with no cookie
    page.wait_for_timeout(1500)
    assert strip.is_hidden()
    assert page.context.cookies() == []
    # Another reader sees it until it expires.
    other = page.context.browser.new_context(base_url=page.url.split("/en/")[0], locale="ar")
    reader = other.new_page()
    reader.goto("/ar/")
    reader.locator("[data-breaking]").get_by_role("link", name="إعلان وقف إطلاق النار").wait_for()
    remaining = (alert.expires_at - timezone.now()).total_seconds()
    reader.wait_for_timeout(max(0, remaining) * 1000)
    reader.locator("[data-breaking]").wait_for(state="hidden", timeout=(POLL_SECONDS + 5) * 1000)
    other.close()


def test_a_live_blog_page_with_the_strip_is_axe_clean(scan_page, axe_script):  # noqa: F811
    blog = long_live_blog()
    make_update(blog, key_event=True)
    make_alert(article=blog.article)
    for language in ("en", "ar"):
        scan_page.goto(blog.article.get_absolute_url(language))
        scan_page.locator("[data-breaking] a").wait_for()
        violations = [v for v in axe_violations(scan_page, axe_script) if v["impact"] in BLOCKING]
        assert violations == [], (language, violations)
