"""What an article says about its event, as typed anchors that mean the same in every language and script.

Story matching (store/matching.py) reads these next to the text's own anchors (normalize/fingerprint.py): an
Arabic report names no Latin-script person and shares few figures with an English one, but both say
"earthquake", "7 October 2023", "Herat" and "Bashir Ahmad" once NER, the gazetteer and the fact rules have read
them. Each becomes one string, indexed like any anchor:

    k:earthquake       the event's kind (extract/facts.py's kinds, the same in the four languages)
    d:2023-10-07       the event's day (only a day: a month says little about which event)
    e:hrt              the event's place (its gazetteer name, or the text's where the gazetteer does not know
                       it) as a consonant skeleton; g:af its country (ISO 3166 code)
    p:hrt              a place below a country the article names (GPE/LOC, any script), the same way
    r:afghanistan      a country the article names (countries are named in many articles about many events)
    s:bshrahmd         a person's or organisation's consonant skeleton (extract/canonical.name_key, with the
                       letters Arabic writes with others folded, one word when long: name_skeleton): Bashir
                       Ahmad and بشير أحمد meet, as do Jokowi's Latin spellings, Putin and بوتين, Cyril
                       Ramaphosa and سيريل رامافوزا, Xi Jinping and شي جين بينغ
    q:dead:14          a count with what it counts (dead, injured, magnitude, ...)
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from extract.canonical import ARABIC_LETTER, fold, latin_name, name_key
from extract.facts import VENUE_WORDS
from extract.gazetteer import Place
from extract.orgs import source_org
from ingest.record import Article, first_event

# The kind that says nothing about which event.
_VAGUE_KINDS = frozenset({"other"})
_PLACE_LABELS = frozenset({"GPE", "LOC"})
_DATELINE = 40  # characters: "BEIJING, Dec. 6, 2024 /PRNewswire/ --", "Bisnis.com, JAKARTA —"
_NAME_LABELS = frozenset({"PERSON", "PER", "ORG"})


Gazetteer = Callable[[str], Place | None]


def guessed_day(basis: str) -> bool:
    """Whether an event's day is a guess rather than what the text says (extract/facts.py's ``basis``), and so
    names no event: a day the text never states (the publication date standing in for it: a follow-up months
    later would carry its own date as the event's); a day reckoned from the latest date the text states, standing
    in for a publication date the page has not got; a day and month given the year the text names ("year
    inferred from the text", without a weekday to check it against: a report that recalls an earlier disaster
    names its year). On bench/realset's tuning half the last two were the labelled day (within two days) for 3
    of 10 articles in fold tune-a and 10 of 19 in tune-b, where the other days were for 76 of 87 and 83 of 88: a
    wrong day vetoes every report of the story that states the right one (stories_eval.py --folds)."""
    return (
        "no date in the text" in basis
        or "the latest date the text states" in basis
        or ("year inferred from the text" in basis and "weekday" not in basis)
    )


def skeleton(name: str) -> str:
    """extract/canonical.name_key with the letters Arabic writes a Latin "g" with folded into one: ج (read "g" in
    Egypt, "j" elsewhere) and غ ("gh") both write it ("روانج" and "روانغ" Ruang, "جوتيريش" and "غوتيريش"
    Guterres), so "j", "gh" and "g" are one letter in a skeleton, in either script."""
    return name_key(name).replace("gh", "g").replace("j", "g")


# Latin letters Arabic has no letter of its own for, folded into the one it writes them with, and Arabic letters
# whose Latin reading is two letters where Latin spellings of the name write one: p is ب (b), v is ف (f), an "s"
# read "z" is ز ("ألبانيزي" Albanese, "مينز" Minns), ث ("th") writes a "t" or "s" and خ ("kh") a Spanish "j" or
# a "k" ("عثماني" Othmani, "خوان" Juan); ذ ("dh") a "d". On bench/realset's tuning half, of the 340 Arabic-script
# persons its labels give a Latin spelling, 156 met it under skeleton() and 206 with these folds (Rubby Pérez,
# Octavio Dotel, Vladimir Putin, Sergey Lavrov, Marcelo Moreno); among the 738 Latin spellings of persons there,
# skeletons shared by two names went from 4 (each two spellings of one person) to 6 (Muhammad Asim Khan and
# Muhammad Azam Khan; Nasser Kanaani and Nazir Khan). For persons and organisations only: a place's skeleton
# stands where the gazetteer knows no such place, often a word NER took for one, and folded, the "Arap" of an
# Indonesian report's "Arab States Broadcasting Union" met the "عرب" of an Arabic report on another event
# (samples 003 and 000); places in Arabic script meet their Latin names through the gazetteer's sound_key.
_ARABIC_FOLDS = (("kh", "k"), ("th", "t"), ("dh", "d"), ("p", "b"), ("v", "f"), ("z", "s"))
# Of those folds, the one a place's skeleton takes: Arabic has no "v" and writes every one with ف, so a Latin "v"
# and an Arabic "f" are one letter in any place's name. The village near which the Evros fire's 18 dead were
# found is "Avantas" in the English reports and «أفانتاس» ("afnts") in all six Arabic ones that name it
# (bench/realset's tuning half, fold tune-a: recall with Arabic 0.74 -> 0.77, `stories_eval.py --folds
# --rematch`, tune-b unchanged). Not "p" -> "b" (test_places_are_not_folded): an Arabic "b" is a Latin "b" far
# more often than a "p", and a word NER took for a place ("Arap") met an Arabic one ("عرب") through it.
_PLACE_FOLDS = (("v", "f"),)
_REPEATED = re.compile(r"(.)\1+")


# How Latin spellings write a name where Arabic script writes it otherwise (persons and organisations only, as
# _ARABIC_FOLDS): a "c" before e, i or y is an "s" in English, French, Spanish and Portuguese names, and Arabic
# writes it س (Cyril / سيريل, Francis / فرانسيس, Inácio / إيناسيو), where name_key reads every "c" "k"; an
# apostrophe inside a word writes the ع Arabic spells the name with (Ma'ruf / معروف, Ra'ad / رعد), not a word's
# end; "Al" or "El" as a word of its own before the next is the article or the family's "آل" that Arabic writes
# onto the name or before it ("Sultan Al Jaber" / "سلطان الجابر"), and name_key drops only a hyphenated "al-";
# not a first "El", Spanish more often than Arabic ("El Sol de Parral" / "إل سول دي بارال"). Then Arabic's تش below.
# On bench/realset's tuning half (bench/names_across_eval.py, labelled persons | organisations in Arabic script
# whose key is a Latin spelling's, fold tune-a; tune-b), these habits met: the "c" 4 | 1; 5 | 1, تش 2 | 0; 2 | 0,
# the apostrophe 0 | 0; 1 | 0, "Al" 0 | 0; 1 | 1, the "x" (with _JOINED_FROM) 1 | 0; 1 | 0, and no two labelled
# names came to share a key.
_SOFT_C = re.compile(r"[cC](?=[eiyéèíEIY])")
_AYN_MARK = re.compile(r"(?<=[^\W\d_])['’ʼʿ‘`](?=[^\W\d_])")
_ARTICLE_WORD = re.compile(r"\b(?:[Aa]l|آل)\s+(?=\w)|(?<=\w\s)[Ee]l\s+(?=\w)")
# Arabic writes the "ch" of Chinese, Korean, Slavic and English names تش ("تشوي" Choi, "وو تشين فو" Wu Chien-fu,
# "لوبكوفيتش" Lubkovych, "سموتريتش" Smotrich): "tsh" in the transliteration, read "ch" here as name_key reads
# Latin "ch". A word's first "x" before a vowel is the pinyin or Portuguese "sh" Arabic writes ش ("شي جين بينغ"
# Xi Jinping, Xanana / شانانا).
_TSH = re.compile(r"[tT]sh")
_FIRST_X = re.compile(r"\b[xX](?=[aeiouAEIOU])")


# A word's first "Y" before "v" is the vowel "i" (Yvonne, Yves, Yvette): Arabic writes it إي ("إيفون نديجي" Yvonne
# Ndege), where name_key keeps a first "y" as a consonant. Only before "v", which Arabic has not got: a "Y" before
# another consonant is as often an Arabic name's transliteration, whose short vowel is unwritten ("يرلي قايا"
# Yrli Qaya: reading every such "Y" a vowel lost Ali Yerlikaya and Yeti Airlines on fold tune-b). On
# bench/names_across_eval.py, Yvonne Ndege met in both folds (tune-a +1, tune-b +1), no new shared key.
_VOWEL_Y = re.compile(r"\b[yY](?=[vV])")
# A Spanish spelling, told by a surname's patronymic "-ez" after the consonants Spanish writes before it (Méndez,
# Pérez, Gómez, González, Martínez, Rodríguez, Sánchez: not the "-ez" of an Arabic name's Latin spelling, Fayez, Hafez,
# Azeez, Ramez) or by an "ñ": its "j", and a "g" before e or i, are the sound Arabic writes خ ("خوان مانويل
# مينديز" Juan Manuel Méndez), its "ll" is ي and its "ñ" ني. Of the Latin spellings of persons labelled in
# bench/realset's tuning half, 11 show it (Juan Manuel Méndez, José Luis González, Alberto Fernández, Rubby
# Pérez, ...): on bench/names_across_eval.py, fold tune-a met one more (Méndez), tune-b moved none, and no two
# labelled names came to share a key. Never read into an Arabic name's transliteration (latin_name writes no "e").
_SPANISH = re.compile(r"(?:[dlmnrtu]|ch)ez\b|ñ", re.IGNORECASE)
_SPANISH_KH = re.compile(r"[jJ]|[gG](?=[eiéíEI])")
_SPANISH_LETTERS = (("ll", "y"), ("ñ", "ny"))


def _read_as_spelled(name: str) -> str:
    """A Latin name's letters read by the habits of the language its spelling shows (_SPANISH, _VOWEL_Y), where
    Arabic writes that language's sounds and not an English reading of the letters."""
    if _SPANISH.search(name):
        name = _SPANISH_KH.sub("kh", name)
        for a, b in _SPANISH_LETTERS:
            name = re.sub(a, b, name, flags=re.IGNORECASE)
    return _VOWEL_Y.sub("I", name)


def _as_arabic_writes(name: str) -> str:
    """A name's Latin spelling (latin_name where it is in Arabic script) with the habits above read the way Arabic
    writes them."""
    name = latin_name(name) if ARABIC_LETTER.search(name) else _read_as_spelled(name)
    name = _TSH.sub("ch", _FIRST_X.sub("sh", _SOFT_C.sub("s", name)))
    return _ARTICLE_WORD.sub("", _AYN_MARK.sub("", name))


# A skeleton of this many letters or more is one word: Arabic splits and joins the words of a foreign name otherwise
# than Latin spellings do ("شي جين بينغ" Xi Jinping, "يرلي قايا" Yerlikaya, "أبي نادر" Abinader, "مارماري" Mar Mari,
# "جيت ستار" Jetstar), and a long skeleton split otherwise is the same name; a short one is more often another
# (Amy Leyden and Amaluddin, "KH Nasir" and Can Sezer, India TV and NDTV). On bench/realset's tuning half
# (bench/names_across_eval.py), joining every skeleton met 6 more persons and 4 more organisations across scripts
# and made 5 more keys two labelled names share; joining those of 6 letters or more, 6 persons (tune-a 4, tune-b 2)
# and 2 organisations (1, 1), and no more shared keys (5 letters: 3 more shared; 7: one person fewer met).
_JOINED_FROM = 6


def name_skeleton(name: str) -> str:
    """A person's or organisation's skeleton() with the Latin spellings' habits read the way Arabic writes them
    (_as_arabic_writes) and _ARABIC_FOLDS, in one word where it is long (_JOINED_FROM): "بوتين" meets Putin, "روبي
    بيريز" Rubby Pérez, "سيريل رامافوزا" Cyril Ramaphosa, "شي جين بينغ" Xi Jinping."""
    key = fold_skeleton(skeleton(_as_arabic_writes(name)))
    joined = key.replace(" ", "")
    return joined if len(joined) >= _JOINED_FROM else key


def fold_skeleton(key: str) -> str:
    """A skeleton() with _ARABIC_FOLDS applied (what name_skeleton() adds to it)."""
    for a, b in _ARABIC_FOLDS:
        key = key.replace(a, b)
    return _REPEATED.sub(r"\1", key)


def place_key(name: str) -> str:
    """A place's consonant skeleton: the gazetteer's name where it knows the place, else the text's, so that a
    stadium or village it does not hold meets across spellings and scripts (Kanjuruhan, كانجوروهان); a venue
    by its name alone, as Arabic names it. A "v" is an "f" (_PLACE_FOLDS)."""
    key = skeleton(VENUE_WORDS.sub("", name) or name)
    for a, b in _PLACE_FOLDS:
        key = key.replace(a, b)
    return key


def signature(article: Article, place: Gazetteer | None = None) -> frozenset[str]:
    """The typed anchors of an article's entities and event facts; ``place`` looks a place name up."""
    out: set[str] = set()
    # The dateline's city is where the report was filed ("BEIJING, Dec. 6, 2024 /PRNewswire/ --"): a place named
    # only there, in the text's first characters, is not one the report is about (sample 004, filed in Beijing
    # about a forum in Quanzhou, met sample 000 on an exhibition in Beijing through it).
    mentions: dict[str, int] = {}
    countries: set[str] = set()  # the countries the text names (ISO codes)
    for e in article.entities:
        if e.label in _PLACE_LABELS:
            mentions[e.canonical] = mentions.get(e.canonical, 0) + 1
    for e in article.entities:
        if (
            e.label in _PLACE_LABELS
            and e.origin == "native"
            and e.end <= _DATELINE
            and mentions[e.canonical] == 1
        ):
            continue
        if e.label in _PLACE_LABELS and e.canonical:
            found = place(e.canonical) if place else None
            if found and found.kind == "country":
                out.add("r:" + fold(found.name))
                countries.add(found.country)
            elif key := place_key(found.name if found else e.canonical):
                out.add("p:" + key)
        elif e.label in _NAME_LABELS and e.canonical and not source_org(e.text, e.lang):
            # not an agency, broadcaster or social network the report cites (extract/orgs.py _SOURCES)
            named = e.canonical if e.canonical.isascii() else e.text
            # Organisation keys keep their words in order: sorting them (xname26, session 26: "Ministry of
            # Defence" meets "Defence Ministry") gained 13 story pairs on bench/realset's fold tune-a and lost
            # 12 on tune-b (a university's name linked two crushes), so it was cut.
            key = name_skeleton(named)
            # One short skeleton ("bn", "as") is in too many names to point at one.
            if len(key.replace(" ", "")) >= 4:
                out.add("s:" + key)
    data = first_event(f.data for f in article.facts if f.kind == "event")
    if data is not None:
        kind = data.get("type")
        if kind and kind not in _VAGUE_KINDS:
            out.add("k:" + kind)
        date = data.get("date") or ""
        if len(date) == 10 and not guessed_day(str(data.get("basis"))):
            out.add("d:" + date)
        places = data.get("places") or []
        if places:
            found = place(places[0]) if place else None
            if key := place_key(found.name if found else places[0]):
                out.add("e:" + key)
            # The event's country, where the text names it or names no country: on bench/realset's tuning half
            # an event place in a country the text never names while it names others was a homonym or a misread
            # about half the time (8 of 15 in fold tune-a, 9 of 18 in tune-b were the labelled country; 124 of
            # 125 and 143 of 149 where the text names it), and two event countries count against a link.
            if found and (found.country in countries or not countries):
                out.add("g:" + found.country.lower())
    for f in article.facts:
        if f.kind == "count" and f.data.get("category") and f.data.get("value") is not None:
            value = f.data["value"]
            value = int(value) if float(value).is_integer() else value
            out.add(f"q:{f.data['category']}:{value}")
    return frozenset(out)


class SignatureStage:
    """Adds the signature's anchors to the article's (after facts, after the fingerprint stage)."""

    def __init__(self, place: Gazetteer | None = None) -> None:
        self.place = place

    def __call__(self, article: Article) -> Article:
        if article.failed:
            return article
        extra = signature(article, self.place)
        if not extra:
            return article
        return dataclasses.replace(article, anchors=tuple(sorted(set(article.anchors) | extra)))
