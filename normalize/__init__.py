"""Text clean-up (Unicode, Arabic forms, boilerplate), language detection and matching fingerprints."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.lazy import lazy_exports

if TYPE_CHECKING:
    from normalize.boilerplate import Cleaned, remove_boilerplate
    from normalize.langid import LangOptions, LangResult, LanguageDetector
    from normalize.stages import FingerprintStage, LanguageStage, Normalizer
    from normalize.text import clean_text, content_hash, digits_to_ascii, match_key

# Each name is imported on first use (ingest/lazy.py: start-up time). Where each exported name lives:
_WHERE = {
    "Cleaned": "normalize.boilerplate",
    "FingerprintStage": "normalize.stages",
    "LangOptions": "normalize.langid",
    "LangResult": "normalize.langid",
    "LanguageDetector": "normalize.langid",
    "LanguageStage": "normalize.stages",
    "Normalizer": "normalize.stages",
    "clean_text": "normalize.text",
    "content_hash": "normalize.text",
    "digits_to_ascii": "normalize.text",
    "match_key": "normalize.text",
    "remove_boilerplate": "normalize.boilerplate",
}

__all__ = [
    "Cleaned",
    "FingerprintStage",
    "LangOptions",
    "LangResult",
    "LanguageDetector",
    "LanguageStage",
    "Normalizer",
    "clean_text",
    "content_hash",
    "digits_to_ascii",
    "match_key",
    "remove_boilerplate",
]

__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
