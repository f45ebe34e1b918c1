"""Named entities and their canonical names (spaCy, a gazetteer, acronyms), and event facts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.lazy import lazy_exports

if TYPE_CHECKING:
    from extract.canonical import canonical_name, fold
    from extract.dates import When, find_dates, resolve
    from extract.facts import FactExtractor, FactOptions, FactStage, acronyms
    from extract.gazetteer import Gazetteer, Place, canonical_place, gazetteer
    from extract.ner import NAME_LABELS, NerOptions, NerStage, load_pipeline, resolve_model_name

# Each name is imported on first use (ingest/lazy.py: start-up time). Where each exported name lives:
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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
