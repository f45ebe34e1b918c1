"""Whether a report says that its event follows another of its kind: "just days after a mass stabbing", "deux
jours après une première attaque", "beberapa hari setelah", «بعد يومين من حادث طعن», "for the second time".

A report of the second of two events of one kind at one place names the first to place its own ("days after",
"a first attack", "also in Sydney last Saturday"), while a follow-up of one event counts from the event itself
("the toll rose to 205"). store/matching.py reads the cue only where a report's own day already lies apart from
the day its story agrees on (matching._another_day): there the cue says the two days are two occurrences, not
one event told on its next day. Phrases read on bench/realset's tuning half (the Wakeley church stabbing's
reports, which name the Bondi Junction stabbings two days before in four languages of 16; Mount Ruang's second
eruption phase, «للمرة الثانية»); the follow-ups of the Valencia flood, the Hajj heat deaths and the Tartus
sinking that state a later day say none of them.
"""

from __future__ import annotations

import re

_DAYS = r"(?:jours?|semaines?|heures)"
_PATTERNS = (
    # English: "(just) (two) days after", "hours after", "weeks after"; "for the second time".
    r"\b(?:days?|hours|weeks?)\s+after\b",
    r"\bfor the second time\b",
    # French: "deux jours après", "quelques jours après", "une première attaque", "pour la deuxième fois",
    # "également à Sydney" (also at the same place: another occurrence there).
    rf"\b{_DAYS}\s+après\b",
    r"\bune?\s+premi[eè]re?\s+(?:attaque|agression|éruption|explosion|attentat|fusillade)\b",
    r"\bpour la (?:deuxième|seconde) fois\b",
    r"\bégalement à [A-ZÀ-Ý]",
    # Indonesian: "(dua / beberapa) hari setelah", "minggu setelah", "untuk kedua kalinya".
    r"\b(?:hari|minggu|pekan|jam)\s+(?:setelah|sesudah)\b",
    r"\buntuk (?:yang )?kedua kalinya\b",
    # Arabic: "بعد يومين من", "بعد أيام من", "بعد ثلاثة أيام من"; "للمرة الثانية".
    r"بعد\s+(?:\S+\s+)?(?:يومين|أيام|ساعات|أسبوع|أسابيع)\s+(?:من|على)",
    r"للمرة\s+الثانية",
)
_CUE = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)


def follows_another(text: str) -> bool:
    """Whether a text places its event after another of its kind (a phrase of ``_PATTERNS``)."""
    return _CUE.search(text) is not None
