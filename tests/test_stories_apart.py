"""Two occurrences of one kind of event at one place stay two stories where reports give no day of their own
(bench/realset's tuning half): the text's word on a repeat places an undated report between two occurrences
(store/occurrence.repeats_another, Matcher._unsure_left), a dated report does not join a story whose only day is
another weekday (Matcher._weekday_apart), and a lone report does not come along on a weak link into a story that
names neither its place nor its toll (_lone_apart). Snippets are quoted from the tuning half's articles."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from store.matching import Matcher, Verdict, _Candidate, _lone_apart
from store.occurrence import follows_another, repeats_another
from tests.test_stories import REALSET, _groups


def test_a_report_of_a_repeat_says_so_and_a_report_of_the_first_occurrence_does_not() -> None:
    # Mount Ruang's second eruption phase (30 April 2024), undated reports and one dated to the month.
    assert repeats_another("The eruption follows a series of eruptions earlier this month")  # -20240430-en-01
    assert repeats_another(
        "Le Ruang, situé dans la province indonésienne du Sulawesi du Nord, est de nouveau entré en éruption dans"
        " la nuit de lundi 29 à mardi 30 avril"  # -20240430-fr-01
    )
    assert repeats_another(
        "Gunung Ruang di Sulawesi Utara Kembali Erupsi, PVMBG: Status Naik Level Awas"
    )  # id-02
    assert repeats_another(
        "وتم رفع المستوى الخطير لبركان روانغ الذي يبلغ ارتفاعه 725 متراً فوق مستوى سطح البحر مرة أخرى"
    )
    # follows_another's phrases count too («للمرة الثانية», -20240430-ar-01).
    assert repeats_another("ثار بركان جبل روانغ للمرة الثانية، خلال أسبوعين")
    # The first phase (16-17 April): the second blast of one night is no repeat of the event (id-ruang-2024-id-03),
    # nor is an alert level reviewed again (-id-02); follows_another reads none of the new phrases.
    assert not repeats_another(
        "dengan dampak yang signifikan terasa pada Rabu, 17 April 2024, saat erupsi kedua terjadi"
    )
    assert not repeats_another("status Gunung Ruang, katanya, akan dievaluasi kembali secara berkala")
    assert not follows_another("The eruption follows a series of eruptions earlier this month")


def _report(i: int, published: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "fr", published, None, None, frozenset(anchors))


def test_a_dated_report_does_not_join_a_story_whose_only_day_is_another_weekday() -> None:
    """The Bondi Junction stabbings' Arabic report ("في ضاحية بوندي الشاطئية اليوم السبت", today Saturday; its page
    misdated to May 2025, au-bondi-stabbing-2024-ar-02), an undated Bondi report and an undated Wakeley report made
    a story on the kind, Sydney and the state police; the Wakeley church stabbing's French report "(Paris, Rome, 15
    avril 2024)" (a Monday, au-wakeley-stabbing-2024-fr-01) stays out of it. A report of Saturday or the days
    beside it joins, and a story with a day of its own is left to the day rules."""
    matcher = Matcher()
    bondi = _report(1, "2025-05", "k:attack", "e:sdn")
    undated = [_report(2, None, "k:attack", "e:sdn"), _report(3, None, "k:attack", "e:sdn")]
    # The weekdays the event facts give (Matcher._weekday reads them from the store once a batch).
    matcher._weekdays.update({1: 5, 2: None, 3: None})
    story = [bondi, *undated]
    wakeley = _report(4, None, "k:attack", "e:sdn", "d:2024-04-15")
    assert matcher._weekday_apart(wakeley, story)
    assert not matcher._weekday_apart(_report(5, None, "k:attack", "d:2024-04-13"), story)
    assert not matcher._weekday_apart(_report(6, None, "k:attack", "d:2024-04-14"), story)
    # A member dated to the day: the story's days decide (_another_day, groups_apart), not a weekday.
    assert not matcher._weekday_apart(wakeley, [*story, _report(7, "2024-04-13", "k:attack")])
    # A report with no day of its own.
    assert not matcher._weekday_apart(_report(8, None, "k:attack"), story)


def _link(**signals: float) -> Verdict:
    return Verdict(0, 0.99, False, {"signals": signals})


def test_a_lone_report_stays_out_where_the_story_names_neither_its_place_nor_its_toll() -> None:
    """The undated French report of a ferry fire on its way to Manado ("Cinq personnes sont décédées", id-barcelona-
    ferry-2025-fr-02) and a French report of the Bali Strait sinking (id-tunu-ferry-2025-fr-01), linked on the
    kind, Indonesia and Bali (the fire's report recalls the sinking): the sinking's reports name Banyuwangi and
    Surabaya and count 23 dead. An Itaewon report whose event place was read as "Hamilton" and that counts nothing
    still comes along (kr-itaewon-2022-ar-04)."""
    weak = _link(kind=1.0, event_country=1.0, places=0.667, countries=0.5, anchors=0.072, text=0.016)
    sinking = _report(1, "2025-07", "k:crash", "e:bng", "p:bl", "g:id")
    story = [sinking, _report(2, None, "k:crash", "e:srb", "q:dead:23", "q:on board:53")]
    fire = _report(3, None, "k:crash", "e:mnd", "p:mnd", "p:bl", "q:dead:5", "g:id")
    assert _lone_apart(sinking, weak, fire, story)
    # A toll the story shares, or no toll, or the story naming Manado: it comes along.
    assert not _lone_apart(sinking, weak, _report(4, None, "k:crash", "e:mnd", "q:dead:23"), story)
    assert not _lone_apart(sinking, weak, _report(5, None, "k:stampede", "e:hmltn", "p:atn"), story)
    assert not _lone_apart(sinking, weak, fire, [*story, _report(6, None, "k:crash", "p:mnd")])
    # A link that names the event (a day, names, counts) is no weak link.
    assert not _lone_apart(sinking, _link(kind=1.0, day=1.0, places=0.667), fire, story)


# Mount Ruang's two eruption phases (16-17 April and 30 April 2024), tuning half, in the order one run stores them.
FIRST = tuple(p.stem for p in sorted(REALSET.glob("id-ruang-2024-*.txt")))
SECOND = tuple(p.stem for p in sorted(REALSET.glob("id-ruang-20240430-*.txt")))


def test_undated_reports_of_the_first_eruption_stay_in_its_story(
    tmp_path: Path, runner: CliRunner, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first phase's undated Arabic report («أفاد مركز علم البراكين الإندونيسي يوم الأربعاء», id-ruang-2024-ar-02)
    shares the volcano, Manado and Tagulandang with both phases' dated reports; when the second phase's dated
    reports reach it, it says no word of a repeat and stays with the first phase, where before it left and came
    into the second phase's story on a link of its French report dated to the month. The second phase's undated
    Arabic report that says «للمرة الثانية» goes to the second phase's story. Without the order of the two
    phases (_later) the first phase's report goes to the second's story: the test is not vacuous."""

    def stories_of(name: str) -> tuple[frozenset[str], frozenset[str]]:
        folder = tmp_path / name / "in"
        folder.mkdir(parents=True)
        for n in (*FIRST, *SECOND):
            shutil.copy(REALSET / f"{n}.txt", folder / f"{n}.txt")
        db = tmp_path / name / "t.db"
        assert runner.invoke(app, ["ingest", str(folder), "--db", str(db), "--quiet"]).exit_code == 0
        stories = _groups(db)[1]
        first = next(s for s in stories if "id-ruang-2024-id-01" in s)
        second = next(s for s in stories if "id-ruang-20240430-id-01" in s)
        return first, second

    first, second = stories_of("placed")
    assert "id-ruang-2024-ar-02" in first
    assert "id-ruang-20240430-ar-01" in second
    assert not first & set(SECOND) - {"id-ruang-20240430-ar-02"}
    monkeypatch.setattr("store.matching._later", lambda a, b: None)
    first, second = stories_of("unplaced")
    assert "id-ruang-2024-ar-02" in second
