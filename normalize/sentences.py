"""Sentence splitting without models: rules for Arabic, English, French and Indonesian.

Translation works sentence by sentence; a splitter that needs a download (argostranslate's MiniSBD, stanza)
cannot run offline, and spaCy's statistical one is slow for this. A sentence ends at . ! ? … or the Arabic
question mark ؟ when the next word starts like a sentence; the Arabic comma ، and semicolon ؛ do not end one.
Abbreviations and initials ("Dec. 6", "M. Dupont", "dll.", "J.-C.") do not end a sentence either.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    # English
    "mr mrs ms dr prof sr jr st vs etc e.g i.e no nos inc ltd co corp dept gov gen col lt sgt capt rev fig "
    "jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n a.m p.m approx est "
    # French
    "m mm mme mmes mlle mlles me pr dr st ste av bd boul env cf ex p.ex vol chap art éd min max "
    "janv févr avr juil déc j.-c apr.-j.-c n° nº "
    # Indonesian
    "dll dsb dst dkk bpk bu sdr sdri yth tn ny jl jln kab kec kel prov no hlm tsb ybs s.h s.e s.pd s.kom "
    "ir drs dra h hj kh".split()
)

_END = re.compile(r"([.!?…؟]+[\"'”’»)\]]*)(\s+)")
_STARTS_SENTENCE = re.compile(r"[\"'“‘«(\[]?[\w\u0600-\u06FF]")


def _is_abbreviation(before: str) -> bool:
    word = before.rsplit(None, 1)[-1] if before.strip() else ""
    word = word.lstrip("(\"'“«").lower()
    if not word:
        return False
    bare = word.rstrip(".")
    if bare in ABBREVIATIONS:
        return True
    # Initials: "J." in "J. Smith", and dotted runs of single letters such as "U.S." or "S.H.".
    return bool(re.fullmatch(r"(?:\w\.)*\w", bare))


def split_sentences(text: str, max_chars: int = 600) -> list[str]:
    """Sentences of ``text``, paragraph breaks included as boundaries; none longer than ``max_chars``."""
    sentences: list[str] = []
    for paragraph in text.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        start = 0
        for m in _END.finditer(paragraph):
            end = m.end(1)
            before = paragraph[start:end]
            after = paragraph[m.end() :]
            if not after or not _STARTS_SENTENCE.match(after):
                continue
            if m.group(1).startswith(".") and len(m.group(1)) == 1 and _is_abbreviation(before[:-1]):
                continue
            if after[0].islower() and m.group(1)[0] == ".":
                continue  # "env. 12 000" / "dll. dan" : a lowercase continuation is not a new sentence
            sentences.append(paragraph[start:end].strip())
            start = m.end()
        if paragraph[start:].strip():
            sentences.append(paragraph[start:].strip())
    return [piece for s in sentences for piece in _cap(s, max_chars)]


def _cap(sentence: str, max_chars: int) -> list[str]:
    """Split an over-long sentence at clause punctuation (; ؛ , ،) then spaces, so a model never sees a run-on."""
    if len(sentence) <= max_chars:
        return [sentence]
    for sep in ("; ", "؛ ", ", ", "، ", " "):
        cut = sentence.rfind(sep, 0, max_chars)
        if cut > max_chars // 3:
            head = sentence[: cut + len(sep)].strip()
            return [head, *_cap(sentence[cut + len(sep) :].strip(), max_chars)]
    return [sentence[:max_chars], *_cap(sentence[max_chars:], max_chars)]
