"""One name across scripts: an Arabic-script person or organisation takes the Latin spelling that other articles
use for the same name, so حمد حسن and Hamad Hassan are one canonical name in the store.

Arabic articles' entities carry a transliterated canonical form ("Hmd Hsn": Arabic writes no short vowels);
articles in Latin script carry the spelling their outlet uses ("Hamad Hassan"). Both have the same consonant
skeleton (extract.canonical.name_key: "hmd hsn"). The writer keeps, per label and skeleton, the first Latin
spelling stored; an Arabic-script name with that skeleton takes it, and when the Latin spelling arrives after
the Arabic article, the Arabic article's rows are renamed. The database is the same in any read order.

Only names with a skeleton of two words or more are matched: a one-word skeleton ("hsn": Hassan, Hussein,
Hassoun) names too many people.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from extract.canonical import ARABIC_LETTER, name_key
from ingest.record import Article as Record
from ingest.record import Entity
from store import schema

LABELS = ("PERSON", "ORG")
ARABIC_SCRIPT_LANGS = frozenset({"ar"})


def _key(entity_label: str, canonical: str) -> tuple[str, str] | None:
    key = name_key(canonical)
    return (entity_label, key) if " " in key else None


class NameIndex:
    """Latin spellings by (label, skeleton), loaded from the store on first use and kept up to date by the
    writer's batches (one writer process per database)."""

    def __init__(self) -> None:
        self._latin: dict[tuple[str, str], str] | None = None
        self._arabic: dict[tuple[str, str], set[str]] = defaultdict(set)

    def _load(self, s: Session) -> dict[tuple[str, str], str]:
        if self._latin is None:
            self._latin = {}
            rows = s.execute(
                select(schema.Entity.label, schema.Entity.canonical, schema.Entity.lang)
                .where(schema.Entity.label.in_(LABELS))
                .order_by(schema.Entity.id)
            )
            for label, canonical, lang in rows:
                self._note(label, canonical, lang)
        return self._latin

    def _note(self, label: str, canonical: str, lang: str) -> str | None:
        """Register a stored name; for an Arabic-script one, the Latin spelling it takes (None: none known)."""
        assert self._latin is not None
        key = _key(label, canonical)
        if key is None:
            return None
        if lang in ARABIC_SCRIPT_LANGS:
            latin = self._latin.get(key)
            if latin is None:
                self._arabic[key].add(canonical)
            return latin
        if key not in self._latin and not ARABIC_LETTER.search(canonical):
            self._latin[key] = canonical
        return None

    def resolve(
        self, s: Session, records: list[Record]
    ) -> tuple[list[Record], list[tuple[str, set[str], str]]]:
        """The records with Arabic-script names under known Latin spellings, and the renames (label, old
        canonical names, new one) that stored Arabic-script rows need now that a Latin spelling has come."""
        if not any(e.label in LABELS for r in records for e in r.entities):
            return records, []
        latin = self._load(s)
        out: list[Record] = []
        for r in records:
            entities: list[Entity] = []
            changed = False
            for e in r.entities:
                if e.label in LABELS:
                    spelled = self._note(e.label, e.canonical, e.lang)
                    if spelled is not None and spelled != e.canonical:
                        e, changed = dataclasses.replace(e, canonical=spelled), True
                entities.append(e)
            out.append(dataclasses.replace(r, entities=tuple(entities)) if changed else r)
        renames = []
        for key in [k for k in self._arabic if k in latin]:
            renames.append((key[0], self._arabic.pop(key), latin[key]))
        return out, renames

    @staticmethod
    def rename(s: Session, renames: list[tuple[str, set[str], str]]) -> None:
        for label, old, new in renames:
            s.execute(
                update(schema.Entity)
                .where(
                    schema.Entity.label == label,
                    schema.Entity.lang.in_(ARABIC_SCRIPT_LANGS),
                    schema.Entity.canonical.in_(sorted(old)),
                )
                .values(canonical=new)
            )
