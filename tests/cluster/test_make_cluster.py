"""Against the whole `make cluster` (ops/cluster.py): real processes, real failures.

It runs on a database of its own on the embedded server, with its own ports and folder, and
is stopped by PID at the end. Loads are short and bounded (a few threads for a few seconds).
"""

import os
import random
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from ops.cluster import ROOT, Cluster
from tests.cluster.processes import free_port

pytestmark = pytest.mark.cluster

DB_NAME = "newsroom_cluster_test"


def _admin_connection(primary):
    return psycopg.connect(
        host=primary["HOST"],
        port=primary["PORT"] or None,
        user=primary["USER"],
        dbname="postgres",
        autocommit=True,
    )


@pytest.fixture(scope="module")
def cluster():
    primary = settings.DATABASES["default"]
    if not str(primary["HOST"]).startswith("/"):
        pytest.skip("the cluster is made around the embedded (local socket) server")
    with _admin_connection(primary) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {DB_NAME}")
    home = Path(tempfile.mkdtemp(prefix="newsroom-cluster-"))
    os.chmod(home, 0o755)
    port = f"&port={primary['PORT']}" if primary["PORT"] else ""
    ports = {"proxy": free_port(), "apps": [free_port(), free_port()], "redis": free_port()}
    running = Cluster(
        database_url=f"postgresql://{primary['USER']}@/{DB_NAME}?host={primary['HOST']}{port}",
        ports=ports,
        demo=False,
        home=home,
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(home, ignore_errors=True)
        with _admin_connection(primary) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def publish(cluster, headline: str) -> str:
    """Publish an article the way the admin's save does (model save, signals, commit), in a
    process of its own with the cluster's settings; return its English URL."""
    code = (
        "import itertools, time; from django.utils import timezone; from tests import factories; "
        # Each process numbers its sections and authors anew: start where no earlier one did.
        "factories._seq = itertools.count(time.time_ns() // 1000 % 10**6); "
        f"article = factories.make_article(headline_en={headline!r}, publish_at=timezone.now()); "
        "print(article.get_absolute_url('en'))"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=cluster.env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def get(base: str, path: str) -> tuple[int, dict, str]:
    try:
        with urllib.request.urlopen(base + path, timeout=10) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), ""


def app_url(cluster, number: int) -> str:
    return f"http://127.0.0.1:{cluster.ports['apps'][number]}"


def proxy_url(cluster) -> str:
    return f"http://127.0.0.1:{cluster.ports['proxy']}"


def test_a_publication_is_visible_through_the_proxy_within_a_second_on_both_app_servers(cluster):
    publish(cluster, "Earlier story")
    proxy = proxy_url(cluster)
    # The home page is in the proxy (once the purge of that first publication has gone through).
    deadline = time.monotonic() + 5
    while get(proxy, "/en/")[1]["X-Proxy-Cache"] != "HIT":
        assert time.monotonic() < deadline, "the proxy does not keep the home page"
        time.sleep(0.1)
    publish(cluster, "Breaking cluster story")
    published = time.monotonic()
    while "Breaking cluster story" not in get(proxy, "/en/")[2]:
        assert time.monotonic() - published < 1, "not visible through the proxy within a second"
        time.sleep(0.02)
    for number in (0, 1):
        assert "Breaking cluster story" in get(app_url(cluster, number), "/en/")[2]


@pytest.fixture(scope="module")
def stories(cluster):
    return [publish(cluster, f"Load story {n}") for n in range(2)]


def hammer(cluster, paths, *, seconds: float, during, at: float = 1.0, threads: int = 4) -> Counter:
    """Uncached article requests through the proxy from a few threads; ``during()`` runs ``at``
    seconds in. Returns the count of each status (``"refused"`` for no answer at all)."""
    proxy = proxy_url(cluster)
    outcome = Counter()
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def run():
        while time.monotonic() < deadline:
            # An unknown query parameter bypasses both caches: every request reaches an app server.
            path = f"{random.choice(paths)}?load={random.random()}"
            try:
                status = get(proxy, path)[0]
            except OSError:
                status = "refused"
            with lock:
                outcome[status] += 1

    workers = [threading.Thread(target=run) for _ in range(threads)]
    for worker in workers:
        worker.start()
    time.sleep(at)
    during()
    for worker in workers:
        worker.join()
    return outcome


def test_stopping_redis_under_load_loses_no_request(cluster, stories):
    outcome = hammer(cluster, stories, seconds=4, during=lambda: cluster.stop_one("redis"))
    assert set(outcome) == {200}, outcome
    assert outcome[200] > 10


def test_stopping_one_app_server_under_load_loses_no_request(cluster, stories):
    outcome = hammer(cluster, stories, seconds=4, during=lambda: cluster.stop_one("app2"))
    assert set(outcome) == {200}, outcome
    assert outcome[200] > 10


def test_stopping_the_replica_under_load_fails_at_most_the_requests_it_was_answering(cluster, stories):
    outcome = hammer(cluster, stories, seconds=4, during=cluster.replica.stop)
    failed = sum(count for status, count in outcome.items() if status != 200)
    print(f"replica stopped under load: {dict(outcome)}")
    # The requests whose queries were running on it (at most one per worker: 2 servers x 2) fail;
    # every later one is sent to the primary.
    assert failed <= 4, outcome
    assert outcome[200] > 10
