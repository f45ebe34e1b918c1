"""Fingerprints for duplicate and story matching: a MinHash of word shingles, and language-independent anchors.

- MinHash (datasketch) over 3-word shingles of the folded text: the Jaccard similarity of two texts in one
  language, estimated from 128 numbers an article.
- Anchors: what survives translation unchanged. Numbers (12 000, 12,000 and ١٢٠٠٠ are one number), years,
  ordinals (10th, 13e, ke-13: an edition number), codes (MH370, 3D), Latin-script names and acronyms (they
  stay in Latin letters in Indonesian, French and English text alike), URLs and handles. Two reports of one
  event share many; two articles on the same topic share few.
"""

from __future__ import annotations

import functools
import re
import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from normalize.text import digits_to_ascii, match_key

NUM_PERM = 128
SHINGLE = 3
_SEED = 1

_URL = re.compile(r"https?://[^\s)>\]]+|www\.[^\s)>\]]+")
_HANDLE = re.compile(r"(?<!\w)[@#][A-Za-z_][\w]{2,}")
# ASCII-only boundaries: in Arabic a conjunction is written onto the number ("و480" is "and 480").
_NUMBER = re.compile(
    r"(?<![0-9A-Za-z.,])(\d{1,3}(?:[ .,\u00a0\u202f]\d{3})+(?![.,]?\d)|\d+)(?:[.,](\d{1,2}))?(?![0-9A-Za-z])"
)
# Ordinals in the four languages: 10th, 13e, 13ème, 2nd, ke-13, ke 13.
_ORDINAL = re.compile(
    r"(?<!\w)(?:(\d{1,3})(?:st|nd|rd|th|e|ème|eme|er|re)|ke[- ](\d{1,3}))(?!\w)", re.IGNORECASE
)
# Arabic editions: "القمة العربية الـ32", "في دورتها ال32", "القمة العربية 33" (a number right after an
# edition's noun and at most one adjective), and ordinals in words from 21st to 99th ("الثالثة والثلاثين": unit,
# "و", tens). Units and tens alone are left out: "الأول" is also December's "كانون الأول" and "العشرين" the G20's
# "مجموعة العشرين". Seen on bench/realset's tuning half (the 32nd and 33rd Arab League summits, COP28).
_AR_EDITION = re.compile(
    r"(?<!\w)(?:ال)?(?:قمة|دورة|دورتها|بدورتها|مؤتمر|نسخة|نسختها|منتدى|اجتماع)(?:\s+ال\w+ي[ةه]?)?"
    r"\s+(?:الـ\s*|ال)?(\d{1,3})(?!\s*(?:[\d%٪]|ساع|عام|سن|يوم|شخص|دول|مليون|ألف))"
)
_AR_UNITS = {
    "حادي": 1, "حادية": 1, "ثاني": 2, "ثانية": 2, "ثالث": 3, "ثالثة": 3, "رابع": 4, "رابعة": 4,
    "خامس": 5, "خامسة": 5, "سادس": 6, "سادسة": 6, "سابع": 7, "سابعة": 7, "ثامن": 8, "ثامنة": 8,
    "تاسع": 9, "تاسعة": 9,
}  # fmt: skip
_AR_TENS = {"عشرين": 20, "ثلاثين": 30, "أربعين": 40, "اربعين": 40, "خمسين": 50, "ستين": 60, "سبعين": 70,
            "ثمانين": 80, "تسعين": 90}  # fmt: skip
_AR_ORDINAL_WORDS = re.compile(
    r"(?<!\w)ال(" + "|".join(_AR_UNITS) + r")\s+وال(" + "|".join(_AR_TENS) + r")(?!\w)"
)
# Aircraft types by family, in Latin and Arabic script: two crash reports naming two different types report two
# crashes (bench/realset's tuning half: Yeti Airlines' ATR 72 at Pokhara and Saurya Airlines' CRJ-200 at
# Kathmandu, same country, same route, eighteen months apart). A family, not a variant: "Boeing 737-800" and
# "737 MAX", "ATR 72-500" and "ATR-72" are one.
_AIRCRAFT = (
    (re.compile(r"(?<!\w)(?:Boeing|بوينغ|بوينج|بوينك)\s*[\"“]?\s*(7[0-8]7)(?!\d)", re.IGNORECASE), "b{}"),
    (
        re.compile(r"(?<!\w)(?:Airbus|إيرباص|ايرباص|إيرباس)\s*[\"“]?\s*A?\s*(3[0-8])\d(?!\d)", re.IGNORECASE),
        "a{}",
    ),
    (re.compile(r"(?<![\w-])A(3[0-8])\d(?:neo)?(?![\w-])"), "a{}"),
    (re.compile(r"(?<!\w)(?:ATR|(?:إيه|ايه|آي|اي)\s+تي\s+(?:آر|ار))(?:[\s-]*\d{2})?(?!\w)"), "atr"),
    (re.compile(r"(?<!\w)(?:CRJ|سي\s+(?:آر|ار)\s+جي|بومباردييه|بومبارديه)(?!\w)"), "crj"),
    (re.compile(r"(?<!\w)Bombardier(?!\s+(?:Q|Dash|Global|Challenger|Learjet)\b)"), "crj"),
    (re.compile(r"(?<!\w)(?:Embraer|إمبراير|امبراير)(?!\w)", re.IGNORECASE), "emb"),
    (re.compile(r"(?<!\w)(?:Dash[\s-]?8|Q400)(?!\w)"), "dash8"),
)
_CODE = re.compile(r"(?<!\w)(?=[A-Za-z]*\d)(?=\d*[A-Za-z])[A-Za-z\d]{2,10}(?!\w)")
# A run of capitalised Latin words (with short connectors inside): "Shen Haixiong", "Global South",
# "China Media Group", "Asia-Pacific Broadcasting Union".
_NAME = re.compile(
    r"(?<![\w])(?:[A-Z][\w'’+-]*[A-Za-z+])(?:\s+(?:(?:of|the|for|de|du|des|la|le)\s+)?[A-Z][\w'’+-]*[A-Za-z+])*"
)
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:\n\"“«]\s*|--\s*)$")
_ACRONYM = re.compile(r"(?<!\w)[A-Z]{2,}\+?(?!\w)")
# Capitalised words that start sentences in any of the four languages and name nothing.
_STOP_NAMES = frozenset(
    "The A An In On At It This That These Those For And But Or As By With From To Of Its His Her Their Our We "
    "He She They Le La Les Un Une Des Du De Dans Par Pour Avec Sur Et Il Elle Ils Ce Cette Ces Au Aux "
    "Di Ke Dari Dan Yang Ini Itu Para Pada Dalam Untuk Dengan Sebagai Hal Ajang Maka Forum".split()
)
# Words that are inside many names and identify none of them.
_NAME_WORDS = frozenset(
    "international national central agency ministry department minister committee association union "
    "council office group company world global city province regency university school hospital airport "
    "market festival summit conference forum president chairman director spokesman "
    "nasional internasional kementerian menteri badan kepala provinsi kabupaten kota bandara pasar presiden "
    "nationale internationale ministère ministre agence comité président ville province marché".split()
)
_MONTHS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday "
    "Sunday Januari Februari Maret Mei Juni Juli Agustus Oktober Desember Senin Selasa Rabu Kamis Jumat "
    "Sabtu Minggu Janvier Février Mars Avril Mai Juin Juillet Août Septembre Octobre Novembre Décembre".split()
)


@dataclass(frozen=True, slots=True)
class Fingerprint:
    minhash: np.ndarray
    anchors: frozenset[str]


def shingles(text: str, k: int = SHINGLE) -> list[bytes]:
    words = match_key(text).split()
    if len(words) < k:
        return [" ".join(words).encode()] if words else []
    return [" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)]


# The permutations depend only on the seed: drawing them takes 0.25 ms, five times the hashing itself, so they
# are drawn once. CRC-32 (C, stable across processes) hashes shingles; datasketch's default SHA-1 is Python-
# level work per shingle. Signatures are persisted, so neither may change without a migration.
_SCHEME = "affine32"  # datasketch 2's default: uint32 values, collision-free permutations


@functools.cache
def _permutations() -> Any:
    # datasketch imports scipy (0.6 s): only when a text is fingerprinted, not for every command.
    from datasketch import MinHash

    return MinHash(num_perm=NUM_PERM, seed=_SEED, scheme=_SCHEME).permutations


def minhash(text: str) -> np.ndarray:
    """128 MinHash values (uint32) of the text's 3-word shingles."""
    return minhash_of(shingles(text))


def minhash_of(grams: list[bytes]) -> np.ndarray:
    from datasketch import MinHash

    m = MinHash(
        num_perm=NUM_PERM, seed=_SEED, hashfunc=zlib.crc32, permutations=_permutations(), scheme=_SCHEME
    )
    m.update_batch(grams)
    values: np.ndarray = m.hashvalues.astype(np.uint32)
    return values


# Passage samples: a syndicated copy cut or re-led elsewhere shares a run of text with its original but may
# share under a fifth of its shingles (Jaccard 0.12-0.3 on bench/realset's tune half), which MinHash LSH at 0.5
# never proposes. Every 4-word shingle whose CRC-32 is 0 modulo 32 is posted like an anchor ("t:..."), so two
# texts sharing a passage of about 130 words share some four samples whatever else they hold (winnowing's
# "0 mod p" selection; Schleimer, Wilkerson & Aiken 2003). Sampling by value, not position, makes both texts
# pick the same shingles. Only candidates come from them: they weigh nothing in a score. Modulo 8 found no
# more copies on the tuning half than 32 and made the 100,000-article matching bench 3.7x slower (postings);
# none at all let a false story merge through on the tuning half.
_SAMPLE_WORDS = 4
_SAMPLE_MOD = 32


def passage_samples(text: str) -> frozenset[str]:
    words = match_key(text).split()
    out = set()
    for i in range(len(words) - _SAMPLE_WORDS + 1):
        h = zlib.crc32(" ".join(words[i : i + _SAMPLE_WORDS]).encode())
        if h % _SAMPLE_MOD == 0:
            out.add(f"t:{h:08x}")
    return frozenset(out)


# Copies and quotations, read from the two texts themselves: which candidates are copies once their MinHash
# containment says they share a part (store/matching.py). A syndicated copy shares its narrative: several
# paragraphs of one text, or most of a short cut. Two outlets that are not copies share other things verbatim:
# a speaker's words, which every report of one statement quotes ("..." / « ... » / “ ... ”), and one wire
# paragraph quoted inside an outlet's own text. So the overlap is measured exactly (MinHash estimates of the
# containment of 100-300-shingle texts drift by +-0.1), with numbers as one token (a wire update changes its
# tolls, not its sentences), outside quotation marks as well as in all, and by paragraph.
_QUOTED = re.compile(r'“[^”“\n]*”|«[^»«\n]*»|„[^“„\n]*“|"[^"\n]*"')
_PARAGRAPH_WORDS = 8  # a line shorter than this (a byline, a caption credit, a menu) is not a paragraph
# Sentences, for fidelity (copy_overlap()): a line is cut after a full stop, question or exclamation mark (Latin
# or Arabic) or a closing quotation mark that a space follows. A run of fewer than six words (a dateline, a
# credit, "Read also") is no sentence.
_SENTENCE_END = re.compile(r"(?<=[.!?؟…»”\"])\s+")
# A sentence of prose ends so; a run that does not (a related-links headline, a menu, a caption) is page chrome,
# which copies carry at their ends as often as not (copy_overlap()'s own_after counts prose only).
_DIGITS = re.compile(r"\d+")  # "2,150", "2 150" and "2.150" give the same runs in every language
_PROSE_END = re.compile(r"[.!?؟…»”\"'’)]\s*$")
_SENTENCE_WORDS = 6


def _copy_words(text: str) -> list[str]:
    return ["#" if w.isdigit() else w for w in match_key(digits_to_ascii(text)).split()]


def _grams(words: list[str]) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)}


@dataclass(frozen=True, slots=True)
class Passages:
    """What copy_overlap() compares of one text: its shingles, those outside quotation marks, its paragraphs and
    its sentences."""

    grams: frozenset[tuple[str, ...]]
    unquoted: frozenset[tuple[str, ...]]
    paragraphs: tuple[frozenset[tuple[str, ...]], ...]
    paragraph_words: tuple[int, ...]
    words: int
    sentences: tuple[frozenset[tuple[str, ...]], ...]
    prose: tuple[bool, ...]  # for each of ``sentences``: whether it ends as a sentence of prose does
    numbers: tuple[str, ...] = ()  # its runs of digits in order, which a translation keeps (matching.py)


def passages(text: str) -> Passages:
    lines = [_copy_words(line) for line in text.split("\n")]
    lines = [w for w in lines if w]
    everything = [w for line in lines for w in line]
    paragraphs = [line for line in lines if len(line) >= _PARAGRAPH_WORDS]
    sentences = [
        (words, bool(_PROSE_END.search(sentence)))
        for line in text.split("\n")
        for sentence in _SENTENCE_END.split(line)
        if len(words := _copy_words(sentence)) >= _SENTENCE_WORDS
    ]
    return Passages(
        frozenset(_grams(everything)),
        frozenset(_grams(_copy_words(_QUOTED.sub("\n", text)))),
        tuple(frozenset(_grams(p)) for p in paragraphs),
        tuple(len(p) for p in paragraphs),
        len(everything),
        tuple(frozenset(_grams(words)) for words, _ in sentences),
        tuple(prose for _, prose in sentences),
        tuple(_DIGITS.findall(digits_to_ascii(text))),
    )


@dataclass(frozen=True, slots=True)
class Overlap:
    contained: float  # the share of the shorter text's shingles found in the other
    unquoted: float  # the same outside quotation marks
    paragraphs: int  # the most paragraphs of either text that are mostly (half their shingles) in the other
    shorter_share: float  # the share of the shorter text's words in such paragraphs
    fidelity: float  # how whole the shared sentences are kept, the lower of both texts (_fidelity())
    sentences: int = 0  # the most sentences of either text that are mostly (half their shingles) in the other
    own_after: int = 0  # the fewer, of both texts, own prose sentences after the last shared (_own_after())


def _share(x: frozenset[tuple[str, ...]], y: frozenset[tuple[str, ...]]) -> float:
    return len(x & y) / max(1, min(len(x), len(y)))


# A sentence "shared" with the other text: a third or more of its shingles found there. One word changed costs a
# sentence three shingles, so a sentence a copy keeps verbatim keeps all of them and one an editor reworded
# keeps about half.
_SHARED_SENTENCE = 1 / 3


def _fidelity(x: Passages, other: Passages) -> float:
    """Of the sentences of ``x`` shared with ``other``, the share of their shingles found there (1.0 when none is
    shared). A copy cut or re-led at another point keeps the sentences it keeps whole; an agency's later version
    with edited sentences, a rewrite or a re-translation shares as many shingles, spread over sentences it keeps
    in part."""
    found = total = 0
    for sentence in x.sentences:
        hit = len(sentence & other.grams)
        if hit and hit >= _SHARED_SENTENCE * len(sentence):
            found += hit
            total += len(sentence)
    return found / total if total else 1.0


def _mostly_in(x: Passages, other: Passages) -> list[bool]:
    return [2 * len(sentence & other.grams) >= len(sentence) for sentence in x.sentences]


def _own_after(x: Passages, other: Passages, mostly: list[bool]) -> int:
    """Sentences of prose of ``x`` after its last sentence mostly in ``other`` that share nothing like a third of
    their shingles with it: what a text goes on with after the part two texts share. A copy cut at another point
    ends near where the shared part ends (or goes on with page chrome); two outlets' texts that take one wire
    lead and go on each with its own body both go on."""
    last = max((k for k, m in enumerate(mostly) if m), default=len(mostly))
    return sum(
        1
        for sentence, prose in zip(x.sentences[last + 1 :], x.prose[last + 1 :], strict=True)
        if prose and len(sentence & other.grams) < _SHARED_SENTENCE * len(sentence)
    )


def copy_overlap(a: Passages, b: Passages) -> Overlap:
    def found(x: Passages, other: Passages) -> tuple[int, float]:
        hit = [
            n
            for p, n in zip(x.paragraphs, x.paragraph_words, strict=True)
            if 2 * len(p & other.grams) >= len(p)
        ]
        return len(hit), sum(hit) / max(1, x.words)

    (na, sa), (nb, sb) = found(a, b), found(b, a)
    return Overlap(
        _share(a.grams, b.grams),
        _share(a.unquoted, b.unquoted),
        max(na, nb),
        sa if a.words <= b.words else sb,
        min(_fidelity(a, b), _fidelity(b, a)),
        max(sum(ma := _mostly_in(a, b)), sum(mb := _mostly_in(b, a))),
        min(_own_after(a, b, ma), _own_after(b, a, mb)),
    )


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _opens_sentence(text: str, pos: int) -> bool:
    """Does a sentence (or line, or quotation) open right before ``pos``?"""
    return bool(_SENTENCE_START_RE.search(text[max(0, pos - 4) : pos]))


def _number(raw: str) -> str:
    return re.sub(r"[ .,\u00a0\u202f]", "", raw)


_CENTURY_BEFORE = re.compile(r"(?:القرن|abad|siècle|century)\s*$", re.IGNORECASE)
_CENTURY_AFTER = re.compile(r"\s*(?:century|siècle|s\.)", re.IGNORECASE)


def _century(text: str, m: re.Match[str]) -> bool:
    """ "the 21st century", "XXIe siècle", "abad ke-21", "القرن الحادي والعشرين": an ordinal, not an edition."""
    return bool(
        _CENTURY_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _CENTURY_AFTER.match(text, m.end())
    )


# An ordinal that counts time or a storey is no edition: "au 8e mois d'une guerre", "the 5th day of the search",
# "hari ke-3 pencarian", "the 10th floor" (bench/realset tune-a: a French report of the 33rd Arab League summit,
# "au 8e mois" of the Gaza war, was kept from its story by "editions differ").
_TIME_AFTER = re.compile(
    r"\s+(?:mois|jours?|journée|semaines?|années?|ans?|heures?|nuits?|étages?|months?|days?|weeks?|years?|hours?"
    r"|nights?|floors?|storeys?)\b",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"(?:hari|bulan|minggu|pekan|tahun|jam|malam|lantai)\s*$", re.IGNORECASE)


def _counts_time(text: str, m: re.Match[str]) -> bool:
    return bool(
        _TIME_AFTER.match(text, m.end()) or _TIME_BEFORE.search(text, max(0, m.start() - 8), m.start())
    )


def anchors(text: str) -> frozenset[str]:
    """Typed anchors: ``n:200``, ``y:2024``, ``o:12``, ``c:mh370``, ``m:b737`` (an aircraft family),
    ``x:shen haixiong``, ``u:...``."""
    text = digits_to_ascii(text)
    found: set[str] = set()
    if "http" in text or "www." in text:
        for url in _URL.findall(text):
            found.add("u:" + url.rstrip(".,;").lower().removeprefix("https://").removeprefix("http://"))
        text = _URL.sub(" ", text)
    if "@" in text or "#" in text:
        found.update("h:" + h.lower() for h in _HANDLE.findall(text))
    for m in _ORDINAL.finditer(text):
        if not _century(text, m) and not _counts_time(text, m):
            found.add("o:" + (m.group(1) or m.group(2)))
    if "ال" in text:
        found.update("o:" + str(int(m.group(1))) for m in _AR_EDITION.finditer(text))
        found.update(
            f"o:{_AR_UNITS[m.group(1)] + _AR_TENS[m.group(2)]}"
            for m in _AR_ORDINAL_WORDS.finditer(text)
            if not _century(text, m)
        )
    for pattern, family in _AIRCRAFT:
        found.update("m:" + family.format(*m.groups()) for m in pattern.finditer(text))
    for m in _NUMBER.finditer(text):
        value = _number(m.group(1))
        if m.group(2):  # a decimal: 6.4 and 6,4 are one magnitude
            found.add(f"n:{int(value)}.{m.group(2)}")
        elif len(value) == 4 and value.startswith(("19", "20")):
            found.add("y:" + value)
        elif int(value) >= 10:  # small whole numbers ("two", "3") are everywhere
            found.add("n:" + value)
    found.update(
        "c:" + c.lower() for c in _CODE.findall(text) if not c.isdigit() and not _ORDINAL.fullmatch(c)
    )
    text = text.replace("--", " -- ")
    for m in _NAME.finditer(text):
        words = [
            _POSSESSIVE.sub("", w) for w in m.group().split() if w not in _STOP_NAMES and w not in _MONTHS
        ]
        name = " ".join(words)
        if len(name) < 3 or not words:
            continue
        if len(words) == 1 and _opens_sentence(text, m.start()) and not name.isupper():
            continue  # one capitalised word opening a sentence is usually just a capitalised word
        found.add("x:" + name.lower())
        if len(words) > 1:
            # The words of a multi-word name, too: "Kabupaten Donggala dan Sigi" and "Sigi and Donggala"
            # share no name but two words. Weighted lower than whole names.
            found.update("w:" + w.lower() for w in words if len(w) >= 4 and w.lower() not in _NAME_WORDS)
    found.update("x:" + a.lower() for a in _ACRONYM.findall(text))
    return frozenset(found)


def fingerprint(text: str) -> Fingerprint:
    return Fingerprint(minhash(text), anchors(text))
