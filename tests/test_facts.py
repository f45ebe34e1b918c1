"""Event facts on the samples (golden), date resolution, the gazetteer, acronyms, and `polynews events`."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cli import app
from extract.dates import find_dates, resolve, text_year
from extract.facts import acronyms
from extract.gazetteer import canonical_place, gazetteer


def facts(db: Path, prefix: str) -> list[tuple[str, dict[str, Any], str, float]]:
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT f.kind, f.data, f.evidence, f.confidence FROM facts f JOIN sightings s ON s.article_id = "
            "f.article_id WHERE s.source LIKE ? ORDER BY f.id",
            (f"%/{prefix}_%",),
        ).fetchall()
    return [(k, json.loads(d), e, c) for k, d, e, c in rows]


def event(db: Path, prefix: str, name: str) -> dict[str, Any]:
    found = [d | {"evidence": e} for k, d, e, _ in facts(db, prefix) if k == "event" and d["name"] == name]
    assert found, [d["name"] for k, d, _, _ in facts(db, prefix) if k == "event"]
    return found[0]


def of_kind(db: Path, prefix: str, kind: str, ev: str | None = None) -> list[dict[str, Any]]:
    return [d for k, d, _, _ in facts(db, prefix) if k == kind and (ev is None or d.get("event") == ev)]


# -- golden: 004 (en) ---------------------------------------------------------------------------------------------
def test_004_global_video_media_forum(samples_db: Path) -> None:
    name = "12th Global Video Media Forum"
    ev = event(samples_db, "004", name)
    assert ev["type"] == "forum" and ev["edition"] == 12
    # "opened ... on Tuesday" in an article dated Friday 2024-12-06: the Tuesday before.
    assert (ev["date"], ev["precision"]) == ("2024-12-03", "day")
    assert "2024-12-06" in ev["basis"]
    # Most specific first; the dateline's BEIJING is where it was written, not where it happened.
    assert ev["places"] == ["Quanzhou", "Fujian", "China"]
    assert "opened in Quanzhou" in ev["evidence"]
    hosts = [o for o in of_kind(samples_db, "004", "organiser", name) if o["role"] == "host"]
    assert hosts == [
        {
            "event": name,
            "role": "host",
            "name": "CCTV Video News Agency",
            "acronym": "CCTV+",
            "part_of": "China Media Group",
            "lang": "en",
            "origin": "native",
        }
    ]
    counts = {(c["value"], c["approx"], c["counted"]) for c in of_kind(samples_db, "004", "count", name)}
    assert {
        (200, "around", "representatives"),
        (87, None, "media organizations"),
        (60, "more than", "countries and regions"),
    } <= counts
    categories = {c["counted"]: c["category"] for c in of_kind(samples_db, "004", "count", name)}
    assert (
        categories["representatives"] == "participants" and categories["countries and regions"] == "countries"
    )
    people = {p["name"]: p["roles"] for p in of_kind(samples_db, "004", "person")}
    assert people["Shen Haixiong"] == [
        {"title": "President", "org": "China Media Group", "org_acronym": "CMG"}
    ]


# -- golden: 001 (en) ---------------------------------------------------------------------------------------------
def test_001_china_internet_audiovisual_conference(samples_db: Path) -> None:
    name = "10th China Internet Audiovisual Conference"
    ev = event(samples_db, "001", name)
    assert ev["type"] == "conference" and ev["edition"] == 10
    assert ev["part"] == "Internet Audiovisual International Communication Forum"
    # "On March 30" with no publication date: the year comes from the text (2023), and the basis says so.
    assert (ev["date"], ev["precision"]) == ("2023-03-30", "day")
    assert ev["basis"] == "year inferred from the text (2023)"
    assert ev["places"] == ["Chengdu", "Sichuan"]
    roles = {(o["role"], o["name"]) for o in of_kind(samples_db, "001", "organiser", name)}
    assert (
        "sponsor",
        "International Cooperation Department of the State Administration of Radio and Television",
    ) in roles
    assert (
        "organiser",
        "Beijing Radio and Television New View TV Program Production Information Center",
    ) in roles
    people = {p["name"]: p["roles"] for p in of_kind(samples_db, "001", "person")}
    assert people["Yan Chengsheng"] == [
        {"title": "vice chairman", "org": "Asia-Pacific Broadcasting Union"},
        {
            "title": "director",
            "org": "International Cooperation Department of the State Administration of Radio and Television",
        },
    ]


def test_001_and_002_are_different_editions(samples_db: Path) -> None:
    assert event(samples_db, "001", "10th China Internet Audiovisual Conference")["edition"] == 10
    assert event(samples_db, "002", "13e Conférence de l'audiovisuel en ligne de Chine")["edition"] == 13


# -- golden: 002 (fr), native French model, no translation --------------------------------------------------------
def test_002_french_conference_with_the_french_model(samples_db: Path) -> None:
    name = "13e Conférence de l'audiovisuel en ligne de Chine"
    ev = event(samples_db, "002", name)
    assert (ev["type"], ev["edition"], ev["lang"], ev["origin"]) == ("conference", 13, "fr", "native")
    assert ev["expression"] == "15 avril" and ev["date"].endswith("-04-15")
    assert ev["places"] == ["Chengdu", "Sichuan", "China"]
    people = {p["name"]: p["roles"] for p in of_kind(samples_db, "002", "person")}
    assert people["Cao Shumin"] == [
        {"title": "directrice", "org": "Administration nationale de la radio et de la télévision"}
    ]
    assert people["Wang Xiaohui"][0]["title"] == "secrétaire"
    counts = {(c["value"], c["approx"], c["counted"]) for c in of_kind(samples_db, "002", "count", name)}
    assert {(12000, "plus de", "invités"), (4000, "plus de", "institutions participantes")} <= counts
    with sqlite3.connect(samples_db) as conn:
        labels = dict(
            conn.execute(
                "SELECT e.text, e.label FROM entities e JOIN sightings s ON s.article_id = e.article_id "
                "WHERE s.source LIKE '%/002_%' AND e.lang = 'fr'"
            ).fetchall()
        )
    # The French model's PER and LOC in the English scheme: a place the gazetteer knows is a GPE.
    assert labels.get("Cao Shumin") == "PERSON" and labels.get("Chengdu") == "GPE"


def test_every_fact_keeps_its_sentence_and_confidence(samples_db: Path) -> None:
    with sqlite3.connect(samples_db) as conn:
        rows = conn.execute(
            "SELECT a.text, a.text_en, f.evidence, f.confidence FROM facts f "
            "JOIN articles a ON a.id = f.article_id"
        ).fetchall()
    assert rows
    for text, text_en, evidence, confidence in rows:
        assert evidence and (evidence in text or (text_en and evidence in text_en))
        assert 0 < confidence <= 1


def test_entities_get_canonical_names(samples_db: Path) -> None:
    with sqlite3.connect(samples_db) as conn:
        canon = dict(
            conn.execute(
                "SELECT e.text, e.canonical FROM entities e JOIN sightings s ON s.article_id = e.article_id "
                "WHERE s.source LIKE '%/004_%' OR s.source LIKE '%/002_%'"
            ).fetchall()
        )
    assert canon["CMG"] == "China Media Group"  # an acronym the text defines
    assert canon["Quanzhou City"] == "Quanzhou"  # the gazetteer's name
    assert canon.get("Chine", "China") == "China"  # French, one name


# -- dates ----------------------------------------------------------------------------------------------------------
FRIDAY = dt.date(2024, 12, 6)


@pytest.mark.parametrize(
    ("expression", "lang", "expected"),
    [
        ("Tuesday", "en", "2024-12-03"),  # weekday: the one before the publication date
        ("Friday", "en", "2024-12-06"),
        ("mardi", "fr", "2024-12-03"),
        ("Selasa", "id", "2024-12-03"),
        ("الثلاثاء", "ar", "2024-12-03"),
        ("March 30", "en", "2024-03-30"),  # day and month: the year of the publication date, looking back
        ("15 avril", "fr", "2024-04-15"),
        ("1er décembre", "fr", "2024-12-01"),
        ("Selasa (3/12)", "id", "2024-12-03"),  # Indonesian numeric day/month after the weekday
        ("3 Desember 2024", "id", "2024-12-03"),
        ("3 ديسمبر", "ar", "2024-12-03"),  # Arabic month names, Arabic-Indic digits
        ("٣ ديسمبر ٢٠٢٤", "ar", "2024-12-03"),
        ("Dec. 6, 2024", "en", "2024-12-06"),
    ],
)
def test_resolve_dates(expression: str, lang: str, expected: str) -> None:
    when = resolve(expression, lang, FRIDAY)
    assert when is not None and when.date == expected and when.precision == "day"


def test_dates_without_a_publication_date() -> None:
    assert resolve("March 30", "en", None, 2023).date == "2023-03-30"  # type: ignore[union-attr]
    assert resolve("March 30", "en", None, 2023).basis == "year inferred from the text (2023)"  # type: ignore[union-attr]
    assert resolve("Tuesday", "en", None, 2023) is None  # a weekday needs a date to count back from
    assert resolve("March 2023", "en").precision == "month"  # type: ignore[union-attr]
    assert text_year("the 2023 edition; in 2023 and 2019") == 2023


def test_find_dates_in_four_languages() -> None:
    # a weekday before its date is one expression (it can give the year when none is written)
    assert [d[2] for d in find_dates("The forum opened on Tuesday, March 30th 2023.", "en")] == [
        "Tuesday, March 30th 2023"
    ]
    assert [d[2] for d in find_dates("The forum opened on Tuesday and closed March 30th 2023.", "en")] == [
        "Tuesday",
        "March 30th 2023",
    ]
    assert [d[2] for d in find_dates("Dans la matinée du 15 avril, la 13e", "fr")] == ["15 avril"]
    assert [d[2] for d in find_dates("JAKARTA, Selasa (3/12) - Forum itu", "id")] == ["Selasa (3/12)"]
    assert [d[2] for d in find_dates("افتتح يوم ٣ ديسمبر في بكين", "ar")] == ["٣ ديسمبر"]


# -- the gazetteer ------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("spellings", "canonical"),
    [
        (["Beijing", "BEIJING", "Pekin", "Pékin", "Peking", "بكين"], "Beijing"),
        (["Cairo", "Le Caire", "القاهرة", "Kairo"], "Cairo"),
        (["China", "Chine", "الصين", "Tiongkok", "Cina"], "China"),
        (["Indonesia", "Indonésie", "إندونيسيا"], "Indonesia"),
        (["Sichuan", "Sichuan Province", "province du Sichuan"], "Sichuan"),
        (["Quanzhou", "Quanzhou City"], "Quanzhou"),
    ],
)
def test_one_place_in_four_scripts_and_spellings(
    spellings: list[str], canonical: str, tmp_path: Path
) -> None:
    assert {canonical_place(s, tmp_path) for s in spellings} == {canonical}


def test_gazetteer_cache_round_trip(tmp_path: Path) -> None:
    built = gazetteer(tmp_path / "a")
    assert list((tmp_path / "a").glob("gazetteer-*.pickle"))
    gazetteer.cache_clear()
    loaded = gazetteer(tmp_path / "a")
    assert (
        loaded is not built and len(loaded) == len(built) and loaded.lookup("Pékin") == built.lookup("Pékin")
    )


# -- acronyms -------------------------------------------------------------------------------------------------------
def test_acronyms_tie_short_and_long_forms() -> None:
    text = (
        "Hosted by the CCTV Video News Agency (CCTV+) of the China Media Group (CMG), the 12th Global Video "
        "Media Forum (VMF) opened."
    )
    assert acronyms(text) == {
        "CCTV+": "CCTV Video News Agency",
        "CMG": "China Media Group",
        "VMF": "Global Video Media Forum",
    }


# -- polynews events --------------------------------------------------------------------------------------------------
def run_events(db: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["events", "--db", str(db), "--json", *args])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.output.splitlines() if line.strip()]


def test_events_command_filters(samples_db: Path) -> None:
    names = {e["name"] for e in run_events(samples_db)}
    assert {"12th Global Video Media Forum", "10th China Internet Audiovisual Conference"} <= names
    # --place in any spelling: the gazetteer resolves it first.
    assert {e["name"] for e in run_events(samples_db, "--place", "Chengdu")} == {
        "10th China Internet Audiovisual Conference",
        "13e Conférence de l'audiovisuel en ligne de Chine",
    }
    assert {e["name"] for e in run_events(samples_db, "--place", "泉州")} == set()  # CJK: not in the index
    assert [e["name"] for e in run_events(samples_db, "--org", "CCTV+")] == ["12th Global Video Media Forum"]
    # 000 (ar) reports a forum too, found by the word in its own language (المنتدى); 003's (id) forum, with
    # Quanzhou, is in the golden file.
    forums = {e["name"] for e in run_events(samples_db, "--kind", "forum")}
    assert {"12th Global Video Media Forum", "forum in Beijing"} <= forums
    dated = run_events(samples_db, "--since", "2024-12-01", "--until", "2024-12")
    assert [e["name"] for e in dated] == ["12th Global Video Media Forum"]
    forum = dated[0]
    assert forum["organisers"][0]["role"] == "host" and forum["counts"] and forum["people"]


def test_events_human_output_and_bad_dates(samples_db: Path) -> None:
    result = CliRunner().invoke(app, ["events", "--db", str(samples_db), "--place", "Quanzhou"])
    assert result.exit_code == 0
    assert "12th Global Video Media Forum  [forum]" in result.output
    assert "2024-12-03" in result.output and "Quanzhou, Fujian, China" in result.output
    bad = CliRunner().invoke(app, ["events", "--db", str(samples_db), "--since", "last week"])
    assert bad.exit_code == 2 and "--since must be a date" in bad.output


def test_show_lists_facts_with_their_source(samples_db: Path) -> None:
    with sqlite3.connect(samples_db) as conn:
        (article_id,) = conn.execute(
            "SELECT article_id FROM sightings WHERE source LIKE '%/004_%'"
        ).fetchone()
    result = CliRunner().invoke(app, ["show", str(article_id), "--db", str(samples_db)])
    assert result.exit_code == 0
    assert "event" in result.output and "12th Global Video Media Forum" in result.output
    assert 'from: "BEIJING, Dec. 6, 2024' in result.output


def test_case_accents_and_spacing_do_not_split_an_entity(tmp_path: Path) -> None:
    from extract.facts import FactOptions, FactStage
    from ingest.record import Article, Entity

    text = (
        "SHEN HAIXIONG spoke. Later Shen  Haixiong and Shen Haixiong met the Cao Shumín of Cao Shumin fame."
    )
    spans = [
        ("SHEN HAIXIONG", "PERSON"),
        ("Shen  Haixiong", "PERSON"),
        ("Shen Haixiong", "PERSON"),
        ("Cao Shumín", "PERSON"),
        ("Cao Shumin", "PERSON"),
    ]
    entities, pos = [], 0
    for surface, label in spans:
        start = text.index(surface, pos)
        pos = start + len(surface)
        entities.append(Entity(surface, label, start, pos, surface, "native", "en"))
    article = Article(source="x.txt", text=text, lang="en", entities=tuple(entities))
    out = FactStage(FactOptions(cache_dir=tmp_path))(article)
    assert {e.canonical for e in out.entities} == {"Shen Haixiong", "Cao Shumin"} or {
        e.canonical for e in out.entities
    } == {"Shen Haixiong", "Cao Shumín"}
    assert len({e.canonical for e in out.entities}) == 2


def _kind_of(article: str, tmp_path: Path) -> str | None:
    """The event kind FactStage reads in one article of bench/realset, whole."""
    from extract.facts import FactOptions, FactStage
    from ingest.record import Article

    text = (
        Path(__file__).resolve().parent.parent / "bench" / "realset" / "articles" / f"{article}.txt"
    ).read_text()
    lang = article.split("-")[-2]
    out = FactStage(FactOptions(cache_dir=tmp_path))(Article(source="x.txt", text=text, lang=lang))
    events = [f.data for f in out.facts if f.kind == "event"]
    return events[0]["type"] if events else None


def test_trains_that_collide_crash_and_a_suicide_blast_is_an_attack(tmp_path: Path) -> None:
    """Part D of bench/realset's tuning half: train collisions in four languages ("collided", "collision",
    «تصادم», "tabrakan") were no event at all, and the Peshawar mosque bombing ("suicide blast", «انتحاري») was
    an explosion."""
    for article in (
        "in-balasore-train-2023-en-01",
        "in-balasore-train-2023-fr-02",
        "in-balasore-train-2023-ar-03",
        "in-kanchanjunga-train-2024-en-01",
        "in-kanchanjunga-train-2024-id-03",
    ):
        assert _kind_of(article, tmp_path) == "crash", article
    for article in ("pk-peshawar-2023-en-01", "pk-peshawar-2023-en-03", "pk-peshawar-2023-fr-02"):
        assert _kind_of(article, tmp_path) == "attack", article


def test_event_kind_words_are_matched_on_their_stems_in_four_languages() -> None:
    """Sentences of bench/realset's tuning half (parts F1 and F2, session 13), each as the article has it: a boat
    that capsized or sank, a helicopter or plane that fell, a crowd crush, a landslide, a fire, in words the fixed
    patterns never met or in an inflected form of theirs."""
    from extract.event_kind import kind_hits

    def kinds(text: str, lang: str) -> set[str]:
        return {k for k, spans in kind_hits(text, lang).items() if k and spans}

    cases = [
        # shipwrecks and boats (sy-tartus-boat-2022, lb-tripoli-boat-2022, it-cutro-shipwreck-2023)
        ("77 dead in migrant shipwreck off Syria after leaving Lebanon", "en", "crash"),
        (
            "Parti la semaine dernière d'Izmir en Turquie, le bateau surchargé a fait naufrage lors d'une tempête "
            "juste avant d'atteindre la côte calabraise.",
            "fr",
            "crash",
        ),
        (
            "Jakarta (ANTARA) - Hingga saat ini, total 102 jenazah ditemukan setelah sebuah perahu yang membawa "
            "migran ilegal terbalik di lepas pantai Suriah, sementara 40 lainnya masih hilang",
            "id",
            "crash",
        ),
        (
            "إنقاذ 48 شخصاً بينهم طفلة متوفية كانوا على متن مركب تعرض للغرق أثناء محاولة تهريبهم بطريقة غير شرعية",
            "ar",
            "crash",
        ),
        # aircraft (ke-ogolla-crash-2024, ua-brovary-crash-2023, np-saurya-crash-2024: "تحطّم" with its shadda)
        ("Helikopter Militer Kenya Jatuh, Jenderal Ogolla Menjadi Korban", "id", "crash"),
        ("جراء تحطم مروحية قرب روضة أطفال في منطقة كييف.", "ar", "crash"),
        ("كاتماندو: أدى تحطّم طائرة في كاتماندو الأربعاء إلى مقتل 18 من 19 شخصا", "ar", "crash"),
        # a train "mishap" (in-kanchanjunga-train-2024)
        ("A view of the train mishap in West Bengal's Darjeeling district", "en", "crash"),
        # crowd crushes (kr-itaewon-2022)
        (
            "who got trapped and crushed after a huge Halloween party crowd surged into a narrow alley",
            "en",
            "stampede",
        ),
        ("Korban tewas diakibatkan saling berdesak-desakan.", "id", "stampede"),
        # landslides (pg-enga-landslide-2024)
        (
            "أجلت السلطات في بابوا غينيا الجديدة نحو 7900 شخص، بعد الانهيار الأرضي الضخم الذي دمر قرية",
            "ar",
            "landslide",
        ),
        # fires (eg-abu-sifin-fire-2022)
        ("Egypt: fire in a church in Giza, more than 40 victims", "en", "fire"),
    ]
    for text, lang, kind in cases:
        assert kind in kinds(text, lang), (lang, text)
    # A fate without its vehicle is no crash; a phrase that holds a kind's word is no event.
    assert kinds("Stocks sank on Monday and the government fell.", "en") == set()
    assert "fire" not in kinds("Police fired tear gas and opened fire on the crowd.", "en")
    # "dinas pemadam kebakaran" is the fire brigade speaking of a shipwreck (it-cutro-shipwreck-2023-id-02)
    assert kind_hits("Juru bicara dinas pemadam kebakaran Italia", "id").get("fire", []) == []


def test_an_explosion_someone_set_off_is_an_attack_and_boats_that_sank_are_crashes(tmp_path: Path) -> None:
    """bench/realset's tuning half, whole articles: the Kerman twin bombing (kind attack: its reports name
    terrorists or bombs, «عملية إرهابية», "bom", "attentat") was an explosion, the Lebanon pager explosions stay
    explosions; the Tartus and Tripoli migrant boats ("naufrage", "perahu ... terbalik", «مركب ... للغرق») were
    no event or an election, and Enga's landslide report in Arabic none."""
    for article in ("ir-kerman-2024-ar-01", "ir-kerman-2024-id-02", "ir-kerman-2024-fr-04"):
        assert _kind_of(article, tmp_path) == "attack", article
    for article in ("lb-pagers-2024-en-01", "lb-pagers-2024-fr-01"):
        assert _kind_of(article, tmp_path) == "explosion", article
    for article in (
        "sy-tartus-boat-2022-fr-01",
        "sy-tartus-boat-2022-id-01",
        "lb-tripoli-boat-2022-ar-01",
        "lb-tripoli-boat-2022-en-01",
    ):
        assert _kind_of(article, tmp_path) == "crash", article
    assert _kind_of("pg-enga-landslide-2024-ar-02", tmp_path) == "landslide"


def test_raids_collapses_and_gas_leaks_are_kinds_of_their_own_in_four_languages() -> None:
    """Sentences of bench/realset's tuning half (part M, session 18), each as the article has it: the Al-Aqsa
    raids of 2022 and 2023 (storm as a verb is no weather), the Al Khoziny school collapse and the Aqaba chlorine
    leak were no event, a storm, a riot, an explosion or a crash; "pertemuan puncak" is a summit and a chairman
    "elected" no election; the African Union's assembly of heads of state is a summit."""
    from extract.facts import SCHEMA_KINDS, _kind_hits

    def kinds(text: str, lang: str) -> set[str]:
        return {k for k, spans in _kind_hits(text, lang).items() if spans}

    cases = [
        # jerusalem-aqsa-2023-en-01, -2023-en-04, -2022-en-01, -2022-fr-02, -2022-id-02, -2022-id-03, -2022-ar-04
        (
            "Israeli police stormed the al-Aqsa mosque in Jerusalem, one of Islam’s holiest sites, during Ramadan "
            "prayers early Wednesday",
            "en",
            {"raid"},
        ),
        ("Israeli Police Storm Al-Aqsa Mosque and Clash With ‘Rioters’ in Jerusalem", "en", {"raid"}),
        ("Israeli police have raided the Al-Aqsa Mosque compound in occupied East Jerusalem", "en", {"raid"}),
        (
            "après que des affrontements ont éclaté lorsque la police israélienne a fait irruption dans "
            "l’enceinte de la mosquée al-Aqsa de Jérusalem.",
            "fr",
            {"raid"},
        ),
        ("Polisi Israel dilaporkan telah menyerbu Masjid Al-Aqsa di Yerusalem Timur", "id", {"raid"}),
        ("Polisi “Israel” telah menggerebek kompleks Masjid Al-Aqsha di Yerusalem Timur", "id", {"raid"}),
        ("اقتحمت قوات الشرطة، فجر اليوم الجمعة، المسجد الأقصى المبارك", "ar", {"raid"}),
        # id-al-khoziny-collapse-2025-en-01, -fr-02, -id-02, -ar-05
        (
            "racing to free dozens of students still believed trapped beneath a collapsed Islamic boarding school",
            "en",
            {"collapse"},
        ),
        ("Effondrement meurtrier d'une école islamique en Indonésie", "fr", {"collapse"}),
        (
            "Menurut informasi yang dihimpun, ambruknya bangunan dengan cor semen dan rangka besi tersebut terjadi "
            "di ruangan lantai 2",
            "id",
            {"collapse"},
        ),
        ("إندونيسيا.. ارتفاع ضحايا انهيار مدرسة دينية", "ar", {"collapse"}),
        # jo-aqaba-gas-2022-en-01, -fr-01, -id-02 (a "toxic gas explosion"), -ar-01
        (
            "At least 12 people were killed and 251 injured when chlorine gas leaked from a storage tank in the "
            "Jordanian port of Aqaba",
            "en",
            {"leak"},
        ),
        (
            "Jordanie : au moins 12 morts et plus de 260 blessés après une fuite de chlore dans un port",
            "fr",
            {"leak"},
        ),
        ("10 Tewas Akibat Ledakan Gas Beracun di Pelabuhan Aqaba Yorbania", "id", {"leak"}),
        ("قالت السلطات الأردنية إن تسرب غاز سام في ميناءالعقبة جنوبي الأردن", "ar", {"leak"}),
        # au-summit-2024-id-01, -en-01
        ("Selama pertemuan puncak Uni Afrika di Addis Ababa", "id", {"summit"}),
        ("Mauritanian President elected African Union Chairman.", "en", set()),
        # a meeting of heads of state (au-summit-2024-en-03, au-summit-2023-fr-02); a press conference and rockets
        # "fired" are no conference and no fire (za-brics-2023-ar-03, jerusalem-aqsa-2023-en-02)
        (
            "during the 37th Ordinary Session of the AU Assembly of the Heads of State and Government held in "
            "Addis Ababa",
            "en",
            {"summit"},
        ),
        (
            "La 36eme session de l’Assemblée générale des Chefs d’Etats et de gouvernements de l’Union Africaine",
            "fr",
            {"summit"},
        ),
        ("وقال رامافوزا في مؤتمر صحفي تابعته الأناضول افتراضيا", "ar", set()),
        ("Israeli police attack worshipers at Al-Aqsa, rockets fired from Gaza", "en", {"attack"}),
    ]
    for text, lang, expected in cases:
        assert kinds(text, lang) == expected, (lang, text, kinds(text, lang))
    # A fall alone is no collapse; the schema files a raid as an attack, a collapse or a leak as "other".
    assert kinds("The economy collapsed after the war.", "en") == set()
    assert (SCHEMA_KINDS["raid"], SCHEMA_KINDS["collapse"], SCHEMA_KINDS["leak"]) == (
        "attack",
        "other",
        "other",
    )


def test_kinds_with_no_schema_name_are_read_in_whole_articles_and_background_words_do_not_outvote(
    tmp_path: Path,
) -> None:
    """bench/realset's tuning half, whole articles (part M): the raids, the collapse and the leak in each
    language; an African Union summit report that speaks of "renewed military coups" (au-summit-2024-en-02) or
    of the Union "disandera" (held hostage, au-summit-2023-id-01) stays a summit."""
    for article in ("jerusalem-aqsa-2023-en-01", "jerusalem-aqsa-2022-ar-03", "jerusalem-aqsa-2022-id-03"):
        assert _kind_of(article, tmp_path) == "raid", article
    for article in ("id-al-khoziny-collapse-2025-ar-02", "id-al-khoziny-collapse-2025-en-02"):
        assert _kind_of(article, tmp_path) == "collapse", article
    for article in ("id-al-khoziny-collapse-2025-fr-04", "id-al-khoziny-collapse-2025-id-01"):
        assert _kind_of(article, tmp_path) == "collapse", article
    for article in ("jo-aqaba-gas-2022-ar-01", "jo-aqaba-gas-2022-fr-01", "jo-aqaba-gas-2022-id-03"):
        assert _kind_of(article, tmp_path) == "leak", article
    for article in ("au-summit-2024-en-02", "au-summit-2023-id-01"):
        assert _kind_of(article, tmp_path) == "summit", article
    # "the 36th Ordinary Session of the Assembly of the Union" is a numbered meeting of heads of state: a summit
    assert _kind_of("au-summit-2023-en-03", tmp_path) == "summit"
    # a storm and the flood it brought, named as much (the Valencia floods, "DANA" storm): the flood
    for article in ("es-valencia-flood-2024-en-01", "es-valencia-flood-2024-fr-03"):
        assert _kind_of(article, tmp_path) == "flood", article
