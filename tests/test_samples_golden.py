"""Golden tests on samples/: what `polynews ingest samples/` stores, with real trafilatura, langdetect, spaCy
and SQLite. tests/golden/samples.json is rewritten by `pytest --update-golden`; review its diff."""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from store.db import connect
from store.queries import iter_export

GOLDEN = Path(__file__).parent / "golden" / "samples.json"
BOILERPLATE = re.compile(
    r"Leave a Reply|^\+ =$|About the Author|Formation Marketing|secrets-de-comment|^Video - https?://|^SOURCE ",
    re.MULTILINE,
)


_story: dict[int, int | None] = {}


def _rows(db: Path) -> dict[str, dict[str, Any]]:
    return {Path(r["source"]).name[:3]: r for r in iter_export(connect(db))}


def _summary(row: dict[str, Any], names: dict[int, str]) -> dict[str, Any]:
    return {
        "duplicate_of": names.get(row["duplicate_of"]),
        "in_story_with": sorted(
            k for i, k in names.items() if row["story_id"] and i != row["id"] and _story[i] == row["story_id"]
        ),
        "lang": row["lang"],
        "published": row["published"],
        "title": row["title"],
        "status": row["status"],
        "translation": row["translation"]["status"],
        "text_start": row["text"][:60],
        "text_end": row["text"][-60:],
        "entities": sorted(
            {e["canonical"] for e in row["entities"] if e["label"] in {"PERSON", "ORG", "GPE"}}
        ),
        "events": [
            [f["name"], f["type"], f.get("date"), f["places"][:3]]
            for f in row.get("facts") or []
            if f["kind"] == "event"
        ],
    }


def test_golden(samples_db: Path, request: pytest.FixtureRequest) -> None:
    rows = _rows(samples_db)
    names = {r["id"]: k for k, r in rows.items()}
    _story.update({r["id"]: r["story_id"] for r in rows.values()})
    got = {k: _summary(v, names) for k, v in sorted(rows.items())}
    if request.config.getoption("--update-golden"):
        GOLDEN.write_text(json.dumps(got, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    assert got == json.loads(GOLDEN.read_text(encoding="utf-8"))


def test_languages_and_dates(samples_db: Path) -> None:
    rows = _rows(samples_db)
    assert {k: r["lang"] for k, r in rows.items()} == {
        "000": "ar",
        "001": "en",
        "002": "fr",
        "003": "id",
        "004": "en",
    }
    with sqlite3.connect(samples_db) as conn:
        dates = dict(
            conn.execute(
                "SELECT substr(source, -40), published || '/' || published_precision FROM articles "
                "WHERE published IS NOT NULL"
            ).fetchall()
        )
    assert sorted(dates.values()) == ["2024-12-06/day", "2024-12/month"]
    assert rows["003"]["published"] == "2024-12" and rows["004"]["published"] == "2024-12-06"


def test_title_of_001(samples_db: Path) -> None:
    assert _rows(samples_db)["001"]["title"] == (
        "Forum|Internet audio-visual conference: tell Chinese stories well and spread Chinese voice well"
    )


def test_no_boilerplate_left_and_credit_kept(samples_db: Path) -> None:
    for key, row in _rows(samples_db).items():
        assert not BOILERPLATE.search(row["text"]), (
            f"boilerplate left in {key}: {BOILERPLATE.search(row['text'])}"
        )
    with sqlite3.connect(samples_db) as conn:
        credits = [c for (c,) in conn.execute("SELECT credit FROM articles WHERE credit IS NOT NULL")]
    assert credits == ["CCTV+"]
    assert _rows(samples_db)["003"]["text"].endswith("negara-negara Global South.")


def test_english_entities(samples_db: Path) -> None:
    rows = _rows(samples_db)
    names = {e["canonical"] for k in ("001", "004") for e in rows[k]["entities"]}
    for expected in (
        "Chengdu",
        "Sichuan",
        "Yan Chengsheng",
        "Quanzhou",
        "Shen Haixiong",
        "China Media Group",
    ):
        assert expected in names
    assert {"CCTV+", "CCTV Video News Agency"} & names
    assert all(e["origin"] == "native" for k in ("001", "004") for e in rows[k]["entities"])


def test_untranslated_without_models(samples_db: Path) -> None:
    rows = _rows(samples_db)
    assert {k: r["translation"]["status"] for k, r in rows.items()} == {
        "000": "missing-model",
        "001": "not-needed",
        "002": "missing-model",
        "003": "missing-model",
        "004": "not-needed",
    }


def test_sqlite_file_is_plain_sqlite_with_fts(samples_db: Path) -> None:
    with sqlite3.connect(samples_db) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        hits = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH 'Quanzhou'").fetchall()
        assert len(hits) == 2  # 003 (id) and 004 (en)


def test_native_entities_in_arabic_and_indonesian(samples_db: Path) -> None:
    """Arabic and Indonesian articles get entities from their own text with no translation model: places under
    the gazetteer's names, Arabic-script people under a Latin form."""
    rows = _rows(samples_db)
    names = {k: {(e["label"], e["canonical"]) for e in rows[k]["entities"]} for k in ("000", "003")}
    # يانغ شو, بكين, لندن
    assert {("PERSON", "Yang Shu"), ("GPE", "Beijing"), ("GPE", "London")} <= names["000"]
    # CMG under the long form the text defines ("China Media Group (CMG)")
    assert {("PERSON", "Shen Haixiong"), ("ORG", "China Media Group")} <= names["003"]
    assert ("ORG", "CMG") in {(e["label"], e["text"]) for e in rows["003"]["entities"]}
    assert "Quanzhou" in {name for _, name in names["003"]}
    assert all(e["canonical"].isascii() for e in rows["000"]["entities"])


def test_issue14_sample_entities_and_forum(samples_db: Path) -> None:
    """Issue 14's "what it must show" on the samples: 000 (ar) gives Yang Shu, Beijing, London and the
    China-Arab channel (القناة الصينية العربية, an organisation named by its head noun) under Latin names; 003
    (id) gives Shen Haixiong, CMG, CCTV+ (the acronyms it defines) and Quanzhou, and its forum is placed at
    Quanzhou, not at a word of its quoted theme ("Vision Beyond the Horizon")."""
    rows = _rows(samples_db)
    surfaces = {
        k: {(e["label"], e["text"], e["canonical"]) for e in rows[k]["entities"]} for k in ("000", "003")
    }
    assert {
        ("PERSON", "يانغ شو", "Yang Shu"),
        ("GPE", "بكين", "Beijing"),
        ("GPE", "لندن", "London"),
        ("ORG", "القناة الصينية العربية", "China-Arab Channel"),
    } <= surfaces["000"]
    assert {
        ("PERSON", "Shen Haixiong", "Shen Haixiong"),
        ("ORG", "CMG", "China Media Group"),
        ("ORG", "CCTV+", "CCTV Video News Agency"),
        ("GPE", "Quanzhou", "Quanzhou"),
    } <= surfaces["003"]
    assert not any("Horizon City" in e["canonical"] for e in rows["003"]["entities"])
    events = [f for f in rows["003"]["facts"] if f["kind"] == "event"]
    assert [(f["type"], f["places"][0]) for f in events] == [("forum", "Quanzhou")]
    # the English report keeps its forum: Quanzhou, 2024-12-03
    forum = next(f for f in rows["004"]["facts"] if f["kind"] == "event")
    assert (forum["type"], forum["date"], forum["places"][0]) == ("forum", "2024-12-03", "Quanzhou")
