"""The staged pipeline: read -> parse -> normalize -> language -> translate -> NER -> facts -> store, in batches.

The main process reads files (skipping unchanged ones needs the database) and writes; the CPU-bound stages,
parsing (decoding, trafilatura) included, run in worker processes (`--workers N`), or in this process for a
run of one batch.

Per article, a `PolynewsError` becomes status ``failed`` with its one-line reason, stored, and the run goes on;
any other exception is a bug and propagates with a note naming the stage and the article. Processed articles
are written ``write_batch`` at a time, one transaction each, so a killed run loses at most the articles not yet
written and a re-run picks them up; Ctrl-C writes what is processed before it stops.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import signal
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from extract.ner import NerOptions
from ingest.errors import PolynewsError
from ingest.fetch import Fetched, Fetcher, FetchError, FetchOptions
from ingest.readers import JSON_SUFFIXES, ReadOptions, read_document, sha256
from ingest.record import Article
from ingest.sources import Source, iter_sources, read_bytes, url_source
from ingest.version import VERSION
from normalize.langid import LangOptions
from store.counts import COUNTS, totals
from translate.backend import TranslateOptions
from translate.home import packages_dir, polynews_home

if TYPE_CHECKING:
    # The stages, the cache and feeds are imported where they are used (Pipeline, Stages): every command
    # imports this module for Config, and a query must not pay for SQLAlchemy's ORM, numpy or feedparser.
    from store.cache import RunCache
    from store.writer import KnownSource, Writer
    from translate.stage import TranslateStage

log = logging.getLogger(__name__)

# A file this large takes seconds in the stages (a 1 MB text about 10 s with model loading, bench/huge_bench.py):
# the progress display names it while it does.
LARGE_BYTES = 1_000_000

STAGES = ("read", "normalize", "language", "translate", "ner", "facts", "fingerprint", "store")


@dataclass(frozen=True, slots=True)
class Config:
    # A SQLite file, or a database URL (postgresql+psycopg://user@host:5432/name) as a string.
    db: Path | str = Path("polynews.db")
    home: Path = field(default_factory=polynews_home)
    # Articles per batch, the unit of work of a worker. Translation batches a batch's sentences of a language
    # together, repeated ones once: 64 articles a batch translated 300 articles in 3.3 s, 32 in 5.4 s; more
    # than that leaves a worker idle longer at the end of a run. Batches are the same whatever the number of
    # workers, so nothing a stage does can depend on it.
    batch_size: int = 64
    # Articles per write transaction. Matching writes index rows under random 64-bit keys, so a commit's cost is
    # the pages it dirties: 256 articles a commit stored 30k articles in half the time of 32 a commit
    # (bench/dedup_bench.py). Near 100k articles a commit of 256 dirtied some 7,000 pages, half the band index; a
    # commit of 1024 dirties not many more and writes each once for four batches: 100k matched in 53 instead of
    # some 60 CPU seconds (bench/README.md, session 17, speed11). What is decided does not depend on it (each
    # article is matched as if stored one by one: tests/test_matching_speed.py). A killed run loses the articles
    # not yet written; the next run redoes them.
    write_batch: int = 1024
    # Worker processes for the CPU-bound stages (parse ... fingerprint), while this process reads and writes;
    # 0 runs them in this process. A run of one batch or less always runs here: a worker costs more to start.
    workers: int = 1
    # Where the workers run: "local" processes, or "ray" actors (on ray_address, or a Ray started here).
    executor: Literal["local", "ray"] = "local"
    ray_address: str | None = None
    force: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)
    fetch: FetchOptions = field(default_factory=FetchOptions)
    lang: LangOptions = field(default_factory=LangOptions)
    translate: TranslateOptions = field(default_factory=TranslateOptions)
    ner: NerOptions = field(default_factory=NerOptions)


@dataclass
class Summary:
    counts: Counter[str] = field(default_factory=Counter)
    """By the writer's outcome (stored, duplicate, sighting, ...); `totals` names them as the user reads them."""
    problems: list[tuple[str, str, str]] = field(default_factory=list)
    """(source, status, reason) for every file or document that failed or was skipped."""
    missing_models: set[str] = field(default_factory=set)
    stage_seconds: dict[str, float] = field(default_factory=lambda: dict.fromkeys(STAGES, 0.0))
    seconds: float = 0.0
    run_id: int | None = None
    model_calls: int = 0
    """Translation model calls made in this run (the cache makes a re-run cost none)."""

    @property
    def failed(self) -> int:
        return self.counts["failed"]

    def totals(self) -> dict[str, int]:
        """The run's counts under their public names (store/counts.py), and ``read``, their sum."""
        return totals(self.counts)

    @property
    def nothing_new(self) -> bool:
        """Nothing stored, changed, copied, skipped or failed: every source was unchanged (or there was none)."""
        return all(n == 0 for name, n in self.totals().items() if name not in ("unchanged", "read"))

    def line(self) -> str:
        t = self.totals()
        text = ", ".join(
            f"{name.replace('_', ' ')} {t[name]}"
            for name in COUNTS
            if name != "reprocessed" or t["reprocessed"]
        )
        text += f" ({t['read']} read) in {self.seconds:.1f} s"
        if self.nothing_new and t["unchanged"]:
            text += " (nothing new)"
        return text


@dataclass(frozen=True, slots=True)
class _Item:
    article: Article
    location: str


@dataclass(frozen=True, slots=True)
class _Doc:
    """A one-article document read but not parsed yet: decoding and extraction (trafilatura) are CPU work for
    the workers. Multi-record files (JSON, JSONL) are parsed when read: skipping their unchanged records
    needs the database."""

    source: str
    location: str
    data: bytes
    suffix: str
    mtime_ns: int | None = None
    url: str | None = None  # fetched documents: the URL and what the feed said about them
    title: str | None = None
    published: str | None = None


def parse(doc: _Doc) -> list[_Item]:
    """The articles in a document, or its failure with the reason (the "read" stage's CPU half)."""
    try:
        articles = list(read_document(doc.source, doc.data, doc.suffix))
    except PolynewsError as exc:
        failed = Article(
            source=doc.source,
            url=doc.url,
            raw_hash=sha256(doc.data),
            size=len(doc.data),
            mtime_ns=doc.mtime_ns,
        )
        return [_Item(failed.fail(str(exc)), doc.location)]
    out = []
    for a in articles:
        if doc.url is not None:
            a = dataclasses.replace(
                a,
                url=doc.url,
                title=a.title or doc.title,
                published=a.published or doc.published,
                published_precision=a.published_precision or ("day" if doc.published else None),
            )
        out.append(
            _Item(dataclasses.replace(a, mtime_ns=doc.mtime_ns), doc.location + a.source[len(doc.source) :])
        )
    return out


class Pipeline:
    def __init__(self, config: Config, writer: Writer) -> None:
        from store.cache import RunCache, horizon

        self.config = config
        self.writer = writer
        self.stages = Stages(config, RunCache(writer.engine, horizon(writer.engine)))
        self._known_cache: dict[str, KnownSource] = {}
        self._fetcher: Fetcher | None = None
        self._fetched: dict[str, Fetched | FetchError] = {}
        self._new_ids: list[int] = []
        self._unsaved: list[_Item] = []
        self._unsaved_hashes: set[str] = set()
        self._missing: set[str] = set()
        self._model_calls = 0
        self.summary: Summary | None = None
        """The current or last run's summary, counted so far: what an interrupted run prints."""

    @property
    def translator(self) -> TranslateStage:
        return self.stages.translator

    def run(
        self,
        paths: Iterable[str],
        command: str = "ingest",
        on_total: Callable[[int], None] | None = None,
        on_advance: Callable[[int], None] | None = None,
        feeds: Iterable[str] = (),
        rejected: Iterable[tuple[str, str]] = (),
        on_note: Callable[[str], None] | None = None,
    ) -> Summary:
        """``rejected``: (source, reason) of inputs refused before reading (a line of --urls FILE that is not a
        URL), counted as skipped and reported with the run's other problems. ``on_note`` hears which large files
        (LARGE_BYTES and up) the batch now going through the stages holds, or "" when none: a progress display
        names them while they take their seconds."""
        from store.cache import RunCache, horizon

        started = time.perf_counter()
        paths = list(paths)
        sources = list(iter_sources(paths))  # raises NotFoundError before anything is written
        self._known_cache = {}
        for path in paths:
            if os.path.isdir(path):
                self._known_cache.update(self.writer.known_sources(os.path.abspath(path) + os.sep))
        summary = self.summary = Summary()
        for source, reason in rejected:
            summary.counts["skipped"] += 1
            summary.problems.append((source, "skipped", reason))
        summary.run_id = self.writer.begin_run(command, VERSION)
        self._new_ids, self._unsaved, self._unsaved_hashes = [], [], set()
        status = "interrupted"
        self._missing, self._model_calls = set(), 0
        self._horizon = horizon(self.writer.engine)
        self.stages.translator.cache = RunCache(self.writer.engine, self._horizon)
        try:
            for feed in feeds:
                sources.extend(self._poll(feed, summary))
            if on_total:
                on_total(len(sources))
            batches = self._batches(sources, summary, on_advance, on_note)
            if self.config.workers >= 1 and len(sources) > self.config.batch_size:
                self._run_parallel(batches, summary)
            else:
                for batch in batches:
                    self._collect(self._process_here(batch, summary), summary)
                    self._store_translations(self.stages.cache.drain())  # after the articles, as in take()
            self._store(summary)
            # Articles that arrived out of the order one run stores a folder in: their stories decided again, so
            # a folder gives the same stories in one run as over several cron runs.
            if settled := self.writer.settle(self._new_ids):
                log.info("decided %d articles again in the order one run stores them", settled)
            # A later article can turn out to be the original of one stored earlier in the run (a dated
            # release after its credited copy): count what the new articles are at the end.
            final = self.writer.statuses(self._new_ids)
            summary.counts["stored"], summary.counts["duplicate"] = final["stored"], final["duplicate"]
            status = "ok" if not summary.failed else "partial"
        except (KeyboardInterrupt, WorkerLost):
            # Ctrl-C or a worker lost for good: what is processed is kept; the run is marked interrupted
            self._store(summary)
            raise
        finally:
            summary.seconds = time.perf_counter() - started
            summary.missing_models = self._missing
            summary.model_calls = self._model_calls
            counts = (
                summary.totals()
                | ({"feeds": summary.counts["feeds"]} if summary.counts["feeds"] else {})
                | {"translation_calls": summary.model_calls}
                # The first 100 problems of the run, each "source: status: reason".
                | {"errors": [f"{src}: {st}: {why}" for src, st, why in summary.problems[:100]]}
                | {"stage_seconds": {k: round(v, 3) for k, v in summary.stage_seconds.items()}}
            )
            self.writer.finish_run(summary.run_id, counts, summary.seconds, status)
            if self._fetcher is not None:
                self._fetcher.close()
                self._fetcher = None
        return summary

    # -- the network ---------------------------------------------------------------------------------------------
    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(
                dataclasses.replace(self.config.fetch, max_bytes=self.config.read.max_bytes)
            )
        return self._fetcher

    def _poll(self, url: str, summary: Summary) -> list[Source]:
        """A feed's new entries as sources; entries already stored are not fetched again."""
        from ingest.feeds import poll

        etag, modified = self.writer.feed_validators(url)
        try:
            result = poll(self.fetcher, url, etag, modified)
        except FetchError as exc:
            self.writer.save_feed(url, etag, modified, f"failed: {exc}")
            summary.counts["failed"] += 1
            summary.problems.append((url, "failed", str(exc)))
            return []
        summary.counts["feeds"] += 1
        if not result.modified:
            self.writer.save_feed(url, etag, modified, "not modified")
            return []
        self.writer.save_feed(url, result.etag, result.last_modified, f"{len(result.entries)} entries")
        fresh = []
        for e in result.entries:
            if self.config.force or self.writer.known_source(e.link) is None:
                fresh.append(url_source(e.link, e.title, e.published))
            else:
                summary.counts["unchanged"] += 1
        return fresh

    def _prefetch(self, chunk: list[Source]) -> None:
        urls = [s.location for s in chunk if s.is_url]
        if urls:
            self._fetched.update(self.fetcher.fetch_many(urls))

    # -- reading ------------------------------------------------------------------------------------------------
    def _read(self, src: Source, summary: Summary) -> list[_Item | _Doc]:
        t0 = time.perf_counter()
        try:
            return self._read_one(src, summary)
        finally:
            summary.stage_seconds["read"] += time.perf_counter() - t0

    def _known(self, location: str) -> KnownSource | None:
        if location in self._known_cache:
            return self._known_cache[location]
        return self.writer.known_source(location)

    def _read_one(self, src: Source, summary: Summary) -> list[_Item | _Doc]:
        force = self.config.force
        known = self._known(src.location)
        if not src.supported:
            if known and known.status == "skipped" and not force:
                summary.counts["unchanged"] += 1
                return []
            reason = f"unsupported file type {src.suffix.lower() or '(no extension)'!r}; name it on the command line to read it as text"
            return [_Item(Article(source=src.source, status="skipped", error=reason), src.location)]
        if src.is_url:
            return self._read_url(src, known, summary)
        try:
            st = os.stat(src.source)
        except OSError:
            st = None  # read_bytes below says why in one line
        if (
            st is not None
            and known
            and not force
            and (known.size, known.mtime_ns) == (st.st_size, st.st_mtime_ns)
        ):
            summary.counts["unchanged"] += 1  # same size and mtime as last time: not even opened
            return []
        try:
            data = read_bytes(src, self.config.read.max_bytes)
        except PolynewsError as exc:
            # Nothing was read (unreadable, too large): tried again next run, the problem may be fixed.
            return [_Item(Article(source=src.source).fail(str(exc)), src.location)]
        raw_hash = sha256(data)
        mtime = st.st_mtime_ns if st is not None else None
        if known and known.raw_hash == raw_hash and not force:
            summary.counts["unchanged"] += 1  # touched but not changed: remember the new mtime
            self.writer.touch(src.location, len(data), mtime)
            return []
        if src.suffix.lower() not in JSON_SUFFIXES:
            return [_Doc(src.source, src.location, data, src.suffix, mtime)]
        try:
            articles = list(read_document(src.source, data, src.suffix))
        except PolynewsError as exc:
            failed = Article(source=src.source, raw_hash=raw_hash, size=len(data), mtime_ns=mtime).fail(
                str(exc)
            )
            return [_Item(failed, src.location)]
        items: list[_Item | _Doc] = []
        for a in articles:
            location = src.location + a.source[len(src.source) :]  # keeps a JSONL record's "#n"
            record_known = known if location == src.location else self._known(location)
            if record_known and record_known.raw_hash == a.raw_hash and not force:
                summary.counts["unchanged"] += 1
                continue
            items.append(_Item(dataclasses.replace(a, mtime_ns=mtime), location))
        return items

    def _read_url(self, src: Source, known: KnownSource | None, summary: Summary) -> list[_Item | _Doc]:
        result = self._fetched.pop(src.location, None)
        if result is None:
            try:
                result = self.fetcher.fetch(src.location)
            except FetchError as exc:
                result = exc
        if isinstance(result, FetchError):
            return [_Item(Article(source=src.source, url=src.location).fail(str(result)), src.location)]
        if known and known.raw_hash == sha256(result.body) and not self.config.force:
            summary.counts["unchanged"] += 1
            return []
        doc = _Doc(
            src.source,
            src.location,
            result.body,
            result.suffix,
            url=src.location,
            title=src.title,
            published=src.published,
        )
        return [*parse(doc)] if result.suffix.lower() in JSON_SUFFIXES else [doc]

    # -- the stages ---------------------------------------------------------------------------------------------
    def _batches(
        self,
        sources: list[Source],
        summary: Summary,
        on_advance: Callable[[int], None] | None,
        on_note: Callable[[str], None] | None = None,
    ) -> Iterator[list[_Item | _Doc]]:
        """Read sources (in this process: skipping unchanged files needs the database) into batches."""

        def ready(batch: list[_Item | _Doc]) -> list[_Item | _Doc]:
            if on_note:
                large = [x for x in batch if isinstance(x, _Doc) and len(x.data) >= LARGE_BYTES]
                on_note(
                    ", ".join(f"{os.path.basename(x.source)} ({len(x.data) / 1e6:.1f} MB)" for x in large)
                )
            return batch

        batch: list[_Item | _Doc] = []
        for start in range(0, len(sources), self.config.batch_size):
            chunk = sources[start : start + self.config.batch_size]
            self._prefetch(chunk)
            for src in chunk:
                batch.extend(self._read(src, summary))
                if len(batch) >= self.config.batch_size:
                    yield ready(batch)
                    batch = []
                if on_advance:
                    on_advance(1)
            self._fetched.clear()
        if batch:
            yield ready(batch)

    def _is_known(self, content_hash: str) -> bool:
        return content_hash in self._unsaved_hashes or self.writer.article_for_hash(content_hash) is not None

    def _process_here(self, items: list[_Item | _Doc], summary: Summary) -> list[_Item]:
        calls = self.translator.model_calls
        out = self.stages.process(items, summary.stage_seconds, self._is_known)
        self._model_calls += self.translator.model_calls - calls
        self._missing |= self.translator.missing
        return out

    def _run_parallel(self, batches: Iterator[list[_Item | _Doc]], summary: Summary) -> None:
        """Batches go to an executor's workers, each with its own models, while this process reads the next
        ones and writes the results: with one worker, reading and writing overlap the stages. Results are
        written in the order the batches were read, so ids, duplicates and stories are the same whatever the
        executor and the number of workers."""
        executor = executor_for(self.config, self._horizon)

        def take(result: _WorkResult) -> None:
            items, seconds, calls, missing, translations = result
            # The articles first: the interrupt handler writes what is collected, so a signal during the cache
            # write below costs only cache entries (the next run translates those again), never the batch. (In
            # the other order a SIGTERM between two models' cache writes lost a finished batch: CI, session 16.)
            self._collect(items, summary)
            for name, value in seconds.items():
                summary.stage_seconds[name] += value
            self._model_calls += calls
            self._missing |= missing
            self._store_translations(translations)

        taken = 0
        try:
            for result in executor.map(batches):
                take(result)
                taken += 1
        except KeyboardInterrupt:
            # Ctrl-C or SIGTERM: keep the batches the workers finished (in read order, for the caller to write)
            # and stop the rest at once; the next run does them again. Only if every result the executor handed
            # over was taken whole: one cut short by the signal (a write under way, or a result between the
            # executor and take) leaves a gap, and the finished batches behind it would be stored before it.
            # (The test run over Ray, SIGTERMed mid-write, stored batch 6 before batch 5: other ids than a clean
            # run's.)
            if executor.delivered == taken:
                for result in executor.finished():
                    take(result)
            executor.kill()
            raise
        finally:
            # A lost worker or an error: drop what has not started, keep what is collected (the caller
            # writes it).
            executor.close()

    def _store_translations(self, new: dict[str, dict[str, str]]) -> None:
        """The stages' new translations, for the next runs (this one reads the cache as it started)."""
        from store.cache import TranslationCache

        cache = TranslationCache(self.writer.engine)
        for model_id, pairs in new.items():
            cache.put_many(model_id, pairs)

    def _collect(self, items: list[_Item], summary: Summary) -> None:
        self._unsaved.extend(items)
        self._unsaved_hashes.update(i.article.content_hash for i in items if i.article.content_hash)
        if len(self._unsaved) >= self.config.write_batch:
            self._store(summary)

    def _store(self, summary: Summary) -> None:
        """Write the processed articles in one transaction (store/writer.py), matching them as one batch.

        They are let go only once written: an interrupt during the write rolls its transaction back and leaves
        them for the write the interrupt's handler makes."""
        items = self._unsaved
        if not items:
            return
        t0 = time.perf_counter()
        records = []
        for item in items:
            a = item.article
            if a.status == "duplicate":
                a = dataclasses.replace(a, status="pending")
            records.append((a, item.location))
        saved = self.writer.save_batch(records, summary.run_id, refresh=self.config.force)
        self._unsaved, self._unsaved_hashes = [], set()
        for (a, _), (outcome, article_id) in zip(records, saved, strict=True):
            if outcome in ("stored", "duplicate"):
                self._new_ids.append(article_id)
            summary.counts[outcome] += 1
            if outcome in ("failed", "skipped"):
                summary.problems.append((a.source, outcome, a.error or ""))
                log.info("%s %s: %s", outcome, a.source, a.error)
        summary.stage_seconds["store"] += time.perf_counter() - t0


_WorkResult = tuple[list[_Item], dict[str, float], int, set[str], dict[str, dict[str, str]]]


class Stages:
    """The CPU-bound stages, built once per process (their models load on first use): normalize -> language ->
    translate -> NER -> facts -> fingerprint -> signature, on a batch of items.

    Per article, a `PolynewsError` becomes status ``failed`` with its reason; anything else is a bug and
    propagates with a note naming the stage and the article."""

    def __init__(self, config: Config, cache: RunCache) -> None:
        from extract.facts import FactOptions, FactStage
        from extract.ner import NerStage
        from extract.signature import SignatureStage
        from normalize.stages import FingerprintStage, LanguageStage, Normalizer
        from translate.stage import TranslateStage

        self.config = config
        self.normalizer = Normalizer()
        self.language = LanguageStage(config.lang)
        self.translator = TranslateStage(packages_dir(config.home), config.translate, cache=cache)
        self.ner = NerStage(dataclasses.replace(config.ner, cache_dir=config.home / "cache"))
        self.facts = FactStage(FactOptions(cache_dir=config.home / "cache"))
        self.fingerprint = FingerprintStage()
        self.signature = SignatureStage(self.facts.place)

    @property
    def cache(self) -> RunCache:
        """The translation cache the stages read, holding the translations they made for the writer."""
        from store.cache import RunCache

        assert isinstance(self.translator.cache, RunCache), "Stages are built with a RunCache"
        return self.translator.cache

    def process(
        self, batch: list[_Item | _Doc], seconds: dict[str, float], is_known: Callable[[str], bool]
    ) -> list[_Item]:
        t0 = time.perf_counter()
        items = [out for x in batch for out in (parse(x) if isinstance(x, _Doc) else [x])]
        seconds["read"] += time.perf_counter() - t0
        items = self._each("normalize", self.normalizer, items, seconds)
        items = self._each("language", self.language, items, seconds)
        items = self._mark_known_duplicates(items, is_known)
        items = self._batched("translate", self.translator.pipe, items, seconds)
        items = self._batched("ner", self.ner.pipe, items, seconds)
        items = self._each("facts", self.facts, items, seconds)
        # The signature's typed anchors join the text's: one "fingerprint" stage in the timings.
        return self._each("fingerprint", lambda a: self.signature(self.fingerprint(a)), items, seconds)

    @staticmethod
    def _each(
        name: str, stage: Callable[[Article], Article], items: list[_Item], seconds: dict[str, float]
    ) -> list[_Item]:
        t0 = time.perf_counter()
        out = []
        for item in items:
            a = item.article
            if a.status == "pending":
                try:
                    a = stage(a)
                except PolynewsError as exc:
                    a = a.fail(str(exc))
                except Exception as exc:
                    exc.add_note(f"polynews: in stage {name!r} on {a.source}")
                    raise
            out.append(dataclasses.replace(item, article=a))
        seconds[name] += time.perf_counter() - t0
        return out

    @staticmethod
    def _batched(
        name: str,
        pipe: Callable[[list[Article]], Iterable[Article]],
        items: list[_Item],
        seconds: dict[str, float],
    ) -> list[_Item]:
        t0 = time.perf_counter()
        todo = [i for i, item in enumerate(items) if item.article.status == "pending"]
        out = list(items)
        if todo:
            try:
                done = list(pipe([items[i].article for i in todo]))
            except Exception as exc:
                if not isinstance(exc, PolynewsError):
                    exc.add_note(f"polynews: in stage {name!r} on a batch of {len(todo)} articles")
                    raise
                done = [items[i].article.fail(str(exc)) for i in todo]
            for i, a in zip(todo, done, strict=True):
                out[i] = dataclasses.replace(out[i], article=a)
        seconds[name] += time.perf_counter() - t0
        return out

    def _mark_known_duplicates(self, items: list[_Item], is_known: Callable[[str], bool]) -> list[_Item]:
        """A text already in the database (or earlier in this batch) skips translation and NER: it will be
        stored as another sighting of that article. Only a saving: the writer decides identity either way."""
        seen: set[str] = set()
        out = []
        for item in items:
            a = item.article
            key = a.content_hash
            if a.status == "pending" and key:
                if key in seen or (not self.config.force and is_known(key)):
                    a = dataclasses.replace(a, status="duplicate")
                seen.add(key)
            out.append(dataclasses.replace(item, article=a))
        return out


# -- executors -----------------------------------------------------------------------------------------------
# An executor hands batches to workers that hold the models and gives the results back in the order the
# batches were read, with a bound on what is in flight: the one writer (Pipeline) stores them in that order,
# so the database does not depend on the executor. Anchor: datatrove's local and Ray executors.


class WorkerLost(PolynewsError):
    """A worker died and could not be replaced: what was processed before is stored, a re-run goes on."""


class Executor(Protocol):
    def map(self, batches: Iterator[list[_Item | _Doc]]) -> Iterator[_WorkResult]:
        """Each batch's result, in the order of ``batches``."""

    delivered: int
    """Results handed over by map() so far."""

    def finished(self) -> Iterator[_WorkResult]:
        """After an interrupt: the results of the batches already done at the head of the read order (a batch
        done after one still running is not written: the run's ids stay those of a clean run's prefix)."""

    def kill(self) -> None:
        """Ctrl-C or SIGTERM: stop the workers at once, running batches included (the next run redoes them)."""

    def close(self) -> None:
        """Stop the workers; batches not started are dropped."""


def executor_for(config: Config, upto: int) -> Executor:
    if config.executor == "ray":
        return RayExecutor(config, upto)
    return LocalExecutor(config, upto)


class LocalExecutor:
    """Worker processes on this machine (`--executor local`, the default). At most two batches per worker
    are in flight: memory is bounded by that, not by the number of files."""

    def __init__(self, config: Config, upto: int) -> None:
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor

        self.workers = config.workers
        # spawn, not fork: the parent may hold database connections and threads (a fork copies them half-way).
        self._pool = ProcessPoolExecutor(
            max_workers=config.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(config, upto, os.getpid()),
        )
        self._in_flight: deque[Future[_WorkResult]] = deque()
        self.delivered = 0

    def _next(self) -> _WorkResult:
        # Taken off the queue only once its result is in: an interrupt while waiting leaves it for finished().
        result = self._in_flight[0].result()
        self._in_flight.popleft()
        self.delivered += 1
        return result

    def map(self, batches: Iterator[list[_Item | _Doc]]) -> Iterator[_WorkResult]:
        for batch in batches:
            self._in_flight.append(self._pool.submit(_work, batch))
            while len(self._in_flight) >= 2 * self.workers:
                yield self._next()
        while self._in_flight:
            yield self._next()

    def finished(self) -> Iterator[_WorkResult]:
        while self._in_flight and self._in_flight[0].done() and not self._in_flight[0].cancelled():
            if self._in_flight[0].exception() is not None:
                break
            yield self._next()

    def kill(self) -> None:
        # No public way to stop a running task before Python 3.14 (terminate_workers); the workers ignore
        # SIGINT and SIGTERM, so they are killed.
        running = list(getattr(self._pool, "_processes", {}).values())
        self._pool.shutdown(wait=False, cancel_futures=True)
        for process in running:
            process.kill()
        for process in running:
            process.join(5)
        self._in_flight.clear()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


class _RayWorker:
    """A Ray actor's state: the stages with their models, loaded once per actor (see RayExecutor)."""

    def __init__(self, config: Config, upto: int) -> None:
        self._worker = _build_worker(config, upto)

    def work(self, items: list[_Item | _Doc]) -> _WorkResult:
        return _work_with(self._worker, items)


def ray_unreachable(address: str) -> str | None:
    """Why nothing answers at a Ray address (``host:port`` or ``ray://host:port``), or None. ray.init retries an
    address that does not answer for minutes: a TCP connection says it at once."""
    import socket

    hostport = address.removeprefix("ray://").rsplit("/", 1)[0]
    if hostport == "auto" or ":" not in hostport:
        return None  # Ray finds the cluster itself, or names its default port
    host, _, port = hostport.rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=5).close()
    except (OSError, ValueError) as exc:
        return f"nothing answers at {hostport} ({exc.strerror if isinstance(exc, OSError) and exc.strerror else exc})"
    return None


class RayExecutor:
    """Ray actors (`--executor ray`), on a cluster (``--ray-address``) or on a Ray started here.

    Each actor holds the models; batches go to the actors in turn, at most two per actor in flight. An actor
    that dies is restarted and its batches are run again (a batch's result depends on the batch alone); one
    that cannot be restarted ends the run with WorkerLost after what came back is stored. polynews must be
    installed on every node, in the same version, and a SQLite database must be reachable at the same path
    from every node (a PostgreSQL URL is the usual choice on a cluster)."""

    # A local Ray for a run without --ray-address: no dashboard, no usage report (offline), at least two CPUs.
    LOCAL_CPUS = 2

    def __init__(self, config: Config, upto: int) -> None:
        try:
            import ray
        except ImportError:
            raise PolynewsError("Ray is not installed; install it: pip install 'polynews[ray]'") from None
        self._ray = ray
        self._started_here = False
        main_thread = threading.current_thread() is threading.main_thread()
        before = signal.getsignal(signal.SIGTERM) if main_thread else None
        if not ray.is_initialized():
            os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
            if config.ray_address and (why := ray_unreachable(config.ray_address)):
                raise PolynewsError(f"cannot reach the Ray cluster {config.ray_address}: {why}")
            try:
                if config.ray_address:
                    ray.init(address=config.ray_address, log_to_driver=False, logging_level=logging.ERROR)
                else:
                    ray.init(
                        num_cpus=max(self.LOCAL_CPUS, config.workers),
                        include_dashboard=False,
                        log_to_driver=False,
                        logging_level=logging.ERROR,
                    )
            except (ConnectionError, RuntimeError, ValueError) as exc:
                where = config.ray_address or "a local Ray"
                raise PolynewsError(f"cannot start or reach {where}: {exc}") from None
            self._started_here = True
        # SIGTERM (systemd, kill) stops the run as Ctrl-C does, so the Ray started here is shut down: killed
        # outright, the driver leaves Ray's agents running (seen with Ray 2.60 after a SIGKILL). ray.init sets
        # its own SIGTERM handlers (sys.exit(15) in Python, a stack dump in C): the run ended with status 15,
        # no summary, instead of the CLI's 143. The handler from before ray.init is set again: the CLI's
        # (cli.Terminated, a KeyboardInterrupt, exit 143), or from other code one that raises KeyboardInterrupt.
        self._sigterm: Any = None
        if main_thread:
            self._sigterm = before if before is not None else signal.SIG_DFL
            signal.signal(signal.SIGTERM, before if callable(before) else _interrupt)
        actor = ray.remote(num_cpus=1, max_restarts=2, max_task_retries=2)(_RayWorker)
        self._actors: list[Any] = [actor.remote(config, upto) for _ in range(config.workers)]
        self._in_flight: deque[Any] = deque()
        self.delivered = 0

    def map(self, batches: Iterator[list[_Item | _Doc]]) -> Iterator[_WorkResult]:
        from ray.exceptions import RayActorError, WorkerCrashedError

        ray = self._ray
        in_flight: deque[Any] = self._in_flight

        def result() -> _WorkResult:
            try:
                out: _WorkResult = ray.get(in_flight[0])
                in_flight.popleft()  # only once its result is in: an interrupt leaves it for finished()
                self.delivered += 1
            except (RayActorError, WorkerCrashedError) as exc:
                first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                raise WorkerLost(
                    f"a Ray worker died and could not be restarted ({first}); what was processed is stored: "
                    "run the same command again to go on"
                ) from None
            return out

        for n, batch in enumerate(batches):
            in_flight.append(self._actors[n % len(self._actors)].work.remote(batch))
            while len(in_flight) >= 2 * len(self._actors):
                yield result()
        while in_flight:
            yield result()

    def finished(self) -> Iterator[_WorkResult]:
        from ray.exceptions import RayError

        while self._in_flight:
            done, _ = self._ray.wait([self._in_flight[0]], timeout=0)
            if not done:
                break
            try:
                out: _WorkResult = self._ray.get(done[0])
            except RayError:
                break
            self._in_flight.popleft()
            yield out

    def kill(self) -> None:
        self.close()

    def close(self) -> None:
        for ref in self._in_flight:  # dropped: not retried on a new actor when theirs is killed below
            self._ray.cancel(ref)
        self._in_flight.clear()
        for actor in self._actors:
            self._ray.kill(actor)
        self._actors = []
        if self._started_here:
            self._ray.shutdown()
        if self._sigterm is not None:
            signal.signal(signal.SIGTERM, self._sigterm)
            self._sigterm = None


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


# A worker process's stages: the pool's initializer builds them once, each task uses them. Module state, but
# only inside worker processes (the parent never sets it).
_WORKER: tuple[Stages, Writer] | None = None


def _die_with_parent(parent: int) -> None:
    """A worker must not outlive the run that started it, however the run ends (SIGKILL included): it holds
    the database open and 400 MB of models. Linux kills it when its parent dies (PR_SET_PDEATHSIG); elsewhere,
    and as a second guard, a thread sees the parent gone (re-parented) within a second and ends the process.
    (Ray's actors are Ray's to stop: RayExecutor kills them, and the Ray it started dies with the run.)"""
    import ctypes
    import sys

    if sys.platform == "linux":
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # 1 = PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass  # no prctl (another libc): the thread below still watches
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(1)

    threading.Thread(target=watch, name="polynews-parent-watch", daemon=True).start()


def _build_worker(config: Config, upto: int) -> tuple[Stages, Writer]:
    """A worker's stages and a read-only look-up of stored texts, with its share of the cores."""
    from threadpoolctl import threadpool_limits

    from extract.ner import without_torch
    from store.cache import RunCache
    from store.db import connect
    from store.writer import Writer

    without_torch(config.ner)  # before anything imports spaCy
    # CTranslate2 calls in flight per worker: the cores shared out between the workers (two calls each on two
    # workers put four threads on two cores; translation took 2.5x longer). Results do not depend on it.
    share = max(1, (os.cpu_count() or 1) // max(1, config.workers))
    # The same for numpy's BLAS (spaCy's layers): one thread per core in every worker put two threads per core
    # on the machine, and each waited on the other's core (NER 15% slower with two workers).
    threadpool_limits(limits=share)
    inter = min(config.translate.inter_threads, share)
    config = dataclasses.replace(config, translate=dataclasses.replace(config.translate, inter_threads=inter))
    writer = Writer(connect(config.db, readonly=True, cache_mb=16))  # look-ups of stored texts
    return Stages(config, RunCache(writer.engine, upto)), writer


def _init_worker(config: Config, upto: int, parent: int) -> None:
    _die_with_parent(parent)
    # Ctrl-C and SIGTERM (sent to the whole process group by a terminal, cron or systemd) are the parent's to
    # handle: it stops the pool, writes what the workers finished and marks the run interrupted.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    global _WORKER
    _WORKER = _build_worker(config, upto)


def _work(items: list[_Item | _Doc]) -> _WorkResult:
    assert _WORKER is not None, "the pool's initializer builds the stages"
    return _work_with(_WORKER, items)


def _work_with(worker: tuple[Stages, Writer], items: list[_Item | _Doc]) -> _WorkResult:
    stages, writer = worker

    def is_known(content_hash: str) -> bool:
        return writer.article_for_hash(content_hash) is not None

    seconds = dict.fromkeys(STAGES, 0.0)
    calls = stages.translator.model_calls
    out = stages.process(items, seconds, is_known)
    calls = stages.translator.model_calls - calls
    return out, seconds, calls, set(stages.translator.missing), stages.cache.drain()


def db_target(value: str) -> Path | str:
    """A --db or POLYNEWS_DB value: a database URL stays a string, anything else is a file path."""
    return value if "://" in value else Path(value)


def default_db() -> Path | str:
    return db_target(os.environ.get("POLYNEWS_DB", "polynews.db"))
