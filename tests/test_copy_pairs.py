"""bench/copy_pairs.py's measures of a pair of texts, the ones the copy gate does not read, on tuning-half pairs of
bench/realset (session 23, samedoc23)."""

from __future__ import annotations

from pathlib import Path

from bench.copy_pairs import between, lead_kept, verbatim
from normalize.fingerprint import Passages, passages

REALSET = Path(__file__).resolve().parent.parent / "bench" / "realset" / "articles"


def _read(story: str, *langs: str) -> tuple[Passages, ...]:
    return tuple(passages((REALSET / f"{story}-{n}.txt").read_text(encoding="utf-8")) for n in langs)


def test_a_lightly_edited_arabic_copy_keeps_no_sentence_whole() -> None:
    """pk-quetta-fc-bombing-2025 ar-04/ar-05, labelled one AFP Arabic text, re-edited in every sentence ("وأظهرت
    لقطات من كاميرات المراقبة بثّتها وسائل الإعلام" / "... تلقتها وسائل الإعلام"), each with its own lead: no
    sentence of the shorter is kept whole, the profile of the rewordings the labels keep apart."""
    x, y = _read("pk-quetta-fc-bombing-2025", "ar-04", "ar-05")
    assert verbatim(x, y) == 0.0
    assert not lead_kept(x, y)


def test_a_copy_keeps_its_shared_sentences_in_one_block() -> None:
    """il-bnei-brak-shooting-2022 ar-01/ar-02, labelled one text: four of the shorter's five sentences kept
    whole, and no sentence of either between its first and last shared one."""
    x, y = _read("il-bnei-brak-shooting-2022", "ar-01", "ar-02")
    assert verbatim(x, y) == 0.8
    assert between(x, y) == 0.0


def test_two_texts_under_two_leads_interleave_their_own_sentences() -> None:
    """in-sikkim-flood-2023 id-01/id-04 (Medcom; Potret24 reposting detik), labelled two translations of AFP:
    under two leads ("Jakarta: Sedikitnya 23 tentara India hilang ..." / "NEW DELHI – Militer India menyatakan
    ..."), three of id-01's nine sentences kept whole, and own sentences between the shared ones."""
    x, y = _read("in-sikkim-flood-2023", "id-01", "id-04")
    assert round(verbatim(x, y), 2) == 0.33
    assert not lead_kept(x, y)
    assert 0.1 < between(x, y) < 0.25
