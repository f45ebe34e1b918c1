"""Named entities and their canonical names (spaCy, a gazetteer, acronyms), and event facts."""

from extract.canonical import canonical_name, fold
from extract.dates import When, find_dates, resolve
from extract.facts import FactExtractor, FactOptions, FactStage, acronyms
from extract.gazetteer import Gazetteer, Place, canonical_place, gazetteer
from extract.ner import NAME_LABELS, NerOptions, NerStage, load_pipeline, resolve_model_name

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
