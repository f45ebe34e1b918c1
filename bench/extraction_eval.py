"""Main-text extraction on the public ScrapingHub article-extraction benchmark: polynews against trafilatura.

Data: https://github.com/scrapinghub/article-extraction-benchmark (MIT licence; 181 pages in many languages,
fetched with JS disabled, gzipped UTF-8 in ``html/``, the reference ``articleBody`` of each in
``ground-truth.json``). Not in this repository: give the folder that holds ``html/`` and ``ground-truth.json``
(a checkout of that repository). bench/README.md names the commit measured.

Systems, in one run on the same pages:
- ``trafilatura``: plain ``trafilatura.extract(html)``, its defaults;
- ``trafilatura precision``: ``trafilatura.extract(html, favor_precision=True)``;
- ``polynews``: what an ingest stores as the article's text: ingest/readers.py's ``parse_html`` (trafilatura
  with polynews's options, the title taken off the text), then the normalize stage (Unicode clean-up and the
  boilerplate rules of normalize/boilerplate.py). A page polynews rejects ("no article text") counts as an
  empty prediction.

Metric: the benchmark's own (its README and evaluate.py), written again here: texts are cut into ``\\w+`` tokens,
every run of 4 consecutive tokens is a shingle, and per page the shingles of prediction and reference are
matched as multisets (true positives: shared; false positives: predicted only; false negatives: reference
only), normalised so that every page weighs the same. Precision is the mean over pages of tp / (tp + fp) and
recall the mean of tp / (tp + fn) (a page with nothing predicted and nothing expected scores 1, one with nothing
predicted but something expected scores 0 precision); F1 is the harmonic mean of the two means. ± is the
standard deviation of 1000 bootstrap resamplings of the pages (seeded). Accuracy: the share of pages whose
token sequence equals the reference exactly.

Pages are split in two halves by their id (first hex digit 0-7 / 8-f): rules in normalize/boilerplate.py that
were changed after looking at pages were looked at on the first half only; the second is held out.

Usage: python bench/extraction_eval.py --data PATH [--pages N] [--show-worst N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_TOKEN = re.compile(r"\w+")
SHINGLE = 4
Counts = tuple[float, float, float]


def shingles(text: str) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    if len(tokens) < SHINGLE:  # a short text is one shingle of what it has (none when it has no token)
        return Counter([tuple(tokens)] if tokens else [])
    return Counter(tuple(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1))


def page_counts(reference: str, predicted: str) -> Counts:
    """(tp, fp, fn) of one page, as shares of their sum."""
    ref, pred = shingles(reference), shingles(predicted)
    tp = float(sum((ref & pred).values()))
    fp = float(sum((pred - ref).values()))
    fn = float(sum((ref - pred).values()))
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _ratio(tp: float, other: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    return tp / (tp + other) if tp + other else 0.0


def scores(counts: list[Counts]) -> dict[str, float]:
    precisions = [_ratio(tp, fp, fp, fn) for tp, fp, fn in counts if tp + fp > 0]
    recalls = [_ratio(tp, fn, fp, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = statistics.mean(precisions) if precisions else 0.0
    r = statistics.mean(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def bootstrap(counts: list[Counts], rounds: int = 1000, seed: int = 0) -> dict[str, float]:
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {}
    for _ in range(rounds):
        resampled = [counts[rng.randrange(len(counts))] for _ in counts]
        for key, value in scores(resampled).items():
            samples.setdefault(key, []).append(value)
    return {key: statistics.stdev(values) for key, values in samples.items()}


# -- the systems --------------------------------------------------------------------------------------------------
def plain(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url) or ""


def precision(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, favor_precision=True) or ""


def polynews(html: str, url: str | None) -> str:
    from ingest.errors import PolynewsError
    from ingest.readers import parse_html
    from ingest.record import Article
    from normalize.stages import Normalizer

    try:
        fields = parse_html(html, url=url)
        return Normalizer()(Article(source=url or "page", text=fields["text"], title=fields["title"])).text
    except PolynewsError:
        return ""


SYSTEMS: dict[str, Callable[[str, str | None], str]] = {
    "trafilatura": plain,
    "trafilatura precision": precision,
    "polynews": polynews,
}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="folder with html/ and ground-truth.json")
    parser.add_argument("--pages", type=int, help="only the first N pages (by id), for a quick look")
    parser.add_argument("--show-worst", type=int, default=0, help="list polynews's N worst pages by F1")
    args = parser.parse_args()
    truth = json.loads((args.data / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[: args.pages]
    counts: dict[str, dict[str, Counts]] = {name: {} for name in SYSTEMS}
    exact: dict[str, int] = dict.fromkeys(SYSTEMS, 0)
    empty: dict[str, int] = dict.fromkeys(SYSTEMS, 0)
    seconds: dict[str, float] = dict.fromkeys(SYSTEMS, 0.0)
    for key in ids:
        html = gzip.decompress((args.data / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        reference = truth[key].get("articleBody", "")
        url = truth[key].get("url")
        for name, system in SYSTEMS.items():
            t0 = time.perf_counter()
            predicted = system(html, url)
            seconds[name] += time.perf_counter() - t0
            counts[name][key] = page_counts(reference, predicted)
            exact[name] += _TOKEN.findall(reference) == _TOKEN.findall(predicted)
            empty[name] += not predicted.strip()
    halves = {
        "all": ids,
        "tuned half (0-7)": [k for k in ids if k[0] in "01234567"],
        "held-out half (8-f)": [k for k in ids if k[0] not in "01234567"],
    }
    print(f"{len(ids)} pages of the ScrapingHub article-extraction benchmark\n")
    print("| pages | system | F1 | precision | recall | accuracy | empty | s/page |")
    print("|---|---|---|---|---|---|---|---|")
    for label, keys in halves.items():
        for name in SYSTEMS:
            page = [counts[name][k] for k in keys]
            s, sd = scores(page), bootstrap(page)
            acc = f"{exact[name] / len(ids):.3f}" if label == "all" else ""
            per_page = f"{seconds[name] / len(ids):.3f}" if label == "all" else ""
            gone = str(empty[name]) if label == "all" else ""
            print(
                f"| {label} ({len(keys)}) | {name} | {s['f1']:.3f} ± {sd['f1']:.3f} | "
                f"{s['precision']:.3f} ± {sd['precision']:.3f} | {s['recall']:.3f} ± {sd['recall']:.3f} | "
                f"{acc} | {gone} | {per_page} |"
            )
    if args.show_worst:
        best = {k: max(counts["trafilatura"][k][0], counts["trafilatura precision"][k][0]) for k in ids}
        worst = sorted(ids, key=lambda k: counts["polynews"][k][0] - best[k])[: args.show_worst]
        print("\npolynews's pages furthest below the better trafilatura setting (share of shingles matched):")
        for k in worst:
            tp, fp, fn = counts["polynews"][k]
            print(
                f"  {k[:16]}  polynews tp {tp:.2f} fp {fp:.2f} fn {fn:.2f}  best trafilatura tp {best[k]:.2f}"
            )


if __name__ == "__main__":
    main()
