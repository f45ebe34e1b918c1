"""Public human-annotated NER corpora read into one label scheme, for training (models/train.py) and for
evaluation (bench/ner_eval.py). The data never enters the repository: every function reads a path it is given.

One scheme for the four languages, the English pipeline's names: PERSON, ORG, GPE (ANERcorp's LOC,
IDNer's LOC and NERGrit's PLACE are nearly all countries, cities and regions), MISC.

Sources (commits and licences in models/README.md):
- ANERcorp (Benajiba et al. 2007), one token a line, no sentence breaks. The CAMeL Lab split (Obeid et al.
  2020) is the first 5/6 of the corpus for training and the last 1/6 for testing; ``anercorp_split``
  reproduces it at the first sentence end after 5/6 of the tokens.
- IDNer-news-2k (Khairunnisa et al. 2020): CoNLL "token POS tag", train/dev/test files.
- NERGrit (IndoNLU): CoNLL "token<TAB>tag", train/valid/test files.
- WikiFANE Gold (Alotaibi & Lee 2014): Arabic Wikipedia, "token<TAB>tag" with 50 fine-grained classes under
  ACE's coarse ones, clitics written apart ("و قال", "عاصمة ها"); ``read_fane`` maps the classes to ours and
  writes the clitics back onto their words, as news text has them. Training data only: there is no test part.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

Sentence = tuple[list[str], list[str]]  # tokens, BIO tags in our scheme

# Bidi marks, zero-width characters and tatweel: polynews' normalizer removes them from every text
# (normalize/text.py), and ANERcorp has about a thousand tokens carrying a right-to-left mark.
_INVISIBLE = dict.fromkeys([0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x061C, 0x0640, 0xFEFF, 0x00AD])


def _token(text: str) -> str:
    return text.translate(_INVISIBLE) or text


LABEL_MAP = {
    "PERS": "PERSON",
    "PER": "PERSON",
    "PERSON": "PERSON",
    "ORG": "ORG",
    "ORGANISATION": "ORG",
    "LOC": "GPE",
    "PLACE": "GPE",
    "MISC": "MISC",
}


def _map_tag(tag: str) -> str:
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = LABEL_MAP.get(label)
    return f"{prefix}-{mapped}" if mapped else "O"


def read_conll(path: Path) -> Iterator[Sentence]:
    """Sentences of a CoNLL file: blank lines separate sentences, the tag is the last column."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            if words:
                yield words, tags
            words, tags = [], []
            continue
        words.append(_token(cols[0]))
        tags.append(_map_tag(cols[-1]) if len(cols) > 1 else "O")
    if words:
        yield words, tags


def read_anercorp(path: Path) -> list[Sentence]:
    """ANERcorp's one long token stream cut into sentences at each full stop."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split()
        if not cols:
            continue
        words.append(_token(cols[0]))
        tags.append(_map_tag(cols[-1]))
        if cols[0] in {".", "؟", "!", "?"} and not tags[-1].startswith("I-"):
            sentences.append((words, tags))
            words, tags = [], []
    if words:
        sentences.append((words, tags))
    return sentences


# WikiFANE's fine classes (ACE's taxonomy) in our scheme. PER.Group ("العرب", "الفرنسيين") is O, as in
# ANERcorp; facilities, vehicles, weapons, products, works and celestial bodies have no class in ANERcorp's
# scheme, so a sentence holding one is left out rather than taught as O or guessed.
FANE_MAP = {
    **dict.fromkeys(
        "Politician Religious_PER Artist Other_PER Scientist Police Athlete Businessperson Engineer Lawyer".split(),
        "PERSON",
    ),
    **dict.fromkeys(
        "Commercial Non-Governmental Government Educational Media Sports Religious_ORG Medical-Science "
        "Entertainment".split(),
        "ORG",
    ),
    **dict.fromkeys(
        "Nation Population-Center State-or-Province Continent GPE-Cluster County-or-District Water-Body "
        "Land-Region-Natural".split(),
        "GPE",
    ),
    "Group": "O",
}
_PROCLITICS = {"و", "ف", "ب", "ل", "ك", "ال"}
_ENCLITICS = {"ه", "ها", "هم", "هما", "هن", "نا", "كم", "كما", "ني"}


def _is_word(token: str) -> bool:
    return len(token) >= 2 and all("\u0621" <= c <= "\u064a" for c in token)


def _attach_clitics(words: list[str], tags: list[str]) -> Sentence:
    """WikiFANE's split clitics written back onto their words ("و ب الصين" -> "وبالصين", "عاصمة ها" ->
    "عاصمتها"), the merged word taking the entity tag of the word it joins (a clitic inside a name keeps its own)."""
    out_w: list[str] = []
    out_t: list[str] = []
    pending_w, pending_t = "", "O"
    for w, t in zip(words, tags, strict=True):
        if w in _PROCLITICS:
            if pending_w and pending_w != "ال" and w != "ال":
                pending_w, pending_t = pending_w + w, pending_t if pending_t != "O" else t
                continue
            if not pending_w:
                pending_w, pending_t = w, t
                continue
        if pending_w:
            if _is_word(w):
                # "ل الصين" -> "للصين"
                w = pending_w + (w[1:] if pending_w.endswith("ل") and w.startswith("ال") else w)
                # The clitic's own tag where it opens or continues the name ("و" inside "خليج و يتليت").
                t = pending_t if pending_t != "O" and t in ("O", f"I-{pending_t[2:]}") else t
            else:
                out_w.append(pending_w)
                out_t.append(pending_t)
            pending_w, pending_t = "", "O"
        if w in _ENCLITICS and out_w and _is_word(out_w[-1]):
            stem = out_w[-1]
            out_w[-1] = (stem[:-1] + "ت" if stem.endswith("ة") else stem) + w
            continue
        out_w.append(w)
        out_t.append(t)
    if pending_w:
        out_w.append(pending_w)
        out_t.append(pending_t)
    return out_w, out_t


def read_fane(path: Path) -> list[Sentence]:
    """WikiFANE Gold sentences in our scheme, clitics attached; sentences with an unmapped class left out."""
    sentences: list[Sentence] = []
    words: list[str] = []
    tags: list[str] = []
    keep = True
    for line in [*path.read_text(encoding="utf-8-sig").splitlines(), ""]:
        cols = line.split("\t")
        token = _token(cols[0].strip()) if cols[0].strip() else ""
        if not token:
            if words and keep:
                sentences.append(_attach_clitics(words, tags))
            words, tags, keep = [], [], True
            continue
        tag = cols[-1].strip() if len(cols) > 1 else "O"
        if tag != "O" and "-" in tag:
            prefix, fine = tag.split("-", 1)
            label = FANE_MAP.get(fine)
            if label is None:
                keep = False
            tag = f"{prefix}-{label}" if label and label != "O" else "O"
        elif tag != "O":
            tag = "O"
        words.append(token)
        tags.append(tag)
    return sentences


def anercorp_split(path: Path, part: str) -> list[Sentence]:
    """``train`` (first 5/6 of the tokens, whole sentences) or ``test`` (the rest): the CAMeL Lab split."""
    sentences = read_anercorp(path)
    total = sum(len(w) for w, _ in sentences)
    seen = 0
    for i, (words, _) in enumerate(sentences):
        seen += len(words)
        if seen >= total * 5 / 6:
            cut = i + 1
            break
    else:
        cut = len(sentences)
    return sentences[:cut] if part == "train" else sentences[cut:]


def load(corpus: str, part: str, data: Path) -> list[Sentence]:
    """Sentences of ``corpus`` (anercorp, idner, nergrit) split ``part`` (train, dev, test) under ``data``:
    the ANERcorp file itself, or the folder holding the corpus' split files."""
    if corpus == "wikifane":
        if part != "train":
            raise ValueError("WikiFANE Gold is training data only")
        return read_fane(data)
    if corpus == "anercorp":
        if part == "test":
            return anercorp_split(data, "test")
        train = anercorp_split(data, "train")
        # No dev split is published: the last tenth of the training part (whole sentences) is the dev set.
        cut = len(train) * 9 // 10
        return train[:cut] if part == "train" else train[cut:]
    names = {
        "idner": {"train": "train.txt", "dev": "dev.txt", "test": "test.txt"},
        "nergrit": {
            "train": "train_preprocess.txt",
            "dev": "valid_preprocess.txt",
            "test": "test_preprocess.txt",
        },
    }[corpus]
    folder = data if data.is_dir() else data.parent
    return list(read_conll(folder / names[part]))


def spans(tags: list[str]) -> list[tuple[int, int, str]]:
    """(start, end, label) token spans of a BIO sequence; a stray I- opens a span."""
    out: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        if tag == "O" or tag.startswith("B-") or (tag.startswith("I-") and tag[2:] != label):
            if start >= 0:
                out.append((start, i, label))
            start, label = (i, tag[2:]) if tag != "O" else (-1, "")
    return out
