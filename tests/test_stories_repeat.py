"""A report of the next occurrence of one kind of event at one place (bench/realset's tuning half: the Wakeley church
stabbing in Sydney two days after the Bondi Junction stabbings) states its own day and names the earlier one; it
does not join the earlier one's story (store/occurrence.py, store/vetoes.py `_another_day`)."""

from __future__ import annotations

import pytest

from store.match_records import _Candidate
from store.occurrence import follows_another
from store.vetoes import _another_day


def _report(i: int, *anchors: str) -> _Candidate:
    return _Candidate(i, "en", None, None, None, frozenset(anchors))


@pytest.mark.parametrize(
    "sentence",
    [
        # au-wakeley-stabbing-2024-en-01
        "were stabbed in an alleged 'terrorist act' by a 16-year-old during the mass on Monday, April 15th, 2024,"
        " just two days after a mass stabbing rocked the Australian city in a busy shopping mall in Bondi",
        # au-wakeley-stabbing-2024-en-03
        "The incident happened while Bishop Mar Mari Emmanuel was preaching on Monday afternoon at Sydney’s Wakeley"
        " church – just days after six were stabbed to death at a mall in Sydney.",
        # au-wakeley-stabbing-2024-fr-01
        "Il convient de rappeler que samedi dernier, également à Sydney, six personnes ont été poignardées à mort"
        " dans un centre commercial.",
        # au-wakeley-stabbing-2024-fr-02
        "Cette agression survient deux jours après une première attaque au couteau ayant fait six morts dans un"
        " centre commercial de Sydney (Australie)",
        # au-wakeley-stabbing-2024-id-02, -id-04
        "Penikaman itu terjadi beberapa hari setelah enam orang tewas di sebuah pusat perbelanjaan di Sydney.",
        "Dua hari setelah serangan penusukan mematikan di sebuah pusat perbelanjaan ramai di Sydney",
        # au-wakeley-stabbing-2024-ar-02; id-ruang-20240430-ar-01 (Mount Ruang's second eruption phase)
        "جاء ذلك بعد يومين من حادث طعن جماعي هزت القارة الأسترالية في مركز للتسوق شرق مدينة سيدني",
        "وأمس الثلاثاء، ثار بركان جبل روانغ للمرة الثانية",
    ],
)
def test_a_report_that_places_its_event_after_another_of_its_kind_says_so(sentence: str) -> None:
    assert follows_another(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        # sy-tartus-boat-2022-id-02 and es-valencia-flood-2024-en-01: "after" of the event itself.
        "DAMASKUS - Menteri Kesehatan Suriah mengatakan sedikitnya 77 migran tewas setelah sebuah kapal yang mereka"
        " tumpangi di Lebanon tenggelam",
        "One of the hardest-hit areas is Paiporta, where a swollen ravine burst after nearly 20 inches of rain fell"
        " in just eight hours",
    ],
)
def test_an_event_told_with_its_own_cause_names_no_other_occurrence(sentence: str) -> None:
    assert not follows_another(sentence)


def test_a_report_two_days_from_the_day_its_story_agrees_on_is_another_occurrence() -> None:
    """The days as the tuning half's reports state them: the Bondi Junction stabbings' reports 13 April 2024
    (au-bondi-stabbing-2024-en-01, -id-03), the Wakeley reports 15 April (au-wakeley-stabbing-2024-fr-01, -id-02)."""
    bondi = [
        _report(1, "d:2024-04-13", "k:attack"),
        _report(2, "d:2024-04-13", "k:attack"),
        _report(3, "k:attack"),
    ]
    wakeley = [_report(4, "d:2024-04-15", "k:attack")]
    assert _another_day(wakeley, bondi)
    assert _another_day(bondi, [*wakeley, _report(5, "d:2024-04-15", "k:attack")])
    # One day apart is one event (the local date or the UTC one), and a day one member alone states agrees on nothing.
    assert not _another_day([_report(6, "d:2024-04-14", "k:attack")], bondi)
    assert not _another_day(wakeley, [bondi[0], bondi[2]])
    # An undated report has no day to set apart; nor has a story whose agreed days span several (a week of raids).
    assert not _another_day([_report(7, "k:attack")], bondi)
    week = [
        _report(8, "d:2022-04-15"),
        _report(9, "d:2022-04-15"),
        _report(10, "d:2022-04-20"),
        _report(11, "d:2022-04-20"),
    ]
    assert not _another_day(wakeley, week)
