"""Translation stage against raw CTranslate2 on an Argos-shaped model, in one run.

The bench builds its own package (translate/devmodel.py): transformer-base, 6+6 layers, d_model 512, 8 heads,
FFN 2048, 32k shared vocabulary, int8, random weights. Random weights never emit </s>, so every sentence
decodes to its cap; both sides use the same cap rule: 1.3x the longest source sentence of a batch (+4).

Rows:
- polynews: TranslateStage.pipe over articles (sentence splitting, SentencePiece, length-sorted batches,
  CTranslate2, detokenization, paragraph rejoin), cache off so every sentence is translated.
- raw: ctranslate2.Translator.translate_batch on the same sentences, tokenized beforehand (not timed),
  sorted by length and cut into the same batches, submitted asynchronously (both inter_threads busy).
- per-sentence: one translate_batch call per sentence, as argostranslate does (a subset, for scale).

Usage: python bench/translate_bench.py [--sentences 160] [--beam 1]
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import platform
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ingest.record import Article
from normalize.sentences import split_sentences
from translate.backend import ArgosCT2Translator, TranslateOptions
from translate.devmodel import TRANSFORMER_BASE, build_argosmodel
from translate.install import install_file
from translate.packages import installed_packages
from translate.stage import TranslateStage

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def source_sentences(n: int) -> list[str]:
    pool = [
        s
        for p in sorted(SAMPLES.glob("*.txt"))
        if p.name.split("_")[1] in ("ar", "fr", "id")
        for s in split_sentences(p.read_text(encoding="utf-8"))
    ]
    # Numbered variants keep every sentence distinct, as in a real corpus (so the cache and de-duplication
    # save nothing); the number leads, where the sentence splitter cannot cut it off.
    return [f"[{i}] {pool[i % len(pool)]}" for i in range(n)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sentences", type=int, default=160)
    parser.add_argument("--per-sentence", type=int, default=24)
    parser.add_argument("--beam", type=int, default=1)
    args = parser.parse_args()
    sentences = source_sentences(args.sentences)
    options = TranslateOptions(beam_size=args.beam)
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp) / "home"
        t0 = time.perf_counter()
        model = build_argosmodel(Path(tmp) / "fr_en.argosmodel", sentences * 3, "fr", shape=TRANSFORMER_BASE)
        install_file(model, home)
        build_s = time.perf_counter() - t0
        package = installed_packages(home / "argos-packages")[0]
        stage = TranslateStage(home / "argos-packages", options, cache=None)
        backend = stage.translator("fr")
        assert isinstance(backend, ArgosCT2Translator)
        tokens = backend.tokenize(sentences)
        src_tokens = sum(len(t) for t in tokens)
        # Articles of 8 sentences, one paragraph each, as the stage sees them.
        articles = [
            Article(source=f"a{i}", text="\n".join(sentences[i : i + 8]), lang="fr", status="pending")
            for i in range(0, len(sentences), 8)
        ]
        split = [s for a in articles for s in split_sentences(a.text)]
        assert split == sentences, "the stage must see exactly the sentences raw translates"
        backend.translate(sentences[:8])  # warm-up: first-call allocations out of both timings

        ct2 = backend.ct2  # the same loaded model: only the code around it differs

        def raw() -> float:
            # The same batches and caps as polynews, submitted asynchronously so both inter_threads work.
            order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
            start = time.perf_counter()
            futures = []
            for b in range(0, len(order), options.batch_size):
                batch = [tokens[i] for i in order[b : b + options.batch_size]]
                longest = max(len(t) for t in batch)
                futures += ct2.translate_batch(
                    batch,
                    max_batch_size=options.batch_size,
                    beam_size=options.beam_size,
                    max_decoding_length=math.ceil(longest * options.max_length_ratio) + 4,
                    asynchronous=True,
                )
            for f in futures:
                f.result()
            return time.perf_counter() - start

        def ours() -> float:
            start = time.perf_counter()
            out = list(stage.pipe([dataclasses.replace(a) for a in articles]))
            elapsed = time.perf_counter() - start
            assert all(a.translation_status == "ok" for a in out)
            return elapsed

        raw_s, ours_s = [], []
        for _ in range(3):  # interleaved, so drift on the machine hits both alike
            raw_s.append(raw())
            ours_s.append(ours())
        raw_t, ours_t = sorted(raw_s)[1], sorted(ours_s)[1]

        subset = tokens[: args.per_sentence]
        start = time.perf_counter()
        for t in subset:
            ct2.translate_batch(
                [t],
                beam_size=options.beam_size,
                max_decoding_length=math.ceil(len(t) * options.max_length_ratio) + 4,
            )
        single_t = time.perf_counter() - start
        single_tokens = sum(len(t) for t in subset)

    print(
        f"translation benchmark, {time.strftime('%Y-%m-%d')}, {platform.machine()}, cpus={__import__('os').cpu_count()}, "
        f"model {package.model_id} transformer-base int8 (built in {build_s:.0f} s), beam {args.beam}, "
        f"{len(sentences)} sentences, {src_tokens} source tokens, batch {options.batch_size}, "
        f"inter_threads {options.inter_threads} x intra_threads {options.intra_threads}; medians of 3"
    )
    print("| path | seconds | source tokens/s | sentences/s | vs raw |")
    print("|---|---|---|---|---|")
    print(
        f"| raw translate_batch | {raw_t:.2f} | {src_tokens / raw_t:.0f} | {len(sentences) / raw_t:.1f} | 1.00x |"
    )
    print(
        f"| polynews TranslateStage | {ours_t:.2f} | {src_tokens / ours_t:.0f} | {len(sentences) / ours_t:.1f} | "
        f"{raw_t / ours_t:.2f}x |"
    )
    print(
        f"| one call per sentence (argostranslate's way), {len(subset)} sentences | {single_t:.2f} | "
        f"{single_tokens / single_t:.0f} | {len(subset) / single_t:.1f} | "
        f"{(single_tokens / single_t) / (src_tokens / raw_t):.2f}x |"
    )


if __name__ == "__main__":
    main()
