"""The schema revisions this code knows, read from the migration files without importing Alembic or SQLAlchemy:
every command that opens a database asks, and a query's whole start-up budget is 0.3 s (bench/startup_bench.py).
tests/test_store.py checks both answers against Alembic's own."""

from __future__ import annotations

import functools
import re
from pathlib import Path

MIGRATIONS = Path(__file__).parent / "migrations"

_REVISION = re.compile(r'^(down_)?revision\b[^=]*=\s*(?:"([^"]*)"|None)', re.MULTILINE)


@functools.cache
def _revisions() -> tuple[frozenset[str], frozenset[str]]:
    """(revisions, revised) named in the migration files, read once per process."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        for down, rev in _REVISION.findall(path.read_text(encoding="utf-8")):
            if rev:
                (revised if down else revisions).add(rev)
    return frozenset(revisions), frozenset(revised)


def head_revision() -> str | None:
    """The newest migration's revision: the one no other revises."""
    revisions, revised = _revisions()
    heads = sorted(revisions - revised)
    return heads[0] if len(heads) == 1 else None


def known_revisions() -> frozenset[str]:
    """Every revision this code has a migration for: a database at any of them is polynews's own."""
    return _revisions()[0]
