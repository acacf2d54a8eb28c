"""The benchmark's table: a target column and a mark on each row that misses it."""

from ops import bench


def run(rps, ratio):
    return {"rps": rps, "p50_ms": 5.0, "p99_ms": 9.0, "ratio": ratio, "non_2xx": 0}


def fake_results(bypass_ratios):
    pages = {}
    for name, _path in bench.PAGES:
        pages[name] = {
            "queries": 5,
            "render_ms": 3.0,
            "cached": run(2000, 0.9),
            "bypass": run(500, bypass_ratios.get(name, 0.3)),
            "cold": run(100, 0.05),
            "single": {"p50_ms": 2.0},
        }
    return {"pages": pages, "worker_rss_mb": [80.0]}


def test_a_page_below_its_floor_is_marked_and_fails_the_run(capsys):
    results = fake_results({"tag": 0.05})
    bench.report(results)
    rows = {line.split()[0]: line for line in capsys.readouterr().out.splitlines() if line.strip()}
    assert "≥0.1× ✗ |" in rows["tag"]
    assert "≥0.1×   |" in rows["home"]
    assert results["pages"]["tag"]["missed"] and not results["pages"]["home"]["missed"]
    assert not results["targets_met"]


def test_every_target_met_passes_the_run():
    results = fake_results({})
    bench.report(results)
    assert results["targets_met"]
