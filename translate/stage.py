"""The translation stage: every non-English article to English, batched across articles.

Statuses: ``not-needed`` (English), ``ok`` (translated; model id and seconds recorded), ``missing-model`` (no
installed package for the pair; the run goes on and the summary says how to install one), ``failed`` (the
language is unknown, or the model failed on the whole article).
"""

from __future__ import annotations

import contextlib
import dataclasses
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
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
        # Every language's sentences are submitted before any is waited on: otherwise one CTranslate2 worker
        # idles while the other decodes a language's last batch (a batch holds a few articles of each language,
        # one or two calls each). Translating 300 articles took twice as long that way.
        started = []
        for lang, idx in groups.items():
            try:
                started.append((idx, self._start_group(lang, [out[i] for i in idx])))
            except ModelError as exc:
                self._fail(out, idx, exc)
        for idx, finish in started:
            try:
                translated = finish()
            except (ModelError, TranslationError) as exc:
                self._fail(out, idx, exc)
                continue
            for i, article in zip(idx, translated, strict=True):
                out[i] = article
        yield from out

    @staticmethod
    def _fail(out: list[Article], idx: list[int], exc: Exception) -> None:
        for i in idx:
            out[i] = dataclasses.replace(out[i], translation_status="failed", translation_error=str(exc))

    def _start_group(self, lang: str, articles: list[Article]) -> Callable[[], list[Article]]:
        """Submit one language's new sentences; the returned function waits and builds the translated articles."""
        translator = self.translator(lang)
        model_id = translator.model_id
        # Paragraph structure is kept: each paragraph's sentences are translated and rejoined.
        layouts = [[split_sentences(p) for p in a.analysed_text.split("\n") if p.strip()] for a in articles]
        unique = list(dict.fromkeys(s for layout in layouts for para in layout for s in para))
        known = self.cache.get_many(model_id, unique) if self.cache else {}
        todo = [s for s in unique if s not in known]
        started = time.perf_counter()  # the model's time, as before: not its loading, splitting or the cache
        wait = self._start_sentences(translator, todo)
        submitted = time.perf_counter() - started

        def finish() -> list[Article]:
            waited = time.perf_counter()
            fresh, bad = wait()
            seconds = submitted + time.perf_counter() - waited
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

        return finish

    @staticmethod
    def _start_sentences(
        translator: Translator, sentences: list[str]
    ) -> Callable[[], tuple[dict[str, str], dict[str, str]]]:
        """Submit the sentences as one batched pass; the returned function waits for (translations, failures).
        If the pass fails, it translates sentence by sentence, so that one bad sentence fails alone."""
        wait: Callable[[], list[str]] | None = None
        if sentences:
            with contextlib.suppress(TranslationError):  # then sentence by sentence, below
                wait = translator.start(sentences)

        def finish() -> tuple[dict[str, str], dict[str, str]]:
            if not sentences:
                return {}, {}
            if wait is not None:
                try:
                    return dict(zip(sentences, wait(), strict=True)), {}
                except TranslationError:
                    pass
            log.warning("batched translation failed; retrying %d sentences one by one", len(sentences))
            done: dict[str, str] = {}
            bad: dict[str, str] = {}
            for s in sentences:
                try:
                    done[s] = translator.translate([s])[0]
                except TranslationError as exc:
                    bad[s] = str(exc)
            return done, bad

        return finish
