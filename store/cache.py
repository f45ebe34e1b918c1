"""The translation cache in the database (implements translate.stage.SentenceCache)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, literal_column, select, text
from sqlalchemy.orm import Session

from store import dialects
from store.schema import TranslationCache as Row
from store.writer import now

# SQLite allows 32766 bound parameters; stay far below it.
_CHUNK = 500


def sentence_hash(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()


def horizon(engine: Engine) -> int:
    """The cache's newest row now: a run reads the cache as it was when it started (see RunCache)."""
    order = dialects.of(engine).cache_order
    with engine.connect() as conn:
        return int(
            conn.execute(text(f"SELECT coalesce(max({order}), 0) FROM translation_cache")).scalar_one()
        )


class TranslationCache:
    def __init__(self, engine: Engine, upto: int | None = None) -> None:
        self.engine = engine
        self.upto = upto  # read only rows up to this one in insertion order (None: all)
        self._order = dialects.of(engine).cache_order

    def get_many(self, model_id: str, sentences: list[str]) -> dict[str, str]:
        by_hash = {sentence_hash(s): s for s in sentences}
        found: dict[str, str] = {}
        keys = list(by_hash)
        with Session(self.engine) as s:
            for i in range(0, len(keys), _CHUNK):
                query = select(Row.source_hash, Row.target).where(
                    Row.model_id == model_id, Row.source_hash.in_(keys[i : i + _CHUNK])
                )
                if self.upto is not None:
                    query = query.where(literal_column(f"translation_cache.{self._order}") <= self.upto)
                found.update((by_hash[h], target) for h, target in s.execute(query))
        return found

    def put_many(self, model_id: str, pairs: dict[str, str]) -> None:
        rows = [
            {
                "model_id": model_id,
                "source_hash": sentence_hash(src),
                "source": src,
                "target": tgt,
                "created_at": now(),
            }
            for src, tgt in pairs.items()
        ]
        with Session(self.engine) as s, s.begin():
            for i in range(0, len(rows), _CHUNK):
                s.execute(dialects.of(s).insert(Row).values(rows[i : i + _CHUNK]).on_conflict_do_nothing())


class RunCache:
    """The cache as a run's stages see it: what earlier runs stored, read-only. New translations are kept for
    the writer (`drain`), which stores them with the results, so only the main process writes the database.
    Not seeing this run's own translations makes every article's translation independent of which worker
    translated which batch first: a sentence is translated in the same batch whatever the number of workers
    (CTranslate2's numbers depend on the batch a sentence is padded with: OpenNMT/CTranslate2#1079). A
    sentence repeated across batches of one run is translated again; a re-run finds it."""

    def __init__(self, engine: Engine, upto: int) -> None:
        self._db = TranslationCache(engine, upto)
        self._new: dict[str, dict[str, str]] = {}

    def get_many(self, model_id: str, sentences: list[str]) -> dict[str, str]:
        return self._db.get_many(model_id, sentences)

    def put_many(self, model_id: str, pairs: dict[str, str]) -> None:
        self._new.setdefault(model_id, {}).update(pairs)

    def drain(self) -> dict[str, dict[str, str]]:
        """The translations made since the last drain, by model."""
        new, self._new = self._new, {}
        return new
