"""Text clean-up (Unicode, Arabic forms, boilerplate), language detection and matching fingerprints."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from normalize.boilerplate import Cleaned, remove_boilerplate
    from normalize.langid import LangOptions, LangResult, LanguageDetector
    from normalize.stages import FingerprintStage, LanguageStage, Normalizer
    from normalize.text import clean_text, content_hash, digits_to_ascii, match_key

# Importing the package imports none of its modules: each name is imported on first use (PEP 562), so that
# `polynews stats` or `--version`, which need ingest.errors or store's read path, do not pay for trafilatura,
# spaCy, Alembic or the ORM (bench/startup_bench.py). Where each exported name lives:
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


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
