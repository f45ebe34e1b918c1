"""Daily use from the shell and from cron (issue 18): search as people type, events from every copy, JSON logs,
counts that add up, and the small frictions, each through the CLI with the exact text a user sees."""

from __future__ import annotations

import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from store.fts_query import fts5_expression
from store.lock import RunLock

from .conftest import ROOT, SAMPLES, sample

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]


def run_cli(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([*POLYNEWS, *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def lead_and_rest() -> tuple[str, list[str]]:
    """Sample 004 (the English press release): its first paragraph (which names the event and its place) and
    the others."""
    paragraphs = [p for p in sample("004").read_text(encoding="utf-8").split("\n") if p.strip()]
    return paragraphs[0], paragraphs[1:]


# -- search -----------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """samples/ and a near copy of the French article (002) whose added sentence says "forum-media"."""
    folder = tmp_path_factory.mktemp("search") / "in"
    shutil.copytree(SAMPLES, folder)
    first, rest = sample("002").read_text(encoding="utf-8").split("\n", 1)
    (folder / "002_copy.txt").write_text(  # before the sample's end matter ("About the Author"), not after
        first + "\nLe forum-media de Chengdu reprendra l'an prochain.\n" + rest, encoding="utf-8"
    )
    db = folder.parent / "search.db"
    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 0, result.output
    return db


def hits(runner: CliRunner, db: Path, *args: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["search", *args, "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_the_query_function_quotes_what_people_type_and_keeps_fts5_syntax() -> None:
    assert fts5_expression("l'audiovisuel") == '"l\'audiovisuel"'
    assert fts5_expression("forum-media 12,000 CCTV+") == '"forum-media" "12,000" "CCTV+"'
    assert fts5_expression('"Video Media" AND Quanz*') == '"Video Media" AND "Quanz"*'
    assert fts5_expression("(forum OR conférence) NOT title:Chengdu") == (
        '( "forum" OR "conférence" ) NOT title : "Chengdu"'
    )
    assert fts5_expression("CCTV + forum") == '"CCTV" "forum"'  # a lone symbol is not a word


@pytest.mark.parametrize(
    ("query", "group"),
    [
        ("l'audiovisuel", "002"),  # apostrophes: in most French sentences
        ("forum-media", "002"),  # only in the near copy of 002
        ("12,000", "002"),  # 002 writes "12 000": the same two tokens
        ("CCTV+", "004"),  # in 004 and its Indonesian translation 003 (a duplicate): one hit
    ],
)
def test_search_takes_what_people_type(runner: CliRunner, search_db: Path, query: str, group: str) -> None:
    (found,) = hits(runner, search_db, query)
    with sqlite3.connect(search_db) as conn:
        (original,) = conn.execute(
            "SELECT id FROM articles WHERE source LIKE ? AND duplicate_of IS NULL", (f"%/{group}_%",)
        ).fetchone()
    assert found["group"] == original and "[" in str(found["snippet"])


def test_one_hit_per_article_and_its_near_copies_unless_all_copies(
    runner: CliRunner, search_db: Path
) -> None:
    collapsed = hits(runner, search_db, "l'audiovisuel")
    every = hits(runner, search_db, "l'audiovisuel", "--all-copies")
    assert [h["copies"] for h in collapsed] == [2] and len(every) == 2
    assert {h["group"] for h in every} == {collapsed[0]["group"]}
    text = runner.invoke(app, ["search", "l'audiovisuel", "--db", str(search_db)])
    assert text.exit_code == 0 and "(+1 near copies: --all-copies)" in text.stdout
    assert (
        len(hits(runner, search_db, "Quanzhou")) == 1
        and len(hits(runner, search_db, "Quanzhou", "--all-copies")) == 2
    )


def test_fts5_syntax_still_works(runner: CliRunner, search_db: Path) -> None:
    assert hits(runner, search_db, '"Video Media" AND Quanzhou')
    assert hits(runner, search_db, "Quanz*")
    assert hits(runner, search_db, "audiovisuel OR Quanzhou", "--all-copies") and not hits(
        runner, search_db, "Quanzhou NOT CCTV"
    )


@pytest.mark.parametrize(
    ("query", "error"),
    [
        (
            "Quanzhou AND",
            "Error: malformed search query 'Quanzhou AND' (fts5: syntax error near \"\"); quote phrases with "
            '"..." and use AND, OR, NOT\n',
        ),
        ("+", "Error: nothing to search for in '+': give a word, a number or a name\n"),
    ],
)
def test_a_malformed_expression_is_a_clean_exit_2(
    runner: CliRunner, search_db: Path, query: str, error: str
) -> None:
    result = runner.invoke(app, ["search", query, "--db", str(search_db)])
    assert result.exit_code == 2 and result.stderr == error


# -- events -----------------------------------------------------------------------------------------------------
def test_events_see_every_article_of_a_story(runner: CliRunner, tmp_path: Path) -> None:
    """The story's representative is a short copy without the lead paragraph (the earlier date makes it the
    original); the event's name and date are only in its two near copies. The short copy's own "forum in
    Quanzhou" is the same event (same story, kind and main place): one event, read from all three."""
    lead, rest = lead_and_rest()
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_full.txt").write_text("\n\n".join([lead, *rest]) + "\n", encoding="utf-8")
    (folder / "b_short.txt").write_text(" date 2024-12-05 " + "\n\n".join(rest) + "\n", encoding="utf-8")
    (folder / "c_near.txt").write_text(
        "\n\n".join([lead, *rest]) + "\n\nDistributed by a partner agency. All rights reserved.\n",
        encoding="utf-8",
    )
    db = tmp_path / "e.db"
    assert runner.invoke(app, ["ingest", str(folder), "--db", str(db)]).exit_code == 0
    with sqlite3.connect(db) as conn:
        rows = dict(conn.execute("SELECT source, id FROM articles"))
        ids = {Path(k).name: v for k, v in rows.items()}
        rep = conn.execute("SELECT representative_id FROM stories").fetchall()
        statuses = dict(conn.execute("SELECT id, status FROM articles"))
    assert rep == [(ids["b_short.txt"],)] and statuses[ids["b_short.txt"]] == "stored"
    for args in (["--place", "Quanzhou"], ["--place", "Quanzhou", "--org", "CCTV+", "--kind", "forum"]):
        result = runner.invoke(app, ["events", "--db", str(db), "--json", *args])
        events = [json.loads(line) for line in result.stdout.splitlines()]
        assert [e["name"] for e in events] == ["12th Global Video Media Forum"], args
        assert events[0]["articles"] == sorted(ids.values())
        assert events[0]["places"][:3] == ["Quanzhou", "Fujian", "China"]  # its own first, then its copies'
    text = runner.invoke(app, ["events", "--db", str(db), "--place", "Quanzhou"])
    articles = f"    articles  {', '.join(map(str, sorted(ids.values())))}\n"
    assert text.exit_code == 0 and articles in text.stdout and text.stdout.count("[forum]") == 1


@pytest.mark.parametrize("value", ["2024-13", "2024-02-30", "24-12", "2024-1"])
def test_event_dates_are_real_dates(runner: CliRunner, samples_db: Path, value: str) -> None:
    result = runner.invoke(app, ["events", "--since", value, "--db", str(samples_db)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: --since must be a date like 2024-12-06, 2024-12 or 2024, not {value!r}\n"
    stories = runner.invoke(app, ["stories", "--since", value, "--db", str(samples_db)])
    assert stories.exit_code == 2 and stories.stderr == result.stderr


# -- counts and logs --------------------------------------------------------------------------------------------
def each_kind(folder: Path) -> None:
    """One input of every kind a run counts: an original, a near copy, an exact copy of each, a file type
    polynews does not read (skipped), an empty file (failed), a 1-byte Markdown file (failed: not an article),
    a second original (French, in Markdown)."""
    folder.mkdir()
    text = sample("004").read_text(encoding="utf-8")
    (folder / "a_original.txt").write_text(text, encoding="utf-8")
    (folder / "b_near.txt").write_text(
        text + "\n\nDistributed by a partner agency. All rights reserved.\n", encoding="utf-8"
    )
    (folder / "c_exact.txt").write_text(text, encoding="utf-8")
    # An exact copy of a near duplicate is a sighting too (it was counted as a near duplicate).
    shutil.copy(folder / "b_near.txt", folder / "h_exact_of_near.txt")
    (folder / "d_photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (folder / "e_empty.txt").write_bytes(b"")
    (folder / "f_stub.md").write_bytes(b"x")
    (folder / "g_notes.md").write_text(sample("002").read_text(encoding="utf-8"), encoding="utf-8")


def test_counts_add_up_to_what_was_read_everywhere(runner: CliRunner, tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "c.db"
    each_kind(folder)
    first = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert first.exit_code == 1
    assert first.stdout.splitlines()[-1].startswith(
        "new articles 2, new versions 0, near duplicates 1, exact copies 2, unchanged 0, skipped 1, failed 2 "
        "(8 read) in "
    )
    assert (
        f"failed: {folder / 'f_stub.md'}: too short to be an article (1 letters; an article has at least 20)"
        in (first.stdout)
    )
    notes = folder / "g_notes.md"  # its own article (the others are also seen at their copies): a new version
    notes.write_text(notes.read_text(encoding="utf-8").replace("12 000", "13 000"), encoding="utf-8")
    second = runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--force"])
    assert second.stdout.splitlines()[-1].startswith(
        "new articles 0, new versions 1, near duplicates 0, exact copies 0, unchanged 0, reprocessed 4, "
        "skipped 1, failed 2 (8 read) in "
    )
    runs = [
        json.loads(line)
        for line in runner.invoke(app, ["runs", "--db", str(db), "--json"]).stdout.splitlines()
    ]
    names = ["new_articles", "new_versions", "near_duplicates", "exact_copies", "unchanged", "reprocessed"]
    names += ["skipped", "failed", "read"]
    assert [list(r["counts"])[: len(names)] for r in runs] == [names, names]
    assert [r["counts"]["read"] for r in runs] == [8, 8]
    assert all(sum(r["counts"][n] for n in names[:-1]) == r["counts"]["read"] for r in runs)
    text = runner.invoke(app, ["runs", "--db", str(db)]).stdout.splitlines()
    assert "new articles 2, near duplicates 1, exact copies 2, skipped 1, failed 2 (8 read)" in text[1]
    assert text[0].endswith(f"[ingest {folder} --force]")
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(db), "--json"]).stdout)
    assert stats["totals"] == {
        "new_articles": 2,
        "new_versions": 1,
        "near_duplicates": 1,
        "exact_copies": 2,
        "skipped": 1,
        "failed": 2,
    }
    assert (
        "totals          new articles 2, new versions 1, near duplicates 1, exact copies 2, skipped 1, failed 2"
        in (runner.invoke(app, ["stats", "--db", str(db)]).stdout)
    )


def test_json_logs_every_line_on_stderr_and_quiet_says_nothing_when_nothing_is_new(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", tmp_path / "j.db"
    each_kind(folder)
    # Batches of two: the stages run in a worker process, whose output must be JSON too (it writes none).
    first = run_cli(
        ["ingest", str(folder), "--db", str(db), "--log-format", "json", "--quiet", "--batch-size", "2"]
    )
    assert first.returncode == 1 and first.stdout == ""
    lines = [json.loads(line) for line in first.stderr.splitlines()]
    assert all({"timestamp", "level", "event", "message"} <= set(x) for x in lines)
    assert all(x["timestamp"].endswith("+00:00") for x in lines)
    by_event: dict[str, list[dict[str, object]]] = {}
    for x in lines:
        by_event.setdefault(str(x["event"]), []).append(x)
    assert sorted(str(x["source"]) for x in by_event["failed"]) == [
        str(folder / "e_empty.txt"),
        str(folder / "f_stub.md"),
    ]
    assert [x["reason"] for x in by_event["skipped"]] == [
        "unsupported file type '.png'; name it on the command line to read it as text"
    ]
    assert by_event["note"][0]["missing_models"] == ["fr"] and by_event["note"][0]["level"] == "info"
    (summary,) = by_event["summary"]
    assert (
        summary["new_articles"],
        summary["near_duplicates"],
        summary["exact_copies"],
        summary["read"],
    ) == (2, 1, 2, 8)
    assert [x["level"] for x in by_event["failed"]] == ["warning", "warning"]
    # Nothing new, nothing failed (the failed files are unchanged): --quiet prints nothing, in either format.
    for fmt in ("json", "text"):
        again = run_cli(["ingest", str(folder), "--db", str(db), "--log-format", fmt, "-q"])
        assert (again.returncode, again.stdout, again.stderr) == (0, "", "")
    loud = run_cli(["ingest", str(folder), "--db", str(db), "--log-format", "json"])
    assert loud.stdout == "" and json.loads(loud.stderr)["message"].endswith("(nothing new)")


def test_json_logs_the_lock_refusal_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "l.db"
    with RunLock(db):
        refused = run_cli(["ingest", str(SAMPLES), "--db", str(db), "--log-format", "json"])
    assert refused.returncode == 75 and refused.stdout == ""
    (line,) = [json.loads(x) for x in refused.stderr.splitlines()]
    assert line["level"] == "error" and line["event"] == "error" and line["exit_code"] == 75
    assert line["message"].startswith("another polynews run holds l.db.lock (pid ")
    missing = run_cli(["ingest", str(tmp_path / "nope"), "--db", str(db), "--log-format", "json"])
    (line,) = [json.loads(x) for x in missing.stderr.splitlines()]
    assert missing.returncode == 2 and line["message"] == f"no such file or directory: {tmp_path / 'nope'}"


def test_log_format_is_text_or_json(runner: CliRunner, db: Path) -> None:
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(db), "--log-format", "xml"])
    assert result.exit_code == 2 and result.stderr == "Error: --log-format must be text or json, not 'xml'\n"
    assert not db.exists()


# -- the small ones ---------------------------------------------------------------------------------------------
def test_a_bad_line_in_a_urls_file_is_skipped_with_its_number(runner: CliRunner, tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text("# today's pages\n\nnot a url\nftp://example.org/x\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    shutil.copy(sample("004"), story)
    db = tmp_path / "u.db"
    result = runner.invoke(app, ["ingest", str(story), "--urls", str(urls), "--db", str(db)])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:2] == [
        f"skipped: {urls} line 3: not an http(s) URL: 'not a url'",
        f"skipped: {urls} line 4: not an http(s) URL: 'ftp://example.org/x'",
    ]
    assert (
        "new articles 1, new versions 0, near duplicates 0, exact copies 0, unchanged 0, skipped 2, failed 0 (3 read)"
        in (result.stdout)
    )
    run = json.loads(runner.invoke(app, ["runs", "--db", str(db), "--json"]).stdout)
    assert run["command"] == f"ingest {story} --urls {urls}"
    assert run["counts"]["errors"][0] == f"{urls} line 3: skipped: not an http(s) URL: 'not a url'"


@pytest.mark.parametrize(
    ("toml", "error"),
    [
        (
            "batchsize = 4\n",
            "unknown setting 'batchsize' in {path}; known: batch_size, db, executor, fetch, home, lang, ner, "
            "ray_address, read, translate, workers",
        ),
        ("[read]\nmax_byte = 5\n", "unknown setting [read] 'max_byte' in {path}; known: max_bytes"),
        ("read = 5\n", "invalid setting in {path}: read must be a [read] section"),
    ],
)
def test_misspelled_config_keys_are_rejected(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, toml: str, error: str
) -> None:
    path = tmp_path / "polynews.toml"
    path.write_text(toml, encoding="utf-8")
    monkeypatch.setenv("POLYNEWS_CONFIG", str(path))
    result = runner.invoke(app, ["ingest", str(SAMPLES), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and result.stderr == "Error: " + error.format(path=path) + "\n"


def test_every_command_takes_db_and_doctor_is_happy_on_a_fresh_install(
    runner: CliRunner, tmp_path: Path
) -> None:
    db = tmp_path / "fresh.db"
    listed = runner.invoke(app, ["models", "list", "--db", str(db), "--json"])
    assert listed.exit_code == 0 and any(m["kind"] == "spacy" for m in json.loads(listed.stdout))
    doctor = runner.invoke(app, ["doctor", "--db", str(db)])
    assert doctor.exit_code == 0 and "FAIL" not in doctor.stdout
    assert doctor.stdout.startswith(
        f"note  no database at {db} yet\n      the first run creates it: polynews ingest PATH --db {db}\n"
    )
    assert "note  translation models: none; articles in ar fr id are stored untranslated" in doctor.stdout


@pytest.mark.parametrize(
    "args", [[], ["stats"], ["search"], ["models", "list"], ["ingest"], ["events"], ["export"]]
)
def test_help_shows_no_type_after_flags(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, [*args, "--help"])
    assert result.exit_code == 0 and "<bool>" not in result.stdout
    if args in (["stats"], ["models", "list"]):
        json_line = next(line for line in result.stdout.splitlines() if "--json" in line)
        assert "One JSON" in json_line


def test_markdown_and_text_files_are_read_as_text(runner: CliRunner, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(sample("002"), folder / "fr.md")
    shutil.copy(sample("004"), folder / "en.text")
    (folder / "tiny.md").write_bytes(b"x")
    db = tmp_path / "m.db"
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f"failed: {folder / 'tiny.md'}: too short to be an article (1 letters; an article has at least 20)"
    )
    with sqlite3.connect(db) as conn:
        stored = {
            Path(s).name for (s,) in conn.execute("SELECT source FROM articles WHERE status = 'stored'")
        }
    assert stored == {"fr.md", "en.text"}


# -- cron and datasette ------------------------------------------------------------------------------------------
def test_the_readme_cron_and_systemd_lines_run_under_crons_environment(tmp_path: Path) -> None:
    """cron runs a line with /bin/sh and PATH=/usr/bin:/bin (plus HOME, SHELL, LOGNAME): the installed command is
    named by its absolute path. The README's placeholder install folder is replaced by this one's."""
    installed = Path(sys.executable).parent / "polynews"
    if not installed.exists():
        pytest.skip("polynews is not installed in this environment (make install)")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    cron = [x for x in readme.splitlines() if x.startswith("*/15 * * * *")]
    service = next(x for x in readme.splitlines() if x.startswith("ExecStart="))
    assert cron and all(" && /opt/polynews/.venv/bin/polynews ingest " in x for x in cron)
    assert service.startswith("ExecStart=/opt/polynews/.venv/bin/polynews ingest ")
    news = tmp_path / "news"
    shutil.copytree(SAMPLES, news)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}

    def concrete(command: str) -> str:
        return (
            command.replace("/opt/polynews/.venv/bin/polynews", str(installed))
            .replace("/srv/news", str(news))
            .replace("/var/lib/polynews", str(tmp_path))
        )

    command = concrete(cron[0].split(None, 5)[5])
    for _ in range(2):
        done = subprocess.run(["/bin/sh", "-c", command], env=env, cwd="/", capture_output=True, text=True)
        assert done.returncode == 0, (tmp_path / "polynews.log").read_text(encoding="utf-8")
    log = [json.loads(x) for x in (tmp_path / "polynews.log").read_text(encoding="utf-8").splitlines()]
    # The second run found nothing new and, --quiet, wrote nothing.
    assert [x["event"] for x in log] == ["note", "summary"] and log[1]["new_articles"] == 4
    exec_start = concrete(service.removeprefix("ExecStart="))
    done = subprocess.run(
        ["/bin/sh", "-c", exec_start], env=env, cwd=tmp_path, capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
    with sqlite3.connect(tmp_path / "polynews.db") as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM sightings").fetchone()[0] == 5


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_datasette_offers_full_text_search_on_articles(samples_db: Path) -> None:
    pytest.importorskip("datasette")
    port = _free_port()
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "datasette",
            "serve",
            str(samples_db),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}/{samples_db.stem}/articles.json"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}?_search=Quanzhou&_shape=objects", timeout=5) as r:
                    body = json.load(r)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.3)
    finally:
        server.terminate()
        server.wait(timeout=30)
    with sqlite3.connect(samples_db) as conn:
        want = {
            r for (r,) in conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Quanzhou'")
        }
    assert want and {row["id"] for row in body["rows"]} == want
