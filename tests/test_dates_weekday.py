"""A report that names its event's weekday but no date (extract/facts.py ``_event_weekday``), placed by its story's
day (store/story_event.py ``resolved``).

The sentences are bench/realset tuning reports as their pages give them: COP28's opening in Dubai
(cop28-2023-ar-01, "اليوم الجمعة", published on Friday 1 December 2023, while most of the story's reports date the
conference from the eve, Thursday 30 November) and the Jeju Air crash at Muan (kr-jejuair-2024-ar-01, "أمس الأحد").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from extract.dates import today_weekday
from extract.facts import FactOptions, FactStage
from ingest.record import Article
from store.story_event import resolved

COP28 = (
    "انطلقت أعمال مؤتمر قمة المناخ (كوب 28) في دبي اليوم الجمعة، بحضور رئيس الجمهورية عبد اللطيف جمال رشيد. "
    "يهدف المؤتمر إلى توحيد الجهود العالمية وتحديد فرص التعاون لإيجاد حلول للتحديات المناخية."
)
JEJU = "خلّف حادث تحطم طائرة مميت وقع أمس الأحد في مطار موان بكوريا الجنوبية 179 قتيلا وناجيين فقط."
FRIDAY, SUNDAY, MONDAY = 4, 6, 0


def test_a_day_counted_from_the_page_with_its_weekday_names_the_pages_weekday() -> None:
    assert today_weekday(COP28, "ar") == FRIDAY  # today, Friday
    assert today_weekday(JEJU, "ar") == MONDAY  # yesterday, Sunday: a Monday's page
    assert today_weekday("أفادت السلطات اليوم بارتفاع عدد الضحايا", "ar") is None  # no weekday named
    assert (
        today_weekday("a été annoncé la semaine dernière, lundi", "fr") is None
    )  # a week back: no weekday of its own


def _event(text: str, tmp_path: Path) -> dict[str, Any]:
    out = FactStage(FactOptions(cache_dir=tmp_path))(Article(source="x.txt", text=text, lang="ar"))
    return next(f.data for f in out.facts if f.kind == "event")


def test_an_undated_report_keeps_the_weekday_it_gives_its_event(tmp_path: Path) -> None:
    cop28 = _event(COP28, tmp_path)
    assert cop28["date"] is None and cop28["weekday"] == FRIDAY
    jeju = _event(JEJU, tmp_path)
    assert jeju["date"] is None and jeju["weekday"] == SUNDAY


def _story(day: str) -> dict[str, Any]:
    return {"kind": "conference", "date": day, "place": "Dubai", "date_votes": 8, "reports": 15}


def test_the_storys_day_places_a_reports_weekday_the_nearest_such_day() -> None:
    own = {"type": "conference", "date": None, "weekday": FRIDAY, "places": ["Dubai"]}
    event = resolved(own, _story("2023-11-30"))
    assert event is not None and event["date"] == "2023-12-01"  # the Friday after the story's Thursday
    assert "nearest" in event["basis"] and event["from_story"] == ["date"]
    # Three days either side: the Friday nearest a Monday is the one before.
    assert (resolved(own, _story("2023-12-04")) or {})["date"] == "2023-12-01"
    # The story's own weekday: its day.
    assert (resolved(own, _story("2023-12-08")) or {})["date"] == "2023-12-08"
    # No weekday, as before: the story's day.
    assert (resolved({**own, "weekday": None}, _story("2023-11-30")) or {})["date"] == "2023-11-30"


def test_a_month_the_page_gives_narrows_the_weekday() -> None:
    own = {
        "type": "conference",
        "date": "2023-11",
        "precision": "month",
        "weekday": FRIDAY,
        "places": ["Dubai"],
    }
    # The Friday nearest 30 November is 1 December, outside the page's month: the story's day stands.
    assert (resolved(own, _story("2023-11-30")) or {})["date"] == "2023-11-30"
    # Inside it: taken.
    assert (resolved(own, _story("2023-11-26")) or {})["date"] == "2023-11-24"


def test_a_weekday_after_the_storys_day_of_an_event_that_happens_once_is_the_reports() -> None:
    # bench/realset tune split, id-tunu-ferry-2025-ar-04 (part Q, undated): "غرقت عبارة تقل 65 شخصًا بالقرب من جزيرة
    # بالي السياحية الشهيرة في إندونيسيا، اليوم الخميس" of a ferry that sank late on Wednesday 2 July 2025, in a story
    # whose reports most often gave that Wednesday
    thursday = 3
    own = {"type": "crash", "date": None, "weekday": thursday, "places": ["Bali"]}
    story = {"kind": "crash", "date": "2025-07-02", "place": "Bali", "date_votes": 6, "reports": 17}
    event = resolved(own, story)
    assert event is not None and event["date"] == "2025-07-02" and "nearest" not in event["basis"]
    # a weekday before the story's day is still taken (pg-enga-landslide-2024-ar-01's Friday, its story's one
    # vote for the Sunday after)
    friday = {"type": "landslide", "date": None, "weekday": FRIDAY, "places": []}
    enga = {"kind": "landslide", "date": "2024-05-26", "place": None, "date_votes": 1, "reports": 8}
    assert (resolved(friday, enga) or {})["date"] == "2024-05-24"
    # an event that lasts days keeps a later weekday (COP28's "انطلقت ... اليوم الجمعة", above)
    meeting = resolved({**own, "type": "conference"}, {**story, "kind": "conference"})
    assert meeting is not None and meeting["date"] == "2025-07-03"
