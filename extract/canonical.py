"""Canonical entity names: one spelling for one entity, whatever article, case or possessive it came in.

This is the surface-form layer (articles, possessives, spacing, quotes). Cross-script and alias resolution
(Pékin/بكين/Beijing, acronyms defined in the text) builds on it.
"""

from __future__ import annotations

import re
import unicodedata

_LEADING_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_POSSESSIVE = re.compile(r"['’]s$")
_EDGE_PUNCT = re.compile(r"^[\W_]+|[^\w+)\]]+$")  # keep a trailing "+" (CCTV+) or closing bracket
_SPACE = re.compile(r"\s+")


def canonical_name(text: str) -> str:
    name = unicodedata.normalize("NFC", _SPACE.sub(" ", text).strip())
    name = _POSSESSIVE.sub("", _LEADING_ARTICLE.sub("", name))
    return _EDGE_PUNCT.sub("", name).strip() or text.strip()


def fold(name: str) -> str:
    """Case- and accent-insensitive key under which two spellings of one name meet."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
