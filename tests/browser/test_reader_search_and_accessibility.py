"""A reader's journey through search, related stories and an author page, and an axe-core scan.

axe-core comes from the npm registry: the first run installs it into the git-ignored
``var/axe/`` (``npm install --prefix var/axe axe-core@4``); later runs reuse it. Set
``AXE_CORE_PATH`` to use a copy of ``axe.min.js`` found elsewhere.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from articles.images import generate_renditions
from articles.models import RelatedArticle
from tests.factories import make_article, make_author, make_image, make_section, make_tag

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE_DIR = Path(settings.BASE_DIR) / "var" / "axe"
AXE_SCRIPT = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# Impact levels that fail the scan; "moderate" and "minor" findings are printed only.
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="session")
def axe_script():
    """Path of axe.min.js, installed from the npm registry on first use."""
    explicit = os.environ.get("AXE_CORE_PATH")
    if explicit:
        return Path(explicit)
    if not AXE_SCRIPT.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is needed to fetch axe-core for the accessibility scan (or set AXE_CORE_PATH).")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "--silent", "axe-core@4"],
            check=True,
            timeout=300,
        )
    return AXE_SCRIPT


@pytest.fixture
def scan_page(browser, live_server):
    """A page whose context ignores the site's CSP, so that axe can be injected as a script."""
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def axe_violations(page, axe_script):
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 3).map(n => n.target.join(" "))
            }));
        }"""
    )
    return result


def newsroom():
    """A small bilingual site: an article about water, its related story and their author."""
    section = make_section(name_en="Syria", name_ar="سوريا", slug_en="syria", slug_ar="سوريا")
    tag = make_tag(name_en="Water", name_ar="المياه", slug_en="water", slug_ar="المياه")
    author = make_author(
        display_name_en="Salma Haddad",
        display_name_ar="سلمى حداد",
        bio_en="Covers water.",
        bio_ar="تغطي شؤون المياه.",
    )
    image = make_image(
        caption_en="The river at dusk", caption_ar="النهر عند الغروب", credit_en="EP", credit_ar="EP"
    )
    generate_renditions(image)
    article = make_article(
        section=section,
        tags=[tag],
        authors=[author],
        lead_image=image,
        label="exclusive",
        headline_en="The school reopens by the river",
        headline_ar="المدرسة الجديدة تفتح أبوابها قرب النهر",
        summary_en="Pupils return after two years.",
        summary_ar="عاد التلاميذ بعد عامين.",
        body_en="<p>The new school opened its doors on Sunday.</p>",
        body_ar="<p>فتحت المدرسة الجديدة أبوابها يوم الأحد أمام التلاميذ.</p>",
    )
    related = make_article(
        section=section,
        tags=[tag],
        authors=[author],
        headline_en="Wells run dry in the villages",
        headline_ar="جفاف الآبار في القرى",
        body_en="<p>Wells.</p>",
        body_ar="<p>الآبار.</p>",
    )
    RelatedArticle.objects.create(from_article=article, to_article=related, order=0)
    for n in range(3):
        make_article(
            section=section,
            lead_image=image,
            headline_en=f"Market report {n}",
            headline_ar=f"تقرير السوق {n}",
        )
    return article, related, author


def test_reader_searches_in_arabic_opens_a_result_a_related_story_and_the_author(page):
    article, related, author = newsroom()
    page.goto("/ar/")
    search = page.get_by_role("search").first
    # Typed with tashkeel and a taa marbuta written as haa: still found.
    search.get_by_role("searchbox").fill("المَدْرَسَه")
    search.get_by_role("button").click()
    page.wait_for_url("**/ar/search/**")
    result = page.locator(".search-result").first
    assert "المدرسة" in result.locator("mark").first.inner_text()
    result.get_by_role("link").first.click()
    page.wait_for_url(f"**{article.get_absolute_url('ar')}")
    assert page.locator("h1").inner_text() == "المدرسة الجديدة تفتح أبوابها قرب النهر"

    page.locator(".related").get_by_role("link", name="جفاف الآبار في القرى").click()
    page.wait_for_url(f"**{related.get_absolute_url('ar')}")
    assert page.locator("h1").inner_text() == "جفاف الآبار في القرى"

    page.locator(".byline").get_by_role("link", name="سلمى حداد").click()
    page.wait_for_url(f"**/ar/author/{author.slug}/")
    assert page.locator("h1").inner_text() == "سلمى حداد"
    assert page.get_by_text("تغطي شؤون المياه.").is_visible()
    assert page.get_by_role("link", name="المدرسة الجديدة تفتح أبوابها قرب النهر").is_visible()


def test_skip_link_is_the_first_stop_and_moves_focus_to_the_content(page):
    newsroom()
    page.goto("/en/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    assert skip.evaluate("element => element === document.activeElement")
    assert skip.is_visible()  # shown when focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "content"


def test_no_serious_or_critical_accessibility_violations_in_either_language(scan_page, axe_script):
    article, _related, _author = newsroom()
    failures = {}
    for language in ("en", "ar"):
        for name, url in {
            "home": f"/{language}/",
            "article": article.get_absolute_url(language),
            "search": f"/{language}/search/?q=" + ("school" if language == "en" else "المدرسة"),
        }.items():
            scan_page.goto(url)
            violations = axe_violations(scan_page, axe_script)
            for violation in violations:
                print(f"{language} {name}: {violation['impact']} {violation['id']} {violation['nodes']}")
            blocking = [v for v in violations if v["impact"] in BLOCKING]
            if blocking:
                failures[f"{language} {name}"] = blocking
    assert not failures, failures
