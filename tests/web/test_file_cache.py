"""The single machine's cache: Django's file cache, without a directory listing on every write."""

import pytest

from web import file_cache
from web.file_cache import FileCache


@pytest.fixture
def clock(monkeypatch):
    now = [1000.0]
    monkeypatch.setattr(file_cache, "monotonic", lambda: now[0])
    return now


def listing_counter(cache, monkeypatch):
    calls = []
    original = cache._list_cache_files

    def counted():
        calls.append(1)
        return original()

    monkeypatch.setattr(cache, "_list_cache_files", counted)
    return calls


def test_writes_list_the_directory_at_most_once_per_cull_period(tmp_path, clock, monkeypatch):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 1000, "CULL_SECONDS": 5}})
    listings = listing_counter(cache, monkeypatch)
    for number in range(50):
        cache.set(f"page-{number}", "<html>…</html>", 60)
    assert len(listings) == 1
    clock[0] += 5
    cache.set("one-more", "…", 60)
    assert len(listings) == 2
    assert cache.get("page-49") == "<html>…</html>"


def test_the_directory_is_still_culled_past_its_limit(tmp_path, clock):
    cache = FileCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 10, "CULL_FREQUENCY": 2, "CULL_SECONDS": 5}})
    for number in range(30):
        cache.set(f"page-{number}", "…", 60)
    assert len(cache._list_cache_files()) == 30  # a soft bound between two checks
    clock[0] += 5
    cache.set("after-the-period", "…", 60)
    assert len(cache._list_cache_files()) == 30 - 30 // 2 + 1
