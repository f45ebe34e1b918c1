from __future__ import annotations

import contextlib
import os
import shutil
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-golden", action="store_true", help="rewrite tests/golden/*.json from this run")


@pytest.fixture(scope="session", autouse=True)
def _isolated_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Models and caches go to a fresh POLYNEWS_HOME: a developer's installed models never leak into tests."""
    home = tmp_path_factory.mktemp("home")
    old = {
        k: os.environ.get(k)
        for k in ("POLYNEWS_HOME", "ARGOS_PACKAGES_DIR", "POLYNEWS_DB", "POLYNEWS_CONFIG")
    }
    os.environ["POLYNEWS_HOME"] = str(home)
    for key in ("ARGOS_PACKAGES_DIR", "POLYNEWS_DB", "POLYNEWS_CONFIG"):
        os.environ.pop(key, None)
    yield home
    for key, value in old.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


# Every process the tests start (subprocesses, their workers, multiprocessing's resource tracker) inherits this
# environment variable; a process re-parented to init after its parent died is still found by it.
SESSION_TAG = "POLYNEWS_TEST_SESSION"


def tagged_processes(tag: str) -> list[tuple[int, str]]:
    """Live processes (not zombies) whose environment holds ``SESSION_TAG=tag``: (pid, command line)."""
    found = []
    needle = f"{SESSION_TAG}={tag}".encode()
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry.name}/environ", "rb") as fh:
                if needle not in fh.read().split(b"\0"):
                    continue
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[1].split()[0] == b"Z":
                    continue
            with open(f"/proc/{entry.name}/cmdline", "rb") as fh:
                found.append((int(entry.name), fh.read().replace(b"\0", b" ").decode(errors="replace")[:200]))
        except OSError:  # gone meanwhile, or not ours to read
            continue
    return found


@pytest.fixture(scope="session", autouse=True)
def _no_process_left_behind() -> Iterator[None]:
    """Once the whole test run ends, no process it started may be left (a worker outliving its run holds the
    database and 400 MB of models): they get 10 s to exit, then they are listed, killed, and the run fails."""
    if not os.path.isdir("/proc"):
        yield
        return
    tag = f"{os.getpid()}-{time.time_ns()}"
    os.environ[SESSION_TAG] = tag
    yield
    deadline = time.monotonic() + 10
    while (left := tagged_processes(tag)) and time.monotonic() < deadline:
        time.sleep(0.5)
    for pid, _ in left:
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)
    os.environ.pop(SESSION_TAG, None)
    assert not left, "processes started by the tests were left behind:\n" + "\n".join(
        f"  {pid} {cmd}" for pid, cmd in left
    )


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def samples(tmp_path: Path) -> Path:
    """A private copy of samples/ (tests may add or break files in it)."""
    dest = tmp_path / "samples"
    shutil.copytree(SAMPLES, dest)
    return dest


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "polynews.db"


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """samples/ ingested once through the CLI, shared by the read-only golden tests of a module."""
    from cli import app

    path = tmp_path_factory.mktemp("samples-db") / "polynews.db"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLES), "--db", str(path)])
    assert result.exit_code == 0, result.output
    return path


def sample(prefix: str) -> Path:
    return next(SAMPLES.glob(f"{prefix}_*"))


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """A real PostgreSQL server for the session (tests/pgserver.py), stopped and removed at the end."""
    from tests.pgserver import PostgresServer, bindir

    found = bindir()
    if found is None:
        pytest.skip("PostgreSQL is not installed (make install installs it: apt-get install postgresql)")
    server = PostgresServer(found).start()
    # A test run stopped by SIGTERM (a CI timeout, a kill) would die without its teardowns and leave the server
    # running: as an interrupt, pytest tears the session's fixtures down first, this server included.
    previous = signal.signal(signal.SIGTERM, _interrupted)
    try:
        yield server
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.stop()


def _interrupted(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


@pytest.fixture
def pg_url(pg_server: object, request: pytest.FixtureRequest) -> str:
    """A fresh, empty PostgreSQL database on the session's server, as a --db URL."""
    from tests.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return pg_server.create_database(name)
