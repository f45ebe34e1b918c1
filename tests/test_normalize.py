"""Boilerplate rules on debris of our own making, in all four languages, plus Unicode clean-up properties."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalize import clean_text, content_hash, match_key, remove_boilerplate

BODY = {
    "en": "The minister opened the new bridge over the river on Monday, officials said.\n\n"
    "About 3,000 people attended the ceremony, which lasted two hours.",
    "fr": "Le ministre a inauguré lundi le nouveau pont sur le fleuve, selon les autorités.\n\n"
    "Environ 3 000 personnes ont assisté à la cérémonie, qui a duré deux heures.",
    "id": "Menteri meresmikan jembatan baru di atas sungai pada hari Senin, kata pejabat.\n\n"
    "Sekitar 3.000 orang menghadiri upacara yang berlangsung dua jam itu.",
    "ar": "افتتح الوزير الجسر الجديد فوق النهر يوم الاثنين، حسبما قال المسؤولون.\n\n"
    "وحضر الحفل الذي استمر ساعتين نحو 3000 شخص.",
}


@pytest.mark.parametrize(
    ("lang", "debris"),
    [
        ("en", "\n\nLeave a Reply\n\n+ ="),
        (
            "en",
            "\n\nAbout the Author\n\nJane Doe writes about infrastructure.\n\nSource: <http://spam.example> | [Cheap SEO](#) | [Backlinks](#)",
        ),
        ("en", "\n\nVideo - https://www.youtube.com/watch?v=abc123"),
        ("en", "\n\nShare this:\n\nSubscribe to our newsletter"),
        ("fr", "\n\nLaisser un commentaire\n\nVotre nom"),
        (
            "fr",
            "\n\nÀ propos de l'auteur\n\nJournaliste au service économie.\n\nSource : <https://ferme-de-liens.example> | [Formation](#) | [Revente](#)",
        ),
        ("fr", "\n\nPartager sur Facebook\n\nInscrivez-vous à notre newsletter"),
        ("id", "\n\nTinggalkan Balasan\n\n3 + 4 = ?"),
        ("id", "\n\nBaca juga: Banjir di Jakarta\n\nBagikan artikel ini"),
        ("id", "\n\nFoto - https://cdn.example.id/jembatan.jpg"),
        ("ar", "\n\nاترك تعليقاً\n\nالاسم"),
        ("ar", "\n\nشارك هذا المقال\n\nاقرأ أيضا: أخبار أخرى"),
        ("ar", "\n\nنبذة عن الكاتب\n\nصحفي في القسم الاقتصادي"),
    ],
)
def test_boilerplate_removed(lang: str, debris: str) -> None:
    cleaned = remove_boilerplate(BODY[lang] + debris)
    assert cleaned.text == BODY[lang]
    assert cleaned.removed


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("SOURCE CCTV+", "CCTV+"),
        ("Source : AFP", "AFP"),
        ("Sumber: Antara", "Antara"),
        ("المصدر: وكالة الأنباء", "وكالة الأنباء"),
    ],
)
def test_trailing_attribution_becomes_credit(line: str, credit: str) -> None:
    cleaned = remove_boilerplate(BODY["en"] + "\n\n" + line)
    assert cleaned.credit == credit
    assert cleaned.text == BODY["en"]


def test_body_lines_that_mention_sharing_or_sources_are_kept() -> None:
    text = (
        "Officials said they would share the data with neighbouring countries next year, and the source of the "
        "funding remains unclear.\n\nThe comments were made at a press conference in Jakarta."
    )
    assert remove_boilerplate(text).text == text


def test_tail_heading_in_the_first_half_does_not_cut_the_article() -> None:
    text = "Comments\n\n" + BODY["en"] + "\n\n" + BODY["en"]
    assert BODY["en"] in remove_boilerplate(text).text


def test_clean_text_unicode() -> None:
    raw = "Cafe\u0301\u200b  au\u00a0lait\u200f\r\n\r\n\r\n\u0627\u0644\u0640\u0640\u0639\u0631\u0628\u064a\u0629 \ufefb"
    assert clean_text(raw) == "Café au lait\n\nالعربية لا"


def test_match_key_folds_digits_and_arabic_variants() -> None:
    assert match_key("عام ٢٠٢٤ في أبوظبي") == match_key("عام 2024 في ابوظبي")
    assert content_hash("Hello,  World!") == content_hash("hello world")


@given(st.text())
def test_clean_text_is_idempotent_and_never_raises(text: str) -> None:
    once = clean_text(text)
    assert clean_text(once) == once


@given(st.text())
def test_boilerplate_removal_never_raises_and_only_removes(text: str) -> None:
    cleaned = remove_boilerplate(clean_text(text))
    assert len(cleaned.text) <= len(clean_text(text))


def test_copy_overlap_sets_quotations_apart() -> None:
    """Words in quotation marks (« », “ ”, " ") are left out of the unquoted share, whatever the script; lines from
    bench/realset's tuning half (cop28-2023-ar-02, cop28-2023-fr-01, cop28-2023-id-01)."""
    from normalize.fingerprint import copy_overlap, passages

    arabic = "وقال، حفظه الله، «أرحب بقادة العالم وممثليه على أرض الإمارات» في المؤتمر"
    french = (
        "Par ailleurs, une minute de silence à été observée à la COP28 pour « tous les civils morts lors du "
        "conflit à Gaza », à la demande du président égyptien de la COP27, Sameh Choukri."
    )
    indonesian = (
        '"Komitmen nyata harus diperkuat khususnya komitmen negara-negara maju untuk pendanaan iklim, utamanya '
        'dalam rangka mencapai target Net Zero Emission," kata Jokowi.'
    )
    for line in (arabic, french, indonesian):
        quoted = line[line.index(next(q for q in '«“"' if q in line)) :]
        quote = quoted[1 : quoted.index(next(q for q in '»”"' if q in quoted[1:]), 1)]
        both = copy_overlap(passages(line), passages(quote))
        assert both.contained == 1.0 and both.unquoted == 0.0, line
    # Numbers are one token: a wire update's new toll leaves the rest of its sentence as it was (two updates of one
    # Turkish Minute text, tr-quake-202302-en-01 and en-02).
    later = (
        "AFAD also announced that at least six people were killed and 294 injured after the earthquake in Hatay "
        "since some buildings that were already damaged in the previous earthquakes had collapsed."
    )
    earlier = (
        "Interior Minister Süleyman Soylu announced that at least three people were killed and 213 injured after "
        "the earthquake in Hatay since some buildings that were already damaged in the previous earthquakes had "
        "collapsed."
    )
    update = copy_overlap(passages(later), passages(earlier))
    assert update.contained >= 0.8 and update.paragraphs == 1
