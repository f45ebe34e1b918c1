"""One person or organisation in Arabic and in Latin script under one key (extract/canonical.name_key,
extract/signature.name_skeleton and org_skeleton, extract/orgs.py's known organisations), on names and sentences
of bench/realset's tune half; and different names kept apart."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.canonical import latin_name, name_key
from extract.ner import NerOptions, NerStage
from extract.orgs import known_orgs
from extract.signature import name_skeleton
from ingest.record import Article

REALSET = Path(__file__).resolve().parent.parent / "bench" / "realset" / "articles"


def _line(article_id: str, needle: str) -> str:
    text = (REALSET / f"{article_id}.txt").read_text(encoding="utf-8")
    return next(line for line in text.splitlines() if needle in line)


@pytest.mark.parametrize(
    ("article_ids", "arabic", "latin"),
    [
        # "... إلى نظيره الجزائري عبد المجيد تبون" / "another opportunity for President Abdelmadjid Tebboune"
        (
            ("arab-summit-algiers-2022-ar-01", "arab-summit-algiers-2022-en-02"),
            "عبد المجيد تبون",
            "Abdelmadjid Tebboune",
        ),
        # "وقال هداية الله همدرد رئيس السلطة الاقليمية ..." / "said Hedayatullah Hamdard, the head of the provincial"
        (
            ("af-baghlan-flood-2024-ar-01", "af-baghlan-flood-2024-en-03"),
            "هداية الله همدرد",
            "Hedayatullah Hamdard",
        ),
        # "العاهل الأردني عبد الله الثاني" / "le roi Abdallah II de Jordanie"
        (
            ("arab-summit-algiers-2022-ar-02", "arab-summit-algiers-2022-fr-04"),
            "عبد الله الثاني",
            "Abdallah II",
        ),
        # "عاهل المغرب الملك محمد السادس" / "le roi du Maroc, Mohammed VI"
        (("arab-summit-algiers-2022-ar-02", "arab-summit-algiers-2022-fr-04"), "محمد السادس", "Mohammed VI"),
        # "والأمين العام للجامعة العربية أحمد أبو الغيط" / "Ahmed Aboul Gheit, secrétaire général de la Ligue"
        (("arab-summit-algiers-2022-ar-03", "au-summit-2024-fr-02"), "أحمد أبو الغيط", "Ahmed Aboul Gheit"),
    ],
)
def test_a_person_in_arabic_and_latin_script_meets_under_one_key(
    article_ids: tuple[str, str], arabic: str, latin: str
) -> None:
    assert arabic in _line(article_ids[0], arabic)
    assert latin in _line(article_ids[1], latin)
    # the signature reads an Arabic-script person's key from its canonical form (latin_name), as the store does
    assert name_key(latin_name(arabic)) == name_key(arabic) == name_key(latin)
    assert name_skeleton(latin_name(arabic)) == name_skeleton(latin)


def test_spellings_of_a_compound_name_meet() -> None:
    # Latin spellings write "Abd al-" and "Abu al-" one way or another, in one word or two
    assert (
        name_key("Abdul Rahman")
        == name_key("Abdurrahman")
        == name_key("Abd al-Rahman")
        == name_key("عبد الرحمن")
    )
    assert name_key("Abdullah") == name_key("Abdallah") == name_key("عبد الله")
    assert name_key("Abu Bakr") == name_key("Abubakar") == name_key("أبو بكر")
    assert name_key("Mohamed Ould Ghazouani") == name_key("محمد ولد الغزواني")


def test_different_names_stay_apart() -> None:
    assert name_key("عبد الله الثاني") != name_key("عبد الله الثالث")
    assert name_key("Abdullah II") != name_key("Abdullah")
    assert name_key("Abdul Mateen") != name_key("Abdul Rasheed")
    assert name_key("Hedayatullah Hamdard") != name_key("Zabihullah Hamdard")
    assert name_key("Mohammed bin Salman") != name_key("Muhammad Salman")  # "son of" stays in the key
    assert name_skeleton("African Union") != name_skeleton("African Union Commission")


@pytest.fixture(scope="module")
def stage(tmp_path_factory: pytest.TempPathFactory) -> NerStage:
    return NerStage(NerOptions(cache_dir=tmp_path_factory.mktemp("gaz")))


def _orgs(stage: NerStage, text: str, lang: str) -> dict[str, str]:
    article = stage(Article(source="t", text=text, lang=lang))
    return {e.text: e.canonical for e in article.entities if e.label == "ORG"}


def test_an_organisation_in_arabic_and_english_is_one_name(stage: NerStage) -> None:
    # dj-godoria-shipwreck-20240408-ar-01 (tune): "ذكرت المنظمة الدولية للهجرة التابعة للأمم المتحدة يوم الثلاثاء
    # ..."; NER found the organisation, and its canonical name was a transliteration
    arabic = _orgs(stage, _line("dj-godoria-shipwreck-20240408-ar-01", "المنظمة الدولية للهجرة"), "ar")
    # dj-godoria-shipwreck-20240408-en-01 (tune): "The UN's International Organization for Migration said ..."
    english = _orgs(stage, _line("dj-godoria-shipwreck-20240408-en-01", "Organization for Migration"), "en")
    assert arabic["المنظمة الدولية للهجرة"] == "International Organization for Migration"
    assert "International Organization for Migration" in english.values()


def test_a_states_own_council_is_not_the_security_council() -> None:
    # ke-ogolla-crash-2024-ar-03 (tune): "عقد الرئيس وليام روتو اجتماعا عاجلا لمجلس الأمن القومي": Kenya's
    # National Security Council
    line = _line("ke-ogolla-crash-2024-ar-03", "لمجلس الأمن القومي")
    assert "UN Security Council" not in {name for _, _, name in known_orgs(line, "ar")}
    # au-summit-2023-ar-02 (tune): "... وعدم تدويله بالذهاب إلى مجلس الأمن الدولي أو الأمم المتحدة"
    line = _line("au-summit-2023-ar-02", "مجلس الأمن الدولي")
    names = {name for _, _, name in known_orgs(line, "ar")}
    assert {"UN Security Council", "United Nations", "African Union"} <= names
    assert known_orgs("the National Security Council met", "en") == []
