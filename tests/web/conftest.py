import pytest
from django.core.cache import cache


@pytest.fixture
def page_cache(settings):
    """The public page cache switched on and empty (tests/settings.py keeps it off)."""
    settings.PUBLIC_PAGE_CACHE_SECONDS = 600
    cache.clear()
    yield
    cache.clear()
