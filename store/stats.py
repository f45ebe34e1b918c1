"""`polynews stats`: the database's counts in plain SQL over a DB-API connection.

Plain SQL, not the ORM, so that the command can run on the standard library's sqlite3 alone: importing
SQLAlchemy costs 0.3 s, more than the whole start-up budget of a query (bench/startup_bench.py). The same
function serves `store.queries.stats(engine)` through the engine's raw connection, so there is one set of
counts whatever opened the database.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

# Articles that are texts in the database (failed and skipped sources have a row too, with their reason).
_TEXTS = "status IN ('stored', 'duplicate')"


def open_read_only(path: str | Path) -> sqlite3.Connection:
    """The polynews database at ``path`` at the newest schema, read-only (a query never writes, never creates a
    file, never migrates: store/guard.py). Raises sqlite3.Error for anything else (no file, another program's
    file, an older schema); the caller then takes the full read-only open (store.db.connect), which says why in
    one line."""
    from ingest.errors import PolynewsError
    from store.guard import connect_readonly, inspect
    from store.revisions import head_revision, known_revisions

    try:
        found = inspect(Path(path), known_revisions())
    except PolynewsError as exc:
        raise sqlite3.DatabaseError(str(exc)) from exc
    if found.state != "polynews" or found.revision != head_revision():
        raise sqlite3.DatabaseError(f"{path}: not a polynews database at the newest schema")
    return connect_readonly(Path(path))


def _rows(conn: Any, sql: str) -> list[tuple[Any, ...]]:
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return [tuple(r) for r in cur.fetchall()]
    finally:
        cur.close()


def _count(conn: Any, table: str) -> int:
    return int(_rows(conn, f"SELECT count(*) FROM {table}")[0][0])


def stats(conn: Any) -> dict[str, Any]:
    """Counts by status, language and translation status, and the sizes of the other tables. ``conn`` is a
    DB-API connection: sqlite3's, or an engine's ``raw_connection()``."""
    # Ordered, so that the output is the same on any engine (PostgreSQL's GROUP BY hashes).
    by_status = dict(_rows(conn, "SELECT status, count(*) FROM articles GROUP BY status ORDER BY status"))
    by_lang = dict(
        _rows(
            conn,
            f"SELECT lang, count(*) FROM articles WHERE {_TEXTS} GROUP BY lang ORDER BY lang NULLS FIRST",
        )
    )
    by_translation = dict(
        _rows(
            conn,
            f"SELECT translation_status, count(*) FROM articles WHERE {_TEXTS} GROUP BY translation_status "
            "ORDER BY translation_status NULLS FIRST",
        )
    )
    sightings, sighted_articles = _rows(
        conn, "SELECT count(*), count(DISTINCT article_id) FROM sightings WHERE status = 'ok'"
    )[0]
    return {
        "articles": sum(by_status.values()),
        # What the database holds, under the names of a run's counts (store/counts.py): every run's new
        # articles, near duplicates, versions and exact copies that are still there, and the sources that
        # are skipped or failed now (a fixed file's failure becomes its article).
        "totals": {
            "new_articles": by_status.get("stored", 0),
            "new_versions": _count(conn, "article_versions"),
            "near_duplicates": by_status.get("duplicate", 0),
            "exact_copies": int(sightings) - int(sighted_articles),
            "skipped": by_status.get("skipped", 0),
            "failed": by_status.get("failed", 0),
        },
        "by_status": by_status,
        "by_lang": {k or "und": v for k, v in by_lang.items()},
        "by_translation": {k or "none": v for k, v in by_translation.items()},
        "sightings": _count(conn, "sightings"),
        "entities": _count(conn, "entities"),
        "facts": _count(conn, "facts"),
        "stories": _count(conn, "stories"),
        "runs": _count(conn, "runs"),
    }
