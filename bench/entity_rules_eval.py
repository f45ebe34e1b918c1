"""What the title and shape rules over the NER models add (extract/persons.py, extract/orgs.py), and how often
they are right, on the TRAINING and DEV splits of the public corpora (never a test split: bench/ner_eval.py
reads those, once, for the report).

The sentences are joined into articles of 20 as bench/ner_eval.py joins them, run through extract.ner.NerStage
without the rules and with them, and scored by character offsets (exact boundaries and type; PERSON, ORG and
PLACE). "rule entities" are the entities the rules put in the list (found_by "title", "rule" or "known"):
"exact" is the share that is a gold entity with its type and boundaries, "type" the share that overlaps a gold
entity of its type (a right name with other boundaries), "wrong" the share that overlaps no gold entity of its
type.

    python bench/entity_rules_eval.py --ar PATH/ANERCorp --id PATH/idner-news-2k --nergrit PATH/nergrit

The corpora are tokenised with spaces before punctuation ("Joko Widodo ,") and have no outlets' addresses or
credits: they measure the title rules and the Indonesian head nouns, not the addresses.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models"))
sys.path.insert(0, str(ROOT / "bench"))

from ner_data import load  # noqa: E402
from ner_eval import _TYPE, articles, score  # noqa: E402

from extract.ner import NerOptions, NerStage  # noqa: E402

RULES = ("title", "rule", "known")


def run(lang: str, corpus: str, part: str, path: Path) -> None:
    docs, gold = articles(lang, load(corpus, part, path))
    results = {}
    for rules in (False, True):
        stage = NerStage(NerOptions(rules=rules))
        done = []
        for start in range(0, len(docs), 32):
            done.extend(stage.pipe(docs[start : start + 32]))
        results[rules] = done
    for rules, done in results.items():
        pred = [
            {(e.start, e.end, _TYPE[e.label]) for e in a.entities if e.lang == lang and e.label in _TYPE}
            for a in done
        ]
        rows = score(pred, gold)
        cells = [f"{t} {p:.3f}/{r:.3f}/{f:.3f}" for t, (p, r, f, _) in rows.items()]
        print(
            f"| {lang} | {corpus} {part} | {'with' if rules else 'without'} rules | "
            + " | ".join(cells)
            + " |"
        )
    tally: Counter[tuple[str, str]] = Counter()
    for a, g in zip(results[True], gold, strict=True):
        for e in a.entities:
            if e.found_by not in RULES or e.label not in _TYPE:
                continue
            typ = _TYPE[e.label]
            key = (typ, e.found_by)
            tally[(*key, "n")] += 1  # type: ignore[arg-type]
            tally[(*key, "exact")] += (e.start, e.end, typ) in g  # type: ignore[arg-type]
            tally[(*key, "type")] += any(s < e.end and e.start < t and k == typ for s, t, k in g)  # type: ignore[arg-type]
    for typ, by in sorted({(k[0], k[1]) for k in tally}):
        n = tally[(typ, by, "n")]  # type: ignore[index]
        exact, same = tally[(typ, by, "exact")], tally[(typ, by, "type")]  # type: ignore[index]
        print(
            f"|   | {corpus} {part} | rule {typ} ({by}) | {n} entities: exact {exact / n:.2f}, "
            f"type {same / n:.2f}, wrong {(n - same) / n:.2f} |"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ar", type=Path, help="the ANERCorp file (its training part and dev tenth)")
    ap.add_argument("--id", type=Path, help="the IDNer-news-2k folder (train.txt, dev.txt)")
    ap.add_argument("--nergrit", type=Path, help="IndoNLU's nergrit_ner-grit folder (train, valid)")
    args = ap.parse_args()
    print("| lang | split | | P/R/F1 per type |")
    print("|---|---|---|---|")
    for lang, corpus, path in (
        ("ar", "anercorp", args.ar),
        ("id", "idner", args.id),
        ("id", "nergrit", args.nergrit),
    ):
        if path is None:
            continue
        for part in ("train", "dev"):
            run(lang, corpus, part, path)


if __name__ == "__main__":
    main()
