"""The imports task backend's real worker (django-tasks-db's ``db_worker``), for tests: in this
process until the queue is empty, or as a process of its own beside the test."""

from __future__ import annotations

import os
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

from django.core.management import call_command

from tests.ops.test_backup import current_database_url

ROOT = Path(__file__).resolve().parents[2]


def run_import_worker() -> None:
    """Run every queued import, in this process (and this test's transaction), then return."""
    call_command(
        "db_worker", "--backend", "imports", "--batch", "--no-reload", "--no-startup-delay", verbosity=0
    )


@contextmanager
def import_worker_process(import_dir: Path, log: Path):
    """``manage.py db_worker --backend imports`` as its own process on the test database (the
    test must commit: ``django_db(transaction=True)``); stopped when the block ends."""
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": current_database_url(),
        "WORDPRESS_IMPORT_DIR": str(import_dir),
    }
    command = [sys.executable, "manage.py", "db_worker", "--backend", "imports", "--no-reload"]
    command += ["--no-startup-delay", "--interval", "0.1"]
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
