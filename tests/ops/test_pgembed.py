"""The embedded PostgreSQL lives exactly as long as the command that needs it."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def postgres_running(pgdata: Path) -> bool:
    """A postmaster is up and ready in ``pgdata`` (its pid file's first line is its pid, the
    eighth its status; a file being written reads as not ready yet)."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except FileNotFoundError:
        return False
    if len(lines) < 8 or not lines[0].isdigit() or lines[7].strip() != "ready":
        return False
    return process_alive(int(lines[0]))


def postgres_gone(pgdata: Path) -> bool:
    """No process of a server is left in ``pgdata``: neither a postmaster nor initdb's."""
    try:
        lines = (pgdata / "postmaster.pid").read_text().splitlines()
    except FileNotFoundError:
        return True
    if not lines or not lines[0].lstrip("-").isdigit():
        return False  # being written: a server is starting
    return not process_alive(abs(int(lines[0])))


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(OSError):  # a zombie is gone too
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    return True


def programs_in(directory: Path) -> list[str]:
    """Command lines of running programs that name ``directory`` (initdb, postgres)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            args = cmdline.read_bytes().split(b"\0")
            if str(directory).encode() in args:
                found.append(" ".join(a.decode(errors="replace") for a in args))
    return found


def start_wrapper(var_dir: Path, *command):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NEWSROOM_VAR_DIR"] = str(var_dir)
    return subprocess.Popen(
        [sys.executable, "-m", "ops.pgembed", "run", "--", *command],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def wait_for(predicate, timeout=60.0, step=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(step)
    return False


@pytest.fixture
def var_dir(tmp_path_factory):
    # A short path: PostgreSQL's unix socket path has a length limit.
    path = Path(f"/tmp/nr-pg-{os.getpid()}-{time.monotonic_ns() % 10_000}")
    path.mkdir()
    yield path
    subprocess.run(
        [sys.executable, "-m", "ops.pgembed", "stop"],
        cwd=ROOT,
        env={**os.environ, "NEWSROOM_VAR_DIR": str(path)},
    )
    subprocess.run(["rm", "-rf", str(path)], check=False)


def test_command_gets_a_database_url_and_the_server_stops_after(var_dir):
    wrapper = start_wrapper(
        var_dir, sys.executable, "-c", "import os; print('URL', os.environ['DATABASE_URL'])"
    )
    output, _ = wrapper.communicate(timeout=120)
    assert wrapper.returncode == 0, output
    assert "URL postgresql://" in output
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)


def test_sigterm_stops_command_and_server_and_a_restart_is_quick(var_dir):
    wrapper = start_wrapper(var_dir, "sleep", "300")
    assert wait_for(lambda: postgres_running(var_dir / "pgdata"), timeout=120)
    wrapper.send_signal(signal.SIGTERM)
    wrapper.wait(timeout=60)
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)

    started = time.monotonic()
    again = start_wrapper(var_dir, "true")
    again.communicate(timeout=60)
    assert again.returncode == 0
    assert time.monotonic() - started < 20


def test_killed_wrapper_does_not_leave_the_server_running(var_dir):
    wrapper = start_wrapper(var_dir, "sleep", "300")
    assert wait_for(lambda: postgres_running(var_dir / "pgdata"), timeout=120)
    wrapper.kill()  # SIGKILL: no handler runs; the watchdog cleans up
    wrapper.wait(timeout=10)
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)


def test_a_signal_during_the_first_start_leaves_nothing_behind(var_dir):
    """SIGTERM while initdb runs: the wrapper waits for it, stops, and the next start is clean."""
    wrapper = start_wrapper(var_dir, "sleep", "300")
    assert wait_for(lambda: (var_dir / "pgdata.init").exists(), timeout=60, step=0.01)
    wrapper.send_signal(signal.SIGTERM)
    output, _ = wrapper.communicate(timeout=120)
    assert wrapper.returncode == 130, output
    assert "ready" not in output  # the command never ran
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)
    assert programs_in(var_dir / "pgdata.init") == []

    again = start_wrapper(var_dir, sys.executable, "-c", "print('ran')")
    output, _ = again.communicate(timeout=120)
    assert again.returncode == 0, output
    assert "ran" in output


def test_a_first_start_killed_half_way_does_not_block_the_next(var_dir):
    """SIGKILL while initdb runs leaves a half-made directory and an orphaned initdb: the next
    start stops the orphan, discards its work and initializes afresh."""
    wrapper = start_wrapper(var_dir, "sleep", "300")
    assert wait_for(lambda: (var_dir / "pgdata.init" / "PG_VERSION").exists(), timeout=60, step=0.01)
    wrapper.kill()
    wrapper.wait(timeout=10)
    assert not (var_dir / "pgdata" / "PG_VERSION").exists()

    again = start_wrapper(var_dir, sys.executable, "-c", "print('ran')")
    output, _ = again.communicate(timeout=120)
    assert again.returncode == 0, output
    assert "ran" in output
    assert not (var_dir / "pgdata.init").exists()
    assert programs_in(var_dir / "pgdata.init") == []
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)


def test_stale_server_from_a_killed_run_does_not_block_the_next_start(var_dir):
    env = {**os.environ, "NEWSROOM_VAR_DIR": str(var_dir)}
    # A server left behind (started outside any wrapper, as a killed run would leave it).
    subprocess.run(
        [sys.executable, "-m", "ops.pgembed", "url"], cwd=ROOT, env=env, check=True, capture_output=True
    )
    assert postgres_running(var_dir / "pgdata")
    wrapper = start_wrapper(var_dir, sys.executable, "-c", "print('ran')")
    output, _ = wrapper.communicate(timeout=60)
    assert wrapper.returncode == 0
    assert "ran" in output
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)


def test_wrapper_stops_when_its_parent_dies(var_dir):
    """`make` does not pass SIGTERM on to its recipe: the wrapper notices it was orphaned."""
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NEWSROOM_VAR_DIR"] = str(var_dir)
    parent = subprocess.Popen(
        ["sh", "-c", f"{sys.executable} -m ops.pgembed run -- sleep 300; sleep 300"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    assert wait_for(lambda: postgres_running(var_dir / "pgdata"), timeout=120)
    parent.kill()
    parent.wait(timeout=10)
    assert wait_for(lambda: postgres_gone(var_dir / "pgdata"), timeout=30)


def test_the_server_keeps_a_newsrooms_archive_in_memory(var_dir):
    """shared_buffers sized for the machine from the first start (PostgreSQL's 128 MB default
    held a quarter of the benchmark's archive)."""
    from ops.pgembed import shared_buffers_mb

    show = (
        "import os, psycopg; "
        "print('SIZE', psycopg.connect(os.environ['DATABASE_URL']).execute("
        "\"SELECT setting::int * 8 / 1024 FROM pg_settings WHERE name = 'shared_buffers'\").fetchone()[0])"
    )
    for _start in range(2):
        wrapper = start_wrapper(var_dir, sys.executable, "-c", show)
        output, _ = wrapper.communicate(timeout=120)
        assert wrapper.returncode == 0, output
        assert f"SIZE {shared_buffers_mb()}" in output
    assert 128 <= shared_buffers_mb() <= 2048
