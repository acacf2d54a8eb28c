"""`make bench`: a newsroom-sized dataset, the production server, wrk, and a table.

    python -m ops.bench            (run by `make bench` inside ops.pgembed)

Steps: a database of its own (``<name>_bench``) on the same server; migrations; the dataset
(``manage.py bench_data``, rebuilt only when missing or when BENCH_REBUILD=1); the archive read
once (PostgreSQL's cache as in service); SQL queries and one render per page counted
in-process; `make serve` started on a free port; each page loaded with wrk (16 connections)
twice — with the page cache as deployed, and bypassed by a random query string (the search_new
rows: a word never searched before on every request) — then single-connection latencies and
the worker processes' memory; then a second server with nothing kept
(PUBLIC_PAGE_CACHE_SECONDS=0: what the first reader after a publication gets) loads each page
once more ("cold"). Results go to var/bench/results-<scale>x.json and
var/bench/chart-<scale>x.svg. The table (ops/bench_report.py) has a target column (issue #14:
cache bypassed, every public page at ≥ 0.1× /healthz, the article page ≥ 0.25×) and a ✗ on each
row that misses it. With var/bench/before-<scale>x.json (a results file of a run on older code,
copied there by hand), var/bench/compare-<scale>x.svg (and compare-cold-<scale>x.svg when both
runs have a cold column) chart before against after.

Environment: BENCH_SCALE (1 = 20,000 articles), BENCH_SECONDS (per wrk run, default 8),
BENCH_CONNECTIONS (16), BENCH_REBUILD=1, BENCH_REPEAT (runs per measurement, median kept; 1),
BENCH_PAGES (comma-separated page names, e.g. ``article``: only those rows, with /healthz always
measured for the ratios; the targets of pages left out are not checked).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from ops.bench_report import MODES, compare_chart, report, say, svg_chart

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "var" / "bench"
PY = sys.executable

# name, path: every page is loaded with the page cache as deployed and bypassed.
PAGES = [
    ("healthz", "/healthz"),
    ("home", "/en/"),
    ("article", "/en/news/bench-showcase/"),
    ("section", "/en/section/section-1/"),
    # Deep pagination: page 180 of 190 (of 380 at scale 2) must cost what page 1 does.
    ("section_deep", "/en/section/section-1/?page=180"),
    ("tag", "/en/tag/topic-1/"),
    ("author", "/en/author/reporter-1/"),
    ("search_en", "/en/search/?q=" + urllib.parse.quote("water")),
    ("search_ar", "/ar/search/?q=" + urllib.parse.quote("المياه")),
    # The dataset's most common English word (found once the data exists): as fast as a rare one.
    ("search_common", "/en/search/?q={common}"),
    # A new search term on every request (words of the dataset's headlines, thousands of them):
    # nothing of the results is kept yet, as for a reader's own words (the first word is shown).
    ("search_new_en", "/en/search/?q={new_en}"),
    ("search_new_ar", "/ar/search/?q={new_ar}"),
    ("feed", "/en/feed/"),
    ("tag_feed", "/en/tag/topic-1/feed/"),
    ("sitemap_index", "/sitemap.xml"),
    ("sitemap", "/sitemap-articles-en.xml"),
]
# The read API (api/): added once the dataset exists (the detail needs the showcase's id).
API_PAGES = [
    ("api_list", "/api/v1/articles?lang=en"),
    ("api_detail", "/api/v1/articles/{showcase}?lang=en"),
    # The document open live blogs poll (a bilingual story is made a live blog with 50 updates; the
    # showcase article stays an ordinary article, comparable with earlier runs).
    ("live_updates", "/en/live/{live}/updates.json"),
]
LUA_RANDOM_QUERY = """
local counter = 0
request = function()
  counter = counter + 1
  local sep = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. sep .. "_bench=" .. counter .. "-" .. math.random(1, 1000000000))
end
"""
# Each request searches a word of WORDS (URL-encoded) never searched before in the run: wrk's
# threads walk the list, each its own share (wrk's Lua random numbers repeat from run to run).
LUA_NEW_TERMS = """
local words = {WORDS}
local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end
local prefix, position = nil, nil
request = function()
  prefix = prefix or string.sub(wrk.path, 1, string.find(wrk.path, "?q=", 1, true) + 2)
  position = position or id
  local word = words[(position % #words) + 1]
  position = position + 2
  return wrk.format(nil, prefix .. word .. "&_bench=" .. position)
end
"""
NEW_TERM_PAGES = {"search_new_en": "en", "search_new_ar": "ar"}
# The runs of those pages that send new terms (the cached run loads the first address only).
NEW_TERM_RUNS = ("bypass", "single", "cold")


def search_words(conn, language: str, limit: int = 12000) -> list[str]:
    """Distinct words (letters only, URL-encoded) of the dataset's headlines and summaries in
    ``language``, shuffled the same way on every run."""
    rows = conn.execute(
        "SELECT DISTINCT lower(w) FROM articles_article, "
        f"regexp_split_to_table(headline_{language} || ' ' || summary_{language}, '\\s+') w "
        "WHERE length(w) >= 4 ORDER BY 1 LIMIT %s",
        [limit],
    ).fetchall()
    words = [urllib.parse.quote(word) for (word,) in rows if word.isalpha()]
    random.Random(14).shuffle(words)
    return words


def new_terms_scripts(name: str, words: list[str]) -> dict[str, Path]:
    """A script per measured run of a new-term page, each with words of its own (a word searched
    in one run would have its results kept in the next)."""
    scripts = {}
    share = len(words) // len(NEW_TERM_RUNS)
    for index, mode in enumerate(NEW_TERM_RUNS):
        mine = words[index * share : (index + 1) * share]
        scripts[mode] = OUT / f"{name}-{mode}.lua"
        scripts[mode].write_text(
            LUA_NEW_TERMS.replace("{WORDS}", "{" + ", ".join(f'"{w}"' for w in mine) + "}")
        )
    return scripts


def selected(pages: list[tuple[str, str]], names: str) -> list[tuple[str, str]]:
    """The pages named in BENCH_PAGES (all when empty), /healthz always first: ratios need it."""
    wanted = {name.strip() for name in names.split(",") if name.strip()}
    unknown = wanted - {name for name, _path in pages}
    if unknown:
        raise SystemExit(f"BENCH_PAGES: no page named {', '.join(sorted(unknown))}")
    return [(name, path) for name, path in pages if not wanted or name in wanted or name == "healthz"]


def bench_database_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/") or "newsroom"
    return urllib.parse.urlunsplit(parts._replace(path=f"/{name}_bench"))


def ensure_database(admin_url: str, url: str) -> None:
    import psycopg

    name = urllib.parse.urlsplit(url).path.lstrip("/")
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict, *args: str, capture: bool = False) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, capture_output=capture
    )
    return result.stdout if capture else ""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_ready(base: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/readyz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise SystemExit("The server did not become ready in time.")


def parse_duration_ms(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def run_wrk(url: str, *, seconds: int, connections: int, threads: int, script: Path | None = None) -> dict:
    """One wrk run, or the median (by req/s) of BENCH_REPEAT runs: a single short run is noisy."""
    repeat = max(1, int(os.environ.get("BENCH_REPEAT", "1")))
    runs = sorted(
        (
            _wrk_once(url, seconds=seconds, connections=connections, threads=threads, script=script)
            for _ in range(repeat)
        ),
        key=lambda run: run["rps"],
    )
    return {**runs[len(runs) // 2], "runs": len(runs)}


def _wrk_once(url: str, *, seconds: int, connections: int, threads: int, script: Path | None) -> dict:
    command = ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency"]
    if script is not None and not Path(script).is_file():  # wrk would load the bare address instead
        raise SystemExit(f"no wrk script at {script}")
    if script:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], check=True, text=True, capture_output=True).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = parse_duration_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = parse_duration_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    return {"rps": rps, "p50_ms": p50, "p99_ms": p99, "non_2xx": int(errors.group(1)) if errors else 0}


def worker_rss_mb(master_pid: int) -> list[float]:
    """Resident memory of each child of ``master_pid`` (gunicorn's workers), in MB."""
    sizes = []
    for pid, (parent, _argv) in _processes().items():
        if parent != master_pid:
            continue
        with contextlib.suppress(OSError, AttributeError):
            status = (Path("/proc") / str(pid) / "status").read_text()
            rss_kb = int(re.search(r"^VmRSS:\s+(\d+)", status, re.M).group(1))
            sizes.append(round(rss_kb / 1024, 1))
    return sizes


def _processes() -> dict[int, tuple[int, list[str]]]:
    """{pid: (parent pid, argv)} of every process this user can see."""
    found = {}
    for child in Path("/proc").glob("[0-9]*"):
        try:
            argv = (child / "cmdline").read_bytes().decode(errors="replace").split("\0")
            parent = int((child / "stat").read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        found[int(child.name)] = (parent, argv)
    return found


def find_gunicorn_master(ancestor: int) -> int | None:
    """The gunicorn master started under ``ancestor`` (make → ops.pgembed → gunicorn): the
    process running gunicorn itself (not a command line that merely mentions it) whose parent
    does not."""
    processes = _processes()

    def runs_gunicorn(pid: int) -> bool:
        argv = processes.get(pid, (0, []))[1]
        return any(arg.endswith("bin/gunicorn") for arg in argv[:2])

    def descends(pid: int) -> bool:
        while pid > 1:
            pid = processes.get(pid, (0, []))[0]
            if pid == ancestor:
                return True
        return False

    for pid, (parent, _argv) in processes.items():
        if runs_gunicorn(pid) and not runs_gunicorn(parent) and descends(pid):
            return pid
    return None


def stop_group(leader: int) -> None:
    """SIGTERM the process group led by ``leader``, SIGKILL after gunicorn's graceful timeout."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(leader, signal.SIGTERM)
        deadline = time.monotonic() + 25
        while time.monotonic() < deadline:
            os.killpg(leader, 0)
            time.sleep(0.2)
        os.killpg(leader, signal.SIGKILL)


def warm_database(url: str) -> None:
    """Read every article and comment row once, out-of-line values (bodies, search documents)
    included, so that measurements start from PostgreSQL's cache as a server in service has it
    (``ops.pgembed`` sizes it for the machine), not from whatever the dataset build left there."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        for table in ("articles_article", "comments_comment"):
            conn.execute(f"SELECT sum(octet_length(row::text)) FROM {table} AS row").fetchone()


@contextlib.contextmanager
def serving(env: dict, title: str):
    """`make serve` on a free port for the duration: yields its address and gunicorn's master pid."""
    port = free_port()
    host = f"http://127.0.0.1:{port}"
    say(f"{title} on {host}…")
    server = subprocess.Popen(
        ["make", "--no-print-directory", "serve", f"PORT={port}", f"PYTHON={PY}"],
        cwd=ROOT,
        env={**env, "SITE_URL": host, "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2")},
        process_group=0,
        stdout=subprocess.DEVNULL,
        stderr=open(OUT / "server.log", "a"),  # noqa: SIM115 - closed with the process
    )
    master = None
    try:
        wait_ready(host)
        master = find_gunicorn_master(server.pid)
        yield host, master
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # never hide the error that brought us here
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)
        # gunicorn runs in a process group of its own (ops.pgembed's child): make sure it is gone.
        if master is not None:
            stop_group(master)


def main() -> int:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed: apt-get install wrk (Debian/Ubuntu) or your system's package.")
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    seconds = int(os.environ.get("BENCH_SECONDS", "8"))
    connections = int(os.environ.get("BENCH_CONNECTIONS", "16"))
    base_url = os.environ["DATABASE_URL"]
    url = bench_database_url(base_url)
    ensure_database(base_url, url)
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "server.log").write_text("")
    cache_dir = OUT / "cache"
    shutil.rmtree(cache_dir, ignore_errors=True)
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "SITE_URL": "http://127.0.0.1:8000",  # the server's own address once its port is chosen
        "HTTPS": "0",
        "MEDIA_ROOT": str(OUT / "media"),
        "CACHE_DIR": str(cache_dir),
        "LOG_LEVEL": "WARNING",
        # Every API request is still counted (one upsert), but wrk's one address must not be refused.
        "RATE_LIMIT_API": "1000000000",
        # wrk is one address: the benchmark measures capacity, not the per-address search limit.
        "RATE_LIMIT_SEARCH": "100000000",
    }

    say(f"== Benchmark at scale {scale:g} ({int(20000 * scale)} articles) on {os.cpu_count()} cores")
    manage(env, "migrate", "--no-input", "-v", "0")
    import psycopg

    with psycopg.connect(url) as conn:
        count = conn.execute("SELECT count(*) FROM articles_article").fetchone()[0]
    if os.environ.get("BENCH_REBUILD") == "1" or count != int(20000 * scale):
        say("Building the dataset (bulk inserts)…")
        started = time.monotonic()
        manage(env, "bench_data", "--scale", str(scale))
        say(f"Dataset built in {time.monotonic() - started:.0f}s")
    else:
        say(f"Dataset present ({count} articles); BENCH_REBUILD=1 rebuilds it")

    with psycopg.connect(url) as conn:
        showcase = conn.execute(
            "SELECT id FROM articles_article WHERE slug_en = 'bench-showcase'"
        ).fetchone()[0]
        # The showcase stays an ordinary article (its page is compared across runs).
        conn.execute(
            "DELETE FROM live_liveupdate WHERE live_blog_id IN "
            "(SELECT id FROM live_liveblog WHERE article_id = %s)",
            [showcase],
        )
        conn.execute("DELETE FROM live_liveblog WHERE article_id = %s", [showcase])
        live, live_slug = conn.execute(
            "SELECT id, slug_en FROM articles_article WHERE status = 'published' AND publish_at <= now() "
            "AND slug_en LIKE 'story-%' AND headline_en > '' AND body_en > '' AND body_ar > '' "
            "ORDER BY id LIMIT 1"
        ).fetchone()
        common = conn.execute(
            "SELECT word FROM ts_stat('SELECT search_en FROM articles_article') ORDER BY ndoc DESC, word LIMIT 1"
        ).fetchone()[0]
        new_words = {language: search_words(conn, language) for language in NEW_TERM_PAGES.values()}
    manage(env, "seed_live_blog", "--slug", live_slug, "--updates", "50")
    PAGES[:] = [
        (
            name,
            path.replace("{common}", urllib.parse.quote(common))
            .replace("{new_en}", new_words["en"][0])
            .replace("{new_ar}", new_words["ar"][0]),
        )
        for name, path in PAGES
    ]
    PAGES.extend((name, path.format(showcase=showcase, live=live)) for name, path in API_PAGES)
    PAGES[:] = selected(PAGES, os.environ.get("BENCH_PAGES", ""))

    manage(env, "collectstatic", "--no-input", "-v", "0")
    say("Reading the archive once (a database in service has it in memory)…")
    warm_database(url)
    say("Counting SQL queries per page…")
    counts = json.loads(manage(env, "bench_queries", *[f"{n}={p}" for n, p in PAGES], capture=True))["pages"]

    lua = OUT / "random_query.lua"
    lua.write_text(LUA_RANDOM_QUERY)
    scripts = {
        name: new_terms_scripts(name, new_words[language]) for name, language in NEW_TERM_PAGES.items()
    }
    results: dict = {"scale": scale, "pages": {}, "started_at": datetime.now(UTC).isoformat()}

    def measure(host: str, mode: str, path: str, name: str) -> None:
        say(f"  {name:<14} {mode:<7} wrk -c{connections} {seconds}s")
        result = run_wrk(
            host + path,
            seconds=seconds,
            connections=connections,
            threads=2,
            # New-term rows: the cached run loads their first address (a hit, as for other pages).
            script=scripts.get(name, {}).get(mode, lua if mode == "bypass" else None),
        )
        results["pages"].setdefault(name, {"url": path, **counts.get(name, {})})[mode] = result

    with serving(env, "Starting the production server (make serve)") as (host, master):
        for _name, path in PAGES:  # warm every page and fill the cache
            for _ in range(3):
                urllib.request.urlopen(host + path, timeout=30).read()
        for name, path in PAGES:
            for mode in ("cached", "bypass"):
                measure(host, mode, path, name)
        say("Single-connection latencies (cache bypassed)…")
        for name in ("article", "search_en", "search_ar", "search_common", *NEW_TERM_PAGES):
            path = dict(PAGES).get(name)
            if path is None:
                continue
            script = scripts.get(name, {}).get("single", lua)
            single = run_wrk(
                host + path, seconds=max(4, seconds // 2), connections=1, threads=1, script=script
            )
            results["pages"][name]["single"] = single
        results["worker_rss_mb"] = worker_rss_mb(master) if master else []
    cold_env = {**env, "PUBLIC_PAGE_CACHE_SECONDS": "0"}
    with serving(cold_env, "Cold: a server that keeps nothing (PUBLIC_PAGE_CACHE_SECONDS=0)") as (host, _):
        for name, path in PAGES:
            urllib.request.urlopen(host + path, timeout=30).read()  # templates loaded, connections open
            measure(host, "cold", path, name)

    # /healthz is measured twice (its two runs); their mean damps the noise of one 8-second run.
    health = (results["pages"]["healthz"]["cached"]["rps"] + results["pages"]["healthz"]["bypass"]["rps"]) / 2
    # The cold server's pages are compared with its own /healthz.
    cold_health = results["pages"]["healthz"]["cold"]["rps"]
    for page in results["pages"].values():
        for mode in MODES:
            if mode in page:
                floor = cold_health if mode == "cold" else health
                page[mode]["ratio"] = round(page[mode]["rps"] / floor, 3)
    report(results)
    stamp = f"{scale:g}x"
    if os.environ.get("BENCH_PAGES", "").strip():  # a partial run keeps the full run's files
        stamp += "-" + "-".join(name for name in results["pages"] if name != "healthz")
    (OUT / f"results-{stamp}.json").write_text(json.dumps(results, indent=2))
    (OUT / f"chart-{stamp}.svg").write_text(svg_chart(results, scale))
    say(f"Results: var/bench/results-{stamp}.json, chart: var/bench/chart-{stamp}.svg")
    before = OUT / f"before-{stamp}.json"
    if before.exists():  # the JSON of a run on older code, kept by hand for comparison
        old = json.loads(before.read_text())
        (OUT / f"compare-{stamp}.svg").write_text(compare_chart(old, results))
        say(f"Before/after (cache bypassed, ×healthz): var/bench/compare-{stamp}.svg")
        if any("cold" in page for page in old["pages"].values()):
            (OUT / f"compare-cold-{stamp}.svg").write_text(compare_chart(old, results, "cold"))
            say(f"Before/after (cold, ×healthz): var/bench/compare-cold-{stamp}.svg")
    return 0 if results["targets_met"] else 1


if __name__ == "__main__":
    sys.exit(main())
