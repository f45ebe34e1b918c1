"""Entities, dates and event facts on the labelled real development set (bench/realset), per language and split.

Runs polynews's own stages over each article, as `polynews ingest` does on a fresh install, with NO translation
model: read (the seeds' text format) -> normalize -> language -> NER (native pipelines where installed) ->
facts (publication date from the text, gazetteer places, event facts). Then compares with the labels:

- entity recall: each labelled person, organisation and place is found when an entity of that type has, after
  folding (case, accents, Arabic letter forms, spacing), the label's surface or canonical form as its surface or
  canonical form, or one contains the other as whole words;
- publication date exact: on articles whose labelled evidence is in the text (header, dateline, byline,
  timestamp), the stored date equals the label (day, or month where the label has only the month);
- event date: on articles with a labelled event, the first event fact's date equals the label's day; where the
  label has only the month (the Hajj heat deaths, spread over days), a day in that month or the month itself is
  right; a month predicted for a labelled day is wrong. "event date" counts every labelled event, even where
  nothing in the file or its address dates the article and the text never states the event's day (then no
  reader could give it); "event date, dated" counts the articles whose own date the text or address gives
  (evidence header, dateline, byline, timestamp, url-only, or relative: a weekday with the day and month,
  "ce jeudi 30 novembre", "اليوم الجمعة"), which is where the issue's target is read;
- event place: the fact's first (most specific) place is the labelled place (its canonical name or any
  surface the article's place labels give it, or one gazetteer place under both names), or lies inside it as
  far as the gazetteer knows (a city or province of the labelled country: Beirut for "Lebanon"). A place that
  only contains the labelled one (Hatay for Defne, Indonesia for Cianjur) is less than the article says and
  stays a miss; the gazetteer holds no district-level hierarchy (Ighil in Al Haouz), so such pairs are misses
  too.

Usage: python bench/realset_eval.py [--data bench/realset] [--show tune] [--lang ar] [--folds]
``--show`` prints each miss of that split (tune only while building: never read held-out misses to fix rules).
``--folds`` scores the tuning half alone, in two folds by story (tune-a, tune-b: the stories in sorted order,
every other one), and leaves the held-out half out altogether: build a rule from one fold's misses and keep it
only if the other fold does not get worse, so that the held-out half is read once, for the report.
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import json
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.canonical import ARABIC_LETTER, fold  # noqa: E402
from extract.facts import SCHEMA_KINDS, FactOptions, FactStage  # noqa: E402
from extract.gazetteer import gazetteer  # noqa: E402
from extract.ner import NerOptions, NerStage  # noqa: E402
from ingest.readers import read_document  # noqa: E402
from ingest.record import Article  # noqa: E402
from normalize.stages import LanguageStage, Normalizer  # noqa: E402
from normalize.text import match_key  # noqa: E402

TYPES = {
    "persons": {"PERSON", "PER"},
    "orgs": {"ORG"},
    "places": {"GPE", "LOC", "FAC"},
}
CACHE = ROOT / ".cache-realset"
TEXT_EVIDENCE = {"header", "dateline", "byline", "timestamp"}
DATED_EVIDENCE = TEXT_EVIDENCE | {"url-only", "relative"}
LANGS = ("ar", "en", "fr", "id")
SPLITS = ("tune", "heldout")


def load(data: Path) -> list[dict[str, Any]]:
    labels = []
    for path in sorted((data / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                labels.append(json.loads(line))
    return [lab for lab in labels if (data / "articles" / f"{lab['id']}.txt").exists()]


def key(text: str) -> str:
    return match_key(fold(text or ""))


# Arabic writes a preposition or a conjunction and the article onto the name's first word ("لوكالة تسنيم",
# "بالحرس الثوري", "والجيش", "للأمم المتحدة"), and the labels keep the surface as the text had it: the name is
# the same without. A first word that may carry them is tried bare of each.
_ARABIC_PREFIXES = (
    "وبال",
    "وال",
    "بال",
    "فال",
    "كال",
    "ولل",
    "لل",
    "ال",
    "وب",
    "ول",
    "فب",
    "فل",
    "و",
    "ف",
    "ب",
    "ل",
    "ك",
)


def _bare(k: str) -> set[str]:
    """The key and, for an Arabic first word, the key without each prefix it may carry (two letters left)."""
    forms = {k}
    if ARABIC_LETTER.match(k):
        first, _, rest = k.partition(" ")
        for prefix in _ARABIC_PREFIXES:
            if first.startswith(prefix) and len(first) - len(prefix) >= 2:
                forms.add(f"{first[len(prefix) :]} {rest}".strip())
    return forms


def same(a: str, b: str) -> bool:
    """Lenient: equal keys, one key's words a run inside the other's (``Al Haouz`` in ``Al Haouz province``), or
    one place of the gazetteer under both names (Dubai and Dubayy, Derna and Darnah). Arabic keys are also
    compared without the prepositions, conjunctions and article written onto their words (_ARABIC_CLITICS)."""
    ka, kb = key(a), key(b)
    if not ka or not kb:
        return False
    for x, y in [(ka, kb)] + [(x, y) for x in _bare(ka) for y in _bare(kb)]:
        if x == y:
            return True
        short, long_ = sorted((x, y), key=len)
        if len(short) >= 4 and f" {short} " in f" {long_} ":
            return True
    pa, pb = _place(a), _place(b)
    return pa is not None and pb is not None and pa.name == pb.name


def date_right(got: str | None, want: str) -> bool:
    """The label's day, or any day of the label's month where the label has only the month."""
    if not got:
        return False
    return got == want if len(want) == 10 else got[:7] == want


def place_right(got: str, forms: list[str]) -> bool:
    """The labelled place under one of its names, or a place inside it (a city or province of a labelled
    country)."""
    if any(same(got, f) for f in forms):
        return True
    inner, outer = _place(got), _place(forms[0])
    return (
        inner is not None
        and outer is not None
        and outer.kind == "country"
        and inner.kind != "country"
        and inner.country == outer.country
    )


@functools.cache
def _place(name: str) -> Any:
    return gazetteer(CACHE).lookup(name)


def run(data: Path, labels: list[dict[str, Any]]) -> tuple[dict[str, Article], dict[str, float]]:
    cache = CACHE
    normalizer, language = Normalizer(), LanguageStage()
    ner, facts = NerStage(NerOptions()), FactStage(FactOptions(cache_dir=cache))
    gazetteer(cache)  # built (or loaded) before the clock starts
    seconds: dict[str, float] = defaultdict(float)
    out: dict[str, Article] = {}
    articles = []
    for lab in labels:
        path = data / "articles" / f"{lab['id']}.txt"
        raw = path.read_bytes()
        # As `polynews fetch` stores a page: with its address (a date in it is metadata, as in HTML).
        articles.extend(
            dataclasses.replace(a, url=lab.get("url")) for a in read_document(str(path), raw, ".txt")
        )
    for name, stage in (("normalize", normalizer), ("language", language)):
        t0 = time.perf_counter()
        articles = [stage(a) if not a.failed else a for a in articles]
        seconds[name] += time.perf_counter() - t0
    t0 = time.perf_counter()
    articles = list(ner.pipe(articles))
    seconds["ner"] += time.perf_counter() - t0
    t0 = time.perf_counter()
    articles = [facts(a) for a in articles]
    seconds["facts"] += time.perf_counter() - t0
    for lab, a in zip(labels, articles, strict=True):
        out[lab["id"]] = a
    return out, seconds


def event_fact(a: Article) -> dict[str, Any] | None:
    native = [f for f in a.facts if f.kind == "event" and f.data.get("origin") == "native"]
    return native[0].data if native else None


def with_stories(
    data: Path, labels: list[dict[str, Any]], got: dict[str, Article], db: Path
) -> dict[str, dict[str, Any] | None]:
    """Each article's event as polynews gives it once stored: its own reading with the day and place its story
    agrees on (store/story_event.py), the stories being those the product made of the same set in ``db``
    (bench/stories_eval.py's ingest). The members' own events are this run's (read with each page's address,
    which a folder ingest has not got)."""
    from stories_eval import stored

    from ingest.record import first_event
    from store.story_event import consensus, resolved

    root, story, _ = stored(db)
    own = {
        lab["id"]: first_event(f.data for f in got[lab["id"]].facts if f.kind == "event") for lab in labels
    }
    # Every article of the set votes in its story, the other half's too: they are all stored together.
    members: dict[int, list[tuple[int, dict[str, Any] | None]]] = defaultdict(list)
    extra = [lab for lab in load(data) if lab["id"] not in got]
    if extra:
        more, _ = run(data, extra)
        got = {**got, **more}
        own.update(
            {
                lab["id"]: first_event(f.data for f in more[lab["id"]].facts if f.kind == "event")
                for lab in extra
            }
        )
    for name, event in own.items():
        if story.get(name) is not None:
            members[story[name]].append((root[name], event))
    agreed = {s: consensus(m) for s, m in members.items()}
    return {lab["id"]: resolved(own[lab["id"]], agreed.get(story.get(lab["id"]) or -1)) for lab in labels}


def score(
    labels: list[dict[str, Any]],
    got: dict[str, Article],
    events: dict[str, dict[str, Any] | None] | None = None,
) -> tuple[dict[Any, list[int]], list[str]]:
    """Counters [hits, total] keyed by (measure, lang, split), and the misses (for --show). With ``events``,
    each article's event is taken from it (``with_stories``) instead of the article's own facts."""
    tally: dict[Any, list[int]] = defaultdict(lambda: [0, 0])
    misses: list[str] = []
    for lab in labels:
        a = got[lab["id"]]
        lang, split = lab["lang"], lab["split"]
        for typ, labels_of in TYPES.items():
            ents = [e for e in a.entities if e.label in labels_of]
            for item in lab.get(typ) or []:
                forms = [item.get("text") or "", item.get("canonical") or ""]
                hit = any(same(f, g) for e in ents for f in forms if f for g in (e.text, e.canonical))
                for m in (f"recall {typ}", "recall all"):
                    tally[(m, lang, split)][0] += hit
                    tally[(m, lang, split)][1] += 1
                if not hit:
                    misses.append(f"{lab['id']} {split} {typ}: missed {forms}")
        if lab.get("published_evidence") in TEXT_EVIDENCE and lab.get("published"):
            ok = a.published == lab["published"]
            tally[("pub date", lang, split)][0] += ok
            tally[("pub date", lang, split)][1] += 1
            if not ok:
                misses.append(
                    f"{lab['id']} {split} pub: got {a.published} want {lab['published']} "
                    f"({lab['published_evidence']})"
                )
        ev = lab.get("event") or {}
        if ev.get("kind"):
            fact = (events.get(lab["id"]) if events is not None else event_fact(a)) or {}
            got_kind = SCHEMA_KINDS.get(fact.get("type") or "", fact.get("type"))
            tally[("event kind", lang, split)][0] += got_kind == ev["kind"]
            tally[("event kind", lang, split)][1] += 1
            if got_kind != ev["kind"]:
                misses.append(f"{lab['id']} {split} event kind: got {fact.get('type')} want {ev['kind']}")
            if ev.get("date"):
                ok = date_right(fact.get("date"), ev["date"])
                tally[("event date", lang, split)][0] += ok
                tally[("event date", lang, split)][1] += 1
                if lab.get("published_evidence") in DATED_EVIDENCE:
                    tally[("event date, dated", lang, split)][0] += ok
                    tally[("event date, dated", lang, split)][1] += 1
                if not ok:
                    misses.append(
                        f"{lab['id']} {split} event date: got {fact.get('date')} ({fact.get('expression')!r}, "
                        f"{fact.get('basis')}) want {ev['date']}; published {a.published}"
                    )
            if ev.get("place"):
                forms = [ev["place"]] + [
                    p["text"] for p in lab.get("places") or [] if same(p.get("canonical") or "", ev["place"])
                ]
                places = fact.get("places") or []
                ok = bool(places) and place_right(places[0], forms)
                tally[("event place", lang, split)][0] += ok
                tally[("event place", lang, split)][1] += 1
                if not ok:
                    misses.append(f"{lab['id']} {split} event place: got {places[:4]} want {ev['place']}")
                # Whether the right place was there to be picked: among the event's ranked places, and among
                # any place entity of the article (NER, the gazetteer pass, the rules' names).
                ranked = any(place_right(p, forms) for p in places)
                named = ranked or any(
                    place_right(name, forms)
                    for e in a.entities
                    if e.label in TYPES["places"] and e.lang == lang
                    for name in {e.text, e.canonical}
                )
                for m, hit in (
                    ("event place, among its places", ranked),
                    ("event place, among all places", named),
                ):
                    tally[(m, lang, split)][0] += hit
                    tally[(m, lang, split)][1] += 1
                if not named:
                    misses.append(f"{lab['id']} {split} event place absent: want {ev['place']}")
    return tally, misses


MEASURES = (
    "recall persons",
    "recall orgs",
    "recall places",
    "recall all",
    "pub date",
    "event kind",
    "event date",
    "event date, dated",
    "event place",
    "event place, among its places",
    "event place, among all places",
    "event date, with its story",
    "event date, dated, with its story",
    "event place, with its story",
)


def table(tally: dict[Any, list[int]], splits: tuple[str, ...] = SPLITS) -> str:
    rows = ["| measure | lang | " + " | ".join(splits) + " |", "|---|---|" + "---|" * len(splits)]
    for measure in MEASURES:
        for lang in LANGS:
            cells = []
            for split in splits:
                hit, total = tally.get((measure, lang, split), [0, 0])
                cells.append(f"{hit / total:.2f} ({hit}/{total})" if total else "-")
            if any(c != "-" for c in cells):
                rows.append(f"| {measure} | {lang} | " + " | ".join(cells) + " |")
    return "\n".join(rows)


FOLDS = ("tune-a", "tune-b")


def folds(labels: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The tuning half alone, its stories dealt in sorted order into two folds (the held-out half dropped)."""
    stories = sorted({lab["story"] for lab in labels if lab["split"] == "tune"})
    fold = {name: FOLDS[i % 2] for i, name in enumerate(stories)}
    return [dict(lab, split=fold[lab["story"]]) for lab in labels if lab["split"] == "tune"]


def apart(labels: list[dict[str, Any]], stories: list[str]) -> list[dict[str, Any]]:
    """The labels with the named stories in a split of their own, `new` (a part added this session)."""
    unknown = set(stories) - {lab["story"] for lab in labels}
    if unknown:
        raise SystemExit(f"--apart: no such story: {', '.join(sorted(unknown))}")
    return [dict(lab, split="new") if lab["story"] in stories else lab for lab in labels]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    parser.add_argument("--show", choices=SPLITS + FOLDS + ("new",), help="print the misses of this split")
    parser.add_argument("--lang", choices=LANGS)
    parser.add_argument("--folds", action="store_true", help="the tuning half alone, in two folds by story")
    parser.add_argument(
        "--stories",
        type=Path,
        metavar="DB",
        help="also score each article's event with its story's day and place (store/story_event.py), the stories"
        " read from this database of the whole set (made with bench/stories_eval.py's ingest when missing)",
    )
    parser.add_argument(
        "--apart",
        metavar="STORY,...",
        help="score these stories as a split of their own (`new`), beside the rest of their half: a part added in"
        " this session, scored on its own once",
    )
    args = parser.parse_args()
    labels = load(args.data)
    splits = FOLDS if args.folds else SPLITS
    if args.folds:
        labels = folds(labels)
    elif args.apart:
        labels, splits = apart(labels, args.apart.split(",")), (*SPLITS, "new")
    if args.lang:
        labels = [lab for lab in labels if lab["lang"] == args.lang]
    got, seconds = run(args.data, labels)
    tally, misses = score(labels, got)
    if args.stories:
        if not args.stories.exists():
            from stories_eval import ingest

            ingest(args.data, args.stories, 1)
        story_tally, story_misses = score(labels, got, with_stories(args.data, labels, got, args.stories))
        for (measure, lang, split), counts in story_tally.items():
            if measure.startswith("event date") or measure == "event place":
                tally[(f"{measure}, with its story", lang, split)] = counts
        misses += [m.replace(" event ", " event (with its story) ") for m in story_misses if " event " in m]
    counts = defaultdict(int)
    for lab in labels:
        counts[(lab["lang"], lab["split"])] += 1
    print(
        f"real dev set: {len(labels)} articles ("
        + ", ".join(f"{lang} " + "+".join(str(counts[(lang, s)]) for s in splits) for lang in LANGS)
        + " "
        + "+".join(splits)
        + "), no translation model"
    )
    print(table(tally, splits))
    chars = sum(len(a.text) for a in got.values())
    print(
        "seconds: "
        + ", ".join(f"{k} {v:.2f}" for k, v in seconds.items())
        + f" ({chars / max(seconds['facts'], 1e-9) / 1000:.0f}k characters a second through facts)"
    )
    if args.show:
        for line in misses:
            if f" {args.show} " in line:
                print(line)


if __name__ == "__main__":
    main()
