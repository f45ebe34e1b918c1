"""Train the Arabic pipeline's static word vectors (floret) on raw Arabic news text, for models/train.py.

    .venv/bin/python models/vectors.py --data PATH/SaudiNewsNet/dataset --out /tmp/polynews-vectors/ar

The text: SaudiNewsNet (31,030 articles from Saudi newspapers, July-August 2015; source, commit and licence in
models/README.md), read from its zipped JSON files (or the JSON files unzipped). Every article is cut into words
by spaCy's Arabic tokenizer, the one polynews runs, and each word written as the NORM the Arabic package uses
(``ar_polynews_ner.norm``: spellings folded, the article and its clitics removed), so a vector is looked up by
the same string the NER model reads. floret (fastText with hashed subwords, one table for words and
their 3-5 letter pieces) learns them on one thread under ``nice -n 10``; ``spacy init vectors --mode floret
--attr NORM`` turns them into the spaCy pipeline that ``[initialize] vectors`` in models/ar/config.cfg names.
The hash table is small (``--buckets`` rows of ``--dim`` floats) since it ships inside the model package.

ANERcorp is not read here (its test part must stay unseen by anything that is trained).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from train import word_norm  # noqa: E402


def articles(data: Path) -> Iterator[str]:
    """The title and content of every article in the folder's ``*.zip`` (or ``*.json``) files."""
    for path in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(path) as z:
            for name in z.namelist():
                if name.endswith(".json"):
                    yield from _texts(json.loads(z.read(name)))
    for path in sorted(data.glob("*.json")) if not any(data.glob("*.zip")) else []:
        yield from _texts(json.loads(path.read_text(encoding="utf-8")))


def _texts(rows: list[dict[str, str]]) -> Iterator[str]:
    for row in rows:
        yield "\n".join(t for t in (row.get("title"), row.get("content")) if t)


def write_text(data: Path, out: Path) -> int:
    """One normalized, tokenized paragraph a line; the number of words written."""
    import spacy

    nlp = spacy.blank("ar")
    norm = word_norm("ar")
    assert norm is not None
    words = 0
    with out.open("w", encoding="utf-8") as f:
        for text in articles(data):
            for para in text.split("\n"):
                para = para.strip()
                if len(para) < 20:
                    continue
                tokens = [norm(t.text) for t in nlp.tokenizer(para) if not t.is_space]
                words += len(tokens)
                f.write(" ".join(tokens) + "\n")
    return words


def write_jsonl(data: Path, out: Path) -> int:
    """Every paragraph of the articles as ``{"text": ...}``, in a shuffled order (seed 0), for ``spacy pretrain``
    (models/train.py --pretrain-text): the pretraining is stopped by time, so the text it reads should be a sample
    of all the newspapers and days, not the first ones. spaCy tokenizes the text itself, with the package's NORM
    (models/train.py runs it that way). The number of (whitespace) words written."""
    paras = [p.strip() for text in articles(data) for p in text.split("\n") if len(p.strip()) >= 20]
    random.Random(0).shuffle(paras)
    with out.open("w", encoding="utf-8") as f:
        for para in paras:
            f.write(json.dumps({"text": para}, ensure_ascii=False) + "\n")
    return sum(len(p.split()) for p in paras)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, required=True, help="SaudiNewsNet's dataset/ folder (zips or JSON)")
    ap.add_argument("--out", type=Path, default=Path("/tmp/polynews-vectors/ar"))
    ap.add_argument("--dim", type=int, default=100)
    ap.add_argument(
        "--buckets", type=int, default=50000, help="rows of the hash table (size: rows x dim x 4 B)"
    )
    ap.add_argument("--epochs", type=int, default=5)
    ap.add_argument("--model", choices=("cbow", "skipgram"), default="cbow")
    ap.add_argument("--min-count", type=int, default=5)
    ap.add_argument(
        "--jsonl", type=Path, help="only write the paragraphs as JSONL here (write_jsonl) and stop"
    )
    args = ap.parse_args()
    if args.jsonl:
        print(f"ar raw text: {write_jsonl(args.data, args.jsonl):,} words -> {args.jsonl}")
        return
    args.out.mkdir(parents=True, exist_ok=True)
    text = args.out / "text.txt"
    start = time.perf_counter()
    if not text.exists():  # the same text for every run of floret's settings
        words = write_text(args.data, text)
        print(f"ar vectors: {words:,} words of text in {time.perf_counter() - start:.0f} s -> {text}")

    # floret in a child process under nice, one thread: others share the machine's two cores.
    script = (
        f"import floret, sys; m = floret.train_unsupervised(sys.argv[1], model='{args.model}', mode='floret', "
        f"hashCount=2, bucket={args.buckets}, minn=3, maxn=5, minCount={args.min_count}, dim={args.dim}, "
        f"epoch={args.epochs}, thread=1); m.save_floret_vectors(sys.argv[2])"
    )
    vecs = args.out / "vectors.floret"
    start = time.perf_counter()
    subprocess.run(["nice", "-n", "10", sys.executable, "-c", script, str(text), str(vecs)], check=True)
    minutes = (time.perf_counter() - start) / 60
    spacy_dir = args.out / "spacy"
    cmd = [sys.executable, "-m", "spacy", "init", "vectors", "ar", str(vecs), str(spacy_dir)]
    subprocess.run([*cmd, "--mode", "floret", "--attr", "NORM"], check=True, env={**os.environ})
    print(f"ar vectors: floret trained in {minutes:.1f} min; spaCy vectors in {spacy_dir}")


if __name__ == "__main__":
    main()
