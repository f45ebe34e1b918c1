"""A report does not join a story that never names where its event happened on a link that shares nothing of
where (store/vetoes.py `_placeless`, `_elsewhere`: a link of the kind and day alone), and an undated copy follows its dated original out of a story
that original's weekday refuses (`Matcher._copy_refused`). bench/realset's tuning half, anchors as a fresh ingest
stores them (the typed ones, extract/signature.py)."""

from __future__ import annotations

import sqlite3

from store.match_records import Verdict, _Candidate
from store.matching import Matcher
from store.vetoes import _elsewhere, _placeless


def _candidate(i: int, published: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "ar", published, None, None, frozenset(anchors))


def _story(members: tuple[tuple[str, ...], ...]) -> tuple[sqlite3.Connection, dict[int, _Candidate]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, story_id INTEGER)")
    db.executemany("INSERT INTO articles VALUES (?, 1)", [(i,) for i in range(1, len(members) + 1)])
    return db, {i: _candidate(i, None, *a) for i, a in enumerate(members, start=1)}


def test_a_link_on_the_kind_and_day_alone_does_not_take_a_report_placed_elsewhere() -> None:
    """The Arabic report of the Mai Mahiu dam burst ("في صباح يوم الإثنين في منطقة "ماي ماهيو"، غرب كينيا ...
    انهار سد", ke-mai-mahiu-dam-2024-ar-01, 29 April 2024) links to an Indonesian copy of a Rio Grande do Sul
    floods report (br-rio-grande-flood-2024-id-02) on "flood" and 29 April alone: on one day a kind of event
    happens in many places. A link with a place or a name in it is not refused this way."""
    mai_mahiu = _candidate(
        1, "2024-04-29", "d:2024-04-29", "e:m mh", "k:flood", "p:m mh", "p:nrb", "q:dead:45", "r:kenya"
    )
    rio = _candidate(
        2, "2024-05-10", "d:2024-04-29", "e:kns", "k:flood", "p:prt algr", "p:r grnd d sl", "r:brazil"
    )
    link = Matcher().judge(mai_mahiu, rio)
    assert link is not None and set(link.evidence["signals"]) == {"kind", "day"}  # type: ignore[arg-type]
    assert _placeless(link.evidence)
    assert _elsewhere(mai_mahiu, [rio])
    with_names = Verdict(2, 0.67, False, {"signals": {"kind": 1.0, "names": 1.0}})
    assert not _placeless(with_names.evidence)


def test_an_undated_copy_follows_its_month_dated_original_out_of_a_story_its_weekday_refuses() -> None:
    """The AFP report of the Lewotobi eruption of Monday 7 July 2025 ("date 2025-07", "Un volcan dans l'est de
    l'Indonésie a projeté lundi une énorme colonne de cendres", id-lewotobi-202507-fr-03) has two undated copies
    (-fr-01, -fr-02) that sat in the story of the 17 June eruption, whose agreed day falls on no Monday near the
    original's month. A copy that states a day of its own stays where that day put it."""
    db, fingerprints = _story((("d:2025-06-17", "k:eruption"), ("d:2025-06-17", "k:eruption", "e:ltb lk lk")))
    matcher = Matcher()
    original = _candidate(10, "2025-07", "k:eruption", "e:ltb lk lk", "p:bl", "p:flrs")
    matcher._weekdays[10] = 0  # Monday, named by the text ("a projeté lundi")
    undated_copy = _candidate(11, None, "k:eruption", "e:ltb lk lk", "p:bl", "p:flrs")
    assert matcher._copy_refused(db, undated_copy, [original], False, 1, fingerprints)
    dated_copy = _candidate(12, None, "d:2025-06-17", "k:eruption", "e:ltb lk lk")
    assert not matcher._copy_refused(db, dated_copy, [original], False, 1, fingerprints)
