from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


@pytest.fixture(autouse=True)
def _english():
    """Reports are written in the active language; a request to an /ar/ page leaves Arabic
    active in the test's thread, so each test starts from English."""
    from django.utils import translation

    with translation.override("en"):
        yield


@pytest.fixture
def fixtures():
    return FIXTURES


@pytest.fixture
def import_polylang(fixtures):
    """Import the bilingual Polylang export (WXR 1.2) with its uploads folder."""
    from wordpress.importer import wordpress_import

    def run(**kw):
        kw.setdefault("media_dir", fixtures / "uploads")
        return wordpress_import(paths=[fixtures / "polylang-1.2.xml"], **kw)

    return run
