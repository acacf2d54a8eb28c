"""The cluster part of `make bench`: `make cluster`'s processes measured with wrk.

    python -m ops.pgembed run -- python -m ops.bench_cluster

Starts the cluster (ops/cluster.py, demo content, its own ports), then measures in one run:
cached anonymous pages through Varnish against one app server's ``/healthz`` (the ratio the
issue targets at 5× or more); uncached article throughput through Varnish over both app
servers against one app server alone (target 1.7× or more; each app server pinned to a core
of its own, as if each were a one-core machine); and the time from a publication's
commit to the new page being served through the proxy (target under a second; median of 5).
Results are printed and written to var/bench/cluster-<time>.json. BENCH_SECONDS sets each run.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from ops.bench import LUA_RANDOM_QUERY, free_port, run_wrk
from ops.cluster import ROOT, VAR, Cluster

OUT = VAR / "bench"
TARGETS = {"proxy_cached_over_healthz": 5.0, "two_servers_over_one": 1.7, "publish_to_visible_ms": 1000.0}


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def _publish(env: dict, headline: str) -> float:
    """Publish through the models (as the admin's save does); return the commit's monotonic time."""
    code = (
        "import time; from articles.models import Article, Status; from django.utils import timezone; "
        "a = Article.objects.filter(status=Status.PUBLISHED).order_by('-publish_at').first(); "
        f"a.headline_en = {headline!r}; a.publish_at = timezone.now(); a.save(); "
        "print(time.monotonic())"
    )
    out = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def publish_to_visible_ms(env: dict, proxy: str, rounds: int = 5) -> list[float]:
    times = []
    for number in range(rounds):
        headline = f"Bench headline {time.time_ns()} {number}"
        committed = _publish(env, headline)
        while headline not in _get(proxy + "/en/"):
            if time.monotonic() - committed > 10:
                raise RuntimeError("publication not visible through the proxy after 10 s")
            time.sleep(0.01)
        times.append((time.monotonic() - committed) * 1000)
    return times


def pin_process_group(leader: int, cpu: int) -> int:
    """Pin every thread of every process in ``leader``'s process group (a gunicorn master and
    its workers) to one core; return how many threads were pinned."""
    pinned = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if int((entry / "stat").read_text().rsplit(")", 1)[1].split()[2]) != leader:
                continue
            for task in (entry / "task").iterdir():
                os.sched_setaffinity(int(task.name), {cpu})
                pinned += 1
        except (OSError, ValueError, IndexError):  # the process ended meanwhile
            continue
    return pinned


def main() -> int:
    seconds = int(os.environ.get("BENCH_SECONDS", 8))
    OUT.mkdir(parents=True, exist_ok=True)
    lua = OUT / "random_query.lua"
    lua.write_text(LUA_RANDOM_QUERY)
    ports = {"proxy": free_port(), "apps": [free_port(), free_port()], "redis": free_port()}
    cluster = Cluster(ports=ports, demo=True, home=VAR / "cluster-bench")
    try:
        env = cluster.start()
        proxy = f"http://127.0.0.1:{cluster.ports['proxy']}"
        app1 = f"http://127.0.0.1:{cluster.ports['apps'][0]}"
        article = re.search(r'href="(?:https?://[^/"]+)?(/en/news/[^"]+)"', _get(proxy + "/en/")).group(1)
        for path in ("/en/", article):  # warm both caches
            _get(proxy + path)
            _get(proxy + path)
        # Scaling out adds machines: each app server gets a core of its own, as if it were a
        # one-core machine, so "two servers / one" compares one core's worth of app server with
        # two. PostgreSQL, Redis, Varnish and wrk still share both cores with them.
        apps = [process.pid for name, process in cluster.processes if name.startswith("app")]
        pinned = os.cpu_count() >= 2 and all(pin_process_group(pid, cpu) for cpu, pid in enumerate(apps[:2]))
        wrk = {"connections": 16, "threads": 2, "seconds": seconds}
        results = {
            "healthz_app1": run_wrk(app1 + "/healthz", **wrk),
            "proxy_home_cached": run_wrk(proxy + "/en/", **wrk),
            "proxy_article_cached": run_wrk(proxy + article, **wrk),
            "article_uncached_app1": run_wrk(app1 + article, script=lua, **wrk),
            "article_uncached_proxy_two_servers": run_wrk(proxy + article, script=lua, **wrk),
        }
        visible = publish_to_visible_ms(env, proxy)
    finally:
        cluster.stop()
    healthz = results["healthz_app1"]["rps"]
    summary = {
        "proxy_home_over_healthz": results["proxy_home_cached"]["rps"] / healthz,
        "proxy_article_over_healthz": results["proxy_article_cached"]["rps"] / healthz,
        "two_servers_over_one": results["article_uncached_proxy_two_servers"]["rps"]
        / results["article_uncached_app1"]["rps"],
        "publish_to_visible_ms": statistics.median(visible),
        "publish_to_visible_all_ms": visible,
        "app_servers_pinned_to_one_core_each": bool(pinned),
    }
    print(f"\ncluster run (wrk -c16, {seconds} s each)")
    for name, result in results.items():
        print(
            f"  {name:<36} {result['rps']:>9.0f} req/s  p50 {result['p50_ms']:.1f} ms  non-2xx {result['non_2xx']}"
        )
    print(
        f"  cached through the proxy / one app server's /healthz: home {summary['proxy_home_over_healthz']:.1f}x, "
        f"article {summary['proxy_article_over_healthz']:.1f}x (target >= {TARGETS['proxy_cached_over_healthz']}x)"
    )
    print(
        f"  uncached article, two servers / one: {summary['two_servers_over_one']:.2f}x "
        f"(target >= {TARGETS['two_servers_over_one']}x; "
        + ("each app server on a core of its own; " if pinned else "")
        + "the database, Redis, Varnish and wrk share the machine's cores)"
    )
    print(
        f"  publish to visible through the proxy: median {summary['publish_to_visible_ms']:.0f} ms "
        f"(target < {TARGETS['publish_to_visible_ms']:.0f} ms)"
    )
    path = OUT / f"cluster-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps({"results": results, "summary": summary}, indent=2))
    print(f"  written to {Path(path).relative_to(ROOT) if path.is_relative_to(ROOT) else path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
