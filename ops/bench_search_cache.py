"""`make bench-search-cache`: does a flood of distinct search terms fill the page cache?

    python -m ops.bench_search_cache        (run by the make target inside ops.pgembed)

Production settings (DEBUG off, the file cache in a temporary directory, pages cached for
600 s) against a throw-away test database. SEARCH_BENCH_TERMS distinct terms (10,000) are
searched, each from its own address so the per-address search limit does not stop them (a
botnet, the worst case for the cache), once with the search budget as configured
(PUBLIC_PAGE_CACHE_SEARCH_PAGES, 500) and once with the budget lifted, as the page cache was
before it had one. Printed: the files in the cache directory and how requests were answered.
Exit status 1 when the budgeted cache holds more than twice the budget plus a few fixed keys
(the bound web/cache.py promises) or when any request failed.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

# Keys that are not pages: the generation state, memoised lookups, the consent configuration.
FIXED_KEYS = 50


def configure(cache_dir: str) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "newsroom.settings",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "testserver",
            "SITE_URL": "http://testserver",
            "HTTPS": "0",
            "CACHE_DIR": cache_dir,
            "PUBLIC_PAGE_CACHE_SECONDS": "600",
            "LOG_LEVEL": "WARNING",
        }
    )


def flood(client, terms: int, *, label: str) -> dict:
    from django.core.cache import cache

    cache.clear()
    outcomes: Counter = Counter()
    started = time.monotonic()
    for n in range(terms):
        address = f"10.{n // 65536 % 256}.{n // 256 % 256}.{n % 256}"
        language = ("en", "ar")[n % 2]
        response = client.get(f"/{language}/search/", {"q": f"term{n} word{n * 7}"}, REMOTE_ADDR=address)
        outcomes[f"{response.status_code} {response.headers.get('X-Cache', '-')}"] += 1
    seconds = time.monotonic() - started
    files = sum(1 for path in Path(cache._dir).glob("*.djcache"))
    return {"label": label, "files": files, "outcomes": dict(outcomes), "seconds": seconds}


def main() -> int:
    terms = int(os.environ.get("SEARCH_BENCH_TERMS", "10000"))
    with tempfile.TemporaryDirectory(prefix="newsroom-search-cache-") as cache_dir:
        configure(cache_dir)
        import django

        django.setup()
        from django.conf import settings
        from django.db import connection
        from django.test import Client
        from django.test.utils import setup_test_environment

        setup_test_environment()
        settings.ALLOWED_HOSTS = ["testserver"]
        # Static files are not collected here: plain URLs instead of the manifest's hashed ones.
        settings.STORAGES = {
            **settings.STORAGES,
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        }
        test_db = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            budget = settings.PUBLIC_PAGE_CACHE_BUDGETS["search"]
            client = Client()
            runs = [flood(client, terms, label=f"budget {budget} per period")]
            settings.PUBLIC_PAGE_CACHE_BUDGETS = {"search": 10**9}
            runs.append(flood(client, terms, label="no budget (before)"))
        finally:
            connection.creation.destroy_test_db(test_db, verbosity=0)
    print(f"{terms} distinct search terms, one address each, page cache 600 s, file cache")
    print(f"{'run':<26} {'cache files':>11} {'seconds':>8}  answers")
    for run in runs:
        answers = ", ".join(f"{k}: {v}" for k, v in sorted(run["outcomes"].items()))
        print(f"{run['label']:<26} {run['files']:>11} {run['seconds']:>8.1f}  {answers}")
    bounded = runs[0]
    failed = sum(v for k, v in bounded["outcomes"].items() if not k.startswith("200"))
    if bounded["files"] > 2 * budget + FIXED_KEYS or failed:
        print(f"FAIL: {bounded['files']} files (bound {2 * budget + FIXED_KEYS}), {failed} failed requests")
        return 1
    print(f"OK: the cache stayed within {2 * budget + FIXED_KEYS} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
