"""What an undated report's own text says of its event's day: a date something takes effect from is neither the
page's day nor the event's (extract/dates.py ``latest_stated``, ``takes_effect``), and the weekday a report says
its news on is the weekday it names for its event when it names no other (extract/facts.py ``_said_weekday``).

The sentences are real: from bench/realset's tuning half (the article id is beside each)."""

from __future__ import annotations

from pathlib import Path

from extract.dates import latest_stated, takes_effect
from extract.facts import FactExtractor
from extract.gazetteer import gazetteer


def _events(text: str, lang: str, tmp_path: Path, published: str | None = None) -> list[dict[str, object]]:
    facts = FactExtractor(gazetteer(tmp_path)).extract(text, lang, [], published)[1]
    return [f.data for f in facts if f.kind == "event"]


# za-brics-2023-ar-02 (the BRICS summit of 22-24 August 2023, no publication day in the text)
BRICS_AR = (
    "دعت مجموعة “بريكس” في قمتها في جنوب إفريقيا، الخميس، 6 دول للانضمام إليها، وشملت القائمة 3 دول عربية وهي "
    "السعودية والإمارات ومصر.\n"
    "وأضاف رئيس جمهورية جنوب إفريقيا، أن العضوية للأعضاء الجدد ستكون سارية انطلاقا من مطلع العام القادم (1 جانفي "
    "2024)"
)
# za-brics-2023-fr-02
BRICS_FR = (
    "De cinq, les Brics (Brésil, Russie, Inde, Chine, Afrique du Sud), réunis en sommet à Johannesburg, passent à "
    "onze en accueillant six nouveaux pays membres, a annoncé jeudi le président sud-africain Cyril Ramaphosa.\n"
    "L’Iran, l’Argentine, l’Egypte, l’Ethiopie, l’Arabie Saoudite et les Émirats arabes unis rejoignent, à compter "
    "du 1er janvier 2024, le groupe des pays émergents qui veut gagner en influence sur le monde."
)


def test_a_day_something_takes_effect_from_is_no_stand_in_for_the_page_day() -> None:
    assert latest_stated(BRICS_AR, "ar") is None
    assert latest_stated(BRICS_FR, "fr") is None
    # za-brics-2023-ar-04: "أعضاء كاملي العضوية اعتبارًا من 1 يناير 2024"
    assert takes_effect("أعضاء كاملي العضوية اعتبارًا من ")
    # za-brics-2023-en-01: "adding membership will take effect from January 1"
    assert takes_effect("adding membership will take effect from ")


def test_the_thursday_before_a_membership_starts_is_not_the_summit_day(tmp_path: Path) -> None:
    # Before: "jeudi" was counted back from 1 January 2024, the day the membership starts (2023-12-28): the
    # summit's own day is not in the text, only its weekday.
    events = _events(BRICS_FR, "fr", tmp_path)
    assert events and events[0].get("date") is None and events[0].get("named_weekday") == 3


def test_a_weekday_with_its_year_unsaid_still_opens_an_event_after_a_partir_de(tmp_path: Path) -> None:
    # Only a dated day is passed over ("à compter du 1er janvier 2024"); ru-brics-kazan-2024-fr-02's "La Russie
    # organise à partir de mardi" opens the summit itself.
    assert takes_effect("La Russie organise à partir de ")
    assert not takes_effect("dari level III siaga menjadi level IV awas mulai ")  # id-lewotobi-2024-id-03


def test_the_day_a_report_says_its_news_on_is_its_named_weekday(tmp_path: Path) -> None:
    # in-kanchanjunga-train-2024-ar-02, no publication day: the collision of Monday 17 June 2024
    text = (
        "قال مسؤول من الشرطة الهندية، اليوم الاثنين، إن 15 شخصا، على الأقل، لقوا حتفهم جراء تصادم قطارين في ولاية "
        "البنغال الغربية بشرق الهند، مع استمرار أعمال الإنقاذ."
    )
    events = _events(text, "ar", tmp_path)
    assert events and events[0].get("date") is None
    assert events[0].get("named_weekday") == 0 and "weekday" not in events[0]
