"""Two events of one kind in one country stay two stories (store/vetoes.py `_published_before`; store/matching.py
`_counts_only_here`): a report published before a sudden event's day, an undated report whose counts are the other
story's; and a report still links to its own story. bench/realset's tuning half, anchors as a fresh ingest stores them (the typed ones,
extract/signature.py)."""

from __future__ import annotations

import sqlite3

from store.match_records import _Candidate
from store.matching import Matcher, _counts_only_here
from store.vetoes import _published_before


def _candidate(i: int, published: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "en", published, None, None, frozenset(anchors))


# The Abuja church crush of Saturday 21 December 2024 ("A stampede at the Holy Trinity Catholic Church in Maitama
# on Saturday morning claimed 10 lives", ng-abuja-crush-2024-en-01), its French report -fr-04 and an undated
# English one that names Ibadan's crush too (-en-03, its event place read as Ibadan).
ABUJA = [
    _candidate(1, "2024-12-21", "d:2024-12-21", "e:abg shrs", "k:stampede", "p:mtm", "s:hl trnt ktlk shrs"),
    _candidate(2, "2024-12-21", "d:2024-12-21", "e:mtm", "k:stampede", "p:abg", "q:participants:3000"),
    _candidate(3, None, "d:2024-12-21", "e:abdn", "k:stampede", "p:abdn", "p:mtm", "q:dead:35"),
]


def test_a_report_published_before_a_sudden_events_day_is_of_an_earlier_event() -> None:
    """The Arabic report of the Ibadan funfair crush ("أعلنت الشرطة النيجيرية أن 35 طفلا على الأقل قتلوا ... نتيجة
    تدافع في معرض مدرسي في مدينة إيبادان", ng-ibadan-crush-2024-ar-05), published on 19 December 2024, two days
    before the day the Abuja story's members agree on: it linked to -en-03 on the crush, Ibadan and the near day
    and took the Ibadan reports after it into Abuja's story (30 false pairs)."""
    ibadan = _candidate(4, "2024-12-19", "d:2024-12-19", "e:abdn", "k:stampede", "p:abdn", "r:nigeria")
    assert _published_before([ibadan], ABUJA)
    assert Matcher()._clash([ibadan], ABUJA)
    # A report of the day before (the local and the UTC day) and one of the day itself are not refused.
    assert not _published_before([_candidate(5, "2024-12-20", "e:abg", "k:stampede")], ABUJA)
    assert not _published_before([ABUJA[0]], ABUJA[1:])


def test_a_report_of_the_day_after_its_event_stays_in_its_story() -> None:
    """The Ibadan crush's own reports, published 20 December on a crush of the 18th (ng-ibadan-crush-2024-id-01,
    -id-02, "d:2024-12-18"), and its English report of the 20th (-en-01): one event, reported after its day."""
    ibadan = [
        _candidate(6, "2024-12-20", "d:2024-12-18", "e:abdn", "k:stampede", "q:dead:35"),
        _candidate(7, "2024-12-20", "d:2024-12-18", "e:abdn ngr", "k:stampede", "q:dead:35"),
    ]
    english = _candidate(8, "2024-12-20", "e:abdn", "k:stampede", "p:abdn", "r:nigeria")
    assert not _published_before([english], ibadan)
    assert not Matcher()._clash([english], ibadan)


def test_a_meeting_announced_ahead_is_not_refused() -> None:
    """A preview of a summit comes out before its day (the tuning half's preview of the Rio BRICS summit, 11 days
    ahead; COP29's Indonesian reports of 9 November 2024 on the conference of the 11th): meetings are announced
    ahead, and only sudden kinds are read."""
    summit = [
        _candidate(1, "2024-11-11", "d:2024-11-11", "k:conference", "e:bk"),
        _candidate(2, "2024-11-12", "d:2024-11-11", "k:conference", "e:bk"),
    ]
    assert not _published_before([_candidate(3, "2024-11-09", "k:conference", "e:bk")], summit)


def _story(members: list[_Candidate]) -> tuple[sqlite3.Connection, dict[int, _Candidate]]:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, story_id INTEGER)")
    db.executemany("INSERT INTO articles VALUES (?, 1)", [(m.id,) for m in members])
    return db, {m.id: m for m in members}


# The undated Arabic report of the Balasore train crash of 2 June 2023 ("ارتفعت حصيلة قتلى اصطدام ثلاثة قطارات، في
# منطقة بالاسور الهندية، إلى 238 شخصا ... ونقلت صحيفة "تايمز أوف إنديا" ... رئيس الوزراء الهندي ناريندرا مودي",
# in-balasore-train-2023-ar-01).
BALASORE = _candidate(
    43,
    None,
    "e:blsr",
    "g:in",
    "k:crash",
    "p:ads",
    "p:blsr",
    "p:rbx",
    "q:injured:900",
    "r:india",
    "s:amt sh",
    "s:ashn fshn",
    "s:nrndr md",
    "s:tms af and",
)


def test_a_story_link_that_shares_the_place_still_links() -> None:
    """Against its own story's reports (in-balasore-train-2023-en-03, -en-04: "e:blsr", 238 and 280 dead, 900
    injured) the Balasore report shares its event place and links."""
    balasore = [
        _candidate(
            49,
            "2023-06-03",
            "e:blsr",
            "g:in",
            "k:crash",
            "p:ads",
            "p:blsr",
            "q:dead:238",
            "q:injured:900",
            "r:india",
            "s:st astrn rl",
        ),
        _candidate(
            50,
            "2023-06-03",
            "d:2023-06-02",
            "e:blsr",
            "g:in",
            "k:crash",
            "p:ads",
            "p:blsr",
            "p:klkt",
            "q:dead:280",
            "q:injured:900",
            "r:india",
            "s:blsr",
            "s:nrndr md",
        ),
    ]
    db, fingerprints = _story(balasore)
    fingerprints[BALASORE.id] = BALASORE
    assert Matcher()._story_link(db, BALASORE, 1, [49, 50], fingerprints) is not None


def test_an_undated_report_moves_to_the_story_whose_dated_reports_give_its_counts() -> None:
    """The undated Arabic report of the Godoria shipwreck of 22 April 2024 ("لقي 21 شخصا على الأقل حتفهم وفقد 23
    آخرون بعد انقلاب قارب يقل مهاجرين قبالة سواحل جيبوتي ... كان على متنه 77 مهاجرا",
    dj-godoria-shipwreck-20240422-ar-02) shares with the 8 April shipwreck's dated reports the IOM's Arabic
    spelling (one of them is Arabic), and with the 22 April story's dated English reports its three counts: what
    Matcher._unsure_left read from them (_occurrence_marks)."""
    there = {"e:gbt", "s:antrntnl argnstn fr mgrtn", "s:mndm dl lhgr"}
    here = {"e:gbt", "q:dead:21", "q:missing:23", "q:on board:77", "s:antrntnl argnstn fr mgrtn"}
    assert _counts_only_here(there, here)
    # One count met by chance does not move it, nor counts where the other story has one of its own too.
    assert not _counts_only_here(there, {"e:gbt", "q:on board:77"})
    assert not _counts_only_here(there | {"q:dead:38"}, here)
