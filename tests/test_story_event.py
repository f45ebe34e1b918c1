"""A story's event (store/story_event.py): what its reports agree on, stored with the story, and each member's
event read with it, in `show`, `stories` and `export`.

The member events below are the event facts polynews stored for the Yeti Airlines crash at Pokhara (bench/realset,
np-yeti-crash-2023: Arabic, English, French and Indonesian reports), cut to the fields that matter.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from cli import app
from store.story_event import consensus, resolved


def _crash(
    date: str | None, basis: str | None, places: list[str], scene: dict[str, str] | None = None
) -> Any:
    event: dict[str, Any] = {"type": "crash", "date": date, "places": places, "origin": "native"}
    if basis:
        event["basis"] = basis
    if scene:
        event["scene"] = scene
    return event


POKHARA = {"kind": "city", "country": "NP"}
NEPAL = {"kind": "country", "country": "NP"}
# (document, event): an article's original's id, so a copy votes with its original.
YETI = [
    (295, _crash(None, None, ["Kathmandu", "Pokhara", "Nepal"], {"kind": "city", "country": "NP"})),
    (296, _crash("2023-01", "the publication month (no date in the text)", ["Pokhara", "Nepal"], POKHARA)),
    (297, _crash(None, None, ["Pokhara", "Kathmandu", "Nepal"], POKHARA)),
    (299, _crash("2023-01-15", "weekday before the publication date 2023-01-15", ["Nepal"], NEPAL)),
    (299, _crash(None, None, ["Nepal"], NEPAL)),  # a trimmed copy of 299
    (306, _crash("2023-01-15", "year inferred from the text (2023) and the weekday", ["Pokhara Airport"])),
    (305, _crash("2023-01-15", "the publication date (no date in the text)", ["Pokhara", "Nepal"], POKHARA)),
    (306, _crash("2023-01-15", "explicit", ["Kaski", "Kathmandu", "Pokhara", "Nepal"])),
]


def test_a_story_agrees_on_the_day_its_reports_state_and_the_place_most_of_them_name_first() -> None:
    story = consensus(YETI)
    assert story is not None
    assert (story["kind"], story["date"], story["place"], story["scene"]) == (
        "crash",
        "2023-01-15",
        "Pokhara",
        POKHARA,
    )
    # Six texts (copies vote with their original); the publication day standing in for an unstated day does
    # not vote, and one text votes once however many of its copies state the day.
    assert (story["reports"], story["date_votes"], story["place_votes"]) == (6, 2, 3)
    # no other place is named first by two texts or more
    assert story["rivals"] == []


def test_a_report_takes_its_storys_day_unless_its_text_states_one_in_full() -> None:
    story = consensus(YETI)
    undated = resolved(YETI[2][1], story)
    assert undated is not None and (undated["date"], undated["from_story"]) == ("2023-01-15", ["date"])
    assert undated["basis"] == "its story's reports (2 of 6)"
    month = resolved(YETI[1][1], story)
    assert month is not None and month["date"] == "2023-01-15"
    stated = dict(YETI[-1][1], date="2023-01-14")  # a day stated in full is the report's own
    kept = resolved(stated, story)
    assert kept is not None and kept["date"] == "2023-01-14" and "from_story" not in kept


def test_a_report_keeps_the_day_it_counts_from_its_page_where_its_storys_day_is_long_after_the_page() -> None:
    # bench/realset tune split, za-brics-2023-ar-02 (published 24 August 2023): "دعت مجموعة “بريكس” في قمتها في
    # جنوب إفريقيا، الخميس، 6 دول للانضمام إليها", in a story whose reports most often gave 22 November 2025
    own = {"type": "summit", "date": "2023-08-24", "places": [], "expression": "الخميس"}
    own["basis"] = "weekday before the publication date 2023-08-24"
    story = {"kind": "summit", "date": "2025-11-22", "date_votes": 6, "reports": 18, "place": None}
    kept = resolved(own, story)
    assert kept is not None and kept["date"] == "2023-08-24" and "from_story" not in kept
    # a story's day within the month after the page still dates the report's counted day
    near = resolved(own, dict(story, date="2023-08-22"))
    assert near is not None and near["date"] == "2023-08-22" and near["from_story"] == ["date"]


def test_a_report_dating_a_night_by_its_first_day_keeps_it_where_its_story_gives_the_second() -> None:
    # bench/realset tune split, om-wadi-kabir-2024-fr-03: "Une fusillade a éclaté dans la nuit de lundi à mardi 16
    # juillet", in a story whose reports most often gave the Tuesday
    own = {
        "type": "shooting",
        "date": "2024-07-15",
        "places": [],
        "expression": "nuit de lundi à mardi 16 juillet",
    }
    own["basis"] = "the night before 2024-07-16 (year inferred from the text (2024) and the weekday)"
    story = {"kind": "shooting", "date": "2024-07-16", "date_votes": 6, "reports": 15, "place": None}
    kept = resolved(own, story)
    assert kept is not None and kept["date"] == "2024-07-15" and "from_story" not in kept


def test_a_report_naming_only_the_country_is_placed_where_its_story_says_inside_it() -> None:
    story = consensus(YETI)
    english = resolved(YETI[3][1], story)
    assert (
        english is not None
        and english["places"] == ["Pokhara", "Nepal"]
        and english["from_story"] == ["place"]
    )
    # A report naming the story's place after a city (where the flight left from) puts the story's first; a
    # city of its own in the story's country that is not the story's place stays where another text names it
    # first too, and gives way where the report alone does (``_lone_reading``: three texts name Pokhara first).
    assert resolved(YETI[0][1], story)["places"] == ["Pokhara", "Kathmandu", "Nepal"]  # type: ignore[index]
    kathmandu = _crash(None, None, ["Kathmandu", "Nepal"], {"kind": "city", "country": "NP"})
    rival = dict(story, rivals=["kathmandu"])  # type: ignore[arg-type]
    assert resolved(kathmandu, rival)["places"] == ["Kathmandu", "Nepal"]  # type: ignore[index]
    assert resolved(kathmandu, story)["places"] == ["Pokhara", "Kathmandu", "Nepal"]  # type: ignore[index]
    # One story is one event in one place: a report naming first a country the story's place is not in (a
    # neighbour, where it was filed from) takes the story's place, which three of its texts name first.
    elsewhere = _crash(None, None, ["India"], {"kind": "country", "country": "IN"})
    assert resolved(elsewhere, story)["places"] == ["Pokhara", "India"]  # type: ignore[index]
    # ... but not where a single text names the story's place first: one reading, not what the story agrees on.
    single = dict(story, place_votes=1)  # type: ignore[arg-type]
    assert resolved(elsewhere, single)["places"] == ["India"]  # type: ignore[index]


def test_a_report_naming_first_a_city_in_another_country_takes_its_storys_place() -> None:
    # arab-summit-jeddah-2023-en-01 (bench/realset, tuning half) names Moscow first: "Several other Arab states
    # have maintained warm ties with Moscow while remaining largely neutral on the Ukraine war." Ten of its
    # story's twelve texts name Jeddah first.
    own = {
        "type": "summit",
        "date": "2023-05-19",
        "basis": "weekday before the publication date 2023-05-19",
        "places": ["Moscow", "Saudi Arabia", "Syria", "Ukraine", "Russian Federation"],
        "scene": {"kind": "city", "country": "RU"},
    }
    story = {
        "kind": "summit",
        "date": "2023-05-19",
        "place": "Jeddah",
        "scene": {"kind": "city", "country": "SA"},
        "reports": 12,
        "date_votes": 9,
        "place_votes": 10,
    }
    taken = resolved(own, story)
    assert (
        taken is not None and taken["places"][:2] == ["Jeddah", "Moscow"] and taken["from_story"] == ["place"]
    )


def test_a_report_naming_first_a_province_of_its_storys_country_takes_its_storys_city() -> None:
    # pk-quetta-fc-bombing-2025-ar-01 (bench/realset, tuning half): "... في تفجير استهدف مقرا لقوات حرس الحدود في
    # مدينة كويتا عاصمة إقليم بلوشستان جنوب غربي باكستان." Its reading places the attack in Balochistan, the
    # province; five of its story's twelve texts name Quetta, a city of Pakistan, first.
    own = {
        "type": "attack",
        "date": "2025-09-30",
        "basis": "the publication date 2025-09-30",
        "places": ["Balochistan", "Pakistan"],
        "scene": {"kind": "province", "country": "PK"},
    }
    story = {
        "kind": "attack",
        "date": "2025-09-30",
        "place": "Quetta",
        "scene": {"kind": "city", "country": "PK"},
        "reports": 12,
        "date_votes": 8,
        "place_votes": 5,
    }
    assert resolved(own, story)["places"] == ["Quetta", "Balochistan", "Pakistan"]  # type: ignore[index]
    # A city the story's texts agree on in another province of the same country is not told apart (the gazetteer
    # does not say which province a city is in); a province of another country is ``_elsewhere``'s case. Another
    # city of the country that two or more texts name first (a ``rival``) stays (``_lone_reading``).
    city = dict(own, places=["Karachi", "Pakistan"], scene={"kind": "city", "country": "PK"})
    assert resolved(city, story)["places"] == ["Karachi", "Pakistan"]  # type: ignore[index]
    assert resolved(city, dict(story, rivals=["karachi"]))["places"] == ["Karachi", "Pakistan"]  # type: ignore[index]


def test_a_lone_report_naming_another_city_of_its_storys_country_takes_its_storys_place() -> None:
    # np-saurya-crash-2024-id-01 (bench/realset, tuning half): "Pesawat Saurya Airlines jatuh setelah lepas landas
    # dari Kathmandu Nepal pada Rabu 24 Juli 2024 ..." and "Pesawat dijadwalkan terbang menuju Pokhara." Its
    # reading places the crash in Pokhara, where the flight was bound (Kathmandu is not among its places); eleven
    # of its story's twelve texts name Kathmandu first, none Pokhara.
    own = {
        "type": "crash",
        "date": "2024-07-24",
        "basis": "explicit",
        "places": ["Pokhara", "Sumber", "Nepal"],
        "scene": {"kind": "city", "country": "NP"},
    }
    story = {
        "kind": "crash",
        "date": "2024-07-24",
        "place": "Kathmandu",
        "scene": {"kind": "city", "country": "NP"},
        "reports": 12,
        "date_votes": 5,
        "place_votes": 11,
        "rivals": [],
    }
    taken = resolved(own, story)
    assert taken is not None and taken["places"][:2] == ["Kathmandu", "Pokhara"]
    assert taken["from_story"] == ["place"]
    # Not where another text names Pokhara first too, nor where the report's own day is another event's, nor where
    # fewer than three texts agree on Kathmandu, nor from a story stored before its rivals were.
    assert resolved(own, dict(story, rivals=["pokhara"]))["places"][0] == "Pokhara"  # type: ignore[index]
    assert resolved(dict(own, date="2023-01-15"), story)["places"][0] == "Pokhara"  # type: ignore[index]
    assert resolved(own, dict(story, place_votes=2))["places"][0] == "Pokhara"  # type: ignore[index]
    old = {k: v for k, v in story.items() if k != "rivals"}
    assert resolved(own, old)["places"][0] == "Pokhara"  # type: ignore[index]


def test_a_report_of_another_kind_keeps_its_own_event_and_a_story_without_events_has_none() -> None:
    story = consensus(YETI)
    summit = {"type": "summit", "date": None, "places": ["Jeddah"]}
    assert resolved(summit, story) == summit
    assert consensus([(1, None), (2, {"type": None})]) is None
    assert resolved(None, None) is None


def test_a_month_alone_gives_way_to_its_storys_day_whichever_month_it_is() -> None:
    # bench/realset tune split, pk-bajaur-bombing-2023-fr-01 (undated): "les attaques au Pakistan ont augmenté depuis
    # la prise de pouvoir des talibans en Afghanistan en août 2021", read as its event's date, in a story of the
    # bombing of 30 July 2023
    own = {
        "type": "attack",
        "date": "2021-08",
        "precision": "month",
        "basis": "explicit",
        "places": ["Pakistan"],
    }
    own["expression"] = "août 2021"
    story = {"kind": "attack", "date": "2023-07-30", "date_votes": 5, "reports": 14, "place": "Bajaur"}
    taken = resolved(own, story)
    assert taken is not None and (taken["date"], taken["precision"]) == ("2023-07-30", "day")
    # a day stated in full stays the report's own
    stated = dict(own, date="2023-07-31", precision="day", expression="31 juillet 2023")
    assert resolved(stated, story)["date"] == "2023-07-31"  # type: ignore[index]


def test_a_report_of_a_kindred_kind_takes_its_storys_day_and_an_unrelated_kind_does_not() -> None:
    # bench/realset tune split, pk-peshawar-2023-ar-03: "قتل 28 شخصا على الأقل وجُرح 150 آخرون في انفجار داخل مسجد في
    # مقر للشرطة الباكستانية، الإثنين" (an explosion, a weekday and no page date), in a story of the bombing whose
    # reports most often read an attack on 30 January 2023
    own = {"type": "explosion", "date": None, "places": ["Peshawar"], "named_weekday": 0}
    story = {"kind": "attack", "date": "2023-01-30", "date_votes": 6, "reports": 13, "place": "Peshawar"}
    taken = resolved(own, story)
    assert taken is not None and (taken["date"], taken["type"]) == ("2023-01-30", "explosion")
    # the day, not the place: "a shooting at Bondi Junction" keeps its place in a story placed in Sydney
    shooting = {"type": "shooting", "date": None, "places": ["Bondi Junction"]}
    kept = resolved(shooting, dict(story, place="Sydney"))
    assert kept is not None and kept["places"] == ["Bondi Junction"] and kept["from_story"] == ["date"]
    undated = {"type": "disaster", "date": None, "places": []}
    # "disaster", read where no precise kind is, reports any event but a meeting
    assert resolved(undated, dict(story, kind="collapse"))["date"] == "2023-01-30"  # type: ignore[index]
    # not meetings: a report's own day of a summit may be a later day of it (au-summit-2024-en-04's "Yesterday")
    conference = {"type": "conference", "date": "2024-02-18", "places": []}
    conference["basis"] = "the day before the publication date 2024-02-19"
    assert resolved(conference, dict(story, kind="summit")) == conference
    summit = {"type": "disaster", "date": None, "places": []}
    assert resolved(summit, dict(story, kind="summit")) == summit
    fire = {"type": "fire", "date": None, "places": []}
    assert resolved(fire, story) == fire


def test_the_stored_story_of_the_samples_dates_the_indonesian_report_of_the_forum(
    samples_db: Path, tmp_path: Path
) -> None:
    runner = CliRunner()
    stories = runner.invoke(app, ["stories", "--db", str(samples_db), "--json"])
    assert stories.exit_code == 0, stories.output
    forum = next(
        json.loads(line) for line in stories.stdout.splitlines() if json.loads(line)["member_count"] == 2
    )
    assert {k: forum["event"][k] for k in ("kind", "date", "place")} == {
        "kind": "forum",
        "date": "2024-12-03",
        "place": "Quanzhou",
    }
    text = runner.invoke(app, ["stories", "--db", str(samples_db)]).stdout
    assert "event: forum on 2024-12-03 (1 of 1 reports) in Quanzhou (1 of 1 reports)" in text
    # Sample 003 (id) states no day: its text gives the publication month; its story gives the day.
    export = tmp_path / "out.jsonl"
    assert runner.invoke(app, ["export", "--db", str(samples_db), "--out", str(export)]).exit_code == 0
    rows = [json.loads(line) for line in export.read_text(encoding="utf-8").splitlines()]
    indonesian = next(r for r in rows if r["source"].endswith("003_id_global_video_media_forum.txt"))
    own = next(f for f in indonesian["facts"] if f["kind"] == "event")
    assert own["date"] == "2024-12"
    assert (indonesian["event"]["date"], indonesian["event"]["from_story"]) == ("2024-12-03", ["date"])
    shown = runner.invoke(app, ["show", str(indonesian["id"]), "--db", str(samples_db)]).stdout
    assert "the event   forum, 2024-12-03 (its story's reports (1 of 1)), Quanzhou" in shown


def test_a_report_keeps_the_day_it_counts_from_its_page_where_its_storys_day_is_long_before_the_page() -> (
    None
):
    # et-gofa-landslide-2024-en-01 (bench/realset, tuning half): "a landslide that struck the Gofa Zone of the South
    # Ethiopia Regional State on Monday", counted back from its page's 24 July 2024; its story (four texts) was
    # dated 15 July 2016 by one of them: another event's day, eight years before the page.
    own = {
        "type": "landslide",
        "date": "2024-07-22",
        "basis": "weekday before the publication date 2024-07-24",
        "places": ["Gofa Zone"],
    }
    story = {"kind": "landslide", "date": "2016-07-15", "place": None, "reports": 4, "date_votes": 1}
    kept = resolved(own, story)
    assert kept is not None and kept["date"] == "2024-07-22" and "from_story" not in kept
    # A story's day within the week before the page is the report's event, told another way: it is taken.
    near = resolved(own, dict(story, date="2024-07-21"))
    assert near is not None and near["date"] == "2024-07-21" and near["from_story"] == ["date"]


def test_an_arabic_report_whose_first_place_the_gazetteer_does_not_know_takes_its_storys_place() -> None:
    # pk-quetta-rally-bombing-2025-ar-01 (bench/realset, tuning half): "... في الانفجار الذي وقع في موقف سيارات ملعب
    # رياضي في كويتا عاصمة الإقليم": its reading's first place is "رياضي" ("sports", of the stadium); seven of its
    # story's thirteen texts name Quetta first.
    own = {
        "type": "attack",
        "date": "2025-09-02",
        "basis": "the evening or night it happened (weekday before the publication date 2025-09-02)",
        "places": ["رياضي", "Balochistan"],
        "lang": "ar",
    }
    story = {
        "kind": "attack",
        "date": "2025-09-02",
        "place": "Quetta",
        "scene": {"kind": "city", "country": "PK"},
        "reports": 13,
        "date_votes": 7,
        "place_votes": 7,
    }
    assert resolved(own, story)["places"] == ["Quetta", "رياضي", "Balochistan"]  # type: ignore[index]
    # A Latin-script report's unknown first place is most often a precise site the gazetteer lacks: it stays.
    site = dict(own, places=["Zarghoon Road", "Quetta"], lang="en")
    assert resolved(site, story)["places"] == ["Zarghoon Road", "Quetta"]  # type: ignore[index]
