"""The translation cache on SQLite (implements translate.stage.SentenceCache)."""

from __future__ import annotations

import hashlib

from sqlalchemy import Engine, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from store.schema import TranslationCache as Row
from store.writer import now

# SQLite allows 32766 bound parameters; stay far below it.
_CHUNK = 500


def sentence_hash(sentence: str) -> str:
    return hashlib.sha256(sentence.encode("utf-8")).hexdigest()


class TranslationCache:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def get_many(self, model_id: str, sentences: list[str]) -> dict[str, str]:
        by_hash = {sentence_hash(s): s for s in sentences}
        found: dict[str, str] = {}
        keys = list(by_hash)
        with Session(self.engine) as s:
            for i in range(0, len(keys), _CHUNK):
                rows = s.execute(
                    select(Row.source_hash, Row.target).where(
                        Row.model_id == model_id, Row.source_hash.in_(keys[i : i + _CHUNK])
                    )
                )
                found.update((by_hash[h], target) for h, target in rows)
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
                s.execute(insert(Row).values(rows[i : i + _CHUNK]).on_conflict_do_nothing())
