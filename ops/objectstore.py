"""Object storage for uploads on one machine: a single-node Ceph with the RADOS Gateway (S3 API).

    python -m ops.objectstore up        # start (made the first time), print the variables, Ctrl-C stops
    python -m ops.objectstore down      # stop one started elsewhere (by the PIDs it recorded)

`make cluster` starts it for its app servers (ops/cluster.py); the cluster tests start one of
their own. Made the way Ceph's vstart.sh and the "demo" container make a cluster: one monitor,
one OSD (BlueStore on a sparse file, 8 GB at most, a few hundred MB used), no manager (nothing
here needs one: the monitor creates placement groups itself), pools of size 1, and ``radosgw``
with the beast frontend on 127.0.0.1. CephX authentication as in production (one keyring in
the folder); an S3 user whose keys are kept in ``credentials.json`` (0600); the bucket "media"
with a policy that lets anyone read its objects (news pictures are public) and nobody list it.

Everything lives in the folder given (``var/objectstore`` by default): ``ceph.conf`` (written
anew at each start, so the ports may change), ``mon/``, ``osd/`` and ``osd-block.img``,
``log/``, ``run/``. The first start takes about 20 s (mkfs, the gateway's pools); later ones
reuse the cluster and answer in 6 to 9 s. Daemons run in the foreground of their own process
groups, recorded in ``pids.json``; ``stop()`` ends them by PID (gateway, OSD, monitor). The
folder is locked while in use; a start that finds it unlocked treats recorded daemons as left
by a killed run and stops them first, so a stale store never blocks the next one.

Ports (127.0.0.1): ``OBJECTSTORE_PORT`` (7480) for the S3 endpoint, ``OBJECTSTORE_MON_PORT``
(3301) for the monitor; the OSD takes free ports in Ceph's 6800-7300 range.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import secrets
import signal
import socket
import string
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("NEWSROOM_VAR_DIR", ROOT / "var"))
HOME = VAR / "objectstore"
BUCKET = "media"
REGION = "default"  # the gateway's zonegroup; boto3 only needs it to sign requests
# Originals and renditions are stored under random names that are never reused.
CACHE_CONTROL = "public, max-age=31536000, immutable"


class ObjectStoreError(RuntimeError):
    pass


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def _cmdline(pid: int) -> str:
    with contextlib.suppress(OSError):
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    return ""


def _port_free(port: int) -> bool:
    with socket.socket() as sock:
        # As the daemons bind: a port in TIME_WAIT after a killed run is free for them.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _key(length: int, alphabet: str) -> str:
    return "".join(secrets.choice(alphabet) for _ in range(length))


def public_read_policy(bucket: str) -> str:
    """Anyone may GET an object (pictures on public pages); listing and writing need the keys."""
    return json.dumps(
        {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Sid": "PublicReadPictures",
                    "Effect": "Allow",
                    "Principal": "*",
                    "Action": ["s3:GetObject"],
                    "Resource": [f"arn:aws:s3:::{bucket}/*"],
                }
            ],
        }
    )


class ObjectStore:
    DAEMONS = ("mon", "osd", "rgw")

    def __init__(
        self,
        home: Path = HOME,
        *,
        port: int | None = None,
        mon_port: int | None = None,
        bucket: str = BUCKET,
        block_bytes: int = 8 * 1024**3,
    ):
        self.home = Path(home)
        self.port = port or int(os.environ.get("OBJECTSTORE_PORT", 7480))
        self.mon_port = mon_port or int(os.environ.get("OBJECTSTORE_MON_PORT", 3301))
        self.bucket = bucket
        self.block_bytes = block_bytes
        self.processes: dict[str, subprocess.Popen] = {}
        self._lock = None

    # -- what clients need -------------------------------------------------------------------
    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def credentials(self) -> dict:
        return json.loads((self.home / "credentials.json").read_text())

    def env(self, *, public_url: str | None = None) -> dict:
        """The variables an app server needs (newsroom/settings.py reads them)."""
        keys = self.credentials
        return {
            "AWS_S3_ENDPOINT_URL": self.endpoint_url,
            "AWS_STORAGE_BUCKET_NAME": self.bucket,
            "AWS_ACCESS_KEY_ID": keys["access_key"],
            "AWS_SECRET_ACCESS_KEY": keys["secret_key"],
            "AWS_S3_REGION_NAME": REGION,
            "MEDIA_PUBLIC_URL": public_url or f"{self.endpoint_url}/{self.bucket}/",
        }

    def client(self):
        import boto3
        from botocore.config import Config

        keys = self.credentials
        return boto3.client(
            "s3",
            endpoint_url=self.endpoint_url,
            aws_access_key_id=keys["access_key"],
            aws_secret_access_key=keys["secret_key"],
            region_name=REGION,
            config=Config(s3={"addressing_style": "path"}, retries={"max_attempts": 2}),
        )

    # -- files -------------------------------------------------------------------------------
    @property
    def conf(self) -> Path:
        return self.home / "ceph.conf"

    def _state(self) -> dict:
        try:
            return json.loads((self.home / "state.json").read_text())
        except FileNotFoundError:
            return {}

    def _save_state(self, **changes) -> None:
        (self.home / "state.json").write_text(json.dumps({**self._state(), **changes}))

    def _write_conf(self, fsid: str) -> None:
        h = self.home
        self.conf.write_text(
            f"""# Written by ops/objectstore.py at every start; edits are lost.
[global]
fsid = {fsid}
mon host = v2:127.0.0.1:{self.mon_port}
public addr = 127.0.0.1
ms bind ipv6 = false
keyring = {h}/keyring
auth cluster required = cephx
auth service required = cephx
auth client required = cephx
auth allow insecure global id reclaim = false
run dir = {h}/run
admin socket = {h}/run/$name.asok
pid file = {h}/run/$name.pid
log file = {h}/log/$name.log
mon cluster log file = {h}/log/cluster.log
# One OSD: every pool keeps one copy, placed on an OSD rather than a host.
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
osd crush chooseleaf type = 0
mon allow pool size one = true
mon warn on pool no redundancy = false
# A shared development disk: warn late, and never stop the monitor for it.
mon data avail warn = 2
mon data avail crit = 1

[mon]
mon data = {h}/mon

[osd]
osd data = {h}/osd
osd objectstore = bluestore
bluestore block path = {h}/osd-block.img
bluestore block create = true
bluestore block size = {self.block_bytes}
# The smallest cache Ceph accepts: this OSD holds a few thousand pictures.
osd memory target = 939524096

[client.rgw.newsroom]
rgw data = {h}/rgw
rgw frontends = beast endpoint=127.0.0.1:{self.port}
rgw thread pool size = 64
rgw enable usage log = false
# No lifecycle rules here; its threads only delay the gateway's shutdown.
rgw enable lc threads = false
debug rgw = 0
"""
        )

    def _run(self, *command: str, timeout: float = 60) -> str:
        result = subprocess.run(
            [*command], cwd=self.home, capture_output=True, text=True, timeout=timeout, check=False
        )
        if result.returncode:
            raise ObjectStoreError(f"{' '.join(command)}: {result.stderr.strip() or result.stdout.strip()}")
        return result.stdout

    # -- lifetime ----------------------------------------------------------------------------
    def _take_lock(self) -> None:
        self.home.mkdir(parents=True, exist_ok=True)
        lock = open(self.home / "lock", "w")  # noqa: SIM115 (held while the store runs)
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise ObjectStoreError(f"{self.home} is in use by another running object store") from None
        self._lock = lock

    def _stop_stale(self) -> None:
        """Daemons recorded by a run that was killed (the folder was unlocked): stop them."""
        try:
            recorded = json.loads((self.home / "pids.json").read_text())
        except (FileNotFoundError, ValueError):
            recorded = {}
        for pid in recorded.values():
            if _alive(pid) and str(self.conf) in _cmdline(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in recorded.values()) and time.monotonic() < deadline:
            time.sleep(0.1)
        run = self.home / "run"
        if run.exists():
            for leftover in run.iterdir():
                leftover.unlink()
        with contextlib.suppress(FileNotFoundError):
            (self.home / "pids.json").unlink()

    def _spawn(self, name: str, command: list[str]) -> None:
        log = open(self.home / "log" / f"{name}.out", "ab")  # noqa: SIM115 (the daemon's lifetime)
        self.processes[name] = subprocess.Popen(
            command, cwd=self.home, stdout=log, stderr=subprocess.STDOUT, process_group=0
        )
        (self.home / "pids.json").write_text(json.dumps({n: p.pid for n, p in self.processes.items()}))

    def _check_running(self) -> None:
        for name, process in self.processes.items():
            if process.poll() is not None:
                tail = (self.home / "log" / f"{name}.out").read_text(errors="replace")[-2000:]
                raise ObjectStoreError(f"ceph {name} exited with {process.returncode}:\n{tail}")

    def _create(self) -> None:
        """mkfs of a new cluster: keys, monitor map and store, then the OSD."""
        fsid = str(uuid.uuid4())
        self._write_conf(fsid)
        keyring = str(self.home / "keyring")
        authtool = ["ceph-authtool", keyring]
        self._run(
            "ceph-authtool", "--create-keyring", keyring, "--gen-key", "-n", "mon.", "--cap", "mon", "allow *"
        )
        self._run(*authtool, "--gen-key", "-n", "client.admin", "--cap", "mon", "allow *", "--cap", "osd", "allow *", "--cap", "mgr", "allow *")  # fmt: skip
        self._run(*authtool, "--gen-key", "-n", "osd.0", "--cap", "mon", "allow profile osd", "--cap", "osd", "allow *", "--cap", "mgr", "allow profile osd")  # fmt: skip
        self._run(*authtool, "--gen-key", "-n", "client.rgw.newsroom", "--cap", "mon", "allow rw", "--cap", "osd", "allow rwx")  # fmt: skip
        os.chmod(keyring, 0o600)
        self._run("monmaptool", "--create", "--clobber", "--fsid", fsid, "--enable-all-features",
                  "--add", "a", f"v2:127.0.0.1:{self.mon_port}", "monmap")  # fmt: skip
        self._run(
            "ceph-mon", "--mkfs", "-i", "a", "--monmap", "monmap", "-c", str(self.conf), "--keyring", keyring
        )
        self._spawn("mon", ["ceph-mon", "-f", "-i", "a", "-c", str(self.conf)])
        osd_uuid = str(uuid.uuid4())
        self._run("ceph", "-c", str(self.conf), "osd", "new", osd_uuid, "0", timeout=60)
        self._run("ceph-osd", "-i", "0", "--mkfs", "--osd-uuid", osd_uuid, "-c", str(self.conf), timeout=120)
        self._save_state(fsid=fsid, mon_port=self.mon_port, made=True)

    def _move_monitor(self, fsid: str) -> None:
        """The monitor's address lives in its map: give it the port asked for this time."""
        self._run("monmaptool", "--create", "--clobber", "--fsid", fsid, "--enable-all-features",
                  "--add", "a", f"v2:127.0.0.1:{self.mon_port}", "monmap")  # fmt: skip
        self._run("ceph-mon", "-i", "a", "-c", str(self.conf), "--inject-monmap", "monmap")
        self._save_state(mon_port=self.mon_port)

    def start(self, *, timeout: float = 180) -> ObjectStore:
        self._take_lock()
        try:
            self._stop_stale()
            for port in (self.port, self.mon_port):
                if not _port_free(port):
                    raise ObjectStoreError(
                        f"127.0.0.1:{port} is taken: set OBJECTSTORE_PORT / OBJECTSTORE_MON_PORT"
                    )
            for folder in ("log", "run", "rgw", "mon", "osd"):
                (self.home / folder).mkdir(exist_ok=True)
            state = self._state()
            if not state.get("made"):
                for folder in ("mon", "osd"):
                    for leftover in (self.home / folder).iterdir():
                        subprocess.run(["rm", "-rf", str(leftover)], check=True)
                with contextlib.suppress(FileNotFoundError):
                    (self.home / "osd-block.img").unlink()
                self._create()
            else:
                self._write_conf(state["fsid"])
                if state.get("mon_port") != self.mon_port:
                    self._move_monitor(state["fsid"])
                self._spawn("mon", ["ceph-mon", "-f", "-i", "a", "-c", str(self.conf)])
                # The OSD stops fast (without telling the monitor) and may have been killed: the
                # map still has it up at its old address, where the gateway's first requests
                # would wait for half a minute. Down now; it comes up again as it boots.
                self._run("ceph", "-c", str(self.conf), "osd", "down", "0", timeout=60)
            self._spawn("osd", ["ceph-osd", "-f", "-i", "0", "-c", str(self.conf)])
            self._spawn("rgw", ["radosgw", "-f", "-n", "client.rgw.newsroom", "-c", str(self.conf)])
            self._wait_for_gateway(timeout)
            self._ensure_user_and_bucket()
        except BaseException:
            self.stop()
            raise
        return self

    def _wait_for_gateway(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            self._check_running()
            try:
                with urllib.request.urlopen(self.endpoint_url, timeout=2):
                    return
            except urllib.error.HTTPError:
                return  # any HTTP answer: the gateway has its pools and serves
            except OSError:
                if time.monotonic() > deadline:
                    raise ObjectStoreError(
                        f"radosgw did not answer on {self.endpoint_url} in {timeout:.0f} s"
                    ) from None
                time.sleep(0.2)

    def _ensure_user_and_bucket(self) -> None:
        path = self.home / "credentials.json"
        if not path.exists():
            keys = {
                "access_key": _key(20, string.ascii_uppercase + string.digits),
                "secret_key": _key(40, string.ascii_letters + string.digits),
            }
            self._run("radosgw-admin", "-c", str(self.conf), "user", "create", "--uid", "newsroom",
                      "--display-name", "Newsroom uploads", "--access-key", keys["access_key"],
                      "--secret-key", keys["secret_key"])  # fmt: skip
            path.write_text(json.dumps(keys))
            path.chmod(0o600)
        s3 = self.client()
        buckets = {b["Name"] for b in s3.list_buckets().get("Buckets", [])}
        if self.bucket not in buckets:
            s3.create_bucket(Bucket=self.bucket)
        s3.put_bucket_policy(Bucket=self.bucket, Policy=public_read_policy(self.bucket))

    def stop(self) -> None:
        """Gateway first, then the OSD, then the monitor (each by its PID), then unlock."""
        for name in reversed(self.DAEMONS):
            process = self.processes.get(name)
            if process is None or process.poll() is not None:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                # Each exits in about a second. A gateway that is killed instead leaves its
                # watch on the control objects, and the next one's first writes wait 30 s for it.
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        self.processes.clear()
        with contextlib.suppress(FileNotFoundError):
            (self.home / "pids.json").unlink()
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    def stop_gateway(self) -> None:
        """Stop radosgw only, as a failing storage machine would (the outage tests)."""
        process = self.processes.get("rgw")
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def up() -> int:
    store = ObjectStore()

    def on_signal(_signum, _frame):
        raise KeyboardInterrupt

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, on_signal)
    try:
        store.start()
        for name, value in store.env().items():
            print(f"{name}={value}")
        print(f"Object store up on {store.endpoint_url} (Ceph RGW, data in {store.home}). Ctrl-C stops it.")
        sys.stdout.flush()
        while all(p.poll() is None for p in store.processes.values()):
            time.sleep(0.5)
        print(f"a Ceph daemon exited (see {store.home / 'log'})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        store.stop()


def down(home: Path = HOME) -> int:
    """Stop an object store whose owner is gone or detached: by the PIDs it recorded."""
    try:
        recorded = json.loads((home / "pids.json").read_text())
    except FileNotFoundError:
        return 0
    conf = str(home / "ceph.conf")
    for name in ("rgw", "osd", "mon"):
        pid = recorded.get(name)
        if pid and _alive(pid) and conf in _cmdline(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + 20
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.1)
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
    with contextlib.suppress(FileNotFoundError):
        (home / "pids.json").unlink()
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
