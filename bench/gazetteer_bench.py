"""The gazetteer pass (extract/gazetteer.py find_places) against an Aho-Corasick automaton (pyahocorasick) over
the same index, on real articles: build time, memory and characters a second.

find_places grows word runs while they start some name (a set of the names' word prefixes) and looks them up
in the index's hash map. The automaton finds
every index key in the folded text in one pass, but then needs the same word-boundary and plausibility checks,
and a second structure of all the index's keys. pyahocorasick is not a polynews dependency: this bench runs
only where it is installed (`pip install pyahocorasick`).

Usage: python bench/gazetteer_bench.py [--data bench/realset] [--rounds 5]
"""

from __future__ import annotations

import argparse
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.gazetteer import Gazetteer, find_places, place_key  # noqa: E402


def texts(data: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted((data / "articles").glob("*.txt"))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    corpus = texts(args.data)
    chars = sum(map(len, corpus))
    gaz = Gazetteer(ROOT / ".bench-cache")
    tracemalloc.start()
    t0 = time.perf_counter()
    gaz.word_prefixes()
    prefix_build = time.perf_counter() - t0
    prefix_memory = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    find_places(gaz, "warm up")  # loads the stop words once
    best = float("inf")
    found = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        found = sum(len(find_places(gaz, t)) for t in corpus)
        best = min(best, time.perf_counter() - t0)
    print(f"{len(corpus)} real articles, {chars:,} characters, {len(gaz):,} names in the index")
    print("| method | build s | extra memory MB | scan s | characters/s | places |")
    print("|---|---|---|---|---|---|")
    print(
        f"| find_places (hash map + word-prefix set) | {prefix_build:.2f} | {prefix_memory:.0f} | {best:.3f} | "
        f"{chars / best:,.0f} | {found} |"
    )
    towns_table(corpus)
    try:
        import ahocorasick
    except ImportError:
        print("pyahocorasick not installed: no comparison")
        return
    tracemalloc.start()
    t0 = time.perf_counter()
    automaton = ahocorasick.Automaton()
    for key in gaz._index:
        automaton.add_word(f" {key} ", key)
    automaton.make_automaton()
    build = time.perf_counter() - t0
    memory = tracemalloc.get_traced_memory()[0] / 1e6
    tracemalloc.stop()
    best_ac = float("inf")
    hits = 0
    for _ in range(args.rounds):
        t0 = time.perf_counter()
        hits = 0
        for t in corpus:
            folded = f" {place_key(t)} "  # the same folding as the index (no clitics, no checks)
            hits += sum(1 for _ in automaton.iter(folded))
        best_ac = min(best_ac, time.perf_counter() - t0)
    print(
        f"| pyahocorasick (folded text, raw hits, no checks) | {build:.2f} | {memory:.0f} | {best_ac:.3f} | "
        f"{chars / best_ac:,.0f} | {hits} raw |"
    )


def towns_table(corpus: list[str]) -> None:
    """The towns below the index (GeoNames' cities500, Gazetteer.small_place): built from the JSON file, cached
    as one pickled blob a country, read back, and one country's towns opened; then a name looked up in the
    countries a text names. Memory is what tracemalloc sees held after each step."""
    import tempfile

    from extract.gazetteer import _Towns

    with tempfile.TemporaryDirectory() as tmp:
        rows = []
        tracemalloc.start()
        t0 = time.perf_counter()
        towns = _Towns(Path(tmp))
        rows.append(("build from cities500.json and write the cache", time.perf_counter() - t0))
        held_built, peak_built = (m / 1e6 for m in tracemalloc.get_traced_memory())
        tracemalloc.stop()
        size = sum(p.stat().st_size for p in Path(tmp).glob("towns-*.pickle")) / 1e6
        del towns
        tracemalloc.start()
        t0 = time.perf_counter()
        towns = _Towns(Path(tmp))
        rows.append(("load the cache (every country's blob)", time.perf_counter() - t0))
        held_loaded = tracemalloc.get_traced_memory()[0] / 1e6
        for country in ("IN", "ID", "IT"):
            t0 = time.perf_counter()
            towns.get(country, "x")
            rows.append((f"open one country's towns ({country})", time.perf_counter() - t0))
        held_open = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
        t0 = time.perf_counter()
        n = 0
        for text in corpus:
            for word in text.split()[:200]:
                n += 1
                towns.get("IN", place_key(word))
        per = (time.perf_counter() - t0) / max(n, 1)
    print()
    print(f"Towns below the index (cache file {size:.1f} MB):")
    print("| step | seconds |")
    print("|---|---|")
    for name, seconds in rows:
        print(f"| {name} | {seconds:.3f} |")
    print(
        f"memory held: built {held_built:.0f} MB (the blobs; {peak_built:.0f} MB at the peak, the JSON file read),"
        f" loaded {held_loaded:.0f} MB, with IN+ID+IT open "
        f"{held_open:.0f} MB; a look-up (fold + probe) {per * 1e6:.1f} µs"
    )


if __name__ == "__main__":
    main()
