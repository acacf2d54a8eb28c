"""Memory benchmark of the WordPress import (a benchmark, not a timed test).

    make bench-import                      # 50,000 posts: parse only, then a full import
    BENCH_POSTS=5000 make bench-import     # a smaller run

Writes a generated export of N posts (each with a comment, a tag, a category, a Polylang pair
every tenth post) to a temporary file, then reports the peak resident memory (ru_maxrss) of
(1) reading it with the streaming parser alone and (2) importing it into a scratch database
(created and dropped here, never the development one), each in a fresh process so one does
not inherit the other's peak. The issue's budget: under 300 MB resident for 50,000 posts.
"""

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_export(path: Path, posts: int) -> None:
    from tests.wordpress.builders import author, category, comment, post, wxr

    head, tail = wxr("@@ITEMS@@", header=author() + category()).split("@@ITEMS@@")
    paragraph = "The river was lower than anyone remembered. " * 20
    with path.open("w", encoding="utf-8") as handle:
        handle.write(head)
        for n in range(1, posts + 1):
            handle.write(
                post(
                    n,
                    title=f"Story number {n}",
                    content="\n\n".join([paragraph] * 6),
                    categories=(
                        ("category", "news", "News"),
                        ("post_tag", f"tag-{n % 500}", f"Tag {n % 500}"),
                    ),
                    comments=[comment(n * 10, body=f"Comment on story {n}")],
                )
            )
        handle.write(tail)


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(mode: str, path: str) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django

    django.setup()
    started = time.monotonic()
    if mode == "parse":
        from wordpress.wxr import read_wxr

        count = sum(1 for _ in read_wxr(path))
        print(f"parse: {count} records, {time.monotonic() - started:.1f} s, peak {peak_mb():.0f} MB")
        return
    from django.db import connection

    from wordpress.importer import wordpress_import

    baseline = peak_mb()
    # A database of its own: never the development one, nor the test one pytest reuses.
    connection.settings_dict.setdefault("TEST", {})["NAME"] = "bench_wordpress_import"
    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        report = wordpress_import(paths=[path])
        posts = report.counts["posts"]["imported"]
        print(
            f"import: {posts} posts, {time.monotonic() - started:.1f} s, "
            f"peak {peak_mb():.0f} MB (Django loaded: {baseline:.0f} MB)"
        )
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)


def main() -> None:
    if len(sys.argv) == 3:
        child(sys.argv[1], sys.argv[2])
        return
    posts = int(os.environ.get("BENCH_POSTS", 50_000))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.xml"
        write_export(path, posts)
        print(f"export: {posts} posts, {path.stat().st_size / 1e6:.0f} MB")
        for mode in ("parse", "import"):
            subprocess.run([sys.executable, "-m", "wordpress.bench", mode, str(path)], check=True)


if __name__ == "__main__":
    main()
