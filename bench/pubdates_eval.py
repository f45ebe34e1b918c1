"""Publication dates on real pages of many outlets (bench/pubdates), per language and half (split by outlet).

Runs polynews's own publication-date reading as bench/realset_eval.py does, with no translation model: read (the
seeds' text format, with the page's address as `polynews fetch` stores it) -> normalize -> language -> the facts
stage's publication date (extract/facts.py ``FactStage._published``: header, address, datelines, bylines and
timestamps in the text). Then compares with the labels (bench/pubdates/labels.jsonl):

- a page labelled with a day is "exact" when the stored date is that day, "wrong" when another date, "missing"
  when none; a page labelled with only a month (a header month, an address with a month) is exact for that
  month or any day in it;
- a page labelled "none" (the page shows no publication date: a site clock, a photo caption, a tweet's date, a
  relative "il y a 4 heures" are not one) is "kept" when no date is stored, "wrong" otherwise: a wrong date is
  worse than none.

The halves are by outlet (bench/pubdates/README.md): build rules from the tune outlets' misses (``--show tune``)
and read the held-out outlets' figures once, for the report.

Usage: python bench/pubdates_eval.py [--data bench/pubdates] [--tune] [--show tune] [--lang ar] [--since ar-216]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts import FactStage  # noqa: E402
from ingest.readers import read_document  # noqa: E402
from ingest.record import Article  # noqa: E402
from normalize.stages import LanguageStage, Normalizer  # noqa: E402

LANGS = ("ar", "en", "fr", "id")
SPLITS = ("tune", "heldout")


def load(data: Path) -> list[dict[str, Any]]:
    path = data / "labels.jsonl"
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def published(data: Path, labels: list[dict[str, Any]]) -> dict[str, Article]:
    normalizer, language = Normalizer(), LanguageStage()
    out: dict[str, Article] = {}
    for lab in labels:
        path = data / "pages" / f"{lab['id']}.txt"
        (article,) = read_document(str(path), path.read_bytes(), ".txt")
        article = dataclasses.replace(article, url=lab["url"])
        article = language(normalizer(article))
        out[lab["id"]] = FactStage._published(article, [])
    return out


def added_since(page_id: str, first: str) -> bool:
    """Whether ``page_id`` ("ar-231") is ``first`` ("ar-216") or a later page of the same language."""
    lang, _, number = page_id.partition("-")
    first_lang, _, first_number = first.partition("-")
    return lang == first_lang and int(number) >= int(first_number)


def outcome(got: str | None, want: str | None) -> str:
    if want is None:
        return "kept" if got is None else "wrong"
    if got is None:
        return "missing"
    right = got == want if len(want) == 10 else got[:7] == want
    return "exact" if right else "wrong"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "pubdates")
    parser.add_argument(
        "--show", choices=SPLITS, help="print the misses of this half (tune only while building)"
    )
    parser.add_argument("--lang", choices=LANGS)
    parser.add_argument("--tune", action="store_true", help="the tune outlets alone (while building rules)")
    parser.add_argument(
        "--since",
        metavar="ID",
        help="only the pages from this one on in its language's numbering (ar-216: a session's additions, read"
        " blind before any rule was written on them)",
    )
    args = parser.parse_args()
    labels = [lab for lab in load(args.data) if not args.lang or lab["lang"] == args.lang]
    if args.since:
        labels = [lab for lab in labels if added_since(lab["id"], args.since)]
    if args.tune:
        labels = [lab for lab in labels if lab["split"] == "tune"]
    got = published(args.data, labels)
    tally: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    misses = []
    for lab in labels:
        a = got[lab["id"]]
        result = outcome(a.published, lab["published"])
        for lang in (lab["lang"], "all"):
            tally[(lang, lab["split"])][result] += 1
        if result in ("wrong", "missing"):
            misses.append(
                f"{lab['id']} {lab['split']} {lab['outlet']}: {result}, got {a.published} want {lab['published']}"
                f" ({lab['evidence']})"
            )
    print(f"publication dates: {len(labels)} pages of {len({lab['outlet'] for lab in labels})} outlets")
    print("| lang | " + " | ".join(SPLITS) + " |")
    print("|---|" + "---|" * len(SPLITS))
    for lang in (*LANGS, "all"):
        cells = []
        for split in SPLITS:
            t = tally.get((lang, split))
            if not t:
                cells.append("-")
                continue
            n = sum(t.values())
            right = t["exact"] + t["kept"]
            cells.append(
                f"{right / n:.2f} ({right}/{n}): exact {t['exact']}, kept none {t['kept']}, "
                f"wrong {t['wrong']}, missing {t['missing']}"
            )
        if any(c != "-" for c in cells):
            print(f"| {lang} | " + " | ".join(cells) + " |")
    if args.show:
        for line in misses:
            if f" {args.show} " in line:
                print(line)


if __name__ == "__main__":
    main()
