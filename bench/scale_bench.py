"""Scale benchmark: the same ingest of N synthetic articles (bench/synthetic.py, a third of them web pages) with
`--executor local` and `--executor ray`, into SQLite and into PostgreSQL, each run a `polynews ingest` process
of its own on a fresh database, with the tiny translation models (translate/devmodel.py) installed.

Prints, per run: wall seconds and articles per second end to end; the writer's seconds (the "store" stage:
writing and matching, in the main process) and so the articles per second one writer stores and matches; the
workers' seconds in the stages (summed over workers) and so the articles per second one worker (actor)
processes; and how many workers one writer can serve (the two rates' ratio). Then Ray's overhead against the
process pool on each store.

PostgreSQL: a server of its own in a temporary folder (tests/pgserver.py: Debian's postgresql package, fsync
off as in the tests), or --pg-url for a database of yours (emptied first: give a scratch database). Ray: a local
Ray with two CPUs started by each run (as `polynews ingest --executor ray` does without --ray-address), so its
start-up is inside the timing.

Usage: python bench/scale_bench.py [--n 1000] [--workers 2] [--rounds 1] [--pg-url URL]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from pipeline_bench import install_models, warm_caches  # noqa: E402
from synthetic import build  # noqa: E402

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]
WORKER_STAGES = ("normalize", "language", "translate", "ner", "facts", "fingerprint")


def _env(home: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT), "POLYNEWS_HOME": str(home), "RAY_USAGE_STATS_ENABLED": "0"}


def run(folder: Path, home: Path, db: str, executor: str, workers: int) -> dict[str, float]:
    started = time.perf_counter()
    result = subprocess.run(
        [
            *POLYNEWS,
            "ingest",
            str(folder),
            "--db",
            db,
            "-q",
            "--executor",
            executor,
            "--workers",
            str(workers),
        ],
        capture_output=True,
        text=True,
        env=_env(home),
    )
    seconds = time.perf_counter() - started
    if result.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({result.returncode}): {result.stderr[-2000:]}")
    runs = subprocess.run(
        [*POLYNEWS, "runs", "--json", "--limit", "1", "--db", db],
        capture_output=True,
        text=True,
        env=_env(home),
    )
    counts = json.loads(runs.stdout.splitlines()[0])["counts"]
    stages = counts["stage_seconds"]
    stored = counts.get("new_articles", 0) + counts.get("near_duplicates", 0)  # store/counts.py's names
    return {
        "seconds": seconds,
        "stored": stored,
        "store": stages["store"],
        # parsing is the workers' too ("read" also holds this process's reading of files: a small share)
        "worker": sum(stages[s] for s in WORKER_STAGES) + stages["read"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--pg-url", help="a scratch PostgreSQL database (emptied before each run)")
    parser.add_argument(
        "--ray-first",
        action="store_true",
        help="run Ray before the process pool (order effects on a shared machine)",
    )
    args = parser.parse_args()

    from tests.pgserver import PostgresServer, bindir

    server = None
    with tempfile.TemporaryDirectory() as tmp:
        home, folder = Path(tmp) / "home", Path(tmp) / "articles"
        home.mkdir()
        install_models(home)
        os.environ["POLYNEWS_HOME"] = str(home)
        warm_caches(home)
        build(folder, args.n, html_every=3)
        if args.pg_url is None:
            found = bindir()
            if found is None:
                raise SystemExit(
                    "no PostgreSQL server installed (apt-get install postgresql), or give --pg-url"
                )
            server = PostgresServer(found).start()
        try:
            results: dict[tuple[str, str], list[dict[str, float]]] = {}
            for r in range(args.rounds):
                for store in ("sqlite", "postgresql"):
                    # Rounds alternate which executor runs first: a machine shared with other jobs changes
                    # speed from minute to minute, and a fixed order would lend that to one executor.
                    first_ray = (r % 2 == 1) != args.ray_first
                    for executor in ("ray", "local") if first_ray else ("local", "ray"):
                        name = f"r{r}_{store}_{executor}"
                        if store == "sqlite":
                            db = str(Path(tmp) / f"{name}.db")
                        elif server is not None:
                            db = server.create_database(name)
                        else:
                            db = args.pg_url
                            _empty(db)
                        out = run(folder, home, db, executor, args.workers)
                        results.setdefault((store, executor), []).append(out)
                        print(f"round {r + 1}: {store:<10} {executor:<5} {out['seconds']:7.1f} s", flush=True)
        finally:
            if server is not None:
                server.stop()
    report(results, args.n, args.workers)


def _empty(url: str) -> None:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        conn.execute(text("DROP TEXT SEARCH CONFIGURATION IF EXISTS polynews"))
    engine.dispose()


def report(results: dict[tuple[str, str], list[dict[str, float]]], n: int, workers: int) -> None:
    def med(key: tuple[str, str], field: str) -> float:
        return statistics.median(r[field] for r in results[key])

    print(f"\n{n} articles, --workers {workers}, median of {len(next(iter(results.values())))} round(s)\n")
    print(
        "| store | executor | wall s | articles/s | writer s | writer articles/s | worker s | articles/s per worker | workers one writer serves |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for store, executor in results:
        key = (store, executor)
        stored = med(key, "stored")
        writer_rate = stored / med(key, "store")
        worker_rate = stored / med(key, "worker")
        print(
            f"| {store} | {executor} | {med(key, 'seconds'):.1f} | {stored / med(key, 'seconds'):.1f} | "
            f"{med(key, 'store'):.1f} | {writer_rate:.0f} | {med(key, 'worker'):.1f} | {worker_rate:.1f} | "
            f"{writer_rate / worker_rate:.0f} |"
        )
    print()
    for store in ("sqlite", "postgresql"):
        if (store, "local") in results and (store, "ray") in results:
            ratios = [
                ray["seconds"] / local["seconds"]
                for local, ray in zip(results[(store, "local")], results[(store, "ray")], strict=True)
            ]
            print(
                f"{store}: ray / local wall time {statistics.median(ratios):.3f} (each round: "
                + ", ".join(f"{x:.3f}" for x in ratios)
                + ")"
            )


if __name__ == "__main__":
    main()
