"""Writes: one transaction per batch of articles, so a killed run loses at most the batch in flight.

Identity rules:
- an article is its normalized text (``content_hash``): the same text from a second place is a second
  *sighting* of the one article, never a second article, and never dropped;
- a source is its absolute location: the same unchanged file read again adds nothing;
- a file that cannot be read is an article row with status ``failed`` (or ``skipped``) and its reason, so the
  export and ``polynews show`` list it; when the file is fixed the row becomes the real article.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import Engine, func, insert, select
from sqlalchemy.orm import Session

from ingest.record import Article as Record
from store import dialects, schema
from store.db import checkpoint
from store.matching import Matcher, refresh_story
from store.names import NameIndex

Outcome = Literal["stored", "duplicate", "sighting", "updated", "unchanged", "refreshed", "failed", "skipped"]


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class KnownSource:
    article_id: int
    raw_hash: str | None
    status: str
    size: int | None = None
    mtime_ns: int | None = None


@dataclass
class _Batch:
    """The new articles a batch adds before its one flush (a flush per article cost more than the rest of the
    write): later records in the batch find them here by content hash and location, and their entity and
    fact rows are inserted in bulk once they have ids."""

    articles: dict[str, schema.Article] = field(default_factory=dict)
    sightings: dict[str, schema.Sighting] = field(default_factory=dict)
    new: list[tuple[schema.Article, Record]] = field(default_factory=list)


class Writer:
    def __init__(self, engine: Engine, matcher: Matcher | None = None) -> None:
        self.engine = engine
        self.matcher = matcher or Matcher()
        self.names = NameIndex()

    # -- runs -----------------------------------------------------------------------------------------------
    def begin_run(self, command: str, version: str) -> int:
        with Session(self.engine) as s, s.begin():
            dialects.of(s).before_write(s)
            run = schema.Run(started_at=now(), version=version, command=command, status="running", counts={})
            s.add(run)
            s.flush()
            return run.id

    def finish_run(self, run_id: int, counts: dict[str, Any], seconds: float, status: str) -> None:
        with Session(self.engine) as s, s.begin():
            run = s.get_one(schema.Run, run_id)
            run.finished_at, run.counts, run.seconds, run.status = now(), counts, round(seconds, 3), status
        checkpoint(self.engine)  # the run's end: the database file alone holds everything it stored

    # -- look-ups before the expensive stages -----------------------------------------------------------------
    _KNOWN = (
        schema.Sighting.article_id,
        schema.Sighting.raw_hash,
        schema.Sighting.status,
        schema.Sighting.size,
        schema.Sighting.mtime_ns,
    )

    def known_source(self, location: str) -> KnownSource | None:
        with Session(self.engine) as s:
            row = s.execute(select(*self._KNOWN).where(schema.Sighting.location == location)).first()
            return KnownSource(*row) if row else None

    def known_sources(self, prefix: str) -> dict[str, KnownSource]:
        """Every source remembered under a folder, in one query: a re-run over 10,000 unchanged files then
        costs a stat() each and no database round trip."""
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with Session(self.engine) as s:
            rows = s.execute(
                select(schema.Sighting.location, *self._KNOWN).where(
                    schema.Sighting.location.like(escaped + "%", escape="\\")
                )
            )
            return {row[0]: KnownSource(row[1], row[2], row[3], row[4], row[5]) for row in rows}

    def statuses(self, ids: list[int]) -> Counter[str]:
        found: Counter[str] = Counter()
        with Session(self.engine) as s:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                found.update(
                    dict(
                        s.execute(
                            select(schema.Article.status, func.count())
                            .where(schema.Article.id.in_(chunk))
                            .group_by(schema.Article.status)
                        ).all()
                    )
                )
        return found

    def feed_validators(self, url: str) -> tuple[str | None, str | None]:
        with Session(self.engine) as s:
            feed = s.get(schema.Feed, url)
            return (feed.etag, feed.last_modified) if feed else (None, None)

    def save_feed(self, url: str, etag: str | None, last_modified: str | None, status: str) -> None:
        with Session(self.engine) as s, s.begin():
            feed = s.get(schema.Feed, url) or schema.Feed(url=url)
            feed.etag, feed.last_modified, feed.last_status, feed.last_polled = (
                etag,
                last_modified,
                status,
                now(),
            )
            s.add(feed)

    def mark_interrupted_runs(self) -> int:
        """Runs left 'running' by a process that died (the caller holds the lock, so none is alive)."""
        with Session(self.engine) as s, s.begin():
            runs = s.scalars(select(schema.Run).where(schema.Run.status == "running")).all()
            for run in runs:
                run.status = "interrupted"
            return len(runs)

    def touch(self, location: str, size: int, mtime_ns: int | None) -> None:
        """A source read again with the same bytes: remember its new mtime so the next run skips it on stat."""
        with Session(self.engine) as s, s.begin():
            sighting = s.scalar(select(schema.Sighting).where(schema.Sighting.location == location))
            if sighting is not None:
                sighting.size, sighting.mtime_ns, sighting.last_seen = size, mtime_ns, now()

    def article_for_hash(self, content_hash: str) -> int | None:
        with Session(self.engine) as s:
            return s.scalar(select(schema.Article.id).where(schema.Article.content_hash == content_hash))

    # -- the write ---------------------------------------------------------------------------------------------
    def save(
        self, record: Record, location: str, run_id: int | None, refresh: bool = False
    ) -> tuple[Outcome, int]:
        """Store one article (or its failure) and its sighting; returns what happened and the article id."""
        return self.save_batch([(record, location)], run_id, refresh)[0]

    def save_batch(
        self, items: list[tuple[Record, str]], run_id: int | None, refresh: bool = False
    ) -> list[tuple[Outcome, int]]:
        """Store a batch of articles (or their failures) and sightings in one transaction, then match the new
        ones against the database as one batch (store/matching.py). A killed run loses the batch in flight,
        never part of one.

        ``refresh`` (``ingest --force``): an article re-read from the same place gets its derived fields
        (language, translation, entities, facts) replaced by this run's; its id, source and sightings stay.
        """
        with Session(self.engine) as s, s.begin():
            dialects.of(s).before_write(s)
            batch = _Batch()
            pending: list[tuple[schema.Article, Record]] = []
            records, renames = self.names.resolve(s, [r for r, _ in items])
            items = [(r, location) for r, (_, location) in zip(records, items, strict=True)]
            saved = [self._save_one(s, r, location, run_id, refresh, pending, batch) for r, location in items]
            s.flush()  # the new articles and sightings: one INSERT each for many rows
            self._insert_children(s, batch.new)
            self.names.rename(s, renames)
            self.matcher.match_batch(s, [(a.id, r) for a, r in pending])
            results = [(outcome, a if isinstance(a, int) else a.id) for outcome, a in saved]
            stored = [i for outcome, i in results if outcome == "stored"]
            duplicates: set[int] = set()
            for start in range(0, len(stored), 500):
                duplicates.update(
                    s.scalars(
                        select(schema.Article.id).where(
                            schema.Article.id.in_(stored[start : start + 500]),
                            schema.Article.status == "duplicate",
                        )
                    )
                )
            # Only a new article becomes a near duplicate: an exact copy of one is still a sighting (counting it
            # as a duplicate made a 35-record file's summary add up to 33).
            return [
                ("duplicate" if outcome == "stored" and i in duplicates else outcome, i)
                for outcome, i in results
            ]

    def settle(self, new_ids: list[int]) -> int:
        """At a run's end: the stories its articles joined decided again in the order one run would have
        stored them, where they arrived out of that order (Matcher.settle); returns the articles decided again."""
        with Session(self.engine) as s, s.begin():
            dialects.of(s).before_write(s)
            return self.matcher.settle(s, new_ids)

    def _save_one(
        self,
        s: Session,
        record: Record,
        location: str,
        run_id: int | None,
        refresh: bool,
        pending: list[tuple[schema.Article, Record]],
        batch: _Batch,
    ) -> tuple[Outcome, schema.Article | int]:
        """One record: a new article (the common case, left for the batch's flush), or (every other case,
        flushed at once so the next look-ups see it) a sighting, a new version, a refresh or a failure."""
        with s.no_autoflush:  # what is not flushed yet is in `batch`
            sighting = batch.sightings.get(location) or s.scalar(
                select(schema.Sighting).where(schema.Sighting.location == location)
            )
            existing = (
                batch.articles.get(record.content_hash) or self._by_hash(s, record.content_hash)
                if record.content_hash and record.status not in ("failed", "skipped")
                else None
            )
        if sighting is None and existing is None and record.status not in ("failed", "skipped"):
            return self._add_new(s, record, location, run_id, pending, batch)
        s.flush()
        outcome = self._save_other(s, record, location, run_id, refresh, pending, sighting, existing)
        s.flush()
        return outcome

    @staticmethod
    def _by_hash(s: Session, content_hash: str) -> schema.Article | None:
        return s.scalar(select(schema.Article).where(schema.Article.content_hash == content_hash))

    def _add_new(
        self,
        s: Session,
        record: Record,
        location: str,
        run_id: int | None,
        pending: list[tuple[schema.Article, Record]],
        batch: _Batch,
    ) -> tuple[Outcome, schema.Article]:
        assert record.content_hash, "a successful record always has a content hash"
        article = schema.Article(created_at=now())
        self._fill(article, record, run_id, children=False)
        sighting = self._new_sighting(record, location, run_id, article=article)
        s.add_all([article, sighting])
        batch.articles[record.content_hash], batch.sightings[location] = article, sighting
        batch.new.append((article, record))
        pending.append((article, record))
        return "stored", article

    def _save_other(
        self,
        s: Session,
        record: Record,
        location: str,
        run_id: int | None,
        refresh: bool,
        pending: list[tuple[schema.Article, Record]],
        sighting: schema.Sighting | None,
        existing: schema.Article | None,
    ) -> tuple[Outcome, int]:
        if record.status in ("failed", "skipped"):
            return self._save_problem(s, record, location, sighting, run_id)
        assert record.content_hash, "a successful record always has a content hash"
        if existing is None and self._is_own_article(sighting):
            assert sighting is not None
            return self._new_version(s, sighting.article, record, sighting, location, run_id, pending)
        if existing is not None:
            outcome: Outcome = "unchanged" if sighting and sighting.article_id == existing.id else "sighting"
            if outcome == "unchanged" and refresh:
                source, created = existing.source, existing.created_at
                self._fill(existing, record, run_id)
                existing.source, existing.created_at = source, created
                outcome = "refreshed"
            orphan = self._reuse_problem_row(s, sighting)
            self._sight(s, existing.id, record, location, sighting, run_id)
            if orphan is not None:
                s.delete(orphan)  # the failure it recorded is resolved: the file now reads as `existing`
            return outcome, existing.id
        article = self._reuse_problem_row(s, sighting) or schema.Article(created_at=now())
        self._fill(article, record, run_id)
        s.add(article)
        s.flush()
        self._sight(s, article.id, record, location, sighting, run_id)
        pending.append((article, record))
        return "stored", article.id

    def _save_problem(
        self, s: Session, record: Record, location: str, sighting: schema.Sighting | None, run_id: int | None
    ) -> tuple[Outcome, int]:
        outcome: Outcome = "skipped" if record.status == "skipped" else "failed"
        if sighting is not None and sighting.article.status not in ("failed", "skipped"):
            # The file held a good article before and is broken now: keep the article, note the problem on
            # the sighting. Nothing already stored is lost.
            sighting.status, sighting.error, sighting.last_seen = outcome, record.error, now()
            sighting.raw_hash, sighting.size, sighting.run_id = record.raw_hash, record.size, run_id
            sighting.mtime_ns = record.mtime_ns
            return outcome, sighting.article_id
        article = sighting.article if sighting is not None else schema.Article(created_at=now())
        self._fill(article, record, run_id)
        s.add(article)
        s.flush()
        self._sight(s, article.id, record, location, sighting, run_id)
        return outcome, article.id

    @staticmethod
    def _is_own_article(sighting: schema.Sighting | None) -> bool:
        """The file at this location holds an article seen nowhere else: a change is a new version of it."""
        return (
            sighting is not None
            and sighting.article.status in ("stored", "duplicate")
            and len(sighting.article.sightings) == 1
        )

    def _new_version(
        self,
        s: Session,
        article: schema.Article,
        record: Record,
        sighting: schema.Sighting,
        location: str,
        run_id: int | None,
        pending: list[tuple[schema.Article, Record]],
    ) -> tuple[Outcome, int]:
        """The source changed: keep the old text as a version, update the article in place (same id), and
        match it again from scratch (its duplicates and story may have changed with its text)."""
        previous = s.scalar(
            select(func.count())
            .select_from(schema.ArticleVersion)
            .where(schema.ArticleVersion.article_id == article.id)
        )
        s.add(
            schema.ArticleVersion(
                article_id=article.id,
                version=(previous or 0) + 1,
                content_hash=article.content_hash,
                title=article.title,
                text=article.text,
                replaced_at=now(),
                run_id=run_id,
            )
        )
        source, created, story = article.source, article.created_at, article.story_id
        for dup in s.scalars(select(schema.Article).where(schema.Article.duplicate_of == article.id)):
            dup.duplicate_of = None  # they copied the old text; matching re-links what still matches
            dup.status = "stored"
        article.duplicate_of, article.story_id = None, None
        self._fill(article, record, run_id)
        article.source, article.created_at = source, created
        s.flush()
        if story is not None:
            refresh_story(s, story)
        self.matcher.forget(s, article.id)
        self._sight(s, article.id, record, location, sighting, run_id)
        pending.append((article, record))
        return "updated", article.id

    @staticmethod
    def _reuse_problem_row(s: Session, sighting: schema.Sighting | None) -> schema.Article | None:
        """A file that failed before and reads now: its failure row becomes the article (same id)."""
        if (
            sighting is not None
            and sighting.article.status in ("failed", "skipped")
            and len(sighting.article.sightings) == 1
        ):
            return sighting.article
        return None

    @staticmethod
    def _insert_children(s: Session, new: list[tuple[schema.Article, Record]]) -> None:
        """The entity and fact rows of the batch's new articles, once they have ids: bulk INSERTs, not ORM
        objects (an article has dozens of entities)."""
        entities = [
            {
                "article_id": a.id,
                "text": e.text,
                "label": e.label,
                "start": e.start,
                "end": e.end,
                "canonical": e.canonical,
                "origin": e.origin,
                "lang": e.lang,
            }
            for a, r in new
            for e in r.entities
        ]
        facts = [
            {
                "article_id": a.id,
                "kind": f.kind,
                "data": f.data,
                "evidence": f.evidence,
                "confidence": f.confidence,
            }
            for a, r in new
            for f in r.facts
        ]
        if entities:
            s.execute(insert(schema.Entity), entities)
        if facts:
            s.execute(insert(schema.Fact), facts)

    @staticmethod
    def _fill(article: schema.Article, r: Record, run_id: int | None, children: bool = True) -> None:
        """The article's columns from a record; ``children`` also replaces its entities and facts (a new
        article's are inserted in bulk by `_insert_children` instead)."""
        article.content_hash = r.content_hash
        article.source = r.source
        article.kind, article.encoding = r.kind, r.encoding
        article.title, article.url, article.credit = r.title, r.url, r.credit
        article.published, article.published_precision = r.published, r.published_precision
        article.lang, article.lang_confidence, article.lang_reason = r.lang, r.lang_confidence, r.lang_reason
        article.text, article.text_en = r.text, r.text_en
        article.translation_status, article.translation_model = r.translation_status, r.translation_model
        article.translation_seconds = r.translation_seconds
        article.translation_error = r.translation_error
        article.analysed_chars = r.analysed_chars
        if r.status in ("failed", "skipped"):
            article.status = r.status
        else:  # a near-duplicate keeps its status when re-processed (--force)
            article.status = "duplicate" if article.duplicate_of else "stored"
        article.error = r.error if r.status in ("failed", "skipped") else None
        article.run_id = run_id
        article.updated_at = now()
        if not children:
            return
        article.entities = [
            schema.Entity(
                text=e.text,
                label=e.label,
                start=e.start,
                end=e.end,
                canonical=e.canonical,
                origin=e.origin,
                lang=e.lang,
            )
            for e in r.entities
        ]
        article.facts = [
            schema.Fact(kind=f.kind, data=f.data, evidence=f.evidence, confidence=f.confidence)
            for f in r.facts
        ]

    @staticmethod
    def _new_sighting(r: Record, location: str, run_id: int | None, **owner: Any) -> schema.Sighting:
        """A first sighting; ``owner`` is ``article_id=`` or, for an article not flushed yet, ``article=``."""
        stamp = now()
        status = r.status if r.status in ("failed", "skipped") else "ok"
        return schema.Sighting(
            mtime_ns=r.mtime_ns,
            source=r.source,
            location=location,
            raw_hash=r.raw_hash,
            size=r.size,
            status=status,
            error=r.error if status != "ok" else None,
            first_seen=stamp,
            last_seen=stamp,
            run_id=run_id,
            **owner,
        )

    @staticmethod
    def _sight(
        s: Session,
        article_id: int,
        r: Record,
        location: str,
        sighting: schema.Sighting | None,
        run_id: int | None,
    ) -> None:
        stamp = now()
        status = r.status if r.status in ("failed", "skipped") else "ok"
        if sighting is None:
            s.add(Writer._new_sighting(r, location, run_id, article_id=article_id))
            return
        sighting.article_id, sighting.source, sighting.raw_hash, sighting.size = (
            article_id,
            r.source,
            r.raw_hash,
            r.size,
        )
        sighting.status, sighting.error = status, (r.error if status != "ok" else None)
        sighting.mtime_ns = r.mtime_ns
        sighting.last_seen, sighting.run_id = stamp, run_id
