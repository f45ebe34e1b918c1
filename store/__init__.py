"""Storage: SQLAlchemy schema and Alembic migrations on SQLite or PostgreSQL (store/dialects), per-article
writes, queries and search."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from store.db import connect, current_revision, head_revision
    from store.queries import EXPORT_KEYS, get_article, iter_export, search, stats
    from store.writer import KnownSource, Outcome, Writer

# Importing the package imports none of its modules: each name is imported on first use (PEP 562), so that
# `polynews stats` or `--version`, which need ingest.errors or store's read path, do not pay for trafilatura,
# spaCy, Alembic or the ORM (bench/startup_bench.py). Where each exported name lives:
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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
