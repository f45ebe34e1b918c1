"""Canonical entity names: one spelling for one entity, whatever article, case, possessive or script it came in.

The surface-form layer (articles, possessives, spacing, quotes) applies to every name. Arabic-script names get a
Latin canonical form (``latin_name``): Arabic writes long vowels (ا و ي) but not short ones, so "يانغ شو" reads
"Yang Shu" and "حمد حسن" reads "Hmd Hsn". ``name_key`` is the consonant skeleton under which spellings of one
name meet across scripts and transliteration habits ("Hamad Hassan", "Hamed Hasan" and "حمد حسن" are all
"hmd hsn"); the store uses it to give an Arabic-script name the Latin spelling other articles use
(store/names.py). Places get their canonical name from the gazetteer instead (extract/gazetteer.py).

Transliteration is anyascii's (why that package: maintained, no dependencies, every script in one table, and
unlike unidecode it never emits "@" or capitals as letter codes). It renders letters one by one and drops alef,
so the vowel letters and the article are read first, by the conventions of names in Arabic news: ا a, و u/w,
ي i/y, ة and ى a, "ال" al-, and a final "نغ" ng (Chinese names: بينغ Ping, يانغ Yang).
"""

from __future__ import annotations

import functools
import re
import unicodedata

from anyascii import anyascii

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
# A French article elided onto a name, in lower case: "l’ONU", "l'AFP", "d'Unicef" (French NER keeps it in the
# span; "L'Oréal", capitalised, is the name itself).
_ELIDED_ARTICLE = re.compile(r"^[ld]['’](?=[A-ZÀ-Ý])")
_POSSESSIVE = re.compile(r"['’]s$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[^\w+)\]]+$")  # keep a trailing "+" (CCTV+) or closing bracket
_SPACE = re.compile(r"\s+")
ARABIC_LETTER = re.compile("[\u0620-\u064a\u0671-\u06d3\u06fa-\u06ff]")
# Harakat, Quranic marks and tatweel: rare in news and never part of a name's identity.
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ALEFS = "اأإآٱ"
_VOWEL_LETTERS = _ALEFS + "ةى"
# Words spelled one way in every Latin transliteration of names.
_WORDS = {"الله": "Allah", "بن": "bin", "ابن": "ibn", "بنت": "bint", "أبو": "Abu", "ابو": "Abu", "عبد": "Abd"}
_LETTER = {
    "ة": "a",
    "ى": "a",
    "ء": "",
    "ئ": "",
    "ؤ": "u",
    "إ": "i",
}


def canonical_name(text: str) -> str:
    name = unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", _ELIDED_ARTICLE.sub("", name)))
    name = _EDGE_PUNCT.sub("", name).strip() or text.strip()
    return latin_name(name) if ARABIC_LETTER.search(name) else name


def fold(name: str) -> str:
    """Case- and accent-insensitive key under which two spellings of one name meet."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


# Called for every word of every Arabic-script name: the words repeat, the answers are cached.
@functools.lru_cache(maxsize=65536)
def _romanize_word(word: str) -> str:
    if word in _WORDS:
        return _WORDS[word]
    prefix = ""
    if word.startswith("ال") and len(word) > 3:
        prefix, word = "al-", word[2:]
    ng = word.endswith("نغ") and len(word) > 2
    if ng:
        word = word[:-2]
    out: list[str] = []
    for i, ch in enumerate(word):
        nxt = word[i + 1] if i + 1 < len(word) else "."  # never a letter of the tables below
        after_vowel = bool(out) and out[-1][-1:] in ("a", "i", "u")
        if ch in _ALEFS and ch != "إ":
            piece = "" if after_vowel and ch == "ا" and out[-1].endswith("a") else "a"
        elif ch == "و":
            piece = "w" if i == 0 or after_vowel or nxt in _VOWEL_LETTERS else "u"
        elif ch == "ي":
            piece = "y" if i == 0 or after_vowel else "iy" if nxt in _VOWEL_LETTERS else "i"
        elif ch == "ع":
            piece = "" if nxt in _ALEFS or after_vowel else "a"
        elif ch in _LETTER:
            piece = _LETTER[ch]
        else:
            piece = anyascii(ch)
        out.append(piece)
    latin = "".join(out) + ("ng" if ng else "")
    return prefix + latin[:1].upper() + latin[1:] if latin else prefix.rstrip("-")


# Regnal numbers: Arabic writes the ordinal ("عبد الله الثاني", "محمد السادس"), Latin a Roman numeral ("Abdullah
# II", "Mohammed VI"): latin_name writes the numeral, and name_key keeps it (in lower case) after the first word.
_AR_ORDINALS = {
    "الثاني": "II",
    "الثانية": "II",
    "الثالث": "III",
    "الثالثة": "III",
    "الرابع": "IV",
    "الرابعة": "IV",
    "الخامس": "V",
    "السادس": "VI",
    "السابع": "VII",
    "الثامن": "VIII",
    "التاسع": "IX",
}
_ROMAN = frozenset({"II", "III", "IV", "V", "VI", "VII", "VIII", "IX"})


def _name_words(words: list[str]) -> list[str]:
    """An Arabic-script name's words as Latin spellings write them: ordinals after the first word as Roman
    numerals ("عبد الله الثاني" Abd Allah II), "ولد" (son of) after the first word as "Ould", and a final ة before
    "الله" read "t", as Arabic reads it before a genitive ("هداية الله" Hdayt Allah: Hedayatullah)."""
    out = []
    for i, word in enumerate(words):
        if i and word in _AR_ORDINALS:
            word = _AR_ORDINALS[word]
        elif i and word == "ولد":
            word = "Ould"
        elif word.endswith("ة") and i + 1 < len(words) and words[i + 1] == "الله":
            word = word[:-1] + "ت"
        out.append(word)
    return out


def latin_name(text: str) -> str:
    """A readable Latin form of a name written in Arabic script; other scripts through anyascii, Latin kept."""
    text = _ARABIC_MARKS.sub("", unicodedata.normalize("NFC", text))
    words = []
    for word in _name_words(text.split()):
        if ARABIC_LETTER.search(word):
            words.append(_romanize_word(word))
        else:
            words.append(word if word.isascii() else anyascii(word) or word)
    name = " ".join(w for w in words if w)
    return name[:1].upper() + name[1:]


_KEY_ARTICLE = re.compile(r"\b(?:al|el|ul)-", re.IGNORECASE)
# Spellings of one sound in the transliteration habits of English, French and Indonesian news.
_KEY_FOLDS = (("ph", "f"), ("dj", "j"), ("tch", "sh"), ("ch", "sh"), ("q", "k"), ("c", "k"), ("ou", "u"))
_KEY_VOWELS = re.compile("[aeiouyw]")
_REPEATS = re.compile(r"(.)\1+")
# Compound names Arabic writes as two words and Latin spellings as one or two, each way by habit: "عبد المجيد"
# Abdelmadjid, Abdul Mateen; "أبو الغيط" Aboul Gheit; "هداية الله" Hedayatullah, "عبد الله" Abdullah. The key
# joins the two words and drops the article's vowel and "l" that Latin writes into the first ("Abdel", "Aboul",
# "Abdur-Rahman"), so that every spelling is one word: "abdmgd", "abgt", "hdtl", "abdl".
_SERVANT_OF = frozenset({"abd", "abdel", "abdul", "abdal", "abdol", "abdoul", "abdou", "abdu"})
_FATHER_OF = frozenset({"abu", "abou", "abo", "aboul", "abul", "abol"})
_GOD = frozenset({"allah", "ullah", "ulla", "ollah", "alla"})
_COMPOUND_ARTICLE = re.compile(r"^(abd|ab)(?:[aeiou]+l|[aeiou]+(?=([a-z])\2))(?=[a-z])")
# "son of" (بن, ابن, ولد; bin, ibn, ben, Ould): one word "bn" in every spelling. Tried and dropped: leaving it out
# of the key between two names (Arabic news sometimes leaves it out, "محمد زايد آل نهيان" for Mohamed bin Zayed
# Al Nahyan: one more meet on bench/realset's tuning half), which made "Mohammed bin Salman" and another article's
# "Muhammad Salman" one key.
_SON_OF = frozenset({"bin", "ibn", "ben", "ould"})


def _joined_words(latin: str) -> list[str]:
    """The name's words in lower case, compounds joined (_SERVANT_OF, _FATHER_OF, _GOD), Roman numerals after the
    first word kept as they are."""
    raw = re.findall(r"[A-Za-z]+", _KEY_ARTICLE.sub("", latin))
    words: list[str] = []
    i = 0
    while i < len(raw):
        word = raw[i] if words and raw[i] in _ROMAN else raw[i].lower()
        if word in _GOD and words and words[-1] not in _ROMAN:
            words[-1] += word
        elif (word in _SERVANT_OF or word in _FATHER_OF) and i + 1 < len(raw) and raw[i + 1] not in _ROMAN:
            words.append(word + raw[i + 1].lower())
            i += 1
        else:
            words.append(word)
        i += 1
    return [_COMPOUND_ARTICLE.sub(r"\1", w) if w[:2] == "ab" else w for w in words]


def name_key(name: str) -> str:
    """The consonant skeleton of a person's or organisation's name, in any script: lower case, article "al-"
    dropped, compounds one word (_joined_words), vowels and the half-vowels y/w dropped after a word's first letter
    (a first vowel counts as "a"), doubled letters single, a final "h" dropped, common digraph spellings folded."""
    latin = latin_name(name) if ARABIC_LETTER.search(name) else anyascii(name)
    words = []
    for word in _joined_words(latin):
        if word in _ROMAN:
            words.append(word.lower())
            continue
        if word in _SON_OF:
            words.append("bn")  # "son of", first or last: one word in every spelling
            continue
        for a, b in _KEY_FOLDS:
            word = word.replace(a, b)
        head = "a" if word[0] in "aeiou" else word[0]
        word = _REPEATS.sub(r"\1", head + _KEY_VOWELS.sub("", word[1:]))
        if len(word) > 2 and word.endswith("h"):
            word = word[:-1]
        words.append(word)
    return " ".join(words)
