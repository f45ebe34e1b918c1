"""Event kinds by their words in four languages, matched on word stems.

extract/facts.py reads an article's kind from fixed word patterns (``_KIND_WORDS``), fitted on the stories of
bench/realset's tuning half. A fresh story speaks of its event in words those patterns never met: a boat that
"capsized", "chaviré", "terbalik", «انقلب القارب»; a helicopter that "fell", "jatuh", «سقطت المروحية». This
module gives each kind its dictionary words in Arabic, English, French and Indonesian and matches them on the
word's Snowball stem (snowballstemmer: the stemmers of the Snowball project for all four languages), so that one
listed word finds its inflected forms: French participles and plurals ("chaviré", "chavirée", "naufragés"),
Indonesian affixes ("tenggelamnya", "ditenggelamkan", "terjatuh"), Arabic clitics and suffixes ("بالمركب",
"غرقت", "المروحية"). Arabic broken plurals (قوارب, مراكب, سفن) are not stems of their singulars: they are
listed.

A crash is rarely named by one word: the vehicle (plane, helicopter, train, boat, ship, ferry, bus) next to its
fate (fell, sank, capsized, derailed, collided) is the signal, in any language. ``kind_hits`` finds such pairs
within a few words of each other in one sentence, besides each kind's own words.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

import snowballstemmer

# Kinds of event held over hours or days (meetings, votes, marches, strikes), not something that happened once:
# a place they were held at and a later day of them read differently (extract/facts.py, store/story_event.py).
MEETING_KINDS = frozenset({"summit", "conference", "forum", "festival", "election", "protest", "strike"})

_STEMMERS = {"ar": "arabic", "en": "english", "fr": "french", "id": "indonesian"}
LANGS = frozenset(_STEMMERS)

# Letters, with an Indonesian reduplication ("desak-desakan", "terinjak-injak") kept whole; an apostrophe
# splits a French elision ("l'avion", "s'est") into its two words.
# Arabic short vowels, shadda and tatweel are inside a word ("تحطّم"), and dropped before stemming.
_WORD = re.compile(r"(?:[^\W\d_]|[\u064b-\u0652\u0640])+(?:-(?:[^\W\d_]|[\u064b-\u0652\u0640])+)*")
_HARAKAT = re.compile(r"[\u064b-\u0652\u0640]")
_SENTENCE_END = re.compile(r"[.!?؟\n]")


@cache
def _stemmer(lang: str) -> snowballstemmer.stemmer:
    return snowballstemmer.stemmer(_STEMMERS[lang])


@lru_cache(maxsize=1 << 16)  # a news vocabulary's words: the pure-Python stemmers are the cost of this module
def stem(lang: str, word: str) -> str:
    return str(_stemmer(lang).stemWord(_HARAKAT.sub("", word).casefold()))


# Each kind's own words, as a dictionary gives them (one inflected form is enough: the stem finds the others).
# Phrases are matched as runs of stems. Only kinds whose words the fixed patterns lack are listed: a word here
# adds to the patterns' hits, it never takes one away.
_WORDS: dict[str, dict[str, str]] = {
    "crash": {
        "en": "shipwreck|capsized|plane crash|helicopter crash|air crash|air disaster",
        "fr": "naufrage|naufragé|chaviré|écrasement|crash|catastrophe aérienne",
        "id": "kapal karam|karamnya|kapal tenggelam|kapal terbalik|kecelakaan pesawat",
        # Arabic names a crash by its vehicle and fate (غرق alone is also a flood's drowning): the pairs below.
    },
    "stampede": {
        "en": "stampede|crowd crush|crowd surge|trampled|crushed to death",
        "fr": "bousculade|mouvement de foule|piétiné|écrasés par la foule",
        # (not "berdesakan": its stem is "desa", a village)
        "id": "desak-desakan|berdesak-desakan|terinjak|terinjak-injak|saling dorong",
        "ar": "تدافع|تزاحم|الازدحام الشديد|دهسا",
    },
    "landslide": {
        "en": "landslide|mudslide|landslip|rockslide",
        "fr": "glissement de terrain|coulée de boue|éboulement",
        "id": "longsor|tanah longsor|longsoran",
        "ar": "انهيار أرضي|انهيارات أرضية|انزلاق التربة|انزلاقات التربة|انجراف التربة|انهيار التربة",
    },
    # Kinds the dev set's closed list has no name for (extract/facts.py files them under "other", a raid under
    # "attack", as bench/realset's labels do), named as a reader would. A building's collapse is also a
    # structure next to its fall (_PAIRS); Arabic's verb forms are in extract/facts.py's patterns.
    "raid": {
        "en": "raid|raided|raiding",
        "fr": "raid|fait irruption|faire irruption|prise d'assaut|pris d'assaut|descente de police",
        "id": "menyerbu|penyerbuan|diserbu|serbuan|menggerebek|digerebek|penggerebekan",
    },
    "collapse": {
        "en": "building collapse|school collapse|bridge collapse|roof collapse|structural collapse",
        "fr": "effondrement d'un immeuble|effondrement d'une école|effondrement d'un pont",
        "id": "bangunan ambruk|gedung ambruk|bangunan runtuh|gedung runtuh|jembatan ambruk|jembatan runtuh",
        "ar": "انهيار مبنى|انهيار مدرسة|انهيار جسر|انهيار عمارة|انهيار بناية",
    },
    "leak": {
        "en": "gas leak|toxic gas|poison gas|poisonous gas|chlorine gas|chemical leak|toxic cloud|gas cloud",
        "fr": "fuite de gaz|fuite de chlore|gaz toxique|nuage toxique|fuite chimique|chlore gazeux",
        # a "toxic gas explosion" is the leak (the longer phrase wins over "ledakan")
        "id": "kebocoran gas|gas beracun|ledakan gas beracun|gas klorin|awan gas",
        "ar": "تسرب غاز|تسرب الغاز|غاز سام|الغاز السام|غاز الكلور|غازات سامة|مادة سامة",
    },
    "coup": {
        "en": "coup|coup d'état|coup attempt|putsch|military takeover",
        "fr": "coup d'État|putsch|tentative de coup|coup de force militaire",
        "id": "kudeta|percobaan kudeta",
        "ar": "انقلاب عسكري|محاولة انقلاب|محاولة انقلابية|انقلابا عسكريا",
    },
    "hijacking": {
        "en": "hijack|hijacked|hijacking|hijacker",
        "fr": "détournement d'avion|pirate de l'air|avion détourné",
        "id": "pembajakan pesawat|pembajakan kapal|pesawat dibajak|kapal dibajak|pembajak pesawat",
        "ar": "اختطاف طائرة|خطف طائرة|اختطاف الطائرة|خطف الطائرة|اختطاف سفينة",
    },
    # An outbreak named by its disease: the tuning half's Lebanon cholera reports in Arabic say «الكوليرا» and no
    # word of an epidemic («أول إصابة بمرض الكوليرا», the first case of cholera), and had no kind to meet the
    # English "cholera outbreak" reports by.
    "epidemic": {
        "en": "cholera|ebola|measles|mpox",
        "fr": "choléra|ebola|rougeole|mpox",
        "id": "kolera|ebola|campak|cacar monyet",
        "ar": "الكوليرا|كوليرا|إيبولا|الإيبولا|الحصبة|جدري القردة",
    },
    "hostage-taking": {
        "en": "hostage-taking|hostage taking|took hostages|hostage crisis|hostage siege",
        "fr": "prise d'otages|prise d'otage",
        "id": "penyanderaan|aksi penyanderaan",
        "ar": "احتجاز رهائن|احتجاز الرهائن|عملية احتجاز",
    },
    # Phrases that hold a kind's word and are no such event: matched first (longest run wins) and dropped.
    "": {
        "en": "opened fire|open fire|opening fire|fire on|under fire|ceasefire|cease fire|fire service|"
        "fire brigade|fire department|fire chief|fire fighters|fire engine|fire truck|fire station|fire agency|"
        # the verb: "police fired tear gas", "firing shots", "fired rockets at"
        "fired tear gas|fired at|fired into|fired shots|fired warning shots|fired rockets|fired missiles|"
        # a volcano's setting, not a fire (the tune split's Ruang reports; not "explosive eruption": a phrase
        # here drops the patterns' hits inside it, and the eruption is the event)
        "ring of fire|"
        # a press conference is where a summit's or a disaster's news is given, not the event (the tune split's
        # BRICS report: «قال رامافوزا في مؤتمر صحفي»)
        "press conference|news conference",
        "fr": "conférence de presse",
        # the fire brigade ("dinas pemadam kebakaran" spoke for a shipwreck's rescuers)
        "id": "pemadam kebakaran|damkar|menembakkan gas air mata|tembakan gas air mata|ditembakkan gas air mata|"
        "konferensi pers",
        "ar": "مؤتمر صحفي|مؤتمرا صحفيا|مؤتمر صحافي",
    },
    "fire": {
        "en": "fire|blaze|wildfire|caught fire|fire broke out|burned down|gutted",
        "fr": "incendie|en feu|embrasé|ravagé par les flammes",
        "id": "kebakaran|terbakar|dilalap api|dilahap api|si jago merah",
        "ar": "حريق|حرائق|النيران|اشتعال|احتراق|ألسنة اللهب",
    },
    # The kinds the patterns know, by their dictionary words: the stems add the inflected forms the patterns
    # miss ("éruptions", "sommets", "menyerang", «هجمات», «زلازل»).
    "earthquake": {
        "en": "earthquake|quake|tremor|aftershock",
        "fr": "séisme|tremblement de terre|secousse|réplique sismique",
        "id": "gempa|gempa bumi|lindu",
        "ar": "زلزال|زلازل|هزة أرضية|هزات أرضية",
    },
    "flood": {
        "en": "flood|flooding|flash flood",
        "fr": "inondation|crue|inondé",
        "id": "banjir|kebanjiran|banjir bandang",
        "ar": "فيضان|فيضانات|سيول",
    },
    "storm": {
        "en": "storm|cyclone|hurricane|typhoon",
        "fr": "tempête|ouragan|cyclone|typhon",
        "id": "badai|topan|siklon",
        "ar": "عاصفة|عواصف|إعصار|أعاصير",
    },
    "explosion": {
        "en": "explosion|exploded|blast",
        "fr": "explosion|explosé|déflagration",
        "id": "ledakan|meledak",
        "ar": "انفجار|انفجارات|تفجير|تفجيرات",
    },
    "attack": {
        # not the verbs: "fans attacked police" (a stadium crush), "frappés par la chaleur" (heat deaths)
        "en": "bombing|airstrike",
        "fr": "attaque|attentat",
        "id": "serangan|menyerang|diserang",
        "ar": "هجوم|هجمات|غارة|غارات",
    },
    "shooting": {
        "en": "shooting|gunman|gunmen|gunfire",
        "fr": "fusillade",
        "id": "penembakan",
        "ar": "إطلاق نار|إطلاق النار",
    },
    "eruption": {
        "en": "eruption|erupted|volcano",
        "fr": "éruption|volcan",
        "id": "erupsi|letusan|meletus|gunung api|gunung berapi",
        "ar": "ثوران|بركان|براكين",
    },
    "protest": {
        "en": "protest|protester|demonstration",
        "fr": "manifestation|manifestant",
        "id": "unjuk rasa|demonstrasi|pengunjuk rasa",
        "ar": "احتجاج|احتجاجات|مظاهرة|مظاهرات|تظاهرة|تظاهرات|متظاهرين",
    },
    "election": {
        # (not in English: its stem "elect" is also "elected", a chairman's taking office at a summit)
        "fr": "élection|scrutin",
        "id": "pemilu|pemilihan umum",
        "ar": "انتخابات",
    },
    "summit": {
        "en": "summit",
        "fr": "sommet",
        "id": "KTT|konferensi tingkat tinggi|pertemuan puncak",
        "ar": "قمة",
    },
    "conference": {"en": "conference", "fr": "conférence", "id": "konferensi", "ar": "مؤتمر|مؤتمرات"},
    "forum": {"en": "forum", "fr": "forum", "id": "forum", "ar": "منتدى|منتديات"},
    # (not in English and French, whose stem "festiv" is also "festivities" around a Halloween crush)
    "festival": {"id": "festival", "ar": "مهرجان|مهرجانات"},
}

# The vehicles of a crash and their fates: a fate word within _NEAR words of a vehicle word, in one sentence,
# is a crash. Fates alone are not ("stocks sank", "le gouvernement est tombé", "jatuh tempo").
_VEHICLES: dict[str, str] = {
    "en": (
        "plane|airplane|aeroplane|aircraft|airliner|jet|flight|helicopter|chopper|train|"
        "boat|ship|ferry|vessel|dinghy|speedboat|trawler|bus|minibus|truck"
    ),
    "fr": (
        "avion|appareil|vol|hélicoptère|train|bateau|navire|embarcation|ferry|canot|"
        "pirogue|chalutier|bus|autocar|camion"
    ),
    "id": "pesawat|helikopter|heli|kereta|kapal|perahu|speedboat|feri|sampan|bus|truk",
    "ar": (
        "طائرة|طائرات|مروحية|مروحيات|هليكوبتر|مروحيته|قطار|قطارات|قارب|قوارب|مركب|مراكب|"
        "سفينة|سفن|عبارة|زورق|زوارق|حافلة|حافلات|شاحنة"
    ),
}
_FATES: dict[str, str] = {
    "en": (
        "crash|crashed|sank|sink|sunk|capsized|derailed|collided|collision|overturned|"
        "plunged|ditched|fell|went down|wreck|wreckage|accident|mishap|rammed|smashed"
    ),
    "fr": (
        "écrasé|écrasement|coulé|sombré|chaviré|naufrage|déraillé|déraillement|collision|"
        "percuté|heurté|renversé|abîmé|accident|tombé"
    ),
    "id": (
        "jatuh|jatuhnya|tenggelam|karam|terbalik|anjlok|tabrakan|bertabrakan|menabrak|"
        "tergelincir|kecelakaan|celaka|hilang kontak"
    ),
    "ar": "تحطم|تحطمت|سقوط|سقطت|سقط|غرق|غرقت|انقلاب|انقلب|انقلبت|اصطدام|اصطدم|اصطدمت|خروج|حادث|هبوط اضطراري",
}
_NEAR = 6  # words between a vehicle and its fate: "the helicopter carrying the president ... crashed" (one clause)

# A building and its fall: a collapse ("a collapsed Islamic boarding school", «انهار مبنى», "bangunan ... ambruk",
# "le bâtiment ... s'est effondré"). A fall alone is not ("the economy collapsed", "l'effondrement du régime").
_STRUCTURES: dict[str, str] = {
    "en": "building|school|boarding school|hall|prayer hall|mosque|church|bridge|roof|ceiling|tower|hotel|mall|"
    "factory|dormitory|apartment block|storey|floor|stage",
    "fr": "bâtiment|immeuble|école|internat|salle|mosquée|église|pont|toit|plafond|tour|hôtel|usine|dortoir|"
    "étage|tribune",
    "id": "bangunan|gedung|sekolah|pesantren|ponpes|musala|mushola|masjid|gereja|jembatan|atap|plafon|menara|"
    "hotel|pabrik|asrama|lantai|tribun",
    "ar": "مبنى|المبنى|مبان|مباني|المباني|بناية|عمارة|مدرسة|المدرسة|مسجد|كنيسة|جسر|الجسر|سقف|برج|فندق|مصنع",
}
_GIVE_WAY: dict[str, str] = {
    "en": "collapse|collapsed|caved in|gave way",
    "fr": "effondrement|effondré|effondre|écroulé|écroulement",
    "id": "ambruk|ambruknya|runtuh|runtuhnya|roboh|robohnya",
    "ar": "انهيار|انهار|انهارت|وانهار|وانهارت|انهياره|انهيارها|لانهيار|بانهيار|وانهيار",
}
# What a vehicle or a building next to its fate makes, within _NEAR words in one sentence.
_PAIRS: dict[str, tuple[dict[str, str], dict[str, str]]] = {
    "crash": (_VEHICLES, _FATES),
    "collapse": (_STRUCTURES, _GIVE_WAY),
}


# Words of a perpetrator: an explosion someone set off is an attack (the dev set's kinds: the Peshawar mosque
# bombing and the Kerman twin bombing are `attack`, the Lebanon pager explosions `explosion`). On bench/realset's
# tuning half, 27 of the 30 bombing reports name a terrorist, a bomb, a suicide bomber or a claim, and none of
# the 13 pager reports does.
_PERPETRATOR: dict[str, str] = {
    "en": "terrorist|terrorism|terror attack|bomb|bomber|bombing|suicide|claimed responsibility",
    "fr": "terroriste|terrorisme|bombe|kamikaze|attentat|revendiqué|suicide",
    "id": "teroris|terorisme|bom|bunuh diri|mengaku bertanggung jawab",
    "ar": "إرهابي|إرهاب|إرهابيا|قنبلة|قنابل|عبوة ناسفة|ناسفة|انتحاري",
}


# Words that share a kind word's stem and are another word: the verb "fired" is a shot or a sacking, not a fire
# (the tune split's Al-Aqsa raid: "rockets fired from Gaza").
_OTHER_WORDS: dict[str, frozenset[str]] = {"en": frozenset({"fired", "firing"})}


@cache
def _phrases(lang: str, table: tuple[tuple[str, str], ...]) -> dict[tuple[str, ...], str]:
    out: dict[tuple[str, ...], str] = {}
    for kind, words in table:
        for phrase in words.split("|"):
            out.setdefault(tuple(stem(lang, w) for w in _WORD.findall(phrase)), kind)
    return out


@cache
def _lexicon(lang: str) -> dict[tuple[str, ...], str]:
    return _phrases(lang, tuple((k, v[lang]) for k, v in _WORDS.items() if lang in v))


@cache
def _stems(lang: str, words: str) -> frozenset[tuple[str, ...]]:
    return frozenset(tuple(stem(lang, w) for w in _WORD.findall(p)) for p in words.split("|"))


def _runs(
    stems: list[str], phrases: dict[tuple[str, ...], str] | frozenset[tuple[str, ...]]
) -> list[tuple[int, int, tuple[str, ...]]]:
    """(first word, word count, phrase) of each phrase's occurrences, longest first at each word."""
    longest = max((len(p) for p in phrases), default=0)
    found = []
    i = 0
    while i < len(stems):
        for n in range(min(longest, len(stems) - i), 0, -1):
            run = tuple(stems[i : i + n])
            if run in phrases:
                found.append((i, n, run))
                i += n - 1
                break
        i += 1
    return found


def kind_hits(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Character spans of each kind's words in ``text``, of a crash where a vehicle meets its fate and of a
    collapse where a building falls (_PAIRS); under the kind "", the phrases that hold a kind's word and are
    no event ("opened fire", "pemadam kebakaran")."""
    if lang not in LANGS or not text:
        return {}
    words = list(_WORD.finditer(text))
    other = _OTHER_WORDS.get(lang, frozenset())
    stems = [stem(lang, m.group()) if m.group().casefold() not in other else "" for m in words]
    hits: dict[str, list[tuple[int, int]]] = {}
    lexicon = _lexicon(lang)
    for i, n, run in _runs(stems, lexicon):
        hits.setdefault(lexicon[run], []).append((words[i].start(), words[i + n - 1].end()))
    seen = [span for spans in hits.values() for span in spans]
    for kind, (things, fates) in _PAIRS.items():
        subjects = [i for i, _, _ in _runs(stems, _stems(lang, things[lang]))]
        for i, n, _ in _runs(stems, _stems(lang, fates[lang])):
            span = (words[i].start(), words[i + n - 1].end())
            if any(s < span[1] and span[0] < e for s, e in seen):
                continue
            for v in subjects:
                if abs(v - i) > _NEAR or v == i:
                    continue
                lo, hi = sorted((words[v].start(), span[0]))
                if not _SENTENCE_END.search(text, lo, hi):
                    hits.setdefault(kind, []).append(span)
                    seen.append(span)
                    break
    return {k: sorted(v) for k, v in hits.items()}


def perpetrated(text: str, lang: str) -> bool:
    """Whether the text speaks of who set the explosion off (_PERPETRATOR): then it is an attack."""
    if lang not in LANGS or not text:
        return False
    stems = [stem(lang, m.group()) for m in _WORD.finditer(text)]
    return bool(_runs(stems, _stems(lang, _PERPETRATOR[lang])))
