"""Reading: the Article record, the error tree, sources (folders, files) and readers (txt, html, json)."""

from ingest.errors import PolynewsError
from ingest.readers import ReadOptions, read_document
from ingest.record import Article, Entity, Fact
from ingest.sources import Source, iter_sources, read_bytes

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
