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

``names_an_earlier_one`` reads narrower phrases that say so in more words ("the second such incident in two
weeks", "un nouveau séisme", "kembali erupsi", «ثاني حادث من نوعه»), safe to read of a report with no date.
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


def _any_of(patterns: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern that finds any of ``patterns``, in any case."""
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


_CUE = _any_of(_PATTERNS)


def follows_another(text: str) -> bool:
    """Whether a text places its event after another of its kind (a phrase of ``_PATTERNS``)."""
    return _CUE.search(text) is not None


# How a report says, in so many words, that its event is a LATER occurrence of its kind: "the second such incident
# in two weeks", "un nouveau séisme", "quelques semaines après une autre éruption", "kembali erupsi", "kecelakaan
# maritim fatal kedua dalam dua minggu", «ثاني حادث من نوعه خلال أسبوعين», «زلزال جديد». Unlike ``_PATTERNS``
# (read only with a day apart), these are read of reports with no date at all (store/matching.py
# ``_later_link``, ``_unsure_left``), so each must name the kind or its being another one, not merely a time
# ("days after" opens follow-ups of one event as often). Counted on bench/realset's tuning half (1189 articles):
# the forms below occur in 26 articles (tune-a 9, tune-b 17), each a report of a later occurrence of its kind (the
# Godoria shipwreck of 22 April 2024, the Lewotobi eruptions of June and July 2025, Ruang's second phase, the
# Herat quake of 15 October 2023, the Hatay quake of 20 February 2023, the Dizengoff shooting, the Evros fire
# "for the second time in a month"), one of them in a story with no earlier occurrence in the set (the Cutro
# shipwreck, "ce nouveau naufrage"). Dropped for firing in single-event stories or within one event: "another
# <kind>" (7 articles, 2 wrong: "concerned that another quake would occur", "another explosive eruption" within
# Ruang's first phase), "une autre <kind>" (7, 2 wrong: Kerman's second blast minutes later, another mosque
# bombed that day), "earlier this month" / "last week's" (4, 2 wrong), «مجددا» / «مرة أخرى» (5, 2 wrong), «حريق
# جديد» (a new blaze of one fire), "de nouveau glissement" (a feared one), "erupsi kembali" (in no article).
_KINDS_EN = (
    r"(?:eruptions?|quakes?|earthquakes?|attacks?|blasts?|explosions?|shipwrecks?|stampedes?|crashe?s?)"
)
_KINDS_FR = (
    r"(?:séisme|tremblement|attaque|attentat|éruption|naufrage|explosion|fusillade|glissement|bousculade"
    r"|accident|incendie)"
)
# "un nouveau/une nouvelle <kind>" only for kinds that come one at a time: a new explosion or a new fire is as often
# the next blast or blaze of the one event (Kerman's second blast, a fire spreading) as another occurrence.
_KINDS_FR_NEW = (
    r"(?:séisme|tremblement|attaque|attentat|éruption|naufrage|fusillade|glissement|bousculade|accident)"
)
# An Indonesian "kedua dalam ..." counts only with the event it counts before it ("kecelakaan ... kedua dalam dua
# minggu"), not "kunjungan kedua dalam bulan ini" (a visit).
_KINDS_ID = (
    r"(?:kecelakaan|insiden|peristiwa|tragedi|gempa|erupsi|letusan|serangan|ledakan|kebakaran|penembakan|banjir"
    r"|longsor|tenggelam|karam)"
)
_LATER_PATTERNS = (
    # English: "the second such incident in two weeks"; "the eruption follows a series of eruptions".
    r"\bthe second such\b",
    rf"\bfollows (?:a series of|another) {_KINDS_EN}",
    # French: "un nouveau séisme", "une nouvelle attaque", "un nouvel attentat" (an article before it: not "un
    # risque de nouveau glissement", a fear); "(deux / quelques) semaines après une autre éruption", "... après
    # le naufrage du 8 avril", "... après le séisme dévastateur".
    rf"\b(?:une?|ce|cette)\s+nouve(?:au|l|lle)\s+{_KINDS_FR_NEW}",
    rf"\bsemaines\s+après\s+une?\s+(?:autre\s+|premi\w+\s+)?{_KINDS_FR}",
    rf"\bsemaines\s+après\s+(?:l[ea]\s+|l['’])(?:\w+\s+)?{_KINDS_FR}\s+(?:\w+\s+)?du\s+\d",
    # Indonesian: "kembali erupsi", "kembali mengalami erupsi", "kembali meletus"; "(kecelakaan
    # ...) kedua dalam dua minggu".
    r"\bkembali\s+(?:mengalami\s+)?(?:erupsi|meletus)\b",
    rf"\b{_KINDS_ID}\b(?:\s+\S+){{0,4}}?\s+(?:yang\s+)?kedua\s+dalam\s+(?:\w+\s+)?(?:hari|minggu|pekan|bulan)\b",
    # Arabic: «ثاني حادث من نوعه خلال أسبوعين», «الحادث البحري المميت الثاني خلال أسبوعين», «للمرة الثانية خلال
    # شهر»; «زلزال جديد», «ثوران جديد».
    r"(?:ثاني|الثاني|الثانية)\s+(?:\S+\s+){0,2}?(?:خلال|في غضون)\s+(?:\S+\s+)?(?:يومين|أيام|أسبوع|أسبوعين|أسابيع|شهر)",
    r"ثاني\s+(?:حادث|هجوم|انفجار|تفجير|حريق|زلزال|اعتداء|غرق)\S*\s+من\s+نوعه",
    r"(?:زلزالا?|ثورانا?|هجوما?)\s+(?:\S+\s+)?جديدا?",
)
_LATER = _any_of(_LATER_PATTERNS)


def names_an_earlier_one(text: str) -> bool:
    """Whether a text says its event is a later occurrence of its kind (a phrase of ``_LATER_PATTERNS``)."""
    return _LATER.search(text) is not None
