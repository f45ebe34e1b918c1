"""Reading: the Article record, the error tree, sources (folders, files) and readers (txt, html, json)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ingest.errors import PolynewsError
    from ingest.readers import ReadOptions, read_document
    from ingest.record import Article, Entity, Fact
    from ingest.sources import Source, iter_sources, read_bytes

# Importing the package imports none of its modules: each name is imported on first use (PEP 562), so that
# `polynews stats` or `--version`, which need ingest.errors or store's read path, do not pay for trafilatura,
# spaCy, Alembic or the ORM (bench/startup_bench.py). Where each exported name lives:
_WHERE = {
    "Article": "ingest.record",
    "Entity": "ingest.record",
    "Fact": "ingest.record",
    "PolynewsError": "ingest.errors",
    "ReadOptions": "ingest.readers",
    "Source": "ingest.sources",
    "iter_sources": "ingest.sources",
    "read_bytes": "ingest.sources",
    "read_document": "ingest.readers",
}

__all__ = [
    "Article",
    "Entity",
    "Fact",
    "PolynewsError",
    "ReadOptions",
    "Source",
    "iter_sources",
    "read_bytes",
    "read_document",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
