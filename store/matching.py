"""Duplicates and stories: two relations, kept apart.

- *duplicate* (``duplicate_of``): the same document. Exact copies never get here (the writer makes them
  sightings of one article); this module finds near copies in one language (syndicated with other wrappers,
  trimmed, updated) by MinHash LSH, and translations of one text across languages by anchors.
- *same story* (``story_id``): different reports of one event. A duplicate is always in its original's story.

Candidates come from two persisted indexes, so a new article is matched against the whole database without
recomputing anything stored before, at a cost per article that does not grow with the database:
``lsh_bands`` (MinHash LSH buckets, same language) and ``anchors`` (64-bit hashes of anchors; an anchor held by
more than ``max_anchor_df`` articles is too common to point anywhere and is ignored).

Each candidate gets one score (documented in the README):
    text     MinHash Jaccard of the texts (same language), or of their English texts (across languages)
    anchors  weighted share of anchors in common: sum(w(shared)) / min(sum(w(A)), sum(w(B))),
             damped by min(1, shared / 5); w = 3 URL, 2 code or handle, 1 name/number/ordinal, 0.5 word of a
             name, 0.3 year
    score    max(text, anchors)
and a veto: two articles whose edition ordinals (10th, 13e, ke-12) or flight numbers (NA7741) are disjoint, or
whose publication dates lie more than ``max_days_apart`` apart, are never the same story (next year's edition
of the same conference, another incident at the same airport).
Thresholds were calibrated on tests/devset (bench/README.md has the precision and recall).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sqlite3
from dataclasses import dataclass

import numpy as np
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ingest.record import Article as Record
from normalize.fingerprint import NUM_PERM
from store import schema


@dataclass(frozen=True, slots=True)
class MatchOptions:
    # Same-language near-duplicates: syndicated copies with other wrappers measured 0.62-0.97 on the dev set,
    # independent reports of one event at most 0.12; 0.5 leaves room on both sides.
    near_duplicate: float = 0.5
    # Across languages, a translation shares most anchors (0.6-0.9 on the dev set) while another report of the
    # same event shares some (0.2-0.5).
    cross_duplicate: float = 0.6
    # Same story: anchors or text at least this similar (unrelated articles: under 0.15 on the dev set).
    story: float = 0.25
    min_shared_anchors: int = 3
    max_anchor_df: int = 300
    max_candidates: int = 40
    max_days_apart: int = 45
    # LSH banding for the near-duplicate threshold, as datasketch computes it (equal false positive and
    # false negative weights): (25 bands, 5 rows) for 0.5 and 128 permutations.
    lsh_threshold: float = 0.5


_WEIGHTS = {"u": 3.0, "c": 2.0, "h": 2.0, "x": 1.0, "n": 1.0, "o": 1.0, "w": 0.5, "y": 0.3}


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def anchor_key(anchor: str) -> int:
    return _h64(anchor.encode("utf-8"))


def band_keys(signature: np.ndarray, bands: int, rows: int, lang: str | None) -> list[int]:
    """One key per LSH band; the band number and the language are hashed in, so a single indexed look-up
    finds same-language articles agreeing on any band."""
    prefix = (lang or "und").encode()
    return [_h64(prefix + bytes([i]) + signature[i * rows : (i + 1) * rows].tobytes()) for i in range(bands)]


def _weight(anchors: frozenset[str] | set[str]) -> float:
    return sum(_WEIGHTS.get(a[0], 1.0) for a in anchors)


def anchor_score(a: frozenset[str], b: frozenset[str], min_shared: int = 3) -> float:
    shared = a & b
    if len(shared) < min_shared:
        return 0.0
    return _weight(shared) / max(min(_weight(a), _weight(b)), 1e-9) * min(1.0, len(shared) / 5)


def _is_ordinal(anchor: str) -> bool:
    return anchor.startswith("o:")


_FLIGHT = re.compile(r"c:[a-z]{2}\d{2,4}")


def _is_flight_code(anchor: str) -> bool:
    """Flight and vehicle numbers (NA7741, GA208) name one event; two different ones, two events."""
    return bool(_FLIGHT.fullmatch(anchor))


def _jaccard(a: bytes | None, b: bytes | None) -> float | None:
    if a is None or b is None:
        return None
    x, y = np.frombuffer(a, np.uint32), np.frombuffer(b, np.uint32)
    return float(np.count_nonzero(x == y)) / NUM_PERM


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    parts = [int(p) for p in value.split("-")] + [1, 1]
    try:
        return dt.date(parts[0], parts[1], parts[2])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Verdict:
    candidate: int
    score: float
    duplicate: bool


@dataclass(frozen=True, slots=True)
class _Candidate:
    id: int
    lang: str | None
    published: str | None
    minhash: bytes
    minhash_en: bytes | None
    anchors: frozenset[str]


class Matcher:
    def __init__(self, options: MatchOptions | None = None) -> None:
        self.options = options or MatchOptions()
        self._banding: tuple[int, int] | None = None

    @property
    def bands(self) -> int:
        return self._band_shape()[0]

    @property
    def rows(self) -> int:
        return self._band_shape()[1]

    def _band_shape(self) -> tuple[int, int]:
        if self._banding is None:
            from datasketch.lsh import _optimal_param  # imports scipy: only when an article is matched

            b, r = _optimal_param(self.options.lsh_threshold, NUM_PERM, 0.5, 0.5)
            self._banding = (int(b), int(r))
        return self._banding

    # -- candidates -------------------------------------------------------------------------------------------
    # The hot path speaks to sqlite3 directly (the session's own connection and transaction): per article it
    # runs a handful of indexed statements, and SQLAlchemy's per-statement overhead was 60% of the time.
    @staticmethod
    def _db(s: Session) -> sqlite3.Connection:
        conn: sqlite3.Connection = s.connection().connection.driver_connection  # type: ignore[assignment]
        return conn

    def _lsh_candidates(self, db: sqlite3.Connection, keys: list[int]) -> set[int]:
        marks = ",".join("?" * len(keys))
        rows = db.execute(
            f"SELECT DISTINCT article_id FROM lsh_bands WHERE key IN ({marks}) LIMIT ?",
            (*keys, self.options.max_candidates),
        )
        return {r for (r,) in rows}

    def _anchor_candidates(self, db: sqlite3.Connection, keys: list[int]) -> set[int]:
        if len(keys) < self.options.min_shared_anchors:
            return set()
        marks = ",".join("?" * len(keys))
        # Anchors held by more than max_anchor_df articles point nowhere in particular; the window counts
        # each anchor's holders without a second query.
        rows = db.execute(
            f"""SELECT article_id FROM (
                    SELECT article_id, count(*) OVER (PARTITION BY key) AS df FROM anchors WHERE key IN ({marks})
                ) WHERE df <= ? GROUP BY article_id HAVING count(*) >= ?
                ORDER BY count(*) DESC, article_id LIMIT ?""",
            (*keys, self.options.max_anchor_df, self.options.min_shared_anchors, self.options.max_candidates),
        )
        return {r for (r,) in rows}

    def _load(self, db: sqlite3.Connection, ids: set[int]) -> list[_Candidate]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = db.execute(
            f"SELECT article_id, lang, published, minhash, minhash_en, anchors FROM fingerprints "
            f"WHERE article_id IN ({marks}) ORDER BY article_id",
            sorted(ids),
        )
        return [
            _Candidate(i, lang, pub, mh, mh_en, frozenset(json.loads(a)))
            for i, lang, pub, mh, mh_en, a in rows
        ]

    # -- scoring ----------------------------------------------------------------------------------------------
    def _vetoed(self, r: Record, anchors: frozenset[str], c: _Candidate) -> bool:
        for kind in (_is_ordinal, _is_flight_code):
            ours = {a for a in anchors if kind(a)}
            theirs = {a for a in c.anchors if kind(a)}
            if ours and theirs and not ours & theirs:
                return True
        a, b = _date(r.published), _date(c.published)
        return bool(a and b and abs((a - b).days) > self.options.max_days_apart)

    def judge(self, r: Record, c: _Candidate) -> Verdict | None:
        o = self.options
        anchors = frozenset(r.anchors)
        if self._vetoed(r, anchors, c):
            return None
        a = anchor_score(anchors, c.anchors, o.min_shared_anchors)
        if r.lang == c.lang:
            text = _jaccard(r.minhash, c.minhash) or 0.0
            duplicate = text >= o.near_duplicate
        else:
            text = _jaccard(r.minhash_en, c.minhash_en) or 0.0
            duplicate = a >= o.cross_duplicate
        score = max(text, a)
        if duplicate or score >= o.story:
            return Verdict(c.id, round(score, 4), duplicate)
        return None

    # -- the write ---------------------------------------------------------------------------------------------
    def match_and_index(self, s: Session, article: schema.Article, r: Record) -> None:
        """Decide duplicate_of and story for a newly stored article, then index its fingerprint."""
        if r.minhash is None:
            return
        signature = np.frombuffer(r.minhash, np.uint32)
        keys = band_keys(signature, self.bands, self.rows, r.lang)
        akeys = sorted({anchor_key(a) for a in r.anchors})
        db = self._db(s)
        ids = self._lsh_candidates(db, keys) | self._anchor_candidates(db, akeys)
        ids.discard(article.id)
        verdicts = [v for c in self._load(db, ids) if (v := self.judge(r, c)) is not None]
        best_dup = max(
            (v for v in verdicts if v.duplicate), key=lambda v: (v.score, -v.candidate), default=None
        )
        best = best_dup or max(verdicts, key=lambda v: (v.score, -v.candidate), default=None)
        if best_dup is not None:
            other = s.get_one(schema.Article, best_dup.candidate)
            root = s.get_one(schema.Article, other.duplicate_of) if other.duplicate_of else other
            if originality(article) < originality(root):
                self._make_original(s, article, root)
            else:
                article.duplicate_of, article.status = root.id, "duplicate"
        if best is not None:
            self._join_story(s, article, s.get_one(schema.Article, best.candidate))
        db.execute(
            "INSERT INTO fingerprints (article_id, lang, published, minhash, minhash_en, anchors) VALUES (?,?,?,?,?,?)",
            (article.id, r.lang, r.published, r.minhash, r.minhash_en, json.dumps(list(r.anchors))),
        )
        db.executemany(
            "INSERT INTO lsh_bands (key, article_id) VALUES (?, ?)", [(k, article.id) for k in keys]
        )
        db.executemany(
            "INSERT INTO anchors (key, article_id) VALUES (?, ?)", [(k, article.id) for k in akeys]
        )

    @staticmethod
    def _make_original(s: Session, article: schema.Article, root: schema.Article) -> None:
        """The new article is the better original: the old root and its duplicates now point at it."""
        s.flush()
        for dup in s.scalars(select(schema.Article).where(schema.Article.duplicate_of == root.id)):
            dup.duplicate_of = article.id
        root.duplicate_of, root.status = article.id, "duplicate"

    @staticmethod
    def _join_story(s: Session, article: schema.Article, other: schema.Article) -> None:
        if other.story_id is None:
            story = schema.Story(member_count=0, languages="")
            s.add(story)
            s.flush()
            other.story_id = story.id
        article.story_id = other.story_id
        s.flush()
        refresh_story(s, other.story_id)

    @staticmethod
    def forget(s: Session, article_id: int) -> None:
        """Drop an article's fingerprint and index rows (its text changed, or it failed after all)."""
        for table in (schema.LshBand, schema.Anchor, schema.Fingerprint):
            s.execute(delete(table).where(table.article_id == article_id))


_PRECISION_RANK = {"day": 0, "month": 1, "year": 2}


def originality(a: schema.Article) -> tuple[int, int, str, int]:
    """Sort key, lowest first, for which of two duplicates is the original: one that credits another source
    ("SOURCE CCTV+") is a copy; then the more precise publication date (a dated release over an undated
    repost), then the earlier date, then the one stored first."""
    return (
        1 if a.credit else 0,
        _PRECISION_RANK.get(a.published_precision or "", 3),
        a.published or "9999",
        a.id,
    )


def refresh_story(s: Session, story_id: int) -> None:
    """Recompute a story's summary from its members.

    Representative: the earliest member that is not a duplicate (published date, then id), so the story shows
    an original, in the language it was first reported in.
    """
    story = s.get_one(schema.Story, story_id)
    members = s.execute(
        select(
            schema.Article.id,
            schema.Article.lang,
            schema.Article.published,
            schema.Article.duplicate_of,
            schema.Article.created_at,
        ).where(schema.Article.story_id == story_id)
    ).all()
    originals = [m for m in members if m.duplicate_of is None] or members
    rep = min(originals, key=lambda m: (m.published or "9999", m.id))
    story.representative_id = rep.id
    story.languages = ",".join(sorted({m.lang for m in members if m.lang}))
    story.member_count = len(members)
    seen = sorted(m.created_at for m in members)
    story.first_seen, story.last_seen = seen[0], seen[-1]
