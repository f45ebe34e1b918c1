"""A report does not join a story that never names where its event happened on a link that shares nothing of
where (store/matching.py `_placeless`, `_elsewhere`), and an undated copy follows its dated original out of a story
that original's weekday refuses (`Matcher._copy_refused`). bench/realset's tuning half, anchors as a fresh ingest
stores them (the typed ones, extract/signature.py)."""

from __future__ import annotations

import sqlite3

from store.matching import _WHERE_OR_WHO, Matcher, Verdict, _Candidate, _elsewhere, _placeless

# The Air India crash's reports (in-airindia-2025-ar-01 ... -id-03), Ahmedabad, 12 June 2025.
_AIR_INDIA = (
    ("e:ahmdbd", "k:crash", "p:ahmdbd", "p:lndn", "q:on board:169", "r:united kingdom", "s:nrndr md"),
    ("e:mgn ngr", "k:crash", "p:ahmdbd", "p:hnd", "q:on board:242", "r:india", "s:ar and", "s:srdr flb"),
    ("e:ahmdbd", "k:crash", "p:ahmdbd", "q:dead:204", "q:on board:242", "r:india", "s:ar and", "s:srdr flb"),
    ("e:ahmdbd", "k:crash", "p:ahmdbd", "q:dead:240", "q:on board:230", "r:india", "s:ar and bng"),
    ("e:mgn ngr", "k:crash", "p:ahmdbd", "q:on board:242", "s:amt sh", "s:ar and", "s:mgn ngr"),
    (
        "d:2025-06-12",
        "e:ahmdbd",
        "k:crash",
        "p:ahmdbd",
        "q:on board:242",
        "r:india",
        "s:ar and",
        "s:nrndr md",
    ),
    (
        "d:2025-06-12",
        "e:mgn ngr",
        "k:crash",
        "p:ahmdbd",
        "q:dead:241",
        "q:on board:242",
        "r:india",
        "s:nrndr md",
        "s:tms af and",
    ),
)


def _candidate(i: int, published: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "ar", published, None, None, frozenset(anchors))


def _story(members: tuple[tuple[str, ...], ...]) -> tuple[sqlite3.Connection, dict[int, _Candidate]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, story_id INTEGER)")
    db.executemany("INSERT INTO articles VALUES (?, 1)", [(i,) for i in range(1, len(members) + 1)])
    return db, {i: _candidate(i, None, *a) for i, a in enumerate(members, start=1)}


def test_a_report_placed_elsewhere_does_not_join_a_storys_members_together_on_names_alone() -> None:
    """The undated Arabic report of the Balasore train crash ("ارتفعت حصيلة قتلى اصطدام ثلاثة قطارات، في منطقة
    بالاسور الهندية", in-balasore-train-2023-ar-01) met the Air India crash's reports together (_story_link) on
    "crash", India, Narendra Modi, Amit Shah and the Times of India, names every event in India may bring: it
    says its event happened at Balasore, which no member names. The same report placed at Ahmedabad joins."""
    db, fingerprints = _story(_AIR_INDIA)
    typed = ("k:crash", "p:ads", "q:injured:900", "r:india", "s:amt sh", "s:nrndr md", "s:tms af and")
    balasore = _candidate(99, None, "e:blsr", "p:blsr", *typed)
    assert Matcher()._story_link(db, balasore, 1, [6, 7], fingerprints) is None
    ahmedabad = _candidate(99, None, "e:ahmdbd", "p:ahmdbd", *typed)
    assert Matcher()._story_link(db, ahmedabad, 1, [6, 7], fingerprints) is not None


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
    assert _placeless(link.evidence, _WHERE_OR_WHO)
    assert _elsewhere(mai_mahiu, [rio])
    with_names = Verdict(2, 0.67, False, {"signals": {"kind": 1.0, "names": 1.0}})
    assert not _placeless(with_names.evidence, _WHERE_OR_WHO)
    assert _placeless(with_names.evidence)  # nothing of where: refused on a story's members together


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
