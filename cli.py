"""The `polynews` command (Typer): wiring only. Builds one Config from defaults <- polynews.toml <- environment
<- flags, runs the pipeline or a query, prints, and maps errors to exit codes.

Exit codes: 0 all good; 1 some articles failed (the rest are stored); 2 usage or configuration error;
75 another run holds the database (nothing was done).
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import json
import logging
import os
import re
import sys
import tomllib
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from extract.ner import NerOptions
from ingest.errors import PolynewsError, QueryError
from ingest.fetch import FetchOptions
from ingest.readers import ReadOptions
from ingest.version import VERSION
from normalize.langid import LangOptions
from pipeline import Config, Pipeline, db_target, default_db
from translate.backend import TranslateOptions

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# EX_TEMPFAIL from sysexits.h: cron wrappers and systemd read it as "try again later", not as a failure.
EXIT_LOCKED = 75
# 128 + SIGINT, as shells report a Ctrl-C.
EXIT_INTERRUPTED = 130

app = typer.Typer(
    help="polynews: ingest multilingual news into one SQLite (or PostgreSQL) database, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
models_app = typer.Typer(help="Translation and spaCy models: list, install, remove.", no_args_is_help=True)
app.add_typer(models_app, name="models")

out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)

DbOption = Annotated[
    str | None,
    typer.Option(
        "--db",
        help="SQLite database file, or a PostgreSQL URL postgresql+psycopg://user@host:5432/name "
        "(default: $POLYNEWS_DB or ./polynews.db)",
    ),
]


def fail(message: str, code: int = EXIT_USAGE) -> NoReturn:
    err.print(f"Error: {message}", markup=False)
    raise typer.Exit(code)


# -- configuration --------------------------------------------------------------------------------------------
def load_config(db: str | None, **flags: Any) -> Config:
    """defaults <- polynews.toml (or $POLYNEWS_CONFIG) <- environment <- flags."""
    path = Path(os.environ.get("POLYNEWS_CONFIG", "polynews.toml"))
    file: dict[str, Any] = {}
    if path.is_file():
        try:
            file = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, OSError) as exc:
            fail(f"cannot read config file {path}: {exc}")
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


def open_db(cfg: Config, must_exist: bool = False) -> Any:
    from store.db import connect, current_revision, describe

    try:
        if must_exist and isinstance(cfg.db, str):
            if current_revision(connect(cfg.db, migrate=False)) is None:
                fail(f"no polynews database at {describe(cfg.db)}; run: polynews ingest PATH --db URL")
        elif must_exist and isinstance(cfg.db, Path) and not cfg.db.exists():
            fail(f"no database at {cfg.db}; run: polynews ingest PATH --db {cfg.db}")
        return connect(cfg.db)
    except PolynewsError as exc:
        fail(str(exc))


def setup_logging(verbose: int, log_format: str) -> None:
    level = logging.WARNING - 10 * min(verbose, 2)
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":

        class _Json(logging.Formatter):
            def format(self, record: logging.LogRecord) -> str:
                return json.dumps(
                    {
                        "time": self.formatTime(record),
                        "level": record.levelname,
                        "logger": record.name,
                        "message": record.getMessage(),
                    },
                    ensure_ascii=False,
                )

        handler.setFormatter(_Json())
    else:
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    logging.basicConfig(level=level, handlers=[handler], force=True)


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
        bool, typer.Option("--quiet", "-q", help="Print only the summary line and problems.")
    ] = False,
    verbose: Annotated[int, typer.Option("--verbose", "-v", count=True, help="More logging (-v, -vv).")] = 0,
    log_format: Annotated[str, typer.Option(help="Log format on stderr: text or json (for cron).")] = "text",
) -> None:
    """Read files, folders, URLs and feeds, and store every article with every stage applied."""
    setup_logging(verbose, log_format)
    if device is not None and device not in ("cpu", "cuda", "auto"):
        fail(f"--device must be cpu, cuda or auto, not {device!r}")
    cfg = load_config(
        db,
        force=force,
        batch_size=batch_size,
        workers=workers,
        executor=executor,
        ray_address=ray_address,
        max_bytes=max_bytes,
        translate={"device": device, "intra_threads": threads, "beam_size": beam_size},
    )
    from store.lock import LockHeld, run_lock
    from store.writer import Writer

    targets = list(paths or [])
    if urls is not None:
        try:
            lines = urls.read_text(encoding="utf-8").splitlines()
        except OSError as exc:
            fail(f"cannot read --urls file {urls}: {exc.strerror}")
        targets += [u.strip() for u in lines if u.strip() and not u.lstrip().startswith("#")]
    if not targets and not feed:
        fail("nothing to ingest: give files, folders or URLs, --feed URL or --urls FILE")
    try:
        lock = run_lock(cfg.db, wait=wait)
        lock.acquire()
    except LockHeld as exc:
        fail(str(exc), EXIT_LOCKED)
    except PolynewsError as exc:
        fail(str(exc))
    engine = open_db(cfg)
    try:
        writer = Writer(engine)
        writer.mark_interrupted_runs()
        pipeline = Pipeline(cfg, writer)
        command = "ingest " + " ".join([*targets, *(f"--feed {f}" for f in feed or [])])
        show_progress = err.is_terminal and not quiet
        if show_progress:
            with Progress(
                TextColumn("ingest"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=err,
                transient=True,
            ) as progress:
                task = progress.add_task("ingest", total=None)
                summary = pipeline.run(
                    targets,
                    command=command,
                    on_total=lambda n: progress.update(task, total=n),
                    on_advance=lambda n: progress.advance(task, n),
                    feeds=feed or [],
                )
        else:
            summary = pipeline.run(targets, command=command, feeds=feed or [])
    except PolynewsError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        # The pipeline wrote what was processed and marked the run interrupted; the next run goes on.
        err.print(
            "interrupted: what was processed is stored; run the same command again to go on", markup=False
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    finally:
        lock.release()
    for source, status, reason in summary.problems:
        out.print(f"{status}: {source}: {reason}", markup=False)
    if summary.missing_models:
        langs = " ".join(sorted(summary.missing_models))
        out.print(
            f"note: no translation model for {langs} -> en; those articles are stored untranslated "
            f"(status missing-model). Install: polynews models install {langs} (online), or "
            "polynews models install --file PATH.argosmodel (offline)",
            markup=False,
        )
    out.print(summary.line(), markup=False)
    raise typer.Exit(EXIT_FAILED if summary.failed else EXIT_OK)


# -- queries --------------------------------------------------------------------------------------------------
@app.command()
def search(
    query: Annotated[str, typer.Argument(help='FTS5 query: words, "a phrase", AND/OR/NOT, prefix*.')],
    db: DbOption = None,
    lang: Annotated[
        str | None, typer.Option(help="Only articles in this language (ar, en, fr, id...).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many results.", min=1)] = 20,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Full-text search over titles, texts and English translations."""
    from store.queries import search as run_search

    cfg = load_config(db)
    engine = open_db(cfg, must_exist=True)
    try:
        rows = run_search(engine, query, lang=lang, limit=limit)
    except QueryError as exc:
        fail(str(exc))
    for row in rows:
        if as_json:
            out.print(json.dumps(row, ensure_ascii=False), markup=False)
        else:
            title = row["title"] or "(untitled)"
            out.print(
                f"{row['id']:>6}  {row['lang'] or 'und':<3}  {title}\n        {row['snippet']}", markup=False
            )
    if not rows and not as_json:
        err.print("no matches", markup=False)


@app.command()
def show(
    article_id: Annotated[int, typer.Argument(help="Article id (from search, stats or export).")],
    db: DbOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="The whole record as JSON.")] = False,
) -> None:
    """Show one article: metadata, text, translation, entities, facts, where it was seen."""
    from store.queries import get_article

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
        f"duplicate   {row['duplicate_of'] or ''}",
        f"story       {row['story_id'] or ''}",
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
    """Stories: reports of the same event grouped across outlets and languages."""
    from store.queries import stories

    if since is not None and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
        fail(f"--since must be a date like 2024-12-06, not {since!r}")
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
        for m in row["members"]:
            role = f"duplicate of {m['duplicate_of']}" if m["duplicate_of"] else "report"
            rep = " (representative)" if m["id"] == row["representative_id"] else ""
            out.print(
                f"    {m['id']:>6}  {m['lang'] or 'und':<3}  {role}{rep}  {(m['title'] or '')[:70]}",
                markup=False,
            )
    if not rows and not as_json:
        err.print("no stories", markup=False)


_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


def describe_event(e: dict[str, Any]) -> list[str]:
    """An event fact as a reader notes it: what, when, where, who, how many."""
    when = e.get("date") or "date unknown"
    if e.get("date") and e.get("basis") and e["basis"] != "explicit":
        when += f" ({e['basis']})"
    lines = [
        f"{e['name']}  [{e.get('type')}]  article {e['article_id']}"
        + (f", story {e['story_id']}" if e.get("story_id") else "")
        + f"  ({e.get('lang')}, confidence {e.get('confidence')})",
        f"    when      {when}",
        f"    where     {', '.join(e.get('places') or []) or 'unknown'}",
    ]
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
    """Events found in the articles: what happened, when, where, who, how many, with the source sentence."""
    from extract.gazetteer import canonical_place
    from store.queries import events

    for name, value in (("--since", since), ("--until", until)):
        if value is not None and not _DATE.fullmatch(value):
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
    """Past ingest runs: when, how long, what they stored and what failed."""
    from store.queries import runs

    for r in runs(open_db(load_config(db), must_exist=True), limit=limit):
        if as_json:
            out.print(json.dumps(r, ensure_ascii=False), markup=False)
            continue
        c = r["counts"] or {}
        counts = ", ".join(
            f"{k} {c[k]}"
            for k in ("stored", "duplicate", "sighting", "updated", "unchanged", "skipped", "failed")
            if c.get(k)
        )
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
    """Check the set-up: database, migrations, models, lock, disk, Ray. Each problem comes with its fix."""
    import shutil

    from store.db import connect, current_revision, describe, head_revision
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

    shown = describe(cfg.db)
    opened = False
    if isinstance(cfg.db, str) or cfg.db.exists():
        try:
            engine = connect(cfg.db, migrate=False)
            rev, head = current_revision(engine), head_revision()
            line(True, f"database {shown} opens")
            line(
                rev == head,
                f"schema at revision {rev} (newest {head})",
                f"polynews ingest --db {shown} (migrates it)",
            )
            opened = True
        except PolynewsError as exc:
            fix = (
                "check the URL, that the server is up and that the user may connect"
                if isinstance(cfg.db, str)
                else "check the path and its permissions"
            )
            line(False, f"database {shown}: {exc}", fix)
    else:
        line(False, f"no database at {cfg.db}", f"polynews ingest samples/ --db {cfg.db}")
    if opened or not isinstance(cfg.db, str):
        holder = run_lock(cfg.db).holder()
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
    line(
        not missing,
        f"translation models: {', '.join(pairs) or 'none'}",
        f"polynews models install {' '.join(p[:2] for p in missing)} (online) or polynews models install --file PATH.argosmodel",
    )
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
    if not isinstance(cfg.db, str):  # a server's disk is its administrator's
        folder = cfg.db.resolve().parent if cfg.db.parent.exists() else Path.cwd()
        free = shutil.disk_usage(folder).free
        line(free > 1_000_000_000, f"{free / 1e9:.1f} GB free beside the database", "free disk space")
    raise typer.Exit(EXIT_FAILED if problems else EXIT_OK)


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
def stats(db: DbOption = None, as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Counts by status, language and translation status."""
    from store.queries import stats as get_stats

    data = get_stats(open_db(load_config(db), must_exist=True))
    if as_json:
        out.print(json.dumps(data, ensure_ascii=False), markup=False)
        return
    for key, value in data.items():
        if isinstance(value, dict):
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
def models_list(as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Installed translation models (Argos packages) and spaCy pipelines, with versions and sizes."""
    from translate.models import list_models

    cfg = load_config(None)
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
) -> None:
    """Install translation models: from the Argos package index (online) or a local .argosmodel file."""
    from translate.install import install_file, install_online

    if bool(langs) == bool(file):
        fail("give either languages (polynews models install ar fr id) or --file PATH.argosmodel")
    cfg = load_config(None)
    try:
        installed = [install_file(file, cfg.home)] if file else install_online(list(langs or []), cfg.home)
    except PolynewsError as exc:
        fail(str(exc))
    for p in installed:
        out.print(f"installed {p.model_id} at {p.path}", markup=False)


@models_app.command("remove")
def models_remove(
    pair: Annotated[str, typer.Argument(help="The pair (fr-en) or source language (fr).")],
) -> None:
    """Remove an installed translation model."""
    from translate.install import remove

    try:
        removed = remove(pair, load_config(None).home)
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
