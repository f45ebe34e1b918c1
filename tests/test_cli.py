"""The commands through typer's CliRunner: exit codes and the exact error text."""

from __future__ import annotations

import json
import re
from pathlib import Path

from typer.testing import CliRunner

from cli import app
from store.queries import EXPORT_KEYS

README = Path(__file__).resolve().parent.parent / "README.md"


def test_missing_path_is_a_usage_error(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path / "nope"), "--db", str(db)])
    assert result.exit_code == 2
    assert result.stderr == f"Error: no such file or directory: {tmp_path / 'nope'}\n"


def test_empty_file_fails_with_exit_1(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(empty), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"failed: {empty}: empty file (0 bytes)"
    assert result.stdout.splitlines()[-1].startswith(
        "new articles 0, new versions 0, near duplicates 0, exact copies 0, unchanged 0, skipped 0, failed 1 (1 read) in "
    )


def test_binary_file_fails_with_exit_1(runner: CliRunner, db: Path, tmp_path: Path) -> None:
    png = tmp_path / "picture.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    result = runner.invoke(app, ["ingest", str(png), "--db", str(db)])
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == f"failed: {png}: binary file (PNG image), not text"


def test_search_and_malformed_query(runner: CliRunner, samples_db: Path) -> None:
    ok = runner.invoke(app, ["search", "Quanzhou", "--db", str(samples_db), "--json"])
    assert ok.exit_code == 0
    hits = [json.loads(line) for line in ok.stdout.splitlines()]
    # The Indonesian article is a translation (duplicate) of the English one: one hit for both by default.
    assert [(h["lang"], h["copies"]) for h in hits] == [("en", 2)] and "[Quanzhou]" in hits[0]["snippet"]
    every = runner.invoke(app, ["search", "Quanzhou", "--db", str(samples_db), "--json", "--all-copies"])
    hits = [json.loads(line) for line in every.stdout.splitlines()]
    assert {h["lang"] for h in hits} == {"en", "id"} and all("[Quanzhou]" in h["snippet"] for h in hits)
    fr = runner.invoke(app, ["search", "conference", "--lang", "fr", "--db", str(samples_db)])
    assert fr.exit_code == 0 and "Sichuan : ouverture" in fr.stdout  # diacritics folded: conférence
    bad = runner.invoke(app, ["search", '"unclosed', "--db", str(samples_db)])
    assert bad.exit_code == 2
    assert bad.stderr == (
        'Error: malformed search query \'"unclosed\' (unterminated string); quote phrases with "..." and use '
        "AND, OR, NOT\n"
    )


def test_search_without_database(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "x", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert (
        result.stderr
        == f"Error: no database at {tmp_path / 'none.db'}; run: polynews ingest PATH --db {tmp_path / 'none.db'}\n"
    )


def test_show_stats_export(runner: CliRunner, samples_db: Path, tmp_path: Path) -> None:
    shown = runner.invoke(app, ["show", "5", "--db", str(samples_db)])
    assert (
        shown.exit_code == 0
        and "Shen Haixiong (PERSON)" in shown.stdout
        and "published   2024-12-06 (day)" in shown.stdout
    )
    assert (
        runner.invoke(app, ["show", "999", "--db", str(samples_db)]).stderr
        == "Error: no article with id 999\n"
    )
    stats = json.loads(runner.invoke(app, ["stats", "--db", str(samples_db), "--json"]).stdout)
    assert stats["articles"] == 5 and stats["by_lang"] == {"ar": 1, "en": 2, "fr": 1, "id": 1}
    out = tmp_path / "all.jsonl"
    assert (
        runner.invoke(
            app, ["export", "--format", "jsonl", "--out", str(out), "--db", str(samples_db)]
        ).exit_code
        == 0
    )
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 5 and all(tuple(r) == EXPORT_KEYS for r in rows)
    csv_out = runner.invoke(app, ["export", "--format", "csv", "--db", str(samples_db)])
    assert csv_out.exit_code == 0 and csv_out.stdout.splitlines()[0] == ",".join(EXPORT_KEYS)
    assert runner.invoke(app, ["export", "--format", "xml", "--db", str(samples_db)]).exit_code == 2


def test_models_list_without_translation_models(runner: CliRunner) -> None:
    result = runner.invoke(app, ["models", "list"])
    assert result.exit_code == 0
    assert re.search(r"^spacy\s+en_core_web_sm\w*\s+3\.8", result.stdout, re.MULTILINE)
    assert "no translation models installed" in result.stdout


def test_every_command_is_in_the_readme() -> None:
    readme = README.read_text(encoding="utf-8")
    commands = [c.name or c.callback.__name__ for c in app.registered_commands] + ["models list"]
    for name in commands:
        assert f"polynews {name}" in readme, f"`polynews {name}` is not documented in the README"
