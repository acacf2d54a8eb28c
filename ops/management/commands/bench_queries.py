"""Count SQL queries and time one render of each benchmarked page (the page cache bypassed).

Prints JSON: {"pages": {name: {"url": …, "queries": n, "render_ms": t}}}. Used by `make bench`.
"""

import json
import time

from django.core.management.base import BaseCommand
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings


class Command(BaseCommand):
    help = "Count the SQL queries of each page given as NAME=URL."

    def add_arguments(self, parser):
        parser.add_argument("pages", nargs="+", help="NAME=URL pairs")

    def handle(self, *args, pages, **options):
        results = {}
        with override_settings(PUBLIC_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
            client = Client()
            for pair in pages:
                name, url = pair.split("=", 1)
                client.get(url)  # warm: template loading, first connection
                with CaptureQueriesContext(connection) as queries:
                    started = time.perf_counter()
                    response = client.get(url)
                    elapsed = (time.perf_counter() - started) * 1000
                results[name] = {
                    "url": url,
                    "status": response.status_code,
                    "queries": len(queries.captured_queries),
                    "render_ms": round(elapsed, 2),
                }
        self.stdout.write(json.dumps({"pages": results}))
