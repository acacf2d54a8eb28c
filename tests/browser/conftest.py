"""Real-browser tests: Playwright drives Chromium against pytest-django's live server.

Debian's Chromium (/usr/bin/chromium) is used when present (CI installs it); elsewhere set
CHROMIUM_PATH, or run `playwright install chromium` and Playwright's own build is used.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; the ORM calls the tests make
# to set up data are still plain synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_executable():
    explicit = os.environ.get("CHROMIUM_PATH")
    if explicit:
        return explicit
    for candidate in ("/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium")  # None: fall back to Playwright's managed browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(
                executable_path=chromium_executable(), headless=True, args=CHROMIUM_FLAGS
            )
        except Exception as error:  # pragma: no cover - environment problem, not a test result
            pytest.fail(
                "Chromium could not be started for the browser tests. Install Debian's `chromium` "
                f"package, set CHROMIUM_PATH, or run `playwright install chromium`. ({error})"
            )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
