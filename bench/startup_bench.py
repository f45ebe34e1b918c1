"""Start-up: how long everyday commands take, a new process each time, against bare Python.

The base is `python -c "import sqlite3"` with the same interpreter: what any Python command pays before it does
anything. Each command runs as a user runs it (the installed `polynews` script next to the interpreter), on
samples/ ingested once into a temporary database (not timed). Runs are interleaved (one of each command per
round) so that a burst of load on a shared machine falls on all of them alike; the table gives the median and
the minimum of the rounds, the median's ratio to bare Python and what it adds to it. Target (issue 18):
`--version` and `stats` within 0.3 s of bare Python.

Usage: python bench/startup_bench.py [--rounds 15] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = Path(sys.executable).with_name("polynews")


def timed(argv: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and CPU seconds (user + system) of one run of ``argv``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, env=os.environ)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1):  # doctor exits 1 when no translation model is installed
        raise SystemExit(f"{' '.join(argv)} exited {done.returncode}: {done.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--db", type=Path, help="an ingested database (default: samples/ into a temp folder)")
    args = parser.parse_args()
    if not SCRIPT.exists():
        raise SystemExit(f"no polynews script beside {sys.executable}: run make install")
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "polynews.db"
        if args.db is None:
            subprocess.run([str(SCRIPT), "ingest", str(ROOT / "samples"), "--db", str(db), "-q"], check=True)
        p = str(SCRIPT)
        commands = {
            'python -c "import sqlite3"': [sys.executable, "-c", "import sqlite3"],
            "polynews --version": [p, "--version"],
            "polynews --help": [p, "--help"],
            "polynews stats": [p, "stats", "--db", str(db)],
            "polynews search audiovisual": [p, "search", "audiovisual", "--db", str(db)],
            "polynews show 1": [p, "show", "1", "--db", str(db)],
            "polynews runs": [p, "runs", "--db", str(db)],
            "polynews doctor": [p, "doctor", "--db", str(db)],
            "polynews models list": [p, "models", "list"],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        cpus: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.rounds):
            for name, argv in commands.items():
                wall, cpu = timed(argv)
                times[name].append(wall)
                cpus[name].append(cpu)
    bare = 'python -c "import sqlite3"'
    base, base_cpu = statistics.median(times[bare]), statistics.median(cpus[bare])
    load = os.getloadavg()[0]
    print(f"{args.rounds} rounds, {os.cpu_count()} cores, load average {load:.1f} at the end")
    print("wall: median and minimum of the rounds; CPU: median user + system seconds (less swayed by load)\n")
    print(f"| {'command':<30} | wall s | min s | x bare | over bare s | CPU s | CPU over bare s |")
    print(f"|{'-' * 32}|-------:|------:|-------:|------------:|------:|----------------:|")
    for name, values in times.items():
        median, cpu = statistics.median(values), statistics.median(cpus[name])
        print(
            f"| {name:<30} | {median:6.3f} | {min(values):5.3f} | {median / base:6.1f} | {median - base:11.3f} "
            f"| {cpu:5.3f} | {cpu - base_cpu:15.3f} |"
        )


if __name__ == "__main__":
    main()
