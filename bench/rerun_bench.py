"""A cron re-run over N unchanged files: how long `polynews ingest` takes when there is nothing new.

Builds N files (bench/synthetic.py), ingests them once (not timed), then times a second `polynews ingest` of the
same folder as a user runs it: a new process, imports and all. Prints a table.

Usage: python bench/rerun_bench.py [--n 10000]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import build  # noqa: E402


def polynews(*args: str) -> tuple[float, str]:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from cli import main; sys.argv[0]='polynews'; main()", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=10000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "news", Path(tmp) / "rerun.db"
        build(folder, args.n, max_chars=400)  # short: the first run is set-up, not what is measured
        first, _ = polynews("ingest", str(folder), "--db", str(db), "-q")
        rerun, line = polynews("ingest", str(folder), "--db", str(db), "-q")
        noop, _ = polynews("--version")
    print(f"re-run benchmark, {time.strftime('%Y-%m-%d')}, cpus={os.cpu_count()}")
    print(
        "| files | first run s | re-run s (whole process) | of which start-up (`polynews --version`) | re-run summary |"
    )
    print("|---|---|---|---|---|")
    print(f"| {args.n} | {first:.1f} | {rerun:.2f} | {noop:.2f} | {line} |")


if __name__ == "__main__":
    main()
