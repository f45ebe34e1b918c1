"""Counting words in any script: the rules that decide by length (the shortest article, a prompt line, a
credit line) count words, and a Chinese or Japanese text has no spaces to split on."""

from __future__ import annotations

import re

# Scripts written without spaces between words: Han, kana, Thai, Lao, Tibetan, Myanmar, Khmer.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u0f00-\u0fff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f]"
)
_HAS_WORD = re.compile(r"\w")


def word_count(text: str) -> int:
    """Words in ``text`` in any script, for the rules that count them (the minimum length of an article, the
    length of a prompt or a credit line): the space-separated tokens with a letter or digit in them ("-" and
    "|" are not words, "record-breaking" is one), and in scripts written without spaces (Chinese, Japanese,
    Thai...) one word for every two characters, the usual length of a Chinese word. Splitting on spaces alone
    counted a Chinese paragraph as one word."""
    unspaced = len(_UNSPACED.findall(text))
    if unspaced:
        text = _UNSPACED.sub(" ", text)
    return sum(1 for token in text.split() if _HAS_WORD.search(token)) + (unspaced + 1) // 2
