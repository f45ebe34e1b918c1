"""Text clean-up (Unicode, Arabic forms, boilerplate), language detection and matching fingerprints."""

from normalize.boilerplate import Cleaned, remove_boilerplate
from normalize.langid import LangOptions, LangResult, LanguageDetector
from normalize.stages import FingerprintStage, LanguageStage, Normalizer
from normalize.text import clean_text, content_hash, digits_to_ascii, match_key

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
