"""Whether one labelled person or organisation meets under one story anchor in Arabic and in Latin script.

For each story of bench/realset's TUNING half (two folds, as bench/realset_eval.py --folds deals them) and each
labelled person or organisation (its canonical name) that has a text in an Arabic article and one in a Latin-script
article: the anchor key the product gives each text (extract/signature.py's ``s:``), by the product's path for a
name alone: an organisation of orgs.py's known list takes its known name, an Arabic institution by its head noun
orgs.py's English reading, any other name its canonical_name(); the key is name_skeleton()
of the canonical name where it is Latin. (A Latin-script organisation NER finds keeps
its own name in the product, "OIM", "PBB", where this takes the known one: an upper bound there.) A name
that makes no anchor (a source the report cites: AFP, a platform; a key under four letters) is counted apart. It
meets when the Arabic text's key is one of the Latin texts' keys.

Looser keys meet more wrong names too: "wrong" counts the keys under which two different labelled canonical
names of one type meet anywhere in the tuning half (label granularity counts there too: "AFP" and "Agence
France-Presse", two countries' "Ministry of Interior").

Usage: python bench/names_across_eval.py [--show tune-a|tune-b] [--wrong]
The held-out half is never read.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.canonical import canonical_name  # noqa: E402
from extract.gazetteer import gazetteer  # noqa: E402
from extract.orgs import _SOURCES, arabic_orgs, known_orgs, source_org  # noqa: E402
from extract.signature import name_skeleton  # noqa: E402

FOLDS = ("tune-a", "tune-b")
TYPES = ("persons", "orgs")


def product_key(text: str, lang: str, typ: str) -> tuple[str | None, str]:
    """(the anchor key, the canonical name), or (None, why there is no anchor: "source" or "short")."""
    gaz = gazetteer()
    if typ == "orgs":
        cited = {name for _, _, name in known_orgs("x " + text, lang)}
        if source_org(text, lang) or cited & _SOURCES:
            return None, "source"
        known = known_orgs("x " + text, lang)
        canonical = None
        if len(known) == 1 and known[0][:2] == (2, len(text) + 2):
            canonical = known[0][2]
        elif lang == "ar":
            found = arabic_orgs(text, gaz, lang)
            if len(found) == 1 and found[0].start == 0 and found[0].end >= len(text.rstrip()) - 1:
                canonical = found[0].canonical
        canonical = canonical or canonical_name(text)
        named = canonical if canonical.isascii() else text
        key = name_skeleton(named)
    else:
        canonical = canonical_name(text)
        key = name_skeleton(canonical if canonical.isascii() else text)
    if len(key.replace(" ", "")) < 4:
        return None, "short"
    return key, canonical


def tuning_labels() -> list[dict]:
    labels = []
    for path in sorted((ROOT / "bench" / "realset" / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and (row := json.loads(line))["split"] == "tune":
                labels.append(row)
    return labels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", choices=FOLDS, help="list that fold's misses")
    ap.add_argument("--wrong", action="store_true", help="list the keys two labelled names share")
    args = ap.parse_args()
    labels = tuning_labels()
    stories = sorted({row["story"] for row in labels})
    fold = {name: FOLDS[i % 2] for i, name in enumerate(stories)}
    texts: dict[tuple[str, str, str], dict[str, set[tuple[str, str]]]] = defaultdict(
        lambda: {"ar": set(), "lat": set()}
    )
    owners: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in labels:
        for typ in TYPES:
            for e in row.get(typ) or []:
                side = "ar" if row["lang"] == "ar" else "lat"
                texts[(row["story"], typ, e["canonical"])][side].add((e["text"], row["lang"]))
                key, _ = product_key(e["text"], row["lang"], typ)
                if key:
                    owners[(typ, key)].add(e["canonical"])
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])  # meet, miss, no anchor
    misses = []
    for (story, typ, canonical), sides in sorted(texts.items()):
        if not sides["ar"] or not sides["lat"]:
            continue
        latin = {k for t, lang in sides["lat"] if (k := product_key(t, lang, typ)[0])}
        for text, lang in sorted(sides["ar"]):
            key, why = product_key(text, lang, typ)
            if why == "source":
                continue
            cell = counts[(fold[story], typ)]
            outcome = 2 if key is None else 0 if key in latin else 1
            cell[outcome] += 1
            if outcome:
                misses.append((fold[story], typ, canonical, text, why, key, sorted(latin)[:3]))
    print("| fold | type | meet | miss | no anchor |\n|---|---|---:|---:|---:|")
    for f in FOLDS:
        for typ in TYPES:
            meet, miss, none = counts[(f, typ)]
            print(f"| {f} | {typ} | {meet} | {miss} | {none} |")
    wrong = {k: v for k, v in owners.items() if len(v) > 1}
    print(f"keys two labelled names share: {len(wrong)} (persons {sum(k[0] == 'persons' for k in wrong)})")
    if args.wrong:
        for (typ, key), names in sorted(wrong.items()):
            print(f"  {typ} {key!r}: {sorted(names)}")
    for miss in misses:
        if miss[0] == args.show:
            print(miss)


if __name__ == "__main__":
    main()
