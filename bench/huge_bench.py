"""Huge inputs: peak memory and seconds of `polynews ingest` on one article of 1, 5 and 19 MB (and a normal one,
10 KB, for the floor: model loading), in English (every stage: NER, facts) and in Arabic (no translation model:
normalize, language, fingerprints).

Each size is one text file of the samples' paragraphs repeated (each copy numbered, so it is one long text, not
a loop of exact lines), ingested by the real command in its own process with a fresh database; peak memory is
that process's maximum resident set (os.wait4), seconds its wall time, model loading included.

    python bench/huge_bench.py [--sizes 0.01 1 5 19] [--langs en ar] [--html]
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = {"en": "004", "ar": "000", "fr": "002", "id": "003"}


def write_text(path: Path, megabytes: float, lang: str, html: bool = False) -> int:
    source = next((ROOT / "samples").glob(f"{SAMPLES[lang]}_*")).read_text(encoding="utf-8")
    paragraphs = [p for p in re.split(r"\n\s*\n", source) if p.strip()]
    target, parts, size, i = int(megabytes * 1e6), [], 0, 0
    while size < target:
        part = f"{paragraphs[i % len(paragraphs)]} ({i})"
        if html:
            part = "<p>" + part.replace("&", "&amp;").replace("<", "&lt;") + "</p>"
        parts.append(part)
        size += len(part.encode("utf-8")) + 2
        i += 1
    data = "\n\n".join(parts).encode("utf-8")
    if html:
        data = b"<html><head><title>Huge</title></head><body><article>" + data + b"</article></body></html>"
    path.write_bytes(data)
    return len(data)


def run(path: Path, db: Path) -> tuple[float, float, str]:
    """(seconds, peak MB, summary line) of one `polynews ingest` process."""
    env = os.environ | {"PYTHONPATH": str(ROOT)}
    code = "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "ingest", str(path), "--db", str(db), "-q"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    assert proc.stdout is not None
    output = proc.stdout.read().decode()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"ingest failed ({proc.returncode}): {output}")
    return seconds, usage.ru_maxrss / 1024, output.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--sizes", type=float, nargs="+", default=[0.01, 1, 5, 19])
    parser.add_argument("--langs", nargs="+", default=["en", "ar"])
    parser.add_argument("--html", action="store_true", help="one web page (<p> paragraphs) for trafilatura")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for lang in args.langs:
            for mb in args.sizes:
                path = Path(tmp) / f"{lang}_{mb}.{'html' if args.html else 'txt'}"
                size = write_text(path, mb, lang, args.html)
                seconds, peak, summary = run(path, Path(tmp) / f"{lang}_{mb}.db")
                rows.append((lang, size, seconds, peak, summary))
                print(
                    f"{lang} {size / 1e6:.2f} MB: {seconds:.1f} s, {peak:.0f} MB  [{summary}]",
                    file=sys.stderr,
                )
    print("| article | size | seconds | s per MB over the 10 KB run | peak memory |")
    print("|---|---:|---:|---:|---:|")
    for lang, size, seconds, peak, _ in rows:
        floor = next((s for lg, sz, s, _, _ in rows if lg == lang and sz < 100_000), None)
        per_mb = f"{(seconds - floor) / (size / 1e6):.2f}" if floor is not None and size >= 100_000 else "-"
        print(f"| {lang} | {size / 1e6:.2f} MB | {seconds:.1f} | {per_mb} | {peak:.0f} MB |")


if __name__ == "__main__":
    main()
