"""Beyond one machine: PostgreSQL as the store and Ray as the executor give the database SQLite and local
worker processes give. A real PostgreSQL server (tests/pgserver.py) and a real local Ray with two CPUs."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import build  # noqa: E402

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]


def _env(home: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT), "POLYNEWS_HOME": str(home), "RAY_USAGE_STATS_ENABLED": "0"}


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*POLYNEWS, *args], capture_output=True, text=True, cwd=ROOT, env=_env(home), timeout=900
    )


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a tiny French translation model: translations are part of what must not change."""
    from normalize.sentences import split_sentences
    from translate.devmodel import build_argosmodel
    from translate.install import install_file

    path = tmp_path_factory.mktemp("home")
    sentences = [
        s for p in sorted((ROOT / "samples").glob("*.txt")) for s in split_sentences(p.read_text("utf-8"))
    ]
    install_file(build_argosmodel(path / "fr_en.argosmodel", sentences * 4, "fr"), path)
    return path


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """samples/, 200 generated articles in four languages (web pages and near-duplicates among them) and a
    broken file."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in (ROOT / "samples").iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    build(folder / "generated", 200, html_every=3)
    (folder / "broken.txt").write_bytes(b"")
    return folder


def export(db: str, home: Path) -> list[dict[str, object]]:
    result = _run(["export", "--db", db], home)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def sqlite_local(corpus: Path, home: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("sqlite") / "local.db")
    result = _run(["ingest", str(corpus), "--db", db, "-q", "--workers", "1"], home)
    assert result.returncode == 1, result.stderr  # 1: the broken file failed, the rest is stored
    return db


@pytest.fixture(scope="module")
def pg_ray(corpus: Path, home: Path, pg_server: object) -> str:
    from tests.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    url = pg_server.create_database("ray_run")
    result = _run(["ingest", str(corpus), "--db", url, "-q", "--executor", "ray", "--workers", "2"], home)
    assert result.returncode == 1, result.stderr
    assert "failed 1 " in result.stdout, result.stdout
    return url


def test_postgresql_and_ray_store_what_sqlite_and_local_workers_store(
    sqlite_local: str, pg_ray: str, home: Path
) -> None:
    a, b = export(sqlite_local, home), export(pg_ray, home)
    assert len(a) == 206
    assert any(r["duplicate_of"] for r in a) and any(r["story_id"] for r in a)
    assert any(r["entities"] for r in a) and any(r["facts"] for r in a)
    assert sum(1 for r in a if r["text_en"] and r["lang"] == "fr") > 30  # the tiny model's translations
    for x, y in zip(a, b, strict=True):
        assert x == y, f"article {x['id']} differs between SQLite/local and PostgreSQL/Ray"
    stories = [
        sorted(
            (
                {k: v for k, v in json.loads(line).items() if k not in ("first_seen", "last_seen")}
                for line in _run(
                    ["stories", "--json", "--limit", "500", "--db", db], home
                ).stdout.splitlines()
            ),
            key=lambda story: story["id"],
        )
        for db in (sqlite_local, pg_ray)
    ]
    assert stories[0] == stories[1] and stories[0]  # first and last seen are the clock's


def _clock(text: str) -> str:
    """Without the times things were stored at (two runs, two clocks)."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00", "TIME", text)


@pytest.mark.parametrize(
    "args",
    [
        ["show", "3"],
        ["show", "3", "--json"],
        ["stories", "--lang", "fr"],
        ["events", "--json"],
        ["events", "--place", "Chengdu"],
        ["stats", "--json"],
        ["export", "--format", "csv"],
        ["search", "Chengdu", "--json", "--limit", "500"],
        ["search", "Chengdu", "--json", "--limit", "500", "--all-copies"],
        ["search", "conference NOT forum", "--lang", "fr", "--json", "--limit", "500"],
        ["search", "l'audiovisuel OR CCTV+", "--json", "--limit", "500", "--all-copies"],
    ],
)
def test_query_commands_on_postgresql(args: list[str], sqlite_local: str, pg_ray: str) -> None:
    from cli import app

    runner = CliRunner()
    here, there = (runner.invoke(app, [*args, "--db", db]) for db in (sqlite_local, pg_ray))
    assert there.exit_code == 0, there.output
    assert there.stdout.strip(), "the command printed nothing"
    if args[0] == "search":  # the engines rank differently: the same articles, in another order
        # Collapsed, each group's best-ranked copy is shown: the same groups, perhaps through other copies.
        key = "id" if "--all-copies" in args else "group"
        found = [{json.loads(line)[key] for line in r.stdout.splitlines()} for r in (here, there)]
        assert found[0] == found[1] and found[0]
    else:
        assert _clock(here.stdout) == _clock(there.stdout)


def test_search_on_postgresql(pg_ray: str) -> None:
    from cli import app

    runner = CliRunner()
    accents = runner.invoke(app, ["search", "conference", "--lang", "fr", "--db", pg_ray])
    assert accents.exit_code == 0 and "[Conférence]" in accents.stdout  # accents removed, snippet marked
    prefix = runner.invoke(app, ["search", "Cheng*", "--json", "--db", pg_ray])
    assert prefix.exit_code == 0 and len(prefix.stdout.splitlines()) == 20
    phrase = runner.invoke(
        app, ["search", '"audiovisuel en ligne"', "--json", "--limit", "3", "--db", pg_ray]
    )
    assert {json.loads(line)["lang"] for line in phrase.stdout.splitlines()} == {"fr"}
    bad = runner.invoke(app, ["search", '"unclosed', "--db", pg_ray])
    assert bad.exit_code == 2
    assert bad.stderr == (
        'Error: malformed search query \'"unclosed\' (unterminated string); quote phrases with "..." and use '
        "AND, OR, NOT\n"
    )


def test_runs_and_doctor_on_postgresql(pg_ray: str) -> None:
    from cli import app

    runner = CliRunner()
    runs = runner.invoke(app, ["runs", "--db", pg_ray])
    assert runs.exit_code == 0 and " ok " not in runs.stdout and "partial" in runs.stdout
    doctor = runner.invoke(app, ["doctor", "--db", pg_ray])
    assert "ok    database postgresql+psycopg://postgres@127.0.0.1:" in doctor.stdout
    assert "ok    no run in progress" in doctor.stdout
    from store.revisions import head_revision

    assert f"schema at revision {head_revision()}" in doctor.stdout


def test_missing_postgresql_database_is_one_line(pg_server: object) -> None:
    from cli import app
    from tests.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    result = CliRunner().invoke(app, ["stats", "--db", pg_server.url("nowhere")])
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "Error: cannot open the database postgresql+psycopg://postgres@127.0.0.1:"
    )
    assert 'database "nowhere" does not exist' in result.stderr and len(result.stderr.splitlines()) == 1


def test_a_second_run_on_postgresql_is_refused(pg_url: str, samples: Path) -> None:
    from cli import app
    from store.lock import run_lock

    lock = run_lock(pg_url)
    lock.acquire()
    try:
        result = CliRunner().invoke(app, ["ingest", str(samples), "--db", pg_url])
        doctor = CliRunner().invoke(app, ["doctor", "--db", pg_url])
    finally:
        lock.release()
    assert result.exit_code == 75, result.output
    assert result.stderr.startswith(
        "Error: another polynews run holds postgresql+psycopg://postgres@127.0.0.1:"
    )
    assert f"(polynews pid {os.getpid()} on " in result.stderr
    assert "this run did nothing" in result.stderr
    assert "FAIL  a run holds the database: polynews pid" in doctor.stdout
    again = CliRunner().invoke(app, ["ingest", str(samples), "--db", pg_url, "-q"])
    assert again.exit_code == 0, again.output  # the lock went with its holder


def _grouped(rows: list[dict[str, object]]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    """Copies of one original and reports of one story, as sets of file names (ids differ between stores)."""
    name = {r["id"]: Path(str(r["source"])).stem for r in rows}
    docs: dict[object, set[str]] = {}
    stories: dict[object, set[str]] = {}
    for r in rows:
        docs.setdefault(r["duplicate_of"] or r["id"], set()).add(name[r["id"]])
        if r["story_id"] is not None:
            stories.setdefault(r["story_id"], set()).add(name[r["id"]])
    return {frozenset(g) for g in docs.values()}, {frozenset(g) for g in stories.values()}


def test_files_out_of_name_order_on_postgresql_give_one_runs_stories(
    pg_url: str, home: Path, tmp_path: Path
) -> None:
    """Matcher.settle's SQL on PostgreSQL: two real stories (bench/realset's tuning half) whose files arrive in
    reverse name order over two runs are decided again in name order, and the groups are those of one run into
    SQLite."""
    files = sorted(
        p
        for p in (ROOT / "bench" / "realset" / "articles").glob("*.txt")
        if p.name.startswith(("kr-jejuair-2024-", "id-lewotobi-2024-"))
    )
    everything, growing = tmp_path / "all", tmp_path / "growing"
    everything.mkdir(), growing.mkdir()
    for f in files:
        shutil.copy(f, everything / f.name)
    one = str(tmp_path / "one.db")
    assert _run(["ingest", str(everything), "--db", one, "-q"], home).returncode == 0
    arrivals = files[::-1]
    for part in (arrivals[: len(arrivals) // 2], arrivals):
        for f in part:
            if not (growing / f.name).exists():
                shutil.copy(f, growing / f.name)
        result = _run(["ingest", str(growing), "--db", pg_url, "-v"], home)
        assert result.returncode == 0, result.stderr
    assert "decided " in result.stderr and " again in the order one run stores them" in result.stderr
    docs, stories = _grouped(export(pg_url, home))
    assert (docs, stories) == _grouped(export(one, home))
    assert any(len(g) >= 6 for g in stories)


def test_sigkill_mid_run_on_postgresql_then_a_rerun_equals_a_clean_run(
    corpus: Path, home: Path, sqlite_local: str, pg_server: object
) -> None:
    import psycopg

    from tests.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    url = pg_server.create_database("killed")
    # Through the library: a write every 32 articles (the CLI's 256 would store this corpus in one commit).
    script = (
        "import sys; from pathlib import Path; from pipeline import Config, Pipeline; from store.db import connect;"
        " from store.lock import run_lock; from store.writer import Writer; url, corpus, home = sys.argv[1:];"
        " run_lock(url).acquire(); config = Config(db=url, home=Path(home), workers=1, batch_size=16, write_batch=32);"
        " Pipeline(config, Writer(connect(url))).run([corpus])"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, url, str(corpus), str(home)],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    dsn = f"host=127.0.0.1 port={pg_server.port} user=postgres dbname=killed"
    stored = 0
    deadline = time.monotonic() + 300
    try:
        while stored == 0 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
            try:
                with psycopg.connect(dsn) as conn:
                    stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[index]
            except psycopg.errors.UndefinedTable:
                pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    if proc.returncode != -signal.SIGKILL or stored >= 206:
        pytest.skip("the run finished before the signal (a fast machine)")
    rerun = _run(["ingest", str(corpus), "--db", url, "-q", "--workers", "1"], home)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert export(url, home) == export(sqlite_local, home)
    runs = _run(["runs", "--json", "--db", url], home).stdout.splitlines()
    assert [json.loads(r)["status"] for r in runs][-1] == "interrupted"  # marked by the re-run


def test_an_unreachable_ray_cluster_is_one_line(samples: Path, db: Path, tmp_path: Path) -> None:
    from cli import app

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{s.getsockname()[1]}"
    runner = CliRunner()
    # More than one batch, so the run goes to the executor.
    for i in range(3):
        shutil.copytree(samples, tmp_path / "more" / str(i))
    result = runner.invoke(
        app,
        [
            "ingest",
            str(tmp_path / "more"),
            "--db",
            str(db),
            "--executor",
            "ray",
            "--ray-address",
            address,
            "--batch-size",
            "4",
        ],
    )
    assert result.exit_code == 2, result.output
    assert (
        result.stderr
        == f"Error: cannot reach the Ray cluster {address}: nothing answers at {address} (Connection refused)\n"
    )
    doctor = runner.invoke(app, ["doctor", "--db", str(db), "--ray-address", address])
    assert f"FAIL  Ray cluster {address}: nothing answers at {address} (Connection refused)" in doctor.stdout
    assert "fix: check the address; start the cluster with ray start --head" in doctor.stdout
    assert doctor.exit_code == 1


def _ray_workers(pgid: int) -> list[int]:
    """The pids of a run's Ray actors (Ray titles an actor's process ray::<class>)."""
    pids = []
    for pid in _session_processes(pgid):
        try:
            if b"ray::_RayWorker" in Path(f"/proc/{pid}/cmdline").read_bytes():
                pids.append(pid)
        except OSError:
            continue
    return pids


def _session_processes(pgid: int) -> list[int]:
    """Processes in a process group, and their children (Ray's actors start process groups of their own)."""
    stats = {}
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit():
                fields = (proc / "stat").read_text().rsplit(")", 1)[1].split()
                stats[int(proc.name)] = (int(fields[1]), int(fields[2]))  # ppid, pgrp
        except OSError:
            continue
    group = {pid for pid, (_, pgrp) in stats.items() if pgrp == pgid}
    return sorted(group | {pid for pid, (ppid, _) in stats.items() if ppid in group})


def test_ray_a_dead_actor_is_replaced_and_sigterm_keeps_what_is_done(
    corpus: Path, home: Path, sqlite_local: str, pg_server: object
) -> None:
    """An actor killed mid-run is restarted and its batches run again; then SIGTERM to the run's process alone
    (kill, systemd) stores what came back, marks the run, stops the Ray it started (no process left), and a
    re-run gives the clean run's database."""
    import psycopg

    from tests.pgserver import PostgresServer

    assert isinstance(pg_server, PostgresServer)
    url = pg_server.create_database("ray_killed")
    # Through the library: a write every 32 articles (the CLI's 256 would store this corpus in one commit).
    script = (
        "import sys; from pathlib import Path; from pipeline import Config, Pipeline; from store.db import connect;"
        " from store.lock import run_lock; from store.writer import Writer; url, corpus, home = sys.argv[1:];"
        " run_lock(url).acquire(); config = Config(db=url, home=Path(home), workers=2, batch_size=16,"
        " write_batch=32, executor='ray')\n"
        "try:\n    Pipeline(config, Writer(connect(url))).run([corpus])\n"
        "except KeyboardInterrupt:\n    sys.exit(130)"
    )
    proc = subprocess.Popen(
        [sys.executable, "-c", script, url, str(corpus), str(home)],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    dsn = f"host=127.0.0.1 port={pg_server.port} user=postgres dbname=ray_killed"

    def stored() -> int:
        try:
            with psycopg.connect(dsn) as conn:
                return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])  # type: ignore[index]
        except psycopg.errors.UndefinedTable:
            return 0

    def wait_for(more_than: int) -> int:
        deadline = time.monotonic() + 300
        while proc.poll() is None and time.monotonic() < deadline:
            if (n := stored()) > more_than:
                return n
            time.sleep(0.5)
        return stored()

    killed = False
    try:
        first = wait_for(0)
        actors = _ray_workers(proc.pid)
        if proc.poll() is None and actors:
            os.kill(actors[0], signal.SIGKILL)
            killed = True
        wait_for(first)  # the run goes on with a new actor
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGTERM)
        _, stderr = proc.communicate(timeout=180)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for pid in _session_processes(proc.pid):  # whatever a failure left
            os.kill(pid, signal.SIGKILL)
    assert killed, "the run finished before an actor could be killed"
    if proc.returncode in (0, 1):
        pytest.skip("the run finished before the signal (a fast machine)")
    assert proc.returncode == 130, stderr
    deadline = time.monotonic() + 30
    while _session_processes(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _session_processes(proc.pid), "Ray processes left behind"
    assert [
        json.loads(r)["status"] for r in _run(["runs", "--json", "--db", url], home).stdout.splitlines()
    ] == ["interrupted"]
    rerun = _run(["ingest", str(corpus), "--db", url, "-q", "--executor", "ray", "--workers", "2"], home)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert export(url, home) == export(sqlite_local, home)


def test_postgresql_migrations_create_exactly_the_models(pg_url: str) -> None:
    """One Alembic history for both engines: on PostgreSQL too the migrations make the models, plus the
    search column, its trigger and index (store/dialects/postgresql.py)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlalchemy import inspect

    from store.db import connect, current_revision, head_revision, include_object
    from store.schema import Base

    engine = connect(pg_url)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}), Base.metadata
        )
        assert diff == []
        assert "fts" in {c["name"] for c in inspect(conn).get_columns("articles")}
        assert "ix_articles_fts" in {i["name"] for i in inspect(conn).get_indexes("articles")}
    assert current_revision(connect(pg_url)) == head_revision()  # reopening migrates nothing


@pytest.mark.parametrize(
    ("query", "tsquery"),
    [
        ("conference NOT forum", "(('conference') & !('forum'))"),
        ('"audiovisuel en ligne" OR Cheng*', "(('audiovisuel' <-> 'en' <-> 'ligne')) | (('Cheng':*))"),
        ("(a OR b) c", "((('a')) | (('b'))) & ('c')"),
        ("l'audiovisuel", "('l' <-> 'audiovisuel')"),
        ("forum-media", "('forum' <-> 'media')"),
        ("12,000", "('12' <-> '000')"),
        ("CCTV+ +", "('CCTV')"),
        ("title:Quanzhou text_en:forum*", "('Quanzhou':A) & ('forum':*C)"),
        ('"audiovisuel en ligne"*', "('audiovisuel' <-> 'en' <-> 'ligne')"),  # fts_query drops the star
    ],
)
def test_the_search_language_as_a_tsquery(query: str, tsquery: str) -> None:
    """What people type, made an FTS5 expression (store/fts_query.py), as PostgreSQL reads it (no server
    needed)."""
    from store.dialects.postgresql import to_tsquery
    from store.fts_query import fts5_expression

    assert to_tsquery(fts5_expression(query)) == tsquery


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("(a", "unexpected end of query"),
        ("a OR", "unexpected end of query"),
        ("NOT", "syntax error near 'NOT'"),
    ],
)
def test_a_malformed_search_says_why(query: str, reason: str) -> None:
    from ingest.errors import QueryError
    from store.dialects.postgresql import to_tsquery

    with pytest.raises(QueryError, match=re.escape(f"({reason}); quote phrases")):
        to_tsquery(query)
