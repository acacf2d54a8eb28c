"""A comment's whole life in a real browser: an Arabic reader writes, a moderator approves,
the reader sees it; a comment carrying HTML/JavaScript stays inert text."""

import re

import pytest

from comments.models import Comment, Status
from tests.comments.factories import make_moderator, rules
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "moderate-me-2026"
PAYLOAD_NAME = "<img src=x onerror=\"alert('name')\">"
PAYLOAD_BODY = "<script>alert('body')</script>\n<b onmouseover=\"alert('b')\">bold?</b> javascript:alert(1)"


def accept_cookies_if_asked(page):
    accept = page.locator("[data-consent-banner] button[value=accept]")
    if accept.count():
        accept.click()
        page.wait_for_timeout(300)


def fill_comment(page, *, name, email, body, remember=False, url=""):
    form = page.locator("#comment-form")
    form.locator("[name=name]").fill(name)
    form.locator("[name=email]").fill(email)
    if url:
        form.locator("[name=url]").fill(url)
    form.locator("[name=body]").fill(body)
    form.locator("[name=consent]").check()
    if remember:
        form.locator("[name=remember]").check()
    form.locator("button[type=submit]").click()


def moderator_approves_everything_waiting(browser, live_server):
    """Log in at /en/admin/ as a moderator and approve the queue through the bulk action."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    admin = context.new_page()
    admin.set_default_timeout(15_000)
    admin.goto("/en/admin/")
    admin.locator("#id_username").fill("moderator1")
    admin.locator("#id_password").fill(PASSWORD)
    admin.locator("input[type=submit]").click()
    queue_link = admin.locator(".comment-queue-link")
    assert re.match(r"1 comment awaiting moderation", queue_link.inner_text())
    queue_link.click()
    admin.wait_for_url("**/comments/comment/?status=pending")
    admin.locator("#action-toggle").check()
    admin.locator("select[name=action]").select_option("approve_selected")
    admin.locator("button[name=index], input[name=index]").first.click()
    assert "1 comment approved." in admin.locator(".messagelist").inner_text()
    context.close()


def test_arabic_reader_comments_moderator_approves_reader_sees_it(page, browser, live_server):
    moderator = make_moderator(username="moderator1", email="mod@example.org")
    moderator.set_password(PASSWORD)
    moderator.save()
    article = make_article(headline_ar="المياه تعود إلى القنوات", body_ar="<p>ارتفع منسوب النهر.</p>")
    url = article.get_absolute_url("ar")

    page.goto(url)
    accept_cookies_if_asked(page)
    fill_comment(
        page, name="سارة", email="sara@example.org", body="شكراً على هذا التقرير المفصّل", remember=True
    )
    page.wait_for_url(re.compile(r".*#comments$"))
    assert "شكراً لك. تعليقك بانتظار المراجعة." in page.locator(".messages").inner_text()
    assert page.locator(".comment").count() == 0  # not shown before approval
    # Remembered (the reader accepted preference cookies): the script fills the form in.
    assert page.locator("#comment-form [name=name]").input_value() == "سارة"

    moderator_approves_everything_waiting(browser, live_server)
    comment = Comment.objects.get()
    assert (comment.status, comment.moderated_by) == (Status.APPROVED, moderator)

    page.reload()
    shown = page.locator(f"#comment-{comment.pk}")
    assert shown.locator(".comment__author").inner_text() == "سارة"
    assert shown.locator(".comment__body").inner_text() == "شكراً على هذا التقرير المفصّل"
    assert page.locator("#comments-heading").inner_text() == "تعليق واحد"


@pytest.mark.parametrize("choice", ["accept", "reject"])
def test_remember_me_fills_in_name_email_and_website_only_with_consent(page, choice):
    rules(flood_interval=0)
    article = make_article(headline_en="Water returns to the canals")
    page.goto(article.get_absolute_url("en"))
    page.locator(f"[data-consent-banner] button[value={choice}]").click()
    page.locator("[data-consent-banner]").wait_for(state="hidden")
    fill_comment(
        page,
        name="Layla",
        email="layla@example.org",
        url="https://layla.example.org/blog",
        body="Thank you for this report.",
        remember=True,
    )
    page.wait_for_url(re.compile(r".*#comments$"))
    page.goto(article.get_absolute_url("en"))
    form = page.locator("#comment-form")
    shown = {name: form.locator(f"[name={name}]").input_value() for name in ("name", "email", "url")}
    if choice == "accept":
        assert shown == {
            "name": "Layla",
            "email": "layla@example.org",
            "url": "https://layla.example.org/blog",
        }
        assert form.locator("[name=remember]").is_checked()
    else:  # preference cookies refused: the server's cookie is dropped, nothing is filled in
        assert shown == {"name": "", "email": "", "url": ""}


def test_comment_carrying_html_and_script_is_shown_as_inert_text(page):
    rules(flood_interval=0)
    article = make_article(headline_en="Water returns to the canals")
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(article.get_absolute_url("en"))
    fill_comment(page, name=PAYLOAD_NAME, email="x@example.org", body=PAYLOAD_BODY)
    page.wait_for_url(re.compile(r".*#comments$"))
    comment = Comment.objects.get()
    assert comment.body == PAYLOAD_BODY.replace("\r\n", "\n")
    comment.status = Status.APPROVED
    comment.save()

    page.reload()
    shown = page.locator(f"#comment-{comment.pk}")
    shown.locator(".comment__body").hover()
    page.wait_for_timeout(300)
    assert dialogs == []
    assert shown.locator(".comment__author").inner_text() == PAYLOAD_NAME
    body_text = shown.locator(".comment__body").inner_text()
    assert "<script>alert('body')</script>" in body_text
    assert "<b onmouseover=" in body_text
    assert shown.locator(".comment__body *:not(p):not(br), .comment__author *").count() == 0
