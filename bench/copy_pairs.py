"""Every same-language pair of one story in the tuning folds, with what the copy gate reads, beside the label.

stories_eval.py --show lists the pairs polynews gets wrong; this lists them all (those sharing at least
``--least`` of the shorter text, and every labelled copy), so that a measure can be judged on how it separates
the labelled copies from the labelled non-copies, not on the few pairs it would move. For each pair: the fold,
the label (``copy`` / ``apart``), the decision of is_copy() on the two texts alone (no group, no root check) and
the gates it fails (Matcher.copy_gates), copy_overlap()'s measures, and three measures the gates do not read:

  verbatim   the share of the shorter text's sentences kept whole in the other (nine tenths of their shingles):
             the label guide's "most of their sentences verbatim"
  lead       whether each text's first sentence is mostly (half its shingles) in the other: "keep one lead"
  between    the most, of either text, of its own sentences between its first and last shared one, as a share
             of that span: a copy cut or re-led keeps the shared part in one block, a rewrite interleaves

then, for each measure, the band where labelled copies and non-copies mix, among the pairs every other gate
passes. Tuning folds only: the held-out half is never listed (bench/README.md, session 23, samedoc23).

Usage: python bench/copy_pairs.py [--fold tune-a] [--db PATH] [--least 0.15] [--all]
``--db`` reads the texts as the matcher does (headline and analysed text of a database stories_eval.py ingested);
without it, the article files. ``--all`` prints every pair, not only those near a gate or decided wrong.
"""

from __future__ import annotations

import argparse
import itertools
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.stories_eval import FOLDS, load, same_doc_groups  # noqa: E402
from normalize.fingerprint import Overlap, Passages, copy_overlap, passages  # noqa: E402
from store.matching import Matcher  # noqa: E402

_VERBATIM = 0.9  # a sentence kept whole: nine tenths of its shingles in the other text


@dataclass(frozen=True, slots=True)
class Pair:
    fold: str
    a: str
    b: str
    copy: bool  # the label
    overlap: Overlap
    gates: list[str]
    verbatim: float
    lead: bool
    between: float

    @property
    def decided(self) -> bool:
        return not self.gates


def _shared(x: Passages, y: Passages, share: float) -> list[bool]:
    return [bool(s) and len(s & y.grams) >= share * len(s) for s in x.sentences]


def verbatim(x: Passages, y: Passages) -> float:
    """The share of the sentences of the text with fewer of them kept whole in the other."""
    short, other = (x, y) if len(x.sentences) <= len(y.sentences) else (y, x)
    kept = _shared(short, other, _VERBATIM)
    return sum(kept) / max(1, len(kept))


def lead_kept(x: Passages, y: Passages) -> bool:
    """Whether each text's first sentence is mostly in the other."""
    return all(bool(k) and k[0] for k in (_shared(x, y, 0.5), _shared(y, x, 0.5)))


def between(x: Passages, y: Passages) -> float:
    """The most, of either text, of its sentences sharing under a third with the other that lie between its
    first and last sentence sharing a third or more, as a share of that span."""

    def one(p: Passages, q: Passages) -> float:
        flags = _shared(p, q, 1 / 3)
        hits = [k for k, f in enumerate(flags) if f]
        if not hits:
            return 0.0
        span = flags[hits[0] : hits[-1] + 1]
        return span.count(False) / len(span)

    return max(one(x, y), one(y, x))


def texts_from_db(db: Path) -> dict[str, str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT source, title, text, analysed_chars FROM articles").fetchall()
    con.close()
    return {
        Path(source).stem: f"{title or ''}\n{text if cut is None else text[:cut]}"
        for source, title, text, cut in rows
    }


def pairs(data: Path, db: Path | None, least: float) -> list[Pair]:
    labels = load(data)
    tune = sorted({lab["story"] for lab in labels.values() if lab["split"] == "tune"})
    fold = {name: FOLDS[i % 2] for i, name in enumerate(tune)}
    groups = same_doc_groups(labels)
    stored = texts_from_db(db) if db else {}
    cache: dict[str, Passages] = {}

    def read(i: str) -> Passages:
        if i not in cache:
            text = stored.get(i) or (data / "articles" / f"{i}.txt").read_text(encoding="utf-8")
            cache[i] = passages(text)
        return cache[i]

    matcher = Matcher()
    out = []
    ids = sorted(i for i, lab in labels.items() if lab["story"] in fold)
    for a, b in itertools.combinations(ids, 2):
        la, lb = labels[a], labels[b]
        if la["story"] != lb["story"] or la["lang"] != lb["lang"]:
            continue
        x, y = read(a), read(b)
        overlap = copy_overlap(x, y)
        copy = groups[a] == groups[b]
        if overlap.contained < least and not copy:
            continue
        out.append(
            Pair(
                fold[la["story"]],
                a,
                b,
                copy,
                overlap,
                matcher.copy_gates(overlap),
                verbatim(x, y),
                lead_kept(x, y),
                between(x, y),
            )
        )
    return out


def row(p: Pair) -> str:
    o = p.overlap
    mark = "ok" if p.copy == p.decided else ("MISSED" if p.copy else "FALSE")
    return (
        f"| {p.fold} | {p.a} | {p.b.rsplit('-', 2)[-2]}-{p.b.rsplit('-', 1)[-1]} | {'copy' if p.copy else 'apart'} "
        f"| {mark} | {o.contained:.2f} | {o.unquoted:.2f} | {o.fidelity:.2f} | {o.sentences} | {o.own_after} "
        f"| {p.verbatim:.2f} | {'yes' if p.lead else 'no'} | {p.between:.2f} | {', '.join(p.gates)} |"
    )


def band(ps: list[Pair], name: str, value: dict[str, float]) -> str:
    """Where labelled copies and non-copies mix on one measure: from the lowest copy to the highest non-copy
    (higher reads as more of a copy), and how many of each lie in it."""
    copies = [value[p.a + p.b] for p in ps if p.copy]
    apart = [value[p.a + p.b] for p in ps if not p.copy]
    if not copies or not apart:
        return f"| {name} | - | - | - |"
    lo, hi = min(copies), max(apart)
    inside = [p for p in ps if lo <= value[p.a + p.b] <= hi]
    return (
        f"| {name} | {lo:.2f} - {hi:.2f} | {sum(p.copy for p in inside)} of {len(copies)} "
        f"| {sum(not p.copy for p in inside)} of {len(apart)} |"
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    ap.add_argument(
        "--db", type=Path, help="read the texts stored in this database (as the matcher reads them)"
    )
    ap.add_argument("--fold", choices=FOLDS, help="one fold only (default both)")
    ap.add_argument(
        "--least", type=float, default=0.15, help="list pairs sharing this much of the shorter text"
    )
    ap.add_argument(
        "--all", action="store_true", help="every pair, not only those near a gate or decided wrong"
    )
    args = ap.parse_args()
    ps = [p for p in pairs(args.data, args.db, args.least) if args.fold in (None, p.fold)]
    print(
        "| fold | article | other | label | by texts | contained | unquoted | fidelity | sentences | own_after "
        "| verbatim | lead | between | gates failed |"
    )
    print("|---|---|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---|")
    for p in sorted(ps, key=lambda p: (p.fold, p.overlap.fidelity)):
        near = p.copy != p.decided or (set(p.gates) <= {"fidelity"} and p.overlap.fidelity < 0.9)
        if args.all or near:
            print(row(p))
    for fold in FOLDS:
        mine = [p for p in ps if p.fold == fold]
        if mine:
            n = {
                k: sum(1 for p in mine if (p.copy, p.decided) == k)
                for k in itertools.product((True, False), repeat=2)
            }
            print(
                f"{fold}: pairs by texts alone (no groups): {n[True, True]} copies found, {n[True, False]} missed,"
                f" {n[False, True]} taken, {n[False, False]} kept apart"
            )
    # Among the pairs that every gate but fidelity passes: how each measure orders copies and non-copies.
    contested = [p for p in ps if set(p.gates) <= {"fidelity"}]
    print(
        f"\n{len(contested)} pairs pass every gate but fidelity; where copies and non-copies mix on each measure:"
    )
    print("| measure | band | copies in it | non-copies in it |\n|---|---|---:|---:|")
    measures: tuple[tuple[str, Callable[[Pair], float]], ...] = (
        ("fidelity", lambda p: p.overlap.fidelity),
        ("verbatim", lambda p: p.verbatim),
        ("1 - between", lambda p: 1 - p.between),
        ("contained", lambda p: p.overlap.contained),
    )
    for name, get in measures:
        print(band(contested, name, {p.a + p.b: get(p) for p in contested}))


if __name__ == "__main__":
    main()
