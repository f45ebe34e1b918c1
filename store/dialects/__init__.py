"""What differs between SQLite and PostgreSQL, in one place per dialect: the raw connection the matching hot
path speaks to, identifiers after a killed transaction, the translation cache's insertion order, upserts,
full-text search and the one-run-at-a-time lock. Everything else in store/ is plain SQLAlchemy (or SQL both
engines read the same way: ``INSERT ... ON CONFLICT``, ``RETURNING``).

Anchor: SQLAlchemy's and Alembic's own dialect modules, chosen by the engine's dialect name.
"""

from __future__ import annotations

from typing import Any, Protocol

from sqlalchemy import Engine
from sqlalchemy.orm import Session


class Raw(Protocol):
    """A DB-API connection inside the session's transaction, with ``?`` placeholders on either engine."""

    def execute(self, sql: str, params: Any = ..., /) -> Any: ...

    def executemany(self, sql: str, rows: Any, /) -> Any: ...


class Dialect(Protocol):
    name: str
    cache_order: str
    """The translation cache's insertion-order column (SQLite's rowid; a sequence on PostgreSQL)."""

    def raw(self, s: Session) -> Raw: ...

    def before_write(self, s: Session) -> None:
        """Called at the start of each write transaction (see the PostgreSQL module)."""

    def insert(self, table: Any) -> Any:
        """The dialect's INSERT construct, with ``on_conflict_do_nothing``."""


def of(engine: Engine | Session) -> Dialect:
    bind = engine.get_bind() if isinstance(engine, Session) else engine
    name = bind.dialect.name
    if name == "postgresql":
        from store.dialects import postgresql

        return postgresql.DIALECT
    from store.dialects import sqlite

    return sqlite.DIALECT
