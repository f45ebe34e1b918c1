"""Fit the story score's weights and pick its thresholds on the tuning half of the real set (bench/realset).

Runs polynews's stages over every article as `polynews ingest` does on a folder (no translation model, no
address), then for every pair of articles in the tuning half computes the story features store/story_score.py
computes (story_features), drops the pairs a veto separates, and fits a logistic regression (numpy, L2) of
"same story" on them. Prints the weights (store/story_score.py's _STORY_WEIGHTS take them, rounded) and pairwise
precision and recall by threshold on both halves, and same-document pairs by the copy check's threshold. The held-out
half is only scored, never fitted: read its rows to report, not to choose.

Usage: python bench/stories_calibrate.py [--data bench/realset]
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import realset_eval  # noqa: E402
import stories_eval  # noqa: E402

from extract.facts import FactOptions, FactStage  # noqa: E402
from extract.signature import SignatureStage  # noqa: E402
from ingest.record import Article  # noqa: E402
from normalize.fingerprint import copy_overlap, passages  # noqa: E402
from normalize.stages import FingerprintStage  # noqa: E402
from store.match_options import MatchOptions  # noqa: E402
from store.match_records import _Candidate  # noqa: E402
from store.matching import _WHOLE, Matcher, containment  # noqa: E402
from store.story_score import FEATURES, story_features  # noqa: E402


def articles(data: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Article]]:
    labels = realset_eval.load(data)
    got, _ = realset_eval.run(data, [dict(lab, url=None) for lab in labels])
    fingerprint = FingerprintStage()
    signature = SignatureStage(FactStage(FactOptions(cache_dir=realset_eval.CACHE)).place)
    return {lab["id"]: lab for lab in labels}, {k: signature(fingerprint(a)) for k, a in got.items()}


def candidate(i: int, a: Article) -> _Candidate:
    return _Candidate(i, a.lang, a.published, a.minhash, a.minhash_en, frozenset(a.anchors), a.shingles)


def pairs(
    labels: dict[str, dict[str, Any]], got: dict[str, Article], split: str
) -> list[tuple[bool, bool, dict[str, float], str, str]]:
    """(same story, same document, features or {} where vetoed, a, b) for every pair of the split."""
    matcher = Matcher()
    groups = stories_eval.same_doc_groups(labels)
    ids = sorted(i for i in labels if labels[i]["split"] == split)
    cands = {k: candidate(n, got[k]) for n, k in enumerate(ids)}
    out = []
    for a, b in itertools.combinations(ids, 2):
        ca, cb = cands[a], cands[b]
        vetoed = matcher.vetoed(ca, cb)
        feats = {} if vetoed else story_features(ca.anchors, cb.anchors, matcher.text_similarity(ca, cb))
        out.append((labels[a]["story"] == labels[b]["story"], groups[a] == groups[b], feats, a, b))
    return out


def fit(rows: list[tuple[bool, bool, dict[str, float], str, str]], l2: float = 1.0) -> np.ndarray:
    """Logistic regression by Newton's method (IRLS) with an L2 penalty on the weights (not the bias)."""
    x = np.array([[1.0] + [f[n] for n in FEATURES] for _, _, f, _, _ in rows if f])
    y = np.array([float(gold) for gold, _, f, _, _ in rows if f])
    w = np.zeros(x.shape[1])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    for _ in range(50):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + penalty @ w
        hess = (x * (p * (1 - p))[:, None]).T @ x + penalty
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w


def table(rows: list[tuple[bool, bool, dict[str, float], str, str]], w: np.ndarray, label: str) -> None:
    scores = [
        (gold, float(w[0] + sum(w[k + 1] * f[n] for k, n in enumerate(FEATURES))) if f else -99.0)
        for gold, _, f, _, _ in rows
    ]
    gold_n = sum(g for g, _ in scores)
    print(f"\n{label}: {gold_n} same-story pairs of {len(scores)}")
    print("| threshold (logit) | P | R | F1 |")
    print("|---:|---:|---:|---:|")
    for t in (-1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0):
        tp = sum(g and s >= t for g, s in scores)
        fp = sum(not g and s >= t for g, s in scores)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / gold_n if gold_n else 0.0
        print(f"| {t:.1f} | {p:.3f} | {r:.3f} | {2 * p * r / (p + r) if p + r else 0:.3f} |")


def containment_table(labels: dict[str, dict[str, Any]], got: dict[str, Article], split: str) -> None:
    """Same-language pairs by the copy check's exact containment threshold (MatchOptions.contained), the other
    checks (outside quotation marks, paragraphs in common) as configured: what store/matching.py decides for a
    pair whose MinHash containment reaches ``copy_band`` (or whose Jaccard reaches ``near_duplicate``)."""
    groups = stories_eval.same_doc_groups(labels)
    ids = sorted(i for i in labels if labels[i]["split"] == split)
    text = {i: passages(f"{got[i].title or ''}\n{got[i].analysed_text}") for i in ids}
    o = MatchOptions()
    rows = []
    for a, b in itertools.combinations(ids, 2):
        x, y = got[a], got[b]
        if x.lang != y.lang or x.minhash is None or y.minhash is None:
            continue
        j = (
            float(
                np.count_nonzero(np.frombuffer(x.minhash, np.uint32) == np.frombuffer(y.minhash, np.uint32))
            )
            / 128
        )
        if j < o.near_duplicate and containment(j, x.shingles, y.shingles) < o.copy_band:
            rows.append((groups[a] == groups[b], None, False))
            continue
        ov = copy_overlap(text[a], text[b])
        # A near-duplicate is a copy unless its texts, read where its Jaccard is under _WHOLE, keep the sentences
        # they share in part (Matcher.judge).
        near = j >= o.near_duplicate and (j >= _WHOLE or ov.fidelity >= o.fidelity)
        rows.append((groups[a] == groups[b], None if j >= o.near_duplicate else ov, near))
    gold_n = sum(g for g, _, _ in rows)
    print(f"\nsame-document pairs, {split}: {gold_n} of {len(rows)} same-language pairs (copy check)")
    print("| contained >= | P | R |")
    print("|---:|---:|---:|")
    for t in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        m = Matcher(dataclasses.replace(o, contained=t))
        pred = [g for g, ov, near in rows if near or (ov is not None and m.is_copy(ov))]
        tp, fp = sum(pred), len(pred) - sum(pred)
        print(f"| {t:.2f} | {tp / (tp + fp) if tp + fp else 0:.3f} | {tp / gold_n if gold_n else 0:.3f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    args = ap.parse_args()
    labels, got = articles(args.data)
    tune = pairs(labels, got, "tune")
    w = fit(tune)
    print("weights (fitted on the tuning half):")
    print(f"  bias {w[0]:+.2f}")
    for k, name in enumerate(FEATURES):
        print(f"  {name} {w[k + 1]:+.2f}")
    table(tune, w, "tune")
    table(pairs(labels, got, "heldout"), w, "heldout")
    for split in ("tune", "heldout"):
        containment_table(labels, got, split)


if __name__ == "__main__":
    main()
