"""End-to-end ingest benchmark: N synthetic articles (bench/synthetic.py) through every stage into SQLite.

Prints a table of articles per second, seconds per stage and peak memory (max RSS of this process).
Usage: python bench/pipeline_bench.py --n 1000 [--n 10000 ...]
"""

from __future__ import annotations

import argparse
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import build

from pipeline import STAGES, Config, Pipeline
from store.db import connect
from store.writer import Writer


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(n: int, work: Path) -> dict[str, float]:
    folder = work / f"articles-{n}"
    build(folder, n)
    db = work / f"bench-{n}.db"
    cfg = Config(db=db, home=work / "home")
    pipeline = Pipeline(cfg, Writer(connect(db)))
    started = time.perf_counter()
    summary = pipeline.run([str(folder)])
    seconds = time.perf_counter() - started
    # Perturbed copies of five samples are near-duplicates of each other: stored either way, some as duplicates.
    assert summary.counts["stored"] + summary.counts["duplicate"] == n, summary.line()
    row = {
        "n": n,
        "seconds": seconds,
        "articles/s": n / seconds,
        "peak MB": peak_mb(),
        "duplicates": summary.counts["duplicate"],
    }
    row.update({f"{s} s": summary.stage_seconds[s] for s in STAGES})
    return row


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable); default 1000")
    args = parser.parse_args()
    sizes = args.n or [1000]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            rows.append(run(n, Path(tmp)))
    cols = ["n", "seconds", "articles/s", "peak MB", "duplicates"] + [f"{s} s" for s in STAGES]
    print(
        f"polynews ingest benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{platform.python_version()}, cpus={__import__('os').cpu_count()}"
    )
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in rows:
        print(
            "| "
            + " | ".join(f"{r[c]:.0f}" if c in ("n", "duplicates") else f"{r[c]:.1f}" for c in cols)
            + " |"
        )


if __name__ == "__main__":
    main()
