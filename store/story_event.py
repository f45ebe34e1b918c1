"""A story's event: the kind, day and place its reports agree on, and each report's event read with it.

One story is one real-world event (store/matching.py links reports of one event and vetoes two days, two
editions or two magnitudes), so it has one day and one place, while each report states them its own way:
a follow-up says "on Tuesday" a week later with no year, a short copy keeps only the lead's second half, an
Arabic report names the province and not the town, a French one names the capital it was filed from first.
Read alone, a report's event day or place is missing or wrong far more often than the day and place most of
its story's reports state. So the store keeps, for each story, what its members agree on (``stories.event``),
and an article's event as polynews gives it (``polynews show``, ``export``) is its own reading with the day and
place its story agrees on where the story has them.

Votes: one per document (a syndicated copy and its original are one text: one vote), from each member's first
event fact (the native reading first). Only reports of the story's kind vote on its day and place, so an
aid conference mentioned in a quake story's follow-up does not date the quake. A day the text never states
(the publication day standing in, ``basis`` "no date in the text") does not vote: it says when the report came
out, not when the event happened.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from typing import Any

from extract.event_kind import MEETING_KINDS

# Kinds too vague to say what the story is about when a precise kind is also voted for.
_VAGUE = {"other", "statement", "meeting", "visit"}


# Bases of a day the text does not state for the event: the publication day standing in for it, or the latest
# day the text states standing in for a publication day it has not got (extract/facts.py).
_GUESSES = ("no date in the text", "the latest date the text states")


def _guessed(event: Mapping[str, Any]) -> bool:
    basis = str(event.get("basis") or "")
    return not event.get("date") or any(g in basis for g in _GUESSES)


def _stated_day(event: Mapping[str, Any]) -> str | None:
    day = event.get("date")
    if not isinstance(day, str) or len(day) != 10 or _guessed(event):
        return None
    return day


def consensus(members: Iterable[tuple[int, Mapping[str, Any] | None]]) -> dict[str, Any] | None:
    """The story's event from its members' events: ``(document, event)`` pairs, where ``document`` is the
    article's original (its own id when it is one), so copies of one text vote once.

    Returns ``{"kind", "date", "place", "scene", "reports", "date_votes", "place_votes"}`` or None when no member
    reads an event. ``date``/``place`` are None when no report of the story's kind states one; ties go to the
    earlier day (later reports date the event by their own publication day more often than earlier ones date
    it too early) and to the place named first in more reports.
    """
    docs: dict[int, list[Mapping[str, Any]]] = {}
    for doc, event in members:
        if event and event.get("type"):
            docs.setdefault(doc, []).append(event)
    if not docs:
        return None
    kinds: Counter[str] = Counter()
    for events in docs.values():
        kinds.update({str(e["type"]) for e in events})
    precise = [k for k in kinds if k not in _VAGUE] or list(kinds)
    kind = min(precise, key=lambda k: (-kinds[k], k))
    days: Counter[str] = Counter()
    places: Counter[str] = Counter()
    named: Counter[str] = Counter()
    spelled: dict[str, str] = {}
    scenes: dict[str, Any] = {}
    for events in docs.values():
        same = [e for e in events if e.get("type") == kind]
        days.update({d for e in same if (d := _stated_day(e))})
        named.update({str(p).casefold() for e in same for p in e.get("places") or []})
        firsts = [e for e in same if e.get("places")]
        places.update({str(e["places"][0]).casefold() for e in firsts})
        for e in firsts:
            first = str(e["places"][0]).casefold()
            spelled.setdefault(first, str(e["places"][0]))
            if e.get("scene"):
                scenes.setdefault(first, e["scene"])
    date = min(days, key=lambda d: (-days[d], d)) if days else None
    place = min(places, key=lambda p: (-places[p], -named[p], p)) if places else None
    return {
        "kind": kind,
        "date": date,
        "place": spelled[place] if place else None,
        "scene": scenes.get(place) if place else None,
        "reports": len(docs),
        "date_votes": days[date] if date else 0,
        "place_votes": places[place] if place else 0,
        # other places two or more texts name first (casefolded): a part of the story that reports another event
        # or another place of it, which ``_lone_reading`` leaves alone
        "rivals": sorted(p for p, n in places.items() if n >= _NAMED_VOTES and p != place),
    }


# Kinds that name one event in other words, one report calling it by its means, another by what was done: a mosque
# bombing is an "explosion" in one report and an "attack" in the next, a police raid on a holy site a "raid" or an
# "attack"; and "disaster", read where no precise kind is, is any event but a meeting. A report in a story of a
# kindred kind reports the story's event and takes its day (not its place: see ``resolved``). On bench/realset's
# tuning half (ardates17; with its story): the Peshawar and Bajaur bombings' Arabic "انفجار" reports, the Al-Aqsa
# raid's Arabic one and the Jet Set collapse's English and French "disaster" reports took their story's right day
# (had none), tune-a Arabic dated 88 -> 89 of 105, tune-b Arabic 80 -> 81 of 91, no line down. Not meetings (a
# "conference" in a "summit" story): a meeting lasts days, and a report's own day of it gave way to its story's
# first day (English tune-b down one, au-summit-2024-en-04's "Yesterday", the summit's second day), tune-a up one.
_KINDRED = (frozenset({"attack", "explosion", "raid", "shooting"}),)
_ANY_KIND = frozenset({"disaster"})


def _one_kind(mine: str, story: str) -> bool:
    """Whether a report read as kind ``mine`` reports its story's event, of kind ``story`` (``_KINDRED``)."""
    if mine == story or (mine in _ANY_KIND and story not in MEETING_KINDS):
        return True
    return any(mine in kin and story in kin for kin in _KINDRED)


def resolved(own: Mapping[str, Any] | None, story: Mapping[str, Any] | None) -> dict[str, Any] | None:
    """An article's event with its story's, where the article reports the story's kind, or a kindred one
    (``_KINDRED``), or no event:

    - the day: the story's, unless the article's text states its own in full ("le 8 septembre 2023"); a day
      counted from a weekday or "yesterday", a year taken from the publication date, a month alone or no day
      at all give way to what the story's reports state; where the article names its event's weekday but
      states no publication day to count it from ("اليوم الجمعة", "مساء الاثنين": its event's ``weekday``),
      the day of that weekday nearest the story's day (``_weekday_near``);
    - the place: the story's where the article names none, or only the country the story's place is in, or
      first a place in another country or a province of the story's city's country, or (in Arabic) a place the
      gazetteer does not know, or names the story's place after one no more specific (``_inside``).

    ``from_story`` names the fields taken from the story. Chosen on bench/realset's tuning half in two folds
    (bench/README.md): filling only what a report lacks raised Arabic event dates on dated articles from
    0.44/0.43 to 0.84/0.90; giving way also where the report's day is not stated in full raised English and
    French further with no fold worse; replacing even fully stated days made Indonesian tune-b worse
    (0.95 -> 0.90: multi-day events, "Jumat, 1 Desember 2023" at COP28), and so did replacing a place that is
    not a country (the story's "Bali" over a report's "Nusa Dua") unless the report names the story's place
    too and the story's is as specific (Arabic, English and Indonesian tune-a up one or two, tune-b the same).
    """
    if not story:
        return dict(own) if own else None
    event: dict[str, Any] = dict(own) if own else {"type": story["kind"], "places": []}
    if not _one_kind(str(event.get("type")), str(story["kind"])):
        return event
    taken = []
    if story.get("date") and _gives_way(event, str(story["date"])):
        votes = f"({story['date_votes']} of {story['reports']})"
        day, basis = str(story["date"]), f"its story's reports {votes}"
        near = _weekday_near(
            day, event.get("weekday"), str(event.get("date") or ""), str(story["kind"]) in MEETING_KINDS
        )
        if near is not None and near != day:
            day, basis = (
                near,
                f"its weekday nearest the day its story's reports give, {story['date']} {votes}",
            )
        if event.get("date") != day:
            event.update(date=day, precision="day", basis=basis)
            taken.append("date")
    # a report of a kindred kind takes its story's day, not its place (it may name where one part of it happened:
    # au-bondi-stabbing-2024-id-04, a "shooting" at "Bondi Junction" in a story placed in Sydney; ardates17)
    place = str(story.get("place") or "") if event.get("type") == story["kind"] else ""
    first = str((event.get("places") or [""])[0])
    if place and first.casefold() != place.casefold() and _inside(event, story):
        others = [p for p in event.get("places") or [] if str(p).casefold() != place.casefold()]
        event["places"] = [place, *others]
        taken.append("place")
    if taken:
        event["from_story"] = taken
    return event


# A report that names its event's weekday but no date ("مساء الاثنين", "أمس" beside "اليوم الأحد": extract/facts.py
# ``_event_weekday``) dates it by the day of that weekday nearest its story's day, 3 days either side: each weekday
# once. Its reports date one event within a few days of each other (the story's day is the one most of them state,
# the first day of a summit, the day a disaster began), and a report naming another weekday reports another day of
# it ("انطلقت ... اليوم الجمعة" at COP28, whose reports most often give the eve's day). A month the report's page
# gives (its own day "YYYY-MM") narrows it: a weekday nearest outside that month is not taken.
_WEEKDAY_REACH = 3
# Kinds of event that last days (extract/event_kind.MEETING_KINDS): a report's weekday after its story's day may be
# a later day of it. Any other event happened once, and a report that names a weekday after its story's day names
# its own day, the day it was written ("غرقت عبارة ... اليوم الخميس" of the Tunu ferry that sank late on
# Wednesday, "حدث حريق بكنيسة ابو سيفين
# ... اليوم الإثنين" of a Sunday fire, "أغلقت السلطات الإندونيسية مطارًا ... يوم الخميس" two days after Ruang's
# eruption): the story's day stands. On bench/realset's tuning folds, built on tune-b (three Arabic reports dated
# a day or two late, with their story: 3 -> 0 wrong) and confirmed on tune-a (the Ruang report whose "الأربعاء"
# was the evacuation's, the day after the eruption, now right; COP28's "انطلقت ... اليوم الجمعة", a conference,
# and a landslide report's Friday before its story's Sunday keep their weekday). A statement verb before the
# weekday does not tell them apart: all three name the event's own verb (sank, broke out) with the report's day.


def _weekday_near(day: str, weekday: Any, own: str, spanning: bool = True) -> str | None:
    """The day of ``weekday`` (Monday 0) nearest the story's ``day``, inside the report's month ``own`` where it
    gives one; None where the report names no weekday, or, for an event that happens once (not ``spanning``), where
    that day falls after the story's (see ``MEETING_KINDS``)."""
    if not isinstance(weekday, int) or isinstance(weekday, bool) or not 0 <= weekday <= 6:
        return None
    story_day = dt.date.fromisoformat(day)
    shift = (weekday - story_day.weekday() + _WEEKDAY_REACH) % 7 - _WEEKDAY_REACH
    if shift > 0 and not spanning:
        return None
    near = (story_day + dt.timedelta(days=shift)).isoformat()
    if len(own) == 7 and not near.startswith(own):
        return None
    return near


# The publication day a report's own day was counted from ("weekday before the publication date 2023-08-24").
_COUNTED_FROM = re.compile(r"the publication date (\d{4}-\d\d-\d\d)")
# A story's day this many days after a report's own publication day is another event's, not the one the report
# dated before it came out. On bench/realset's tuning folds: BRICS 2023 reports of 24 August ("الخميس") in a story
# whose reports most often gave 22 November 2025 (Arabic tune-a up one, nothing else moved); at 0 (any later day),
# Ruang's second eruption of 30 April over 17 April reports' "الثلاثاء" and "Selasa" was also kept off (Arabic and
# Indonesian tune-a up one more each) but an English tune-b report lost its story's right day, 17 days after the
# wrong day its page's metadata gave (" date 2023-01-01" over "This morning, January 18").
_LATER_DAYS = 30
# ... and a story's day this many days before it is too: a report that counts its day from its page ("أمس" the day
# before 2 October 2024, "Monday" before 24 July 2024) reports something of that week, not of a month or years
# before, and a story whose reports most often give such a day has taken in another event's reports (the Jaffa
# shooting of 2024 in a story dated by the Tel Aviv shooting of April 2022; the Gofa landslide of 2024 in a story
# dated 15 July 2016 by one of its four texts). On bench/realset's tuning folds (event date, dated, with its story):
# Arabic tune-a 102 -> 103 of 114, English tune-b 81 -> 82 of 89, nothing else moved, the same at 7, 14, 30, 60 and
# 365 days; two articles, so a small gain, but the mirror of ``_LATER_DAYS``'s rule, not a fit of one text.
_EARLIER_DAYS = 30


def _gives_way(event: Mapping[str, Any], day: str) -> bool:
    """Whether the article's own day gives way to the story's ``day`` (``resolved``): a day not stated in full, or a
    month or year alone, does; not where the article counts it from the publication day its page states and the
    story's day is long after or long before that (``_LATER_DAYS``, ``_EARLIER_DAYS``), nor where the article dates
    a night across two days by its first and the story's day is the second (the Muscat mosque shooting, whose
    reports mostly gave the Tuesday of "the night of Monday to Tuesday": bench/realset French tune-b up one dated
    report of 58 and two of 84 in all, tune-a unchanged)."""
    if _guessed(event):
        return True
    own, basis = str(event.get("date") or ""), str(event.get("basis") or "")
    counted = _COUNTED_FROM.search(basis)
    if counted and len(own) == 10 and own <= counted.group(1):
        after = (dt.date.fromisoformat(day) - dt.date.fromisoformat(counted.group(1))).days
        if not -_EARLIER_DAYS <= after <= _LATER_DAYS:
            return False
    # "dans la nuit de lundi à mardi 16 juillet": the report gives the night's first day, the story its second
    if basis.startswith(f"the night before {day}"):
        return False
    # A month alone ("en août 2021", "avril 2006") says less than a story's day, whichever month it is: in a
    # report of its story's kind it is most often a past event recalled ("depuis août 2021" in a report of the Bajaur
    # bombing of July 2023; the tuning half's French Bajaur, Mastung and Peshawar reports, ardates17).
    return len(own) < 10 or basis != "explicit"


# How specific a gazetteer place is: a story's place replaces a report's first place only if it is as specific.
_RANK = {"city": 0, "province": 1, "country": 2}
# A report that names its story's place moves it first where the story's place is the first place of at least
# this many of its texts (bench/realset tuning folds: 1 and 2 gave the same, 2 keeps one report from reordering
# another).
_NAMED_VOTES = 2


def _inside(event: Mapping[str, Any], story: Mapping[str, Any]) -> bool:
    """Whether the story's place says more than the article's first place: the article names none; or only
    the country the story's place is in; or a place in another country (``_elsewhere``), or a province of the
    country the story's city is in (``_broader``), or, in Arabic, a place the gazetteer does not know
    (``_unknown_arabic``); or, not naming the story's place, a lone reading of another place of its country
    (``_lone_reading``); or it names the story's place too, after a place no more specific (Kathmandu, where the
    flight left from, before Pokhara, where it crashed)."""
    if not event.get("places"):
        return True
    own, theirs = event.get("scene") or {}, story.get("scene") or {}
    mine, its = own.get("kind"), theirs.get("kind")
    if (
        own.get("kind") == "country"
        and its not in (None, "country")
        and own.get("country") == theirs.get("country")
    ):
        return True
    agreed = story.get("place_votes", 0) >= _NAMED_VOTES
    if agreed and (_elsewhere(own, theirs) or _broader(own, theirs) or _unknown_arabic(event)):
        return True
    named = str(story["place"]).casefold() in {str(p).casefold() for p in event["places"]}
    if not named and _lone_reading(event, story):
        return True
    return named and mine in _RANK and its in _RANK and _RANK[its] <= _RANK[mine] and agreed


# A report's first place in another country than the place its story's texts agree on (two or more naming it
# first) is not where the event was: one story is one event, in one place, and a report naming a foreign place
# first names a place it mentions in passing ("Paris" and "Jakarta" in Indonesian reports of a Kenyan crash, "Moscow"
# in a report of the Jeddah summit), a neighbour ("Yemen" for a shipwreck off Djibouti) or a place the gazetteer
# mistook a word for ("Maracaibo", "Göd"). On bench/realset's tuning
# folds (event place, with its story; ar / en / fr / id) tune-a 117/109/113/106 -> 122/111/114/109 and tune-b
# 120/107/115/101 -> 124/111/116/103 (445 -> 456 | 443 -> 454 of 597 | 589), no language down on either fold.


def _elsewhere(own: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    """Whether the report's first place (its ``scene``) and its story's place lie in two different countries."""
    return bool(own.get("country") and theirs.get("country") and own["country"] != theirs["country"])


# A report that names first a province of the country its story's city is in ("Balochistan" where its story's
# texts agree on Quetta, "Jawa Timur" for Sidoarjo, "Sindh" for Nawabshah) says less than its story: the province
# gives way as the country does. The gazetteer does not say which province a city is in, so the same country
# stands for it. On bench/realset's tuning folds (with ``_elsewhere``): tune-a 456 -> 458 (ar +3, id -1), tune-b
# 454 -> 458 (ar +2, en +1, fr +1); the two reports that lost are labelled with the province they name alone
# (id-barcelona-ferry-2025-ar-03 "Sulawesi", mm-cyclone-mocha-2023-id-01 "Rakhine State").


def _broader(own: Mapping[str, Any], theirs: Mapping[str, Any]) -> bool:
    """Whether the report's first place is a province and its story's place a city, in one country."""
    return (
        own.get("kind") == "province"
        and theirs.get("kind") == "city"
        and bool(own.get("country"))
        and own.get("country") == theirs.get("country")
    )


# A report whose first place no other text of its story names first, in the country of the place three or more of
# its texts name first, which the report does not name at all, read its own place wrong: one story is one event in
# one place, and a lone report's other place of that country is where a flight left from ("Pokhara" for the
# Kathmandu crash), the capital it was filed from ("Brasília" for the Rio summit), a neighbouring town ("Ramat Gan"
# for Bnei Brak, "Jeddah" for Mecca) or another island of the country ("Corfu" for Rhodes). Three texts, not two
# (``_NAMED_VOTES``): the report names nothing to corroborate the story's place, so the story's texts alone must.
# Left alone: a place two or more texts name first (``rivals``): a second event's reports merged into the story,
# or a part of the event several outlets report on; and a report whose own day, stated in the text, is more than
# ``_LONE_DAYS`` from its story's (another event's report, merged by mistake). On bench/realset's tuning folds
# (event place, with its story; ar / en / fr / id): tune-a 131/112/113/108 -> 130/112/114/110 (Rhodes, Bnei Brak,
# Kathmandu; lost: in-balasore-train-2023-ar-01, one Balasore report the matcher merged into the Air India crash's
# story, undated, so nothing tells it apart), tune-b 135/111/115/102 -> 136/112/116/102 (Rio, Nawabshah, Mecca).
_LONE_VOTES = 3
_LONE_DAYS = 30


def _lone_reading(event: Mapping[str, Any], story: Mapping[str, Any]) -> bool:
    """Whether the report's first place is a lone reading its story's place corrects (see above): the report does
    not name the story's place (the caller checks), its first place is a gazetteer place of the story's place's
    country, no other text names it first, and three or more do the story's place."""
    own, theirs = event.get("scene") or {}, story.get("scene") or {}
    if own.get("kind") not in _RANK or theirs.get("kind") not in _RANK or not own.get("country"):
        return False
    if own["country"] != theirs.get("country") or story.get("place_votes", 0) < _LONE_VOTES:
        return False
    if "rivals" not in story or str(event["places"][0]).casefold() in story["rivals"]:
        return False
    day, story_day = _stated_day(event), story.get("date")
    if day and isinstance(story_day, str) and len(story_day) == 10:
        return abs((dt.date.fromisoformat(day) - dt.date.fromisoformat(story_day)).days) <= _LONE_DAYS
    return True


# An Arabic report whose first place the gazetteer does not know (no ``scene``) most often names no place there: a
# word the NER or the rules took for one, with its clitics ("إلغاء", "بيجر", "قوي", "رياضي", "وقوف"), or a
# transliteration of a town the gazetteer has not got under its Arabic name (its story's texts name it in Latin
# letters). A Latin-script report's unknown first place is far more often a precise site the gazetteer lacks
# (Kanjuruhan Stadium, Steccato di Cutro): it stays. On bench/realset's tuning folds (event place, with its story,
# with ``_elsewhere`` and ``_broader``): Arabic tune-a 125 -> 131 of 170, tune-b 126 -> 135 of 170 (four reports
# lost a right site the gazetteer lacks: "بونداي جانكشن", "ميجاني ناجار", "سمنداغ", "Arwād"); the same rule for
# English gained 6 on tune-a and lost 12 on tune-b, for French +1 and -11, for Indonesian -8 and -7.


def _unknown_arabic(event: Mapping[str, Any]) -> bool:
    """Whether the report is Arabic and its first place unknown to the gazetteer."""
    return event.get("lang") == "ar" and not event.get("scene")


# Two or more texts must name the place first for a story's event to be keyed (Matcher._merge_agreeing): one
# report's place is one reading, not what the story agrees on.
_KEY_VOTES = 2


def event_key(event: Mapping[str, Any] | None) -> str | None:
    """``kind|place`` of a story's agreed event, where at least two of its texts name the place first."""
    if not event or not event.get("place") or event.get("place_votes", 0) < _KEY_VOTES:
        return None
    return f"{event['kind']}|{str(event['place']).casefold()}"
