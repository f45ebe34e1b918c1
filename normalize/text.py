"""Unicode clean-up for stored text, and the folded form used only for matching.

Stored text keeps what a reader sees (letters, digits, punctuation, paragraphs); the matching key folds
case, digits, Arabic letter variants and punctuation so that trivially different copies hash the same.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Invisible characters that change bytes but not what a reader sees: zero-width space/joiners, word joiner,
# BOM, soft hyphen, bidi marks and embeddings/isolates (common in Arabic copy-paste), Arabic tatweel.
_INVISIBLE = dict.fromkeys(
    [
        0x200B,
        0x200C,
        0x200D,
        0x2060,
        0xFEFF,
        0x00AD,
        0x200E,
        0x200F,
        0x061C,
        0x0640,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    ]
)
# Arabic presentation forms (contextual glyphs from old PDFs and legacy encodings) fold to base letters.
_ARABIC_PRESENTATION = re.compile("[\ufb50-\ufdff\ufe70-\ufefe]+")
_HSPACE = re.compile(r"[^\S\n]+")  # any whitespace but newline, including NBSP and thin spaces
_BLANKS = re.compile(r"\n{3,}")

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
# Arabic harakat and Quranic marks carry no identity for matching; hamza-carrying alefs, alef maqsura and
# taa marbuta are spelled inconsistently across outlets.
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})
# All of match_key's foldings in one table (their keys and values are disjoint, so one pass equals four):
# str.translate with a dict is a dict look-up per character, 2 ms an Arabic article for four passes.
_MATCH_FOLD = {
    **_INVISIBLE,
    **_DIGITS,
    **_ARABIC_FOLD,
    **dict.fromkeys([*range(0x064B, 0x0660), 0x0670, *range(0x06D6, 0x06EE)]),
}
_NON_WORD = re.compile(r"[\W_]+")


def clean_text(text: str) -> str:
    """NFC, invisible marks removed, Arabic letter forms folded, whitespace collapsed, paragraphs kept."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.translate(_INVISIBLE)
    text = _ARABIC_PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    lines = [_HSPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()


_NEEDS_FOLDING = re.compile("[\u0600-\u06ff\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff\u00ad]")


def digits_to_ascii(text: str) -> str:
    return text.translate(_DIGITS) if _NEEDS_FOLDING.search(text) else text


def match_key(text: str) -> str:
    """The folded form of ``text`` for matching: never stored, never shown."""
    text = unicodedata.normalize("NFKC", text).casefold()
    if _NEEDS_FOLDING.search(text):  # only when it matters: the look-ups cost per character
        text = text.translate(_MATCH_FOLD)
    return _NON_WORD.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """sha256 of the match key: the identity of a document for exact-duplicate detection."""
    return hashlib.sha256(match_key(text).encode("utf-8")).hexdigest()
