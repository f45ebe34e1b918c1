"""A report that gives its event only a weekday (an undated page's "اليوم الأربعاء", today, Wednesday) does not join
a story whose agreed day falls on no weekday near it (store/matching.py `Matcher._another_weekday`; bench/realset's
tuning half: the Al-Aqsa raids of Friday 15 April 2022 and Wednesday 5 April 2023)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from store.match_records import _Candidate
from store.matching import Matcher
from tests.test_stories import REALSET, _groups, _ingest


def _report(i: int, published: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "ar", published, None, None, frozenset(anchors))


def test_a_report_whose_event_weekday_is_far_from_the_storys_day_is_another_occurrence() -> None:
    """The days as the tuning half's reports state them: the 2022 raid's 15 April (jerusalem-aqsa-2022-ar-01,
    -ar-02), the 2023 raid's 5 April (jerusalem-aqsa-2023-en-01, -id-01); the undated Arabic report of 2023
    (jerusalem-aqsa-2023-ar-04, "أعلنت شرطة الاحتلال الإسرائيلي، اليوم الأربعاء") is read as a Wednesday's."""
    matcher = Matcher()
    report = _report(9, None, "k:riot", "p:grslm")
    raid_2022 = [_report(1, "2022-04-15", "d:2022-04-15"), _report(2, None, "d:2022-04-15")]
    raid_2023 = [_report(3, "2023-04-05", "d:2023-04-05"), _report(4, "2023-04-05", "d:2023-04-05")]
    matcher._weekdays[9] = 2  # Wednesday
    assert matcher._another_weekday(report, raid_2022)
    assert not matcher._another_weekday(report, raid_2023)
    # A day either side of the story's day is one event told as the local date or the UTC one.
    matcher._weekdays[9] = 3  # Thursday, the day before a Friday
    assert not matcher._another_weekday(report, raid_2022)
    matcher._weekdays[9] = 5  # Saturday, the day after
    assert not matcher._another_weekday(report, raid_2022)
    # One member's day is no story's day (a recalled day: the Manama summit report's 4 June 1967), and a report
    # with no weekday says nothing of its day.
    matcher._weekdays[9] = 2
    assert not matcher._another_weekday(report, [raid_2022[0], raid_2023[0]])
    assert not matcher._another_weekday(report, [_report(5, None, "d:1967-06-04")])
    matcher._weekdays[9] = None
    assert not matcher._another_weekday(report, raid_2022)


def test_an_undated_report_of_a_wednesday_does_not_join_a_fridays_story(
    tmp_path: Path, runner: CliRunner
) -> None:
    """The 2022 raid's reports arrive first; the 2023 raid's undated Arabic reports ("وقد شهد المسجد الأقصى
    المبارك، اليوم الأربعاء، اقتحامات واسعة", jerusalem-aqsa-2023-ar-02; "أعلنت شرطة الاحتلال الإسرائيلي، اليوم
    الأربعاء، أنها أوقفت أكثر من 350 شخصًا", -ar-04) share Jerusalem, the Israeli police and the Red Crescent
    with them, and stay out of their story."""
    raid = tuple(p.stem for p in sorted(REALSET.glob("jerusalem-aqsa-2022-*.txt")))
    db = _ingest(tmp_path, runner, (*raid, "jerusalem-aqsa-2023-ar-02", "jerusalem-aqsa-2023-ar-04"))
    _, stories, _ = _groups(db)
    assert not any(
        any(n.startswith("jerusalem-aqsa-2023-") for n in s)
        and any(n.startswith("jerusalem-aqsa-2022-") for n in s)
        for s in stories
    )
    assert any(len(s) >= 8 and all(n.startswith("jerusalem-aqsa-2022-") for n in s) for s in stories)


def _summit(i: int, day: str, *anchors: str) -> _Candidate:
    return _Candidate(i, "id", day, None, None, frozenset({"k:summit", "d:" + day, *anchors}))


def test_an_undated_report_linked_to_two_occurrences_joins_the_one_it_shares_more_with_or_neither() -> None:
    """The anchors as the tuning half reads them: the undated Indonesian report of the African Union summit of
    February 2024 ("Selama pertemuan puncak Uni Afrika di Addis Ababa, para pemimpin mengutuk agresi Israel di
    Gaza", au-summit-2024-id-01) links at a score of 0.999 or more to the dated reports of both summits (18
    February 2023, 17 February 2024), on Addis Ababa, Africa and the Union's chairman Azali Assoumani; it shares
    "Uni Afrika" with the 2023 summit's Indonesian reports alone, Gaza and Moussa Faki with the 2024 summit's."""
    from store.match_records import Verdict, _Meta

    shared = ("e:ads ab", "p:ads ab", "p:afrk", "s:azl asmn")
    report = _Candidate(
        9, "id", None, None, None, frozenset({"k:summit", *shared, "s:an afrk", "p:gz", "s:ms fk"})
    )
    summit_2023 = [_summit(1, "2023-02-18", *shared, "s:an afrk"), _summit(2, "2023-02-18", *shared)]
    summit_2024 = [_summit(3, "2024-02-17", *shared, "p:gz", "s:ms fk"), _summit(4, "2024-02-17", *shared)]
    stories = {18: summit_2023, 19: summit_2024}
    meta = {
        c.id: _Meta(c.id, None, story, False, "day", c.published) for story, cs in stories.items() for c in cs
    }
    links = [Verdict(1, 0.9999, False, {}), Verdict(3, 0.9995, False, {})]

    def of(story: int | None) -> list[_Candidate]:
        return stories.get(story or 0, [])

    matcher = Matcher()
    assert matcher._occurrence_link(report, links[0], links, meta, of) is None
    # Where it shares more with the best link's occurrence than with the other, it follows the best link.
    fewer = _Candidate(9, "id", None, None, None, report.anchors - {"p:gz", "s:ms fk"})
    assert matcher._occurrence_link(fewer, links[0], links, meta, of) is links[0]
    # A dated report is placed by its day, and two stories of one occurrence do not refuse each other.
    dated = _Candidate(9, "id", "2024-02-17", None, None, report.anchors)
    assert matcher._occurrence_link(dated, links[0], links, meta, of) is links[0]
    stories[19] = [_summit(3, "2023-02-18", *shared, "p:gz", "s:ms fk"), _summit(4, "2023-02-19", *shared)]
    assert matcher._occurrence_link(report, links[0], links, meta, of) is links[0]


def test_a_report_dated_by_its_month_names_a_weekday_of_that_month() -> None:
    """The tuning half's AFP report of the Lewotobi Laki-laki eruption of Monday 7 July 2025 (its page's header "date
    2025-07", "Un volcan dans l'est de l'Indonésie a projeté lundi une énorme colonne de cendres",
    id-lewotobi-202507-fr-03) against the story of the eruption of Tuesday 17 June 2025: the Monday beside that
    day, 16 June, lies more than a week before its page's month."""
    matcher = Matcher()
    june = [_report(1, "2025-06-18", "d:2025-06-17"), _report(2, "2025-06-17", "d:2025-06-17")]
    july = [_report(3, "2025-07-07", "d:2025-07-07"), _report(4, "2025-07-07", "d:2025-07-07")]
    report = _report(9, "2025-07", "k:eruption")
    matcher._weekdays[9] = 0  # Monday
    assert matcher._another_weekday(report, june)
    assert not matcher._another_weekday(report, july)
    # Without its month, the Monday the day before a Tuesday is one event told in two time zones.
    undated = _report(8, None, "k:eruption")
    matcher._weekdays[8] = 0
    assert not matcher._another_weekday(undated, june)


def test_reports_that_come_along_on_a_side_link_are_refused_by_their_own_weekdays() -> None:
    """The undated Arabic reports of the Ibadan funfair crush ("تدافع وقع يوم الأربعاء", ng-ibadan-crush-2024-ar-03,
    and -ar-04, read as a Wednesday's too), a story of their own, against the Abuja church crush's story of Saturday 21 December 2024
    (ng-abuja-crush-2024-en-01, -fr-04): each names a Wednesday, no day beside the 21st."""
    matcher = Matcher()
    abuja = [_report(1, "2024-12-21", "d:2024-12-21"), _report(2, "2024-12-21", "d:2024-12-21")]
    ibadan = [_report(3, None, "k:stampede"), _report(4, None, "k:stampede")]
    matcher._weekdays.update({3: 2, 4: 2})  # Wednesday
    assert matcher._weekdays_apart(ibadan, abuja)
    # One of them naming the story's Saturday: not all of them another occurrence.
    matcher._weekdays[4] = 5
    assert not matcher._weekdays_apart(ibadan, abuja)
    # None naming a weekday: nothing said of their day.
    matcher._weekdays.update({3: None, 4: None})
    assert not matcher._weekdays_apart(ibadan, abuja)


def test_the_matcher_reads_the_weekday_a_text_names_for_its_event() -> None:
    """extract/facts.py's ``named_weekday`` (an undated page's "survenu mercredi") and ``weekday`` (counted from
    the page's named day) both give an undated report its event's weekday; a day the text dates gives none."""
    import json
    import sqlite3

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE facts (id INTEGER PRIMARY KEY, article_id INTEGER, kind TEXT, data TEXT)")
    events = {
        1: {"type": "stampede", "date": None, "named_weekday": 2},
        2: {"type": "stampede", "date": None, "weekday": 5},
        3: {"type": "stampede", "date": "2024-12", "precision": "month", "named_weekday": 2},
        4: {"type": "stampede", "date": "2024-12-18", "precision": "day", "named_weekday": 2},
    }
    for article, event in events.items():
        db.execute(
            "INSERT INTO facts (article_id, kind, data) VALUES (?, 'event', ?)", (article, json.dumps(event))
        )
    matcher = Matcher()
    matcher._reading = db
    assert [matcher._weekday(_report(i, None)) for i in events] == [2, 5, 2, None]


def test_a_weekday_the_text_names_may_be_the_aftermaths() -> None:
    """A weekday an undated page names without counting it from its own day (extract/facts.py ``named_weekday``)
    is the first one its text names, often the aftermath's: the tuning half's French report of the Baghlan flood
    of Friday 10 May 2024 ("Les survivants de cette catastrophe recherchent activement leurs proches disparus et
    enterrent les victimes décédées lundi", af-baghlan-flood-2024-fr-05) and the one of the Plumpang depot fire of
    Friday 3 March 2023 (its page's header "date 2023-03", "Les sauveteurs et les pompiers indonésiens
    cherchaient dimanche trois personnes toujours portées disparues", id-plumpang-fire-2023-fr-04) name the
    Monday and the Sunday after. Such a weekday keeps a report out only where it falls neither on the story's day,
    the day before, nor the _AFTERMATH_DAYS after; a weekday counted from the page's named day keeps the narrow
    window."""
    matcher = Matcher()
    flood = [_report(1, "2024-05-11", "d:2024-05-10"), _report(2, "2024-05-11", "d:2024-05-10")]
    fire = [_report(3, "2023-03-04", "d:2023-03-03"), _report(4, "2023-03-04", "d:2023-03-03")]
    baghlan, plumpang = _report(9, None, "k:flood"), _report(8, "2023-03", "k:fire")
    matcher._weekdays.update({9: 0, 8: 6})  # Monday, Sunday
    matcher._named.update({9, 8})
    assert not matcher._another_weekday(baghlan, flood)
    assert not matcher._another_weekday(plumpang, fire)
    # Counted from the page's day ("اليوم الاثنين"), the Monday three days after is another occurrence's.
    matcher._named.discard(9)
    assert matcher._another_weekday(baghlan, flood)
    # Named, the Wednesday before a Saturday is not the aftermath's: the Ibadan funfair crush (Wednesday 18
    # December 2024, "survenu mercredi", ng-ibadan-crush-2024-fr-02) against the Abuja church crush's Saturday 21.
    abuja = [_report(1, "2024-12-21", "d:2024-12-21"), _report(2, "2024-12-21", "d:2024-12-21")]
    ibadan = _report(7, None, "k:stampede")
    matcher._weekdays[7] = 2
    matcher._named.add(7)
    assert matcher._another_weekday(ibadan, abuja)
