"""A writer drafts in both languages and submits; an editor schedules; readers see it on time."""

import time
from datetime import timedelta

import pytest
from django.utils import timezone

from articles.models import Article, Status
from tests.factories import make_author, make_section
from tests.workflow.factories import make_role_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PASSWORD = "pw-for-tests-1"


def log_in(page, username):
    page.goto("/en/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("input[type=submit]")


def type_in_editor(page, field_id, text):
    """Type into a CKEditor instance the way a person does: click its page, then type."""
    body = page.frame_locator(f"#cke_{field_id} iframe").locator("body")
    body.click()
    page.keyboard.type(text)


def test_writer_submits_editor_schedules_and_the_article_appears_on_time(browser, live_server, page):
    writer = make_role_user("writer", username="wanda")
    make_author(user=writer, display_name_en="Wanda Writer", display_name_ar="وندا")
    editor = make_role_user("editor", username="eddie")
    section = make_section(name_en="Syria", name_ar="سوريا")

    # The writer drafts in English and Arabic and submits it for review.
    log_in(page, writer.username)
    page.goto("/en/admin/articles/article/add/")
    assert page.locator("button[value=publish]").count() == 0
    page.fill("#id_headline_en", "Ferry service resumes on the Euphrates")
    page.fill("#id_summary_en", "Boats cross again after two years.")
    type_in_editor(page, "id_body_en", "The first ferry crossed at dawn.")
    page.select_option("#modeltranslation-main-switch", "ar")
    page.fill("#id_headline_ar", "استئناف العبّارات على الفرات")
    type_in_editor(page, "id_body_ar", "عبرت أول عبّارة عند الفجر.")
    page.select_option("#id_section", str(section.pk))
    with page.expect_navigation():
        page.click("button[value=submit]")
    article = Article.objects.get(headline_en="Ferry service resumes on the Euphrates")
    assert article.status == Status.REVIEW
    assert "The first ferry crossed at dawn." in article.body_en
    assert "عبرت أول عبّارة" in article.body_ar
    assert page.locator(".workflow-status--review").count() == 1

    # The editor, in a session of their own, schedules it a few seconds ahead.
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    editor_page = context.new_page()
    editor_page.set_default_timeout(15_000)
    log_in(editor_page, editor.username)
    editor_page.goto(f"/en/admin/articles/article/{article.pk}/change/")
    when = timezone.localtime(timezone.now() + timedelta(seconds=20)).replace(microsecond=0)
    editor_page.fill("#id_publish_at_0", when.strftime("%Y-%m-%d"))
    editor_page.fill("#id_publish_at_1", when.strftime("%H:%M:%S"))
    editor_page.fill("#id_workflow_note", "Scheduled for the morning edition")
    with editor_page.expect_navigation():
        editor_page.click("button[value=schedule]")
    assert editor_page.locator(".workflow-status--scheduled").count() == 1
    context.close()
    article.refresh_from_db()
    assert article.status == Status.PUBLISHED
    assert article.publish_at == when
    assert article.transitions.first().note == "Scheduled for the morning edition"

    # A reader sees nothing before the time, and the article once it has come: no job runs.
    url = article.get_absolute_url("en")
    if timezone.now() < when - timedelta(seconds=2):
        assert page.goto(url).status == 404
    deadline = time.monotonic() + 60
    while True:
        response = page.goto(url)
        if response.status == 200 or time.monotonic() > deadline:
            break
        page.wait_for_timeout(1000)
    assert response.status == 200
    assert page.locator("h1").inner_text() == "Ferry service resumes on the Euphrates"
    assert timezone.now() >= when
    page.goto(article.get_absolute_url("ar"))
    assert page.locator("h1").inner_text() == "استئناف العبّارات على الفرات"
