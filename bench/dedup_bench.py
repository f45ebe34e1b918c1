"""Duplicate matching at scale: fingerprints and matching for N synthetic articles into a fresh SQLite file.

Articles are random texts in four languages (words drawn from samples/, invented names, numbers); 10% are near
copies of an earlier article (a changed word in twenty, another wrapper) and 5% are "translations" (another
language's words around the same names and numbers). Each N runs in its own process so peak memory is its own.
Fingerprints (MinHash and anchors, a per-article normalize stage) are computed first and timed apart; "matching" is
what store/matching.py does for the writer, in the pipeline's batches: index writes, candidate look-ups, scoring,
duplicate and story decisions, story summaries, plus the article rows' own INSERTs. Prints seconds, articles per
second, peak memory (of the whole process, fingerprints and texts of all N held in memory included), the growth
ratio of time per article, what was found, and a digest of every decision (each article's original, story, status
and link evidence, each story's summary, the index rows): two codes that decide the same print the same digest.

Usage: python bench/dedup_bench.py --n 10000 --n 100000 [--profile DIR] [--batch 1024]
``--profile DIR`` runs the matching under cProfile (CPU seconds per function), writes DIR/match-N.prof (read it with pstats) and prints its
top functions by own and cumulative time; the CPU seconds of the matching (user + system, resource.getrusage) are
printed with every run, a measure that other processes on a shared machine disturb less than wall seconds.
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import io
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SAMPLES = ROOT / "samples"
# Articles a transaction, as the pipeline writes them (pipeline.Config.write_batch; not imported from there, whose
# imports would count in the peak memory).
BATCH = 1024


def corpus(n: int, seed: int = 11) -> list[tuple[str, str]]:
    """(lang, text) pairs."""
    rng = random.Random(seed)
    pools: dict[str, list[str]] = {}
    for p in SAMPLES.glob("*.txt"):
        lang = p.name.split("_")[1]
        words = [w for w in re.findall(r"[^\W\d_]+", p.read_text(encoding="utf-8").lower()) if len(w) > 2]
        pools.setdefault(lang, []).extend(words)
    syllables = [
        "ka",
        "ri",
        "mo",
        "ta",
        "shen",
        "lu",
        "an",
        "bel",
        "dor",
        "vin",
        "qu",
        "zo",
        "har",
        "el",
        "mi",
    ]

    def name() -> str:
        return " ".join("".join(rng.choices(syllables, k=rng.randint(2, 3))).capitalize() for _ in range(2))

    langs = sorted(pools)
    out: list[tuple[str, str]] = []
    facts: list[tuple[list[str], list[str]]] = []
    for _ in range(n):
        roll = rng.random()
        if out and roll < 0.10:
            lang, text = out[rng.randrange(len(out))]
            words = text.split()
            for _ in range(len(words) // 20):
                words[rng.randrange(len(words))] = rng.choice(pools[lang])
            out.append((lang, "Wire report. " + " ".join(words)))
            facts.append(facts[-1])
            continue
        if facts and roll < 0.15:
            names, numbers = facts[rng.randrange(len(facts))]
        else:
            names = [name() for _ in range(4)]
            numbers = [str(rng.randint(10, 99999)) for _ in range(4)]
        lang = rng.choice(langs)
        words = rng.choices(pools[lang], k=110)
        for j, token in enumerate(names + numbers):
            words.insert(rng.randrange(len(words)), token if j % 2 else token + ",")
        sentences = [" ".join(words[k : k + 18]).capitalize() + "." for k in range(0, len(words), 18)]
        out.append((lang, " ".join(sentences)))
        facts.append((names, numbers))
    return out


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def fingerprinted(articles: list[tuple[str, str]]) -> list[Any]:
    """The pipeline's records of the texts, fingerprinted (MinHash and anchors) as the normalize stage does."""
    from ingest.record import Article as Record
    from normalize.stages import FingerprintStage
    from normalize.text import content_hash

    fp = FingerprintStage()
    return [
        fp(Record(source=f"a{i}", text=text, lang=lang, content_hash=content_hash(text)))
        for i, (lang, text) in enumerate(articles)
    ]


def match(engine: Any, records: list[Any], batch: int = BATCH) -> None:
    """Store and match the records ``batch`` at a time, one transaction each, as the writer does."""
    from sqlalchemy.orm import Session

    from store.matching import Matcher
    from store.writer import now

    matcher = Matcher()
    for start in range(0, len(records), batch):
        with Session(engine) as s, s.begin():
            # Article rows go in with one plain INSERT each and no text (the writer's job, and the full-text
            # index's, not what is measured here); the matcher gets the batch as the writer hands it over.
            db = s.connection().connection.driver_connection
            stamp = now()
            items = []
            for r in records[start : start + batch]:
                cur = db.execute(
                    "INSERT INTO articles (source, text, lang, status, content_hash, created_at, updated_at)"
                    " VALUES (?, ?, ?, 'stored', ?, ?, ?)",
                    (r.source, "", r.lang, r.content_hash, stamp, stamp),
                )
                items.append((cur.lastrowid, r))
            matcher.match_batch(s, items)


def run_one(n: int, profile: Path | None = None, batch: int = BATCH) -> dict[str, Any]:
    from sqlalchemy.orm import Session

    from store import schema
    from store.db import connect

    articles = corpus(n)
    with tempfile.TemporaryDirectory() as tmp:
        engine = connect(Path(tmp) / "match.db", cache_mb=512)
        f0 = time.perf_counter()
        records = fingerprinted(articles)
        fingerprint_s = time.perf_counter() - f0
        # CPU time per function (time.process_time): wall time on a shared machine counts the waits for its cores.
        profiler = cProfile.Profile(time.process_time) if profile else None
        c0, t0 = _cpu(), time.perf_counter()
        if profiler:
            profiler.enable()
        match(engine, records, batch)
        if profiler:
            profiler.disable()
        seconds, cpu_s = time.perf_counter() - t0, _cpu() - c0
        if profiler and profile:
            profile.mkdir(parents=True, exist_ok=True)
            profiler.dump_stats(str(profile / f"match-{n}.prof"))
            for order in ("tottime", "cumulative"):
                out = io.StringIO()
                pstats.Stats(profiler, stream=out).sort_stats(order).print_stats(30)
                print(out.getvalue(), file=sys.stderr)
        with Session(engine) as s:
            dups = s.query(schema.Article).filter(schema.Article.duplicate_of.isnot(None)).count()
            stories = s.query(schema.Story).count()
            digest = digest_of(s.connection().connection.driver_connection)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "n": n,
        "seconds": seconds,
        "cpu_s": cpu_s,
        "fingerprint_s": fingerprint_s,
        "peak_mb": peak,
        "duplicates": dups,
        "stories": stories,
        "digest": digest,
    }


def digest_of(db: Any) -> str:
    """sha256 of every decision: each article's original, story, status and link evidence, each story's summary
    (ids as stored), and the index rows. Two codes that decide the same print the same digest."""
    h = hashlib.sha256()
    for query in (
        "SELECT id, duplicate_of, story_id, status, link_evidence FROM articles ORDER BY id",
        "SELECT id, representative_id, languages, member_count, event, event_key FROM stories ORDER BY id",
        "SELECT count(*), sum(key % 1000003), sum(article_id) FROM lsh_bands",
        "SELECT count(*), sum(key % 1000003), sum(article_id) FROM anchors",
        "SELECT count(*), sum(key % 1000003), sum(df) FROM anchor_keys",
    ):
        for row in db.execute(query):
            h.update(repr(row).encode())
    return h.hexdigest()[:16]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, action="append")
    parser.add_argument("--profile", type=Path, help="write cProfile stats of the matching into this folder")
    parser.add_argument(
        "--batch", type=int, default=BATCH, help="articles a transaction (default %(default)s)"
    )
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.profile, args.batch)))
        return
    rows = []
    for n in args.n or [10000, 100000]:
        extra = ["--batch", str(args.batch)] + (["--profile", str(args.profile)] if args.profile else [])
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(n), *extra], capture_output=True, text=True, check=True
        )
        if args.profile:
            print(result.stderr, file=sys.stderr)
        rows.append(json.loads(result.stdout.strip().splitlines()[-1]))
    # A shared machine's wall seconds need its load beside them.
    load = " / ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"duplicate matching benchmark, {time.strftime('%Y-%m-%d')}, cpus={os.cpu_count()}, load average {load}"
    )
    print(
        "| articles | matching s | matching CPU s | articles/s | time per article vs first | peak MB | duplicates found | stories |"
        " fingerprints s (normalize stage, not in matching) | decisions' digest |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    base = rows[0]["seconds"] / rows[0]["n"]
    for r in rows:
        print(
            f"| {r['n']} | {r['seconds']:.1f} | {r['cpu_s']:.1f} | {r['n'] / r['seconds']:.0f} | {(r['seconds'] / r['n']) / base:.2f}x | "
            f"{r['peak_mb']:.0f} | {r['duplicates']} | {r['stories']} | {r['fingerprint_s']:.1f} | {r['digest']} |"
        )


if __name__ == "__main__":
    main()
