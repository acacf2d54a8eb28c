"""Django's file-based cache, culled by the clock instead of on every write.

The cache of a single machine (several worker processes share the directory; with several
machines REDIS_URL points them at Redis). Django's ``FileBasedCache`` counts its entries by
listing the whole directory on every ``set()``, to decide whether to cull: 23 ms at 20,000
files on the benchmark's machine. Pages kept by generation are written once per generation,
so that went unnoticed while the same pages were read; a crawler walking the archive writes a
page and its fragments on every request, and each of those writes grew slower as the cache
filled, until the listing cost more than rendering the page.

Here each worker lists the directory at most once every ``CULL_SECONDS`` (an ``OPTIONS``
entry, 5 by default), and culls as Django does when the count has reached ``MAX_ENTRIES``.
Between two checks the directory may hold what the processes wrote meanwhile beyond the
limit: a soft bound, which is all a cache of rebuildable entries needs.

    CACHES = {"default": {"BACKEND": "web.file_cache.FileCache", "LOCATION": "/var/cache/…",
                          "OPTIONS": {"MAX_ENTRIES": 20000, "CULL_SECONDS": 5}}}
"""

from __future__ import annotations

from time import monotonic

from django.core.cache.backends.filebased import FileBasedCache


class FileCache(FileBasedCache):
    def __init__(self, dir, params):  # noqa: A002 - Django's own signature
        options = dict(params.get("OPTIONS") or {})
        self.cull_seconds = float(options.pop("CULL_SECONDS", 5))
        super().__init__(dir, {**params, "OPTIONS": options})
        self._next_cull_check = 0.0

    def _cull(self):
        now = monotonic()
        if now < self._next_cull_check:
            return
        self._next_cull_check = now + self.cull_seconds
        super()._cull()
