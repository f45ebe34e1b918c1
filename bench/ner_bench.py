"""NER stage throughput against raw spaCy on the same texts, in the same run.

The texts are the samples' English and French articles, each repeated with its sentences shuffled (seeded), so
spaCy sees realistic news prose and nothing is cached. "raw" is what the stage wraps: `nlp.pipe` of the same
pipelines (the same excluded components, batch size 32) over the English texts and, with the French model, over
the French texts. "stage" is extract.ner.NerStage.pipe over Article records in the pipeline's batches of 32,
entities built and all. The facts stage (rules, gazetteer, dates) is timed after it, on its own.
Each measurement is the best of three rounds, alternating raw and stage.

Usage: python bench/ner_bench.py [--n 300]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.facts import FactOptions, FactStage  # noqa: E402
from extract.ner import _NER_ONLY_EXCLUDE, MAX_NER_CHARS, NerOptions, NerStage, load_pipeline  # noqa: E402
from ingest.readers import read_document  # noqa: E402
from normalize.stages import Normalizer  # noqa: E402


def corpus(n: int) -> list:
    import dataclasses

    rng = random.Random(5)
    bases = []
    for prefix, lang in (("001", "en"), ("004", "en"), ("002", "fr")):
        path = next((ROOT / "samples").glob(f"{prefix}_*"))
        article = Normalizer()(next(read_document(str(path), path.read_bytes(), path.suffix)))
        bases.append(dataclasses.replace(article, lang=lang))
    out = []
    for i in range(n):
        base = bases[i % len(bases)]
        paragraphs = base.text.split("\n")
        rng.shuffle(paragraphs)
        out.append(dataclasses.replace(base, source=f"a{i}", text="\n".join(paragraphs)))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=300)
    args = parser.parse_args()
    articles = corpus(args.n)
    words = sum(len(a.text[:MAX_NER_CHARS].split()) for a in articles)
    stage = NerStage(NerOptions())
    en = load_pipeline("en_core_web_sm", exclude=_NER_ONLY_EXCLUDE)
    fr = load_pipeline("fr_core_news_sm", exclude=_NER_ONLY_EXCLUDE)
    en_texts = [a.text[:MAX_NER_CHARS] for a in articles if a.lang == "en"]
    fr_texts = [a.text[:MAX_NER_CHARS] for a in articles if a.lang == "fr"]
    list(en.pipe(en_texts[:8])), list(fr.pipe(fr_texts[:8])), list(stage.pipe(articles[:8]))  # warm up

    def raw() -> float:
        t = time.perf_counter()
        for _ in en.pipe(en_texts, batch_size=32):
            pass
        for _ in fr.pipe(fr_texts, batch_size=32):
            pass
        return time.perf_counter() - t

    def staged() -> tuple[float, list]:
        t = time.perf_counter()
        done = []
        for start in range(0, len(articles), 32):
            done.extend(stage.pipe(articles[start : start + 32]))
        return time.perf_counter() - t, done

    raw_s, stage_s, done = [], [], []
    for _ in range(3):
        raw_s.append(raw())
        s, done = staged()
        stage_s.append(s)
    facts = FactStage(FactOptions(cache_dir=ROOT / ".bench-cache"))
    facts(done[0])  # builds or loads the gazetteer: not per article
    t = time.perf_counter()
    with_facts = [facts(a) for a in done]
    facts_s = time.perf_counter() - t
    best_raw, best_stage = min(raw_s), min(stage_s)
    print(
        f"NER benchmark, {time.strftime('%Y-%m-%d')}: {len(articles)} articles ({len(en_texts)} en, {len(fr_texts)} fr), {words} words"
    )
    print("| what | seconds (best of 3) | words/s | vs raw |")
    print("|---|---|---|---|")
    print(f"| raw `nlp.pipe` (en + fr) | {best_raw:.2f} | {words / best_raw:,.0f} | 1.00x |")
    print(f"| NerStage.pipe | {best_stage:.2f} | {words / best_stage:,.0f} | {best_raw / best_stage:.2f}x |")
    print(f"| FactStage (after NER, on its own) | {facts_s:.2f} | {words / facts_s:,.0f} | |")
    print(f"entities: {sum(len(a.entities) for a in done)}, facts: {sum(len(a.facts) for a in with_facts)}")


if __name__ == "__main__":
    main()
