"""Synthetic articles for benchmarks: perturbed copies of samples/ in all four languages.

Each copy shuffles the paragraphs of a sample, changes its numbers and adds a unique line, so every article is
new text (no exact-duplicate short cuts) with the length and language mix of the real samples.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
_UNIQUE = {
    "ar": "رقم التقرير {n}.",
    "en": "Report number {n}.",
    "fr": "Rapport numéro {n}.",
    "id": "Laporan nomor {n}.",
}


def _lang_of(path: Path) -> str:
    return path.name.split("_")[1]


def build(folder: Path, n: int, seed: int = 7, max_chars: int | None = None) -> list[Path]:
    """Write n articles; ``max_chars`` cuts each one (a re-run benchmark needs many files, not long ones)."""
    rng = random.Random(seed)
    samples = sorted(SAMPLES.glob("*.txt"))
    texts = [(p.read_text(encoding="utf-8"), _lang_of(p)) for p in samples]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        text, lang = texts[i % len(texts)]
        paragraphs = [p for p in re.split(r"\n\s*\n|\n(?=\S)", text.strip()) if p.strip()]
        head, body = paragraphs[0], paragraphs[1:]
        rng.shuffle(body)
        body = [re.sub(r"\d+", lambda m: str(rng.randint(2, 999)), p) for p in body]
        out = "\n\n".join([head, *body])
        if max_chars:
            out = out[:max_chars]
        out += "\n\n" + _UNIQUE[lang].format(n=i)
        path = folder / f"{i:06d}_{lang}.txt"
        path.write_text(out, encoding="utf-8")
        paths.append(path)
    return paths
