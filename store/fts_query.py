"""What people type into `polynews search`, as an SQLite FTS5 expression: the one place that translation lives.

Plain text is searched as words: each word a user types (``l'audiovisuel``, ``forum-media``, ``12,000``,
``CCTV+``) becomes a quoted FTS5 string, which FTS5 splits with the index's own tokenizer (unicode61), so it
matches the same tokens the text was indexed under (``l`` ``audiovisuel``; ``forum`` ``media``; ``12`` ``000``;
``cctv``) next to each other. FTS5 syntax still works where it is used: ``"a phrase"``, ``AND``/``OR``/``NOT``
(upper case, as FTS5 has them), parentheses, ``prefix*`` and ``title:word`` (a column: title, text, text_en).
A malformed expression (an unclosed quote, a dangling ``AND``) is left for FTS5 to refuse, so the caller can say
why in one line.
"""

from __future__ import annotations

import re

from ingest.errors import QueryError

OPERATORS = frozenset({"AND", "OR", "NOT"})
COLUMNS = frozenset({"title", "text", "text_en"})
# A quoted string (an unclosed one runs to the end: FTS5 then reports "unterminated string"), a parenthesis,
# or a run of anything else up to a space, a quote or a parenthesis.
_TOKEN = re.compile(r'"[^"]*(?:"|$)|[()]|[^\s"()]+')


def _has_word(text: str) -> bool:
    """unicode61 keeps letters and digits (any script) as token characters; a string without one is empty to it."""
    return any(ch.isalnum() for ch in text)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def fts5_expression(user_text: str) -> str:
    """The FTS5 MATCH expression for what a user typed (see the module docstring); raises `QueryError` when
    nothing in it can be searched for (``+``, ``--``)."""
    parts: list[str] = []
    for token in _TOKEN.findall(user_text):
        if token.startswith('"') or token in ("(", ")") or token in OPERATORS:
            parts.append(token)  # FTS5 syntax, used as such
            continue
        column = ""
        name, sep, rest = token.partition(":")
        if sep and name in COLUMNS and rest:
            column, token = f"{name} : ", rest
        prefix = token.endswith("*") and _has_word(token)
        word = token.rstrip("*") if prefix else token
        if not _has_word(word):
            continue  # "+", "-", "&": nothing the index holds
        parts.append(column + _quoted(word) + ("*" if prefix else ""))
    if not any(p not in OPERATORS and p not in ("(", ")") for p in parts):
        raise QueryError(f"nothing to search for in {user_text!r}: give a word, a number or a name")
    return " ".join(parts)
