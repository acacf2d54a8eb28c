import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def _fresh_cache():
    """The policy version, read dedupes and "Most read" live in the cache: no test sees another's."""
    cache.clear()
    yield
    cache.clear()
