"""Publication dates from datelines, bylines and timestamps in the running text, relative days, counts that are
not clock times, places found in any script, and event facts from the source text of each language.

The dateline and byline formats are real: copied from the labelled development set's tuning half
(bench/realset, split "tune") and from stored public news pages (the URL is beside each)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from extract.dates import (
    find_dates,
    published_in_dateline,
    published_in_text,
    published_in_url,
    published_month_in_url,
    resolve,
)
from extract.facts import FactExtractor, FactStage, acronyms
from extract.gazetteer import find_places, gazetteer
from extract.orgs import acronym_orgs, arabic_orgs
from ingest.record import Article
from store.story_event import resolved

REAL_STAMPS = [
    # Indonesian
    ("id", "Raka Dwi Novianto , Jurnalis-Kamis, 30 November 2023 |09:34 WIB\nPresiden", "2023-11-30"),
    ("id", "Selasa, 15 November 2022 | 17:54 WIB\nKTT G20", "2022-11-15"),
    ("id", "Kam, 20 Juni 2024 | 13:37 WIB\nLebih dari 500 jamaah", "2024-06-20"),
    ("id", "Kompas.com - 21/02/2023, 11:15 WIB\nKOMPAS.com – Turkiye kembali diguncang gempa", "2023-02-21"),
    ("id", "Betty Usman, Jurnalis · Minggu 10 September 2023 21:15 WIB\nWarga Maroko", "2023-09-10"),
    (
        "id",
        "Liputan6.com, Ankara - Dua gempa kuat mengguncang Provinsi Hatay pada Senin (21/2/2023), dua",
        "2023-02-21",
    ),
    ("id", "JAKARTA, KOMPAS.TV - Kepala Pusat Gempa Bumi, Senin (30/10/2023) pukul 01.21 WIB.", "2023-10-30"),
    ("id", "Jakarta, 29 Oktober 2018 - Pesawat", "2018-10-29"),  # the issue's own example
    # Arabic
    ("ar", "جاكرتا 02 أكتوبر 2022 (وال)- توفي ما يقارب 129 شخصًا", "2022-10-02"),
    ("ar", "بوابة اوكرانيا – كييف 4 نوفمبر 2024 – لقي ستة أشخاص حتفهم", "2024-11-04"),
    ("ar", "بوابة اوكرانيا – كييف – 21 تشرين الثاني 2022 – أسفر زلزال قوي", "2022-11-21"),
    (
        "ar",
        "السبت: 23/11/2024 بتوقيت القدس الشريف\nنشر بتاريخ: 19/06/2024 ( آخر تحديث: 20/06/2024",
        "2024-06-19",
    ),
    ("ar", "التحديث الاخير بتاريخ|الجمعة, نوفمبر 15, 2024\n\nاصابة {11} مدنيا", "2024-11-15"),  # alrai-iq.com
    ("ar", "• Saturday 18 January 2025\n  • 2025/01/18 10:00:47\n{بغداد:الفرات نيوز} اصيب", "2025-01-18"),
    ("ar", "الرباط - 9 سبتمبر 2023 - ضرب", "2023-09-09"),  # the issue's examples
    ("ar", "السبت 09 سبتمبر 2023 - 10:12\nزلزال", "2023-09-09"),
    # English
    ("en", "20 February, 2023\nA new earthquake", "2023-02-20"),
    ("en", "BEIJING, Dec. 6, 2024 /PRNewswire/ -- The 12th Global Video Media Forum", "2024-12-06"),
    ("en", "BEIJING, May 11 (Xinhua) 15:54, May 11, 2021 -- China", "2021-05-11"),
    ("en", "Published: 13 September 2023\nLibya floods", "2023-09-13"),
    ("en", "Updated 3:45 PM, Tue September 12, 2023\nDerna", "2023-09-12"),
    # French
    ("fr", "Publié le 15/04/2019 à 20h12\nLe feu", "2019-04-15"),  # the issue's example
    ("fr", "Publié le 9 septembre 2023 à 10h05\nUn puissant séisme", "2023-09-09"),
    ("fr", "Mis à jour le 13/09/2023 à 18:02\nLibye", "2023-09-13"),
    ("fr", "RABAT, 9 septembre 2023 (AFP) - Un séisme", "2023-09-09"),
    ("fr", "Le 25/12/2024 à 11:40\nUn avion", "2024-12-25"),
    # more from the tuning half: cop28-2023-fr, g20-bali-2022-en/ar/id, sa-hajj-heat-2024-ar, lb-pagers-2024-id
    ("fr", "information fournie par France 24 • 30/11/2023 à 10:59\nLes pays", "2023-11-30"),
    ("en", "16 November 2022 05:24\nLeaders", "2022-11-16"),
    ("ar", 'انطلقت الثلاثاء 15 نوفمبر/تشرين الثاني 2022، أعمال قمة "مجموعة العشرين"', "2022-11-15"),
    ("ar", "تاريخ النشر: 24th, June 2024 GMT\nيمن مونيتور/ قسم الأخبار", "2024-06-24"),
    ("ar", "الأحد ٢٣ يونيو ٢٠٢٤\nأعلن وزير الصحة", "2024-06-23"),
    (
        "id",
        "Dilansir dari Channel News Asia, Rabu (18/9/2024), akibat meledaknya pager tersebut",
        "2024-09-18",
    ),
    (
        "id",
        "KTT G20 di The Apurva Kempinski Bali, Kabupaten Badung, Bali, Selasa (15/11/2022) pagi.",
        "2022-11-15",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), REAL_STAMPS)
def test_publication_date_from_the_text(lang: str, text: str, expected: str) -> None:
    when = published_in_text(text)
    assert when is not None, text
    assert (when.date, when.precision) == (expected, "day")
    assert when.basis in ("dateline", "byline", "timestamp") and when.expression in text


def test_five_real_formats_in_each_language() -> None:
    per_lang: dict[str, int] = {}
    for lang, _, _ in REAL_STAMPS:
        per_lang[lang] = per_lang.get(lang, 0) + 1
    assert min(per_lang.values()) >= 5 and set(per_lang) == {"ar", "en", "fr", "id"}


def test_header_month_and_dateline_day_make_a_day() -> None:
    text = "Betty Usman, Jurnalis · Minggu 10 September 2023 21:15 WIB\nWarga Maroko"
    assert published_in_text(text, "2023-09", "month").date == "2023-09-10"  # type: ignore[union-attr]
    assert published_in_text(text, "2023-10", "month") is None  # another month: the header wins
    assert published_in_text(text, "2023-09-09", "day") is None  # a day in the header is kept


def test_a_date_in_the_lead_is_not_a_publication_date() -> None:
    # "on 29 October 2018" in the middle of a sentence is what happened, not when it was written.
    assert published_in_text("Hari ini, 4 tahun yang lalu, tepatnya pada 29 Oktober 2018 terjadi") is None


def test_the_leads_day_with_its_weekday_dates_the_page() -> None:
    # bench/realset tune split, g20-bali-2022-ar-03: the first sentence names the day of the news
    text = (
        "أندونسيا/ نبأ- بدأت قمة مجموعة العشرين، يوم الثلاثاء 15 تشرين ثاني / نوفمبر 2022، في مدينة بالي "
        "الإندونيسية، والتي تستمر يومين"
    )
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == ("2022-11-15", "lead")
    assert (
        published_in_text(text, "2022-11", "month") is None
    )  # with a header month, the lead's day is the event's


def test_publication_date_from_the_address() -> None:
    slug = "https://www.leparisien.fr/environnement/cop28-a-dubai-premiere-avancee-30-11-2023-2C4H2HXX.php"
    assert published_in_url(slug).date == "2023-11-30"  # type: ignore[union-attr]
    assert published_in_url("https://nasional.kompas.com/read/2022/11/21/16370791/x").date == "2022-11-21"  # type: ignore[union-attr]
    assert published_in_url("https://www.shorouknews.com/news/view.aspx?cdate=09092023&id=ab").date == (  # type: ignore[union-attr]
        "2023-09-09"
    )
    assert published_in_url("https://example.com/news/1234") is None


SATURDAY = dt.date(2023, 9, 9)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("yesterday", "en", "2023-09-08"),
        ("hier", "fr", "2023-09-08"),
        ("kemarin", "id", "2023-09-08"),
        ("أمس", "ar", "2023-09-08"),
        ("اليوم", "ar", "2023-09-09"),
        ("الجمعة", "ar", "2023-09-08"),
        ("Minggu", "id", "2023-09-03"),
        ("pekan lalu", "id", "2023-09-02"),
        ("vendredi", "fr", "2023-09-08"),
    ],
)
def test_relative_days(expression: str, lang: str, expected: str) -> None:
    when = resolve(expression, lang, SATURDAY)
    assert when is not None and when.date == expected


@pytest.mark.parametrize(
    ("text", "lang", "year_hint", "expected"),
    [
        # the tune split's undated reports (bench/realset): the weekday picks the year
        ("Au moins 127 personnes sont mortes, samedi 1er octobre au soir", "fr", None, "2022-10-01"),
        ("La COP28 s'est ouverte ce jeudi 30 novembre à Dubaï", "fr", None, "2023-11-30"),
        ("مساء يومه الإثنين 20 فبراير", "ar", None, "2023-02-20"),
        ("يومه الثلاثاء (15/11) في بالي", "ar", None, "2022-11-15"),
        ("Saturday, October 1, fans stormed the pitch", "en", None, "2022-10-01"),
        # a year the text names wins when the weekday agrees with it
        ("lundi 4 novembre", "fr", 2019, "2019-11-04"),
    ],
)
def test_a_weekday_with_its_day_and_month_gives_the_year(
    text: str, lang: str, year_hint: int | None, expected: str
) -> None:
    from extract.dates import find_dates

    expr = next(e for _, _, e in find_dates(text, lang) if any(c.isdigit() for c in e))
    when = resolve(expr, lang, None, year_hint)
    assert when is not None and when.date == expected
    assert "weekday" in when.basis


def test_a_full_date_whose_weekday_is_another_days_is_not_stated_in_full_and_gives_way_to_its_story() -> None:
    # bench/realset tune split, es-valencia-flood-2024-ar-02 (of the floods of Tuesday 29 October 2024)
    text = "يُذكر أن مدينة فالنسيا، الواقعة في جنوب شرق إسبانيا، شهدت يوم الثلاثاء 30 أكتوبر 2024 فيضانات قوية"
    expr = next(e for _, _, e in find_dates(text, "ar") if "2024" in e)
    when = resolve(expr, "ar")
    assert when is not None and when.date == "2024-10-30" and when.basis != "explicit"
    own = {"type": "flood", "places": ["Valencia"], **when.as_dict()}
    story = {"kind": "flood", "date": "2024-10-29", "date_votes": 5, "reports": 12, "place": "Valencia"}
    assert resolved(own, story)["date"] == "2024-10-29"  # type: ignore[index]
    # its own weekday: a day stated in full, kept
    right = resolve("الثلاثاء 29 أكتوبر 2024", "ar")
    assert right is not None and right.basis == "explicit"
    assert resolved({"type": "flood", "places": [], **right.as_dict()}, dict(story, date="2024-10-30"))[
        "date"
    ] == (  # type: ignore[index]
        "2024-10-29"
    )


def test_a_day_and_month_without_weekday_or_year_stay_unplaced() -> None:
    assert resolve("1er octobre", "fr") is None


def _facts(text: str, lang: str, tmp_path: Path, published: str | None = None):  # type: ignore[no-untyped-def]
    return FactExtractor(gazetteer(tmp_path)).extract(text, lang, [], published)[1]


def test_a_clock_time_is_never_a_count(tmp_path: Path) -> None:
    text = (
        "A powerful earthquake struck at 6:40 p.m. on Friday, killing 296 people. Flight 2216 landed at "
        "11:23 and page 12 of the report lists 153 injured. Pesawat jatuh pukul 06.33 WIB, 40 menit."
    )
    counts = [f.data for f in _facts(text, "en", tmp_path) if f.kind == "count"]
    values = {c["value"] for c in counts}
    assert 40 not in values and 23 not in values and 12 not in values and 33 not in values
    assert {(c["value"], c["category"]) for c in counts} >= {(296, "dead"), (153, "injured")}


def test_arabic_counts_say_what_they_count(tmp_path: Path) -> None:
    text = "أعلنت السلطات عن مقتل 632 شخصا, وإصابة 329 آخرين جراء الزلزال في الساعة 23:11 بقوة 7 درجات."
    counts = {
        (f.data["value"], f.data["category"]) for f in _facts(text, "ar", tmp_path) if f.kind == "count"
    }
    assert (632, "dead") in counts and (329, "injured") in counts and (7.0, "magnitude") in counts
    assert not any(v == 11 for v, _ in counts)


def test_a_passing_holy_week_is_not_a_festival(tmp_path: Path) -> None:
    text = "A fire broke out in a church in Manila on Tuesday during Holy Week, killing three people."
    events = [f.data for f in _facts(text, "en", tmp_path, "2024-03-28") if f.kind == "event"]
    assert events and events[0]["type"] == "fire" and "festival" not in {e["type"] for e in events}
    assert events[0]["date"] == "2024-03-26"


@pytest.mark.parametrize(
    ("text", "lang", "kind"),
    [
        ("Gempa bumi dahsyat melanda Maroko pada Jumat malam, menewaskan ratusan orang.", "id", "earthquake"),
        ("تعرض المغرب، أمس الجمعة، لزلزال مدمر أوقع خسائر بشرية بالمئات.", "ar", "earthquake"),
        ("Un avion de ligne s'est écrasé mercredi près de la ville d'Aktaou, au Kazakhstan.", "fr", "crash"),
        ("Banjir bandang melanda kota Derna di Libya timur.", "id", "flood"),
        ("اندلع حريق في مبنى بمنطقة المنقف في الكويت.", "ar", "fire"),
    ],
)
def test_event_kind_from_the_source_text(text: str, lang: str, kind: str, tmp_path: Path) -> None:
    events = [f.data for f in _facts(text, lang, tmp_path) if f.kind == "event"]
    assert events and events[0]["type"] == kind


def test_places_in_any_script(tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    text = "ضرب زلزال المغرب وشعر به سكان مراكش والرباط، وقال مسؤول في بيروت إن المدينة بخير أمس للمغرب."
    found = {(m.text, m.place.name) for m in find_places(gaz, text)}
    assert {("المغرب", "Morocco"), ("مراكش", "Marrakesh"), ("والرباط", "Rabat"), ("بيروت", "Beirut")} <= found
    assert ("للمغرب", "Morocco") in found  # ل + المغرب
    assert not {m.text for m in find_places(gaz, text)} & {"المدينة", "أمس"}  # "the city", "yesterday"
    latin = "Berkolaborasi dengan Quanzhou--kota pelabuhan. Nice weather in Beijing, said the Latin American Information Alliance."
    names = {m.place.name for m in find_places(gaz, latin)}
    assert {"Quanzhou", "Beijing"} <= names and "Nice" not in names and "Alliance" not in names


def test_counts_say_what_they_count_in_each_language(tmp_path: Path) -> None:
    # Sentences from the dev set's tune half (bench/realset), with the page's figures.
    cases = [
        ("Pesawat jatuh dan mengangkut 189 penumpang, gempa berpusat 72 km barat daya Marrakesh.", "id"),
        ("Le séisme a fait 2.012 morts et 2.059 blessés, et 300 personnes ont été évacuées à 22h00.", "fr"),
        ("Jeju Air Flight 2216 crashed with 181 passengers on board; at least 179 people were killed.", "en"),
    ]
    got = set()
    for text, lang in cases:
        for f in _facts(f"Une explosion. {text}" if lang == "fr" else text, lang, tmp_path):
            if f.kind == "count":
                got.add((f.data["value"], f.data["category"]))
    assert {(189, "on board"), (2012, "dead"), (2059, "injured"), (181, "on board"), (179, "dead")} <= got
    assert not {v for v, _ in got} & {72, 22, 2216}  # a distance, a clock time, a flight number


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        # bench/realset tune split's stadium, airport and volcano reports: venues the gazetteer does not hold
        (
            "Au moins 127 personnes sont mortes dans des mouvements de foule au stade Kanjuruhan à Malang.",
            "fr",
            "Kanjuruhan Stadium",
        ),
        (
            "Kerusuhan terjadi di Stadion Kanjuruhan Malang usai laga Arema FC vs Persebaya.",
            "id",
            "Kanjuruhan Stadium",
        ),
        ("Gunung Lewotobi Laki-laki meletus pada Minggu malam, letusan itu menewaskan 10 orang.", "id", None),
        ("هزت مأساة ملعب كانجوروهان بمدينة مالانغ الإندونيسية العالم، شغب وتدافع", "ar", "كانجوروهان"),
    ],
)
def test_a_named_venue_is_the_events_place(text: str, lang: str, place: str | None, tmp_path: Path) -> None:
    events = [f for f in _facts(text, lang, tmp_path) if f.kind == "event"]
    assert events, text
    if place is None:  # an eruption's volcano: "Mount" + its name, in one form across languages
        assert events[0].data["places"][0] == "Mount Lewotobi Laki-laki"
    else:
        assert events[0].data["places"][0] == place


def test_an_airport_is_a_crash_place_not_a_departure(tmp_path: Path) -> None:
    crash = "Pesawat Jeju Air tergelincir dan terbakar di Bandara Internasional Muan, kecelakaan itu menewaskan 179 orang."
    # the airport by the city it serves (extract/facts.py, FactExtractor._venue_city): Muan
    assert _facts(crash, "id", tmp_path)[0].data["places"][0] == "Muan"
    trip = (
        "Presiden berangkat ke KTT di Dubai dari Bandara Halim Perdanakusuma, Jakarta, untuk menghadiri KTT."
    )
    places = next(f for f in _facts(trip, "id", tmp_path) if f.kind == "event").data["places"]
    assert "Halim Perdanakusuma Airport" not in places


def test_arabic_bali_is_a_place_not_a_clitic_on_a_word(tmp_path: Path) -> None:
    # bench/realset tune split, g20-bali-2022-ar-01: "بالي" is Bali, not ب + الي
    text = "إفتتح الرئيس الإندونيسي جوكو ويدودو رسميا إجتماع قمة مجموعة العشرين في بالي."
    assert [m.place.name for m in find_places(gazetteer(tmp_path), text)] == ["Bali"]


def test_the_datelines_own_date_is_not_the_events(tmp_path: Path) -> None:
    # bench/realset tune split, id-kanjuruhan-2022-ar-01: the dateline's day is the report's; "مساء السبت" the event's
    text = "جاكرتا 02 أكتوبر 2022 (وال)- توفي ما يقارب 129 شخصًا وإصابة أكثر من 180 شخصًا مساء السبت، في تدافع بملعب."
    event = next(f for f in _facts(text, "ar", tmp_path, "2022-10-02") if f.kind == "event")
    assert event.data["date"] == "2022-10-01"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # the event's locality by the word that says what it is (bench/realset tune split, tr-quake-202302)
        (
            "A magnitude-6.4 earthquake hit the southern Turkish province of Hatay on Monday evening. Turkey’s "
            "Disaster and Emergency Management Agency (AFAD) announced that the epicenter of the most recent "
            "earthquake was Hatay’s Defne district.",
            "en",
        ),
        (
            "Un séisme d'une magnitude de 6,4 a été enregistré lundi soir dans la province turque de Hatay (sud). "
            "La secousse dont l'épicentre était situé dans la localité de Defne, selon l'Afad, est survenue à 20h.",
            "fr",
        ),
        (
            "Gempa utama magnitudo 6,4 terjadi sekitar pukul 20.04 waktu setempat dengan pusat gempa di Distrik "
            "Defne, Provinsi Hatay.",
            "id",
        ),
        ("ضرب زلزال بقوة 6.4 درجات على مقياس ريختر ومركزه قضاء «دفنة» في ولاية هاتاي.", "ar"),
    ],
)
def test_a_locality_below_any_city_is_the_events_place(text: str, lang: str, tmp_path: Path) -> None:
    event = next(f for f in _facts(text, lang, tmp_path) if f.kind == "event")
    assert event.data["type"] == "earthquake"
    assert event.data["places"][0] in ("Defne", "دفنة")


def test_a_relative_day_in_a_quotation_is_not_the_pages(tmp_path: Path) -> None:
    # bench/realset tune split, g20-bali-2022-id-03: the page is of the 16th, the summit opened on Tuesday the 15th
    text = (
        "KENDARIPOS.FAJAR.CO.ID -- Presiden RI Joko Widodo (Jokowi) secara resmi membuka Konferensi Tingkat "
        "Tinggi (KTT) G20, di The Apurva Kempinski Bali, Kabupaten Badung, Bali, Selasa (15/11).\n"
        "“Hari ini, saya nyatakan KTT G20 dibuka. Selamat datang di Bali,” kata Jokowi membuka forum KTT G20."
    )
    event = next(f for f in _facts(text, "id", tmp_path, "2022-11-16") if f.kind == "event")
    assert (event.data["type"], event.data["date"]) == ("summit", "2022-11-15")


def test_a_disaster_named_by_no_kind_is_still_an_event(tmp_path: Path) -> None:
    # bench/realset tune split, id-kanjuruhan-2022-ar-02: "the tragedy of Kanjuruhan stadium"
    text = "هزت مأساة ملعب كانجوروهان بمدينة مالانغ الإندونيسية، العالم، حيث لقي 125 شخصاً على الأقل مصرعهم."
    event = next(f for f in _facts(text, "ar", tmp_path, "2022-10-03") if f.kind == "event")
    assert event.data["type"] == "disaster"
    earthquake = "زلزال مدمر في المغرب، وهي كارثة إنسانية كبيرة."
    assert (
        next(f for f in _facts(earthquake, "ar", tmp_path) if f.kind == "event").data["type"] == "earthquake"
    )


def test_publication_day_from_an_address_without_zeros() -> None:
    when = published_in_url("https://www.youm7.com/story/2024/9/17/%D9%88%D8%B2%D8%A7%D8%B1%D8%A9/6713374")
    assert when is not None and when.date == "2024-09-17"


def test_arabic_organisations_by_their_head_noun(tmp_path: Path) -> None:
    # real surfaces: samples/000 and the bench/realset tune split's labelled organisations
    text = (
        "وشارك ممثلو القناة الصينية العربية. وطالبت وزارة الصحة اللبنانية المواطنين. وقالت وكالة الأنباء "
        "الفرنسية إن هيئة المسح الجيولوجي الأميركية رصدت الهزة، كما أعلنت وزارة الداخلية التركية. "
        "وانطلقت قمة مجموعة العشرين. وكان مركز الزلزال قريبا."
    )
    found = {(e.text, e.canonical) for e in arabic_orgs(text, gazetteer(tmp_path), "ar")}
    assert found == {
        ("القناة الصينية العربية", "China-Arab Channel"),
        ("وزارة الصحة اللبنانية", "Lebanon Health Ministry"),
        ("وكالة الأنباء الفرنسية", "France News Agency"),
        ("هيئة المسح الجيولوجي الأميركية", "United States Geological Survey Authority"),
        ("وزارة الداخلية التركية", "Türkiye Interior Ministry"),
        ("مجموعة العشرين", "G20"),
    }  # "مركز الزلزال" is the epicentre, not an organisation


def test_acronyms_the_text_defines_are_organisations(tmp_path: Path) -> None:
    text = (
        "Digelar oleh CCTV Video News Agency (CCTV+), bagian dari China Media Group (CMG), ajang ini. Hari "
        "lahir People's Republic of China (PRC) ke-75 dan Global Video Media Forum (GVMF) dirayakan."
    )
    found = {(e.text, e.canonical) for e in acronym_orgs(text, acronyms(text), [], "id", gazetteer(tmp_path))}
    assert found == {
        ("CCTV Video News Agency", "CCTV Video News Agency"),
        ("CCTV+", "CCTV Video News Agency"),
        ("China Media Group", "China Media Group"),
        ("CMG", "China Media Group"),
    }  # a country and an event are no organisations


def test_a_bare_word_is_not_a_small_city_named_with_city(tmp_path: Path) -> None:
    gaz = gazetteer(tmp_path)
    assert gaz.lookup("Horizon") is not None and gaz.lookup_mention("Horizon") is None  # Horizon City, Texas
    quanzhou = gaz.lookup_mention("Quanzhou")
    assert quanzhou is not None and quanzhou.name == "Quanzhou"
    darnah = gaz.lookup_mention("Derna")
    assert darnah is not None and darnah.name == "Darnah"  # an alternate spelling stays the place


def test_clock_times_are_never_counts_in_french_indonesian_and_arabic(tmp_path: Path) -> None:
    # clock times as the bench/realset tune split writes them (tr-quake-202302-fr/id, lb-pagers-2024-ar)
    cases = [
        ("fr", "La secousse est survenue à 20h04 (18h04 suisse) et à 20 h 04 locales, faisant 3 morts.", {3}),
        ("id", "Gempa terjadi sekitar pukul 20.04 waktu setempat, menewaskan 3 orang.", {3}),
        ("ar", "وقع الانفجار عند الساعة 15:30 وأسفر عن مقتل 12 شخصا.", {12}),
    ]
    for lang, text, expected in cases:
        values = {f.data["value"] for f in _facts(text, lang, tmp_path) if f.kind == "count"}
        assert values == expected, (lang, values)


def test_fact_stage_names_arabic_organisations_in_latin(tmp_path: Path) -> None:
    from extract.facts import FactOptions

    article = Article(
        source="x.txt",
        text="كما سيدخل الموسم إلى العالم العربي وذلك عبر القناة الصينية العربية، ليبني منصة جديدة.",
        lang="ar",
    )
    out = FactStage(FactOptions(cache_dir=tmp_path))(article)
    assert ("ORG", "China-Arab Channel") in {(e.label, e.canonical) for e in out.entities}


@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        ("السبت 09/سبتمبر/2023 - 10:00 م\nزلزال", "2023-09-09", "timestamp"),  # a month name between slashes
        ("Mis en ligne le 08/09/2023\nUn séisme", "2023-09-08", "byline"),
        ("نُشر في: 22 مارس 2024\nهجوم", "2024-03-22", "byline"),  # a damma inside نشر
        ("2023-09-09T10:00:00+00:00\nAn earthquake", "2023-09-09", "timestamp"),  # ISO 8601 as pages print it
        ("Terbit: 25 Februari 2022\nGempa", "2022-02-25", "byline"),
    ],
)
def test_more_byline_and_timestamp_shapes(text: str, expected: str, basis: str) -> None:
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == (expected, basis)


def test_a_weekday_with_only_the_month_follows_the_days_the_text_states(tmp_path: Path) -> None:
    # bench/realset tune split, af-quake-20231015-fr-01 (header "date 2023-10"): "dimanche" is the 15th, the first
    # Sunday after the 7 and 11 October quakes it recalls
    text = (
        "Un nouveau séisme, de magnitude 6,3, a frappé dimanche la ville d'Hérat, au nord-ouest de "
        "l'Afghanistan.\nLe 7 octobre, des villages entiers ont été détruits dans un tremblement de terre. Un "
        "autre séisme important le 11 octobre a créé la panique."
    )
    event = next(f for f in _facts(text, "fr", tmp_path, "2023-10") if f.kind == "event")
    assert (event.data["type"], event.data["date"]) == ("earthquake", "2023-10-15")


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ("6 شباط/فبراير 2023", "2023-02-06"),  # the Levantine and the Egyptian name side by side
        ("9 أيلول (سبتمبر) 2023", "2023-09-09"),
        ("8 شتنبر 2023", "2023-09-08"),  # the Maghreb's name
        ("السادس من فبراير", "2023-02-06"),  # the day as an ordinal word
        ("الحادي والعشرين من نوفمبر", "2022-11-21"),
    ],
)
def test_arabic_month_series_and_ordinal_days(expression: str, expected: str) -> None:
    from extract.dates import find_dates

    assert [e for _, _, e in find_dates(f"وقع الزلزال في {expression} جنوب البلاد", "ar")] == [expression]
    when = resolve(expression, "ar", dt.date(2023, 9, 10))
    assert when is not None and when.date == expected


def test_titles_events_and_parks_the_text_abbreviates_are_no_organisations(tmp_path: Path) -> None:
    # the bench/realset tune split's Indonesian G20 reports
    text = (
        "Perdana Menteri (PM) India hadir di Konferensi Tingkat Tinggi (KTT) G20 di Taman Budaya Garuda Wisnu "
        "Kencana (GWK), kata Ketua Financial Stability Board (FSB)."
    )
    found = {(e.text, e.canonical) for e in acronym_orgs(text, acronyms(text), [], "id", gazetteer(tmp_path))}
    assert found == {
        ("Financial Stability Board", "Financial Stability Board"),
        ("FSB", "Financial Stability Board"),
    }


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        # the agencies' dateline shapes without the year: Reuters and AP in English, KUNA (day - month number)
        # and MENA in Arabic, Antara in Indonesian
        ("RABAT, Sept 9 (Reuters) - A powerful earthquake struck", 2023, "2023-09-09"),
        ("MARRAKECH, Morocco, Sept 9 (AP) — A rare, powerful earthquake", 2023, "2023-09-09"),
        ("الكويت – 5 – 1 (كونا) — أعلنت وزارة الداخلية", 2024, "2024-01-05"),
        ("القاهرة في 9 سبتمبر /أ ش أ/ أعلنت الهيئة", 2023, "2023-09-09"),
        ("Jakarta, 5 Desember (ANTARA) - Gunung Marapi", 2023, "2023-12-05"),
    ],
)
def test_wire_datelines_without_their_year(text: str, year: int, expected: str) -> None:
    from extract.dates import published_in_dateline

    when = published_in_dateline(text, year)
    assert when is not None and (when.date, when.basis) == (expected, "dateline")
    assert published_in_dateline(text, None) is None  # no year from anywhere: no day
    assert published_in_dateline("PARIS (AFP) - Un séisme", year) is None


def test_a_yearless_dateline_takes_the_metadatas_or_the_addresss_year(tmp_path: Path) -> None:
    from extract.facts import FactOptions

    article = Article(
        source="x.txt", text="RABAT, Sept 9 (Reuters) - A powerful earthquake struck Morocco.", lang="en"
    )
    dated = FactStage(FactOptions(cache_dir=tmp_path))(
        dataclasses.replace(article, url="https://example.com/world/2023/quake")
    )
    assert dated.published == "2023-09-09"
    month = FactStage(FactOptions(cache_dir=tmp_path))(
        dataclasses.replace(article, published="2023-10", published_precision="month")
    )
    assert month.published == "2023-10"  # a day of another month than the metadata's is not taken


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Publié le 9 avr. 2024 à 10h34\nUn séisme", "2024-04-09"),  # French abbreviated months
        ("Publié le 09/09/23 à 10h34\nUn séisme", "2023-09-09"),  # a two-digit year beside a byline word
        ("Selasa, 22 Nopember 2022 | 15:45 WIB\nGempa", "2022-11-22"),  # the older Indonesian spelling
        ("Jum'at, 24 Februari 2023 10:12 WIB\nGempa", "2023-02-24"),
        ("09 سبتمبر 2023 م\nزلزال", "2023-09-09"),  # a date line of its own, with the era letter
    ],
)
def test_abbreviated_months_old_spellings_and_short_years(text: str, expected: str) -> None:
    when = published_in_text(text)
    assert when is not None and when.date == expected
    assert published_in_text("Le bilan au 09/09/23 est lourd.\nUn séisme") is None  # no clock, no byline word


def test_abbreviated_and_old_month_names_in_running_text() -> None:
    from extract.dates import find_dates

    assert [e for *_, e in find_dates("Le séisme du 9 sept. a fait 2 900 morts.", "fr")] == ["9 sept."]
    assert [e for *_, e in find_dates("Gempa terjadi Jum'at (24/2) malam.", "id")] == ["Jum'at (24/2)"]
    when = resolve("Ahad", "id", dt.date(2023, 12, 5))
    assert when is not None and when.date == "2023-12-03"


def _stage_facts(text: str, lang: str, tmp_path: Path, entities: tuple = (), published: str | None = None):  # type: ignore[no-untyped-def,type-arg]
    from extract.facts import FactOptions

    article = Article(source="x.txt", text=text, lang=lang, entities=entities, published=published)
    return FactStage(FactOptions(cache_dir=tmp_path))(article)


def test_a_colon_dateline_is_where_the_report_was_written(tmp_path: Path) -> None:
    # bench/realset tune split, id-cianjur-2022-en-02: "JAKARTA:" is the dateline, Cianjur the epicentre
    text = (
        "JAKARTA: A 5.6-magnitude earthquake that shook Indonesia’s West Java province on Monday has left up to "
        "20 people dead, a local official said. According to Herman Suherman, a government representative from "
        "Cianjur, the West Javan town where the earthquake’s epicentre was located, up to 20 people may have died."
    )
    out = _stage_facts(text, "en", tmp_path, published="2022-11-21")
    event = next(f for f in out.facts if f.kind == "event")
    assert event.data["places"][0] == "Cianjur"
    assert "Jakarta" not in event.data["places"]


def test_where_a_quake_was_felt_is_not_where_it_was(tmp_path: Path) -> None:
    # bench/realset tune split, tr-quake-202302-en-04 (AFP)
    text = (
        "A 6.4-magnitude earthquake was recorded Monday in Turkey's southern province of Hatay. "
        "The quake hit the town of Defne at 8:04 pm (1704 GMT) and was strongly felt in Antakya and Adana, "
        "200 kilometres (300 miles) to the north."
    )
    event = next(f for f in _stage_facts(text, "en", tmp_path).facts if f.kind == "event")
    assert event.data["places"][0] == "Defne"
    assert not {"Antakya", "Adana"} & set(event.data["places"])


def test_a_sentence_about_an_earlier_year_names_no_place_of_the_event(tmp_path: Path) -> None:
    # bench/realset tune split, cop28-2023-en-02 (AFP): "since Paris in 2015" is the Paris Agreement's year
    text = (
        "Nearly 200 nations agreed Thursday to launch a fund as the United Nations climate talks kicked off. "
        "The COP28 talks in Dubai come at a pivotal moment for the planet. "
        "The U.N. and hosts say the talks will be the most important since Paris in 2015."
    )
    event = next(
        f for f in _stage_facts(text, "en", tmp_path, published="2023-11-30").facts if f.kind == "event"
    )
    assert "Paris" not in event.data["places"]


def test_one_volcano_under_its_longest_name(tmp_path: Path) -> None:
    # bench/realset tune split, id-lewotobi-2024-id-03: three spellings of one volcano, one score
    text = (
        "Gunung Lewotobi Laki-laki di Flores Timur, Nusa Tenggara Timur, meletus pada Minggu malam. Letusan "
        "Gunung Lewotobi menewaskan 10 orang. Status Gunung Lewotobi Laki-Laki dinaikkan."
    )
    events = [f for f in _facts(text, "id", tmp_path) if f.kind == "event"]
    assert events[0].data["places"][0] == "Mount Lewotobi Laki-laki"
    assert "Mount Lewotobi" not in events[0].data["places"]


def test_an_arabic_place_the_gazetteer_lacks_is_heard_as_one_it_holds(tmp_path: Path) -> None:
    # bench/realset tune split, id-cianjur-2022-ar-01: سيانجور (read "Siyanjur") is Cianjur, Indonesia
    from ingest.record import Entity

    text = "ضرب زلزال مدينة سيانجور في جاوة الغربية بإندونيسيا، وأسفر عن مقتل 162 شخصا."
    start = text.index("سيانجور")
    ner = Entity("سيانجور", "GPE", start, start + len("سيانجور"), "Siyanjur", "native", "ar", "ner")
    out = _stage_facts(text, "ar", tmp_path, entities=(ner,))
    assert ("سيانجور", "Cianjur") in {(e.text, e.canonical) for e in out.entities}
    # without a country of it in the text, a name is not heard as a place
    alone = "ضرب زلزال مدينة سيانجور."
    ner = Entity("سيانجور", "GPE", 16, 23, "Siyanjur", "native", "ar", "ner")
    assert alone[16:23] == "سيانجور"
    out = _stage_facts(alone, "ar", tmp_path, entities=(ner,))
    assert ("سيانجور", "Siyanjur") in {(e.text, e.canonical) for e in out.entities}


def test_sound_keys_meet_across_transliterations(tmp_path: Path) -> None:
    from extract.gazetteer import sound_key, sounds_like

    assert sound_key("Siyanjur") == sound_key("Cianjur")
    assert sound_key("Ghujarat") == sound_key("Gujarat")
    gaz = gazetteer(tmp_path)
    assert sounds_like(gaz, "Siyanjur", frozenset({"ID"})).name == "Cianjur"  # type: ignore[union-attr]
    assert sounds_like(gaz, "Siyanjur", frozenset({"MA"})) is None  # not a place of the text's countries
    assert sounds_like(gaz, "Britaniya", frozenset({"GB"})) is None  # a country's name is no city's
    # es-valencia-flood-2024 (tune): فالنسيا is Valencia, not Palencia (ف is f or v, ب is b or p)
    assert sound_key("Falnsiya") == sound_key("Valencia") != sound_key("Palencia")
    assert sounds_like(gaz, "Falnsiya", frozenset({"ES"})).name == "Valencia"  # type: ignore[union-attr]


def test_an_address_numbered_by_unix_time_dates_the_page() -> None:
    # bench/realset tune split, g20-bali-2022-ar-02: al-ain.com numbers its articles by Unix time
    when = published_in_url("https://al-ain.com/article/1668477968")
    assert when is not None and when.date == "2022-11-15"
    assert published_in_url("https://example.com/node/2200431") is None  # an ordinary article number


def test_update_lines_hijri_calendars_and_lead_days_yield() -> None:
    # an update line only where nothing else dates the page
    text = "Publié le 12/09/2023 à 07:15\nMis à jour le 13/09/2023 à 18:02\nLibye"
    assert published_in_text(text).date == "2023-09-12"  # type: ignore[union-attr]
    assert published_in_text("Mis à jour le 13/09/2023 à 18:02\nLibye").date == "2023-09-13"  # type: ignore[union-attr]
    assert published_in_text("Mis à jour le 13/09/2023 à 18:02\nLibye", url_day="2023-09-12") is None
    # a site's calendar line with today's Hijri date (bench/realset tune split, sa-hajj-heat-2024-ar-06)
    assert published_in_text("الأحد 07 يوليو 2024 الموافق 01 محرم 1446 بتوقيت عدن\nوفاة حجاج") is None
    # bench/realset tune split, id-lewotobi-2024-id-02: the lead's "Minggu (3/11/2024)" is the eruption's day;
    # the address gives the page's
    lead = (
        "TRIBUNSORONG.COM - Gunung Lewotobi di Kabupaten Flores Timur meletus pada Minggu (3/11/2024) malam."
    )
    assert published_in_text(lead).date == "2024-11-03"  # type: ignore[union-attr]
    assert published_in_text(lead, url_day="2024-11-04") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("West Java", "Jawa Barat"),  # Indonesia's provinces by their compass point, in English and French
        ("East Nusa Tenggara", "Nusa Tenggara Timur"),
        ("West Sumatra", "Sumatera Barat"),
        ("province de Sumatra Ouest", "Sumatera Barat"),
        ("province d'Al-Haouz", "Al Haouz"),  # the French elided "d'"
        ("région de Marrakech-Safi", "Marrakech-Safi"),
        ("Île-de-France", "Île-de-France"),  # a name that opens like an affix keeps it
    ],
)
def test_province_names_across_languages(name: str, expected: str, tmp_path: Path) -> None:
    place = gazetteer(tmp_path).lookup(name)
    assert place is not None and place.name == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("نشر في: 9 سبتمبر، 2023 - 10:30 م\nزلزال", "2023-09-09"),  # the Arabic comma before the year
        ("سبتمبر 9، 2023 10:30 م\nزلزال", "2023-09-09"),
        ("8 سبتمبر 2023م | 10:30\nزلزال", "2023-09-08"),  # the era letter glued to the year, then the clock
    ],
)
def test_arabic_commas_and_era_letters_in_date_lines(text: str, expected: str) -> None:
    when = published_in_text(text)
    assert when is not None and when.date == expected


# -- which of a sentence's dates is the event's (real sentences of the bench/realset tuning half) -----------------
@pytest.mark.parametrize(
    ("lang", "sentence", "expression", "why"),
    [
        # lb-pagers-2024-fr-03: the explosions were on Tuesday, the minister spoke on Wednesday
        (
            "fr",
            "Les explosions simultanées de bipeurs du Hezbollah mardi au Liban, imputées à Israël par la formation "
            "islamiste pro-iranienne, ont fait 12 morts et quelque 2.800 blessés, a indiqué mercredi le ministre "
            "libanais de la Santé, Firass Abiad.",
            "mercredi",
            "said",
        ),
        ("fr", "Les explosions simultanées de bipeurs du Hezbollah mardi au Liban", "mardi", None),
        # tr-quake-202302-id-01: the day the BBC was quoted
        (
            "id",
            "Melansir BBC, Selasa (21/2/2023), Badan Bencana dan Darurat Turki AFAD menyatakan gempa terjadi pukul "
            "20.04 waktu setempat.",
            "Selasa (21/2/2023)",
            "said",
        ),
        # tr-quake-202302-id-02: the earlier quake a span of time leads back to
        (
            "id",
            "Liputan6.com, Ankara - Dua gempa kuat mengguncang Provinsi Hatay paling selatan Turki pada Senin "
            "(21/2/2023), dua pekan setelah gempa magnitudo 7,8 melanda wilayah itu tepatnya pada 6 Februari 2023.",
            "6 Februari 2023",
            "background",
        ),
        (
            "id",
            "Sebelumnya, gempa magnitudo 7,8 mengguncang wilayah tersebut pada 6 Februari 2023.",
            "6 Februari 2023",
            "background",
        ),
        # kr-jejuair-2024-ar-02, id-lewotobi-2024-en-01
        (
            "ar",
            "وقالت السلطات الكورية الجنوبية، اليوم الأحد، إن النيران اندلعت في طائرة كان على متنها 181 شخصًا",
            "اليوم",
            "said",
        ),
        # mm-cyclone-mocha-2023-ar-01: the day a toll rose, after the toll's long phrase
        (
            "ar",
            "ارتفعت حصيلة قتلى الإعصار موكا في ولاية راخين في مينامار إلى 410 على الأقل، اليوم الثلاثاء، وفق ما أفاد "
            "مسؤولون محليون لوكالة فرانس برس.",
            "اليوم",
            "said",
        ),
        (
            "en",
            "spewing explosive plumes of lava and forcing authorities to evacuate several nearby villages, "
            "officials said on Monday.",
            "Monday",
            "said",
        ),
        # a speech verb is a whole word ("ujar" in Gujarat), and "before the crash" ties the day to the crash
        # (in-airindia-2025-id-03, kr-jejuair-2024-id-01)
        (
            "id",
            "AI171 jatuh di kawasan Meghani Nagar, Ahmedabad, Gujarat, pada Kamis pagi, 12 Juni 2025",
            "Kamis pagi, 12 Juni 2025",  # the weekday, its part of the day and the date: one expression
            None,
        ),
        (
            "id",
            "dan Thailand tanpa insiden, menurut Flightradar24, sebelum kecelakaan Minggu pagi.",
            "Minggu",
            None,
        ),
    ],
)
def test_a_day_said_or_recalled_is_weak_evidence_of_the_events(
    lang: str, sentence: str, expression: str, why: str | None
) -> None:
    from extract.dates import find_dates, weak_date

    found = [(s, e) for s, _, e in find_dates(sentence, lang) if e == expression]
    assert found, f"{expression!r} not found"
    assert weak_date(sentence, found[0][0], expression, lang) == why


def test_a_weak_day_says_so_in_its_basis_and_gives_way_to_its_story(tmp_path: Path) -> None:
    # bench/realset tune split, sy-tartus-boat-2022-id-02: the only day is the one Al Araby was quoted on
    text = (
        '"Jumlah korban dari kapal karam mencapai 77 orang," kata Menteri Kesehatan Suriah Hassan al-Ghabash dalam '
        "sebuah pernyataan, menambahkan bahwa 20 orang yang selamat dirawat di rumah sakit di pelabuhan Tartus, "
        "Suriah seperti dikutip dari Al Araby, Sabtu (24/9/2022)."
    )
    event = next(f for f in _facts(text, "id", tmp_path) if f.kind == "event").data
    assert event["date"] == "2022-09-24"  # nothing else dates it
    assert event["basis"] == "explicit; the day it was said, not stated for the event"
    story = {"kind": "crash", "date": "2022-09-22", "date_votes": 3, "reports": 5, "place": None}
    assert (resolved(event, story) or {})["date"] == "2022-09-22"
    assert (resolved({**event, "basis": "explicit"}, story) or {})["date"] == "2022-09-24"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # bench/realset tune split, lb-tripoli-boat-2022-fr-02 and -en-01: photo captions closed by their credit
        (
            "Des personnes se tiennent près de civières préparées pour accueillir des cadavres après le chavirement "
            "d'un bateau au large de la côte libanaise de Tripoli, dans le port de Tripoli, au nord du Liban, le 24 "
            "avril 2022. (Reuters)",
            "fr",
        ),
        (
            "25 April 2022, Lebanon, Tripoli: Mourners carry the bodies of four-year-old Taline al-Hamoui (R) and her "
            "mother Rihab who were killed after a boat loaded with migrants capsized near the coast of the northern "
            "city of Tripoli, during their funeral procession at the neighborhood of Bab al-Tabbaneh. (dpa)",
            "en",
        ),
        # id-tunu-ferry-2025-fr-03 and pk-quetta-fc-bombing-2025-fr-01 (noovo.info; the image's file name opens
        # the line, the credit names the source it came through or the photographer), id-tunu-ferry-2025-fr-01
        # (boursorama.com, the credit spaced out)
        (
            "9c56c5f328a4ca108a5eb2fcddb05261bd630a3cb26b1c390aba3803bc7c481b.jpg Sur cette photo publiée par "
            "l'Agence nationale indonésienne de recherche et de sauvetage (BASARNAS), des sauveteurs recherchent des "
            "victimes après le naufrage d'un traversier en route pour l'île de Bali au large de Ketapang, dans l'est "
            "de Java, en Indonésie, le jeudi 3 juillet 2025. (BASARNAS via AP)",
            "fr",
        ),
        (
            "Des secouristes et des agents de sécurité examinent des véhicules endommagés sur le site d'un attentat à "
            "la voiture piégée, à Quetta, au Pakistan, le mardi 30 septembre 2025. (ASSOCIATED PRESS/Arshad Butt)",
            "fr",
        ),
        (
            "Des proches attendent des nouvelles de l'opération de recherche après le naufrage d'un ferry au large de "
            "l'île indonésienne de Bali, qui a fait plusieurs dizaines de disparus, à Banyuwangi, dans l'est de Java, "
            "le 3 juillet 2025 ( AFP / STR )",
            "fr",
        ),
    ],
)
def test_a_caption_closed_by_an_agency_credit_gives_a_weak_day(line: str, lang: str, tmp_path: Path) -> None:
    event = next(f for f in _facts(line, lang, tmp_path) if f.kind == "event").data
    assert "photo caption" in event["basis"]


def test_a_night_is_dated_by_the_day_it_began(tmp_path: Path) -> None:
    # bench/realset tune split, id-lewotobi-2024-fr-01: the eruption began "dimanche peu avant minuit"
    text = (
        "L’éruption du volcan Lewotobi Laki-Laki, dans l’est de l’Indonésie, a fait au moins dix morts, dans la "
        "nuit de dimanche à lundi 4 novembre, selon les autorités, qui ont mis en garde contre de potentielles "
        "coulées de lave sous l’effet de la pluie."
    )
    event = next(f for f in _facts(text, "fr", tmp_path) if f.kind == "event")
    assert (event.data["type"], event.data["date"]) == ("eruption", "2024-11-03")
    # id-lewotobi-2024-fr-02: "la nuit du 3 au 4 novembre", and the night's first weekday against the page's day
    when = resolve("nuit du 3 au 4 novembre", "fr", None, 2024)
    assert when is not None and when.date == "2024-11-03"
    when = resolve("nuit de dimanche à lundi", "fr", dt.date(2024, 11, 4))
    assert when is not None and when.date == "2024-11-03"


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # kr-jejuair-2024-ar-03 (published Sunday 29 December 2024): the lawmakers' Friday, two days before
        (
            "ar",
            "وفي سياق هذه الأزمة، أقال المشرعون يوم الجمعة الماضي الرئيس بالإنابة هان دوك-سو",
            "2024-12-29",
            "2024-12-27",
        ),
        # lb-pagers-2024-ar-04 (its page dated Tuesday 28 January 2025): "last Tuesday" is a week back
        (
            "ar",
            "الجريمة النكراء” التي ارتكبها الكيان الصهيوني يوم الثلاثاء الماضي،",
            "2025-01-28",
            "2025-01-21",
        ),
        # in-airindia-2025-ar-02: today
        ("ar", "ويذكر أن طائرة ركاب على متنها 242 راكبا، تحطمت اليوم قرب مطار", "2025-06-12", "2025-06-12"),
        # id-kanjuruhan-2022-id-02: the weekday, its time of day, then the bracketed date
        (
            "id",
            "Persebaya Surabaya vs Arema FC pada Sabtu malam (1/10/2022), menyisakan duka",
            None,
            "2022-10-01",
        ),
    ],
)
def test_relative_and_qualified_days_in_real_sentences(
    lang: str, text: str, published: str | None, expected: str
) -> None:
    from extract.dates import find_dates, iso_date

    base = iso_date(published)
    whens = [resolve(e, lang, base, 2022) for _, _, e in find_dates(text, lang)]
    assert [w.date for w in whens if w] == [expected]


def test_arabic_today_and_yesterday_are_words_not_names() -> None:
    from extract.dates import find_dates

    # sa-hajj-heat-2024-ar-03 cites the newspaper Al-Masry Al-Youm ("the Egyptian Today"): no date
    assert find_dates("حسب ما نقلت صحيفة المصري اليوم.", "ar") == []
    # the shapes: "the first day", "the World Day" and Youm7 are no "today"; "and yesterday" glued is yesterday;
    # "أمس الأول" is the day before yesterday
    assert find_dates("في اليوم الأول من المؤتمر", "ar") == []
    assert find_dates("اليوم العالمي للمناخ", "ar") == []
    assert find_dates("موقع اليوم السابع", "ar") == []
    assert find_dates("وفقا لروسيا اليوم", "ar") == []  # RT Arabic's name
    assert find_dates("India Today reported", "en") == []
    # kr-jejuair-2024-en-01: a capital T after a place is still the day
    assert [
        e for _, _, e in find_dates("crashed at Muan International Airport in South Korea Today", "en")
    ] == ["Today"]
    assert [e for _, _, e in find_dates("وأمس قال الوزير", "ar")] == ["أمس"]
    when = resolve("أمس الأول", "ar", dt.date(2023, 9, 9))
    assert when is not None and when.date == "2023-09-07"


def test_weekday_shapes_and_numeric_dates_resolve() -> None:
    friday = dt.date(2023, 9, 8)
    for expression, lang, expected in [
        ("vendredi prochain", "fr", "2023-09-15"),  # a preview's day is after the page
        ("Jumat depan", "id", "2023-09-15"),
        ("الجمعة المقبلة", "ar", "2023-09-15"),
        ("next Friday", "en", "2023-09-15"),
        ("vendredi dernier", "fr", "2023-09-01"),  # "last Friday" on a Friday is a week back
        ("الثلثاء", "ar", "2023-09-05"),  # the Levantine spelling of Tuesday
        ("two days ago", "en", "2023-09-06"),
        ("kemarin lusa", "id", "2023-09-06"),
        ("lundi 11 septembre", "fr", "2023-09-11"),  # a day after the page, not a year before
        ("8/9/2023", "id", "2023-09-08"),  # day first, in running text
        ("08.09.2023", "ar", "2023-09-08"),
        ("8 من سبتمبر", "ar", "2023-09-08"),
    ]:
        when = resolve(expression, lang, friday)
        assert when is not None and when.date == expected, expression
    # Monday is weekday 0: "Senin (21/11)" without a publication date still takes the year the weekday gives
    when = resolve("Senin (21/11)", "id", None, 2022)
    assert when is not None and when.date == "2022-11-21"


def test_a_printed_day_far_from_the_addresss_day_yields_to_it() -> None:
    # sa-hajj-heat-2024-ar-01: the site's clock line, then the byline
    text = "السبت: 23/11/2024 بتوقيت القدس الشريف\nنشر بتاريخ: 19/06/2024 ( آخر تحديث: 20/06/2024"
    assert published_in_text(text, url_day="2024-06-20").date == "2024-06-19"  # type: ignore[union-attr]
    assert (
        published_in_text(text, url_day="2024-06-25") is None
    )  # the address is set once; the text may be edited
    # a credit line that ends with its date after a bar (the shape, as French and Arabic pages print it)
    assert published_in_text("AFP | 9 septembre 2023\nUn séisme").date == "2023-09-09"  # type: ignore[union-attr]
    assert published_in_text("كتب محمد علي - السبت 9 من سبتمبر 2023\nضرب").date == "2023-09-09"  # type: ignore[union-attr]


def test_le_and_a_date_opening_a_sentence_is_no_byline() -> None:
    from extract.dates import stamp_kind

    # bench/realset tune split, af-quake-20231015-fr-02: the quake's day, not the page's
    text = "Le 15 octobre, un nouveau séisme d'une magnitude de 6,3 a secoué la ville d'Hérat"
    assert stamp_kind(text, 3, 13) not in ("byline", "timestamp")
    assert stamp_kind("Le 9 septembre 2023\nUn séisme", 3, 19) == "byline"


def test_a_date_with_its_clock_in_a_sentence_is_the_events(tmp_path: Path) -> None:
    # bench/realset tune split, id-lewotobi-2024-id-03: "pada Minggu (03/11/2024) pukul 23.57 WITA" is when the
    # volcano erupted, not a page stamp; the July eruption it recalls is not this one
    text = (
        "Gununung Lewotobi Laki-laki Kabupaten Flores Timur, Nusa Tenggara Timur (NTT) meletus pada Minggu "
        "(03/11/2024) pukul 23.57 WITA. Erupsi kali ini disebut lebih parah dibandingkan erupsi sebelumnya yang "
        "terjadi pada Juli 2024 lalu."
    )
    event = next(f for f in _facts(text, "id", tmp_path) if f.kind == "event")
    assert (event.data["type"], event.data["date"]) == ("eruption", "2024-11-03")
    # a byline's weekday and date with its clock still is the page's stamp (sa-hajj-heat-2024-id-02)
    from extract.dates import stamp_kind

    line = "Muhammad Ilham Baktora\nRabu, 19 Juni 2024 | 20:28 WIB\nIlustrasi jamaah haji"
    start = line.index("Rabu")
    assert stamp_kind(line, start, line.index(" |")) == "timestamp"


def test_the_events_day_is_the_day_said_or_the_week_before_it() -> None:
    from extract.facts import _within_week_before

    # id-lewotobi-2024-en-02 recalls "On October 27, Mount Marapi in West Sumatra erupted": against a statement of
    # Monday 4 November 2024 that is another event's day; Sunday 3 November is this one's
    assert not _within_week_before("2024-10-27", "2024-11-04")
    assert _within_week_before("2024-11-03", "2024-11-04")
    assert not _within_week_before("2024-11-05", "2024-11-04")  # after what was said of it


def test_a_day_years_before_the_publication_date_is_a_recalled_event_not_the_reports(tmp_path: Path) -> None:
    # ir-kerman-2024-ar-01 (tune), published 2024-01-03: the only date in the text is Soleimani's death in 2020
    text = (
        "أفادت تقارير إيرانية بوقوع انفجارين متتاليين قرب ضريح الجنرال قاسم سليماني في محافظة كرمان، مما أدى إلى "
        "مقتل 73 شخصًا وإصابة 171 آخرين.\nوقع الانفجاران بفارق زمني قصير يقدر بحوالي 10 دقائق، في الطريق المؤدي "
        "إلى المقبرة حيث كان يُقام حفل تأبين بمناسبة الذكرى الرابعة لمقتل سليماني، قائد فيلق القدس بالحرس الثوري "
        "الإيراني، في هجوم نفذته الولايات المتحدة ببغداد في 3 يناير 2020."
    )
    events = [f.data for f in _facts(text, "ar", tmp_path, "2024-01-03") if f.kind == "event"]
    assert events and events[0]["date"] == "2024-01-03"


def test_a_month_long_before_the_publication_date_is_a_recalled_event(tmp_path: Path) -> None:
    # bench/realset tune split, ir-kerman-2024-fr-03 (its page dated 3 January 2024): "en janvier 2020" is the drone
    # strike the attack's ceremony commemorated; the text gives the attack no day, so it takes the page's
    text = (
        "L’attaque, rapportée dans la ville de Kerman, à 820 kilomètres au sud-est de Téhéran, a coïncidé avec la "
        "commémoration du quatrième anniversaire de l’assassinat du général Qasem Soleimani.\nL’une des explosions "
        "s’est produite à 700 mètres de la tombe de Soleimani, victime d’une attaque de drones exécutée par "
        "l’armée de l’air américaine en Irak en janvier 2020."
    )
    events = [f.data for f in _facts(text, "fr", tmp_path, "2024-01-03") if f.kind == "event"]
    assert events and events[0]["date"] == "2024-01-03"
    from extract.facts import _recalled

    assert _recalled("2020-01", dt.date(2024, 1, 3)) and not _recalled("2023-12", dt.date(2024, 1, 3))


def test_a_wires_yearless_dateline_after_a_credit_is_not_the_events_day(tmp_path: Path) -> None:
    # arab-summit-manama-2024-en-01 (MENAFN, dated 17 May 2024): the summit "kicked off ... yesterday"
    from extract.dates import wire_dateline_end

    text = (
        "(MENAFN- Nam News Network) MANAMA, May 17 (NNN-BNA) – The 33rd Arab League Summit kicked off in Manama, "
        "the capital of Bahrain, yesterday, to review various regional issues with the Gaza crisis as a leading "
        "agenda."
    )
    assert text[: wire_dateline_end(text)].endswith("(NNN-BNA) –")
    events = [f.data for f in _facts(text, "en", tmp_path, "2024-05-17") if f.kind == "event"]
    assert events and events[0]["date"] == "2024-05-16"
    assert wire_dateline_end("The 33rd Arab League Summit kicked off in Manama, May 16 (Thursday).") == 0


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # arab-summit-jeddah-2023-fr-02 (La Libre, 19 May 2023): Syria's readmission "le 7 mai dernier" is twelve
        # days back; the summit the page reports has no day in the text but the page's
        (
            "fr",
            "Bachar al-Assad a participé vendredi au sommet de la Ligue arabe à Djeddah. L'organisation panarabe "
            "avait exclu le régime syrien fin 2011, avant de le réintégrer le 7 mai dernier.",
            "2023-05-19",
            "2023-05-19",
        ),
        # es-valencia-flood-2024-fr-02 (PressAfrik, October 2024): the mourning "jusqu'au 1er novembre" ends a span;
        # the floods "le 29 et 30 octobre 2024" began on the 29th
        (
            "fr",
            "Trois jours de deuil ont été décrétés jusqu'au 1er novembre après les inondations. Des secouristes "
            "viennent de secourir un homme après les pluies et les torrents d'eau, de boue et de débris qui ont "
            "dévasté la ville, le 29 et 30 octobre 2024.",
            "2024-10",
            "2024-10-29",
        ),
        # np-yeti-crash-2023-id-01 (BeeNews, 16 January 2023): the day is given paragraphs after the lead, by
        # "Insiden terjadi pada"
        (
            "id",
            "BEENEWS.CO.ID – Dunia maskapai penerbangan khususnya di Nepal kini sedang berduka, atas terjadinya "
            "kecelakaan pesawat yakni Yeti Airlines di Pokhara, Nepal.\nDalam 30 tahun terakhir, ini menjadi "
            "kecelakaan terburuk di negara tersebut. Peristiwa ini menewaskan sebanyak 68 penumpang.\nYeti Airlines "
            "diketahui membawa 37 laki-laki, 25 perempuan, tiga anak-anak dan tiga bayi.\nInsiden terjadi pada "
            "Minggu (15/1/2023) waktu setempat, pesawat bertolak dari ibu kota Kathmandu ke Pokhara.",
            "2023-01-16",
            "2023-01-15",
        ),
        # es-valencia-flood-2024-id-04 (Seputar Global, 1 November 2024): the rain "yang terjadi ... pada hari
        # Selasa (29/10)", after the tolls of Thursday and Friday
        (
            "id",
            "Spanyol diterjang banjir bandang dan sampai saat ini korban tewas telah mencapai 158 jiwa.\nAhli "
            "meteorologi menjelaskan, hujan deras yang terjadi dalam waktu delapan jam di beberapa bagian Valencia "
            "pada hari Selasa (29/10) telah menyebabkan intensitas curah hujan yang sangat tinggi.",
            "2024-11-01",
            "2024-10-29",
        ),
    ],
)
def test_past_marks_spans_and_verbs_of_happening_date_the_event(
    lang: str, text: str, published: str, expected: str, tmp_path: Path
) -> None:
    events = [f.data for f in _facts(text, lang, tmp_path, published) if f.kind == "event"]
    assert events and events[0]["date"] == expected


def test_span_ends_and_ranges_of_days() -> None:
    from extract.dates import range_start, span_end

    assert span_end("Trois jours de deuil ont été décrétés jusqu'au ")
    assert span_end("will remain closed until ")  # kr-jejuair-2024-en-01
    assert span_end("وتستمر حتى يوم ")  # es-valencia-flood-2024-ar-02
    assert span_end("Hingga ")  # es-valencia-flood-2024-id-02: a toll "as of" that day
    assert not span_end("berlangsung selama dua hari dari tanggal 15 hingga ")  # a range, g20-bali-2022-id-01
    assert range_start("dari tanggal 15 hingga ") == 15
    assert range_start("qui ont dévasté la ville, le 29 et ") == 29
    assert range_start("qui ont dévasté la ville le ") is None


@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        # arab-summit-jeddah-2023-fr-04 (Anadolu on Yeni Şafak): the clock glued to the date; "MAJ:" an update
        (
            "Zelensky arrive à Djeddah\n\n15:2719/05/2023, vendredi\nMAJ: 20/05/2023, samedi\nAA\n",
            "2023-05-19",
            "timestamp",
        ),
        # es-valencia-flood-2024-id-02 (Pantau): of the lead's weekday-bracket days the report's is the latest
        (
            "Pantau - Banjir bandang di wilayah Valencia, Spanyol, menewaskan 51 orang.\nBadai terburuk abad ini, "
            "yang terjadi sejak Selasa (29/10/2024), menimbulkan hujan deras.\nMeski peringatan darurat dikirim pada "
            "Selasa (29/10/2024) malam, kerusakan dilaporkan sudah meluas.\nHingga Rabu (30/10/2024) pagi waktu "
            "setempat, tim penyelamat masih mencari korban.",
            "2024-10-30",
            "dateline",
        ),
        # np-saurya-crash-2024-id-01 (Harian Singgalang): "pada Rabu 24 Juli 2024 pukul 11.15" is the crash; the
        # citation's "Kamis, 25 Juli 2024" the day of the news
        (
            "SINGGALANG - Pesawat Saurya Airlines jatuh setelah lepas landas dari Kathmandu Nepal pada Rabu 24 Juli "
            '2024 pukul 11.15 waktu setempat.\nSebanyak 18 penumpang tewas dalam insiden nahas itu.\n"Pesawat '
            'tergelincir," katanya dilansir dari YouTube Kompascom Reporter on Location, Kamis, 25 Juli 2024.',
            "2024-07-25",
            "dateline",
        ),
    ],
)
def test_glued_clocks_update_marks_and_indonesian_report_days(text: str, expected: str, basis: str) -> None:
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == (expected, basis)


def test_a_weekday_dated_day_ignores_a_background_year() -> None:
    # arab-summit-manama-2024-fr-01 (Yabiladi, no publication date): "le jeudi 16 mai" of the 33rd summit, in a
    # text whose only years are "1999-2001"; 16 May 2002 was a Thursday too, 2024 the latest such year
    when = resolve("jeudi 16 mai", "fr", None, 2001)
    assert when is not None and when.date == "2024-05-16"
    # a recent year the text names still comes first: "samedi 1er octobre" in a 2022 report
    when = resolve("samedi 1er octobre", "fr", None, 2022)
    assert when is not None and when.date == "2022-10-01"


def test_a_weekday_closing_a_page_stamp_is_no_events_day(tmp_path: Path) -> None:
    # arab-summit-jeddah-2023-fr-04 (Anadolu on Yeni Şafak, 19 May 2023): "MAJ: 20/05/2023, samedi" is an update
    from extract.facts import _stamp_weekday

    text = "Zelensky arrive à Djeddah\n\n15:2719/05/2023, vendredi\nMAJ: 20/05/2023, samedi\nAA\n"
    assert _stamp_weekday(text, text.index("samedi")) == "byline"
    assert _stamp_weekday(text, text.index("vendredi")) == "timestamp"
    assert _stamp_weekday("Le sommet s'est ouvert samedi", 24) is None


def test_an_indonesian_lead_day_announced_is_not_the_reports() -> None:
    # cop28-2023-id-03 (Bisnis.com, 30 November 2023): the latest weekday-bracket day of the lead is the report's,
    # not one it announces ("akan kembali ... pada Minggu (3/12/2023)")
    text = (
        '"Hari ini saya dengan delegasi terbatas akan terbang menuju Dubai, Uni Emirat Arab untuk menghadiri '
        'rangkaian kegiatan di World Climate Action Summit COP28," katanya di Lanud Halim Perdanakusuma, Kamis '
        "(30/11/2023).\nDalam kunjungan kerja kali ini, Presiden Jokowi ditemani oleh Menteri Sekretaris Negara "
        "Pratikno dan akan kembali ke Tanah Air pada Minggu (3/12/2023)."
    )
    when = published_in_text(text)
    assert when is not None and when.date == "2023-11-30"


# -- part D of the tuning half (session 11): the fresh stories' date shapes ------------------------------------------
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        # pk-peshawar-2023-en-03 (Times of Islamabad), id-ruang-20240430-en-01 (Lincoln Daily News): English month names
        ("https://timesofislamabad.com/30-Jan-2023/peshawar-police-lines-suicide-blast", "2023-01-30"),
        ("https://archives.lincolndailynews.com/2024/Apr/30/NEWS/news_z.shtml", "2024-04-30"),
        # za-brics-2023-ar-02 (El Masdar, Algeria): day first between slashes
        ("https://www.elmasdaronline.dz/24/08/2023/6-%D8%AF%D9%88%D9%84/", "2023-08-24"),
        # za-brics-2023-fr-03 (AllAfrica), jp-noto-quake-2024-ar-04: the day, then an article number or a clock
        ("https://fr.allafrica.com/stories/202308240581.html", "2023-08-24"),
        ("https://www.elmawkefalarabi.com/breaking/news-20240102170548", "2024-01-02"),
        # kr-itaewon-2022-ar-01 (i24NEWS Arabic): a Unix time before the slug
        (
            "https://www.i24news.tv/ar/%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1/1667116709-%D9%83%D9%88%D8%B1%D9%8A%D8%A7",
            "2022-10-30",
        ),
    ],
)
def test_more_address_shapes_date_the_page(url: str, expected: str) -> None:
    when = published_in_url(url)
    assert when is not None and when.date == expected


def test_part_d_stamps_datelines_and_citations() -> None:
    from extract.dates import published_in_dateline, stamp_kind

    # id-ruang-2024-id-04 (Rakyat Sulsel, 18 April 2024): "Sekadar diketahui," opens a sentence, it names no place
    text = "kata Heruningtyas.\nSekadar diketahui, Rabu 17 April 2024, Pusat Vulkanologi dan Mitigasi Bencana"
    start = text.index("17 April")
    assert stamp_kind(text, start, start + len("17 April 2024")) == "lead"
    # tw-hualien-quake-2024-en-04 (CNA on the OCAC site): the yearless dateline runs into the first sentence
    text = "Photo courtesy of Taroko National Park Headquarters\n\nTaipei, April 3 (CNA) The powerful magnitude 7.2"
    when = published_in_dateline(text, 2024)
    assert when is not None and when.date == "2024-04-03"
    # ru-brics-kazan-2024-id-02 (Lampost): a dated citation of an outlet's web name
    text = (
        "Kazan (Lampost.co) — Menteri Luar Negeri Indonesia Sugiono tiba di Kazan.\n“Ini adalah teh dan ini manis,” "
        "jelas pihak Rusia yang menyambut, mengutip Medcom.di, Rabu 23 Oktober 2024.\nTampak roti tradisional"
    )
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == ("2024-10-23", "dateline")


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # id-ruang-2024-en-01 (Hindustan Times, 18 April 2024): the eruption began on Tuesday; the lead's Wednesday
        # is its second day
        (
            "en",
            "A tsunami alert was issued in Indonesia on Wednesday after multiple eruptions of the Ruang mountain "
            "volcano sent ash and lava thousands of feet in the sky.\n\nIndonesia's Mount Ruang erupted multiple "
            "times on Wednesday, leading to the authorities raising the alert to the highest level. It first "
            "erupted at 9:45 pm local time on Tuesday, and then four times throughout Wednesday.",
            "2024-04-18",
            "2024-04-16",
        ),
        # id-ruang-2024-en-03 (CBS News, 18 April 2024): the day officials warned is a day said; the eruption's is
        # the Tuesday the agency gives
        (
            "en",
            "Indonesian officials warned on Wednesday that tsunami waves could be possible as the eruption o"
            "f Mt. Ruang intensifies. In a press release with the warning, officials said the status of the "
            "volcanic eruption, which has been occurring for days, is now at its highest level.\n\nIndonesia's"
            " National Agency for Disaster Countermeasure, known as BNPB, said Mt. Ruang, located in the Nor"
            'th Sulawesi province, "experienced an explosive eruption" with a column of ash reaching more th'
            "an a mile high from the peak on Tuesday before it extended even further to a mile-and-a-half a "
            "day later.",
            "2024-04-18",
            "2024-04-16",
        ),
        # kr-itaewon-2022-en-02 (AP on the Muscatine Journal, 30 October 2022): the lead's Sunday is the aftermath's,
        # the crush was "Saturday night"; the captions' "Sunday, Oct. 30, 2022" are the photos'
        (
            "en",
            "SEOUL, South Korea (AP) — Concerned relatives raced to hospitals in search of their loved ones "
            "Sunday as South Korea mourned the deaths of more than 150 people, mostly in their 20s and 30s, "
            "who got trapped and crushed after a huge Halloween party crowd surged into a narrow alley in a "
            "nightlife district in Seoul.\nWitnesses said the crowd surge Saturday night in the Itaewon area "
            "caused “a hell-like” chaos as people fell on each other “like dominoes.” Some people were bleed"
            "ing from their noses and mouths while being given CPR, witnesses said, while others clad in Hal"
            "loween costumes continued to sing and dance nearby, possibly without knowing the severity of th"
            "e situation.\n“I still can’t believe what has happened. It was like a hell,” said Kim Mi Sung, a"
            "n official at a nonprofit organization that promotes tourism in Itaewon.\nSouth Korean police of"
            "ficers stand guard at the scene in Seoul, South Korea, Sunday, Oct. 30, 2022. A mass of mostly "
            "young people celebrating Halloween festivities in Seoul became trapped and crushed as the crowd"
            " surged into a narrow alley, killing dozens of people and injuring dozens of others in South Ko"
            "rea's worst disaster in years.",
            "2022-10-30",
            "2022-10-29",
        ),
        # id-ruang-2024-fr-01 (Europe 1, AFP): "cinq éruptions depuis mardi"
        (
            "fr",
            "Les services de secours sont mobilisés jeudi en Indonésie pour évacuer plusieurs milliers de personnes "
            "menacées par un volcan en éruption dans le nord de l'archipel. Le volcan Ruang a connu cinq éruptions "
            "depuis mardi et projeté un nuage de cendres à plus d'un kilomètre de hauteur dans le ciel.",
            "2024-04-18",
            "2024-04-16",
        ),
        # id-ruang-2024-fr-03 (Actuvrai): "depuis qu'il s'est réveillé mardi soir"
        (
            "fr",
            "Le Ruang, situé au nord de l’Indonésie, projette depuis qu’il s’est réveillé mardi soir un nuage de "
            "cendres à plus d’un kilomètre de hauteur dans le ciel.\nLe volcan présentait un risque de tsunami après "
            "quatre nouvelles éruptions mercredi.\n«Tous les vols (…) sont affectés car l’aéroport Sam Ratulangi est "
            "touché par l’éruption du volcan Ruang, par des cendres volcaniques», a confirmé",
            "2024-04-18",
            "2024-04-16",
        ),
        # za-brics-2023-ar-04 (Watan, 24 August 2023): membership "as of 1 January 2024" is to come
        (
            "ar",
            "ومن المقرر أن تصبح الأرجنتين وإثيوبيا وإيران والمملكة العربية السعودية ومصر والإمارات العر"
            "بية المتحدة، أعضاء كاملي العضوية اعتبارًا من 1 يناير 2024، حسبما أعلنت المجموعة في قمتها ف"
            "ي جنوب إفريقيا.\n\nأكّد رئيس جنوب أفريقيا سيريل رامافوزا، اليوم الخميس، اتخاذ مجموعة “بريكس”"
            " قرارا بدعوة كل من مصر والسعودية والإمارات وإيران وإثيوبيا والأرجنتين لتصبح أعضاء في المجم"
            "وعة.\n\nوقال “رامافوزا”، إن قادة دول بريكس تبنوا الإعلان الختامي للقمة الخامسة عشرة في جوهان"
            "سبرغ.",
            "2023-08-24",
            "2023-08-24",
        ),
        # iq-hamdaniya-fire-2023-id-04 (Ikhbar, 28 September 2023): "mulai terbakar pada Selasa, 26 September 2023"
        (
            "id",
            "Ikhbar.com: Lebih dari 100 orang tewas dalam kebakaran yang menghanguskan gedung lokasi pesta "
            "pernikahan di Irak.\nLebih lanjut, para saksi mata di lokasi menyebut gedung itu mulai terbakar pada "
            "Selasa, 26 September 2023 malam, sekitar pukul 22.45 waktu setempat.",
            "2023-09-28",
            "2023-09-26",
        ),
        # iq-hamdaniya-fire-2023-id-03 (Katakini): the photo caption's day is the photo's; the fire was Tuesday night
        (
            "id",
            "Kerabat Masih Identifikasi Jenazah Korban Kebakaran Acara Pernikahan di Irak Orang-orang berkumpul di "
            "lokasi menyusul kebakaran fatal pada perayaan pernikahan, di distrik Hamdaniya di provinsi Nineveh Irak, "
            "Irak, 27 September 2023. Foto: Reuters\n\nMOSUL - Kebakaran melanda aula pernikahan yang penuh sesak di "
            "Irak utara pada Selasa malam, menewaskan lebih dari 100 orang.",
            "2023-09-28",
            "2023-09-26",
        ),
    ],
)
def test_part_d_event_days(lang: str, text: str, published: str, expected: str, tmp_path: Path) -> None:
    events = [f.data for f in _facts(text, lang, tmp_path, published) if f.kind == "event"]
    assert events and events[0]["date"] == expected


def test_a_bare_weekday_in_a_month_page_may_be_its_latest_stated_day(tmp_path: Path) -> None:
    # id-ruang-20240430-fr-01 (TF1 Info, "date 2024-04"): "mardi" is "mardi 30 avril" itself, not 7 May
    text = (
        "Le mont Ruang, un volcan du nord de l'Indonésie, est entré en éruption à plusieurs reprises mardi, selon "
        "l'Agence de volcanologie de l'archipel. Cela a entraîné des évacuations, la fermeture d'un aéroport "
        "international voisin et un relèvement du niveau d'alerte.\n\nLes autorités avaient affirmé qu'il représentait "
        "toujours un risque. Depuis début avril, il est entré en éruption plus d'une demi-douzaine de fois, provoquant "
        "l'évacuation de plus de 6000 personnes. Le Ruang, situé dans la province indonésienne du Sulawesi du Nord, est "
        "de nouveau entré en éruption dans la nuit de lundi 29 à mardi 30 avril vers 1h15 heure locale et à deux "
        "reprises mardi matin, a indiqué l'agence de volcanologie dans un com"
    )
    events = [f.data for f in _facts(text, "fr", tmp_path, "2024-04") if f.kind == "event"]
    assert events and events[0]["date"] == "2024-04-30"


# Publication-date formats of the bench/pubdates tune outlets (real page beginnings, split by outlet: the held-out
# outlets' pages are not used here); the outlet is beside each.
PUBDATES_TUNE_STAMPS = [
    (
        "ar",
        "قصف صهيوني مستمر على غزة\n\nتاريخ النشر : 22:07 - 2023/11/23\n\nلا تزال",
        "2023-11-23",
    ),  # alchourouk
    (
        "ar",
        "وسّع الجيش الاسرائيلي دائرة قصفه.\nالجمعة ٠٣ نوفمبر ٢٠٢٣\nتعرض الوادي",
        "2023-11-03",
    ),  # lebanontab
    ("ar", 'مسيرة مناصرة لغزّة\n\n23 اكتوبر 2023\n"نص خبر"- بيروت', "2023-10-23"),  # noskhabar
    (
        "ar",
        "عبد الفتاح البرهان يشكر أميركا\n13 فبراير 2025\nأعرب رئيس مجلس السيادة",
        "2025-02-13",
    ),  # ultrasudan
    ("ar", "news-20072024-132747\n\nتشهد قطاع غزة تصاعداً في العنف", "2024-07-20"),  # elmawkefalarabi
    (
        "ar",
        "وسط أجواء من الفرح والبهجة، استقبل المغاربة، اليوم الجمعة 13 أكتوبر 2023 بالرباط، الملك",
        "2023-10-13",
    ),
    (
        "fr",
        "Contrôle des bornes incendie\n\nLes sapeurs-pompiers.\n\nContenu mis à jour le 19 mai 2025",
        "2025-05-19",
    ),
    (
        "fr",
        "Canada: Une tempête s’amène sur l’est du pays\n\njanvier 12, 2023\nLe miroir avant",
        "2023-01-12",
    ),
    ("fr", "07.03.24\nAprès la CGT, une deuxième centrale syndicale menace de faire grève", "2024-03-07"),
    (
        "fr",
        "news-24102024-022135\n\nL’Agence nationale de l’information libanaise (NNA) a rapporté",
        "2024-10-24",
    ),
    ("fr", "Le Sahel.\nAuthor: Maÿlis Dudouet\nPublished at: 2025-11-22 11:35:07\nStill want", "2025-11-22"),
    (
        "id",
        "PPKM Dicabut, Pj Gubernur DKI\nSelasa, 03 Januari 2023 - 07:51:00 WIB\nSebagai informasi",
        "2023-01-03",
    ),
    (
        "id",
        "Polda Metro Jaya Paling Banyak Tindak Langgar Lantas\n\n19 December 2024\n\nPELANGGARAN",
        "2024-12-19",
    ),
    (
        "id",
        "Aceh Besar\n\nSUARA PEMDA · 22 Sep 2023 10:00 WIB ·\n\nBanjir Menggenangi Enam Kabupaten",
        "2023-09-22",
    ),
    (
        "id",
        "Banjir Rendam Kawasan Barat Selatan Aceh\n\nKompas.com - 21/11/2023, 15:26 WIB\nZuhri",
        "2023-11-21",
    ),
    ("id", "28 April 2024 13:37\nGempa magnitudo 6,5 yang mengguncang Garut", "2024-04-28"),
    (
        "id",
        "SUARA NEGERI | BANDUNG — Gempa bumi baru saja terjadi di Kabupaten Garut Jawa Barat, pada Rabu (1/2/2023).",
        "2023-02-01",
    ),
]


@pytest.mark.parametrize(("lang", "text", "expected"), PUBDATES_TUNE_STAMPS)
def test_publication_dates_of_outlets_no_earlier_rule_saw(lang: str, text: str, expected: str) -> None:
    when = published_in_text(text)
    assert when is not None, text
    assert when.date == expected and when.precision == "day" and when.expression in text


def test_five_formats_of_the_new_outlets_in_each_language() -> None:
    per_lang: dict[str, int] = {}
    for lang, _, _ in PUBDATES_TUNE_STAMPS:
        per_lang[lang] = per_lang.get(lang, 0) + 1
    assert min(per_lang.values()) >= 5 and set(per_lang) == {"ar", "fr", "id"}


@pytest.mark.parametrize(
    "text",
    [
        # albawabhnews.com: the site's clock atop a report of December 2023, then its masthead
        "الإثنين 20 مايو 2024\nرئيس مجلسى الإدارة والتحرير\nعبدالرحيم علي\n\nالاحتلال يستهدف مدارس تؤوي نازحين",
        # lekaloum.com: only how long ago it was posted
        "Deux ans après la libération de la ville de Kidal\n\nil y a 4 heures 14\nPLACEZ VOS PRODUITS ICI",
        # lorientlejour.com: a photo caption's day
        "Une frappe israélienne sur la banlieue sud de Beyrouth, le 19 octobre 2024. Photo Mohammad Yassine",
        # jabar.inews.id: the day a flood began, in the first line of a page's second part
        "Sulis, korban banjir mengatakan, air mulai merendam permukiman sejak Senin (27/2/2023) siang. Lantaran",
        # skanaa.com: a headline in a sidebar of "N menit lalu" headlines above the article
        "Krama Adat Kerobokan Diminta Dukung Caleg Lokal\n53 menit lalu -\nKalender Bali Senin 5 Juni 2023: Baik "
        "Bikin Undang-undang\n33 menit lalu -\nIni Alasan Jokowi Tambah Cuti Bersama Lebaran 2023",
    ],
)
def test_dates_that_are_not_the_pages(text: str) -> None:
    assert published_in_text(text) is None


def test_a_site_clock_yields_to_the_articles_date_line_or_needs_its_today() -> None:
    # deyaralnagab.net: the site's clock above the headline, the article's own date line under it
    text = (
        "أحدث الأخبار\nالسبت 23 تشرين ثاني/نوفمبر 2024\nغزة..فلسطين :الحرب على غزة في يومها 149... شهداء\n"
        "03.03.2024\n\nدخلت الحرب الإسرائيلية على غزة، الأحد، يومها الـ 149"
    )
    assert published_in_text(text).date == "2024-03-03"  # type: ignore[union-attr]
    # bench/realset tune split (ru-brics-kazan-2024-ar-02): a clock the text calls today is the page's day
    today = (
        "الأربعاء 23 أكتوبر 2024\nbooked.net\n\nاجتماعات بوتين\n\nيجري الرئيس الروسي اليوم الأربعاء محادثات"
    )
    assert published_in_text(today).date == "2024-10-23"  # type: ignore[union-attr]
    assert published_in_text(today.replace("اليوم الأربعاء", "يوم الأربعاء")) is None


def test_an_address_with_only_the_month_dates_the_page_to_its_month(tmp_path: Path) -> None:
    from extract.facts import FactOptions

    # beritapelitakarawang.com (a month archive's address); a day the text gives in that month makes it a day
    article = Article(
        source="x.txt",
        text="Banjir di Sumedang Memaksa Ribuan Warga Dievakuasi\nBaca kurang dari satu menit\nKepala Pusat Data BNPB",
        lang="id",
        url="https://beritapelitakarawang.com/2025/03/banjir-di-sumedang-memaksa-ribuan-warga.html",
    )
    stage = FactStage(FactOptions(cache_dir=tmp_path))
    out = stage(article)
    assert (out.published, out.published_precision) == ("2025-03", "month")
    dated = stage(dataclasses.replace(article, text="Kompas.com - 14/03/2025, 06:35 WIB\n" + article.text))
    assert (dated.published, dated.published_precision) == ("2025-03-14", "day")
    other = stage(dataclasses.replace(article, text="Kompas.com - 14/04/2025, 06:35 WIB\n" + article.text))
    assert (other.published, other.published_precision) == (
        "2025-03",
        "month",
    )  # another month than the address's


def test_an_indonesian_leads_day_without_its_year_takes_the_weekdays_year() -> None:
    # suaramerdeka.com (bench/pubdates tune outlet) and the bench/realset tune split's kr-itaewon-2022-id-03
    lead = "CIANJUR, suaramerdeka.com - Gempa bumi M 6,1 melanda Garut, Jawa Barat, Sabtu (3/12) pukul 16.49 WIB."
    assert published_in_text(lead).date == "2022-12-03"  # type: ignore[union-attr]
    cited = "Di kutip dari Sky News, Minggu (30/10), mereka berdesak-desakan setelah mendengar kabar"
    assert published_in_text(cited).date == "2022-10-30"  # type: ignore[union-attr]
    assert (
        published_in_text("air mulai merendam permukiman sejak Senin (27/2) siang.") is None
    )  # a span's start


def test_a_yearless_wire_dateline_below_a_pages_chrome_takes_a_same_day_dates_year() -> None:
    from extract.dates import published_in_dateline, text_year

    # bench/realset tune split, tw-hualien-quake-2024-en-04 (OCAC running a CNA text): menu and logo lines first,
    # the text's most named year is the 1999 quake it recalls, the photo credit gives the day's year
    text = (
        "Skip to main content\n\nOverseas Community Affairs Council logoOCAC logo\n\nTaiwan earthquake island's "
        "strongest in 25 years: CWA\n\nfacebook line print\nnode name:\nGraphic: Central Weather Administration\n"
        "Photo courtesy of Taroko National Park Headquarters April 3, 2024\n\nTaipei, April 3 (CNA) The powerful "
        "magnitude 7.2 earthquake was the strongest since the 921 Jiji earthquake in 1999 that left more than 2,000 "
        "dead in 1999."
    )
    assert text_year(text) == 1999
    assert published_in_dateline(text, 1999, year_from_text=True).date == "2024-04-03"  # type: ignore[union-attr]
    assert published_in_dateline(text, 2023).date == "2023-04-03"  # type: ignore[union-attr]  # metadata's year


# -- session 13 (branch dates7): Hijri dates, the event's own day, read-also lines, "malam tadi", "ليل السبت" ----------
# Every string is real, from bench/realset's tuning half (the article id beside it).


def test_a_hijri_credit_line_dates_the_page_and_its_weekdays(tmp_path: Path) -> None:
    from extract.facts import FactOptions

    # jp-noto-quake-2024-ar-03 (ansarollah.com.ye): its only date line is Hijri; 20 Jumada al-Akhirah 1445 is
    # 2 January 2024, and "الإثنين" is then the quake's day
    text = (
        "ارتفاع حصيلة ضحايا الزلزال في اليابان إلى 48 قتيلا\nموقع أنصار الله – متابعات – 20 جمادى الآخرة 1445هـ\n"
        "ارتفعت حصيلة الزلزال والهزات الأرضية القوية التي ضربت مناطق عدة وسط اليابان إلى 48 قتيلا على الأقل، وفق "
        "ما أفاد مسؤول محلي، اليوم الثلاثاء.\nوتعرض وسط اليابان لـ155 هزة أرضية بين الساعة 16,00 الإثنين والساعة "
        "09,00 الثلاثاء، وفقا لوكالة الأرصاد الجوّية اليابانيّة جيه إم إيه."
    )
    when = published_in_text(text)
    assert when is not None and (when.date, when.expression) == ("2024-01-02", "20 جمادى الآخرة 1445هـ")
    out = FactStage(FactOptions(cache_dir=tmp_path))(Article(source="x.txt", text=text, lang="ar"))
    assert out.published == "2024-01-02"
    events = [f.data for f in out.facts if f.kind == "event"]
    assert events and events[0]["date"] == "2024-01-01"


def test_a_site_calendars_gregorian_and_hijri_day_is_no_pages_date() -> None:
    from extract.dates import hijri_dates

    # sa-hajj-heat-2024-ar-06 (aicaden.tv): the site's calendar line, the crawl day in both calendars
    clock = "07:38 م calendar الأحد 07 يوليو 2024 الموافق 01 محرم 1446 بتوقيت عدن\nأكدت وزارة الصحة"
    assert [d.isoformat() for d, _, _ in hijri_dates(clock)] == ["2024-07-07"]  # 1 Muharram 1446
    assert published_in_text(clock) is None
    # eg-abu-sifin-fire-2022-ar-02 (msr2030.com's print page): the print day's clock in both calendars, no "الموافق"
    printed = "1 فبراير 2026 18:49 13 شعبان 1447\nمصر 2030رئيس مجلسي الإدارة والتحرير أحمد عامر\nالحوادث\n"
    assert published_in_text(printed) is None


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # pk-peshawar-2023-id-04 (Kompas): the police's day of suspicion leads; the bombing's own day follows its
        # word
        (
            "id",
            "PESHAWAR, KOMPAS.com - Kepolisian Pakistan pada Rabu (1/2/2023) menduga pelaku bom bunuh diri di masjid "
            "kantor polisi dibantu orang dalam.\nBom bunuh diri di Pakistan pada Senin (30/1/2023) ini adalah yang "
            "paling mematikan dalam satu dekade terakhir.",
            "2023-02-02",
            "2023-01-30",
        ),
        # iq-hamdaniya-fire-2023-id-02 (Tribunnews): the burial day leads; "Kebakaran melanda ... pada Selasa"
        (
            "id",
            "TRIBUNNEWS.COM - Korban tewas dalam insiden kebakaran di sebuah pesta pernikahan Irak telah dimakamkan, "
            "Rabu (27/9/2023).\nSaksi mata mengatakan, gedung tempat resepsi pernikahan digelar, terbakar sekira pukul "
            "22.45 waktu setempat.\nKebakaran melanda di Distrik Hamdaniyah, Provinsi Nineveh, Irak pada Selasa "
            "(26/9/2023).",
            "2023-09-28",
            "2023-09-26",
        ),
        # jp-noto-quake-2024-ar-04 (elmawkefalarabi.com, AFP): the search's day leads, "الزلزال الذي دمر ... يوم الاثنين"
        (
            "ar",
            "(واجيما) انطلق سباق مع الزمن يوم الثلاثاء في اليابان للعثور على ناجين بعد الزلزال الذي دمر شبه جزيرة "
            "نوتو في وسط البلاد يوم الاثنين وأدى إلى مقتل 48 شخصا وفقا لحصيلة أولية.",
            "2024-01-02",
            "2024-01-01",
        ),
        # kr-itaewon-2022-ar-04 (Makkah newspaper): "حدثت ليل السبت", Saturday's night
        (
            "ar",
            "قتل ما لا يقل عن 151 شخصا وأصيب 82 آخرون، في تدافع مميت بمنطقة إيتايوان بالعاصمة الكورية الجنوبية سول، "
            "والتي تجمعت فيها حشود ضخمة من مرتادي الحفلات بمنطقة الترفيه في وقت متأخر من ليلة احتفالات الهالوين.\n"
            "وذكرت وكالة أنباء يونهاب الكورية الجنوبية، أن واقعة التدافع الأكثر دموية في تاريخ كوريا الجنوبية حدثت ليل "
            "السبت، في زقاق ضيق بالقرب من فندق هاميلتون.",
            "2022-10-30",
            "2022-10-29",
        ),
    ],
)
def test_the_events_own_day_beats_its_aftermaths(
    lang: str, text: str, published: str, expected: str, tmp_path: Path
) -> None:
    events = [f.data for f in _facts(text, lang, tmp_path, published) if f.kind == "event"]
    assert events and events[0]["date"] == expected


def test_an_own_day_further_back_than_an_aftermath_is_another_events() -> None:
    from extract.facts import _AFTERMATH_DAYS, _days_between

    # tr-quake-202302-id-01: "Sebelumnya, gempa magnitudo 7,8 mengguncang wilayah tersebut pada 6 Februari 2023"
    # in a report of the 20 February quake is two weeks back: not an aftermath's distance
    assert _days_between("2023-02-06", "2023-02-20") > _AFTERMATH_DAYS
    assert 0 < _days_between("2023-01-30", "2023-02-01") <= _AFTERMATH_DAYS


@pytest.mark.parametrize(
    "line",
    [
        # id-lewotobi-2024-id-02 and id-cianjur-2022-id-01: links to other articles, with their dates
        "Baca juga: UPDATE Jadwal Kapal Pelni Manokwari - Sorong November 2024: 7, 8, 9, 14, 17, 22, 23, 24, Cek Harga",
        "(Baca: Ada 3 Ribu Bencana Alam di Indonesia sampai Awal November 2022)",
    ],
)
def test_a_read_also_lines_date_is_a_linked_articles(line: str) -> None:
    from extract.dates import find_dates, stamp_kind

    (start, end, _), *_ = find_dates(line, "id")
    assert stamp_kind(line, start, end) == "listing"
    assert stamp_kind("JAKARTA - " + line[line.index("November") :], 10, 10 + end - start) != "listing"


def test_earlier_today_and_last_night_in_indonesian_word_orders() -> None:
    # id-lewotobi-2024-id-02 (TribunSorong, 4 November 2024): "sambaran petir malam tadi"
    when = resolve("malam tadi", "id", dt.date(2024, 11, 4))
    assert when is not None and when.date == "2024-11-03"
    assert resolve("tadi malam", "id", dt.date(2024, 11, 4)).date == "2024-11-03"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "header", "expected"),
    [
        # ke-ogolla-crash-2024-fr-01 (Tahiti Infos) and lb-tripoli-boat-2022-fr-01: AFP's French credit bar under a
        # header month
        (
            "Nairobi, Kenya | AFP | jeudi 18/04/2024 - Un hélicoptère avec à son bord plusieurs responsables militaires "
            "dont le chef des armées du Kenya, le général Francis Omondi Ogolla, s'est écrasé jeudi dans l'ouest du pays",
            "2024-04",
            "2024-04-18",
        ),
        (
            "Tripoli, Liban | AFP | lundi 25/04/2022 - Les recherches se poursuivent lundi en Méditerranée orientale où "
            "une trentaine de personnes sont portées disparues après le naufrage d'un bateau de migrants surchargé",
            "2022-04",
            "2022-04-25",
        ),
        # ke-ogolla-crash-2024-id-01 (VIVA): the crash's day first, then the dated citation "pada Jumat, 19 April 2024"
        (
            "Helikopter Militer Kenya Jatuh, Jenderal Ogolla Menjadi Korban\n- Francis Ogolla/Cyprian Nyakundi\nKenya – "
            "Sebuah helikopter militer Kenya yang membawa petinggi termasuk kepala pertahanan jatuh pada hari Kamis, 18 "
            "April 2024, menurut keterangan dari pihak kepolisian.\nDilansir dari Hindustan Times pada Jumat, 19 April "
            "2024, Presiden William Ruto segera mengadakan pertemuan mendesak Dewan Keamanan Nasional",
            None,
            "2024-04-19",
        ),
    ],
)
def test_afp_credit_bars_and_citations_after_pada(text: str, header: str | None, expected: str) -> None:
    when = published_in_text(text, header, "month" if header else None)
    assert when is not None and when.date == expected and when.basis == "dateline"


def test_a_slug_that_spells_the_month_dates_the_page() -> None:
    # it-cutro-shipwreck-2023-en-01 (Rappler)
    url = "https://www.rappler.com/world/europe/southern-italy-migrant-shipwreck-deaths-february-26-2023/"
    assert published_in_url(url).date == "2023-02-26"  # type: ignore[union-attr]
    assert published_in_url("https://example.org/may-day-rally-2023/") is None


@pytest.mark.parametrize(
    ("lang", "text", "published", "expected"),
    [
        # in-wayanad-landslide-2024-ar-03 (AFP Arabic): "Wednesday, the day after 165 were killed by landslides"
        (
            "ar",
            "وسط الوحل والصخور والأمطار المستمرة، يواصل جنود وأفراد إنقاذ جهودهم، بحثاً عن ناجين وجثث في تلال ولاية "
            "كيرالا الهندية يوم الأربعاء، غداة مقتل ما يربو على 165 شخصاً جراء انهيارات أرضية نجمت عن أمطار موسمية.",
            "2024-07-31",
            "2024-07-30",
        ),
        # np-yeti-crash-2023-ar-04 (INA on AFP): "Nepal declared Monday a day of mourning, the day after the air disaster"
        (
            "ar",
            "بغداد-واع\nأعلنت النيبال الاثنين يوم حداد وطني غداة الكارثة الجوية التي أودت بـ67 شخصا على الأقل في مدينة "
            "بوخارا بوسط البلاد فيما تُستأنف عمليات البحث بين حطام الطائرة المنكوبة.",
            "2023-01-16",
            "2023-01-15",
        ),
        # tw-hualien-quake-2024-ar-04 (AP Arabic): "rescuers searched on Thursday ... a day after the strongest quake"
        (
            "ar",
            "هوالين ، تايوان (AP) – بحث رجال الإنقاذ يوم الخميس عن عشرات الأشخاص الذين ما زالوا في عداد المفقودين بعد يوم "
            "من أقوى زلزال يضرب تايوان منذ ربع قرن مما أدى إلى تدمير المباني.",
            "2024-04-04",
            "2024-04-03",
        ),
        # id-plumpang-fire-2023-fr-03 (AFP French): "... qui s'est rendu sur place au lendemain du drame"
        (
            "fr",
            "Un incendie dans un dépôt de carburant à Jakarta a fait 18 morts. Au moins trois personnes sont toujours "
            "portées disparues, a indiqué samedi le chef de la police nationale Listyo Sigit, qui s'est rendu sur place "
            "au lendemain du drame survenu au dépôt de Plumpang, dans le nord de la capitale Jakarta.",
            "2023-03-04",
            "2023-03-03",
        ),
    ],
)
def test_a_day_said_to_be_the_day_after_dates_the_disaster_the_day_before(
    lang: str, text: str, published: str, expected: str, tmp_path: Path
) -> None:
    events = [f.data for f in _facts(text, lang, tmp_path, published) if f.kind == "event"]
    assert events and events[0]["date"] == expected


def test_a_fire_that_broke_out_is_no_statement() -> None:
    from extract.dates import find_dates, weak_date

    # id-plumpang-fire-2023-fr-02 (Imaz Press, AFP): "s'est déclaré" is what the fire did, not what someone said
    sentence = (
        "Le feu s'est déclaré vendredi soir au dépôt de Plumpang, propriété de la compagnie pétrolière nationale "
        "Pertamina, dans le nord de la capitale Jakarta, selon les pompiers de la ville."
    )
    (start, _, expr), *_ = find_dates(sentence, "fr")
    assert expr == "vendredi" and weak_date(sentence, start, expr, "fr") is None
    said = "Le bilan est de 17 morts, a déclaré vendredi le gouverneur."
    (start, _, expr), *_ = find_dates(said, "fr")
    assert weak_date(said, start, expr, "fr") == "said"


def test_late_on_a_weekday_is_its_evening() -> None:
    from extract.facts import _EVENING_BEFORE

    # lb-tripoli-boat-2022-en-02 (Asharq Al-Awsat English, dpa): "At least six people were killed late Saturday in
    # the Mediterranean Sea off the northern port city of Tripoli"
    sentence = (
        "At least six people were killed late Saturday in the Mediterranean Sea off the northern port city"
    )
    assert _EVENING_BEFORE.search(sentence[: sentence.index("Saturday")])
    # "Lebanon's government Tuesday tasked the armed forces": no evening
    assert not _EVENING_BEFORE.search("Lebanon's government ")


# bench/pubdates, Arabic tune outlets added by branch ardates8 (the page's own strings, the address beside each)
@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        # bourashed.com: the day the text calls today, its slashes spaced
        (
            "عقــد مجلـــس الــــوزراء اجتماعه الأسبوعي صباح اليوم الإثنين 7 /11 /2022 في قصر السيف برئاسة سمو الشيخ",
            "2022-11-07",
            "dateline",
        ),
        # kurdipedia.org (quoting Rudaw): today's date in brackets, after an earlier day of the text
        (
            "رووداو ديجيتال\nالحرس الثوري الإيراني كان قد قصف يوم (28 أيلول 2022)، مقرات أحزاب كوردستان إيران\n"
            "قائممقام القضاء أوضح لشبكة روواود الإعلامية، اليوم الجمعة (30 أيلول 2022)، أن القصف الإيراني",
            "2022-09-30",
            "dateline",
        ),
        # aa.com.tr (Anadolu): a credit line's date with the day it was updated after it
        (
            "زلزال إسطنبول.. هزة جديدة بقوة 4.9 درجات\n\nYusuf Soykan Bal, Aladdin Mustafaoğlu  | 23.04.2025 - محدث "
            ": 23.04.2025\nزلزال إسطنبول.. هزة جديدة بقوة 4.9 درجات\n\nAnkara\n\nأنقرة / الأناضول\n",
            "2025-04-23",
            "byline",
        ),
        # diwanfm.net: day, clock, year and month in a right-to-left stamp; the "most read" box's stamp above it
        # is another article's
        (
            "الأكثر مشاهدة\n\n15 08:51 2026 فيفري\n\nأسند المعهد الوطني للرصد الجوي اللون البرتقالي، لست ولايات\n\n"
            'على المباشر\n\nوطنية\n\nالأميرال كمال العكروت: "أستبعد إجراء الاستفتاء في موعده" (فيديو)\n\n'
            "12 15:36 2022 أفريل\nكمال العكروت\nاستبعد الاميرال المتقاعد كمال العكروت إجراء الإستفتاء",
            "2022-04-12",
            "timestamp",
        ),
        # diwanfm.net: the article's stamp is an update line, the only one besides the box's
        (
            "الأكثر مشاهدة\n\n06 19:45 2025 نوفمبر\n\nأكد عضو الفرع الجامعي للتعليم بأريانة منتصر بن رمضان\n\n"
            "وطنية\n\nمستشار سعيد: جميع الأفارقة مرّحب بهم في تونس في إطار القانون\n\n:تحديث 22 21:43 2023 فيفري\n"
            "تونس\nأفاد مستشار رئيس الجمهورية وليد الحجام اليوم الأربعاء في تصريح لقناة التاسعة",
            "2023-02-22",
            "timestamp",
        ),
        # daralmaref.com: a section name run on into the date, then its clock
        (
            "الأمطار الغزيرة بالسعودية تتسبب فى مقتل شخصين\n\nعرب وعالم24-11-2022 | 17:00\n\nشهدت مدينة جدة",
            "2022-11-24",
            "timestamp",
        ),
    ],
)
def test_arabic_tune_outlets_of_round_eight(text: str, expected: str, basis: str) -> None:
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == (expected, basis)


def test_a_decrees_dates_and_a_dated_clause_are_no_publication_date() -> None:
    # arabtribune.news: an emir's order quotes an earlier order's date and its own, each in Hijri and Gregorian
    decree = (
        "جاءنا من الديوان الأميري مايلي:\nأمر أميري\nبتعيين رئيس مجلس الوزراء\n– بعد الاطلاع على الدستور،\n"
        "– وعلى الأمر الأميري الصادر بتاريخ 4 رجب 1444 هـ الموافق 26 يناير 2023 م بقبول استقالة رئيس مجلس الوزراء،\n"
        "نائب أمير الكويت\nمشعل الأحمد الجابر الصباح\nصدر بقصر السيف في: 13 شعبان 1444 هـ\nالموافق: 5 مارس 2023 م.\n"
    )
    assert published_in_text(decree) is None
    # al-khaleej-kw.com: "المقدم بتاريخ 10 /1 /2023" is when a motion was filed, in the middle of a sentence
    clause = (
        "عقد مجلس الوزراء، الاثنين، اجتماعه الأسبوعي برئاسة سمو الشيخ أحمد نواف الأحمد الصباح.\nوبحث المجلس شؤون "
        "مجلس الأمة، واطلع على كتاب رئيس مجلس الأمة المرفق به الاستجواب المقدم بتاريخ 10 /1 /2023 من النائب"
    )
    assert published_in_text(clause) is None
    # a line that opens with it is still a byline: "بتاريخ: 19/06/2024"
    when = published_in_text("بتاريخ: 19/06/2024\nغزة - معا- استشهد 4 مواطنين")
    assert when is not None and when.date == "2024-06-19"


def test_addresses_with_a_slugs_commas_or_an_articles_number_after_the_month() -> None:
    from extract.dates import published_month_in_url

    # thelevantnews.com: "November 21, 2023, 2:44 pm" run on from the Arabic title
    when = published_in_url(
        "https://thelevantnews.com/article/قصف-إسرائيلي-يؤدي-إلى-مقتل-أربعة-مدنيين-في-لبنانnovember-21,-2023,-2:44-pm"
    )
    assert when is not None and when.date == "2023-11-21"
    # altaakhi.net: the month, then the article's number
    month = published_month_in_url("https://altaakhi.net/2024/01/73826")
    assert month is not None and month.date == "2024-01"
    assert published_month_in_url("https://example.com/2024/01/15") is None  # a day there, not an id


def test_an_arabic_sites_clock_atop_the_page_is_the_crawls_day() -> None:
    # alwakeelnews.com (bench/pubdates tune outlet), two pages: the site's clock over its name and a January 2023
    # report; its clock with the time over a headline whose own stamp is the time alone
    clock_over_name = (
        "الجمعة 26-04-2024\nالوكيل الاخباري\n \n\nفي 5 أيام.. 7 وفيات بحوادث سير من بداية 2023\n\n1 (1)\n\n\n"
        "الوكيل الاخباري - براءة الشلالدة\nمنذ بداية العام 2023 وخلال 5 أيام فقط من العام الجديد فقد الأردنيين 7"
    )
    assert published_in_text(clock_over_name) is None
    clock_with_time = (
        "الأحد 2024-11-24 13:28 م\n\nقرار صادر عن مجلس الوزراء\n\n03:07 م\n\n\nالوكيل الاخباري -\nوافق مجلس "
        "الوزراء بقراره رقم 12877 على قرار مجلس مفوضي سلطة إقليم البترا"
    )
    assert published_in_text(clock_with_time) is None
    # an Indonesian page's own stamp atop it stays its date (REAL_STAMPS)
    when = published_in_text("Selasa, 15 November 2022 | 17:54 WIB\nKTT G20")
    assert when is not None and when.date == "2022-11-15"


@pytest.mark.parametrize(
    ("text", "expected", "basis"),
    [
        # crene.com: "نشر في" run on from the agency's name, the byline's date glued to its own copy
        (
            "بواسطة وكالة أسوشيتد برسنشر في 31 يناير 202631 يناير 2026انقر هنا للمشاركة على وسائل التواصل الاجتماعي",
            "2026-01-31",
            "byline",
        ),
        # akhbarnass.net: month first, which the day-first reading cannot be (16 is no month)
        (
            "وفاة شخص وإصابة آخر في حادث سير على طريق نواكشوط-نواذيبو\n\nثلاثاء, 09/16/2025 - 13:43\n\nأسفر حادث سير",
            "2025-09-16",
            "timestamp",
        ),
        # nawafedh.com: the same software's stamp, day first, its weekday without the article
        (
            "مصرع شخص وإصابة آخرين في حادث سير قرب مكطع لحجار\n\nجمعة, 23/01/2026 - 15:01\n\nتوفي شخص وأصيب آخران",
            "2026-01-23",
            "timestamp",
        ),
        # thevoice.ma: a date the text calls yesterday, its weekday agreeing; the page is of the day after
        (
            "تعيش مدينة طاطا والمناطق المجاورة لها أوقاتا عصيبة جراء الأمطار الطوفانية التي تعرفها مدن وأقاليم الجنوب "
            "الشرقي للمملكة منذ مساء يوم أمس الجمعة 20 شتنبر 2024، مخلفة خسائر بشرية وأضرا مادية كبيرة.",
            "2024-09-21",
            "dateline",
        ),
        # almowaten.news: a date the text calls tomorrow, its weekday agreeing; the page is of the day before
        (
            "«حرارة مرتفعة» استمرار الموجة الحارة غداً الجمعة والأرصاد تحذر من تأثيراتها\n\nموجة شديدة الحرارة "
            "تتصدر المشهد غدًا الجمعة 4 يوليو 2025، حيث تستمر الكتل الهوائية الساخنة القادمة من شبه الجزيرة العربية",
            "2025-07-03",
            "dateline",
        ),
        # 7adramout.net (quoting Sudan Tribune): a dateline under the photo's caption
        (
            "تصاعد الدخان بعد استهداف محطة كهرباء المرخيات في أم درمان (مواقع التواصل)\nالخرطوم 9 سبتمبر 2025 – "
            "تعرضت ثلاثة مواقع على الأقل في مدن العاصمة السودانية الخرطوم، الثلاثاء، لهجمات بالطيران المسير",
            "2025-09-09",
            "dateline",
        ),
        # bluefornews.net: today's date with its paired month names; an image file's name above is no date
        (
            "10\nIMG-20250515-WA0008\n\nالخرطوم – بلو نيوز الإخبارية\n\nشهدت مدينة أم درمان اليوم، الأربعاء 14 "
            "أيار/مايو 2025، تصعيدًا غير مسبوق في الهجمات بالطيران المسيّر",
            "2025-05-14",
            "dateline",
        ),
        # enquete.cd: a dateline glued to its dash
        (
            "Kinshasa, 14 avril 2025- Une semaine après les pluies torrentielles des 5 et 6 avril, Kinshasa peine à se "
            "relever.",
            "2025-04-14",
            "dateline",
        ),
        # infobref.com: an update line, the page's only date
        (
            "Il y a environ 150 feux actifs au Québec  \n\nMis à jour le 4 juin 2023\npar Johanna Sabys\n",
            "2023-06-04",
            "byline",
        ),
    ],
)
def test_arabic_and_french_tune_outlets_of_round_nine(text: str, expected: str, basis: str) -> None:
    when = published_in_text(text)
    assert when is not None and (when.date, when.basis) == (expected, basis)


@pytest.mark.parametrize(
    "text",
    [
        # eyonelmagles.media: a site clock atop the page, a Wednesday, over a report whose text says "today Saturday"
        "الأربعاء ٣٠ يوليو ٢٠٢٥\n\nرئيس مجلس الادارة : أحمد أحمد نور\n\nنائب رئيس مجلس "
        "الادارة : وليد كساب\n\nرئيس التحرير : محمد عبد العظيم\n\nأخبار عاجلة\n\nبسبب "
        "الفيضانات.. نزوح نحو 41 ألف شخص ومقتل 4 أشخاص بـ “ماليزيا”\n\nكتبت / أماني "
        "شلباية\n\nأكدت السلطات الماليزية ارتفاع حصيلة قتلى الفيضانات العارمة الناجمة "
        "عن الهطول الغزير للأمطار وقد اجتاحت عدة ولايات على مدار الأيام القليلة "
        "الماضية إلى 4 أشخاص، وأيضا نزوح نحو 41 ألف شخص.\n\nوذكرت الشرطة الماليزية "
        "– كما نقلت قناة (فرنسا 24) الناطقة باللغة الإنجليزية اليوم السبت – أن "
        "حالة الوفاة الأحدث",
        # daily8.com: an embedded tweet's date, alone under its link
        "تشهد ولاية نيو ساوث ويلز في أستراليا أسوأ فيضانات في تاريخها الحديث، حيث "
        "غرقت مدينة تاري بالمياه بشكل شبه كامل، مما تسبب في عزل حوالي 48 ألف شخص، "
        "مع توقعات باستمرار العزلة لأسابيع.\npic.twitter.com/BurHpuiHqU\nMay 21, "
        "2025\nوقد سجّلت السلطات وفاة شخص واحد حتى الآن",
        # dbmedias.com: the second night of the event, its weekday ending the span
        "Le drame s’est produit dans la nuit du dimanche 23 au lundi 24 juillet 2023 à Ouakam, une commune située dans "
        "la ville de Dakar au Sénégal.",
        # thevoice.ma: today's date without its year ("الجاري": of this month)
        "وكانت السلطات المحلية بإقليم طاطا، قد أفادت، في وقت سابق من يومه السبت 21 شتنبر الجاري، أنه وعلى إثر التساقطات",
        # observalgerie.com: an update's day without its year
        "Mise à jour : 27 juillet à 16 h 15 – Le bilan des incendies ravageurs qui ont affecté le nord de l'Algérie "
        "s’alourdit.",
        # mogazmasr.com: a relative age
        "الجيش الإسرائيلي ينفذ عشرات الغارات الجوية على مواقع لحزب الله جنوب لبنان\n\nمنذ 4 ساعات\n",
    ],
)
def test_round_nines_dates_that_are_not_the_pages(text: str) -> None:
    assert published_in_text(text) is None


def test_dates_other_outlets_print_are_no_publication_day() -> None:
    # bench/pubdates tune outlets added by ardates11 (session 17), read blind before these rules were written
    # elmydannews.com and rabtasunna.com: a print page's clock line, its am/pm letter drawn out with a tatweel and the
    # Hijri month shortened ("جمادى أول"), above a report whose text says "اليوم السبت"
    head = "الخميس 14 نوفمبر 2024 06:02 صـ 12 جمادى أول 1446هـ\n\nرئيس التحرير محمد يوسف"
    assert published_in_text(head) is None
    head = "السبت 23 نوفمبر 2024 02:27 مـ 21 جمادى أول 1446هـ\nرابطة علماء أهل السنة"
    assert published_in_text(head) is None
    # yeclo.com, lematin.ma, lejour.cm: a sentence the date opens recalls the event, not the page's day
    for head in (
        "Un incendie à Yopougon, dans le quartier Sideci, a fait huit blessés graves.\nLe samedi 21 décembre 2024, "
        "un incendie d'une violence inouïe a éclaté dans une chambre à Yopougon",
        "Le 27 novembre 2022, au moins 15 personnes avaient trouvé la mort dans l'éboulement d'un pan de colline",
        "Le lundi 9 octobre 2023, un éboulement survenu au quartier Mbankolo dans l’arrondissement de Yaoundé 2ème a "
        "fait selon les chiffres officiels 28 morts identifiés",
    ):
        assert published_in_text(head) is None, head


def test_a_french_dateline_with_le_after_the_place() -> None:
    # bench/pubdates tune outlet french.wafa.ps (ardates11)
    when = published_in_text(
        "Beyrouth, le 23 septembre 2024, WAFA- Le ministre libanais de la Santé, Firas Al-Abyad, a annoncé ce soir"
    )
    assert when is not None and (when.date, when.basis) == ("2024-09-23", "dateline")
    # a sentence's "le" after a comma is no dateline's
    assert published_in_text("Selon le ministère, le 23 septembre 2024, un séisme a frappé la région") is None


def test_formats_of_the_session_19_tune_outlets() -> None:
    # bench/pubdates tune outlets added by ardates13 (session 19), read blind before these rules were written
    # manshetat.com: an author's credit, a dash, then the date ending the line
    head = (
        "قسم: اخبار عاجلة مانشيتات.. مصرع 94 شخصا على الأقل فى انفجار شاحنة وقود بنيجيريا » بواسطة مصطفي احمد - "
        "16 أكتوبر 2024\n\nالقاهرة – مانشيتات –"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-10-16", "byline")
    # yynnbb.com (Al Jazeera's form), and the bench/realset tune split's Bajaur report: the date, then "–|" and the
    # update line
    for head, day in (
        ("19/5/2023–|آخر تحديث: 19/5/202305:37 PM (بتوقيت مكة المكرمة)\nاختتمت في مدينة جدة", "2023-05-19"),
        ("30/7/2023–|آخر تحديث: 30/7/202307:00 PM (بتوقيت مكة المكرمة)", "2023-07-30"),
    ):
        when = published_in_text(head)
        assert when is not None and when.date == day, head
    # cairo-times.com: today's weekday, then the date it corresponds to, on that weekday
    head = (
        "اختتمت مساء اليوم الجمعة القمة العربية الـ32 في مدينة جدة بالمملكة العربية السعودية الموافق 19 مايو 2023، "
        "وحضرها عدد من قادة الدول العربية."
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2023-05-19", "dateline")
    # ... not where the date falls on another weekday (20 May 2023 was a Saturday)
    assert published_in_text(head.replace("19 مايو", "20 مايو")) is None
    # ammanalyoum.com: the print clock's line atop the page, the article's stamp in the same form under the headline
    head = (
        "الإثنين 28 أبريل 2025 12:48 صـ 29 شوال 1446 هـ\nالمشهد اليمني\nرئيس التحرير عبد الرحمن البيل\n\n"
        "الحوثيون يكشفون حصيلة الغارات الأمريكية في صنعاء: قتلى وجرحى ودمار واسع\n\n"
        "الإثنين 25 مارس 2024 02:28 صـ 16 رمضان 1445 هـ\nطيران امريكي"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-03-25", "timestamp")


def test_french_forms_of_part_q_and_the_wakeley_report() -> None:
    # bench/realset tune split (ardates14): forms of French pages no rule read
    # menanews.info (au-wakeley-stabbing-2024-fr-01): a dateline of two cities in brackets
    head = (
        "Australie : attaque à l’arme blanche dans une église, un évêque et des fidèles blessés\n\n0\n176\n\n"
        "(Paris, Rome, 15 avril 2024). À Sydney, plusieurs personnes, dont l’évêque Mar Mari Emmanuel, ont été "
        "poignardées pendant la messe"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-04-15", "dateline")
    # rewmi.com (et-gofa-landslide-2024-fr-03, part Q): "ce" before a full date calls it this day
    head = (
        "Au moins 229 personnes sont mortes dans un glissement de terrain survenu le 22 juillet dans le sud de "
        "l’Éthiopie après de fortes pluies, selon un bilan provisoire qui pourrait encore s’alourdir, ont annoncé ce "
        "23 juillet 2024 les autorités locales.\nLe nouveau bilan humain a bondi de 55 à 146"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-07-23", "dateline")
    # ... a full date without "ce" in the same place stays the lead's
    assert published_in_text(head.replace("ont annoncé ce 23", "ont annoncé le 23")) is None
    # lecourrier.vn (id-tunu-ferry-2025-fr-04, part Q): under a header month, the weekday and day the source spoke
    head = (
        "Indonésie\n\nTrois morts et 58 disparus après le naufrage d'un ferry au large de Bali\n\nAu moins trois "
        "personnes ont été tuées, quatre autres ont survécu et 58 sont toujours portées disparues après le naufrage "
        "d'un navire de passagers en bois près de l'île indonésienne de Bali mercredi 2 juillet avant minuit, a "
        "confirmé jeudi 3 juillet le responsable des secours."
    )
    when = published_in_text(head, "2025-07", "month")
    assert when is not None and when.date == "2025-07-03"
    # ... not without the header's month, nor where the weekday is not that day's in the header's year
    assert published_in_text(head) is None
    assert published_in_text(head, "2024-07", "month") is None


def test_formats_of_the_session_20_tune_outlets() -> None:
    # bench/pubdates tune outlets added by ardates14 (session 20), read blind before these rules were written
    # lessor.org: the date line ends with a bar and the section's name; the lead's weekday-dated day is the event's
    head = (
        "Deux gendarmes blessés, dont un grièvement dans un suraccident mortel\n\nPhoto :\n\n4 mars 2024 | Opérationnel"
        "\n\nTemps de lecture : < 1 minute\n\nDeux gendarmes blessés, dont un grièvement dans un suraccident mortel\n\n"
        "par | Opérationnel\n\nUn grave suraccident a provoqué dimanche 3 mars 2024 la mort d’un agent de la société "
        "d’autoroute"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-03-04", "byline")
    # lakayinfo509.com: a page that shows no date; "dans la soirée du dimanche 5 février 2023" is the quake's evening
    head = (
        "Séisme en Turquie et en Syrie : le bilan partiel fait état de pus de 2 300 morts et d’importants dégâts "
        "matériels\nLa terre a de nouveau tremblé en Turquie dans la soirée du dimanche 5 février 2023. Selon "
        "l’Institut Américain de Géophysique (USGS), un séisme de magnitude 7,8 a été enregistré à 4h17 locales"
    )
    assert published_in_text(head) is None
    # ... where a lead names the day it reports with its weekday alone, it is still read (as before)
    when = published_in_text(head.replace("dans la soirée du dimanche", "dimanche"))
    assert when is not None and when.date == "2023-02-05"


def test_forms_of_session_21_dates15() -> None:
    # bench/realset tune split, the Ruang eruption of 16-17 April 2024 (Indonesian, French) and of 30 April (English)
    # a weekday, a part of the day, then the full date (inibanten.com)
    text = "INIBANTEN.COM – Pada Selasa malam, 16 April 2024, pukul 19.19 WITA, Gunung Ruang di Kabupaten Kepulauan Sitaro"
    expression = find_dates(text, "id")[0][2]
    assert expression == "Selasa malam, 16 April 2024"
    when = resolve(expression, "id", dt.date(2024, 4, 17))
    assert when is not None and when.date == "2024-04-16"
    # days glued to the word before them or to their month by the page's markup (fr.vietnamplus.vn)
    text = "Les éruptions du17 avril au soir ont fait suite aux éruptions à petite échelle depuis le 16avril au matin."
    found = [e for _, _, e in find_dates(text, "fr")]
    assert found == ["17 avril", "16avril"]
    days = [resolve(e, "fr", dt.date(2024, 4, 18)) for e in found]
    assert [w.date if w else None for w in days] == ["2024-04-17", "2024-04-16"]
    assert find_dates("au 12e siècle, vers 15h30", "fr") == []
    # a wire's dateline with no year on a page that gives none anywhere: the lead's weekday is the dateline's day
    # (precisenews.us); a lead that names no weekday gives no year
    head = (
        "More than 12,000 people were evacuated after the Ruang volcano erupted\n\nPrecise News\n\n"
        "JAKARTA, April 30 (Reuters) – Indonesia’s Ruang volcano erupted on Tuesday, spewing lava as lightning "
        "flashes lit up its crater"
    )
    when = published_in_dateline(head, None)
    assert when is not None and when.date == "2024-04-30"
    assert published_in_dateline(head.replace("on Tuesday", "overnight"), None) is None
    assert published_in_dateline(head.replace("on Tuesday", "on Monday"), None) is None


COUNTS_21 = [
    # (lang, sentence, value, category): numbers with a thousand or million word after them, and groups of digits
    ("ar", "أسفر الزلزال عن مقتل 12 ألف شخص", 12000, "dead"),
    ("ar", "نزوح 3 آلاف شخص", 3000, "evacuated"),
    ("ar", "تشريد 1.5 مليون شخص", 1500000, "evacuated"),
    ("id", "sebanyak 12 ribu orang mengungsi", 12000, "evacuated"),
    ("id", "1,2 juta orang mengungsi", 1200000, "evacuated"),
    ("fr", "12 000 personnes évacuées", 12000, "evacuated"),
    ("fr", "12 mille personnes évacuées", 12000, "evacuated"),
    ("fr", "1,2 million de personnes déplacées", 1200000, "evacuated"),
    ("en", "12,000 people were evacuated", 12000, "evacuated"),
    ("en", "1.2 million people were displaced", 1200000, "evacuated"),
    # unit words are whole words: "personnes" is no "per" (cent), "anak" no "an", "militaires" no "mil"
    ("fr", "Au moins 15 personnes sont mortes", 15, "dead"),
    ("id", "5 anak tewas", 5, "dead"),
    ("fr", "200 militaires blessés", 200, "injured"),
]


@pytest.mark.parametrize(("lang", "sentence", "value", "category"), COUNTS_21)
def test_counts_with_number_words(lang: str, sentence: str, value: int, category: str) -> None:
    counts = [(f.data["value"], f.data["category"]) for f in FactExtractor._counts(sentence, None, lang)]
    assert counts == [(value, category)]


def test_amounts_and_units_are_no_counts() -> None:
    for lang, sentence in [
        ("en", "a $1.2 million grant"),
        ("id", "dana Rp 12 juta untuk korban"),
        ("en", "12 per cent of voters"),
        ("ar", "مقتل 12 ألفا"),
    ]:
        assert FactExtractor._counts(sentence, None, lang) == [], sentence


def test_publication_lines_of_session_21_dates15() -> None:
    # bench/realset tune split: a blog byline, who then on which day (iceagetv.com)
    head = (
        "À Bali, l’éruption d’un volcan provoque l’évacuation de centaines de familles\n"
        "Écrit par Jonathan PIRIOU sur juin 18, 2025\nLe mont Lewotobi Laki-Laki a projeté mardi une énorme colonne"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2025-06-18", "byline")
    # a date line run into the lead where the markup lost the line break (lfwp.net's copy of DW)
    head = (
        "Arab League leaders meet in Algeria after 3-year gap\nNovember 2, 2022Leaders of Arab countries met at the "
        "31st Arab League summit in Algiers on Monday, for the first time in three years."
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2022-11-02", "byline")
    # the Ethiopian News Agency's dateline (ena.et)
    head = "Addis Ababa February 18/2023/ENA/ The President of Comoros and incoming African Union (AU) chairperson"
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2023-02-18", "dateline")
    # a yearless dateline with a colon and no agency, the year from the lead's weekday (daijiworld.com)
    head = (
        "Daijiworld Media Network – Jakarta\nJakarta, Jul 20: A routine sea voyage turned into a terrifying ordeal "
        "on Sunday afternoon when a massive fire engulfed a passenger ferry"
    )
    when = published_in_dateline(head, None)
    assert when is not None and when.date == "2025-07-20"
    when = published_in_dateline(head, 2025)
    assert when is not None and when.date == "2025-07-20"


def test_an_arabic_byline_with_both_calendars() -> None:
    # Constructed lines (no bench/realset tune article nor bench/pubdates tune page prints these forms; the pubdates
    # tune pages' Gregorian-then-Hijri lines are site clocks, ar-109, ar-124, and stay so): a publication label
    # before the pair makes it the page's byline, not a site's calendar line
    body = "\nأعلنت وزارة الصحة اليوم عن وفاة ثلاثة أشخاص في حادث سير على الطريق الدولي قرب المدينة"
    when = published_in_text("نشر في: السبت 20 يناير 2024 - 8 رجب 1445 هـ" + body)
    assert when is not None and (when.date, when.basis) == ("2024-01-20", "byline")
    assert published_in_text("السبت 20 يناير 2024 - 8 رجب 1445 هـ" + body) is None  # a site's calendar line
    # a Hijri day, a dash, then the Gregorian day printed beside it: the printed Gregorian day, not the Umm al-Qura
    # conversion of a Hijri day announced by sighting (9 Rajab 1445 is 21 January 2024 in that calendar)
    when = published_in_text("السبت 9 رجب 1445هـ - 20 يناير 2024م" + body)
    assert when is not None and when.date == "2024-01-20"


def test_publication_forms_of_session_24_pubdate24() -> None:
    # bench/realset tune split, in-sikkim-flood-2023-id-04 (potret24.com): a month permalink whose slug opens with a
    # number ("23 soldiers missing") dates the month, not the 23rd; the lead's day gives the day
    url = "https://potret24.com/2023/10/23-tentara-hilang-banjir-bandang-hantam-india"
    assert published_in_url(url) is None
    assert published_month_in_url(url).date == "2023-10"  # type: ignore[union-attr]
    assert published_in_url("https://example.com/2023/10/04/slug").date == "2023-10-04"  # type: ignore[union-attr]
    assert published_in_url("https://example.com/news/2024-10-16-slug").date == "2024-10-16"  # type: ignore[union-attr]
    lead = (
        "NEW DELHI – Militer India menyatakan pada hari Rabu (4/10/2023) sedikitnya 23 tentara hilang setelah banjir "
        "bandang dahsyat melanda sebuah lembah di negara bagian Sikkim, India timur laut."
    )
    article = Article(source="x", text=lead, url=url, lang="id")
    assert FactStage._published(article, []).published == "2023-10-04"
    # pk-bajaur-bombing-2023-id-02 (kabarindo.com): the lead's day with a comma before its bracket
    lead = (
        "KABARINDO, DERA ISMAIL KHAN – Setidaknya 42 orang tewas dan lebih dari 130 lainnya cedera ketika seorang "
        "pembom bunuh diri meledakkan bahan peledak pada kampanye politik di Provinsi Khyber Pakhtunkhwa barat laut "
        "Pakistan pada Minggu, (30/7/2023) kata polisi dan petugas penyelamat."
    )
    when = published_in_text(lead)
    assert when is not None and (when.date, when.basis) == ("2023-07-30", "dateline")


def test_an_arabic_post_meta_line_with_the_author_run_into_the_date() -> None:
    # bench/pubdates tune page ar-188 (ar.almojaaz.com): the author's name glued to the date, "Last Update" after it
    head = (
        "الإعلان عن عدد الضحايا.. تنفيذ هجوم مفاجئ في منطقة ألاباما الأمريكية وسقوط قتلى ومصابين\n\n"
        "مريم فتحي11 نوفمبر 2024Last Update :\n"
        "أمس الأحد، في وقت مبكر، تم إعلان مقتل شخص، وإصابة ١٦ آخرين، منهم إصابات خطيرة إثر طلقات نارية"
    )
    when = published_in_text(head)
    assert when is not None and when.date == "2024-11-11"
    # without the label a letter glued to a day is a conjunction: "يومي 18 و19 فبراير 2023" (au-summit-2023-ar-02)
    head = "وتستمر القمة الإفريقية التي ستعقد يومي 18 و19 فبراير 2023، بالعاصمة الإثيوبية أديس أبابا"
    assert published_in_text(head) is None


def test_publication_forms_of_session_25_pubdate25() -> None:
    # bench/pubdates tune page ar-203 (halafm.om): the stamp's comma spaced on both sides before the year
    head = (
        "أمطار غزيرة تشهدها محافظات سلطنة عُمان نتيجة الحالة الجوية “المطير”\n\nمنحفض المطير\nمنحفض المطير\n\n"
        "الثلاثاء,16 أبريل , 2024 8:02م\n\nأمطار غزيرة تشهدها ولايات شمال الباطنة."
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-04-16", "timestamp")
    # bench/pubdates tune page ar-204 (ar.mondenews.net): the site's clock printed twice around its weather widget,
    # over a report of April 2025: neither copy dates the page (its label is none; the lead's weekday-dated day is
    # what is left, the day of report by bench/realset's convention, see jerusalem-aqsa-2023-ar-01)
    head = (
        "الجمعة, يناير 30, 2026\n16.4 C\nTunisia\nالجمعة, يناير 30, 2026\n\n"
        "وفاة شخصين وإصابة 9 آخرين في حادث مرور بسوسة\n\n"
        "أسفر حادث مرور جدّ صباح الثلاثاء 8 أفريل 2025، بالنقطة الكيلومترية 813 بمنطقة المهاذبة من معتمدية سيدي "
        "بوعلي، عن وفاة شخصين على عين المكان وإصابة 9 آخرين"
    )
    when = published_in_text(head)
    assert when is None or when.date != "2026-01-30"
    # a byline of the clock's day under the headline stays the page's date (a page read the day it was published)
    head = (
        "الجمعة, يناير 30, 2026\n16.4 C\nTunisia\n\nوفاة شخصين وإصابة 9 آخرين في حادث مرور بسوسة\n\n"
        "الجمعة, يناير 30, 2026\n\nأسفر حادث مرور جدّ صباح اليوم عن وفاة شخصين"
    )
    when = published_in_text(head)
    assert when is not None and when.date == "2026-01-30"


def test_publication_forms_of_session_26_pubdate26() -> None:
    # bench/realset tune-b il-dizengoff-shooting-2022-en-01 (siawi.org, a SPIP site): the page's date line, then who
    # posted it; a byline (the page's date is still read from its later stamp there, the label's being this line's)
    head = (
        "Israel 4th Terror Attack in Two Weeks | Two Killed, Ten Wounded in Tel Aviv Shooting Attack\n\n"
        "Friday 8 April 2022, by siawi3\n\n4th Terror Attack in Two Weeks"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2022-04-08", "byline")
    # the same order in an Arabic theme's meta line (constructed: no tune article or page prints it)
    body = "\nأعلنت وزارة الصحة اليوم عن وفاة ثلاثة أشخاص في حادث سير على الطريق الدولي قرب المدينة"
    for line in (
        "3 مارس 2024 | كتب: محمد علي",
        "الأحد 3 مارس 2024 - بقلم محمد علي",
        "3 مارس 2024 بواسطة admin",
    ):
        when = published_in_text("عنوان الخبر\n" + line + body)
        assert when is not None and (when.date, when.basis) == ("2024-03-03", "byline")
    # inside a sentence "by"/"par" names who did it: no byline (ke-ogolla-crash-2024-en-03 and -fr-01, tune split)
    for sentence in (
        "Francis Ogolla, a former Kenya Air Force commander, was appointed Kenya's Chief of Defence Forces on April "
        "28, 2023 by President Ruto.",
        "Âgé de 61 ans, Francis Omondi Ogolla avait été nommé il y a un peu moins d'un an, le 29 avril 2023, par le "
        "président William Ruto.",
    ):
        assert published_in_text("Kenya\n" + sentence) is None
    # a date line run into the lead in Arabic script, as in Latin (lfwp.net above): a public amp.dw.com page of 2
    # November 2024 (https://amp.dw.com/ar/...a-70667815), its stored text's second line
    head = (
        "قتلى في لبنان وجرحى في إسرائيل في قصف متبادل بين الجانبين\n"
        "٢ نوفمبر ٢٠٢٤قالت خدمات الطوارئ الإسرائيلية إن نحو 19 شخصاً أصيبوا بوسط إسرائيل اليوم السبت"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2024-11-02", "byline")
    # the calendar's mark glued to the year is no word of the lead: a sentence the date opens stays one
    assert published_in_text("عنوان\n15 ديسمبر 2024م قال الوزير إن الحادث وقع على الطريق الدولي") is None


def test_french_day_of_report_under_a_header_month_and_a_caption_under_publie() -> None:
    # bench/realset tune-b br-rio-grande-flood-2024-fr-03 (francetvinfo.fr): "fait état" with the day, the header's month
    head = (
        " date 2024-05 Un bilan provisoire fait état, vendredi 3 mai, de 29 morts et 60 disparus au Brésil, où l'État "
        "du Rio Grande do Sul a été frappé par des coulées de boues et des inondations dantesques."
    )
    when = published_in_text(head, "2024-05", "month")
    assert when is not None and when.date == "2024-05-03"
    # a weekday the header's year does not give that day is no day of report (3 May 2024 was a Friday)
    head = head.replace("vendredi 3 mai", "samedi 3 mai")
    assert published_in_text(head, "2024-05", "month") is None
    # br-rio-grande-flood-2024-fr-04 (pressafrik.com): "ce" before a weekday is as often the event's day (left out)
    head = "Le drame s'est ajouté à l'explosion d'une station-service à Porto Alegre ce samedi 4 mai."
    assert published_in_text(head, "2024-05", "month") is None
    # tune-a pk-quetta-fc-bombing-2025-fr-01 (noovo.info): "Publié" alone, its date lost, then the photo's caption
    head = (
        "Un attentat à la voiture piégée a fait au moins 10 morts au Pakistan\n\nPublié\n\n"
        "1681e66c04047e6c10ebf9cb1d678bdbdfd27da064ebb2bce5dcf347298cd4b1.jpg Des secouristes et des agents de sécurité "
        "examinent des véhicules endommagés sur le site d'un attentat à la voiture piégée, à Quetta, au Pakistan, le "
        "mardi 30 septembre 2025. (ASSOCIATED PRESS/Arshad Butt)\n\nDes militants ont fait exploser une puissante "
        "voiture piégée"
    )
    when = published_in_text(head)
    assert when is not None and (when.date, when.basis) == ("2025-09-30", "byline")
    # the same caption without the label above it is no byline (at most the lead's weekday-dated day, see _chosen)
    when = published_in_text(head.replace("Publié\n\n", ""))
    assert when is None or when.basis == "lead"


def test_publication_forms_of_session_27_pubdate27() -> None:
    # bench/pubdates tune page ar-243 (bahrainnewsapp.com, its copy of an RT report): the en-US general date and
    # time, month first though both numbers are 12 or less (the Damietta boat lost early in March 2026)
    body = (
        "\nوأسفر الحادث المأساوي عن مصرع جميع أفراد الطاقم والذين يقدر عددهم بـ 7 بحارة جميعهم من أبناء "
        "محافظة دمياط، وكانوا في رحلة صيد طويلة مدتها المقررة حوالي 25 يوما."
    )
    when = published_in_text("روسيا اليوم - 3/4/2026 7:29:03 PM - GMT (+3 )" + body)
    assert when is not None and (when.date, when.basis) == ("2026-03-04", "timestamp")
    # aajilnews.com (in neither bench): the same stamp beside the Arabic date that names its month
    head = "الأحد 10/نوفمبر/2024 - 10:00 ص 11/10/2024 10:00:35 AM\nاستشهد 33 فلسطينيًا بينهم 13 طفلا"
    when = published_in_text(head)
    assert when is not None and when.date == "2024-11-10"
    # without the seconds the clock is no US stamp: elsiyasa.com's "17/11/2023 12:13PM" is day first, and a day
    # first date with an Arabic clock stays day first
    for line, day in (("3/4/2026 12:13PM", "2026-04-03"), ("03/04/2026 07:29 م", "2026-04-03")):
        when = published_in_text("عنوان الخبر\n" + line + body)
        assert when is not None and when.date == day
    # Egyptian spellings of June and July with a tā' marbūṭa (baladnaelyoum.com, in neither bench)
    for line, day in (
        ("الخميس 25 يونية 2020 | 06:51 صباحاً", "2020-06-25"),
        ("السبت 25 يولية 2020 | 06:51 صباحاً", "2020-07-25"),
    ):
        when = published_in_text(
            "شاهد.. حريق ضخم يلتهم أحد الأسواق\n\n" + line + "\nكتب : بلدنا اليوم" + body
        )
        assert when is not None and when.date == day
