"""Named entities and their canonical names (spaCy, a gazetteer, acronyms), and event facts."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from extract.canonical import canonical_name, fold
    from extract.dates import When, find_dates, resolve
    from extract.facts import FactExtractor, FactOptions, FactStage, acronyms
    from extract.gazetteer import Gazetteer, Place, canonical_place, gazetteer
    from extract.ner import NAME_LABELS, NerOptions, NerStage, load_pipeline, resolve_model_name

# Importing the package imports none of its modules: each name is imported on first use (PEP 562), so that
# `polynews stats` or `--version`, which need ingest.errors or store's read path, do not pay for trafilatura,
# spaCy, Alembic or the ORM (bench/startup_bench.py). Where each exported name lives:
_WHERE = {
    "FactExtractor": "extract.facts",
    "FactOptions": "extract.facts",
    "FactStage": "extract.facts",
    "Gazetteer": "extract.gazetteer",
    "NAME_LABELS": "extract.ner",
    "NerOptions": "extract.ner",
    "NerStage": "extract.ner",
    "Place": "extract.gazetteer",
    "When": "extract.dates",
    "acronyms": "extract.facts",
    "canonical_name": "extract.canonical",
    "canonical_place": "extract.gazetteer",
    "find_dates": "extract.dates",
    "fold": "extract.canonical",
    "gazetteer": "extract.gazetteer",
    "load_pipeline": "extract.ner",
    "resolve": "extract.dates",
    "resolve_model_name": "extract.ner",
}

__all__ = [
    "FactExtractor",
    "FactOptions",
    "FactStage",
    "Gazetteer",
    "NAME_LABELS",
    "NerOptions",
    "NerStage",
    "Place",
    "When",
    "acronyms",
    "canonical_name",
    "canonical_place",
    "find_dates",
    "fold",
    "gazetteer",
    "load_pipeline",
    "resolve",
    "resolve_model_name",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
