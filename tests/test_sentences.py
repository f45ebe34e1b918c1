from __future__ import annotations

import pytest

from normalize.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BEIJING, Dec. 6, 2024 -- The forum opened. It was big!",
            ["BEIJING, Dec. 6, 2024 -- The forum opened.", "It was big!"],
        ),
        (
            "M. Dupont est arrivé. Il a vu env. 12 000 personnes. Mme Durand aussi.",
            ["M. Dupont est arrivé.", "Il a vu env. 12 000 personnes.", "Mme Durand aussi."],
        ),
        (
            "Hadir Bpk. Joko, dll. dan tamu. Mereka datang Selasa (3/12). Semua senang.",
            ["Hadir Bpk. Joko, dll. dan tamu.", "Mereka datang Selasa (3/12).", "Semua senang."],
        ),
        (
            "هل حضر الحفل؟ نعم، حضر السيد يانغ شو. وألقى كلمة؛ ثم غادر.",
            ["هل حضر الحفل؟", "نعم، حضر السيد يانغ شو.", "وألقى كلمة؛ ثم غادر."],
        ),
        ("The U.S. team met J. Smith. Then left.", ["The U.S. team met J. Smith.", "Then left."]),
        ("First paragraph.\n\nSecond one", ["First paragraph.", "Second one"]),
    ],
)
def test_split(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


def test_over_long_sentences_are_capped_at_clause_boundaries() -> None:
    text = "، ".join(["جملة طويلة جدا بدون نقطة"] * 60)
    pieces = split_sentences(text, max_chars=200)
    assert all(len(p) <= 200 for p in pieces)
    assert "".join(pieces).replace(" ", "") == text.replace(" ", "")
