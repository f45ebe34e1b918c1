"""Storage: SQLAlchemy schema and Alembic migrations on SQLite or PostgreSQL (store/dialects), per-article
writes, queries and search."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.lazy import lazy_exports

if TYPE_CHECKING:
    from store.db import connect, current_revision, head_revision
    from store.queries import EXPORT_KEYS, get_article, iter_export, search, stats
    from store.writer import KnownSource, Outcome, Writer

# Each name is imported on first use (ingest/lazy.py: start-up time). Where each exported name lives:
_WHERE = {
    "EXPORT_KEYS": "store.queries",
    "KnownSource": "store.writer",
    "Outcome": "store.writer",
    "Writer": "store.writer",
    "connect": "store.db",
    "current_revision": "store.db",
    "get_article": "store.queries",
    "head_revision": "store.db",
    "iter_export": "store.queries",
    "search": "store.queries",
    "stats": "store.queries",
}

__all__ = [
    "EXPORT_KEYS",
    "KnownSource",
    "Outcome",
    "Writer",
    "connect",
    "current_revision",
    "get_article",
    "head_revision",
    "iter_export",
    "search",
    "stats",
]

__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
