"""Cookie banner in a real browser: with and without JavaScript, by keyboard, in Arabic."""

import pytest

from consent import cookies as consent
from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Headless Chromium announces itself as such, and the read beacon ignores robots.
DESKTOP_CHROME = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"
)


def necessary_names():
    return {spec.name for spec in consent.registry() if spec.category == "necessary"}


def cookie_names(context):
    return {cookie["name"] for cookie in context.cookies()}


@pytest.fixture
def no_script_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", java_script_enabled=False)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def reader_page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB", user_agent=DESKTOP_CHROME)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_reject_hides_the_banner_for_good_and_keeps_only_necessary_cookies(page):
    article = make_article(headline_en="Water returns to the canals")
    page.goto(article.get_absolute_url("en"))
    banner = page.get_by_role("region", name="Cookies on this site")
    assert banner.is_visible()
    with page.expect_response("**/en/cookies/") as answer:
        page.get_by_role("button", name="Reject all").click()
    assert answer.value.status == 200  # sent by the script, no reload
    banner.wait_for(state="hidden", timeout=5000)  # the script hides it once the answer is read
    assert banner.is_hidden()
    assert page.url.endswith(article.get_absolute_url("en"))
    assert page.get_by_role("status").inner_text().startswith("Your cookie choices have been saved")
    page.reload()
    assert page.locator("[data-consent-banner]").count() == 0
    assert "cookie_consent" in cookie_names(page.context)
    assert cookie_names(page.context) <= necessary_names()


def test_without_javascript_reject_posts_and_returns_to_the_same_page(no_script_page):
    article = make_article(headline_en="Water returns to the canals")
    page = no_script_page
    page.goto(article.get_absolute_url("en"))
    assert page.get_by_role("region", name="Cookies on this site").is_visible()
    page.get_by_role("button", name="Reject all").click()
    page.wait_for_url(f"**{article.get_absolute_url('en')}")
    assert page.locator("[data-consent-banner]").count() == 0
    assert "Your cookie choices have been saved" in page.locator(".messages").inner_text()
    page.reload()
    assert page.locator("[data-consent-banner]").count() == 0
    assert page.locator("h1").inner_text() == "Water returns to the canals"
    assert cookie_names(page.context) <= necessary_names()


def test_without_javascript_customise_opens_and_saves_one_category(no_script_page):
    page = no_script_page
    page.goto("/en/")
    page.get_by_text("Customise").click()
    page.get_by_label("Preferences").check()
    page.get_by_role("button", name="Save my choices").click()
    page.wait_for_url("**/en/")
    assert page.locator("[data-consent-banner]").count() == 0
    page.goto("/en/privacy/")
    assert page.locator("#consent-settings-preferences").is_checked()
    assert not page.locator("#consent-settings-statistics").is_checked()


def test_keyboard_reaches_the_banner_and_rejects(page):
    page.goto("/en/")
    # The banner closes the page: going backwards from the top lands in it.
    page.locator("body").focus()
    for _ in range(3):
        page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.textContent") == "Reject all"
    page.keyboard.press("Enter")
    page.locator("[data-consent-banner]").wait_for(state="hidden")
    assert cookie_names(page.context) <= necessary_names()


def test_accept_then_withdraw_from_cookie_settings(reader_page):
    page = reader_page
    article = make_article()
    page.goto(article.get_absolute_url("en"))
    page.get_by_role("button", name="Accept all").click()
    page.locator("[data-consent-banner]").wait_for(state="hidden")
    with page.expect_response("**/en/reads/*.gif") as beacon:
        page.reload()  # the beacon now runs with statistics accepted
    assert "visitor_id=" in (beacon.value.header_value("set-cookie") or "")
    assert "visitor_id" in cookie_names(page.context)

    page.get_by_role("link", name="Cookie settings").click()
    page.wait_for_url("**/en/privacy/**")
    page.get_by_role("button", name="Withdraw consent").click()
    page.wait_for_url(f"**{article.get_absolute_url('en')}")
    assert page.locator("[data-consent-banner]").count() == 0
    assert cookie_names(page.context) <= necessary_names()


def test_arabic_banner_is_right_to_left_with_equal_buttons(page):
    page.goto("/ar/")
    banner = page.locator("[data-consent-banner]")
    assert banner.is_visible()
    assert (
        page.evaluate("getComputedStyle(document.querySelector('[data-consent-banner]')).direction") == "rtl"
    )
    reject, accept = page.locator("button[value=reject]"), page.locator("button[value=accept]")
    assert reject.inner_text() == "رفض الكل"
    assert accept.inner_text() == "قبول الكل"
    reject_box, accept_box = reject.bounding_box(), accept.bounding_box()
    assert (reject_box["width"], reject_box["height"]) == (accept_box["width"], accept_box["height"])
    # Right to left: the first button (Reject) sits to the right of the second.
    assert reject_box["x"] > accept_box["x"]
    css = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('button[value=reject]'));
        return [s.backgroundColor, s.color, s.fontSize, s.fontWeight].join(); })()""")
    css_accept = page.evaluate("""(() => { const s = getComputedStyle(document.querySelector('button[value=accept]'));
        return [s.backgroundColor, s.color, s.fontSize, s.fontWeight].join(); })()""")
    assert css == css_accept
