"""An administrator imports a WordPress export in the admin, watches it, reads the report, and
opens an imported Arabic article with its comments. The import runs in the imports worker, a
process of its own (``manage.py db_worker --backend imports``), as under ``make run``."""

from pathlib import Path

import pytest

from tests.factories import make_user
from tests.wordpress.workers import import_worker_process

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EXPORT = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress" / "polylang-1.2.xml"
PASSWORD = "administer-it-2026"


def test_administrator_imports_an_export_and_reads_the_arabic_article(page, settings, tmp_path):
    settings.WORDPRESS_IMPORT_DIR = tmp_path / "imports"
    make_user("chief", is_staff=True, is_superuser=True, password=PASSWORD)
    page.goto("/en/admin/")
    page.locator("#id_username").fill("chief")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("input[type=submit]").click()

    page.goto("/en/admin/wordpress/importrun/")
    page.get_by_role("link", name="Import from WordPress").click()
    page.locator("input[name=exports]").set_input_files(str(EXPORT))
    page.locator("#wordpress-import-form input[type=submit]").click()

    # The run's page: queued until a worker takes it (the page refreshes itself), then the report.
    page.wait_for_url("**/admin/wordpress/importrun/*/change/")
    assert "Waiting for the import worker" in page.locator(".field-progress").inner_text()
    with import_worker_process(settings.WORDPRESS_IMPORT_DIR, tmp_path / "worker.log"):
        page.locator("table.import-report").wait_for(timeout=60_000)
    report = page.locator(".field-report_display").inner_text()
    assert "posts" in report and "unknown author “ghost”" in report

    page.goto("/ar/news/داعش-يتراجع-عاصمة-جديدة/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert "داعش يتراجع، وعاصمة جديدة محتملة" in page.locator("h1").inner_text()
    assert "شكراً على هذا التقرير المهم." in page.content()
