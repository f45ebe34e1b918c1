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


_PAGE = """<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:title" content="{title}"></head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/business">Business</a> |
<a href="/sport">Sport</a> | <a href="/contact">Contact</a></nav></header>
<main><article><h1>{title}</h1>
{paragraphs}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Markets close higher</a></li><li><a href="/b">Weather warning
for the weekend</a></li><li><a href="/c">Transfer news</a></li></ul></aside>
<footer><p>Leave a Reply</p><p>&copy; 2026 News Network. All rights reserved.</p></footer></body></html>
"""


def _html(head: str, body: list[str], lang: str) -> str:
    escape = lambda t: t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    paragraphs = "\n".join(f"<p>{escape(p)}</p>" for p in body)
    return _PAGE.format(lang=lang, title=escape(head), paragraphs=paragraphs)


def build(
    folder: Path, n: int, seed: int = 7, max_chars: int | None = None, html_every: int = 0
) -> list[Path]:
    """Write n articles; ``max_chars`` cuts each one (a re-run benchmark needs many files, not long ones);
    ``html_every`` k > 0 writes every k-th article as a web page (navigation, sidebar, footer) for
    trafilatura to extract."""
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
        if html_every and i % html_every == html_every - 1:
            head, *rest = out.split("\n\n")
            path = folder / f"{i:06d}_{lang}.html"
            path.write_text(_html(head, rest, lang), encoding="utf-8")
        else:
            path = folder / f"{i:06d}_{lang}.txt"
            path.write_text(out, encoding="utf-8")
        paths.append(path)
    return paths
