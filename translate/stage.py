"""The translation stage: every non-English article to English, batched across articles.

Statuses: ``not-needed`` (English), ``ok`` (translated; model id and seconds recorded), ``missing-model`` (no
installed package for the pair; the run goes on and the summary says how to install one), ``failed`` (the
language is unknown, or the model failed on the whole article).
"""

from __future__ import annotations

import dataclasses
import logging
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from ingest.errors import ModelError, TranslationError
from ingest.record import Article
from normalize.sentences import split_sentences
from translate.backend import ArgosCT2Translator, TranslateOptions, Translator
from translate.packages import installed_packages

log = logging.getLogger(__name__)
TARGET = "en"


class SentenceCache(Protocol):
    """Translations already made, keyed by model id and source sentence (see store.TranslationCache)."""

    def get_many(self, model_id: str, sentences: list[str]) -> dict[str, str]: ...

    def put_many(self, model_id: str, pairs: dict[str, str]) -> None: ...


class TranslateStage:
    def __init__(
        self,
        packages_dir: Path,
        options: TranslateOptions | None = None,
        cache: SentenceCache | None = None,
    ) -> None:
        self.options = options or TranslateOptions()
        self.cache = cache
        self.packages = {p.from_code: p for p in installed_packages(packages_dir) if p.to_code == TARGET}
        self._translators: dict[str, Translator] = {}
        self.missing: set[str] = set()
        """Languages met in this run that had no model: the summary's install hint lists them."""

    def translator(self, lang: str) -> Translator:
        if lang not in self._translators:
            self._translators[lang] = ArgosCT2Translator(self.packages[lang], self.options)
        return self._translators[lang]

    @property
    def model_calls(self) -> int:
        return sum(getattr(t, "calls", 0) for t in self._translators.values())

    def pipe(self, articles: list[Article]) -> Iterator[Article]:
        out = list(articles)
        groups: dict[str, list[int]] = defaultdict(list)
        for i, a in enumerate(out):
            if a.failed or a.status == "duplicate":
                continue
            if a.lang == TARGET:
                out[i] = dataclasses.replace(a, translation_status="not-needed", text_en=None)
            elif not a.lang or a.lang == "und":
                out[i] = dataclasses.replace(
                    a,
                    translation_status="failed",
                    translation_error="language unknown: nothing to translate from",
                )
            elif a.lang not in self.packages:
                self.missing.add(a.lang)
                out[i] = dataclasses.replace(a, translation_status="missing-model")
            else:
                groups[a.lang].append(i)
        for lang, idx in groups.items():
            try:
                translated = self._translate_group(lang, [out[i] for i in idx])
            except (ModelError, TranslationError) as exc:
                translated = [
                    dataclasses.replace(out[i], translation_status="failed", translation_error=str(exc))
                    for i in idx
                ]
            for i, article in zip(idx, translated, strict=True):
                out[i] = article
        yield from out

    def _translate_group(self, lang: str, articles: list[Article]) -> list[Article]:
        translator = self.translator(lang)
        model_id = translator.model_id
        # Paragraph structure is kept: each paragraph's sentences are translated and rejoined.
        layouts = [[split_sentences(p) for p in a.text.split("\n") if p.strip()] for a in articles]
        unique = list(dict.fromkeys(s for layout in layouts for para in layout for s in para))
        known = self.cache.get_many(model_id, unique) if self.cache else {}
        todo = [s for s in unique if s not in known]
        started = time.perf_counter()
        fresh, bad = self._translate_sentences(translator, todo)
        seconds = time.perf_counter() - started
        if self.cache and fresh:
            self.cache.put_many(model_id, fresh)
        known.update(fresh)
        total_sentences = max(sum(len(p) for layout in layouts for p in layout), 1)
        result = []
        for article, layout in zip(articles, layouts, strict=True):
            n = sum(len(p) for p in layout)
            failed = [s for para in layout for s in para if s in bad]
            text_en = "\n\n".join(" ".join(known.get(s, "") for s in para).strip() for para in layout)
            result.append(
                dataclasses.replace(
                    article,
                    text_en=text_en,
                    translation_status="ok",
                    translation_model=model_id,
                    translation_error=f"{len(failed)} of {n} sentences failed: {bad[failed[0]]}"
                    if failed
                    else None,
                    translation_seconds=round(seconds * n / total_sentences, 4),
                )
            )
        return result

    @staticmethod
    def _translate_sentences(
        translator: Translator, sentences: list[str]
    ) -> tuple[dict[str, str], dict[str, str]]:
        """Translate in one batched pass; if the pass fails, sentence by sentence so one bad one fails alone."""
        if not sentences:
            return {}, {}
        try:
            return dict(zip(sentences, translator.translate(sentences), strict=True)), {}
        except TranslationError:
            log.warning("batched translation failed; retrying %d sentences one by one", len(sentences))
        done: dict[str, str] = {}
        bad: dict[str, str] = {}
        for s in sentences:
            try:
                done[s] = translator.translate([s])[0]
            except TranslationError as exc:
                bad[s] = str(exc)
        return done, bad
