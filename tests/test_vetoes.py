"""Vetoes that keep two events of one kind apart: edition ordinals in Arabic, and earthquake magnitudes.

The strings are from bench/realset's tuning half (the 32nd Arab League summit in Jeddah and the 33rd in Manama;
the Cianjur and Kahramanmaras earthquakes)."""

from __future__ import annotations

from normalize.fingerprint import anchors
from store.match_records import _Candidate
from store.matching import Matcher


def _ordinals(text: str) -> set[str]:
    return {a for a in anchors(text) if a.startswith("o:")}


def test_arabic_editions_in_digits_and_in_words_are_ordinals() -> None:
    assert _ordinals("انطلقت اليوم الجمعة القمة العربية الـ32 بحضور قادة الدول العربية") == {"o:32"}
    assert _ordinals("القمة العربية العادية في دورتها ال32 بمدينة جدة السعودية") == {"o:32"}
    assert _ordinals("وسط أجواء تفاؤلية القمة العربية في دورتها الثانية والثلاثين") == {"o:32"}
    assert _ordinals("تنطلق بالعاصمة البحرينية المنامة أعمال القمة العربية الثالثة والثلاثين") == {"o:33"}
    assert _ordinals("انطلقت في العاصمة المنامة أعمال القمة العربية 33 بحضور القادة") == {"o:33"}


def test_centuries_counts_and_the_g20_are_not_editions() -> None:
    assert _ordinals("أن القرن الحادي والعشرين هو الوقت المناسب") == set()
    assert _ordinals("the 21st century, le XXIe siècle, le 21e siècle, abad ke-21") == set()
    assert _ordinals("قمة مجموعة الـ20 في نيودلهي") == set()
    assert _ordinals("وصل إلى القمة 15 شخصا") == set()  # a number of people, not an edition
    assert _ordinals("the 28th UN climate conference (COP28)") == {"o:28"}


def test_an_ordinal_counting_time_is_no_edition() -> None:
    # The Manama summit's French report: "au 8e mois d'une guerre dévastatrice dans la bande de Gaza".
    assert (
        _ordinals("publié à l'issue du sommet, au 8e mois d'une guerre dévastatrice dans la bande de Gaza")
        == set()
    )
    # A Hajj report: "... Dhu al-Hijjah, the 12th month of the Islamic lunar calendar".
    assert _ordinals("Dhu al-Hijjah, the 12th month of the Islamic lunar calendar") == set()
    assert _ordinals("le 33e sommet de la Ligue arabe") == {"o:33"}


def _quake(i: int, *magnitudes: str) -> _Candidate:
    return _Candidate(
        i, "en", None, None, None, frozenset({"k:earthquake", *(f"q:magnitude:{m}" for m in magnitudes)})
    )


def test_two_quakes_whose_magnitudes_all_differ_are_two_events() -> None:
    matcher = Matcher()
    # One quake as two agencies give it (Cianjur: BMKG 5.6, USGS 5.4), and a report recalling an earlier one.
    assert matcher.vetoed(_quake(1, "5.6"), _quake(2, "5.4")) is None
    assert matcher.vetoed(_quake(1, "6.4"), _quake(2, "6.4", "7.8")) is None
    # The 6 February 2023 quake (7.8) and the 20 February one (6.4).
    assert matcher.vetoed(_quake(1, "7.8"), _quake(2, "6.4", "5.8")) == "magnitudes differ"
    # No magnitude on one side: nothing to compare.
    assert matcher.vetoed(_quake(1, "7.8"), _quake(2)) is None


def _crash(i: int, text: str) -> _Candidate:
    return _Candidate(i, "ar", None, None, None, frozenset({"k:crash"}) | anchors(text))


def test_two_crashes_of_two_aircraft_families_are_two_events() -> None:
    matcher = Matcher()
    yeti = _crash(1, 'جراء تحطم طائرة من طراز "إيه تي آر 72" تابعة لخطوط "يتي" الجوية')
    yeti_en = _crash(2, "Yeti Airlines' 9N-ANC ATR-72 aircraft crashed near Pokhara")
    saurya = _crash(3, "تحطم طائرة من طراز “بومباردييه سي آر جي-200” في مطار كاتماندو")
    saurya_fr = _crash(4, "L'appareil, qui pourrait être un Bombardier CRJ200, s'est écrasé")
    assert matcher.vetoed(yeti, yeti_en) is None
    assert matcher.vetoed(saurya, saurya_fr) is None
    assert matcher.vetoed(yeti, saurya) == "aircraft differ"
    assert matcher.vetoed(yeti_en, saurya_fr) == "aircraft differ"
    # Boeing's variants are one family; a report naming no aircraft is never kept apart by this.
    jeju = _crash(5, "The Boeing 737-800, operated by Jeju Air")
    assert matcher.vetoed(jeju, _crash(6, "انت من طراز بوينغ 737-800.")) is None
    assert matcher.vetoed(jeju, _crash(7, "تحطم طائرة في مطار موان")) is None
    assert matcher.vetoed(jeju, _crash(8, "un avion Embraer 190 d'Azerbaijan Airlines")) == "aircraft differ"
