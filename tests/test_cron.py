"""Cron-grade operation with real processes, files and SQLite: bad input, changed files, locking, SIGKILL."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from tests.devset import build

from .conftest import ROOT, SAMPLES, sample

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]


def make_bad_corpus(folder: Path) -> dict[str, str]:
    """Every kind of bad input named in the issue; returns file name -> expected status: reason."""
    folder.mkdir(parents=True)
    ar = sample("000").read_text(encoding="utf-8")
    fr = sample("002").read_text(encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text(" \n\t \n", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (folder / "program.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(200))
    (folder / "utf16-bom.txt").write_bytes(fr.replace("Chengdu", "Chengdu-UTF16").encode("utf-16"))
    (folder / "arabic-cp1256.txt").write_bytes(("عاجل " + ar).encode("cp1256"))
    (folder / "french-latin1.txt").write_bytes(fr.replace("Sichuan", "Sichuan-latin1").encode("latin-1"))
    good = fr.replace("Chengdu", "Chengdu-bytes").encode("utf-8")
    (folder / "invalid-utf8.txt").write_bytes(good[:800] + b"\xff\xfe\xfa" + good[800:])
    (folder / "truncated.html").write_bytes(
        b"<html><head><title>Cut</title></head><body><article><p>" + sample("001").read_bytes()[:3000]
    )
    (folder / "no-article.html").write_text(
        "<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>", encoding="utf-8"
    )
    with open(folder / "huge.txt", "wb") as fh:  # 50 MB: refused on its size, never read into memory
        fh.seek(50_000_000 - 1)
        fh.write(b"x")
    (folder / "one-line.txt").write_text("word " * 400_000, encoding="utf-8")  # 2 MB, no newline
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "dangling.txt").symlink_to(folder / "nowhere.txt")
    unreadable = folder / "unreadable.txt"
    unreadable.write_text("secret", encoding="utf-8")
    unreadable.chmod(0)  # root reads it anyway: then it is an ordinary (short) file
    (folder / "name with spaces é ü.txt").write_text(
        fr.replace("Chengdu", "Chengdu-spaces"), encoding="utf-8"
    )
    (folder / "new\nline.txt").write_text(
        sample("001").read_text(encoding="utf-8").replace("March", "Mars"), encoding="utf-8"
    )
    return {
        "unreadable.txt": "failed: " + ("unreadable: permission denied" if os.geteuid() != 0 else "ROOT"),
        "empty.txt": "failed: empty file (0 bytes)",
        "blank.txt": "failed: empty file (whitespace only)",
        "image.txt": "failed: binary file (PNG image), not text",
        "program.txt": "failed: binary file (ELF executable), not text",
        "no-article.html": "failed: no article text found in the HTML (only 2 words extracted)",
        "huge.txt": "failed: file too large (50.0 MB; the limit is 20 MB, set by --max-bytes)",
        "loop-a.txt": "failed: unreadable: symlink loop",
        "loop-b.txt": "failed: unreadable: symlink loop",
        "dangling.txt": "failed: unreadable: file vanished or is a broken symlink",
        "utf16-bom.txt": "ok",
        "arabic-cp1256.txt": "ok",
        "french-latin1.txt": "ok",
        "invalid-utf8.txt": "ok",
        "truncated.html": "ok",
        "one-line.txt": "ok",
        "name with spaces é ü.txt": "ok",
        "new\nline.txt": "ok",
    }


def test_bad_input_corpus(tmp_path: Path, runner: CliRunner) -> None:
    corpus = tmp_path / "bad"
    expected = make_bad_corpus(corpus)
    shutil.copytree(SAMPLES, corpus / "samples")
    db = tmp_path / "bad.db"
    result = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    assert result.exit_code == 1
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT s.source, a.status, a.error, a.encoding FROM sightings s JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    # Readable variants of the samples are stored; which copy is the original depends on file order.
    got = {
        Path(src).name: (
            "ok" if status in ("stored", "duplicate") else status + (f": {error}" if error else "")
        )
        for src, status, error, _ in rows
    }
    for name, want in expected.items():
        if (
            want == "failed: ROOT"
        ):  # running as root: permissions do not stop reads; stored or failed, not lost
            assert name in got
            continue
        assert got[name] == want, name
    encodings = {Path(src).name: enc for src, _, _, enc in rows}
    assert encodings["arabic-cp1256.txt"] == "cp1256" and encodings["utf16-bom.txt"] == "utf-16"
    assert encodings["invalid-utf8.txt"] == "utf-8 (3 invalid bytes replaced)"
    failed = sum(1 for v in expected.values() if v.startswith("failed") and v != "failed: ROOT")
    failed += got["unreadable.txt"].startswith("failed")
    assert f"failed {failed} (" in result.stdout.splitlines()[-1]
    with sqlite3.connect(db) as conn:
        errors = json.loads(conn.execute("SELECT counts FROM runs").fetchone()[0])["errors"]
    assert f"{corpus / 'empty.txt'}: failed: empty file (0 bytes)" in errors
    for name, want in expected.items():
        if want.startswith("failed") and want != "failed: ROOT":
            assert f"failed: {corpus / name}: {want[8:]}" in result.stdout
    # A second run: nothing read again that did not change, nothing duplicated.
    again = runner.invoke(app, ["ingest", str(corpus), "--db", str(db)])
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == len({r[0] for r in rows}) - 0
    assert "new articles 0, new versions 0, near duplicates 0, exact copies 0," in again.stdout


def test_changed_file_is_a_new_version_not_a_new_article(tmp_path: Path, runner: CliRunner) -> None:
    f = tmp_path / "in" / "story.txt"
    f.parent.mkdir()
    shutil.copy(sample("004"), f)
    db = tmp_path / "v.db"
    runner.invoke(app, ["ingest", str(f.parent), "--db", str(db)])
    text = f.read_text(encoding="utf-8")
    f.write_text(text.replace("around 200 representatives", "around 230 representatives"), encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(f.parent), "--db", str(db)])
    assert "new articles 0, new versions 1, near duplicates 0, exact copies 0," in result.stdout
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1
        assert "230 representatives" in conn.execute("SELECT text FROM articles").fetchone()[0]
        old = conn.execute("SELECT version, text FROM article_versions").fetchall()
    assert len(old) == 1 and old[0][0] == 1 and "200 representatives" in old[0][1]
    os.utime(f, ns=(time.time_ns(), time.time_ns()))  # touched, not changed
    assert "unchanged 1" in runner.invoke(app, ["ingest", str(f.parent), "--db", str(db)]).stdout


def _run(args: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    return subprocess.run([*POLYNEWS, *args], capture_output=True, text=True, cwd=ROOT, env=env, **kw)  # type: ignore[call-overload]


def test_second_run_exits_at_once_while_the_first_holds_the_lock(tmp_path: Path) -> None:
    from store.lock import RunLock

    db = tmp_path / "locked.db"
    with RunLock(db):
        started = time.perf_counter()
        result = _run(["ingest", str(SAMPLES), "--db", str(db)])
        assert time.perf_counter() - started < 15
        assert result.returncode == 75
        assert result.stderr.startswith("Error: another polynews run holds locked.db.lock (pid ")
        assert result.stderr.rstrip().endswith("Try again later, or wait with --wait SECONDS")
        waited = _run(["ingest", str(SAMPLES), "--db", str(db), "--wait", "0.5"])
        assert waited.returncode == 75
    assert not db.exists() or sqlite3.connect(db).execute("SELECT count(*) FROM runs").fetchone()[0] == 0


def _content(db: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(db) as conn:
        return [
            *conn.execute(
                "SELECT id, content_hash, status, duplicate_of, story_id, lang, title, translation_status "
                "FROM articles ORDER BY id"
            ),
            *conn.execute("SELECT article_id, source FROM sightings ORDER BY location"),
            *conn.execute("SELECT article_id, text, label, canonical FROM entities ORDER BY id"),
            *conn.execute("SELECT id, representative_id, languages, member_count FROM stories ORDER BY id"),
        ]


def test_sigkill_at_any_moment_then_rerun_equals_one_clean_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    build(corpus)
    clean, killed = tmp_path / "clean.db", tmp_path / "killed.db"
    assert _run(["ingest", str(corpus), "--db", str(clean), "-q", "--batch-size", "4"]).returncode == 0
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    for delay in (4.0, 6.0):  # mid-run: models loaded, some articles committed, others in flight
        proc = subprocess.Popen(
            [*POLYNEWS, "ingest", str(corpus), "--db", str(killed), "-q", "--batch-size", "4"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    final = _run(["ingest", str(corpus), "--db", str(killed), "-q", "--batch-size", "4"])
    assert final.returncode == 0, final.stdout + final.stderr
    assert _content(killed) == _content(clean)
    with sqlite3.connect(killed) as conn:
        statuses = [s for (s,) in conn.execute("SELECT status FROM runs ORDER BY id")]
    assert statuses[-1] == "ok" and "running" not in statuses


def test_runs_and_doctor(runner: CliRunner, samples_db: Path) -> None:
    runs = runner.invoke(app, ["runs", "--db", str(samples_db), "--json"])
    assert runs.exit_code == 0
    first = json.loads(runs.stdout.splitlines()[-1])
    assert (
        first["status"] == "ok"
        and first["counts"]["new_articles"] == 4
        and first["counts"]["near_duplicates"] == 1
    )
    assert first["version"]
    doctor = runner.invoke(app, ["doctor", "--db", str(samples_db)])
    assert "ok    database" in doctor.stdout and "ok    no run in progress" in doctor.stdout
    # No translation model is the normal state of a fresh install: a note, not a failure.
    assert (
        "note  translation models: none; articles in ar fr id are stored untranslated (status missing-model)\n"
        "      to translate them: polynews models install ar fr id (online)" in doctor.stdout
    )
    assert "FAIL" not in doctor.stdout and doctor.exit_code == 0
