"""Against the whole `make cluster` (ops/cluster.py): real processes, real failures.

It runs on a database of its own on the embedded server, with its own ports and folder, and
is stopped by PID at the end. Loads are short and bounded (a few threads for a few seconds).
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

import psycopg
import pytest
from django.conf import settings

from ops.cluster import ROOT, Cluster
from tests.cluster.load import run_load
from tests.cluster.processes import free_port
from tests.cluster.web_client import Browser

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
        # Every comment comes through the proxy, from one address: lift its rate limit.
        env={"RATE_LIMIT_COMMENTS": "100000"},
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(home, ignore_errors=True)
        with _admin_connection(primary) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")


def manage(cluster, code: str) -> str:
    """Run ``code`` in ``manage.py shell`` with the cluster's settings; its last line of output."""
    # Each process numbers its sections, authors and users anew: start where no earlier one did.
    prelude = "import itertools, time; from tests import factories; "
    prelude += "factories._seq = itertools.count(time.time_ns() // 1000 % 10**6); "
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", prelude + code],
        cwd=ROOT,
        env=cluster.env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def publish(cluster, headline: str) -> str:
    """Publish an article with the factory (model save, signals, commit); its English URL."""
    code = "from django.utils import timezone; "
    code += f"article = factories.make_article(headline_en={headline!r}, publish_at=timezone.now()); "
    return manage(cluster, code + "print(article.get_absolute_url('en'))")


def primary(sql: str, params: list) -> list[tuple]:
    """Rows from the cluster's primary (what is stored, whatever any app server answered)."""
    database = settings.DATABASES["default"]
    with psycopg.connect(
        host=database["HOST"], port=database["PORT"] or None, user=database["USER"], dbname=DB_NAME
    ) as connection:
        return connection.execute(sql, params).fetchall()


def app_url(cluster, number: int) -> str:
    return f"http://127.0.0.1:{cluster.ports['apps'][number]}"


def proxy_url(cluster) -> str:
    return f"http://127.0.0.1:{cluster.ports['proxy']}"


EDITOR_AND_DRAFT = """
import json
from tests.workflow.factories import make_draft, make_role_user
editor = make_role_user("editor")
draft = make_draft(by=editor, headline_en="Breaking cluster story")
print(json.dumps({"username": editor.username, "id": draft.pk, "url": draft.get_absolute_url("en")}))
"""


def test_a_publication_in_the_admin_is_visible_through_the_proxy_within_a_second_on_both_app_servers(cluster):
    made = json.loads(manage(cluster, EDITOR_AND_DRAFT))
    proxy = proxy_url(cluster)
    # The editor works on app server 1 directly (the proxy passes the admin through untouched).
    editor = Browser(app_url(cluster, 0))
    editor.log_in_to_the_admin(made["username"], "pw-for-tests-1")
    change = f"/en/admin/articles/article/{made['id']}/change/"
    fields = editor.get(change).form("article_form")
    assert fields["headline_en"] == ["Breaking cluster story"]
    # The home page is in the proxy (once the purges of the setup have gone through).
    deadline = time.monotonic() + 5
    while Browser(proxy).get("/en/").headers["X-Proxy-Cache"] != "HIT":
        assert time.monotonic() < deadline, "the proxy does not keep the home page"
        time.sleep(0.1)
    assert "Breaking cluster story" not in Browser(proxy).get("/en/").text

    pressed = time.monotonic()
    answer = editor.post(change, {**fields, "_transition": ["publish"]})  # the "Publish now" button
    published = time.monotonic()
    assert answer.status == 302, answer.text[:2000]
    pages = {
        "home page through the proxy": (proxy, "/en/"),
        "article through the proxy": (proxy, made["url"]),
        "home page on app server 1": (app_url(cluster, 0), "/en/"),
        "home page on app server 2": (app_url(cluster, 1), "/en/"),
    }
    seen = {}
    while len(seen) < len(pages):
        for name, (base, path) in pages.items():
            if name not in seen and "Breaking cluster story" in Browser(base).get(path).text:
                seen[name] = time.monotonic() - published
        assert time.monotonic() - published < 1, f"not visible within a second after publishing: {seen}"
        time.sleep(0.02)
    print(f"publish in the admin: {published - pressed:.3f} s; then visible after (s): {seen}")
    # The editor is told, on the page the admin sends them back to.
    assert "Published: the article is live now." in editor.get(answer.headers["Location"]).text


@pytest.fixture(scope="module")
def stories(cluster):
    paths = [publish(cluster, f"Load story {n}") for n in range(2)]
    # Every comment reaches the app from one address (the proxy's; PROXY_COUNT trusts it only):
    # the administrator's flood rule (one comment per address per 15 s) is turned off, as
    # "0 turns the rule off" in the discussion settings allows; the rate limit is raised in the
    # cluster's environment (RATE_LIMIT_COMMENTS, see the cluster fixture).
    manage(
        cluster,
        "from comments.models import DiscussionSettings; "
        "DiscussionSettings.objects.update_or_create(pk=1, defaults={'flood_interval': 0})",
    )
    return paths


def stored_writes(load) -> dict:
    """Check every write of ``load`` against the primary; counts for the report.

    A write answered 2xx/3xx is stored exactly once and whole; one refused with a 4xx is not
    stored at all; one answered 5xx (or not at all) is counted, and whether it was stored."""
    rows = primary(
        "SELECT email, body, consent_at IS NOT NULL FROM comments_comment WHERE email = ANY(%s)",
        [[email for email, *_ in load.comments]],
    )
    comments = Counter(rows)
    counts = Counter()
    for email, body, status in load.comments:
        kept = comments[(email, body, True)]
        assert sum(n for (e, *_), n in comments.items() if e == email) == kept, f"{email} half stored"
        if isinstance(status, int) and status < 400:
            assert kept == 1, f"comment {email} answered {status}, stored {kept} times"
            counts["comments stored"] += 1
        elif isinstance(status, int) and status < 500:
            assert kept == 0, f"comment {email} refused with {status}, yet stored"
            counts[f"comments refused ({status})"] += 1
        else:
            counts[f"comments failed ({status}), stored anyway: {kept}"] += 1

    ids = [consent_id for consent_id, status in load.consents if consent_id]
    records = Counter(dict(primary(
        "SELECT consent_id, count(*) FROM consent_consentrecord WHERE consent_id = ANY(%s) GROUP BY 1", [ids]
    )))  # fmt: skip
    answered = [cid for cid, status in load.consents if isinstance(status, int) and status < 400]
    for consent_id in answered:
        assert records[consent_id] == 1, f"cookie choice {consent_id} stored {records[consent_id]} times"
    (since,) = primary(
        "SELECT count(*) FROM consent_consentrecord WHERE created_at >= to_timestamp(%s)", [load.started]
    )[0]
    counts["cookie choices stored"] = len(answered)
    counts["cookie choices failed, stored anyway"] = since - len(answered)
    return dict(counts)


def assert_nothing_lost(load) -> dict:
    """No 5xx and no request without an answer, every write stored exactly once."""
    statuses = {*load.reads, *(s for *_, s in load.comments), *(s for _, s in load.consents)}
    assert all(isinstance(s, int) and s < 500 for s in statuses), load.summary()
    counts = stored_writes(load)
    assert counts["cookie choices failed, stored anyway"] == 0, counts
    assert load.reads[200] > 10 and counts["comments stored"] > 5, (load.summary(), counts)
    return counts


def under_load(cluster, stories, outage):
    return run_load(
        proxy_url(cluster), stories, seconds=4, during=outage, secret_key=cluster.env["SECRET_KEY"]
    )


def test_stopping_redis_under_load_loses_no_request_and_nothing_stored(cluster, stories):
    load = under_load(cluster, stories, lambda: cluster.stop_one("redis"))
    print(f"Redis stopped under load: {load.summary()}; {assert_nothing_lost(load)}")


def test_stopping_one_app_server_under_load_loses_no_request_and_nothing_stored(cluster, stories):
    load = under_load(cluster, stories, lambda: cluster.stop_one("app2"))
    print(f"app server 2 stopped under load: {load.summary()}; {assert_nothing_lost(load)}")


def test_stopping_the_replica_under_load_fails_at_most_the_reads_it_was_answering(cluster, stories):
    load = under_load(cluster, stories, cluster.replica.stop)
    counts = stored_writes(load)
    print(f"replica stopped under load: {load.summary()}; {counts}")
    # The reads whose queries were running on it (at most one per worker: 2 servers x 2) fail;
    # every later one is sent to the primary. Writes never use the replica.
    failed = sum(count for status, count in load.reads.items() if status != 200)
    assert failed <= 4, load.summary()
    assert load.reads[200] > 10, load.summary()
    writes = {*(s for *_, s in load.comments), *(s for _, s in load.consents)}
    assert all(isinstance(s, int) and s < 500 for s in writes), load.summary()
    assert counts["cookie choices failed, stored anyway"] == 0, counts
