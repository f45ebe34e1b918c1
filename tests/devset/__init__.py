"""A labelled development set for duplicates and stories (tests/devset/base.json, written for polynews).

27 written articles in Arabic, English, French and Indonesian: originals, their translations, updated copies,
independent reports of the same events, and hard negatives (the same place or kind of event, a different
event; the next or previous edition of the same annual event). ``build`` adds 14 syndicated copies made from
them here: other wrappers (an agency credit line, a reporter's sign-off that normalisation keeps) or trimmed
to their first paragraphs. Labels: ``doc`` (same document, so a duplicate) and ``event`` (same story).
"""

from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent

_WRAPPERS = {
    "en": ("(Wire) -", "Reporting by staff correspondents; editing by the news desk."),
    "fr": ("(Agence) -", "Avec nos correspondants ; édité par la rédaction."),
    "id": ("(Kantor Berita) -", "Laporan koresponden; penyunting: redaksi."),
    "ar": ("(وكالات) -", "تقرير مراسلينا؛ تحرير قسم الأخبار."),
}
# (new id, base id, how): "wrap" adds an agency prefix and a sign-off; "trim" keeps the first two paragraphs.
_COPIES = [
    ("quake-en-wrap", "quake-en", "wrap"),
    ("quake-en-trim", "quake-en", "trim"),
    ("quake-id-wrap", "quake-id", "wrap"),
    ("crash-en-wrap", "crash-en", "wrap"),
    ("crash-id-trim", "crash-id", "trim"),
    ("fire-en-wrap", "fire-en", "wrap"),
    ("fire-ar-trim", "fire-ar", "trim"),
    ("book-fr-wrap", "book-fr", "wrap"),
    ("book-en-trim", "book-en", "trim"),
    ("asean-en-wrap", "asean-en", "wrap"),
    ("asean-en-trim", "asean-en", "trim"),
    ("asean-fr-wrap", "asean-fr", "wrap"),
    ("gitex-ar-wrap", "gitex-ar", "wrap"),
    ("gitex-en-wrap", "gitex-en", "wrap"),
]


@dataclass(frozen=True, slots=True)
class Item:
    id: str
    lang: str
    date: str
    doc: str
    event: str
    kind: str
    text: str


def items() -> list[Item]:
    base = [Item(**row) for row in json.loads((HERE / "base.json").read_text(encoding="utf-8"))]
    by_id = {i.id: i for i in base}
    out = list(base)
    for new, source, how in _COPIES:
        b = by_id[source]
        paragraphs = b.text.split("\n\n")
        if how == "trim":
            text = "\n\n".join(paragraphs[:2])
        else:
            prefix, signoff = _WRAPPERS[b.lang]
            text = f"{prefix} {b.text}\n\n{signoff}"
        out.append(Item(new, b.lang, b.date, b.doc, b.event, f"copy-{how}", text))
    return out


def build(folder: Path) -> list[Item]:
    """Write each item as ``<id>.txt`` in the seeds' format (leading date token)."""
    folder.mkdir(parents=True, exist_ok=True)
    all_items = items()
    for item in all_items:
        (folder / f"{item.id}.txt").write_text(f" date {item.date} {item.text}\n", encoding="utf-8")
    return all_items


def pairs(groups: dict[str, str | None]) -> set[frozenset[str]]:
    """Unordered pairs of ids that share a non-null group."""
    by: dict[str, list[str]] = {}
    for key, group in groups.items():
        if group is not None:
            by.setdefault(group, []).append(key)
    return {frozenset(p) for members in by.values() for p in itertools.combinations(sorted(members), 2)}


def precision_recall(predicted: set[frozenset[str]], truth: set[frozenset[str]]) -> tuple[float, float]:
    hit = len(predicted & truth)
    return (hit / len(predicted) if predicted else 1.0, hit / len(truth) if truth else 1.0)
