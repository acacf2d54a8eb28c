import pytest

from tests.factories import make_article

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_reader_follows_an_article_and_switches_to_arabic(page):
    make_article(headline_en="Older story", headline_ar="خبر أقدم")
    article = make_article(
        label="exclusive",
        headline_en="Water returns to the canals",
        headline_ar="المياه تعود إلى القنوات",
        body_en="<p>The river rose overnight.</p>",
        body_ar="<p>ارتفع منسوب النهر خلال الليل.</p>",
    )
    page.goto("/en/")
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "ltr"
    page.get_by_role("link", name="Water returns to the canals").first.click()
    page.wait_for_url(f"**{article.get_absolute_url('en')}")
    assert page.locator("h1").inner_text() == "Water returns to the canals"

    page.locator(".language-switcher a[hreflang=ar]").click()
    page.wait_for_url(f"**{article.get_absolute_url('ar')}")
    assert page.locator("h1").inner_text() == "المياه تعود إلى القنوات"
    assert page.evaluate("document.documentElement.lang") == "ar"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('.article__body')).direction") == "rtl"
