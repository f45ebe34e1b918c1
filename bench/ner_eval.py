"""NER quality and speed per language on public TEST splits the pipelines were not trained or tuned on.

Quality is measured on what polynews stores: the test sentences are joined into articles of 20 sentences
(tokens separated by spaces), run through extract.ner.NerStage exactly as the pipeline runs it (spaCy's own
tokenizer, the label scheme, the gazetteer's GPE), and each stored entity is compared with the gold spans by
character offsets: exact boundaries and type. Types: PERSON, ORG and PLACE (GPE, LOC, FAC); MISC-like labels
(MISC, NORP, EVENT, ...) are not scored, since the corpora's schemes differ there. A second F1, "gold tokens",
runs the same pipeline on the corpus' own tokens (the usual way papers report these corpora).

Speed: words per second of NerStage.pipe against raw ``nlp.pipe`` of the same pipeline (same excluded
components, batch 32) on the same texts, best of five alternating rounds.

    python bench/ner_eval.py --ar PATH/ANERCorp --id PATH/idner-news-2k --nergrit PATH/nergrit \\
        --en PATH/conll2003-test.txt

Sources, commits and licences of the data: models/README.md. Each path is optional; a language without one is
skipped. Only the test splits are read (ANERcorp: the CAMeL Lab test 1/6).

With ``--realset PATH`` (bench/realset: real published articles, labelled), it also reports entity recall per
language on the set's tuning and held-out halves: the share of labelled persons, organisations and places that
NerStage finds in the article's own text (no translation model), a label counting as found when an entity's
text or canonical name equals its text or canonical name (case and accents aside), or contains it or is
contained in it with at most two letters to spare (an Arabic clitic, a possessive).
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "models"))

from ner_data import Sentence, load, read_conll, spans  # noqa: E402

from extract.ner import _NER_ONLY_EXCLUDE, NerOptions, NerStage, load_pipeline  # noqa: E402
from ingest.record import Article  # noqa: E402

TYPES = ("PERSON", "ORG", "PLACE")
_TYPE = {"PERSON": "PERSON", "PER": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
SENTENCES_PER_ARTICLE = 20
ROUNDS = 5  # best of five alternating rounds: the machine is shared, and single rounds vary by 20%
MODELS = {"en": "en_core_web_sm", "fr": "fr_core_news_sm", "ar": "ar_polynews_ner", "id": "id_polynews_ner"}


def articles(lang: str, sentences: list[Sentence]) -> tuple[list[Article], list[set[tuple[int, int, str]]]]:
    """Articles of joined test sentences and their gold (start, end, type) character spans."""
    out, gold = [], []
    for i in range(0, len(sentences), SENTENCES_PER_ARTICLE):
        text, offsets, spans_here = "", [], set()
        for words, tags in sentences[i : i + SENTENCES_PER_ARTICLE]:
            base = len(offsets)
            for w in words:
                if text:
                    text += " "
                offsets.append((len(text), len(text) + len(w)))
                text += w
            for s, e, label in spans(tags):
                if label in _TYPE:
                    spans_here.add((offsets[base + s][0], offsets[base + e - 1][1], _TYPE[label]))
        out.append(Article(source=f"{lang}-{i}", text=text, lang=lang))
        gold.append(spans_here)
    return out, gold


def score(pred: list[set[tuple[int, int, str]]], gold: list[set[tuple[int, int, str]]]) -> dict[str, Any]:
    tp: Counter[str] = Counter()
    np_: Counter[str] = Counter()
    ng: Counter[str] = Counter()
    for p, g in zip(pred, gold, strict=True):
        for s in p:
            np_[s[2]] += 1
            tp[s[2]] += s in g
        for s in g:
            ng[s[2]] += 1
    rows = {}
    for t in (*TYPES, "all"):
        a = sum(tp.values()) if t == "all" else tp[t]
        b = sum(np_.values()) if t == "all" else np_[t]
        c = sum(ng.values()) if t == "all" else ng[t]
        p_, r_ = (a / b if b else 0.0), (a / c if c else 0.0)
        rows[t] = (p_, r_, 2 * p_ * r_ / (p_ + r_) if p_ + r_ else 0.0, c)
    return rows


def gold_token_f1(nlp: Any, sentences: list[Sentence]) -> float:
    """Micro F1 over PERSON/ORG/PLACE with the corpus' own tokens (boundaries and type exact)."""
    from spacy.tokens import Doc

    tp = npred = ngold = 0
    docs = (Doc(nlp.vocab, words=w) for w, _ in sentences)
    for doc, (_, tags) in zip(nlp.pipe(docs, batch_size=64), sentences, strict=True):
        g = {(s, e, _TYPE[lab]) for s, e, lab in spans(tags) if lab in _TYPE}
        p = {(e.start, e.end, _TYPE[e.label_]) for e in doc.ents if e.label_ in _TYPE}
        tp, npred, ngold = tp + len(p & g), npred + len(p), ngold + len(g)
    prec, rec = tp / max(npred, 1), tp / max(ngold, 1)
    return 2 * prec * rec / (prec + rec) if prec + rec else 0.0


def evaluate(lang: str, corpus: str, sentences: list[Sentence], stage: NerStage) -> None:
    docs, gold = articles(lang, sentences)
    nlp = load_pipeline(MODELS[lang], exclude=_NER_ONLY_EXCLUDE)
    texts = [a.text for a in docs]
    words = sum(len(t.split()) for t in texts)
    list(stage.pipe(docs[:4])), list(nlp.pipe(texts[:4]))  # warm up (and the gazetteer)
    raw_s, stage_s, done = [], [], []
    for _ in range(ROUNDS):
        t = time.perf_counter()
        for _doc in nlp.pipe(texts, batch_size=32):
            pass
        raw_s.append(time.perf_counter() - t)
        t = time.perf_counter()
        done = []
        for start in range(0, len(docs), 32):
            done.extend(stage.pipe(docs[start : start + 32]))
        stage_s.append(time.perf_counter() - t)
    pred = [
        {(e.start, e.end, _TYPE[e.label]) for e in a.entities if e.lang == lang and e.label in _TYPE}
        for a in done
    ]
    rows = score(pred, gold)
    gold_f1 = gold_token_f1(nlp, sentences)
    raw, staged = words / min(raw_s), words / min(stage_s)
    for t, (p, r, f, n) in rows.items():
        cells = [lang, corpus, t, str(n), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}"]
        if t == "all":
            cells += [f"{gold_f1:.3f}", f"{raw:,.0f}", f"{staged:,.0f}", f"{staged / raw:.2f}x"]
        else:
            cells += ["", "", "", ""]
        print("| " + " | ".join(cells) + " |")


def _found(label: dict[str, str], entities: list[tuple[str, str]]) -> bool:
    from extract.canonical import fold

    want = {fold(label["text"]), fold(label.get("canonical") or label["text"])}
    for text, canonical in entities:
        for got in (fold(text), fold(canonical)):
            for w in want:
                if got == w or (w in got and len(got) - len(w) <= 2) or (got in w and len(w) - len(got) <= 2):
                    return True
    return False


def realset_recall(folder: Path, stage: NerStage) -> None:
    import json

    from ingest.readers import read_document
    from normalize.stages import Normalizer

    labels = [
        json.loads(line)
        for path in sorted((folder / "labels").glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    normalizer = Normalizer()
    found: Counter[tuple[str, str, str]] = Counter()
    total: Counter[tuple[str, str, str]] = Counter()
    for row in labels:
        path = folder / "articles" / f"{row['id']}.txt"
        article = next(read_document(str(path), path.read_bytes(), ".txt"))
        article = stage(normalizer(dataclasses.replace(article, lang=row["lang"])))
        entities = [(e.text, e.canonical) for e in article.entities]
        for kind in ("persons", "orgs", "places"):
            for label in row.get(kind) or []:
                key = (row["lang"], row["split"], kind)
                total[key] += 1
                found[key] += _found(label, entities)
    print()
    print(f"Entity recall on the real dev set ({folder}), no translation model, {len(labels)} articles")
    print("| lang | split | persons | orgs | places | all |")
    print("|---|---|---|---|---|---|")
    for lang in ("ar", "en", "fr", "id"):
        for split in ("tune", "heldout"):
            cells = []
            for kinds in (("persons",), ("orgs",), ("places",), ("persons", "orgs", "places")):
                f = sum(found[(lang, split, k)] for k in kinds)
                t = sum(total[(lang, split, k)] for k in kinds)
                cells.append(f"{f / t:.2f} ({t})" if t else "-")
            print(f"| {lang} | {split} | {' | '.join(cells)} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ar", type=Path, help="the ANERCorp file (its CAMeL Lab test split is scored)")
    ap.add_argument("--id", type=Path, help="the IDNer-news-2k folder (test.txt)")
    ap.add_argument(
        "--nergrit", type=Path, help="IndoNLU's dataset/nergrit_ner-grit folder (test_preprocess.txt)"
    )
    ap.add_argument("--en", type=Path, help="CoNLL-2003 English test file (eng.testb / test.txt)")
    ap.add_argument("--fr", type=Path, help="a French CoNLL test file (token ... tag)")
    ap.add_argument("--realset", type=Path, help="bench/realset: entity recall on real labelled articles")
    args = ap.parse_args()
    stage = NerStage(NerOptions(cache_dir=ROOT / ".bench-cache"))
    print(
        f"NER on public test splits, {time.strftime('%Y-%m-%d')} (polynews as it runs; see bench/ner_eval.py)"
    )
    print(
        "| lang | corpus | type | gold | P | R | F1 | F1 gold tokens | raw words/s | stage words/s | ratio |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    if args.ar:
        evaluate("ar", "ANERcorp test (CAMeL split)", load("anercorp", "test", args.ar), stage)
    if args.id:
        evaluate("id", "IDNer-news-2k test", load("idner", "test", args.id), stage)
    if args.nergrit:
        evaluate("id", "NERGrit test", load("nergrit", "test", args.nergrit), stage)
    if args.en:
        sents = [s for s in read_conll(args.en) if s[0] != ["-DOCSTART-"]]
        evaluate("en", "CoNLL-2003 test", sents, stage)
    if args.fr:
        evaluate("fr", args.fr.name, list(read_conll(args.fr)), stage)
    if args.realset:
        realset_recall(args.realset, stage)


if __name__ == "__main__":
    main()
