"""Names across scripts: Arabic-script names get a Latin canonical form, and one person written in Arabic and in
Latin script is one canonical name in the store, whichever article is stored first."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import pytest

from extract.canonical import canonical_name, latin_name, name_key
from ingest.record import Article, Entity
from normalize.stages import FingerprintStage, Normalizer
from store.db import connect
from store.writer import Writer


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("يانغ شو", "Yang Shu"),  # samples/000: a Chinese name in Arabic script
        ("إبراهيم", "Ibrahim"),
        ("أبو بكر", "Abu Bkr"),  # no short vowels in Arabic script: the key, not the form, meets "Abu Bakr"
        ("القناة الصينية العربية", "Al-Qnaa al-Siniya al-Arbiya"),
    ],
)
def test_arabic_names_get_a_latin_canonical_form(arabic: str, latin: str) -> None:
    assert canonical_name(arabic) == latin_name(arabic) == latin
    assert canonical_name(f"«{arabic}»") == latin


@pytest.mark.parametrize(
    ("arabic", "latin"),
    [
        ("حمد حسن", "Hamad Hassan"),
        ("حمد حسن", "Hamed Hasan"),
        ("محمد بن سلمان", "Mohammed bin Salman"),
        ("محمد بن سلمان", "Muhammad ibn Salman"),
        ("نجيب ميقاتي", "Najib Mikati"),
        ("ميشال عون", "Michel Aoun"),
        ("يانغ شو", "Yang Shu"),
    ],
)
def test_spellings_of_one_name_share_a_key(arabic: str, latin: str) -> None:
    assert name_key(arabic) == name_key(latin)


def test_different_names_keep_different_keys() -> None:
    assert name_key("حمد حسن") != name_key("Hamad Hamdan")
    assert name_key("Michel Aoun") != name_key("Michel Suleiman")


def _record(tmp_path: Path, lang: str, text: str, name: str) -> Article:
    start = text.index(name)
    entity = Entity(name, "PERSON", start, start + len(name), canonical_name(name), "native", lang)
    article = Normalizer()(Article(source=str(tmp_path / f"{lang}.txt"), text=text, lang=lang))
    return FingerprintStage()(dataclasses.replace(article, entities=(entity,)))


@pytest.mark.parametrize("arabic_first", [True, False])
def test_one_person_in_arabic_and_latin_script_meets_under_one_canonical_name(
    tmp_path: Path, arabic_first: bool
) -> None:
    arabic = _record(tmp_path, "ar", "قال حمد حسن إن الاجتماع سيعقد غدا في الدوحة.", "حمد حسن")
    latin = _record(
        tmp_path, "en", "Hamad Hassan said the meeting would be held in Doha tomorrow.", "Hamad Hassan"
    )
    db = tmp_path / "names.db"
    writer = Writer(connect(db))
    for record in (arabic, latin) if arabic_first else (latin, arabic):
        writer.save(record, record.source, None)
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT lang, text, canonical FROM entities ORDER BY lang").fetchall()
    assert rows == [("ar", "حمد حسن", "Hamad Hassan"), ("en", "Hamad Hassan", "Hamad Hassan")]
