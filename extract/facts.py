"""Event facts: what happened (event and kind), when, where, who (organisers, people and their roles), how many,
each with the sentence it came from and a confidence.

Rules over spaCy's entities and the text, in English (original or translated) and in French (the source text,
with the native French model): a news report states these in a few fixed shapes ("The 12th Global Video Media
Forum, which opened in Quanzhou ... on Tuesday", "Hosted by X of Y", "CMG President Shen Haixiong", "Yan
Chengsheng, vice chairman of X and director of Y, said", "around 200 representatives from 87 media
organizations", "la 13e Conférence ... s'est ouverte à Chengdu", "plus de 12 000 invités"). Places go through
the gazetteer, organisations through the acronyms the text defines, dates through extract/dates.py.

Facts (``Fact.kind``; ``data`` is documented in the README):
    event      name, type (forum, conference, ..., earthquake, crash), edition, part (a named sub-event),
               date/precision/basis, places (most specific first)
    organiser  event, role (host, sponsor, organiser, supporter, proposer), name, acronym, part_of
    person     name, roles [{title, org, org_acronym}]
    count      event, value, approx (about, more than, ...), counted (the words counted), category
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from extract.canonical import canonical_name, fold
from extract.dates import When, find_dates, iso_date, resolve, text_year
from extract.gazetteer import Gazetteer, Place, gazetteer
from ingest.record import Article, Entity, Fact
from normalize.sentences import split_sentences

# -- event names -------------------------------------------------------------------------------------------------
_EN_HEADS = {
    "forum": "forum",
    "conference": "conference",
    "summit": "summit",
    "exhibition": "exhibition",
    "expo": "exhibition",
    "fair": "exhibition",
    "festival": "festival",
    "congress": "conference",
    "symposium": "conference",
    "competition": "competition",
    "championship": "competition",
    "championships": "competition",
    "cup": "competition",
    "games": "competition",
    "awards": "ceremony",
    "gala": "ceremony",
    "week": "festival",
    "assembly": "meeting",
    "meeting": "meeting",
}
_FR_HEADS = {
    "conférence": "conference",
    "forum": "forum",
    "sommet": "summit",
    "exposition": "exhibition",
    "salon": "exhibition",
    "foire": "exhibition",
    "festival": "festival",
    "congrès": "conference",
    "colloque": "conference",
    "championnat": "competition",
    "coupe": "competition",
    "compétition": "competition",
    "concours": "competition",
    "jeux": "competition",
    "semaine": "festival",
    "rencontres": "meeting",
}
_ORDINAL_WORDS = {
    w: i + 1
    for i, w in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth "
        "fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
_CAP = r"[A-Z][\w'’&+.-]*"
_EN_EVENT = re.compile(
    rf"(?:(?P<ord>\d{{1,3}})(?:st|nd|rd|th)\s+|(?P<ordw>{'|'.join(w.capitalize() for w in _ORDINAL_WORDS)})\s+"
    rf"|(?P<year>(?:19|20)\d\d)\s+)?(?P<name>(?:{_CAP}\s+(?:(?:of|for|on|and)\s+(?:the\s+)?)?){{0,7}}"
    rf"(?P<head>{'|'.join(h.capitalize() for h in _EN_HEADS)}))\b"
    r"(?:\s*\((?P<acr>[A-Z][A-Z0-9+&]{1,9})\))?"
    r"(?:\s*[\"“](?P<part>[^\"”]{3,120})[\"”])?"
)
_FR_EVENT = re.compile(
    rf"(?P<ord>\d{{1,3}})(?:e|ème|eme|er|re)\s+(?P<name>(?P<head>{'|'.join(h.capitalize() for h in _FR_HEADS)})"
    r"(?:\s+[^\s,.;:«»()]+){0,8}?)(?=\s+(?:s['’]|a\s|est\s|qui\s|se\s|sera\s|aura\s|à\s|au\s|aux\s|en présence)|"
    r"\s*[,.;:«»()]|$)"
)
# Incidents, found by their words in any of the four languages (English first: translations read as English).
_INCIDENTS = {
    "earthquake": r"earthquake|quake|magnitude \d|séisme|tremblement de terre|gempa|زلزال",
    "crash": r"plane crash|crashed|crash|s'est écrasé|accident d'avion|kecelakaan pesawat|jatuh|تحطم",
    "explosion": r"explosion|blast|exploded|ledakan|meledak|انفجار",
    "fire": r"fire broke out|blaze|caught fire|incendie|kebakaran|حريق",
    "attack": r"attack|attaque|attentat|serangan|هجوم",
    "flood": r"flood|inondation|banjir|فيضان",
}
_INCIDENT_RE = {k: re.compile(rf"(?<!\w)(?:{v})(?!\w)", re.IGNORECASE) for k, v in _INCIDENTS.items()}

# -- organisers, people, counts ------------------------------------------------------------------------------------
_ROLE_VERBS = {
    "hosted": "host",
    "co-hosted": "host",
    "sponsored": "sponsor",
    "organized": "organiser",
    "organised": "organiser",
    "co-organized": "organiser",
    "jointly organized": "organiser",
    "supported": "supporter",
    "proposed": "proposer",
    "jointly proposed": "proposer",
    "convened": "organiser",
    "organisé": "organiser",
    "organisée": "organiser",
    "parrainé": "sponsor",
    "parrainée": "sponsor",
    "accueilli": "host",
    "accueillie": "host",
    "soutenu": "supporter",
    "soutenue": "supporter",
    "diselenggarakan": "organiser",
    "digelar": "host",
    "diusulkan": "proposer",
}
_ROLE_RE = re.compile(
    r"(?<!\w)(?P<verb>(?:jointly |co-)?(?:hosted|sponsored|organi[sz]ed|supported|proposed|convened)|"
    r"organisée?|parrainée?|accueillie?|soutenue?|diselenggarakan|digelar|diusulkan)\s+(?:by|par|oleh)\s+"
    r"(?P<org>[^;\n]+?)(?=\.\s|\.$|;|$|,?\s*(?:and\s+)?(?:was\s+|were\s+)?(?:jointly\s+|co-)?"
    r"(?:hosted|sponsored|organi[sz]ed|supported|proposed|convened)\s+by\b)",
    re.IGNORECASE,
)
_COMPANY_SUFFIX = re.compile(r"\b(Co|Corp|Inc)\.,?\s*(Ltd|Limited)\.?")
# A list of organisations ends at the first part that is not a name: "the CMG, the Asia-Pacific Broadcasting
# Union, ... and the Latin American Information Alliance, the initiative aims" -> five names.
_ORG_LIST_SPLIT = re.compile(
    r",\s*(?:and\s+|et\s+|dan\s+)?|\s+(?:and|et|dan)\s+(?=(?:the|la|le|l['’])\s*[A-Z])"
)
_LEADING_DETERMINER = re.compile(r"^(?:the|la|le|les|l['’])\s*", re.IGNORECASE)
_TITLES = (
    "vice president|vice-president|vice chairman|vice-chairman|vice chairwoman|deputy director|director general|"
    "director-general|general manager|prime minister|deputy minister|secretary general|secretary-general|"
    "president|chairman|chairwoman|chair|director|minister|secretary|spokesman|spokeswoman|spokesperson|head|"
    "chief|ceo|founder|governor|mayor|ambassador|editor|professor|manager|commissioner|leader|representative"
)
_EN_APPOSITIVE = re.compile(
    rf"^\s*,\s*(?P<roles>(?:the\s+)?(?:former\s+|acting\s+|executive\s+)?(?:{_TITLES})\b[^,;]*)",
    re.IGNORECASE,
)
_EN_BEFORE = re.compile(
    r"(?:(?<![\w.])(?P<org>[A-Z][\w+&-]*(?:[ \t]+[A-Z][\w+&-]*){0,5})[ \t]+)?(?P<title>(?:(?:Vice|Deputy|Executive|Former)\s+)?"
    r"(?:President|Chairman|Chairwoman|Director|Minister|Secretary|Spokesman|Spokeswoman|CEO|Governor|Mayor|"
    r"Ambassador|Head|Chief|Editor))\s+$"
)
_FR_TITLES = (
    "vice-présidente?|présidente?|directrice|directeur|secrétaire|ministre|porte-parole|maire|gouverneur|"
    "ambassadrice|ambassadeur|cheffe?|responsable|rédactrice en chef|rédacteur en chef"
)
_FR_APPOSITIVE = re.compile(
    rf"^\s*,\s*(?P<title>(?:{_FR_TITLES})(?:\s+(?:générale?|adjointe?|exécutive?))?)\s+"
    r"(?P<prep>de la |de l['’]|du |des |de |d['’])(?P<org>[^,;.]+)",
    re.IGNORECASE,
)
_ID_BEFORE = re.compile(
    r"(?P<title>President|Presiden|Direktur|Menteri|Kepala|Ketua|Gubernur|Wali Kota|Bupati),\s*(?P<org>[A-Z][\w+&.-]*),\s*$"
)
_ROLE_SPLIT = re.compile(
    r",?\s+and\s+(?=(?:the\s+)?(?:former\s+|acting\s+)?(?:" + _TITLES + r")\b)", re.IGNORECASE
)
_OF = re.compile(r"\s+(?:of|at|for)\s+(?:the\s+)?", re.IGNORECASE)

_APPROX = (
    r"about|around|nearly|almost|over|more than|at least|some|up to|roughly|approximately|"
    r"plus de|près de|environ|quelque|au moins|sekitar|lebih dari|hampir|setidaknya"
)
_NUMBER = r"\d{1,3}(?:[ ,.\u00a0\u202f]\d{3})+|\d+"
_STOP_AFTER_NUMBER = (
    r"from|in|of|across|at|to|who|that|which|with|on|by|for|and|or|were|was|are|have|has|had|de|du|des|d|dans|en|"
    r"à|au|aux|sur|par|pour|qui|et|ou|ont|sont|plus|dari|di|ke|yang|untuk|dengan|oleh|pada|dan|atau"
)
_WORD = r"[a-zà-ÿ][a-zà-ÿ'’-]*"
_COUNT = re.compile(
    rf"(?<![\w.,])(?:(?P<approx>(?i:{_APPROX}))\s+)?(?P<n>{_NUMBER})(?![\w.,]\d)\s+"
    rf"(?P<what>(?!(?:{_STOP_AFTER_NUMBER})\b){_WORD}(?:\s+(?!(?:{_STOP_AFTER_NUMBER})\b){_WORD}){{0,2}}"
    rf"(?:\s+(?:and|et|dan)\s+(?!(?:{_STOP_AFTER_NUMBER})\b){_WORD}(?=[\s,.;]))?)"
)
_MONTH_WORD = re.compile(
    r"^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|"
    r"septembre|octobre|novembre|décembre|januari|februari|maret|mei|juni|juli|agustus|oktober|desember)",
    re.IGNORECASE,
)
_CATEGORIES = {
    "participants": r"representatives|participants|guests|invités|delegates|attendees|visitors|people|"
    r"personnes|peserta|tamu|journalists|experts|exhibitors|exposants",
    "casualties": r"killed|dead|deaths|died|injured|wounded|victims|morts|blessés|victimes|tewas|korban|"
    r"luka|meninggal|قتيلا|جريحا",
    "countries": r"countries|pays|negara|nations|دولة",
    "organisations": r"organi[sz]ations|institutions|companies|entreprises|media|médias|lembaga|perusahaan",
}
_CATEGORY_RE = {k: re.compile(rf"\b(?:{v})", re.IGNORECASE) for k, v in _CATEGORIES.items()}
_UNITS = re.compile(
    r"^(?:percent|per|%|years?|ans?|tahun|days?|jours?|hari|hours?|heures?|km|kilometres?|"
    r"meters?|metres?|million|billion|millions?|milliards?|juta|miliar)\b",
    re.IGNORECASE,
)

_ACRONYM = re.compile(
    r"(?P<long>[A-Z][\w'’&.-]*(?:\s+(?:(?:of|the|for|and|on|de|du|des|la|le|l')\s+)*[A-Z][\w'’&.-]*)*)\s*"
    r"\((?P<short>[A-Z][A-Za-z0-9&.]*[A-Z0-9][+]?)\)"
)
_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Za-z .'-]+?),\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4})\s*(?:/[^/\n]{1,40}/)?\s*(?:--|—|–|-)\s*"
)
_EVENT_VERBS = re.compile(
    r"\b(?:opened|was held|were held|is held|took place|kicked off|began|started|closed|concluded|held|"
    r"s['’]est ouverte?|s['’]est tenue?|a eu lieu|s['’]est déroulée?|ouverture|dibuka|digelar|berlangsung)\b",
    re.IGNORECASE,
)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_RANK = {"city": 0, "province": 1, "country": 2}


@dataclass
class _Event:
    name: str
    type: str
    start: int
    edition: int | None = None
    acronym: str | None = None
    part: str | None = None
    mentions: list[int] = field(default_factory=list)
    head: str = ""


def acronyms(text: str) -> dict[str, str]:
    """Acronyms the text defines: "China Media Group (CMG)" gives CMG -> China Media Group. The long form is the
    shortest run of capitalised words before the brackets whose capitals contain the acronym in order."""
    found: dict[str, str] = {}
    for m in _ACRONYM.finditer(text):
        short, words = m.group("short"), m.group("long").split()
        letters = [c for c in short if c.isalnum()]
        best = None
        for i in range(max(0, len(words) - len(letters) - 2), len(words)):  # longest first
            candidate = words[i:]
            if candidate[0][0].islower():
                continue
            if _subsequence(letters, "".join(c for w in candidate for c in w if c.isupper() or c.isdigit())):
                best = " ".join(candidate)
                break
        if best and best != short and short not in found:
            found[short] = best.rstrip(".,")
    return found


def _subsequence(needle: list[str], hay: str) -> bool:
    it = iter(hay.upper())
    return all(c.upper() in it for c in needle)


def _spans(text: str) -> list[tuple[int, int]]:
    """Sentence (start, end) offsets: paragraphs, then rule-based sentences (normalize/sentences.py)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for paragraph in text.split("\n"):
        for sentence in split_sentences(paragraph):
            start = text.find(sentence, pos)
            if start < 0:
                continue
            out.append((start, start + len(sentence)))
            pos = start + len(sentence)
        pos = max(pos, text.find("\n", pos) + 1 if "\n" in text[pos:] else pos)
    return out


class FactExtractor:
    """Facts from one text in one language (``en`` or ``fr``), given its entities (offsets into that text)."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer

    # -- canonical names ----------------------------------------------------------------------------------------
    def canonical(self, entity: Entity, acronym_map: dict[str, str]) -> str:
        if entity.label in _PLACE_LABELS:
            place = self.gazetteer.lookup(entity.text)
            if place is not None:
                return place.name
        name = canonical_name(entity.text)
        return acronym_map.get(name, name)

    # -- the article ----------------------------------------------------------------------------------------------
    def extract(
        self, text: str, lang: str, entities: Iterable[Entity], published: str | None
    ) -> tuple[dict[str, str], list[Fact]]:
        entities = sorted(entities, key=lambda e: e.start)
        acronym_map = acronyms(text)
        dateline = _DATELINE.match(text)
        base = iso_date(published)
        body_start = 0
        if dateline:
            body_start = dateline.end()
            if base is None:
                when = resolve(dateline.group("date"), "en")
                base = iso_date(when.date) if when else None
        year_hint = text_year(text)
        spans = _spans(text)
        events = self._events(text, lang, spans)
        facts: list[Fact] = []
        primary = events[0] if events else None
        for ev in events:
            facts.append(
                self._event_fact(text, lang, ev, spans, entities, base, year_hint, body_start, ev is primary)
            )
        for start, end in spans:
            sentence = text[start:end]
            target = self._event_for(sentence, events) or primary
            facts.extend(self._organisers(sentence, target, acronym_map))
            facts.extend(self._counts(sentence, target, lang))
        facts.extend(self._people(text, lang, entities, spans, acronym_map))
        return acronym_map, facts

    # -- events ----------------------------------------------------------------------------------------------------
    def _events(self, text: str, lang: str, spans: list[tuple[int, int]]) -> list[_Event]:
        found: dict[str, _Event] = {}
        if lang == "fr":
            for m in _FR_EVENT.finditer(text):
                name = f"{m.group('ord')}e {m.group('name').strip()}"
                ev = found.setdefault(
                    name.casefold(),
                    _Event(name, _FR_HEADS[m.group("head").lower()], m.start(), int(m.group("ord"))),
                )
                ev.head = m.group("head").lower()
                ev.mentions.append(m.start())
        else:
            for m in _EN_EVENT.finditer(text):
                words = m.group("name").split()
                while words and words[0] in ("The", "A", "An", "This", "At", "In", "On"):
                    words = words[1:]
                if len(words) < 2:  # "the forum", "Forum": a reference, not a name
                    continue
                edition = (
                    int(m.group("ord"))
                    if m.group("ord")
                    else _ORDINAL_WORDS.get((m.group("ordw") or "").lower())
                )
                prefix = (
                    f"{m.group('ord')}{_suffix(int(m.group('ord')))} "
                    if m.group("ord")
                    else (
                        f"{m.group('ordw')} "
                        if m.group("ordw")
                        else (f"{m.group('year')} " if m.group("year") else "")
                    )
                )
                base_name = " ".join(words)
                key = base_name.casefold()
                known = found.get(key)
                if known is None:
                    ev = found[key] = _Event(
                        prefix + base_name, _EN_HEADS[m.group("head").lower()], m.start(), edition
                    )
                else:
                    ev = known
                    if edition and not ev.edition:
                        ev.name, ev.edition = prefix + base_name, edition
                ev.head = m.group("head").lower()
                ev.acronym = ev.acronym or m.group("acr")
                part = m.group("part")
                if part and any(part.rstrip().lower().endswith(h) for h in _EN_HEADS):
                    ev.part = ev.part or part.strip()
                ev.mentions.append(m.start())
        events = sorted(found.values(), key=lambda e: (-(e.edition is not None), e.start))
        if not events:
            events = self._incidents(text, spans)
        return events

    def _incidents(self, text: str, spans: list[tuple[int, int]]) -> list[_Event]:
        for start, end in spans[:3]:  # the lead says what happened
            sentence = text[start:end]
            for kind, pattern in _INCIDENT_RE.items():
                m = pattern.search(sentence)
                if m:
                    return [_Event(kind, kind, start + m.start(), head=m.group().lower())]
        return []

    def _event_for(self, sentence: str, events: list[_Event]) -> _Event | None:
        low = sentence.casefold()
        for ev in events:
            if ev.name.casefold() in low or (ev.acronym and ev.acronym in sentence):
                return ev
        for ev in events:
            if ev.head and re.search(rf"\b(?:the|this|la|le|cette|ce) {re.escape(ev.head)}\b", low):
                return ev
        return None

    def _event_fact(
        self,
        text: str,
        lang: str,
        ev: _Event,
        spans: list[tuple[int, int]],
        entities: list[Entity],
        base: dt.date | None,
        year_hint: int | None,
        body_start: int,
        primary: bool,
    ) -> Fact:
        # Evidence: the first sentence naming the event with a verb of taking place, else the first naming it.
        naming = [(s, e) for s, e in spans if any(s <= m < e for m in ev.mentions)] or spans[:1]
        chosen = next((se for se in naming if _EVENT_VERBS.search(text[se[0] : se[1]])), naming[0])
        start, end = chosen
        sentence = text[start:end]
        # When: from the evidence sentence, else another sentence naming the event, else the lead.
        when: When | None = None
        for s_start, s_end in [chosen, *naming, *(spans[:2] if primary else [])]:
            for d_start, _d_end, expr in find_dates(text[s_start:s_end], lang):
                if s_start + d_start < body_start:
                    continue  # the dateline's date is when it was written, not when it happened
                when = resolve(expr, lang, base, year_hint)
                if when:
                    break
            if when:
                break
        places = self._places(entities, start, end, body_start)
        data: dict[str, Any] = {"name": ev.name, "type": ev.type}
        if ev.edition:
            data["edition"] = ev.edition
        if ev.acronym:
            data["acronym"] = ev.acronym
        if ev.part:
            data["part"] = ev.part
        data.update(when.as_dict() if when else {"date": None})
        data["places"] = places
        # An edition number or a verb of taking place says this is the event reported; a name alone may be a
        # passing mention ("a promotion video for the 2025 Spring Festival Gala").
        confidence = 0.9 if ev.edition or _EVENT_VERBS.search(sentence) else 0.5
        if ev.type in _INCIDENTS:
            confidence = 0.6
        if ev.type in _INCIDENTS:
            data["name"] = f"{ev.type} in {places[0]}" if places else ev.type
        return Fact("event", data, sentence.strip(), confidence)

    def _places(self, entities: list[Entity], start: int, end: int, body_start: int) -> list[str]:
        found: dict[str, Place] = {}
        for e in entities:
            if e.label not in _PLACE_LABELS or not (start <= e.start < end) or e.start < body_start:
                continue
            place = self.gazetteer.lookup(e.text)
            if place is not None:
                found.setdefault(place.name, place)
        return [p.name for p in sorted(found.values(), key=lambda p: _RANK[p.kind])]

    # -- who -------------------------------------------------------------------------------------------------------
    def _organisers(self, sentence: str, ev: _Event | None, acronym_map: dict[str, str]) -> list[Fact]:
        out = []
        for m in _ROLE_RE.finditer(_COMPANY_SUFFIX.sub(r"\1 \2", sentence)):
            role = _ROLE_VERBS.get(m.group("verb").lower(), "organiser")
            # What follows the names: 'and themed "..."', a quotation.
            names = re.split(r"\s+and\s+(?!the\s)(?=[a-z])|\s*[\"“«]", m.group("org"))[0]
            for part in _ORG_LIST_SPLIT.split(names):
                words = part.strip().split()
                if (
                    words
                    and words[0].lower() in ("the", "la", "le", "les")
                    and len(words) > 1
                    and words[1][0].islower()
                ):
                    break  # "the initiative aims": the list is over
                org = _LEADING_DETERMINER.sub("", part.strip()).strip(" ,")
                if not org or not org[0].isupper():
                    break
                data: dict[str, Any] = {"event": ev.name if ev else None, "role": role}
                data.update(self._org(org, acronym_map))
                out.append(Fact("organiser", data, sentence.strip(), 0.8))
        return out

    @staticmethod
    def _org(text: str, acronym_map: dict[str, str]) -> dict[str, Any]:
        """ "CCTV Video News Agency (CCTV+) of the China Media Group (CMG)" -> name, acronym, part_of."""
        m = re.match(
            r"^(?P<name>.+?)\s*\((?P<acr>[^)\s]{2,10})\)(?:\s+of\s+(?:the\s+)?(?P<parent>.+?)(?:\s*\([^)]*\))?)?$",
            text,
        )
        if m:
            data: dict[str, Any] = {"name": m.group("name"), "acronym": m.group("acr")}
            if m.group("parent"):
                data["part_of"] = acronym_map.get(m.group("parent"), m.group("parent"))
            return data
        short = text.strip()
        if short in acronym_map:
            return {"name": acronym_map[short], "acronym": short}
        return {"name": short}

    def _people(
        self,
        text: str,
        lang: str,
        entities: list[Entity],
        spans: list[tuple[int, int]],
        acronym_map: dict[str, str],
    ) -> list[Fact]:
        people: dict[str, tuple[list[dict[str, Any]], str]] = {}
        for e in entities:
            if e.label not in ("PERSON", "PER"):
                continue
            name = canonical_name(e.text)
            if len(name.split()) < 2:
                continue
            sentence = next((text[s:t] for s, t in spans if s <= e.start < t), text[e.start : e.end])
            roles = self._roles_after(text[e.end : e.end + 400], lang, acronym_map)
            roles += self._roles_before(text[max(0, e.start - 120) : e.start], acronym_map)
            known, evidence = people.get(name, ([], sentence))
            for r in roles:
                if r not in known:
                    known.append(r)
            people[name] = (known, evidence if known and evidence else sentence)
        out = []
        for name, (roles, evidence) in people.items():
            if roles:
                out.append(Fact("person", {"name": name, "roles": roles}, evidence.strip(), 0.8))
        return out

    @staticmethod
    def _roles_after(after: str, lang: str, acronym_map: dict[str, str]) -> list[dict[str, Any]]:
        if lang == "fr":
            m = _FR_APPOSITIVE.match(after)
            if not m:
                return []
            return [{"title": m.group("title"), "org": m.group("org").strip()}]
        m = _EN_APPOSITIVE.match(after)
        if not m:
            return []
        roles = []
        for part in _ROLE_SPLIT.split(m.group("roles")):
            bits = _OF.split(part.strip(), maxsplit=1)
            title = re.sub(r"^the\s+", "", bits[0], flags=re.IGNORECASE).strip()
            role: dict[str, Any] = {"title": title}
            if len(bits) > 1:
                org = bits[1].strip()
                role["org"] = acronym_map.get(org, org)
                if org in acronym_map:
                    role["org_acronym"] = org
            roles.append(role)
        return roles

    @staticmethod
    def _roles_before(before: str, acronym_map: dict[str, str]) -> list[dict[str, Any]]:
        m = _EN_BEFORE.search(before) or _ID_BEFORE.search(before)
        if not m:
            return []
        role: dict[str, Any] = {"title": m.group("title")}
        org = m.group("org")
        if org:
            org = org.strip()
            role["org"] = acronym_map.get(org, org)
            if org in acronym_map:
                role["org_acronym"] = org
        return [role]

    # -- how many ----------------------------------------------------------------------------------------------------
    @staticmethod
    def _counts(sentence: str, ev: _Event | None, lang: str) -> list[Fact]:
        out = []
        for m in _COUNT.finditer(sentence):
            raw = re.sub(r"[ ,.\u00a0\u202f]", "", m.group("n"))
            value = int(raw)
            what = m.group("what").strip()
            if (
                _UNITS.match(what)
                or _MONTH_WORD.match(what)
                or (1900 <= value <= 2100 and not m.group("approx"))
            ):
                continue  # amounts and years are not counts of participants or victims
            category = next((k for k, r in _CATEGORY_RE.items() if r.search(what)), None)
            data: dict[str, Any] = {
                "event": ev.name if ev else None,
                "value": value,
                "approx": (m.group("approx") or "").lower() or None,
                "counted": what,
                "category": category,
            }
            out.append(Fact("count", data, sentence.strip(), 0.8 if category else 0.5))
        return out


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


@dataclass(frozen=True, slots=True)
class FactOptions:
    cache_dir: Path | None = None
    """Where the gazetteer's index is cached between processes (``$POLYNEWS_HOME/cache``)."""


class FactStage:
    """Canonical names for the entities (places through the gazetteer, acronyms the text defines) and the event
    facts, from the English text (original or translated) and from French source text."""

    def __init__(self, options: FactOptions | None = None) -> None:
        self.options = options or FactOptions()
        self._extractor: FactExtractor | None = None

    @property
    def extractor(self) -> FactExtractor:
        if self._extractor is None:
            self._extractor = FactExtractor(gazetteer(self.options.cache_dir))
        return self._extractor

    def __call__(self, article: Article) -> Article:
        if article.failed or (not article.entities and not article.text):
            return article
        texts: list[tuple[str, str, str]] = []  # (text, lang, origin)
        if article.lang == "en":
            texts.append((article.analysed_text, "en", "native"))
        elif article.text_en:
            texts.append((article.text_en, "en", "translated"))
        if article.lang == "fr":
            texts.append((article.analysed_text, "fr", "native"))
        if not texts:
            return article
        entities = list(article.entities)
        facts: list[Fact] = []
        for text, lang, origin in texts:
            mine = [i for i, e in enumerate(entities) if e.lang == lang]
            acronym_map, found = self.extractor.extract(
                text, lang, [entities[i] for i in mine], article.published
            )
            for i in mine:
                entities[i] = dataclasses.replace(
                    entities[i], canonical=self.extractor.canonical(entities[i], acronym_map)
                )
            facts.extend(
                dataclasses.replace(f, data={**f.data, "lang": lang, "origin": origin}) for f in found
            )
        return dataclasses.replace(article, entities=tuple(_one_spelling(entities)), facts=tuple(facts))


def _one_spelling(entities: list[Entity]) -> list[Entity]:
    """Case, accents and spacing never split one entity into two: names that fold alike ("SHEN HAIXIONG",
    "Shen  Haixiong", "Shen Haixiong") take one spelling, the most frequent mixed-case one."""
    keys = {name: fold(name) for name in {e.canonical for e in entities}}  # an article repeats its names
    groups: dict[str, Counter[str]] = {}
    for e in entities:
        groups.setdefault(keys[e.canonical], Counter())[e.canonical] += 1
    best = {
        key: max(counts, key=lambda n: (not n.isupper(), counts[n], -len(n), n))
        for key, counts in groups.items()
    }
    return [
        e if (name := best[keys[e.canonical]]) == e.canonical else dataclasses.replace(e, canonical=name)
        for e in entities
    ]
