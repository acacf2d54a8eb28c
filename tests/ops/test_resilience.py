"""The site keeps serving when PostgreSQL drops its connections, as a restart does."""

import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from django.db import connection

from tests.factories import make_article
from tests.ops.test_backup import current_database_url

pytestmark = pytest.mark.django_db(transaction=True)
ROOT = Path(__file__).resolve().parents[2]


def terminate_other_connections():
    """What a server restart does to every web process: their connections die."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def get(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.read().decode()


@pytest.fixture
def gunicorn(collected_static, tmp_path):
    """The production server (one worker, persistent connections) against the test database."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": current_database_url(),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "HTTPS": "0",
        "PUBLIC_PAGE_CACHE_SECONDS": "0",
        "WEB_CONCURRENCY": "1",
        "PORT": str(port),
        "STATIC_ROOT": str(collected_static),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "newsroom.wsgi", "-c", "newsroom/gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "gunicorn.log", "w"),  # noqa: SIM115 - lives as long as the server
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            get(base + "/healthz")
            break
        except OSError:
            time.sleep(0.2)
    yield base
    process.terminate()
    process.wait(timeout=20)


def test_next_request_succeeds_after_the_database_dropped_connections(gunicorn):
    make_article(headline_en="Still here")
    assert get(f"{gunicorn}/en/")[0] == 200
    assert terminate_other_connections() >= 1  # the worker's persistent connection
    status, body = get(f"{gunicorn}/en/")
    assert status == 200
    assert "Still here" in body
    assert get(f"{gunicorn}/readyz")[0] == 200
