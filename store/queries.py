"""Reads: full-text search, one article in full, statistics, and the JSONL/CSV export rows.

The export row is an interface other tools read (documented in the README); its keys do not change without a
version note.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Engine, func, select, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, selectinload

from ingest.errors import QueryError
from ingest.record import first_event
from store import schema
from store.counts import run_counts
from store.fts_query import fts5_expression
from store.story_event import resolved

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
    "event",
    "story_event",
    "link",
    "status",
    "error",
)


def search(
    engine: Engine, query: str, lang: str | None = None, limit: int = 20, all_copies: bool = False
) -> list[dict[str, Any]]:
    """Full-text search over title, text and English text, best first, with a snippet of the matching text.

    ``query`` is what the user typed (store/fts_query.py makes it an FTS5 expression; PostgreSQL translates
    that expression to a tsquery, store/dialects/postgresql.py). By default an article and its near duplicates
    are one hit, the best-ranked of them, with ``copies`` the number of that group's articles that matched
    (exact copies are sightings of one article, never separate hits); ``all_copies`` lists every matching
    article.
    """
    expression = fts5_expression(query)
    if engine.dialect.name == "postgresql":
        from store.dialects import postgresql

        return postgresql.search(engine, expression, lang, limit, all_copies, typed=query)
    # Ranks and groups first, snippets only for the rows returned: the window functions materialise every hit,
    # and with its snippet 20,000 hits of 500 words took 1.76 s instead of 0.19 s (synthetic in-memory index).
    sql = """
        WITH hits AS (
            SELECT a.id, a.lang, a.title, a.published, a.source, a.duplicate_of, a.story_id,
                   coalesce(a.duplicate_of, a.id) AS grp, bm25(articles_fts) AS score
            FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
            WHERE articles_fts MATCH :q AND (:lang IS NULL OR a.lang = :lang)
        ), ranked AS (
            SELECT *, row_number() OVER (PARTITION BY grp ORDER BY score, id) AS rank_in_group,
                   count(*) OVER (PARTITION BY grp) AS copies
            FROM hits
        )
        SELECT id, lang, title, published, source, duplicate_of, story_id, grp AS "group", copies, score
        FROM ranked WHERE :all OR rank_in_group = 1
        ORDER BY score, id LIMIT :limit"""
    snippets = """
        SELECT rowid, snippet(articles_fts, -1, '[', ']', ' … ', 12) FROM articles_fts
        WHERE articles_fts MATCH :q AND rowid IN (SELECT value FROM json_each(:ids))"""
    try:
        with engine.connect() as conn:
            rows = [
                dict(r)
                for r in conn.execute(
                    text(sql), {"q": expression, "lang": lang, "limit": limit, "all": all_copies}
                ).mappings()
            ]
            found: dict[int, str] = dict(
                conn.execute(
                    text(snippets), {"q": expression, "ids": json.dumps([r["id"] for r in rows])}
                ).all()
            )
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
    return [{**r, "snippet": found.get(r["id"], "")} for r in rows]


def _article_dict(a: schema.Article, story_event: dict[str, Any] | None = None) -> dict[str, Any]:
    """The article as stored; ``event`` is its event as polynews gives it: its own reading with the day and
    place its story's reports agree on (``story_event``, store/story_event.py)."""
    own = first_event(f.data for f in a.facts if f.kind == "event")
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
        "event": resolved(own, story_event),
        "story_event": story_event,
        "link": link_evidence(a.link_evidence),
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
        row = _article_dict(a, _story_events(s, [a.story_id]).get(a.story_id or 0))
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
            analysed_chars=a.analysed_chars,
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


def _story_events(s: Session, story_ids: list[int | None]) -> dict[int, dict[str, Any]]:
    """The stored events of these stories (those with one), by story id."""
    ids = sorted({i for i in story_ids if i})
    found: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        for story, event in s.execute(
            select(schema.Story.id, schema.Story.event).where(schema.Story.id.in_(ids[start : start + 500]))
        ):
            if event:
                found[story] = event
    return found


def describe_story_event(event: dict[str, Any]) -> str:
    """One line: what the story's reports agree on, with the votes."""
    reports = event.get("reports", 0)
    parts = [str(event.get("kind") or "event")]
    if event.get("date"):
        parts.append(f"on {event['date']} ({event.get('date_votes', 0)} of {reports} reports)")
    if event.get("place"):
        parts.append(f"in {event['place']} ({event.get('place_votes', 0)} of {reports} reports)")
    return " ".join(parts)


def link_evidence(stored: str | None) -> dict[str, Any] | None:
    """What linked an article to its story or original (store/story_score.py _evidence), as stored."""
    if not stored:
        return None
    try:
        value = json.loads(stored)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def describe_link(link: dict[str, Any]) -> str:
    """One line: which article it was linked to, how strongly, and on what they share."""
    parts = [
        f"{'same document as' if link.get('duplicate') else 'linked to'} {link.get('to')} (score {link.get('score')})"
    ]
    if link.get("containment"):
        parts.append(f"containment {link['containment']}")
    if link.get("sentences kept") is not None:
        parts.append(f"sentences kept {link['sentences kept']}")
    for key in ("kind", "day", "event place", "places", "countries", "counts", "names", "name keys"):
        if link.get(key):
            parts.append(f"{key} " + ", ".join(map(str, link[key])))
    return "; ".join(parts)


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
                    schema.Article.link_evidence,
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
                    "event": story.event,
                    "members": [
                        {
                            "id": m.id,
                            "lang": m.lang,
                            "title": m.title,
                            "duplicate_of": m.duplicate_of,
                            "link": link_evidence(m.link_evidence),
                        }
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
            agreed = _story_events(s, [a.story_id for a in rows])
            for a in rows:
                yield _article_dict(a, agreed.get(a.story_id or 0))
            last = rows[-1].id


def stats(engine: Engine) -> dict[str, Any]:
    """Counts by status, language and translation status (store/stats.py: plain SQL, which the CLI runs on
    sqlite3 alone to start fast)."""
    from store.stats import stats as count

    raw = engine.raw_connection()
    try:
        return count(raw)
    finally:
        raw.close()


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
                "counts": run_counts(r.counts),
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
    """Event facts with their organisers, people and counts, newest event date first, one per event.

    The facts of every article count, duplicates and story members included (a story's representative may be
    a short copy without the lead paragraph that names the event): facts of one story (or of one article and
    its duplicates, when it has no story) with the same kind and the same name, the same date or the same main place are one event,
    listed once with ``articles``, the ids it was read from. Its fields are those of its most confident fact
    (then the one with the most places, then an original's, then the lowest id), with the day and place its
    story's reports agree on where that fact's text does not state them (store/story_event.py); ``places`` add
    the others'.

    ``place`` is a canonical place name (the CLI resolves spellings through the gazetteer) and matches any of
    the event's places; ``org`` matches organisers, their acronyms and parents, and the organisations in
    people's roles, in any of the event's articles (case-insensitive substring); ``since``/``until`` compare
    with the event's ISO date (an event with no date is left out when either is given).
    """
    date = schema.Fact.data["date"].as_string()
    q = (
        select(schema.Fact, schema.Article.story_id, schema.Article.duplicate_of, schema.Article.title)
        .join(schema.Article, schema.Article.id == schema.Fact.article_id)
        .where(schema.Fact.kind == "event", schema.Article.status.in_(("stored", "duplicate")))
        .order_by(date.desc().nulls_last(), schema.Fact.article_id, schema.Fact.id)
    )
    if kind:
        q = q.where(func.lower(schema.Fact.data["type"].as_string()) == kind.lower())
    if since:
        q = q.where(date >= since)
    if until:
        q = q.where(date <= until + "\uffff")  # "2024-12" includes every day of December
    groups: list[list[tuple[schema.Fact, int | None, int | None, str | None]]] = []
    index: dict[tuple[Any, ...], int] = {}
    with Session(engine) as s:
        for fact, story_id, duplicate_of, title in s.execute(q):
            group = ("story", story_id) if story_id else ("article", duplicate_of or fact.article_id)
            data = fact.data
            kind_of = str(data.get("type") or "").casefold()
            keys = [(*group, kind_of, "name", str(data.get("name") or "").casefold())]
            if data.get("date"):
                keys.append((*group, kind_of, "date", data["date"]))
            if data.get("places"):
                # A short copy without the lead names the event by its place ("forum in Quanzhou") and may date
                # it by its publication day: its most specific place still says which event it is.
                keys.append((*group, kind_of, "place", str(data["places"][0]).casefold()))
            found = next((index[k] for k in keys if k in index), None)
            if found is None:
                found = len(groups)
                groups.append([])
            groups[found].append((fact, story_id, duplicate_of, title))
            for k in keys:
                index.setdefault(k, found)
        related = _related_facts(s, {f.article_id for g in groups for f, *_ in g})
        agreed = _story_events(s, [story_id for g in groups for _, story_id, *_ in g])
    out: list[dict[str, Any]] = []
    for members in groups:
        best = min(
            members,
            key=lambda m: (
                -m[0].confidence,
                -len(m[0].data.get("places") or []),
                m[2] is not None,
                m[0].article_id,
            ),
        )
        fact, story_id, _, title = best
        # The day and place the story's reports agree on, where this fact's text does not state them.
        data = resolved(fact.data, agreed.get(story_id or 0)) or dict(fact.data)
        places = list(data.get("places") or [])
        for other, *_ in members:
            places += [p for p in other.data.get("places") or [] if p not in places]
        data["places"] = places
        if place and place.casefold() not in {p.casefold() for p in places}:
            continue
        details = {f.article_id: _event_details(related.get(f.article_id, []), f.data) for f, *_ in members}
        organisers, people, counts = details[fact.article_id]
        if org and not any(_mentions_org(org, o, p) for o, p, _ in details.values()):
            continue
        out.append(
            {
                "article_id": fact.article_id,
                "story_id": story_id,
                "title": title,
                **data,
                "articles": sorted({f.article_id for f, *_ in members}),
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


def _related_facts(s: Session, article_ids: set[int]) -> dict[int, list[schema.Fact]]:
    """The organiser, person and count facts of these articles, by article."""
    found: dict[int, list[schema.Fact]] = {}
    ids = sorted(article_ids)
    for start in range(0, len(ids), 500):
        for f in s.scalars(
            select(schema.Fact)
            .where(
                schema.Fact.article_id.in_(ids[start : start + 500]),
                schema.Fact.kind.in_(("organiser", "person", "count")),
            )
            .order_by(schema.Fact.id)
        ):
            found.setdefault(f.article_id, []).append(f)
    return found


def _event_details(
    related: list[schema.Fact], event: dict[str, Any]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """An event's organisers, the article's people and the event's counts, from the same text (language)."""
    same = [f for f in related if f.data.get("lang") == event.get("lang")]
    organisers = [_plain(f) for f in same if f.kind == "organiser" and f.data.get("event") == event["name"]]
    people = [_plain(f) for f in same if f.kind == "person"]
    counts = [_plain(f) for f in same if f.kind == "count" and f.data.get("event") == event["name"]]
    return organisers, people, counts


def _plain(f: schema.Fact) -> dict[str, Any]:
    data = {k: v for k, v in f.data.items() if k not in ("event", "lang", "origin")}
    return {**data, "evidence": f.evidence, "confidence": f.confidence}


def _mentions_org(needle: str, organisers: list[dict[str, Any]], people: list[dict[str, Any]]) -> bool:
    needle = needle.casefold()
    names = [o.get(k) for o in organisers for k in ("name", "acronym", "part_of")]
    names += [r.get(k) for p in people for r in p.get("roles", []) for k in ("org", "org_acronym")]
    return any(needle in n.casefold() for n in names if n)
