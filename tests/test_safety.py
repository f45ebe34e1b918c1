"""Never harm data: other programs' files are refused untouched, queries never write, a run leaves everything in
the database file itself, and a bad --db is one line and exit 2, with nothing created. Real files, real SQLite,
real processes; read-only folders and mounts as the kernel makes them."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

from .conftest import ROOT, SAMPLES

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]

# Every command that takes --db, with what it needs besides.
COMMANDS = {
    "ingest": ["ingest", str(SAMPLES)],
    "search": ["search", "forum"],
    "show": ["show", "1"],
    "stories": ["stories"],
    "events": ["events"],
    "export": ["export"],
    "runs": ["runs"],
    "stats": ["stats"],
    "doctor": ["doctor"],
    "migrate": ["migrate"],
}
READ_COMMANDS = ["search", "show", "stories", "events", "export", "runs", "stats"]


def _sha(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _firefox(path: Path) -> None:
    """Another program's database in WAL mode, closed cleanly (no -wal file): the shape of places.sqlite."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE moz_places (id INTEGER PRIMARY KEY, url TEXT)")
        conn.execute("INSERT INTO moz_places (url) VALUES ('https://example.org/')")
    conn.close()


def _own_articles(path: Path) -> None:
    """A file with its own `articles` table: the old code failed half-way, after adding three tables."""
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, headline TEXT)")
    conn.close()


def _marked(path: Path) -> None:
    """Another program's mark in the header (application_id), otherwise empty."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA application_id=1196444487")  # 0x47504B47, "GPKG": a GeoPackage
        conn.execute("CREATE TABLE gpkg_contents (table_name TEXT)")
    conn.close()


FOREIGN = {
    "firefox.db": (_firefox, "is another program's SQLite database (tables moz_places)"),
    "articles.db": (_own_articles, "is another program's SQLite database (tables articles)"),
    "geo.gpkg": (_marked, "is another program's SQLite database (application_id 0x47504b47)"),
    "notes.txt": (lambda p: p.write_text("not a database\n"), "is not a SQLite database"),
}


@pytest.mark.parametrize("name", sorted(FOREIGN))
def test_every_command_refuses_a_foreign_file_and_leaves_it_as_it_was(
    tmp_path: Path, runner: CliRunner, name: str
) -> None:
    make, why = FOREIGN[name]
    path = tmp_path / name
    make(path)
    before = _sha(tmp_path)
    for command, args in COMMANDS.items():
        result = runner.invoke(app, [*args, "--db", str(path)])
        assert result.exit_code == 2, (command, result.output)
        if command == "doctor":  # a report of every check: the database's is a FAIL line with the reason
            assert f"FAIL  {path} {why}" in result.stdout, result.stdout
            continue
        assert result.stdout == "", command
        assert result.stderr.startswith(f"Error: {path} {why}"), (command, result.stderr)
        assert result.stderr.count("\n") == 1, (command, result.stderr)
        assert _sha(tmp_path) == before, f"{command} changed or created a file"


def test_a_bad_db_is_one_line_and_exit_2_and_creates_nothing(tmp_path: Path, runner: CliRunner) -> None:
    cases = {
        "missing folder": (tmp_path / "nowhere" / "x.db", "cannot create the database"),
        "a directory": (tmp_path, "is a directory"),
    }
    for what, (db, message) in cases.items():
        for command, args in COMMANDS.items():
            result = runner.invoke(app, [*args, "--db", str(db)])
            if command == "doctor":
                continue  # reports it among its checks (exit 1)
            assert result.exit_code == 2, (what, command, result.output)
            assert result.stderr.count("\n") == 1 and result.stderr.startswith("Error: "), (what, command)
            if command == "ingest" or what == "a directory":
                assert message in result.stderr, (what, command, result.stderr)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    missing = runner.invoke(app, ["ingest", str(tmp_path / "MISSING"), "--db", str(tmp_path / "t.db")])
    assert missing.exit_code == 2
    assert missing.stderr == f"Error: no such file or directory: {tmp_path / 'MISSING'}\n"
    for command in READ_COMMANDS:
        result = runner.invoke(app, [*COMMANDS[command], "--db", str(tmp_path / "t.db")])
        assert result.exit_code == 2
        assert (
            result.stderr
            == f"Error: no database at {tmp_path / 't.db'}; run: polynews ingest PATH --db {tmp_path / 't.db'}\n"
        )
    assert list(tmp_path.iterdir()) == []  # no t.db, no t.db.lock


def test_new_empty_files_and_older_unmarked_databases_are_taken(
    tmp_path: Path, runner: CliRunner, samples_db: Path
) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(empty)]).exit_code == 0
    with sqlite3.connect(empty) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == 0x706E7773
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
    conn.close()
    old = (
        tmp_path / "old.db"
    )  # a database made before the mark: recognised by its schema, marked when written
    shutil.copyfile(samples_db, old)
    with sqlite3.connect(old) as conn:
        conn.execute("PRAGMA application_id=0")
    conn.close()
    assert runner.invoke(app, ["stats", "--db", str(old)]).exit_code == 0
    assert sqlite3.connect(old).execute("PRAGMA application_id").fetchone()[0] == 0  # a query did not write
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(old)]).exit_code == 0
    assert sqlite3.connect(old).execute("PRAGMA application_id").fetchone()[0] == 0x706E7773


def test_after_a_run_the_database_file_alone_has_every_article(tmp_path: Path, runner: CliRunner) -> None:
    db = tmp_path / "live" / "polynews.db"
    db.parent.mkdir()
    assert runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db)]).exit_code == 0
    assert (tmp_path / "live" / "polynews.db-wal").stat().st_size == 0  # checkpointed and truncated
    copy = tmp_path / "copy" / "polynews.db"
    copy.parent.mkdir()
    shutil.copyfile(db, copy)  # the main file only, as cp, rsync or a backup tool would take it
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert conn.execute("SELECT status FROM runs").fetchall() == [("ok",)]
    conn.close()
    (copy.parent / "polynews.db-wal").unlink(missing_ok=True)
    before = _sha(copy.parent)
    stats = runner.invoke(app, ["stats", "--db", str(copy), "--json"])
    assert '"articles": 5' in stats.stdout
    assert _sha(copy.parent) == before  # nothing created beside it, nothing written
    # The README's backup of a live database.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "VACUUM INTO" in readme and '".backup' in readme
    backup = tmp_path / "backup.db"
    with sqlite3.connect(db) as conn:
        conn.execute("VACUUM INTO ?", (str(backup),))
    conn.close()
    assert sqlite3.connect(backup).execute("SELECT count(*) FROM articles").fetchone()[0] == 5


def test_an_older_schema_is_read_by_no_query_and_polynews_migrate_upgrades_it(
    tmp_path: Path, runner: CliRunner, samples_db: Path
) -> None:
    from alembic import command

    from store.db import _alembic_config, connect, head_revision

    db = tmp_path / "old.db"
    shutil.copyfile(samples_db, db)
    cfg = _alembic_config()
    engine = connect(db)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    engine.dispose()
    before = _sha(tmp_path)
    for name in READ_COMMANDS:
        result = runner.invoke(app, [*COMMANDS[name], "--db", str(db)])
        assert result.exit_code == 2, name
        assert result.stderr == (
            f"Error: the database {db} has schema 0004, older than this polynews ({head_revision()}); "
            f"run: polynews migrate --db {db}\n"
        )
    assert _sha(tmp_path) == before
    doctor = runner.invoke(app, ["doctor", "--db", str(db)])
    assert f"fix: polynews migrate --db {db}" in doctor.stdout
    migrated = runner.invoke(app, ["migrate", "--db", str(db)])
    assert migrated.exit_code == 0 and migrated.stdout == f"schema {head_revision()} (was 0004)\n"
    assert runner.invoke(app, ["stats", "--db", str(db)]).exit_code == 0


# -- read-only folders and mounts ------------------------------------------------------------------------------
def _polynews(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([*POLYNEWS, *args], capture_output=True, text=True, cwd=cwd, env=env)


def _samples_db_in(folder: Path, samples_db: Path) -> Path:
    db = folder / "polynews.db"
    with sqlite3.connect(samples_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return db


@pytest.fixture
def unwritable(tmp_path: Path) -> Iterator[Path]:
    """A folder this user cannot write. Root writes whatever the modes say, so as root the folder and its files
    are made immutable (chattr +i: the kernel refuses root too), and skipped where the file system cannot."""
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    if os.geteuid() == 0:
        subprocess.run(["chattr", "-R", "-i", str(folder)], capture_output=True)
    folder.chmod(0o755)


def _lock(folder: Path) -> None:
    if os.geteuid() == 0:
        done = (
            subprocess.run(["chattr", "-R", "+i", str(folder)], capture_output=True, text=True)
            if shutil.which("chattr")
            else None
        )
        if done is None or done.returncode != 0:
            pytest.skip("running as root where chattr +i is not available: nothing refuses root a write")
    else:
        for p in folder.iterdir():
            p.chmod(0o444)
        folder.chmod(0o555)


def test_queries_read_and_ingest_refuses_a_database_in_a_folder_this_user_cannot_write(
    unwritable: Path, samples_db: Path
) -> None:
    db = _samples_db_in(unwritable, samples_db)
    _lock(unwritable)
    before = _sha(unwritable)
    for name in READ_COMMANDS:
        result = _polynews([*COMMANDS[name], "--db", str(db)], ROOT)
        assert result.returncode == 0, (name, result.stderr)
        assert result.stderr in ("", "no matches\n", "no stories\n", "no events\n"), (name, result.stderr)
    assert '"articles": 5' in _polynews(["stats", "--db", str(db), "--json"], ROOT).stdout
    refused = _polynews(["ingest", str(SAMPLES), "--db", str(db)], ROOT)
    assert refused.returncode == 2
    assert refused.stderr == (
        f"Error: cannot write the folder {unwritable} (permission denied); a run needs to write the database "
        "and create polynews.db.lock and polynews.db-wal beside it. Query commands (stats, search, ...) can read it\n"
    )
    new = _polynews(["ingest", str(SAMPLES), "--db", str(unwritable / "new.db")], ROOT)
    assert new.returncode == 2 and new.stderr.startswith(f"Error: cannot write the folder {unwritable}")
    assert _sha(unwritable) == before


def _read_only_mount(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    """The command run with ``folder`` bind-mounted read-only over itself, in a private mount namespace (the
    mount ends with the command)."""
    f = shlex.quote(str(folder))
    script = f"mount --bind {f} {f} && mount -o remount,bind,ro {f} && exec {shlex.join([*POLYNEWS, *args])}"
    env = os.environ | {"PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        ["unshare", "--mount", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT, env=env
    )


def test_queries_read_and_ingest_refuses_a_database_on_a_read_only_mount(
    tmp_path: Path, samples_db: Path
) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    db = _samples_db_in(folder, samples_db)
    probe = _read_only_mount(folder, ["--version"]) if shutil.which("unshare") else None
    if probe is None or probe.returncode != 0:
        pytest.skip("no private mount namespace here (needs unshare and CAP_SYS_ADMIN)")
    before = _sha(folder)
    for name in READ_COMMANDS:
        result = _read_only_mount(folder, [*COMMANDS[name], "--db", str(db)])
        assert result.returncode == 0, (name, result.stderr)
    stats = _read_only_mount(folder, ["stats", "--db", str(db), "--json"])
    assert '"articles": 5' in stats.stdout
    refused = _read_only_mount(folder, ["ingest", str(SAMPLES), "--db", str(db)])
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"Error: cannot write the folder {folder} (read-only file system)")
    assert refused.stderr.count("\n") == 1
    assert _sha(folder) == before


def test_the_session_check_finds_a_process_the_tests_left(tmp_path: Path) -> None:
    """The conftest check that runs when the test session ends: a process started with the session's tag is
    found, even once its parent is gone and init has adopted it."""
    from .conftest import SESSION_TAG, tagged_processes

    tag = os.environ.get(SESSION_TAG)
    if tag is None:
        pytest.skip("no /proc: the session check is off")
    orphan = subprocess.run(
        ["sh", "-c", "sleep 60 > /dev/null 2>&1 & echo $!"], capture_output=True, text=True, check=True
    )
    pid = int(orphan.stdout)
    try:
        assert pid in [p for p, _ in tagged_processes(tag)]
    finally:
        os.kill(pid, signal.SIGKILL)
    for _ in range(50):
        if pid not in [p for p, _ in tagged_processes(tag)]:
            break
        time.sleep(0.1)
    assert pid not in [p for p, _ in tagged_processes(tag)]
