"""Reading: the Article record, the error tree, sources (folders, files) and readers (txt, html, json)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.lazy import lazy_exports

if TYPE_CHECKING:
    from ingest.errors import PolynewsError
    from ingest.readers import ReadOptions, read_document
    from ingest.record import Article, Entity, Fact
    from ingest.sources import Source, iter_sources, read_bytes

# Each name is imported on first use (ingest/lazy.py: start-up time). Where each exported name lives:
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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
