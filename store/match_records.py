"""The records the Matcher (store/matching.py) decides on: a candidate's fingerprints as stored (_Candidate), what
linked it (Verdict) and what the decisions read and keep current of an article (_Meta).

Apart so that the story score (store/story_score.py) and the vetoes (store/vetoes.py) read the same records as
the Matcher without importing it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    candidate: int
    score: float
    duplicate: bool
    evidence: dict[str, object]


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: int
    lang: str | None
    published: str | None
    minhash: bytes | None
    minhash_en: bytes | None
    anchors: frozenset[str]
    shingles: int | None = None


@dataclass(slots=True)
class _Meta:
    """What the duplicate and story decisions read of an article, kept current as a batch is decided."""

    id: int
    duplicate_of: int | None
    story_id: int | None
    credit: bool
    precision: str | None
    published: str | None
    # In no story, taken out of one by a later report that left it unsure of its occurrence (_unsure_left).
    unsure: bool = False

    def originality(self) -> tuple[int, int, str]:
        """Sort key, lowest first, for which of two duplicates is the original: one that credits another source
        ("SOURCE CCTV+") is a copy; then the more precise publication date (a dated release over an undated
        repost), then the earlier date; then (Matcher._decide) the one one run stores first."""
        return (
            1 if self.credit else 0,
            _PRECISION_RANK.get(self.precision or "", 3),
            self.published or "9999",
        )


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
