"""The one record that flows through every stage.

Stages never mutate an `Article`; they return ``dataclasses.replace(article, ...)`` so that tests can compare
whole records and a stage that fails leaves the previous state intact.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "year"]
Status = Literal["pending", "stored", "duplicate", "failed", "skipped"]
TranslationStatus = Literal["ok", "not-needed", "missing-model", "failed"]
Origin = Literal["native", "translated"]

# The characters of an article's text that translation, entities, facts and fingerprints read; the rest is stored
# and searchable but not analysed (``Article.analysed_chars`` says where the cut fell). A resource bound, not a
# judgement on content: it is 11x the longest real article in samples/ (9,147 characters) and about 15,000
# words, longer than long-form features, and it keeps a pasted dump's run bounded in memory and time (a 19 MB
# text file took 214 s and 3.7 GB before; bench/huge_bench.py has the figures with the cap).
MAX_ANALYSED_CHARS = 100_000


@dataclass(frozen=True, slots=True)
class Entity:
    text: str
    label: str
    start: int
    end: int
    canonical: str
    origin: Origin
    lang: str = "en"
    found_by: str = "ner"
    """"ner", "gazetteer" for a place the gazetteer pass found in the text, "rule" for an organisation named
    by its shape (extract/orgs.py), "known" for an organisation known by a name that is also a place's
    (extract/orgs.py), or "title" for a person named after a title (extract/persons.py); not stored: a run's
    own."""


@dataclass(frozen=True, slots=True)
class Fact:
    kind: str
    data: dict[str, Any]
    evidence: str
    confidence: float


def first_event(facts: Iterable[dict[str, Any]]) -> dict[str, Any] | None:
    """An article's event as its text reads it, from its event facts' data: the first, the native reading before
    a translation's (the translation's facts repeat it, less surely). The story anchors (extract/signature.py)
    and the story's agreed event (store/story_event.py) both read this one."""
    events = sorted(facts, key=lambda d: d.get("origin") != "native")
    return dict(events[0]) if events else None


@dataclass(frozen=True, slots=True)
class Article:
    source: str
    """The path or URL as given (one document of a JSONL file is ``file.jsonl#3``)."""
    kind: str = "txt"
    raw_hash: str | None = None
    """sha256 of the bytes the document came from: an unchanged source is not processed twice."""
    size: int | None = None
    mtime_ns: int | None = None
    encoding: str | None = None
    text: str = ""
    title: str | None = None
    url: str | None = None
    published: str | None = None
    """``YYYY-MM-DD``, ``YYYY-MM`` or ``YYYY``: as precise as the source says, never more."""
    published_precision: Precision | None = None
    credit: str | None = None
    lang_hint: str | None = None
    lang: str | None = None
    lang_confidence: float | None = None
    lang_reason: str | None = None
    content_hash: str | None = None
    text_en: str | None = None
    translation_status: TranslationStatus | None = None
    translation_model: str | None = None
    translation_error: str | None = None
    translation_seconds: float | None = None
    entities: tuple[Entity, ...] = ()
    facts: tuple[Fact, ...] = ()
    minhash: bytes | None = None
    """MinHash signature of ``text`` (normalize/fingerprint.py), for near-duplicates in one language."""
    minhash_en: bytes | None = None
    """MinHash signature of the English text (original or translated), for cross-lingual similarity."""
    anchors: tuple[str, ...] = ()
    shingles: int | None = None
    """How many distinct shingles ``text`` has: with the MinHash, how much of one text another contains."""
    """Language-independent anchors (numbers, Latin-script names, codes, URLs) for cross-lingual matching."""
    analysed_chars: int | None = None
    """Set when only the text's first ``analysed_chars`` characters were analysed (MAX_ANALYSED_CHARS)."""
    duplicate_of: int | None = None
    story_id: int | None = None
    status: Status = "pending"
    error: str | None = None
    timings: dict[str, float] = field(default_factory=dict, compare=False)

    def fail(self, reason: str) -> Article:
        return dataclasses.replace(self, status="failed", error=reason)

    @property
    def analysed_text(self) -> str:
        """What the analysing stages read: the text, or its first ``analysed_chars`` characters."""
        return self.text if self.analysed_chars is None else self.text[: self.analysed_chars]

    @property
    def failed(self) -> bool:
        return self.status == "failed"
