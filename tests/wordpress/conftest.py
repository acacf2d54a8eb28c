from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "wordpress"


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
