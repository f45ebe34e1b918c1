"""Place names as the four languages write them around the gazetteer's own (session 29): administrative words
before or after a name, CLDR's second and short names of countries, French spellings. Each case quotes a
sentence of a bench/realset TUNING article."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.gazetteer import Gazetteer, gazetteer


@pytest.fixture(scope="module")
def gaz(tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    return gazetteer(Path(tmp_path_factory.mktemp("gazetteer")))


@pytest.mark.parametrize(
    ("surface", "place", "country"),
    [
        # the Arabic words are matched as keys fold them (ة as ه): "محافظة الجيزة" is Giza
        ("محافظة الجيزة", "Giza", "EG"),  # eg-abu-sifin-fire-2022-ar-01: "في كنيسة بمحافظة الجيزة في مصر"
        # mm-cyclone-mocha-2023-fr-04: "dans une grande partie de l'État Rakhine, où des centaines de milliers"
        ("l'État Rakhine", "Rakhine", "MM"),
        # mm-cyclone-mocha-2023-fr-01: "Sittwe, capitale de l'Etat Rakhine"
        ("l'Etat Rakhine", "Rakhine", "MM"),
        # au-bondi-stabbing-2024-id-04: "Sydney, ibu kota Negara Bagian New South Wales di Australia"
        ("Negara Bagian New South Wales", "New South Wales", "AU"),
    ],
)
def test_an_administrative_word_around_a_name(gaz: Gazetteer, surface: str, place: str, country: str) -> None:
    found = gaz.lookup(surface)
    assert found is not None and (found.name, found.country) == (place, country)


@pytest.mark.parametrize(
    ("surface", "code"),
    [
        # mm-cyclone-mocha-2023-fr-01: "Le cyclone Mocha a fait au moins 60 morts en Birmanie"; CLDR's
        # "Myanmar (Birmanie)" gives both names
        ("Birmanie", "MM"),
        ("بورما", "MM"),  # mm-cyclone-mocha-2023-ar-03: "أفاد المجلس العسكري في بورما"
        ("Burma", "MM"),
        # lb-tripoli-boat-2022-id-03: "kapal migran yang karam di laut lepas pantai utara Libanon"
        ("Libanon", "LB"),
        # arab-summit-manama-2024-id-01: "pengakuan penuh Negara Palestina"; CLDR's short forms
        ("Palestina", "PS"),
        ("فلسطين", "PS"),
    ],
)
def test_a_country_by_its_second_or_short_name(gaz: Gazetteer, surface: str, code: str) -> None:
    found = gaz.lookup(surface)
    assert found is not None and found.kind == "country" and found.country == code


def test_a_province_name_two_countries_share_is_the_one_with_that_city(gaz: Gazetteer) -> None:
    # Gaza is a governorate of Palestine (Gaza City) and a province of Mozambique (no city of that name)
    found = gaz.lookup("Gaza")
    assert found is not None and found.country == "PS"


@pytest.mark.parametrize(
    ("surface", "province"),
    [
        # id-al-khoziny-collapse-2025-fr-04: "dans le district de Sidoarjo dans la province de Java oriental"
        ("Java oriental", "Jawa Timur"),
        # id-barcelona-ferry-2025-fr-01: "Manado, capitale de la province de Sulawesi du Nord"
        ("Sulawesi du Nord", "Sulawesi Utara"),
        # id-cianjur-2022-fr-01: "le gouverneur de la province de Java occidental Ridwan Kamil"
        ("Java occidental", "Jawa Barat"),
    ],
)
def test_an_indonesian_province_with_a_french_compass_adjective(
    gaz: Gazetteer, surface: str, province: str
) -> None:
    found = gaz.lookup(surface)
    assert found is not None and (found.name, found.country) == (province, "ID")


def test_a_french_county(gaz: Gazetteer) -> None:
    # ke-mai-mahiu-dam-2024-fr-02: "la rupture d'un barrage dans le comté de Nakuru, au Kenya"
    found = gaz.lookup("comté de Nakuru")
    assert found is not None and (found.name, found.country) == ("Nakuru", "KE")


@pytest.mark.parametrize(
    ("surface", "place"),
    [
        # pk-mastung-bombing-2023-fr-01: "dans une attaque à la bombe au Balouchistan, contre une procession"
        ("Balouchistan", "Balochistan"),
        ("Abou Dhabi", "Abu Dhabi"),
        ("Pendjab", "Punjab"),
    ],
)
def test_a_french_spelling_of_a_province_or_a_large_city(gaz: Gazetteer, surface: str, place: str) -> None:
    found = gaz.lookup(surface)
    assert found is not None and found.name == place


def test_a_name_without_french_letters_is_not_folded(gaz: Gazetteer) -> None:
    assert gaz.lookup("Foo") is None  # "fuu" is some alternate name of Foshan
