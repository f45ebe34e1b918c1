"""PostgreSQL (``postgresql+psycopg://...``): many analysts query while one run writes.

Differences from SQLite, all here:
- the matching hot path's raw connection is psycopg's, whose placeholders are ``%s``;
- identifiers: a sequence is not rolled back with a killed transaction, so each write transaction first sets
  every sequence to max(id) + 1, as SQLite's INTEGER PRIMARY KEY does (one writer holds the run lock): a killed
  run and its re-run give the ids one clean run gives;
- the translation cache's insertion order is a ``seq`` column (SQLite has its rowid);
- full-text search is a ``tsvector`` column kept by a trigger and a GIN index (migration 0008), with a text
  search configuration ``polynews`` that removes accents (``conference`` finds ``conférence``, as FTS5's
  ``remove_diacritics`` does); the same query language as on SQLite is translated to a ``tsquery``;
- one run at a time: a session-level advisory lock instead of the lock file (released by the server when the
  run's connection drops, SIGKILL included).
"""

from __future__ import annotations

import os
import re
import socket
import time
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from ingest.errors import QueryError
from store.lock import LockHeld

_SERIAL = ("runs", "stories", "articles", "sightings", "entities", "facts", "article_versions")


class _Raw:
    """psycopg's connection with the ``?`` placeholders the matching SQL is written with."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cur = self._conn.cursor()
        cur.execute(sql.replace("?", "%s"), params)
        return cur

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:  # psycopg pipelines the statements: one round trip for the lot
            self._conn.cursor().executemany(sql.replace("?", "%s"), rows)


class PostgreSQL:
    name = "postgresql"
    cache_order = "seq"

    def raw(self, s: Session) -> _Raw:
        return _Raw(s.connection().connection.driver_connection)

    def before_write(self, s: Session) -> None:
        s.execute(
            text(
                "SELECT "
                + ", ".join(
                    f"setval(pg_get_serial_sequence('{t}', 'id'), coalesce((SELECT max(id) FROM {t}), 0) + 1, false)"
                    for t in _SERIAL
                )
            )
        )

    def insert(self, table: Any) -> Any:
        return pg_insert(table)


DIALECT = PostgreSQL()


# -- full-text search ---------------------------------------------------------------------------------------
# The query is store/fts_query.py's FTS5 expression (what people type, made FTS5), read with FTS5's grammar:
# quoted strings ("" inside is a quote), bare words, AND/OR/NOT, parentheses, a trailing * (prefix) and
# ``column : string`` (title, text, text_en).
_TOKEN = re.compile(r'\s*(?:(")|(\()|(\))|(\*)|(:)|([^\s"():*]+))')
# A column's weight in the tsvector (migration 0008's trigger): `title:word` is `'word':A`.
_WEIGHTS = {"title": "A", "text": "B", "text_en": "C"}


def _lexemes(text: str) -> list[str]:
    """The words FTS5's unicode61 tokenizer makes of a string (runs of letters, digits and their marks), which
    PostgreSQL's parser makes too: ``l'audiovisuel`` is ``l`` ``audiovisuel``, ``12,000`` is ``12`` ``000``,
    ``CCTV+`` is ``CCTV``. None holds a tsquery syntax character."""
    words: list[str] = []
    current: list[str] = []
    for ch in text:
        if ch.isalnum() or unicodedata.category(ch).startswith("M"):
            current.append(ch)
        elif current:
            words.append("".join(current))
            current = []
    if current:
        words.append("".join(current))
    return words


def _quote(lexeme: str) -> str:
    return "'" + lexeme + "'"


def to_tsquery(query: str, shown: str | None = None) -> str:
    """An FTS5 expression (store/fts_query.py's output, or FTS5 syntax as typed: words, "a phrase",
    AND/OR/NOT, prefix*, parentheses, title:word) as tsquery text; raises QueryError with the reason, as FTS5
    does for a malformed query (naming ``shown``, what the user typed, when given)."""
    said = query if shown is None else shown
    tokens: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        m = _TOKEN.match(query, pos)
        if m is None:  # only trailing blanks are left
            break
        pos = m.end()
        if m.group(1):
            parts: list[str] = []
            while True:
                end = query.find('"', pos)
                if end < 0:
                    raise _malformed(said, "unterminated string")
                parts.append(query[pos:end])
                pos = end + 1
                if not query.startswith('"', pos):
                    break
                parts.append('"')  # "" inside a string is one quote
                pos += 1
            tokens.append(("phrase", "".join(parts)))
        elif m.group(2):
            tokens.append(("(", "("))
        elif m.group(3):
            tokens.append((")", ")"))
        elif m.group(4):
            tokens.append(("*", "*"))
        elif m.group(5):
            tokens.append((":", ":"))
        elif m.group(6) in ("AND", "OR", "NOT"):
            tokens.append((m.group(6), m.group(6)))
        else:
            tokens.append(("word", m.group(6)))
    if not tokens:
        raise _malformed(said, "empty query")
    at = 0

    def peek(ahead: int = 0) -> str | None:
        return tokens[at + ahead][0] if at + ahead < len(tokens) else None

    def take() -> tuple[str, str]:
        nonlocal at
        if at >= len(tokens):
            raise _malformed(said, "unexpected end of query")
        at += 1
        return tokens[at - 1]

    def primary() -> str:
        weight = ""
        if peek() == "word" and peek(1) == ":":
            column = take()[1]
            if column not in _WEIGHTS:
                raise _malformed(said, f"no such column: {column}")
            take()
            weight = _WEIGHTS[column]
        kind, value = take()
        if kind == "(" and not weight:
            inner = disjunction()
            if take()[0] != ")":
                raise _malformed(said, "unbalanced parentheses")
            return f"({inner})"
        if kind not in ("phrase", "word"):
            raise _malformed(said, f"syntax error near {value!r}")
        words = _lexemes(value)
        if not words:
            raise _malformed(said, f"syntax error near {value!r}" if kind == "word" else "empty phrase")
        prefix = peek() == "*"
        if prefix:  # the star applies to the last word
            take()
        last = _quote(words[-1]) + (":*" if prefix else ":" if weight else "") + weight
        return (
            "("
            + " <-> ".join([*(_quote(w) + (":" + weight if weight else "") for w in words[:-1]), last])
            + ")"
        )

    def negation() -> str:
        left = primary()
        while peek() == "NOT":
            take()
            left = f"({left} & !{primary()})"
        return left

    def conjunction() -> str:
        parts = [negation()]
        while peek() in ("AND", "word", "phrase", "("):
            if peek() == "AND":
                take()
            parts.append(negation())
        return " & ".join(parts)

    def disjunction() -> str:
        parts = [conjunction()]
        while peek() == "OR":
            take()
            parts.append(conjunction())
        return " | ".join(f"({p})" for p in parts) if len(parts) > 1 else parts[0]

    result = disjunction()
    if at != len(tokens):
        raise _malformed(said, f"syntax error near {tokens[at][1]!r}")
    return result


def _malformed(query: str, reason: str) -> QueryError:
    return QueryError(
        f'malformed search query {query!r} ({reason}); quote phrases with "..." and use AND, OR, NOT'
    )


# Matches are grouped as on SQLite (an article and its near duplicates are one hit, the best-ranked), then the
# rows shown get a snippet: ts_headline re-parses a whole text, so it runs on those, not on every match. The
# rank weighs every column alike (the weights only serve `title:word`), as FTS5's bm25 does by default.
_SEARCH = """
    WITH q AS (SELECT to_tsquery('polynews', :q) AS q),
    hits AS (
        SELECT a.id, a.lang, a.title, a.published, a.source, a.duplicate_of, a.story_id,
               coalesce(a.duplicate_of, a.id) AS grp, -ts_rank_cd('{1, 1, 1, 1}', a.fts, q.q) AS score
        FROM articles a, q
        WHERE a.fts @@ q.q AND (CAST(:lang AS text) IS NULL OR a.lang = :lang)),
    ranked AS (
        SELECT *, row_number() OVER (PARTITION BY grp ORDER BY score, id) AS rank_in_group,
               count(*) OVER (PARTITION BY grp) AS copies
        FROM hits),
    best AS (
        SELECT * FROM ranked WHERE CAST(:all AS boolean) OR rank_in_group = 1
        ORDER BY score, id LIMIT :limit)
    SELECT best.id, best.lang, best.title, best.published, best.source, best.duplicate_of, best.story_id,
           best.grp AS "group", best.copies, best.score,
           ts_headline('polynews', coalesce(a.text, '') || ' ' || coalesce(a.text_en, ''), q.q,
                       'StartSel=[, StopSel=], MaxWords=12, MinWords=4, MaxFragments=1, FragmentDelimiter=" … "')
               AS snippet
    FROM best JOIN articles a ON a.id = best.id, q
    ORDER BY best.score, best.id"""


def search(
    engine: Engine, expression: str, lang: str | None, limit: int, all_copies: bool, typed: str | None = None
) -> list[dict[str, Any]]:
    """Best first, like bm25 on SQLite (the score is negated so lower is better on both); ``expression`` is
    the FTS5 expression (store/fts_query.py), ``typed`` what the user typed, for messages."""
    tsquery = to_tsquery(expression, shown=typed)
    with engine.connect() as conn:
        rows = conn.execute(
            text(_SEARCH), {"q": tsquery, "lang": lang, "limit": limit, "all": all_copies}
        ).mappings()
        return [{**r, "copies": int(r["copies"]), "score": float(r["score"])} for r in rows]


# -- one run at a time ----------------------------------------------------------------------------------------
# int.from_bytes(b"polynews"): advisory lock keys are per database, so one key serves every polynews database.
LOCK_KEY = 0x706F6C796E657773


class AdvisoryLock:
    """``pg_try_advisory_lock`` on a connection held for the run. The server releases a session lock when the
    connection ends, however the client died; the connection's application_name says who holds it."""

    def __init__(self, engine: Engine, label: str, wait: float = 0.0) -> None:
        self.engine = engine
        self.label = label
        self.wait = wait
        self._conn: Connection | None = None

    def acquire(self) -> None:
        conn = self.engine.connect()
        me = (
            f"polynews pid {os.getpid()} on {socket.gethostname()} since {time.strftime('%Y-%m-%d %H:%M:%S')}"
        )
        conn.execute(text("SELECT set_config('application_name', :me, false)"), {"me": me[:63]})
        deadline = time.monotonic() + self.wait
        while not conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": LOCK_KEY}).scalar_one():
            if time.monotonic() >= deadline:
                holder = self.holder() or "another process"
                conn.close()
                raise LockHeld(
                    f"another polynews run holds {self.label} ({holder}); "
                    "this run did nothing. Try again later, or wait with --wait SECONDS"
                )
            time.sleep(0.2)
        conn.commit()  # the lock is the session's, not the transaction's: nothing left open
        self._conn = conn

    def release(self) -> None:
        if self._conn is not None:
            self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
            self._conn.close()
            self._conn = None
        self.engine.dispose()

    def holder(self) -> str | None:
        """Who holds the lock now (its application_name and client address), or None."""
        with self.engine.connect() as conn:
            row = conn.execute(
                text(
                    "SELECT a.application_name, a.client_addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
                    " WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1"
                    " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
                    " AND l.classid = :hi AND l.objid = :lo"
                ),
                {"hi": LOCK_KEY >> 32, "lo": LOCK_KEY & 0xFFFFFFFF},
            ).first()
        if row is None:
            return None
        name, addr = row
        return (name or "a client") + (f" from {addr}" if addr else "")

    def __enter__(self) -> AdvisoryLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
