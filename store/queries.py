"""Reads: full-text search, one article in full, statistics, and the JSONL/CSV export rows.

The export row is an interface other tools read (documented in the README); its keys do not change without a
version note.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload

from ingest.errors import QueryError
from store import schema

EXPORT_KEYS = (
    "id",
    "source",
    "title",
    "published",
    "sources",
    "lang",
    "lang_confidence",
    "text",
    "text_en",
    "translation",
    "entities",
    "facts",
    "duplicate_of",
    "story_id",
    "status",
    "error",
)


def search(engine: Engine, query: str, lang: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """FTS5 search over title, text and English text, best first, with a snippet of the matching text
    (PostgreSQL: store/dialects/postgresql.py, with the same query language)."""
    if engine.dialect.name == "postgresql":
        from store.dialects import postgresql

        return postgresql.search(engine, query, lang, limit)
    sql = """
        SELECT a.id, a.lang, a.title, a.published, a.source,
               snippet(articles_fts, -1, '[', ']', ' … ', 12) AS snippet, bm25(articles_fts) AS score
        FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
        WHERE articles_fts MATCH :q AND (:lang IS NULL OR a.lang = :lang)
        ORDER BY score LIMIT :limit"""
    try:
        with engine.connect() as conn:
            rows = conn.execute(text(sql), {"q": query, "lang": lang, "limit": limit}).mappings().all()
    except OperationalError as exc:
        # FTS5 reports a bad query as an OperationalError ("fts5: syntax error near ...", "unterminated
        # string", "no such column"); a missing table or a lock is not the user's query.
        message = str(exc.orig)
        if isinstance(exc.orig, sqlite3.OperationalError) and not (
            "no such table" in message or "locked" in message
        ):
            raise QueryError(
                f'malformed search query {query!r} ({exc.orig}); quote phrases with "..." and use AND, OR, NOT'
            ) from None
        raise
    return [dict(r) for r in rows]


def _article_dict(a: schema.Article) -> dict[str, Any]:
    return {
        "id": a.id,
        "source": a.source,
        "title": a.title,
        "published": a.published,
        "sources": [s.source for s in a.sightings],
        "lang": a.lang,
        "lang_confidence": a.lang_confidence,
        "text": a.text,
        "text_en": a.text_en,
        "translation": {"status": a.translation_status, "model": a.translation_model},
        "entities": [
            {"text": e.text, "label": e.label, "canonical": e.canonical, "origin": e.origin}
            for e in a.entities
        ],
        "facts": [
            {"kind": f.kind, **f.data, "evidence": f.evidence, "confidence": f.confidence} for f in a.facts
        ],
        "duplicate_of": a.duplicate_of,
        "story_id": a.story_id,
        "status": a.status,
        "error": a.error,
    }


def _loaded() -> Any:
    return (
        selectinload(schema.Article.sightings),
        selectinload(schema.Article.entities),
        selectinload(schema.Article.facts),
    )


def get_article(engine: Engine, article_id: int) -> dict[str, Any] | None:
    with Session(engine) as s:
        a = s.scalar(select(schema.Article).where(schema.Article.id == article_id).options(*_loaded()))
        if a is None:
            return None
        row = _article_dict(a)
        dups = s.execute(
            select(schema.Article.id, schema.Article.lang, schema.Article.title)
            .where(schema.Article.duplicate_of == a.id)
            .order_by(schema.Article.id)
        ).all()
        members = (
            s.execute(
                select(
                    schema.Article.id, schema.Article.lang, schema.Article.title, schema.Article.duplicate_of
                )
                .where(schema.Article.story_id == a.story_id, schema.Article.id != a.id)
                .order_by(schema.Article.id)
            ).all()
            if a.story_id
            else []
        )
        row.update(
            duplicates=[{"id": d.id, "lang": d.lang, "title": d.title} for d in dups],
            story_members=[
                {"id": m.id, "lang": m.lang, "title": m.title, "duplicate_of": m.duplicate_of}
                for m in members
            ],
            published_precision=a.published_precision,
            credit=a.credit,
            lang_reason=a.lang_reason,
            translation_error=a.translation_error,
            encoding=a.encoding,
            kind=a.kind,
            sightings=[
                {
                    "source": x.source,
                    "status": x.status,
                    "error": x.error,
                    "first_seen": x.first_seen,
                    "last_seen": x.last_seen,
                }
                for x in a.sightings
            ],
        )
        return row


def stories(
    engine: Engine, lang: str | None = None, since: str | None = None, limit: int = 100
) -> list[dict[str, Any]]:
    """Stories, most recently active first, with their members."""
    with Session(engine) as s:
        q = select(schema.Story).order_by(schema.Story.last_seen.desc(), schema.Story.id.desc()).limit(limit)
        if since:
            q = q.where(schema.Story.last_seen >= since)
        if lang:
            q = q.where(schema.Story.languages.contains(lang))
        out = []
        for story in s.scalars(q):
            members = s.execute(
                select(
                    schema.Article.id,
                    schema.Article.lang,
                    schema.Article.title,
                    schema.Article.duplicate_of,
                    schema.Article.text,
                )
                .where(schema.Article.story_id == story.id)
                .order_by(schema.Article.id)
            ).all()
            rep = next(
                (m for m in members if m.id == story.representative_id), members[0] if members else None
            )
            out.append(
                {
                    "id": story.id,
                    "representative_id": story.representative_id,
                    "headline": (rep.title or rep.text[:100]) if rep else None,
                    "languages": story.languages.split(",") if story.languages else [],
                    "first_seen": story.first_seen,
                    "last_seen": story.last_seen,
                    "member_count": story.member_count,
                    "members": [
                        {"id": m.id, "lang": m.lang, "title": m.title, "duplicate_of": m.duplicate_of}
                        for m in members
                    ],
                }
            )
        return out


def iter_export(engine: Engine, batch: int = 200) -> Iterator[dict[str, Any]]:
    """Every article, failed and skipped files included, in id order; memory bounded by ``batch``."""
    last = 0
    while True:
        with Session(engine) as s:
            rows = s.scalars(
                select(schema.Article)
                .where(schema.Article.id > last)
                .order_by(schema.Article.id)
                .limit(batch)
                .options(*_loaded())
            ).all()
            if not rows:
                return
            for a in rows:
                yield _article_dict(a)
            last = rows[-1].id


def stats(engine: Engine) -> dict[str, Any]:
    with Session(engine) as s:
        by_status = dict(
            s.execute(
                select(schema.Article.status, func.count())
                .group_by(schema.Article.status)
                .order_by(schema.Article.status)
            ).all()
        )
        by_lang = dict(
            s.execute(
                select(schema.Article.lang, func.count())
                .where(schema.Article.status.in_(("stored", "duplicate")))
                .group_by(schema.Article.lang)
                .order_by(schema.Article.lang)
            ).all()
        )
        by_translation = dict(
            s.execute(
                select(schema.Article.translation_status, func.count())
                .where(schema.Article.status.in_(("stored", "duplicate")))
                .group_by(schema.Article.translation_status)
                .order_by(schema.Article.translation_status)
            ).all()
        )
        return {
            "articles": sum(by_status.values()),
            "by_status": by_status,
            "by_lang": {k or "und": v for k, v in by_lang.items()},
            "by_translation": {k or "none": v for k, v in by_translation.items()},
            "sightings": s.scalar(select(func.count()).select_from(schema.Sighting)),
            "entities": s.scalar(select(func.count()).select_from(schema.Entity)),
            "facts": s.scalar(select(func.count()).select_from(schema.Fact)),
            "stories": s.scalar(select(func.count()).select_from(schema.Story)),
            "runs": s.scalar(select(func.count()).select_from(schema.Run)),
        }


def runs(engine: Engine, limit: int = 20) -> list[dict[str, Any]]:
    with Session(engine) as s:
        rows = s.scalars(select(schema.Run).order_by(schema.Run.id.desc()).limit(limit)).all()
        return [
            {
                "id": r.id,
                "started_at": r.started_at,
                "finished_at": r.finished_at,
                "status": r.status,
                "seconds": r.seconds,
                "version": r.version,
                "command": r.command,
                "counts": r.counts,
            }
            for r in rows
        ]


def events(
    engine: Engine,
    place: str | None = None,
    since: str | None = None,
    until: str | None = None,
    org: str | None = None,
    kind: str | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Event facts with their organisers, people and counts, newest event date first.

    ``place`` is a canonical place name (the CLI resolves spellings through the gazetteer); ``org`` matches
    organisers, their acronyms and parents, and the organisations in people's roles (case-insensitive
    substring); ``since``/``until`` compare with the event's ISO date (an event with no date is left out when
    either is given). Duplicates are left out: their events are their original's.
    """
    date = schema.Fact.data["date"].as_string()
    q = (
        select(schema.Fact, schema.Article.story_id, schema.Article.title)
        .join(schema.Article, schema.Article.id == schema.Fact.article_id)
        .where(schema.Fact.kind == "event", schema.Article.duplicate_of.is_(None))
        .order_by(date.desc().nulls_last(), schema.Fact.article_id, schema.Fact.id)
    )
    if kind:
        q = q.where(func.lower(schema.Fact.data["type"].as_string()) == kind.lower())
    if since:
        q = q.where(date >= since)
    if until:
        q = q.where(date <= until + "\uffff")  # "2024-12" includes every day of December
    out: list[dict[str, Any]] = []
    with Session(engine) as s:
        for fact, story_id, title in s.execute(q):
            data = dict(fact.data)
            if place and place.casefold() not in {p.casefold() for p in data.get("places") or []}:
                continue
            related = s.scalars(
                select(schema.Fact)
                .where(
                    schema.Fact.article_id == fact.article_id,
                    schema.Fact.kind.in_(("organiser", "person", "count")),
                )
                .order_by(schema.Fact.id)  # the order they were found in, on any engine
            ).all()
            same = [f for f in related if f.data.get("lang") == data.get("lang")]
            organisers = [
                _plain(f) for f in same if f.kind == "organiser" and f.data.get("event") == data["name"]
            ]
            people = [_plain(f) for f in same if f.kind == "person"]
            counts = [_plain(f) for f in same if f.kind == "count" and f.data.get("event") == data["name"]]
            if org and not _mentions_org(org, organisers, people):
                continue
            out.append(
                {
                    "article_id": fact.article_id,
                    "story_id": story_id,
                    "title": title,
                    **data,
                    "organisers": organisers,
                    "people": people,
                    "counts": counts,
                    "evidence": fact.evidence,
                    "confidence": fact.confidence,
                }
            )
            if len(out) >= limit:
                break
    return out


def _plain(f: schema.Fact) -> dict[str, Any]:
    data = {k: v for k, v in f.data.items() if k not in ("event", "lang", "origin")}
    return {**data, "evidence": f.evidence, "confidence": f.confidence}


def _mentions_org(needle: str, organisers: list[dict[str, Any]], people: list[dict[str, Any]]) -> bool:
    needle = needle.casefold()
    names = [o.get(k) for o in organisers for k in ("name", "acronym", "part_of")]
    names += [r.get(k) for p in people for r in p.get("roles", []) for k in ("org", "org_acronym")]
    return any(needle in n.casefold() for n in names if n)
