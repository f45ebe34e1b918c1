"""How a report says that its event is a later occurrence of its kind (store/occurrence.names_an_earlier_one),
and what the matcher does with it: an undated report that says so belongs to the later of two stories of its
kind that refuse each other (Matcher._later_link), and a dated report that says so lends no counts to what marks
an occurrence (Matcher._occurrence_marks), since it recalls the earlier one's toll. Sentences from bench/realset's
tuning half, article ids named."""

from __future__ import annotations

import pytest

from store.match_records import Verdict, _Candidate
from store.matching import Matcher
from store.occurrence import names_an_earlier_one
from store.vetoes import _later_than, _one_kind


@pytest.mark.parametrize(
    ("article", "sentence"),
    [
        (
            "dj-godoria-shipwreck-20240422-en-01",
            "a boat carrying 77 people capsized off the coast of Djibouti, the second such incident in two weeks",
        ),
        (
            "id-ruang-20240430-en-01",
            "The eruption follows a series of eruptions earlier this month that forced hundreds to evacuate",
        ),
        (
            "af-quake-20231015-fr-01",
            "Un nouveau séisme, de magnitude 6,3, a frappé dimanche la ville d'Hérat",
        ),
        ("il-dizengoff-shooting-2022-fr-04", "Un nouvel attentat a eu lieu en Israël jeudi soir"),
        (
            "id-lewotobi-202507-fr-01",
            "Ces perturbations du trafic aérien interviennent quelque semaines après une autre éruption du même volcan",
        ),
        (
            "dj-godoria-shipwreck-20240422-fr-01",
            "Cette tragédie survient à peine deux semaines après le naufrage du 8 avril 2024",
        ),
        (
            "id-ruang-20240430-id-04",
            "Sitaro, Provinsi Sulawesi Utara kembali erupsi pada hari ini, Selasa (30/4/2024)",
        ),
        (
            "id-lewotobi-202506-id-01",
            "Gunung Lewotobi Laki-Laki di Flores kembali mengalami erupsi pada Selasa (17/6)",
        ),
        (
            "dj-godoria-shipwreck-20240422-id-03",
            "Itu adalah kecelakaan maritim fatal kedua dalam dua minggu di lepas pantai negara Tanduk Afrika",
        ),
        (
            "dj-godoria-shipwreck-20240422-ar-06",
            "بعد انقلاب قارب يحمل 77 مهاجرا قبالة ساحل جيبوتي في ثاني حادث من نوعه خلال أسبوعين",
        ),
        (
            "dj-godoria-shipwreck-20240422-ar-03",
            "وهذا هو الحادث البحري المميت الثاني خلال أسبوعين قبالة سواحل الدولة",
        ),
        ("tr-quake-202302-ar-03", "ضرب زلزال جديد مزدوج مساء يومه الإثنين 20 فبراير"),
    ],
)
def test_a_report_of_a_later_occurrence_says_so(article: str, sentence: str) -> None:
    """Reports of the later of two occurrences of one kind (the Godoria shipwreck of 22 April 2024, Ruang's
    second phase, the Herat quake of 15 October 2023, the Dizengoff shooting nine days after Bnei Brak's, the
    Lewotobi eruptions of June and July 2025, the Hatay quake of 20 February 2023) name the one before."""
    assert names_an_earlier_one(sentence), article


@pytest.mark.parametrize(
    ("article", "sentence"),
    [
        # A fear of another, not another one: single-event stories.
        ("id-cianjur-2022-en-02", "I was concerned that another quake would occur"),
        (
            "pg-enga-landslide-2024-fr-04",
            "alors qu'un risque de nouveau glissement de terrain plane sur le centre du pays",
        ),
        # Another blast or eruption within one event.
        ("id-ruang-2024-en-03", 'On Thursday, there was "another explosive eruption" officials said'),
        ("ir-kerman-2024-fr-04", "Quelques minutes plus tard, une autre explosion a secoué la région."),
        ("gr-evros-fire-2023-ar-01", "كما اندلع حريق جديد اليوم في قطعة أرض في منطقة أسبروبيرغوس الصناعية"),
        (
            "gr-evros-fire-2023-id-04",
            "tahun 2022 mencatatkan diri sebagai salah satu tahun terburuk kedua dalam sejarah",
        ),
        ("ru-brics-kazan-2024-en-04", "Modi is visiting Russia for the second time this year"),
    ],
)
def test_a_single_event_report_names_no_earlier_one(article: str, sentence: str) -> None:
    assert not names_an_earlier_one(sentence), article


def _report(i: int, day: str | None, *anchors: str) -> _Candidate:
    return _Candidate(i, "en", day, None, None, frozenset((*anchors, *((f"d:{day}",) if day else ()))))


# The Bnei Brak shooting (29 March 2022), the Dizengoff shooting (7 April 2022) and the Jaffa shooting (1 October
# 2024), tuning half; the Godoria shipwrecks of 8 and 22 April 2024.
BNEI_BRAK = [_report(1, "2022-03-29", "k:shooting"), _report(2, "2022-03-29", "k:shooting")]
DIZENGOFF = [_report(3, "2022-04-07", "k:shooting"), _report(4, "2022-04-07", "k:shooting")]
JAFFA = [_report(5, "2024-10-01", "k:shooting"), _report(6, "2024-10-01", "k:shooting")]
GODORIA_8 = [_report(7, "2024-04-08", "k:crash", "q:dead:38"), _report(8, "2024-04-08", "k:crash")]
GODORIA_22 = [
    _report(9, "2024-04-22", "k:crash", "q:dead:21"),
    _report(10, "2024-04-23", "k:crash", "q:dead:38"),
]


def test_the_next_occurrence_lies_days_or_weeks_later() -> None:
    """A report that says "un nouvel attentat" names the one before it, days or weeks earlier: the Dizengoff
    shooting is the next after Bnei Brak's, not Jaffa's two and a half years later the next after Dizengoff's."""
    assert _later_than(DIZENGOFF, BNEI_BRAK)
    assert not _later_than(BNEI_BRAK, DIZENGOFF)
    assert not _later_than(JAFFA, DIZENGOFF)
    assert _later_than(GODORIA_22, GODORIA_8)
    assert _one_kind(GODORIA_8, GODORIA_22)
    assert not _one_kind(GODORIA_8, DIZENGOFF)


def _matcher(cues: dict[int, bool]) -> Matcher:
    matcher = Matcher()
    # Only the second cue (names_an_earlier_one) is set: _later_link must not read follows_another.
    matcher._cues.update({i: (False, cue) for i, cue in cues.items()})
    return matcher


def test_an_undated_report_that_names_an_earlier_one_goes_to_the_later_story() -> None:
    """dj-godoria-shipwreck-20240422-ar-06 ("في ثاني حادث من نوعه خلال أسبوعين"), undated, linked best to the
    8 April story's Arabic report on the kind, Djibouti and a count: of the two stories, which refuse each other,
    it is of the later. Without the cue nothing is decided by it; nor between stories years apart or of two kinds."""
    report = _report(11, None, "k:crash", "e:gbt")
    link = Verdict(9, 1.0, False, {"signals": {"kind": 1.0, "event_place": 1.0}})
    assert _matcher({11: True})._later_link(report, GODORIA_8, link, GODORIA_22) is True
    assert _matcher({11: True})._later_link(report, GODORIA_22, link, GODORIA_8) is False
    assert _matcher({11: False})._later_link(report, GODORIA_8, link, GODORIA_22) is None
    shooting = _report(12, None, "k:shooting")
    assert _matcher({12: True})._later_link(shooting, DIZENGOFF, link, JAFFA) is None
    assert _matcher({11: True})._later_link(report, GODORIA_8, link, DIZENGOFF) is None


def test_a_report_that_names_an_earlier_one_lends_no_counts_to_the_occurrence_marks() -> None:
    """The 22 April reports recall the 8 April toll ("we had another shipwreck with 38 Ethiopian nationals just
    less than two weeks ago", dj-godoria-shipwreck-20240422-en-01): an undated 8 April report that gives 38 dead
    (dj-godoria-shipwreck-20240408-id-01, "38 migran tewas") shares that count with the 8 April story alone."""
    undated = _report(13, None, "k:crash", "q:dead:38")
    assert "q:dead:38" in _matcher({10: False})._occurrence_marks(undated, GODORIA_22)
    assert "q:dead:38" not in _matcher({10: True})._occurrence_marks(undated, GODORIA_22)
    assert "q:dead:38" in _matcher({7: False})._occurrence_marks(undated, GODORIA_8)
