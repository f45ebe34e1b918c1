"""A foreign person's or organisation's name in Arabic script meets its Latin spellings under the signature's
key (extract/signature.name_skeleton: _as_arabic_writes, _JOINED_FROM), on sentences of bench/realset's tune
half; and different names stay apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.canonical import latin_name
from extract.signature import name_skeleton

REALSET = Path(__file__).resolve().parent.parent / "bench" / "realset" / "articles"


def _text(article_id: str) -> str:
    return (REALSET / f"{article_id}.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("arabic_id", "arabic", "latin_id", "latin"),
    [
        # a "c" before i reads "s": "أعلن رئيس جنوب إفريقيا سيريل رامافوزا، الخميس" / "South Africa President
        # Cyril Ramaphosa said this afternoon"
        ("za-brics-2023-ar-03", "سيريل رامافوزا", "za-brics-2023-en-01", "Cyril Ramaphosa"),
        # تش is "ch": "وأعلن الرئيس المؤقت تشوي سانغ-موك" / "Acting President Choi Sang-mok, who was appointed"
        ("kr-jejuair-2024-ar-01", "تشوي سانغ-موك", "kr-jejuair-2024-en-02", "Choi Sang-mok"),
        # "وقال وو تشين فو مدير مركز تايبيه لرصد الزلازل" / "according to Wu Chien-fu (吳健富)"
        ("tw-hualien-quake-2024-ar-01", "وو تشين فو", "tw-hualien-quake-2024-en-04", "Wu Chien-fu"),
        # pinyin "x" is ش, and Arabic writes the given name's syllables apart: "قال الرئيس الصيني شي جين بينج" /
        # "Chinese President Xi Jinping"
        ("za-brics-2023-ar-04", "شي جين بينج", "za-brics-2023-en-02", "Xi Jinping"),
        # the surname in two words: "قال وزير الداخلية التركي علي يرلي قايا" / "Interior Minister Ali Yerlikaya"
        ("tr-ilic-mine-2024-ar-05", "علي يرلي قايا", "tr-ilic-mine-2024-en-01", "Ali Yerlikaya"),
        # an apostrophe writes the ع: "ويدعى رعد فتحي حازم" / "Identified as 28-year-old Ra’ad Fathi Hazem"
        (
            "il-dizengoff-shooting-2022-ar-02",
            "رعد فتحي حازم",
            "il-dizengoff-shooting-2022-en-02",
            "Ra’ad Fathi Hazem",
        ),
        # "Al" as a word is the article Arabic writes onto the name: "وزير الصناعة والتكنولوجيا الإماراتي سلطان
        # الجابر" / "the UAE's COP28 president Sultan Al Jaber told delegates"
        ("cop29-2024-ar-02", "سلطان الجابر", "cop28-2023-en-01", "Sultan Al Jaber"),
        # but a first "El" is Spanish as often, and Arabic writes it apart: "وذكرت صحيفة "إل سول دي بارال"" /
        # "Selon le quotidien local El Sol de Parral"
        (
            "mx-juarez-migrant-fire-2023-ar-03",
            "إل سول دي بارال",
            "mx-juarez-migrant-fire-2023-fr-02",
            "El Sol de Parral",
        ),
    ],
)
def test_a_foreign_name_in_arabic_script_meets_its_latin_spelling(
    arabic_id: str, arabic: str, latin_id: str, latin: str
) -> None:
    assert arabic in _text(arabic_id)
    assert latin in _text(latin_id)
    # the signature reads an Arabic-script name's key from its canonical form (latin_name) or its text
    assert name_skeleton(arabic) == name_skeleton(latin_name(arabic)) == name_skeleton(latin)


def test_short_names_keep_their_words_and_stay_apart() -> None:
    # gr-rhodes-fire-2023-en-01 (tune): "Another British tourist, Amy Leyden, described"; id-al-khoziny-collapse-
    # 2025-id-03 (tune): its author "Amaluddin": one skeleton ("amldn") in one word or two
    assert "Amy Leyden" in _text("gr-rhodes-fire-2023-en-01")
    assert "Amaluddin" in _text("id-al-khoziny-collapse-2025-id-03")
    assert name_skeleton("Amy Leyden") != name_skeleton("Amaluddin")
    # id-al-khoziny-collapse-2025-id-02 (tune): "KH Nasir (Bangkalan)"; tr-ilic-mine-2024-id-03 (tune): "Oleh
    # Can Sezer dan Ceyda Caglayan"
    assert name_skeleton("KH Nasir") != name_skeleton("Can Sezer")
    assert name_skeleton("India TV") != name_skeleton("NDTV")


def test_the_folds_keep_other_names_apart() -> None:
    assert name_skeleton("Cyril Ramaphosa") != name_skeleton("Carl Ramaphosa")
    assert name_skeleton("Tsai Ing-wen") != name_skeleton("Chai Ing-wen")  # a "ts" without "h" is not "ch"
    assert name_skeleton("Mohammed bin Salman") != name_skeleton("Muhammad Salman")  # "son of" stays
    assert name_skeleton("Ali Yerlikaya") != name_skeleton("Ali Yerli")


@pytest.mark.parametrize(
    ("arabic_id", "arabic", "latin_id", "latin"),
    [
        # a Spanish spelling (a surname's "-ez") writes خ for "j": "ونقلت شبكة "يورونيوز" الاخبارية الاوروبية عن
        # خوان مانويل مينديز مدير مركز عمليات الطوارئ" / "Emergency Operations Centre (COE) director Juan Manuel
        # Méndez confirmed"
        (
            "do-jet-set-collapse-2025-ar-03",
            "خوان مانويل مينديز",
            "do-jet-set-collapse-2025-en-01",
            "Juan Manuel Méndez",
        ),
        # a first "Y" before "v" is the vowel إي: "وأوضحت إيفون نديجي المتحدثة باسم المنظمة" / "Yvonne Ndege,
        # regional spokesperson for the IOM, said"
        (
            "dj-godoria-shipwreck-20240408-ar-01",
            "إيفون نديجي",
            "dj-godoria-shipwreck-20240408-en-04",
            "Yvonne Ndege",
        ),
    ],
)
def test_a_spelling_read_in_its_own_language_meets_its_arabic_writing(
    arabic_id: str, arabic: str, latin_id: str, latin: str
) -> None:
    assert arabic in _text(arabic_id)
    assert latin in _text(latin_id)
    assert name_skeleton(arabic) == name_skeleton(latin_name(arabic)) == name_skeleton(latin)


def test_only_a_spanish_spelling_reads_j_as_kh() -> None:
    # English and French spellings keep ج for "j" and "g": "Juan Méndez" is خوان, "Joseph Gerald" جوزيف جيرالد
    assert name_skeleton("Juan Manuel Méndez") != name_skeleton("Juan Manuel Mendes")
    assert name_skeleton("Joseph Gerald") == name_skeleton("جوزيف جيرالد")
    # arab-summit-jeddah-2023-en-03 (tune): "(Fayez Nureldine/AFP via Getty Images)": the "-ez" of an Arabic
    # name's Latin spelling is not Spanish, and its "j" stays ج
    assert "Fayez Nureldine" in _text("arab-summit-jeddah-2023-en-03")
    assert name_skeleton("Fayez Jaber") == name_skeleton("فايز جابر")
    # the "Y" of an Arabic name's transliteration stays a consonant: "Yrli Qaya" (يرلي قايا) is not "Irli"
    assert name_skeleton("Ali Yrli Qaya") == name_skeleton("Ali Yerlikaya") != name_skeleton("Ali Irlikaya")


def test_the_spanish_reading_takes_its_letters_whatever_their_case() -> None:
    # A capital "Ll" opening a Spanish name is the same ي as a small one inside it, and "-mez" (Gómez) shows a
    # Spanish spelling like "-dez" and "-nez"
    assert name_skeleton("Llorente Pérez") == name_skeleton("Yorente Pérez")
    assert name_skeleton("Jorge Gómez") != name_skeleton("Jorge Gomes")
