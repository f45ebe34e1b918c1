"""Whole runs through the CLI on real files: idempotency, sightings, failures stored, nothing lost."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from cli import app

from .conftest import sample


def ingest(runner: CliRunner, db: Path, *paths: Path | str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *map(str, paths), "--db", str(db)])
    return result.exit_code, result.output


def count(db: Path, sql: str) -> int:
    with sqlite3.connect(db) as conn:
        return int(conn.execute(sql).fetchone()[0])


def test_second_run_stores_nothing_new_and_says_so(runner: CliRunner, samples: Path, db: Path) -> None:
    code, out = ingest(runner, db, samples)
    assert (
        code == 0
        and "new articles 4, new versions 0, near duplicates 1, exact copies 0, unchanged 0, skipped 0, failed 0 (5 read)"
        in out
    )
    assert "note: no translation model for ar fr id -> en" in out
    code, out = ingest(runner, db, samples)
    assert (
        code == 0
        and "new articles 0, new versions 0, near duplicates 0, exact copies 0, unchanged 5, skipped 0, failed 0 (5 read)"
        in out
        and "(nothing new)" in out
    )
    assert count(db, "SELECT count(*) FROM articles") == 5
    assert count(db, "SELECT count(*) FROM sightings") == 5
    assert count(db, "SELECT count(*) FROM runs WHERE status = 'ok'") == 2


def test_same_text_under_two_paths_is_one_article_two_sightings(
    runner: CliRunner, tmp_path: Path, db: Path
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    shutil.copy(sample("004"), a / "forum.txt")
    # A syndicated copy: same text, other whitespace and an invisible mark.
    text = (
        sample("004").read_text(encoding="utf-8").replace("Quanzhou", "Quan\u200bzhou").replace("\n", "\r\n")
    )
    (b / "copy.txt").write_text(text, encoding="utf-8")
    code, out = ingest(runner, db, a, b)
    assert code == 0 and "new articles 1, new versions 0, near duplicates 0, exact copies 1," in out
    assert count(db, "SELECT count(*) FROM articles") == 1
    assert count(db, "SELECT count(*) FROM sightings") == 2
    exported = json.loads(runner.invoke(app, ["export", "--db", str(db)]).output.splitlines()[0])
    assert [Path(s).name for s in exported["sources"]] == ["forum.txt", "copy.txt"]


def test_bad_files_are_stored_with_reasons_and_the_run_goes_on(
    runner: CliRunner, samples: Path, db: Path
) -> None:
    (samples / "empty.txt").write_bytes(b"")
    (samples / "blank.txt").write_text("  \n\t\n", encoding="utf-8")
    (samples / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (samples / "nav.html").write_text(
        "<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8"
    )
    (samples / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (samples / "ar-cp1256.txt").write_bytes(
        "خبر عاجل: ".encode("cp1256") + sample("000").read_text(encoding="utf-8").encode("cp1256")
    )
    code, out = ingest(runner, db, samples)
    assert code == 1
    # The cp1256 file is sample 000 with a prefix (a near-duplicate of it); 003 is a translation of 004.
    assert (
        "new articles 4, new versions 0, near duplicates 2, exact copies 0, unchanged 0, skipped 1, failed 4 (11 read)"
        in out
    )
    lines = set(out.splitlines())
    assert f"failed: {samples / 'empty.txt'}: empty file (0 bytes)" in lines
    assert f"failed: {samples / 'blank.txt'}: empty file (whitespace only)" in lines
    assert f"failed: {samples / 'image.txt'}: binary file (PNG image), not text" in lines
    assert (
        f"failed: {samples / 'nav.html'}: no article text found in the HTML (only 1 words extracted)" in lines
    )
    assert any(
        line.startswith(f"skipped: {samples / 'photo.png'}: unsupported file type '.png'") for line in lines
    )
    with sqlite3.connect(db) as conn:
        rows = dict(
            conn.execute("SELECT source, status || ': ' || error FROM articles WHERE status != 'stored'")
        )
        enc = conn.execute(
            "SELECT encoding, lang, status FROM articles WHERE source LIKE '%ar-cp1256.txt'"
        ).fetchone()
    assert rows[str(samples / "image.txt")] == "failed: binary file (PNG image), not text"
    assert enc == ("cp1256", "ar", "duplicate")
    # Running again changes nothing and duplicates nothing.
    code, out = ingest(runner, db, samples)
    assert (
        "new articles 0, new versions 0, near duplicates 0, exact copies 0, unchanged 11, skipped 0, failed 0 (11 read)"
        in out
        and code == 0
    )
    assert count(db, "SELECT count(*) FROM articles") == 11


def test_a_fixed_file_replaces_its_failure_and_a_broken_file_keeps_its_article(
    runner: CliRunner, tmp_path: Path, db: Path
) -> None:
    f = tmp_path / "news.txt"
    f.write_bytes(b"")
    assert ingest(runner, db, f)[0] == 1
    failed_id = count(db, "SELECT id FROM articles")
    shutil.copy(sample("002"), f)
    code, out = ingest(runner, db, f)
    assert code == 0 and "new articles 1," in out
    assert count(db, "SELECT count(*) FROM articles") == 1
    assert count(db, "SELECT id FROM articles WHERE status = 'stored'") == failed_id
    f.write_bytes(b"\x7fELF\x02\x01\x01" + bytes(50))
    code, out = ingest(runner, db, f)
    assert code == 1 and "binary file (ELF executable), not text" in out
    assert count(db, "SELECT count(*) FROM articles WHERE status = 'stored'") == 1  # nothing lost
    assert count(db, "SELECT count(*) FROM sightings WHERE status = 'failed'") == 1
