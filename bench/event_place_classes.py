"""What the tuning folds' event-place misses are: each miss classed by how our first place stands to the label.

issue 14 asks for the event's most specific place (bench/realset/SCHEMA.md). Where polynews's first place is not
the label (bench/realset_eval.py ``place_right``), this says how it is wrong, as far as the gazetteer can tell:

- ``no place``: the event has no place at all;
- ``dateline``: the first place is named in the dateline before the body (where the report was filed);
- ``another country``: a place of another country than the label's;
- ``coarser: the country``: the country the labelled town or province is in;
- ``coarser: a province``: a province where the label is a town or a site the gazetteer lacks;
- ``a town for a site``: a town of the label's country where the label is a district, a site or a village the
  gazetteer does not hold (Sydney for Wakeley, Muscat for Wadi Al Kabir: mostly the town it lies in);
- ``finer: a town for a province``: a town where the label is a province of its country (the gazetteer does not
  say whether the town is in it);
- ``sibling``: another town (or province) of the label's country;
- ``unknown to the gazetteer``: a site, a district or a word taken for a place, that is not the label.

Each class is counted by fold, by kind of event (meetings: extract/event_kind.MEETING_KINDS; incidents: the rest)
and by language, with ``among``: how many of the class have the label among the event's later places (a choice
lost, not a place missed). With ``--stories DB`` the event with its story (store/story_event.py) is classed too.

Usage: python bench/event_place_classes.py [--stories DB] [--show tune-a]
Tuning folds only (never the held-out half): a map of the misses for choosing the next rule.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import realset_eval as R  # noqa: E402

from extract.event_kind import MEETING_KINDS  # noqa: E402
from extract.facts import _DATELINE, _any_dateline_end  # noqa: E402
from ingest.record import Article  # noqa: E402

_LEVEL = {"city": 0, "province": 1, "country": 2}
COLUMNS = ("tune-a", "tune-b", "incident", "meeting", *R.LANGS, "among")


def label_forms(lab: Mapping[str, Any]) -> list[str]:
    """The labelled event place under its canonical name and the surfaces the article's place labels give it."""
    ev = lab["event"]
    return [ev["place"]] + [
        p["text"] for p in lab.get("places") or [] if R.same(p.get("canonical") or "", ev["place"])
    ]


def dateline(text: str) -> str:
    """The text before the body's first words, where a dateline names where the report was filed."""
    m = _DATELINE.match(text)
    end = m.end() if m else _any_dateline_end(text)
    return text[:end] if end else ""


def place_class(places: list[str], lab: Mapping[str, Any], article: Article) -> str:
    """How the event's first place stands to the labelled one (see the module's docstring)."""
    if not places:
        return "no place"
    first = places[0]
    if R.place_right(first, label_forms(lab)):
        return "right"
    filed = dateline(article.text)
    if filed and (first in filed or any(e.text in filed for e in article.entities if e.canonical == first)):
        return "dateline"
    ours, theirs = R._place(first), R._place(lab["event"]["place"])
    country = theirs.country if theirs else None
    if country is None and (home := R._place(lab["event"].get("place_country") or "")) is not None:
        country = home.country
    if ours is None:
        return "unknown to the gazetteer"
    if ours.country != country:
        return "another country"
    if ours.kind == "country":
        return "coarser: the country"
    if theirs is None or _LEVEL[ours.kind] > _LEVEL[theirs.kind]:
        return "coarser: a province" if ours.kind == "province" else "a town for a site"
    if _LEVEL[ours.kind] < _LEVEL[theirs.kind]:
        return "finer: a town for a province"
    return "sibling"


def classes(
    labels: list[dict[str, Any]],
    got: Mapping[str, Article],
    events: Mapping[str, Mapping[str, Any] | None] | None = None,
) -> tuple[dict[str, Counter[str]], list[str]]:
    """Counts per class and column (COLUMNS), and one line per miss; ``events`` as realset_eval.score's."""
    table: dict[str, Counter[str]] = defaultdict(Counter)
    lines = []
    for lab in labels:
        ev = lab.get("event") or {}
        if not ev.get("place"):
            continue
        article = got[lab["id"]]
        fact = (events.get(lab["id"]) if events is not None else R.event_fact(article)) or {}
        places = list(fact.get("places") or [])
        name = place_class(places, lab, article)
        kind = "meeting" if ev.get("kind") in MEETING_KINDS else "incident"
        for column in (lab["split"], kind, lab["lang"]):
            table[name][column] += 1
        if name != "right":
            table[name]["among"] += any(R.place_right(p, label_forms(lab)) for p in places[1:])
            lines.append(f"{lab['id']} {lab['split']} {name}: got {places[:3]} want {ev['place']}")
    return table, lines


def render(table: Mapping[str, Counter[str]]) -> str:
    """A markdown table, the largest class first."""
    rows = ["| class | " + " | ".join(COLUMNS) + " |", "|---" * (len(COLUMNS) + 1) + "|"]
    for name in sorted(table, key=lambda n: -(table[n]["tune-a"] + table[n]["tune-b"])):
        rows.append(f"| {name} | " + " | ".join(str(table[name][c]) for c in COLUMNS) + " |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    parser.add_argument("--stories", type=Path, metavar="DB", help="also class the event with its story")
    parser.add_argument("--show", choices=R.FOLDS, help="print each miss of this fold")
    args = parser.parse_args()
    labels = R.folds(R.load(args.data))
    got, _ = R.run(args.data, labels)
    readings = [("own reading", None)]
    if args.stories:
        readings.append(("with its story", R.with_stories(args.data, labels, got, args.stories)))
    for title, events in readings:
        table, lines = classes(labels, got, events)
        print(f"event place, {title}\n{render(table)}")
        if args.show:
            print("\n".join(line for line in lines if f" {args.show} " in line))


if __name__ == "__main__":
    main()
