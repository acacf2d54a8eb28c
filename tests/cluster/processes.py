"""Real servers for the cluster tests, started on free 127.0.0.1 ports and stopped by PID."""

from __future__ import annotations

import contextlib
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port}")


class RedisServer:
    """``redis-server`` without persistence, in its own directory; ``stop()`` kills it mid-test."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> RedisServer:
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--dir",
                str(self.directory),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--loglevel",
                "warning",
            ],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port)
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)  # an outage, not a shutdown
            self.process.wait(timeout=10)
        self.process = None


VCL = Path(__file__).resolve().parents[2] / "ops" / "varnish" / "newsroom.vcl"


def render_vcl(app_ports: list[int], target: Path) -> Path:
    """The shipped VCL with these app servers' ports (two backends; one port may serve both)."""
    text = VCL.read_text()
    for number, port in enumerate([*app_ports, *app_ports][:2], start=1):
        text = text.replace(f'.port = "800{number}"', f'.port = "{port}"')
    target.write_text(text)
    return target


class VarnishServer:
    """``varnishd`` in the foreground with the shipped VCL, its work files in ``directory``."""

    def __init__(self, directory: Path, app_ports: list[int]):
        self.directory = directory
        self.app_ports = app_ports
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> VarnishServer:
        vcl = render_vcl(self.app_ports, self.directory / "newsroom.vcl")
        workdir = self.directory / "varnish"
        self.process = subprocess.Popen(
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(workdir),
                "-a",
                f"127.0.0.1:{self.port}",
                "-f",
                str(vcl),
                "-s",
                "malloc,64m",
                "-T",
                "none",
                "-p",
                "ban_lurker_sleep=0.01",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        try:
            wait_for_port(self.port, timeout=20)
        except TimeoutError:
            self.process.kill()
            raise RuntimeError(self.process.communicate()[1].decode()) from None
        return self

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None


def _admin_connection(primary):
    import psycopg

    return psycopg.connect(
        host=primary["HOST"],
        port=primary["PORT"] or None,
        user=primary["USER"],
        dbname="postgres",
        autocommit=True,
    )


@contextlib.contextmanager
def running_cluster(db_name: str, **options):
    """A whole `make cluster` (ops/cluster.py) on free ports, around a database of its own on the
    embedded server, stopped by PID and its database dropped afterwards. ``options`` go to
    ``Cluster`` (``env=``, ``objectstore=``)."""
    import tempfile

    import pytest
    from django.conf import settings

    from ops.cluster import Cluster

    primary = settings.DATABASES["default"]
    if not str(primary["HOST"]).startswith("/"):
        pytest.skip("the cluster is made around the embedded (local socket) server")
    with _admin_connection(primary) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {db_name}")
    home = Path(tempfile.mkdtemp(prefix="newsroom-cluster-"))
    home.chmod(0o755)  # the replica runs as PostgreSQL's own user when we are root
    port = f"&port={primary['PORT']}" if primary["PORT"] else ""
    running = Cluster(
        database_url=f"postgresql://{primary['USER']}@/{db_name}?host={primary['HOST']}{port}",
        ports={"proxy": free_port(), "apps": [free_port(), free_port()], "redis": free_port()},
        demo=False,
        home=home,
        **options,
    )
    try:
        running.start()
        yield running
    finally:
        running.stop()
        shutil.rmtree(home, ignore_errors=True)
        with _admin_connection(primary) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {db_name} WITH (FORCE)")


def manage(cluster, code: str) -> str:
    """Run ``code`` in ``manage.py shell`` with the cluster's settings; its last line of output."""
    import sys

    from ops.cluster import ROOT

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
