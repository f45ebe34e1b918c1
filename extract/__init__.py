"""Named entities and their canonical names (spaCy), the base of event facts."""

from extract.canonical import canonical_name, fold
from extract.ner import NAME_LABELS, NerOptions, NerStage, load_pipeline, resolve_model_name

__all__ = [
    "NAME_LABELS",
    "NerOptions",
    "NerStage",
    "canonical_name",
    "fold",
    "load_pipeline",
    "resolve_model_name",
]
