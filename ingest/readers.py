"""Readers: one document's bytes to `Article` records (text still raw; normalize/ cleans it).

- ``.txt``, ``.text``, ``.md`` (and any other file named on the command line): the seeds' format (Markdown is
  read as plain text); under 20 letters is not an article. An optional leading `` date YYYY-MM[-DD] `` token is the
  publication date, with its precision kept; a first line that reads as a headline is the title.
- ``.html``/``.htm``: trafilatura for the main text, title and date; ``<html lang>`` as a language hint.
- ``.json`` (an object or a list of objects) and ``.jsonl`` (one object a line): ``text`` or ``html``, optional
  ``title``, ``url``, ``published``, ``lang``. One bad record fails alone.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ingest.errors import EmptyInputError, ExtractionError, InputError
from ingest.record import Article, Precision
from ingest.words import word_count

TEXT_SUFFIXES = frozenset({".txt", ".text", ".md"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSON_SUFFIXES = frozenset({".json", ".jsonl", ".ndjson"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES


@dataclass(frozen=True, slots=True)
class ReadOptions:
    # 20 MB is far above any news article (the longest seed is 9 KB) and keeps one process's memory small
    # when someone points polynews at a folder holding a database dump.
    max_bytes: int = 20_000_000


_DATE_TOKEN = re.compile(r"\A\s*date\s+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s)\s*")
_MIN_HTML_WORDS = 12
# A text file (.txt, .text, .md) with fewer letters, in any script, is a stub ("x", "test", a lone URL's few
# words), not an article: the shortest of the 27 published articles in tests/devset has 185 letters, the
# shortest seed in samples/ over 1,000.
_MIN_TEXT_LETTERS = 20
_SENTENCE_END = tuple(".!?…;؟。")
_HTML_LANG = re.compile(rb"<html[^>]*\blang\s*=\s*[\"']?([A-Za-z]{2,3})", re.IGNORECASE)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def parse_date(value: str) -> tuple[str, Precision] | None:
    """``2024``, ``2024-12``, ``2024-12-06`` or an ISO datetime to (date, precision); anything else is None."""
    m = re.match(r"\s*(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?", value or "")
    if not m:
        return None
    year, month, day = m.groups()
    if day and month:
        return f"{year}-{int(month):02d}-{int(day):02d}", "day"
    if month:
        return f"{year}-{int(month):02d}", "month"
    return year, "year"


def _is_headline(line: str, followed_by_blank: bool) -> bool:
    words = word_count(line)  # in any script: a Chinese line has no spaces to split on
    if not words or len(line) > 200 or words > 30:
        return False
    if line.rstrip().endswith(_SENTENCE_END):
        return False
    return followed_by_blank or words <= 15


def parse_txt(text: str) -> dict[str, Any]:
    """Split the seeds' text format into date, title and body."""
    fields: dict[str, Any] = {}
    m = _DATE_TOKEN.match(text)
    if m:
        year, month, day = m.groups()
        parsed = parse_date("-".join(p for p in (year, month, day) if p))
        if parsed:
            fields["published"], fields["published_precision"] = parsed
        text = text[m.end() :]
    lines = text.strip("\n\r\ufeff").splitlines()
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is not None:
        rest = lines[first + 1 :]
        followed_by_blank = bool(rest) and not rest[0].strip()
        if any(r.strip() for r in rest) and _is_headline(lines[first].strip(), followed_by_blank):
            fields["title"] = lines[first].strip()
            text = "\n".join(rest)
    fields["text"] = text
    return fields


def parse_html(html: bytes | str, url: str | None = None) -> dict[str, Any]:
    import trafilatura  # 0.15 s: imported by the runs that read HTML, not by every command

    doc = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True
    )
    doc = doc.as_dict() if doc is not None and not isinstance(doc, dict) else (doc or {})
    extracted = str(doc.get("text") or "").strip()
    # trafilatura's fallbacks return whatever text a page has, a lone "Home" link included; under a dozen
    # words is a navigation page, an error page or a stub, never an article. Words in any script: a Chinese
    # or Japanese article has no spaces to count (ingest/words.py).
    words = word_count(extracted)
    if words < _MIN_HTML_WORDS:
        detail = f"only {words} words extracted" if extracted else "trafilatura extracted nothing"
        raise ExtractionError(f"no article text found in the HTML ({detail})")
    text = str(doc["text"])
    title: str | None = doc.get("title")
    if title and text.startswith(title):
        text = text[len(title) :].lstrip("\n")
    fields: dict[str, Any] = {"text": text, "title": title}
    if doc.get("date"):
        parsed = parse_date(str(doc["date"]))
        if parsed:
            fields["published"], fields["published_precision"] = parsed
    raw = html.encode("utf-8", "replace") if isinstance(html, str) else html
    m = _HTML_LANG.search(raw[:4096])
    if m:
        fields["lang_hint"] = m.group(1).decode().lower()
    if url or doc.get("url"):
        fields["url"] = url or doc.get("url")
    return fields


def _json_record(obj: Any, where: str) -> dict[str, Any]:
    if not isinstance(obj, dict):
        raise ExtractionError(f"{where}: expected a JSON object, got {type(obj).__name__}")
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if isinstance(obj.get("text"), str) and obj["text"].strip():
        fields: dict[str, Any] = {"text": obj["text"]}
    elif isinstance(obj.get("html"), str) and obj["html"].strip():
        fields = parse_html(obj["html"], url=url)
    else:
        raise ExtractionError(f"{where}: no 'text' or 'html' field with content")
    if isinstance(obj.get("title"), str) and obj["title"].strip():
        fields["title"] = obj["title"].strip()
    if url:
        fields["url"] = url
    if isinstance(obj.get("published"), str):
        parsed = parse_date(obj["published"])
        if parsed:
            fields["published"], fields["published_precision"] = parsed
    if isinstance(obj.get("lang"), str) and obj["lang"].strip():
        fields["lang_hint"] = obj["lang"].strip().lower()
    return fields


def _iter_json(text: str, jsonl: bool) -> Iterator[tuple[str, dict[str, Any] | InputError]]:
    """Yield (fragment, fields or error) per record: one bad record fails alone."""
    if jsonl:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                yield f"#{n}", _json_record(json.loads(line), f"line {n}")
            except json.JSONDecodeError as exc:
                yield f"#{n}", ExtractionError(f"line {n}: invalid JSON ({exc.msg} at column {exc.colno})")
            except InputError as exc:
                yield f"#{n}", exc
        return
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ExtractionError(f"invalid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})") from None
    items = data if isinstance(data, list) else [data]
    for n, obj in enumerate(items, 1):
        fragment = f"#{n}" if isinstance(data, list) else ""
        try:
            yield fragment, _json_record(obj, f"item {n}" if fragment else "document")
        except InputError as exc:
            yield fragment, exc


def read_document(source: str, data: bytes, suffix: str) -> Iterator[Article]:
    """Turn one document's bytes into articles; raises `InputError` when the whole document is unusable."""
    from ingest.decode import decode_bytes  # charset_normalizer: only runs that read files need it

    base = Article(source=source, raw_hash=sha256(data), size=len(data))
    suffix = suffix.lower()
    decoded = decode_bytes(data)
    if not decoded.text.strip():
        raise EmptyInputError("empty file (whitespace only)")
    if suffix in HTML_SUFFIXES:
        fields = parse_html(decoded.text)
        yield dataclasses.replace(base, kind="html", encoding=decoded.encoding, **fields)
        return
    if suffix in JSON_SUFFIXES:
        jsonl = suffix in {".jsonl", ".ndjson"}
        for fragment, result in _iter_json(decoded.text, jsonl):
            art = dataclasses.replace(base, source=source + fragment, kind="json", encoding=decoded.encoding)
            if isinstance(result, InputError):
                yield art.fail(str(result))
            else:
                yield dataclasses.replace(art, **result)
        return
    letters = sum(ch.isalpha() for ch in decoded.text)
    if letters < _MIN_TEXT_LETTERS:
        raise EmptyInputError(
            f"too short to be an article ({letters} letters; an article has at least {_MIN_TEXT_LETTERS})"
        )
    yield dataclasses.replace(base, kind="txt", encoding=decoded.encoding, **parse_txt(decoded.text))
