"""A report that gives its event only a weekday (an undated page's "اليوم الأربعاء", today, Wednesday) does not join
a story whose agreed day falls on no weekday near it (store/matching.py `Matcher._another_weekday`; bench/realset's
tuning half: the Al-Aqsa raids of Friday 15 April 2022 and Wednesday 5 April 2023)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from store.matching import Matcher, _Candidate
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
    from store.matching import Verdict, _Meta

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
