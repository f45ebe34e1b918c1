"""Start-up: what each command imports, read from sys.modules in a fresh interpreter (the times themselves are
in bench/startup_bench.py, never in a test)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

ROOT = Path(__file__).resolve().parent.parent

# What a run needs and a query does not: each costs 0.1-3 s to import.
RUN_ONLY = (
    "spacy",
    "thinc",
    "torch",
    "trafilatura",
    "alembic",
    "httpx",
    "feedparser",
    "numpy",
    "argostranslate",
)


def imported_by(*argv: str) -> tuple[set[str], str]:
    """The top-level modules a fresh interpreter holds after `polynews ARGV` (or after `import cli` alone
    when ARGV is empty), and what the command printed."""
    script = (
        "import sys, io, contextlib, json\n"
        f"sys.argv = ['polynews', *{list(argv)!r}]\n"
        "import cli\n"
        "buf = io.StringIO()\n"
        "with contextlib.redirect_stdout(buf):\n"
        "    try:\n"
        "        cli.main() if len(sys.argv) > 1 else None\n"
        "    except SystemExit:\n"
        "        pass\n"
        "print(json.dumps(sorted({m.split('.')[0] for m in sys.modules})))\n"
        "print(buf.getvalue(), end='')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120, check=True
    )
    first, _, printed = done.stdout.partition("\n")
    return set(json.loads(first)), printed


def test_importing_the_cli_imports_no_stage() -> None:
    modules, _ = imported_by()
    assert not modules & {*RUN_ONLY, "sqlalchemy", "rich", "pydantic"}


def test_version_imports_no_stage_and_no_rich() -> None:
    modules, printed = imported_by("--version")
    assert printed.startswith("polynews ")
    assert not modules & {*RUN_ONLY, "sqlalchemy", "rich", "pydantic"}


def test_stats_runs_on_sqlite3_alone(samples_db: Path) -> None:
    modules, printed = imported_by("stats", "--db", str(samples_db), "--json")
    assert json.loads(printed)["articles"] == 5
    assert not modules & {*RUN_ONLY, "sqlalchemy", "rich", "pydantic"}


@pytest.mark.parametrize("argv", [["search", "audiovisual"], ["show", "1"], ["runs"], ["doctor"]])
def test_queries_and_doctor_import_no_stage(samples_db: Path, argv: list[str]) -> None:
    modules, printed = imported_by(*argv, "--db", str(samples_db))
    assert printed.strip()
    assert not modules & set(RUN_ONLY)


def test_models_list_does_not_import_spacy() -> None:
    modules, printed = imported_by("models", "list")
    assert "spacy" in printed  # the spaCy pipelines are listed from their packages' metadata
    assert not modules & set(RUN_ONLY)


def test_stats_on_sqlite3_is_the_engines_stats(runner: CliRunner, samples_db: Path) -> None:
    from store.db import connect
    from store.queries import stats

    result = runner.invoke(app, ["stats", "--db", str(samples_db), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == stats(connect(samples_db, migrate=False))


def test_stats_falls_back_to_the_full_open(runner: CliRunner, tmp_path: Path) -> None:
    """Anything the fast read-only path does not take gets the full open's one line: no database, an empty
    SQLite file (a query never creates a schema: issue 17)."""
    import sqlite3

    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: no database at {tmp_path / 'none.db'}")
    blank = tmp_path / "blank.db"
    sqlite3.connect(blank).close()  # an empty SQLite file: no alembic_version, so not read read-only
    result = runner.invoke(app, ["stats", "--db", str(blank), "--json"])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"Error: no polynews data at {blank}")
    assert blank.stat().st_size == 0
