"""Storage: SQLAlchemy schema and Alembic migrations on SQLite or PostgreSQL (store/dialects), per-article
writes, queries and search."""

from store.db import connect, current_revision, head_revision
from store.queries import EXPORT_KEYS, get_article, iter_export, search, stats
from store.writer import KnownSource, Outcome, Writer

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
