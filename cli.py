"""The `polynews` command (Typer): wiring only. Builds one Config from defaults <- polynews.toml <- environment
<- flags, runs the pipeline or a query, prints, and maps errors to exit codes.

Exit codes: 0 all good; 1 some articles failed (the rest are stored); 2 usage or configuration error (a --db
that is not a polynews database or cannot be written included: nothing is created or changed); 75 another run
holds the database (nothing was done); 130 Ctrl-C and 143 SIGTERM (what was processed is stored).
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import functools
import json
import logging
import os
import re
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from ingest.errors import PolynewsError, QueryError
from ingest.version import VERSION

if TYPE_CHECKING:
    from pipeline import Config

# Start-up: this module imports what --help, --version and the queries need, and each command imports the rest
# (the pipeline's stages, spaCy, trafilatura, Alembic, the ORM) in its body; tests/test_cli.py checks that
# importing it imports none of them, and bench/startup_bench.py times the commands against bare Python.

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# EX_TEMPFAIL from sysexits.h: cron wrappers and systemd read it as "try again later", not as a failure.
EXIT_LOCKED = 75
# 128 + SIGINT, as shells report a Ctrl-C; 128 + SIGTERM for a stop by cron, systemd or kill.
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def _without_flag_types(command: Any, ctx: Any) -> None:
    """typer prints ``<bool>`` as the type of an on/off flag (``--help``, ``--json``); a flag takes no value."""
    for param in [*command.params, command.get_help_option(ctx)]:
        if param is not None and getattr(param, "is_bool_flag", False) and not param.secondary_opts:
            param.metavar = ""


class _Group(TyperGroup):
    def get_help_option(self, ctx: Any) -> Any:
        option = super().get_help_option(ctx)
        if option is not None:
            option.metavar = ""
        return option

    def get_command(self, ctx: Any, cmd_name: str) -> Any:
        command = super().get_command(ctx, cmd_name)
        if command is not None and not isinstance(command, _Group):
            _without_flag_types(command, ctx)
        return command

    def format_help(self, ctx: Any, formatter: Any) -> None:
        _without_flag_types(self, ctx)
        super().format_help(ctx, formatter)


app = typer.Typer(
    cls=_Group,
    help="polynews: ingest multilingual news into one SQLite (or PostgreSQL) database, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(
    cls=_Group, help="Translation and spaCy models: list, install, remove.", no_args_is_help=True
)
app.add_typer(models_app, name="models")


class _LazyConsole:
    """rich's Console, made on first use: importing rich costs more than a query's whole answer. Plain lines
    (markup=False) are written as they are, as rich wrote them (soft wrap, no highlighting), except that rich
    also turned ``:smile:`` in an article's text into an emoji and expanded its tabs."""

    def __init__(self, stderr: bool = False) -> None:
        self._stderr = stderr
        self._console: Any = None

    @property
    def rich(self) -> Any:
        if self._console is None:
            from rich.console import Console

            self._console = Console(stderr=self._stderr, soft_wrap=True, highlight=False)
        return self._console

    def print(self, *objects: Any, markup: bool | None = None, **kwargs: Any) -> None:
        if markup is False and not kwargs and self._console is None:
            stream = sys.stderr if self._stderr else sys.stdout
            stream.write(" ".join(str(o) for o in objects) + "\n")
            return
        self.rich.print(*objects, markup=markup, **kwargs)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.rich, name)


out = _LazyConsole()
err = _LazyConsole(stderr=True)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite database file, or a PostgreSQL URL postgresql+psycopg://user@host:5432/name "
        "(default: $POLYNEWS_DB or ./polynews.db)",
    ),
]


# What an ingest run writes (problems, notes, the summary, errors) goes to this logger when the run logs JSON.
report_log = logging.getLogger("polynews")


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    if json_logging():
        report_log.error(message, extra={"event": "error", "fields": {"exit_code": code}})
    else:
        err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


# -- configuration --------------------------------------------------------------------------------------------
def load_config(db: str | None, **flags: Any) -> Config:
    """defaults <- polynews.toml (or $POLYNEWS_CONFIG) <- environment <- flags."""
    from extract.ner import NerOptions
    from ingest.fetch import FetchOptions
    from ingest.readers import ReadOptions
    from normalize.langid import LangOptions
    from pipeline import Config, db_target, default_db
    from translate.backend import TranslateOptions

    path = Path(os.environ.get("POLYNEWS_CONFIG", "polynews.toml"))
    file: dict[str, Any] = {}
    if path.is_file():
        try:
            file = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError) as exc:
            fail(f"cannot read config file {path}: {exc}")
    sections: dict[str, Any] = {
        "read": ReadOptions,
        "lang": LangOptions,
        "translate": TranslateOptions,
        "fetch": FetchOptions,
        "ner": NerOptions,
    }
    check_keys(path, "", file, {"db", "home", "batch_size", "workers", "executor", "ray_address", *sections})
    for name, options in sections.items():
        if name in file:
            if not isinstance(file[name], dict):
                fail(f"invalid setting in {path}: {name} must be a [{name}] section")
            check_keys(path, f"[{name}] ", file[name], {f.name for f in dataclasses.fields(options)})
    cfg = Config()
    try:
        cfg = dataclasses.replace(
            cfg,
            db=db_target(str(file["db"])) if "db" in file else cfg.db,
            home=Path(file["home"]).expanduser() if "home" in file else cfg.home,
            batch_size=int(file.get("batch_size", cfg.batch_size)),
            workers=int(file.get("workers", cfg.workers)),
            executor=file.get("executor", cfg.executor),
            ray_address=file.get("ray_address", cfg.ray_address),
            read=dataclasses.replace(ReadOptions(), **file.get("read", {})),
            lang=dataclasses.replace(LangOptions(), **file.get("lang", {})),
            translate=dataclasses.replace(TranslateOptions(), **file.get("translate", {})),
            fetch=dataclasses.replace(FetchOptions(), **file.get("fetch", {})),
            ner=dataclasses.replace(NerOptions(), **file.get("ner", {})),
        )
    except (TypeError, ValueError) as exc:
        fail(f"invalid setting in {path}: {exc}")
    if "POLYNEWS_DB" in os.environ:
        cfg = dataclasses.replace(cfg, db=default_db())
    if db is not None:
        cfg = dataclasses.replace(cfg, db=db_target(db))
    translate = {k: v for k, v in flags.pop("translate", {}).items() if v is not None}
    if translate:
        cfg = dataclasses.replace(cfg, translate=dataclasses.replace(cfg.translate, **translate))
    if flags.get("max_bytes") is not None:
        cfg = dataclasses.replace(cfg, read=dataclasses.replace(cfg.read, max_bytes=flags["max_bytes"]))
    if flags.get("batch_size") is not None:
        cfg = dataclasses.replace(cfg, batch_size=flags["batch_size"])
    if flags.get("workers") is not None:
        cfg = dataclasses.replace(cfg, workers=flags["workers"])
    if flags.get("executor") is not None:
        cfg = dataclasses.replace(cfg, executor=flags["executor"])
    if flags.get("ray_address") is not None:
        cfg = dataclasses.replace(cfg, ray_address=flags["ray_address"])
    if cfg.executor not in ("local", "ray"):
        fail(f"--executor must be local or ray, not {cfg.executor!r}")
    if cfg.workers == 0:  # one per core (Config's 0, no worker at all, is for library callers and tests)
        cfg = dataclasses.replace(cfg, workers=os.cpu_count() or 1)
    if flags.get("force"):
        cfg = dataclasses.replace(cfg, force=True)
    return cfg


def check_keys(path: Path, section: str, table: dict[str, Any], known: set[str]) -> None:
    """A misspelled setting is an error, not a default silently kept."""
    for key in table:
        if key not in known:
            fail(f"unknown setting {section}{key!r} in {path}; known: {', '.join(sorted(known))}")


def open_db(cfg: Config, must_exist: bool = False) -> Any:
    """The database for a run (created or migrated), or with ``must_exist`` for a query: read-only, never
    created, migrated or written. Either way a file that is not polynews's is refused, untouched (exit 2)."""
    from store.db import connect

    try:
        return connect(cfg.db, readonly=must_exist)
    except PolynewsError as exc:
        fail(str(exc))


class Terminated(KeyboardInterrupt):
    """SIGTERM (cron, systemd, kill), stopped as Ctrl-C is: the pipeline writes what is processed."""


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread can set handlers
        yield
        return

    def handler(signum: int, _frame: Any) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second one must not cut the clean-up short
        raise Terminated

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


class JsonFormatter(logging.Formatter):
    """One JSON object a line: ``timestamp`` (UTC, ISO 8601), ``level``, ``event`` (failed, skipped, note,
    summary, error, interrupted; ``log`` for a library's or a module's log record), ``message``, and the
    event's fields."""

    def format(self, record: logging.LogRecord) -> str:
        import datetime as dt

        data: dict[str, Any] = {
            "timestamp": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "event": getattr(record, "event", "log"),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "fields", {}),
        }
        if record.exc_info:
            data["traceback"] = self.formatException(record.exc_info)
        return json.dumps(data, ensure_ascii=False, default=str)


def json_logging() -> bool:
    """Whether this command logs JSON (`logging_to` is active with --log-format json)."""
    return any(isinstance(h.formatter, JsonFormatter) for h in logging.getLogger().handlers)


@contextlib.contextmanager
def logging_to(verbose: int, log_format: str) -> Any:
    """Log records on stderr, as text (with a timestamp) or JSON, for the command's duration; with JSON, Python
    warnings are log records too, so that every stderr line parses."""
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
        logging.captureWarnings(True)
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    saved = (root.handlers[:], root.level, report_log.level)
    logging.basicConfig(level=level, handlers=[handler], force=True)
    report_log.setLevel(logging.INFO)
    try:
        yield
    finally:
        logging.captureWarnings(False)
        root.handlers[:] = saved[0]
        root.setLevel(saved[1])
        report_log.setLevel(saved[2])


class Report:
    """Every line an ingest run writes. Text (the default): each problem and the summary on stdout, errors on
    stderr. JSON (--log-format json, for cron and log shippers): one object a line on stderr, nothing on
    stdout. --quiet: nothing at all when nothing new happened and nothing failed."""

    def __init__(self, as_json: bool) -> None:
        self.as_json = as_json

    def __call__(self, level: int, event: str, message: str, **fields: Any) -> None:
        if self.as_json:
            report_log.log(level, message, extra={"event": event, "fields": fields})
        elif level >= logging.ERROR:
            err.print(message, markup=False)
        else:
            out.print(message, markup=False)


def parse_urls_file(path: Path) -> tuple[list[str], list[tuple[str, str]]]:
    """The URLs of a --urls file (blank lines and # comments left out), and (source, reason) for each line that
    is not an http(s) URL: skipped with its line number, the run goes on."""
    from urllib.parse import urlsplit

    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        fail(f"cannot read --urls file {path}: {exc.strerror}")
    except UnicodeDecodeError as exc:
        fail(f"cannot read --urls file {path}: not UTF-8 text ({exc.reason} at byte {exc.start})")
    urls, rejected = [], []
    for n, line in enumerate(lines, 1):
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        parts = urlsplit(text)
        if parts.scheme in ("http", "https") and parts.netloc and " " not in text:
            urls.append(text)
        else:
            rejected.append((f"{path} line {n}", f"not an http(s) URL: {text!r}"))
    return urls, rejected


# -- ingest ---------------------------------------------------------------------------------------------------
@app.command()
def ingest(
    paths: Annotated[
        list[str] | None,
        typer.Argument(help="Files, folders (read recursively) or http(s) URLs.", show_default=False),
    ] = None,
    db: DbOption = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS or Atom feed to poll (repeatable).")
    ] = None,
    urls: Annotated[
        Path | None, typer.Option("--urls", help="A file of URLs to fetch, one a line (# comments).")
    ] = None,
    wait: Annotated[
        float, typer.Option(help="If another run holds the database, wait up to this many seconds.", min=0)
    ] = 0.0,
    force: Annotated[bool, typer.Option("--force", help="Re-process sources that have not changed.")] = False,
    batch_size: Annotated[
        int | None, typer.Option(help="Articles per batch through the stages.", min=1)
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            help="Worker processes for the CPU-bound stages, parsing to fingerprints, while this process "
            "reads and writes (0 = one per core; default 1). The database is the same whatever the number.",
            min=0,
        ),
    ] = None,
    executor: Annotated[
        str | None,
        typer.Option(
            help="Where the workers run: local (processes on this machine, the default) or ray (actors on "
            "a Ray cluster; pip install 'polynews\\[ray]'). The database is the same with either."
        ),
    ] = None,
    ray_address: Annotated[
        str | None,
        typer.Option(
            help="The Ray cluster for --executor ray (ray://host:10001 or host:6379); default: start one here."
        ),
    ] = None,
    max_bytes: Annotated[
        int | None, typer.Option(help="Largest file read, in bytes (default 20000000).", min=1)
    ] = None,
    device: Annotated[str | None, typer.Option(help="Translation device: cpu, cuda or auto.")] = None,
    threads: Annotated[
        int | None, typer.Option(help="Translation threads per call (CTranslate2 intra_threads).", min=1)
    ] = None,
    beam_size: Annotated[
        int | None, typer.Option(help="Translation beam size (1 = greedy, fastest).", min=1)
    ] = None,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar, and nothing at all when nothing new happened and nothing failed.",
        ),
    ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging (-v, -vv).")] = 0,
    log_format: Annotated[
        str,
        typer.Option(
            help="text (the default) or json: every line the run writes as one JSON object on stderr, with a "
            "timestamp, a level and fields (for cron and log shippers)."
        ),
    ] = "text",
) -> None:
    """Read files, folders, URLs and feeds, and store every article with every stage applied."""
    if log_format not in ("text", "json"):
        fail(f"--log-format must be text or json, not {log_format!r}")
    with logging_to(verbose, log_format):
        try:
            _ingest(
                paths or [],
                db,
                feed or [],
                urls,
                wait,
                force,
                quiet,
                Report(log_format == "json"),
                flags={
                    "--batch-size": batch_size,
                    "--workers": workers,
                    "--executor": executor,
                    "--ray-address": ray_address,
                    "--max-bytes": max_bytes,
                    "--device": device,
                    "--threads": threads,
                    "--beam-size": beam_size,
                },
            )
        except (typer.Exit, KeyboardInterrupt):
            raise
        except Exception:
            if not json_logging():
                raise
            # A bug, not bad input: with JSON logs its traceback is one JSON object too (exit 1).
            report_log.critical("internal error", exc_info=True, extra={"event": "error"})
            raise typer.Exit(EXIT_FAILED) from None


def _ingest(
    paths: list[str],
    db: str | None,
    feeds: list[str],
    urls: Path | None,
    wait: float,
    force: bool,
    quiet: bool,
    report: Report,
    flags: dict[str, Any],
) -> None:
    device = flags["--device"]
    if device is not None and device not in ("cpu", "cuda", "auto"):
        fail(f"--device must be cpu, cuda or auto, not {device!r}")
    cfg = load_config(
        db,
        force=force,
        batch_size=flags["--batch-size"],
        workers=flags["--workers"],
        executor=flags["--executor"],
        ray_address=flags["--ray-address"],
        max_bytes=flags["--max-bytes"],
        translate={"device": device, "intra_threads": flags["--threads"], "beam_size": flags["--beam-size"]},
    )
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from ingest.sources import iter_sources
    from pipeline import Pipeline
    from store.db import known_revisions
    from store.guard import check_writable
    from store.lock import LockHeld, run_lock
    from store.writer import Writer

    targets = list(paths)
    rejected: list[tuple[str, str]] = []
    if urls is not None:
        fetched, rejected = parse_urls_file(urls)
        targets += fetched
    if not targets and not feeds and not rejected:
        fail("nothing to ingest: give files, folders or URLs, --feed URL or --urls FILE")
    try:  # before anything is created: a missing path or a database that is not ours leaves no file behind
        for target in targets:
            next(iter_sources([target]), None)
        if isinstance(cfg.db, Path):  # a PostgreSQL URL names a server's database: no file to guard
            check_writable(cfg.db, known_revisions())
    except PolynewsError as exc:
        fail(str(exc))
    # The command as `polynews runs` shows it: what was read and every flag given (not the config file's).
    given = [f"{k} {v}" for k, v in flags.items() if v is not None]
    given += ["--force"] * force + ([f"--wait {wait:g}"] if wait else [])
    command = " ".join(
        ["ingest", *paths, *(f"--feed {f}" for f in feeds), *([f"--urls {urls}"] if urls else []), *given]
    )
    try:
        lock = run_lock(cfg.db, wait=wait)
        lock.acquire()
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except PolynewsError as exc:
        fail(str(exc))
    stack = contextlib.ExitStack()
    stack.callback(lock.release)
    pipeline: Pipeline | None = None
    try:
        stack.enter_context(_sigterm_as_interrupt())
        writer = Writer(open_db(cfg))
        writer.mark_interrupted_runs()
        pipeline = Pipeline(cfg, writer)
        run = functools.partial(pipeline.run, targets, command=command, feeds=feeds, rejected=rejected)
        if err.is_terminal and not quiet and not report.as_json:
            with Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err.rich,
                transient=True,
            ) as progress:
                task = progress.add_task("ingest", total=None)
                summary = run(
                    on_total=lambda n: progress.update(task, total=n),
                    on_advance=lambda n: progress.advance(task, n),
                    # Large files take their seconds in the stages: the line names them meanwhile.
                    on_note=lambda note: progress.update(task, description=f"ingest {note}".strip()),
                )
        else:
            summary = run()
    except PolynewsError as exc:
        fail(str(exc))
    except KeyboardInterrupt as exc:
        # The pipeline wrote what was processed and marked the run interrupted; the next run goes on.
        code = EXIT_TERMINATED if isinstance(exc, Terminated) else EXIT_INTERRUPTED
        if pipeline is not None and pipeline.summary is not None:
            s = pipeline.summary
            report(
                logging.INFO,
                "summary",
                s.line() + " (interrupted)",
                run_id=s.run_id,
                **s.totals(),
                seconds=round(s.seconds, 3),
                interrupted=True,
            )
        what = "stopped (SIGTERM)" if isinstance(exc, Terminated) else "interrupted"
        report(
            logging.ERROR,
            "interrupted",
            f"{what}: what was processed is stored; run the same command again to go on",
            exit_code=code,
        )
        raise typer.Exit(code) from None
    finally:
        stack.close()
    for source, status, reason in summary.problems:
        report(logging.WARNING, status, f"{status}: {source}: {reason}", source=source, reason=reason)
    if summary.missing_models:
        langs = " ".join(sorted(summary.missing_models))
        report(
            logging.INFO,
            "note",
            f"note: no translation model for {langs} -> en; those articles are stored untranslated "
            f"(status missing-model). Install: polynews models install {langs} (online), or "
            "polynews models install --file PATH.argosmodel (offline)",
            missing_models=sorted(summary.missing_models),
        )
    if not (quiet and summary.nothing_new):
        report(
            logging.INFO,
            "summary",
            summary.line(),
            run_id=summary.run_id,
            **summary.totals(),
            seconds=round(summary.seconds, 3),
        )
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


# -- queries --------------------------------------------------------------------------------------------------
@app.command()
def search(
    query: Annotated[
        str,
        typer.Argument(
            help="Words as you would type them (l'audiovisuel, forum-media, 12,000, CCTV+), or FTS5 syntax: "
            '"a phrase", AND/OR/NOT, prefix*, title:word.'
        ),
    ],
    db: DbOption = None,
    lang: Annotated[
        str | None, typer.Option(help="Only articles in this language (ar, en, fr, id...).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many results.", min=1)] = 20,
    all_copies: Annotated[
        bool,
        typer.Option(
            "--all-copies", help="List every matching near duplicate too, not one hit per original."
        ),
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Full-text search over titles, texts and English translations; one hit per article and its copies."""
    from store.queries import search as run_search

    cfg = load_config(db)
    engine = open_db(cfg, must_exist=True)
    try:
        rows = run_search(engine, query, lang=lang, limit=limit, all_copies=all_copies)
    except QueryError as exc:
        fail(str(exc))
    for row in rows:
        if as_json:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        else:
            title = row["title"] or "(untitled)"
            more = ""
            if row["duplicate_of"]:
                more += f"  (duplicate of {row['duplicate_of']})"
            if not all_copies and row["copies"] > 1:
                more += f"  (+{row['copies'] - 1} near copies: --all-copies)"
            out.print(
                f"{row['id']:>6}  {row['lang'] or 'und':<3}  {title}{more}\n        {row['snippet']}",
                markup=False,
            )
    if not rows and not as_json:
        err.print("no matches", markup=False)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (from search, stats or export).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The whole record as JSON.")] = False,
) -> None:
    """Show one article: metadata, what linked it to its story, text, translation, entities, facts, where it was
    seen."""
    from store.queries import describe_link, describe_story_event, get_article

    engine = open_db(load_config(db), must_exist=True)
    row = get_article(engine, article_id)
    if row is None:
        fail(f"no article with id {article_id}")
    if as_json:
        out.print(json.dumps(row, ensure_ascii=False, indent=2), markup=False)
        return
    lines = [
        f"id          {row['id']}",
        f"status      {row['status']}" + (f" ({row['error']})" if row["error"] else ""),
        f"title       {row['title'] or ''}",
        f"published   {row['published'] or ''}"
        + (f" ({row['published_precision']})" if row["published"] else ""),
        f"language    {row['lang'] or ''}"
        + (f" ({row['lang_confidence']})" if row["lang_confidence"] is not None else "")
        + (f" {row['lang_reason']}" if row["lang_reason"] else ""),
        f"credit      {row['credit'] or ''}",
        f"translation {row['translation']['status'] or ''} {row['translation']['model'] or ''}".rstrip(),
        *(
            [f"analysed    the first {row['analysed_chars']:,} of {len(row['text'] or ''):,} characters"]
            if row["analysed_chars"]
            else []
        ),
        f"duplicate   {row['duplicate_of'] or ''}",
        f"story       {row['story_id'] or ''}",
        *([f"link        {describe_link(row['link'])}"] if row.get("link") else []),
        *([f"story event {describe_story_event(row['story_event'])}"] if row.get("story_event") else []),
        *([f"the event   {describe_resolved(row['event'])}"] if row.get("event") else []),
        *(f"duplicates  {d['id']} [{d['lang']}] {d['title'] or ''}".rstrip() for d in row["duplicates"]),
        *(
            f"in story    {m['id']} [{m['lang']}]"
            + (f" duplicate of {m['duplicate_of']}" if m["duplicate_of"] else "")
            + (f" {m['title']}" if m["title"] else "")
            for m in row["story_members"]
        ),
        "seen at     "
        + "\n            ".join(
            f"{s['source']} [{s['status']}]" + (f" {s['error']}" if s["error"] else "")
            for s in row["sightings"]
        ),
    ]
    if row["entities"]:
        names = sorted({f"{e['canonical']} ({e['label']})" for e in row["entities"]})
        lines.append("entities    " + ", ".join(names))
    for fact in row["facts"]:
        data = {k: v for k, v in fact.items() if k not in ("kind", "evidence", "confidence")}
        lines.append(f"{fact['kind']:<11} {json.dumps(data, ensure_ascii=False)}")
        lines.append(f'            from: "{fact["evidence"][:200]}" (confidence {fact["confidence"]})')
    lines += ["", row["text"] or ""]
    if row["text_en"]:
        lines += ["", "--- English ---", row["text_en"]]
    out.print("\n".join(lines), markup=False)


@app.command("stories")
def stories_cmd(
    db: DbOption = None,
    lang: Annotated[str | None, typer.Option(help="Only stories with an article in this language.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only stories seen on or after this date (YYYY-MM-DD).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many stories.", min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Stories: reports of the same event grouped across outlets and languages, with what linked each member."""
    from store.queries import describe_link, describe_story_event, stories

    if since is not None and not is_date(since):
        fail(f"--since must be a date like 2024-12-06, 2024-12 or 2024, not {since!r}")
    rows = stories(open_db(load_config(db), must_exist=True), lang=lang, since=since, limit=limit)
    for row in rows:
        if as_json:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
            continue
        out.print(
            f"story {row['id']}: {row['member_count']} articles [{', '.join(row['languages'])}] "
            f"{(row['headline'] or '')[:90]}",
            markup=False,
        )
        if row.get("event"):
            out.print(f"    event: {describe_story_event(row['event'])}", markup=False)
        for m in row["members"]:
            role = f"duplicate of {m['duplicate_of']}" if m["duplicate_of"] else "report"
            rep = " (representative)" if m["id"] == row["representative_id"] else ""
            out.print(
                f"    {m['id']:>6}  {m['lang'] or 'und':<3}  {role}{rep}  {(m['title'] or '')[:70]}",
                markup=False,
            )
            if m.get("link"):
                out.print(f"            {describe_link(m['link'])}", markup=False)
    if not rows and not as_json:
        err.print("no stories", markup=False)


_DATE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def is_date(value: str) -> bool:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, and a real month and day (2024-13 and 2024-02-30 are not)."""
    import datetime as dt

    m = _DATE.fullmatch(value)
    if m is None:
        return False
    year, month, day = m.groups()
    try:
        dt.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


def _when(e: dict[str, Any]) -> str:
    """An event's date with how it was found, unless the text states it in full."""
    when = str(e.get("date") or "date unknown")
    if e.get("date") and e.get("basis") and e["basis"] != "explicit":
        when += f" ({e['basis']})"
    return when


def describe_resolved(e: dict[str, Any]) -> str:
    """An article's event as polynews gives it (its own reading, with its story's day and place): one line."""
    when = _when(e)
    where = ", ".join((e.get("places") or [])[:3]) or "place unknown"
    taken = f"; from its story: {', '.join(e['from_story'])}" if e.get("from_story") else ""
    return f"{e.get('type') or 'event'}, {when}, {where}{taken}"


def describe_event(e: dict[str, Any]) -> list[str]:
    """An event fact as a reader notes it: what, when, where, who, how many."""
    when = _when(e)
    lines = [
        f"{e['name']}  [{e.get('type')}]  article {e['article_id']}"
        + (f", story {e['story_id']}" if e.get("story_id") else "")
        + f"  ({e.get('lang')}, confidence {e.get('confidence')})",
        f"    when      {when}",
        f"    where     {', '.join(e.get('places') or []) or 'unknown'}",
    ]
    if len(e.get("articles") or []) > 1:
        lines.append(f"    articles  {', '.join(map(str, e['articles']))}")
    if e.get("part"):
        lines.append(f"    part      {e['part']}")
    for o in e.get("organisers", []):
        name = o["name"] + (f" ({o['acronym']})" if o.get("acronym") else "")
        lines.append(f"    {o['role']:<9} {name}" + (f" of {o['part_of']}" if o.get("part_of") else ""))
    for p in e.get("people", []):
        roles = "; ".join(r["title"] + (f", {r['org']}" if r.get("org") else "") for r in p.get("roles", []))
        lines.append(f"    person    {p['name']}: {roles}")
    for c in e.get("counts", []):
        approx = f"{c['approx']} " if c.get("approx") else ""
        lines.append(f"    count     {approx}{c['value']:,} {c['counted']}")
    lines.append(f'    source    "{e.get("evidence", "")[:160]}"')
    return lines


@app.command("events")
def events_cmd(
    db: DbOption = None,
    place: Annotated[
        str | None, typer.Option(help="Only events in this place, in any spelling or script (Pékin, بكين).")
    ] = None,
    since: Annotated[
        str | None, typer.Option(help="Only events on or after this date (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only events on or before this date (YYYY[-MM[-DD]]).")
    ] = None,
    org: Annotated[
        str | None,
        typer.Option(help="Only events with this organisation among organisers or people's roles."),
    ] = None,
    kind: Annotated[
        str | None,
        typer.Option(help="Only events of this kind (forum, conference, summit, earthquake, ...)."),
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many events.", min=1)] = 50,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Events found in the articles: what happened, when, where, who, how many, with the source sentence.

    Every article of a story counts, duplicates included; an event is listed once, with the articles it was
    read from."""
    from extract.gazetteer import canonical_place
    from store.queries import events

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not is_date(value):
            fail(f"{name} must be a date like 2024-12-06, 2024-12 or 2024, not {value!r}")
    cfg = load_config(db)
    engine = open_db(cfg, must_exist=True)
    if place:
        place = canonical_place(place, cfg.home / "cache") or place
    rows = events(engine, place=place, since=since, until=until, org=org, kind=kind, limit=limit)
    for row in rows:
        if as_json:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        else:
            out.print("\n".join(describe_event(row)), markup=False)
    if not rows and not as_json:
        err.print("no events", markup=False)


@app.command("runs")
def runs_cmd(
    db: DbOption = None,
    limit: Annotated[int, typer.Option(help="At most this many runs, newest first.", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Past ingest runs: when, how long, their counts (as in the summary line) and the command with its flags."""
    from store.counts import COUNTS
    from store.queries import runs

    for r in runs(open_db(load_config(db), must_exist=True), limit=limit):
        if as_json:
            out.print(json.dumps(r, ensure_ascii=False), markup=False)
            continue
        c = r["counts"] or {}
        counts = ", ".join(f"{k.replace('_', ' ')} {c[k]}" for k in COUNTS if c.get(k))
        if c.get("read"):
            counts += f" ({c['read']} read)"
        seconds = f"{r['seconds']:.1f} s" if r["seconds"] is not None else "-"
        out.print(
            f"{r['id']:>5}  {r['started_at']}  {r['status']:<11} {seconds:>8}  {counts or 'nothing'}  [{r['command']}]",
            markup=False,
        )


@app.command()
def doctor(
    db: DbOption = None,
    ray_address: Annotated[
        str | None,
        typer.Option(help="Also check this Ray cluster (default: ray_address in polynews.toml, if any)."),
    ] = None,
) -> None:
    """Check the set-up: database, migrations, models, lock, disk, Ray. Each problem comes with its fix (exit
    1); what is normal on a fresh install (no database yet, no translation model) is a note (exit 0)."""
    import shutil

    from store.db import connect, current_revision, describe, head_revision, known_revisions
    from store.guard import NotOurs, inspect
    from store.lock import run_lock
    from translate.models import list_models

    cfg = load_config(db)
    problems: list[str] = []

    def line(ok: bool, what: str, fix: str = "") -> None:
        out.print(
            f"{'ok  ' if ok else 'FAIL'}  {what}" + ("" if ok or not fix else f"\n      fix: {fix}"),
            markup=False,
        )
        if not ok:
            problems.append(what)

    def note(what: str, how: str) -> None:
        """Normal on a fresh install (no database yet, no translation model): said, never a failure."""
        out.print(f"note  {what}\n      {how}", markup=False)

    foreign = False
    if isinstance(cfg.db, str):  # a PostgreSQL URL: the server says whether it opens
        shown = describe(cfg.db)
        opened = False
        try:
            rev, head = current_revision(connect(cfg.db, migrate=False)), head_revision()
            line(True, f"database {shown} opens")
            if rev is None:
                note(
                    f"no polynews schema in {shown} yet",
                    f"the first run creates it: polynews ingest PATH --db {shown}",
                )
            else:
                line(
                    rev == head, f"schema at revision {rev} (newest {head})", f"polynews migrate --db {shown}"
                )
            opened = True
        except PolynewsError as exc:
            line(
                False,
                f"database {shown}: {exc}",
                "check the URL, that the server is up and that the user may connect",
            )
        holders = [run_lock(cfg.db).holder()] if opened else []
    else:
        try:
            found = inspect(cfg.db, known_revisions())
            head = head_revision()
            if found.state == "polynews":
                line(True, f"database {cfg.db} opens")
                line(
                    found.revision == head,
                    f"schema at revision {found.revision} (newest {head})",
                    f"polynews migrate --db {cfg.db}",
                )
            else:
                note(
                    f"no database at {cfg.db} yet",
                    f"the first run creates it: polynews ingest PATH --db {cfg.db}",
                )
        except NotOurs as exc:
            foreign = True
            line(False, str(exc))  # the message says what to do
        except PolynewsError as exc:
            line(False, f"database {cfg.db}: {exc}", "check the path and its permissions")
        holders = [run_lock(cfg.db).holder()]
    for holder in holders:
        line(
            holder is None,
            "no run in progress" if holder is None else f"a run holds the database: {holder}",
            "wait for it, or use polynews ingest --wait SECONDS",
        )
    try:
        models = list_models(cfg.home, cfg.ner.english_model)
    except PolynewsError as exc:
        models = []
        line(False, str(exc), "set POLYNEWS_HOME")
    for m in models:
        if m["kind"] == "spacy":
            line(m["version"] != "missing", f"spaCy model {m['name']} {m['version']}", m["location"])
    pairs = sorted(m["name"] for m in models if m["kind"] == "translation")
    missing = [f"{lang}-en" for lang in ("ar", "fr", "id") if f"{lang}-en" not in pairs]
    if missing:
        note(
            f"translation models: {', '.join(pairs) or 'none'}; articles in "
            f"{' '.join(p[:2] for p in missing)} are stored untranslated (status missing-model)",
            f"to translate them: polynews models install {' '.join(p[:2] for p in missing)} (online) or "
            "polynews models install --file PATH.argosmodel",
        )
    else:
        line(True, f"translation models: {', '.join(pairs)}")
    address = ray_address or cfg.ray_address
    if address or cfg.executor == "ray":
        ok, what = _check_ray(address)
        line(
            ok,
            what,
            "pip install 'polynews[ray]'"
            if "not installed" in what
            else "check the address; start the cluster with ray start --head on its head node",
        )
    if isinstance(cfg.db, Path):  # a server's disk is its administrator's
        folder = cfg.db.resolve().parent if cfg.db.parent.exists() else Path.cwd()
        free = shutil.disk_usage(folder).free
        line(free > 1_000_000_000, f"{free / 1e9:.1f} GB free beside the database", "free disk space")
    raise typer.Exit(EXIT_USAGE if foreign else EXIT_FAILED if problems else EXIT_OK)


def _check_ray(address: str | None) -> tuple[bool, str]:
    """Ray is installed and, given an address, the cluster answers: its nodes and CPUs."""
    try:
        import ray
    except ImportError:
        return False, "Ray is not installed (needed by --executor ray)"
    if not address:
        return True, f"Ray {ray.__version__} installed; --executor ray starts a local Ray"
    from pipeline import ray_unreachable

    if why := ray_unreachable(address):
        return False, f"Ray cluster {address}: {why}"
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    try:
        ray.init(address=address, log_to_driver=False, logging_level=logging.ERROR)
        try:
            resources: dict[str, float] = ray.cluster_resources()  # type: ignore[no-untyped-call]
            alive: list[dict[str, Any]] = ray.nodes()  # type: ignore[no-untyped-call]
            cpus, nodes = int(resources.get("CPU", 0)), len([n for n in alive if n.get("Alive")])
        finally:
            ray.shutdown()
    except (ConnectionError, RuntimeError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        return False, f"Ray cluster {address} does not answer: {first}"
    return True, f"Ray cluster {address}: {nodes} node(s), {cpus} CPUs"


@app.command()
def migrate(db: DbOption = None) -> None:
    """Bring the database's schema up to this version of polynews (ingest does it too); query commands need it."""
    from store.db import connect, current_revision, describe, known_revisions
    from store.guard import check_writable
    from store.lock import LockHeld, run_lock

    cfg = load_config(db)
    if isinstance(cfg.db, Path) and not cfg.db.exists():
        fail(f"no database at {cfg.db}; run: polynews ingest PATH --db {cfg.db}")
    try:
        if isinstance(cfg.db, Path):
            before = check_writable(cfg.db, known_revisions()).revision
        else:  # a PostgreSQL URL: its schema, read without migrating
            before = current_revision(connect(cfg.db, migrate=False))
            if before is None:
                shown = describe(cfg.db)
                fail(f"no polynews database at {shown}; run: polynews ingest PATH --db {shown}")
        lock = run_lock(cfg.db)
        lock.acquire()
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except PolynewsError as exc:
        fail(str(exc))
    try:
        after = current_revision(open_db(cfg))
    finally:
        lock.release()
    out.print(
        f"schema {after}" + (" (already the newest)" if before == after else f" (was {before})"), markup=False
    )


@app.command()
def stats(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object with every count.")] = False,
) -> None:
    """Counts: articles, near duplicates, exact copies, versions, skipped and failed files; by language and
    translation status."""
    import sqlite3

    from store.stats import open_read_only
    from store.stats import stats as get_stats

    cfg = load_config(db)
    try:
        # On the standard library's sqlite3, read-only: 0.1 s instead of 1 s of SQLAlchemy and Alembic.
        if not isinstance(cfg.db, Path):
            raise sqlite3.DatabaseError("a PostgreSQL URL: the full open")
        with contextlib.closing(open_read_only(cfg.db)) as conn:
            data = get_stats(conn)
    except sqlite3.Error:
        # Not there, not a polynews database, an older schema, a URL: the full open reads it or says why.
        from store.queries import stats as stats_of

        data = stats_of(open_db(cfg, must_exist=True))
    if as_json:
        out.print(json.dumps(data, ensure_ascii=False), markup=False)
        return
    for key, value in data.items():
        if key == "totals":  # in the order and words of a run's summary line
            value = ", ".join(f"{k.replace('_', ' ')} {v}" for k, v in value.items())
        elif isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in sorted(value.items())) or "-"
        out.print(f"{key:<15} {value}", markup=False)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (the full record) or csv (flat columns).")
    ] = "jsonl",
    out_path: Annotated[
        Path | None, typer.Option("--out", help="Write here instead of standard output.")
    ] = None,
    db: DbOption = None,
) -> None:
    """Export every article, failed and skipped files included (schema in the README)."""
    from store.queries import EXPORT_KEYS, iter_export

    if fmt not in ("jsonl", "csv"):
        fail(f"--format must be jsonl or csv, not {fmt!r}")
    engine = open_db(load_config(db), must_exist=True)
    with contextlib.ExitStack() as stack:
        stream = (
            stack.enter_context(open(out_path, "w", encoding="utf-8", newline="")) if out_path else sys.stdout
        )
        if fmt == "jsonl":
            for row in iter_export(engine):
                stream.write(json.dumps(row, ensure_ascii=False) + "\n")
            return
        writer = csv.DictWriter(stream, fieldnames=list(EXPORT_KEYS))
        writer.writeheader()
        for row in iter_export(engine):
            writer.writerow(
                {
                    k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v
                    for k, v in row.items()
                }
            )


# -- models ---------------------------------------------------------------------------------------------------
@models_app.command("list")
def models_list(
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON list of the models.")] = False,
) -> None:
    """Installed translation models (Argos packages) and spaCy pipelines, with versions and sizes.

    Models live in $POLYNEWS_HOME, not in the database: --db is accepted, as by every command, and changes
    nothing here."""
    from translate.models import list_models

    cfg = load_config(db)
    try:
        rows = list_models(cfg.home, cfg.ner.english_model)
    except PolynewsError as exc:
        fail(str(exc))
    if as_json:
        out.print(json.dumps(rows, ensure_ascii=False), markup=False)
        return
    for r in rows:
        size = f"{r['size_bytes'] / 1e6:.1f} MB" if r["size_bytes"] is not None else "-"
        out.print(
            f"{r['kind']:<12} {r['name']:<28} {r['version']:<10} {size:>10}  {r['location']}", markup=False
        )
    if not any(r["kind"] == "translation" for r in rows):
        out.print(
            "no translation models installed: non-English articles are stored untranslated. "
            "Install: polynews models install ar fr id (online) or polynews models install --file PATH.argosmodel",
            markup=False,
        )


@models_app.command("install")
def models_install(
    langs: Annotated[
        list[str] | None,
        typer.Argument(help="Source languages to install xx -> en for (online).", show_default=False),
    ] = None,
    file: Annotated[
        Path | None, typer.Option("--file", help="Install a local .argosmodel file (offline).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Install translation models: from the Argos package index (online) or a local .argosmodel file."""
    from translate.install import install_file, install_online

    if bool(langs) == bool(file):
        fail("give either languages (polynews models install ar fr id) or --file PATH.argosmodel")
    cfg = load_config(db)
    try:
        installed = [install_file(file, cfg.home)] if file else install_online(list(langs or []), cfg.home)
    except PolynewsError as exc:
        fail(str(exc))
    for p in installed:
        out.print(f"installed {p.model_id} at {p.path}", markup=False)


@models_app.command("remove")
def models_remove(
    pair: Annotated[str, typer.Argument(help="The pair (fr-en) or source language (fr).")],
    db: DbOption = None,
) -> None:
    """Remove an installed translation model."""
    from translate.install import remove

    try:
        removed = remove(pair, load_config(db).home)
    except PolynewsError as exc:
        fail(str(exc))
    out.print(f"removed {removed.model_id} from {removed.path}", markup=False)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        out.print(f"polynews {VERSION}", markup=False)
        raise typer.Exit(EXIT_OK)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
