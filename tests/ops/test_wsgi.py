"""What gunicorn's master loads before it forks its workers (newsroom/wsgi.py, ``preload_app``)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
import newsroom.wsgi
from django.db import connections
print(sorted(name for name in ("newsroom.urls", "articles.views", "comments.views") if name in sys.modules))
print(any(connections[alias].connection is not None for alias in connections))
"""


def test_the_urlconf_and_every_view_are_loaded_before_workers_fork_with_no_connection_open():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": os.environ.get("DATABASE_URL") or "postgres://nobody@127.0.0.1:9/none",
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "ALLOWED_HOSTS": "127.0.0.1",
    }
    probe = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert probe.returncode == 0, probe.stderr
    loaded, connected = probe.stdout.splitlines()
    assert loaded == "['articles.views', 'comments.views', 'newsroom.urls']"
    assert connected == "False"
