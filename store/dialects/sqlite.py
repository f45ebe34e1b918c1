"""SQLite: the embedded default. The hot path uses the sqlite3 connection as it is (``?`` placeholders)."""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session


class SQLite:
    name = "sqlite"
    cache_order = "rowid"

    def raw(self, s: Session) -> sqlite3.Connection:
        conn: sqlite3.Connection = s.connection().connection.driver_connection  # type: ignore[assignment]
        return conn

    def before_write(self, s: Session) -> None:
        # An INTEGER PRIMARY KEY without AUTOINCREMENT takes max(id) + 1: a rolled-back batch leaves no gap.
        return None

    def insert(self, table: Any) -> Any:
        return sqlite_insert(table)


DIALECT = SQLite()
