"""Precision and recall of duplicates and stories on the labelled development set (tests/devset).

Runs the real pipeline (no translation model, as on a fresh install) into a fresh database and compares the
pairs it links with the labelled pairs. Prints a table; ``evaluate()`` is also what tests/test_devset.py runs.
"""

from __future__ import annotations

import sqlite3
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import Config, Pipeline  # noqa: E402
from store.db import connect  # noqa: E402
from store.writer import Writer  # noqa: E402
from tests.devset import build, pairs, precision_recall  # noqa: E402


def evaluate(work: Path) -> dict[str, Any]:
    folder = work / "devset"
    items = build(folder)
    db = work / "devset.db"
    Pipeline(Config(db=db, home=work / "home"), Writer(connect(db))).run([str(folder)])
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT s.source, a.id, coalesce(a.duplicate_of, a.id), a.story_id FROM sightings s "
            "JOIN articles a ON a.id = s.article_id"
        ).fetchall()
    name = {Path(src).stem: (aid, root, story) for src, aid, root, story in rows}
    truth_dup = pairs({i.id: i.doc for i in items})
    truth_story = pairs({i.id: i.event for i in items})
    pred_dup = pairs({k: str(v[1]) for k, v in name.items()})
    # Same story: the same story id, or one document (a duplicate is always in its original's story).
    pred_story = pairs({k: (f"s{v[2]}" if v[2] else f"a{v[1]}") for k, v in name.items()})
    negatives = {i.id for i in items if i.kind == "hard-negative"}
    merged = sorted(tuple(sorted(p)) for p in pred_story - truth_story if p & negatives)
    dp, dr = precision_recall(pred_dup, truth_dup)
    sp, sr = precision_recall(pred_story, truth_story)
    return {
        "articles": len(items),
        "languages": sorted({i.lang for i in items}),
        "duplicate": {
            "precision": dp,
            "recall": dr,
            "pairs": len(truth_dup),
            "predicted": len(pred_dup),
            "missed": sorted(tuple(sorted(p)) for p in truth_dup - pred_dup),
            "wrong": sorted(tuple(sorted(p)) for p in pred_dup - truth_dup),
        },
        "story": {
            "precision": sp,
            "recall": sr,
            "pairs": len(truth_story),
            "predicted": len(pred_story),
            "missed": sorted(tuple(sorted(p)) for p in truth_story - pred_story),
            "wrong": sorted(tuple(sorted(p)) for p in pred_story - truth_story),
        },
        "hard_negatives_merged": merged,
    }


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        r = evaluate(Path(tmp))
    print(f"dev set: {r['articles']} articles ({', '.join(r['languages'])}), no translation model")
    print("| relation | labelled pairs | predicted pairs | precision | recall |")
    print("|---|---|---|---|---|")
    for rel in ("duplicate", "story"):
        x = r[rel]
        print(f"| {rel} | {x['pairs']} | {x['predicted']} | {x['precision']:.3f} | {x['recall']:.3f} |")
    print(f"hard negatives merged: {len(r['hard_negatives_merged'])}")
    for rel in ("duplicate", "story"):
        for kind in ("missed", "wrong"):
            if r[rel][kind]:
                print(f"{rel} {kind}: {r[rel][kind]}")


if __name__ == "__main__":
    main()
