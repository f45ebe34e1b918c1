"""End-to-end ingest benchmark: N synthetic articles in four languages (bench/synthetic.py; a third of them web
pages with navigation, sidebar and footer) through every stage into SQLite, with --workers 1 and 2, against the
raw library calls on the same input.

Each run is its own process (a fresh database, models loaded inside the timing as a user's run loads them), with
the tiny translation model (translate/devmodel.py, ar/fr/id -> en) installed unless --no-model, or with models
of a real Argos model's shape (transformer-base, int8, random weights) with --argos-shaped. "raw" runs, in
its own process and on the same texts as the stages see them: model loading (spaCy en, fr, ar and id, the CTranslate2
translators, langdetect's profiles), trafilatura `bare_extraction` on the web pages (the reader's options),
langdetect on every text (seeded, 1,200 characters, as the stage), CTranslate2 `translate_batch` on the
non-English sentences (with SentencePiece, both ways), spaCy `nlp.pipe` (the same NER-only pipelines, batch
32) on the English texts and translations and, with the native models, on the French, Arabic and Indonesian
texts. spaCy's English
input is the very texts polynews's NER read (English originals and the stage's translations, saved by the
--workers 1 run), so both parse the same characters. "raw2" runs the same calls as two processes side by
side, each on every other article with one core's share of threads: what the machine gives these very calls
from two processes, the ceiling for --workers 2.

Prints articles per second, seconds per stage (each process's time in the stage, summed over processes), peak
memory (the largest process, then the main process and the largest worker), CPU-seconds and the cores kept
busy, and the ratios the targets are about.

Usage: python bench/pipeline_bench.py --n 1000 [--n 10000] [--workers 1 --workers 2] [--rounds 3] [--no-model]
       [--argos-shaped] [--no-raw]
(--workers 0: the stages in the main process, no worker)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import build  # noqa: E402


def _cpu_seconds() -> tuple[float, float]:
    """(this process, its finished children: the workers) user + system CPU-seconds."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _peak_mb() -> tuple[float, float]:
    """(this process, its largest child: a worker) peak resident MB. Linux keeps a process's peak across exec,
    so a worker's is at least this process's peak when the pool started it (early in the run, before this
    process holds much)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return own / 1024, children / 1024


def install_models(home: Path, argos_shaped: bool = False) -> None:
    from normalize.sentences import split_sentences
    from translate.devmodel import TINY, TRANSFORMER_BASE, build_argosmodel
    from translate.install import install_file

    sentences = [
        s for p in sorted((ROOT / "samples").glob("*.txt")) for s in split_sentences(p.read_text("utf-8"))
    ]
    shape = TRANSFORMER_BASE if argos_shaped else TINY
    for code in ("ar", "fr", "id"):
        path = build_argosmodel(home / f"{code}_en.argosmodel", sentences * 4, code, shape=shape)
        install_file(path, home)


def _spin() -> None:
    x = 0
    for i in range(20_000_000):
        x += i * i


def two_core_ceiling() -> float:
    """What this machine gives two processes at once: one pure-Python loop alone against two copies side by
    side, as a speed-up (2.00x on two idle, independent cores). A VM's two vCPUs can share a physical core or
    its host's memory bandwidth; then no program gets 2x from two workers, and --workers 2's speed-up is read
    against this figure, measured in the same round."""
    import multiprocessing

    ctx = multiprocessing.get_context("spawn")

    def timed(copies: int) -> float:
        procs = [ctx.Process(target=_spin) for _ in range(copies)]
        started = time.perf_counter()
        for proc in procs:
            proc.start()
        for proc in procs:
            proc.join()
        return time.perf_counter() - started

    timed(1)  # interpreter start-up cached
    return statistics.median(2 * timed(1) / timed(2) for _ in range(3))  # it moves from minute to minute


def warm_caches(home: Path) -> None:
    """The gazetteer's index is built once per install (2 s) and cached: every run below finds it."""
    from extract.gazetteer import gazetteer

    gazetteer(home / "cache")


def run_polynews(folder: Path, home: Path, workers: int) -> dict[str, object]:
    from pipeline import STAGES, Config, Pipeline
    from store.db import connect
    from store.writer import Writer

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        started = time.perf_counter()
        pipeline = Pipeline(Config(db=db, home=home, workers=workers), Writer(connect(db)))
        summary = pipeline.run([str(folder)])
        seconds = time.perf_counter() - started
        main_mb, worker_mb = _peak_mb()  # before the bench's own work below (all English texts in memory)
        main_cpu, worker_cpu = _cpu_seconds()  # the pool is shut down: its workers are counted
        if workers == 1:  # the English texts NER read, in order, for the raw run's spaCy (the same input)
            import sqlite3

            with sqlite3.connect(db) as conn:
                english = [
                    t
                    for (t,) in conn.execute(
                        "SELECT CASE WHEN lang = 'en' THEN text ELSE text_en END FROM articles "
                        "WHERE status IN ('stored', 'duplicate') ORDER BY id"
                    )
                    if t
                ]
            (folder.parent / f"{folder.name}-english.json").write_text(json.dumps(english), encoding="utf-8")
    return {
        "seconds": seconds,
        "stored": summary.counts["stored"] + summary.counts["duplicate"],
        "failed": summary.counts["failed"],
        "stages": {s: summary.stage_seconds[s] for s in STAGES},
        "peak_mb": max(main_mb, worker_mb),
        "main_mb": main_mb,
        "worker_mb": worker_mb,
        "model_calls": summary.model_calls,
        "main_cpu": main_cpu,
        "worker_cpu": worker_cpu,
    }


def run_raw(folder: Path, home: Path, part: int = 0, parts: int = 1) -> dict[str, object]:
    """The raw library calls on the input, or on every ``parts``-th article from ``part`` on: the halves of a
    two-process raw run, each with one core's share of threads, as --workers 2's workers have."""
    import dataclasses

    import ctranslate2
    import sentencepiece as spm
    import trafilatura
    from threadpoolctl import threadpool_limits

    from extract.ner import _NER_ONLY_EXCLUDE, NerOptions, load_pipeline
    from ingest.decode import decode_bytes
    from ingest.readers import read_document
    from normalize.langid import LangOptions, _factory
    from normalize.sentences import split_sentences
    from normalize.stages import Normalizer
    from translate.home import packages_dir
    from translate.packages import installed_packages

    share = max(1, (os.cpu_count() or 1) // parts)
    threadpool_limits(limits=share)  # numpy's BLAS (spaCy): one thread per core share, as in the workers
    seconds: dict[str, float] = {}
    # Loading the models is part of the work (polynews's runs load theirs inside their timing too).
    t = time.perf_counter()
    opts = LangOptions()
    factory = _factory(opts.seed)
    en = load_pipeline("en_core_web_sm", exclude=_NER_ONLY_EXCLUDE)
    # Every native pipeline polynews runs on source text (French, and its own Arabic and Indonesian ones).
    native = {
        lang: load_pipeline(name, exclude=_NER_ONLY_EXCLUDE) for lang, name in NerOptions().native_models
    }
    translators = {}
    for package in installed_packages(packages_dir(home)):
        translators[package.from_code] = (
            # As an expert would call it: a call in flight per core of its share, one thread each (the stage's).
            ctranslate2.Translator(
                str(package.path / "model"), device="cpu", inter_threads=share, intra_threads=1
            ),
            spm.SentencePieceProcessor(model_file=str(package.path / "sentencepiece.model")),
        )
    seconds["load"] = time.perf_counter() - t

    paths = sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".html"))[part::parts]
    pages = [decode_bytes(p.read_bytes()).text for p in paths if p.suffix == ".html"]
    t = time.perf_counter()
    for page in pages:  # the same call and options as ingest/readers.py
        trafilatura.bare_extraction(page, with_metadata=True, include_comments=False, include_tables=True)
    seconds["trafilatura"] = time.perf_counter() - t
    articles = []  # the texts every later call reads: extracted and normalized, outside the timing
    for path in paths:
        a = Normalizer()(next(read_document(str(path), path.read_bytes(), path.suffix)))
        articles.append(dataclasses.replace(a, lang=path.stem.split("_")[1]))

    t = time.perf_counter()
    for a in articles:
        detector = factory.create()
        detector.set_max_text_length(opts.max_chars)
        detector.append(a.text)
        detector.get_probabilities()
    seconds["langdetect"] = time.perf_counter() - t

    english = [a.text for a in articles if a.lang == "en"]
    translate_s = sp_s = 0.0
    for code, (model, sp) in translators.items():
        texts = [a.text for a in articles if a.lang == code]
        per_text = [split_sentences(t) for t in texts]
        t = time.perf_counter()
        tokens = [sp.encode(s, out_type=str) for sents in per_text for s in sents]
        sp_s += time.perf_counter() - t
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        t = time.perf_counter()
        futures = []
        for start in range(0, len(order), 32):  # length-sorted batches, each with its own decoding cap
            batch = [tokens[i] for i in order[start : start + 32]]
            futures += model.translate_batch(
                batch,
                beam_size=1,
                max_decoding_length=math.ceil(max(len(b) for b in batch) * 1.3) + 4,
                asynchronous=True,
            )
        done = [f.result() for f in futures]
        translate_s += time.perf_counter() - t
        results: list[Any] = [None] * len(tokens)
        for i, r in zip(order, done, strict=True):
            results[i] = r
        t = time.perf_counter()
        decoded = [sp.decode(r.hypotheses[0]) for r in results]
        sp_s += time.perf_counter() - t
        out = iter(decoded)
        english.extend(" ".join(next(out) for _ in sents) for sents in per_text)
    seconds["sentencepiece"] = sp_s  # the tokenizer translate_batch needs, both ways
    seconds["ctranslate2"] = translate_s

    stored = folder.parent / f"{folder.name}-english.json"
    if stored.exists():  # the texts polynews's NER read (its translations), not raw's own: the same input
        english = json.loads(stored.read_text(encoding="utf-8"))[part::parts]
    t = time.perf_counter()
    for _ in en.pipe(english, batch_size=32):
        pass
    seconds["spacy en"] = time.perf_counter() - t
    for lang, nlp in native.items():
        t = time.perf_counter()
        for _ in nlp.pipe([a.text for a in articles if a.lang == lang], batch_size=32):
            pass
        seconds[f"spacy {lang}"] = time.perf_counter() - t
    return {
        "seconds": sum(seconds.values()),
        "parts": seconds,
        "peak_mb": _peak_mb()[0],
        "main_cpu": _cpu_seconds()[0],
        "worker_cpu": 0.0,
    }


def _one(folder: Path, home: Path, what: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, "--one", str(folder), str(home), what],
        capture_output=True,
        text=True,
        env=os.environ | {"POLYNEWS_HOME": str(home)},
    )
    if done.returncode != 0:
        sys.exit(done.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run_raw_split(folder: Path, home: Path, parts: int) -> dict[str, Any]:
    """The raw library calls split over ``parts`` processes side by side (every other article each): what
    this machine gives the very calls polynews makes when two processes make them, the ceiling --workers 2 is
    read against. Its seconds are the slower half's (each loads its own models, as a worker does)."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(parts) as pool:
        halves = list(pool.map(lambda i: _one(folder, home, f"raw:{i}/{parts}"), range(parts)))
    names = halves[0]["parts"].keys()
    return {
        "seconds": max(h["seconds"] for h in halves),
        "parts": {k: sum(h["parts"][k] for h in halves) for k in names},
        "peak_mb": max(h["peak_mb"] for h in halves),
        "main_cpu": sum(h["main_cpu"] for h in halves),
        "worker_cpu": 0.0,
    }


def _cpu_cells(run: dict[str, Any]) -> str:
    """CPU-seconds of the main process and of the workers, and the cores they kept busy on average (CPU-seconds
    over wall seconds): two workers that never wait keep nearly two cores busy, whatever each core's speed."""
    busy = (run["main_cpu"] + run["worker_cpu"]) / run["seconds"]
    return f"{run['main_cpu']:.1f} / {run['worker_cpu']:.1f} | {busy:.2f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, action="append", help="articles (repeatable); default 1000")
    parser.add_argument("--workers", type=int, action="append", help="(repeatable) default 1 and 2")
    parser.add_argument("--no-model", action="store_true", help="no translation model installed")
    parser.add_argument("--no-raw", action="store_true", help="skip the raw library run")
    parser.add_argument(
        "--argos-shaped",
        action="store_true",
        help="translation models of a real Argos model's shape (transformer-base, int8) instead of the tiny one",
    )
    parser.add_argument(
        "--rounds", type=int, default=1, help="repeat every run; medians, and ratios within each round"
    )
    parser.add_argument("--one", nargs=3, help=argparse.SUPPRESS)  # folder home workers|raw|raw:PART/PARTS
    parser.add_argument("--setup", nargs="+", help=argparse.SUPPRESS)  # tmp n [n ...]
    args = parser.parse_args()
    if args.setup:
        tmp, *ns = args.setup
        home = Path(tmp) / "home"
        home.mkdir()
        if not args.no_model:
            install_models(home, args.argos_shaped)
        warm_caches(home)
        for n in ns:
            build(Path(tmp) / f"articles-{n}", int(n), html_every=3)
        return
    if args.one:
        folder, home, what = args.one
        if what.startswith("raw"):
            part, parts = map(int, what.partition(":")[2].split("/")) if ":" in what else (0, 1)
            result = run_raw(Path(folder), Path(home), part, parts)
        else:
            result = run_polynews(Path(folder), Path(home), int(what))
        print(json.dumps(result))
        return
    sizes, workers = args.n or [1000], args.workers or [1, 2]
    whats = [*map(str, workers), *([] if args.no_raw else ["raw", "raw2"])]
    rows = []
    ceilings: list[tuple[int, int, float]] = []  # (n, round, two processes' speed-up on this machine)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        # Models, the gazetteer's cache and the articles are made in a child process: Linux keeps a process's
        # peak memory across exec, so every run below would report this process's peak (building the
        # transformer-base models takes 800 MB) as its own if this process made them.
        options = ["--no-model"] * args.no_model + ["--argos-shaped"] * args.argos_shaped
        subprocess.run([sys.executable, __file__, "--setup", tmp, *map(str, sizes), *options], check=True)
        for n in sizes:
            folder = Path(tmp) / f"articles-{n}"
            for round_ in range(args.rounds):
                # Each round starts one later in the list: a slow spell of this VM lands on a different run.
                for what in whats[round_ % len(whats) :] + whats[: round_ % len(whats)]:
                    if what == "raw2" and not (folder.parent / f"{folder.name}-english.json").exists():
                        continue  # its spaCy input is what --workers 1 stored; a later round runs it
                    result = run_raw_split(folder, home, 2) if what == "raw2" else _one(folder, home, what)
                    rows.append({"n": n, "what": what, "round": round_, **result})
                ceilings.append((n, round_, two_core_ceiling()))
    model = (
        "no translation model"
        if args.no_model
        else f"{'Argos-shaped (transformer-base)' if args.argos_shaped else 'tiny'} translation model "
        "(ar, fr, id -> en)"
    )
    print(
        f"polynews end-to-end benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"cpus={os.cpu_count()}, {model}, {args.rounds} round(s)"
    )
    stages = ("read", "normalize", "language", "translate", "ner", "facts", "fingerprint", "store")
    print(
        "| n | run | seconds | articles/s | vs --workers 1 | vs raw | peak MB | main / worker MB | "
        "CPU s main / workers | cores busy | " + " | ".join(f"{s} s" for s in stages) + " |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|" + "---|" * len(stages))
    for n in sizes:
        runs = {w: g for w in whats if (g := [r for r in rows if r["n"] == n and r["what"] == w])}

        def ratio(top: str, bottom: str, runs: dict[str, list[dict[str, Any]]] = runs) -> str:
            """The median over rounds of the ratio within each round (runs minutes apart, not an hour)."""
            if top not in runs or bottom not in runs:
                return ""
            below = {r["round"]: r["seconds"] for r in runs[bottom]}
            within = [r["seconds"] / below[r["round"]] for r in runs[top] if r["round"] in below]
            return f"{statistics.median(within):.2f}x" if within else ""

        for what, group in runs.items():
            r = sorted(group, key=lambda r: r["seconds"])[len(group) // 2]  # the median run (upper median)
            label = {"raw": "raw library calls", "raw2": "raw, two processes (halves)"}.get(
                what, f"--workers {what}"
            )
            spread = f" ({min(g['seconds'] for g in group):.1f}-{max(g['seconds'] for g in group):.1f})"
            cells = (
                [f"{r['stages'][s]:.1f}" for s in stages]
                if not what.startswith("raw")
                else [", ".join(f"{k} {v:.1f}" for k, v in r["parts"].items())] + [""] * (len(stages) - 1)
            )
            print(
                f"| {n} | {label} | {r['seconds']:.1f}{spread if len(group) > 1 else ''} | "
                f"{n / r['seconds']:.1f} | {ratio('1', what) if not what.startswith('raw') else ''} | "
                f"{ratio(what, 'raw') if what != 'raw' else ('1.00x' if 'raw' in runs else '')} | "
                f"{max(g['peak_mb'] for g in group):.0f} | "
                f"{max(g.get('main_mb', g['peak_mb']) for g in group):.0f} / "
                f"{max(g.get('worker_mb', 0) for g in group):.0f} | {_cpu_cells(r)} | "
                + " | ".join(cells)
                + " |"
            )
        loops = [c for n_, _, c in ceilings if n_ == n]
        print(
            f"\nn={n}, what two processes gave (medians of the rounds): polynews --workers 2 against 1: "
            f"{ratio('1', '2') or '-'}; the raw calls in two halves side by side against one process: "
            f"{ratio('raw', 'raw2') or '-'}; a pure-Python loop: {statistics.median(loops):.2f}x\n"
        )
    print("\nEach round (seconds, in the order run; then two CPU-bound processes' speed-up on this machine):")
    for n, round_, ceiling in ceilings:
        done = [r for r in rows if r["n"] == n and r["round"] == round_]
        print(
            f"- n={n}, round {round_ + 1}: "
            + ", ".join(f"{r['what']} {r['seconds']:.1f}" for r in done)
            + f"; two-core ceiling {ceiling:.2f}x"
        )


if __name__ == "__main__":
    main()
