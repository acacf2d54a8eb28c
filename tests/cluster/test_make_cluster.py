"""Against the whole `make cluster` (ops/cluster.py): real processes, real failures.

It runs on a database of its own on the embedded server, with its own ports and folder, and
is stopped by PID at the end. Loads are short and bounded (a few threads for a few seconds).
"""

import json
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.conf import settings

from tests.cluster.load import run_load
from tests.cluster.processes import manage, running_cluster
from tests.cluster.web_client import Browser

pytestmark = pytest.mark.cluster

DB_NAME = "newsroom_cluster_test"


@pytest.fixture(scope="module")
def cluster():
    # Every comment comes through the proxy, from one address: lift its rate limit.
    with running_cluster(DB_NAME, env={"RATE_LIMIT_COMMENTS": "100000"}) as running:
        yield running


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


PASSWORD = "pw-for-tests-1"  # the factories' default


def editor_and_draft(cluster, headline: str) -> dict:
    """An editor (the role's group, as migrated) and an unpublished draft under their byline."""
    code = "import json; from tests.workflow.factories import make_draft, make_role_user; "
    code += f"editor = make_role_user('editor'); draft = make_draft(by=editor, headline_en={headline!r}); "
    code += "print(json.dumps({'username': editor.username, 'id': draft.pk, 'url': draft.get_absolute_url('en')}))"
    made = json.loads(manage(cluster, code))
    return {**made, "headline": headline, "change": f"/en/admin/articles/article/{made['id']}/change/"}


def home_page_held_by_the_proxy(cluster, headline: str) -> None:
    """Wait until Varnish holds the home page (the setup's purges gone through), without the story."""
    proxy = proxy_url(cluster)
    deadline = time.monotonic() + 5
    while Browser(proxy).get("/en/").headers["X-Proxy-Cache"] != "HIT":
        assert time.monotonic() < deadline, "the proxy does not keep the home page"
        time.sleep(0.1)
    assert headline not in Browser(proxy).get("/en/").text


def seconds_until_visible(cluster, made: dict, headline: str, published: float) -> dict:
    """Poll each public page in a thread of its own (so a slow answer on one delays no other)
    until it shows the story. For each, the seconds from ``published`` to the request that got
    it: a reader asking then sees the story (its answer may take longer on a busy machine,
    the first render after a publication being uncached; both are returned)."""
    proxy = proxy_url(cluster)
    pages = {
        "home page through the proxy": (proxy, "/en/"),
        "article through the proxy": (proxy, made["url"]),
        "home page on app server 1": (app_url(cluster, 0), "/en/"),
        "home page on app server 2": (app_url(cluster, 1), "/en/"),
    }
    seen = {}

    def poll(name, base, path):
        while time.monotonic() - published < 3:
            asked = time.monotonic()
            if headline in Browser(base).get(path).text:
                seen[name] = (round(asked - published, 3), round(time.monotonic() - published, 3))
                return
            time.sleep(0.02)

    pollers = [threading.Thread(target=poll, args=(name, *page)) for name, page in pages.items()]
    for poller in pollers:
        poller.start()
    for poller in pollers:
        poller.join()
    assert len(seen) == len(pages), f"not visible everywhere after 3 s (asked, answered): {seen}"
    assert max(asked for asked, _ in seen.values()) < 1, f"not visible within a second: {seen}"
    return seen


def test_a_publication_in_the_admin_is_visible_through_the_proxy_within_a_second_on_both_app_servers(cluster):
    made = editor_and_draft(cluster, "Breaking cluster story")
    # The editor works on app server 1 directly (the proxy passes the admin through untouched).
    editor = Browser(app_url(cluster, 0))
    editor.log_in_to_the_admin(made["username"], PASSWORD)
    fields = editor.get(made["change"]).form("article_form")
    assert fields["headline_en"] == ["Breaking cluster story"]
    home_page_held_by_the_proxy(cluster, "Breaking cluster story")

    pressed = time.monotonic()
    answer = editor.post(made["change"], {**fields, "_transition": ["publish"]})  # "Publish now"
    published = time.monotonic()
    assert answer.status == 302, answer.text[:2000]
    seen = seconds_until_visible(cluster, made, "Breaking cluster story", published)
    print(f"publish in the admin (HTTP): {published - pressed:.3f} s; then (asked, answered) s: {seen}")
    # The editor is told, on the page the admin sends them back to.
    assert "Published: the article is live now." in editor.get(answer.headers["Location"]).text


def publish_in_chromium(cluster, made: dict) -> dict:
    """The editor logs in and presses "Publish now" in Chromium; the pages polled as above."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_FLAGS, chromium_executable

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_executable(), headless=True, args=CHROMIUM_FLAGS
        )
        try:
            page = browser.new_page(base_url=app_url(cluster, 0), locale="en-GB")
            page.set_default_timeout(15_000)
            page.goto("/en/admin/login/")
            page.fill("#id_username", made["username"])
            page.fill("#id_password", PASSWORD)
            with page.expect_navigation():
                page.click("input[type=submit]")
            page.goto(made["change"])
            home_page_held_by_the_proxy(cluster, made["headline"])
            with page.expect_response(lambda r: r.request.method == "POST") as answer:
                page.click("button[value=publish]")
            published = time.monotonic()
            assert answer.value.status == 302
            seen = seconds_until_visible(cluster, made, made["headline"], published)
            # The editor is told, on the page the admin sends them back to.
            page.get_by_text("Published: the article is live now.").wait_for()
            return seen
        finally:
            browser.close()


@pytest.mark.browser
def test_a_publication_pressed_in_chromium_is_visible_through_the_proxy_within_a_second(cluster):
    made = editor_and_draft(cluster, "Story published from Chromium")
    # In a thread of its own: in a full run the browser tests' Playwright session already runs
    # an event loop in this one, and Playwright's sync API refuses to start inside it.
    with ThreadPoolExecutor(max_workers=1) as thread:
        seen = thread.submit(publish_in_chromium, cluster, made).result()
    print(f"publish in the admin (Chromium): then (asked, answered) s: {seen}")


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


def consent_records() -> int:
    return primary("SELECT count(*) FROM consent_consentrecord", [])[0][0]


def stored_writes(load, *, consent_records_before: int) -> Counter:
    """Check every write of ``load`` against the primary; the counts, for the report.

    A comment answered 2xx/3xx is stored exactly once, whole; one refused with a 4xx is not
    stored, unless the answer was "already posted" (the proxy resent it after the server that
    stored it died: stored once all the same); one answered 5xx or not at all is counted with
    whether it was stored. Each cookie choice answered 2xx/3xx is recorded once under the id
    its cookie carries; records under no answered id are counted ("recorded again")."""
    rows = primary(
        "SELECT email, body, consent_at IS NOT NULL FROM comments_comment WHERE email = ANY(%s)",
        [[email for email, *_ in load.comments]],
    )
    comments = Counter(rows)
    counts = Counter()
    for email, body, status, already_posted in load.comments:
        kept = comments[(email, body, True)]
        assert sum(n for (e, *_), n in comments.items() if e == email) == kept, f"{email} half stored"
        if isinstance(status, int) and status < 400:
            assert kept == 1, f"comment {email} answered {status}, stored {kept} times"
            counts["comments stored"] += 1
        elif isinstance(status, int) and status < 500:
            assert kept == (1 if already_posted else 0), f"comment {email} refused ({status}), stored {kept}"
            counts[f"comments refused ({status}{', already posted' if already_posted else ''})"] += 1
        else:
            counts[f"comments failed ({status}), stored anyway: {kept}"] += 1

    answered = [cid for cid, status in load.consents if isinstance(status, int) and status < 400]
    records = Counter(dict(primary(
        "SELECT consent_id, count(*) FROM consent_consentrecord WHERE consent_id = ANY(%s) GROUP BY 1",
        [answered],
    )))  # fmt: skip
    for consent_id in answered:
        assert records[consent_id] == 1, f"cookie choice {consent_id} stored {records[consent_id]} times"
    counts["cookie choices stored"] = len(answered)
    counts["cookie choices recorded again"] = consent_records() - consent_records_before - len(answered)
    return counts


def assert_no_5xx(load) -> None:
    statuses = {*load.reads, *(c[2] for c in load.comments), *(s for _, s in load.consents)}
    assert all(isinstance(s, int) and s < 500 for s in statuses), load.summary()


def assert_the_load_met_the_outage(load) -> None:
    """Not a vacuous pass: reads went through, and comments sent after the stop were stored (a
    machine shared with other test runs may serve only a few in 4 s)."""
    assert load.reads[200] >= 5, load.summary()
    assert load.comments_after_outage[302] >= 1, (load.summary(), load.comments_after_outage)


def under_load(cluster, stories, outage) -> tuple:
    """The load with ``outage`` a second in; the load and what the primary stored of it."""
    before = consent_records()
    load = run_load(
        proxy_url(cluster), stories, seconds=4, during=outage, secret_key=cluster.env["SECRET_KEY"]
    )
    return load, stored_writes(load, consent_records_before=before)


def test_stopping_redis_under_load_loses_no_request_and_nothing_stored(cluster, stories):
    load, counts = under_load(cluster, stories, lambda: cluster.stop_one("redis"))
    print(f"Redis stopped under load: {load.summary()}; {dict(counts)}")
    assert_no_5xx(load)
    # Nothing failed, so nothing was resent: every write is in the primary exactly once.
    assert counts["cookie choices recorded again"] == 0, counts
    assert_the_load_met_the_outage(load)


def test_stopping_one_app_server_under_load_loses_no_request_and_nothing_stored(cluster, stories):
    load, counts = under_load(cluster, stories, lambda: cluster.stop_one("app2"))
    print(f"app server 2 stopped under load: {load.summary()}; {dict(counts)}")
    # The proxy resends what the stopped server did not answer (GETs, comments, cookie choices).
    assert_no_5xx(load)
    # A cookie choice is recorded twice only if its server died between storing and answering:
    # at most the one each commenter had in flight.
    assert counts["cookie choices recorded again"] <= 2, counts
    assert_the_load_met_the_outage(load)


def test_stopping_the_replica_under_load_fails_at_most_the_reads_it_was_answering(cluster, stories):
    load, counts = under_load(cluster, stories, cluster.replica.stop)
    print(f"replica stopped under load: {load.summary()}; {dict(counts)}")
    # The reads whose queries were running on it (at most one per worker) are answered 503
    # "database away" and Varnish asks them again, of a server that now skips the replica;
    # every later one is sent to the primary. Readers see no failure.
    failed = sum(count for status, count in load.reads.items() if status != 200)
    assert failed == 0, load.summary()
    # Writes never use the replica: all answered, each stored once.
    writes = {*(c[2] for c in load.comments), *(s for _, s in load.consents)}
    assert all(isinstance(s, int) and s < 500 for s in writes), load.summary()
    assert counts["cookie choices recorded again"] == 0, counts
    assert_the_load_met_the_outage(load)
