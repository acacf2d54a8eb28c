"""`make cluster`: on one machine, the processes several machines would run.

    python -m ops.pgembed run -- python -m ops.cluster up     # what `make cluster` runs
    python -m ops.cluster down                                 # `make cluster-down`

The PostgreSQL primary is the embedded server ``ops.pgembed`` starts around this command; then
come a streaming replica of it (``ops.pgreplica``, a fresh ``pg_basebackup`` each time, which
takes a second or two), ``redis-server``, two gunicorn app servers, Varnish with the shipped
VCL in front of them, the purge worker (``manage.py db_worker --backend purge``) and the
WordPress imports worker (``--backend imports``). Every
process is started by this one and recorded in ``var/cluster/pids.json``; Ctrl-C (or
SIGTERM, or ``down``) stops them all, in reverse order, and the primary stops with the
wrapper. Uploads go to object storage: a single-node Ceph with its RADOS Gateway
(``ops.objectstore``, kept in ``var/objectstore`` and reused), started first and stopped last;
both app servers store pictures in its bucket and Varnish serves ``/media/`` from it.

Ports (127.0.0.1 only): ``CLUSTER_PORT`` (8080) for Varnish, the readers' address; the app
servers on ``CLUSTER_APP_PORTS`` (8001,8002); Redis on ``CLUSTER_REDIS_PORT`` (6390); the S3
endpoint on ``OBJECTSTORE_PORT`` (7480) and Ceph's monitor on ``OBJECTSTORE_MON_PORT`` (3301).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("NEWSROOM_VAR_DIR", ROOT / "var"))
HOME = VAR / "cluster"
PIDS = HOME / "pids.json"
VCL = ROOT / "ops" / "varnish" / "newsroom.vcl"


def _ports() -> dict:
    apps = [int(p) for p in os.environ.get("CLUSTER_APP_PORTS", "8001,8002").split(",")]
    return {
        "proxy": int(os.environ.get("CLUSTER_PORT", 8080)),
        "apps": apps,
        "redis": int(os.environ.get("CLUSTER_REDIS_PORT", 6390)),
    }


def _wait_for_port(port: int, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.1)
    raise RuntimeError(f"nothing listens on 127.0.0.1:{port} after {timeout:.0f} s")


def _wait_for_ok(url: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)


def _secret_key(home: Path) -> str:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = home / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


def cluster_env(
    primary_url: str, replica_url: str, ports: dict, *, home: Path = HOME, objectstore=None
) -> dict:
    """The environment every app process of the cluster shares."""
    proxy = f"http://127.0.0.1:{ports['proxy']}"
    if objectstore is not None:
        # Pictures in the bucket, addressed as /media/… on the readers' host: Varnish fetches them.
        media = {**objectstore.env(public_url="/media/"), "SERVE_MEDIA": "0"}
    else:  # one machine's folder (the app servers share var/media)
        media = {"SERVE_MEDIA": "1"}
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DEBUG": "0",
        "HTTPS": "0",
        "SECRET_KEY": _secret_key(home),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "SITE_URL": proxy,
        "DATABASE_URL": primary_url,
        "DATABASE_REPLICA_URL": replica_url,
        "REDIS_URL": f"redis://127.0.0.1:{ports['redis']}/0",
        "PROXY_PURGE_URLS": proxy,
        "PROXY_COUNT": "1",
        **media,
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
    }


def _replica_url(primary_url: str, socket_dir: Path, port: int) -> str:
    parts = urlsplit(primary_url)
    user = parts.username or "postgres"
    return f"postgresql://{user}@/{parts.path.lstrip('/')}?host={socket_dir}&port={port}"


class Cluster:
    def __init__(
        self,
        *,
        database_url: str | None = None,
        ports: dict | None = None,
        demo: bool | None = None,
        home: Path = HOME,
        env: dict | None = None,
        objectstore=None,
    ):
        """``objectstore``: an ``ops.objectstore.ObjectStore`` for uploads (started here unless
        it already runs, and then stopped here too); None keeps uploads in var/media."""
        self.home = home
        # Settings the app processes get on top of cluster_env's (the tests raise a rate limit).
        self.extra_env = dict(env or {})
        self.objectstore = objectstore
        self._started_objectstore = False
        self.database_url = database_url or os.environ["DATABASE_URL"]
        self.ports = ports or _ports()
        self.demo = os.environ.get("DEMO", "1") == "1" if demo is None else demo
        self.processes: list[tuple[str, subprocess.Popen]] = []
        self.replica = None

    def _spawn(self, name: str, command: list[str], env: dict | None = None) -> subprocess.Popen:
        log = open(self.home / f"{name}.log", "ab")  # noqa: SIM115 (kept open for the process' lifetime)
        process = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, process_group=0
        )
        self.processes.append((name, process))
        self._record()
        return process

    def _record(self) -> None:
        (self.home / "pids.json").write_text(
            json.dumps(
                {
                    "up": os.getpid(),
                    "processes": {name: p.pid for name, p in self.processes},
                    "replica": str(self.replica.data) if self.replica else None,
                }
            )
        )

    def start(self) -> dict:
        from ops.pgreplica import Replica

        self.home.mkdir(parents=True, exist_ok=True)
        primary_url = self.database_url
        query = parse_qs(urlsplit(primary_url).query)
        python = sys.executable
        ports = self.ports

        self.replica = Replica(
            self.home / "replica",
            primary_host=query["host"][0],
            primary_user=urlsplit(primary_url).username or "postgres",
        )
        if self.objectstore is not None and not self.objectstore.processes:
            print("object store (Ceph: monitor, OSD, RADOS Gateway)…", flush=True)
            self.objectstore.start()
            self._started_objectstore = True
        redis_dir = self.home / "redis"
        redis_dir.mkdir(exist_ok=True)
        self._spawn(
            "redis",
            [
                "redis-server",
                "--bind",
                "127.0.0.1",
                "--port",
                str(ports["redis"]),
                "--dir",
                str(redis_dir),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        _wait_for_port(ports["redis"])
        # Setting up needs no purge (nothing is cached yet) and no replica (it is made afterwards).
        env = {
            **cluster_env(primary_url, "", ports, home=self.home, objectstore=self.objectstore),
            "PROXY_PURGE_URLS": "",
        }
        print("migrating the primary…", flush=True)
        subprocess.run(
            [python, "manage.py", "migrate", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        subprocess.run(
            [python, "manage.py", "collectstatic", "--no-input", "-v", "0"], cwd=ROOT, env=env, check=True
        )
        if self.demo:
            subprocess.run([python, "manage.py", "load_demo"], cwd=ROOT, env=env, check=True)

        print("streaming replica (pg_basebackup)…", flush=True)
        self.replica.stop()
        self.replica.create()
        self.replica.start()
        self._record()
        replica_url = _replica_url(primary_url, self.replica.socket_dir, self.replica.port)
        env = {
            **cluster_env(primary_url, replica_url, ports, home=self.home, objectstore=self.objectstore),
            **self.extra_env,
        }
        self.env = env

        for number, port in enumerate(ports["apps"], start=1):
            self._spawn(
                f"app{number}",
                [
                    *(
                        str(Path(python).parent / "gunicorn"),
                        "newsroom.wsgi",
                        "-c",
                        "newsroom/gunicorn.conf.py",
                    ),
                    # Each server its own control socket (the default path is one per user).
                    *("--control-socket", str(self.home / f"app{number}.ctl")),
                ],
                env={**env, "HOST": "127.0.0.1", "PORT": str(port)},
            )
        for port in ports["apps"]:
            _wait_for_port(port)
        self._spawn(
            "purge-worker",
            [
                python,
                "manage.py",
                "db_worker",
                "--backend",
                "purge",
                "--interval",
                "0.1",
                "--no-startup-delay",
            ],
            env=env,
        )
        # WordPress imports started in the admin: one worker, on the machine that holds
        # WORDPRESS_IMPORT_DIR (here the only one), so an uploaded export is where it runs.
        self._spawn(
            "imports-worker",
            [python, "manage.py", "db_worker", "--backend", "imports", "--interval", "1"],
            env=env,
        )
        vcl = self.home / "newsroom.vcl"
        text = VCL.read_text()
        for number, port in enumerate(ports["apps"][:2], start=1):
            text = text.replace(f'.port = "800{number}"', f'.port = "{port}"')
        if self.objectstore is not None:
            text = text.replace('.port = "7480"', f'.port = "{self.objectstore.port}"')
        vcl.write_text(text)
        self._spawn(
            "varnish",
            [
                shutil.which("varnishd") or "/usr/sbin/varnishd",
                "-F",
                "-j",
                "none",
                "-n",
                str(self.home / "varnish"),
                "-a",
                f"127.0.0.1:{ports['proxy']}",
                "-f",
                str(vcl),
                "-s",
                "malloc,256m",
                "-T",
                "none",
                "-p",
                "ban_lurker_sleep=0.01",
            ],
        )
        _wait_for_port(ports["proxy"])
        _wait_for_ok(f"http://127.0.0.1:{ports['proxy']}/healthz")
        return env

    def stop(self) -> None:
        for _name, process in reversed(self.processes):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
        for _name, process in reversed(self.processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        if self.replica is not None:
            self.replica.stop()
        if self._started_objectstore:
            self.objectstore.stop()
            self._started_objectstore = False
        with contextlib.suppress(FileNotFoundError):
            (self.home / "pids.json").unlink()

    def stop_one(self, name: str) -> None:
        """Stop one process as a failing machine would (the tests' outages)."""
        for known, process in self.processes:
            if known == name and process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def up() -> int:
    from ops.objectstore import ObjectStore

    cluster = Cluster(objectstore=ObjectStore())
    stopping = []

    def on_signal(_signum, _frame):
        stopping.append(True)
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    try:
        cluster.start()
        ports = cluster.ports
        print(
            f"Cluster up: http://127.0.0.1:{ports['proxy']}/ (Varnish) -> app servers on "
            f"{', '.join(map(str, ports['apps']))}; Redis {ports['redis']}; replica on port "
            f"{cluster.replica.port}; uploads in Ceph RGW {cluster.objectstore.endpoint_url} "
            f"(bucket {cluster.objectstore.bucket}); logs in {cluster.home}. Ctrl-C stops everything.",
            flush=True,
        )
        watched = [*cluster.processes, *cluster.objectstore.processes.items()]
        while all(process.poll() is None for _name, process in watched):
            time.sleep(0.5)
        dead = [name for name, process in watched if process.poll() is not None]
        print(f"stopped: {', '.join(dead)} exited (see {cluster.home})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        cluster.stop()


def down() -> int:
    """Stop a cluster started elsewhere (detached): its `up` process stops everything it started."""
    try:
        recorded = json.loads(PIDS.read_text())
    except FileNotFoundError:
        print("no cluster is running", file=sys.stderr)
        return 0
    with contextlib.suppress(ProcessLookupError):
        os.kill(recorded["up"], signal.SIGTERM)
    deadline = time.monotonic() + 30
    while PIDS.exists() and time.monotonic() < deadline:
        time.sleep(0.2)
    if PIDS.exists():  # the `up` process is gone without cleaning up: stop what it recorded
        for pid in recorded["processes"].values():
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(pid, signal.SIGKILL)
        if recorded.get("replica"):
            from ops.pgreplica import Replica

            replica = Replica(Path(recorded["replica"]).parent, primary_host="", primary_user="")
            replica.stop()
        PIDS.unlink()
    from ops.objectstore import HOME as OBJECTSTORE_HOME, down as objectstore_down

    objectstore_down(OBJECTSTORE_HOME)  # a no-op when `up` stopped it
    return 0


def main(argv: list[str]) -> int:
    if argv == ["up"]:
        return up()
    if argv == ["down"]:
        return down()
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
