"""Opening the database, migrated to the newest schema by Alembic or read-only for the query commands: a SQLite
file in WAL mode (the default), or a PostgreSQL database given as a SQLAlchemy URL
(``postgresql+psycopg://user@host:5432/name``). Which SQLite file may be opened at all is store/guard.py's
decision, made before anything is written; a URL names a server's database, which has no file to guard."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, create_engine, event, make_url, text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import QueuePool

from ingest.errors import StoreError
from store import guard
from store.revisions import MIGRATIONS, head_revision, known_revisions

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from alembic.config import Config as AlembicConfig

__all__ = [
    "MIGRATIONS",
    "connect",
    "current_revision",
    "describe",
    "head_revision",
    "is_url",
    "known_revisions",
]


def include_object(obj: Any, name: str | None, type_: str, reflected: bool, compare_to: Any) -> bool:
    """For autogenerate: full-text search is made by hand in migrations, not models (SQLite's FTS5 index and
    its shadow tables; PostgreSQL's tsvector column and its index), and so is the PostgreSQL translation
    cache's insertion order (store/dialects/postgresql.py)."""
    if type_ == "table" and (name or "").startswith("articles_fts"):
        return False
    if type_ == "column" and name in ("fts", "seq") and getattr(obj, "table", None) is not None:
        return obj.table.name not in ("articles", "translation_cache")
    return not (type_ == "index" and name == "ix_articles_fts")


def _alembic_config() -> AlembicConfig:
    # Alembic is imported only to migrate (0.3 s): opening a database already at the newest revision, which is
    # every open but the first after an upgrade, reads its revision with one SELECT (current_revision).
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (Alembic's alembic_version table), None for a new database."""
    with engine.connect() as conn:
        if not engine.dialect.has_table(conn, "alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


# SQLite's page cache per connection, in MB (the default is 2 MB; pages are only taken as they are read).
# The matching indexes are B-trees under random 64-bit keys, so a bigger cache makes each insert miss less
# (bench/dedup_bench.py matches 100k articles with 512 MB, about 300 MB of indexes), but the process grows by
# what the cache holds: 128 MB keeps an ingest's writer about flat while the database grows.
CACHE_MB = 128


def _pragmas(cache_mb: int) -> Any:
    def set_pragmas(dbapi_conn: Any, _record: Any) -> None:
        _set_pragmas(dbapi_conn, cache_mb)

    return set_pragmas


def _set_pragmas(dbapi_conn: Any, cache_mb: int) -> None:
    cur = dbapi_conn.cursor()
    # WAL: readers (a `polynews search` while cron ingests) never block the writer, and a killed writer
    # leaves the last committed state intact.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    # Checkpoints every 256 MB of WAL instead of 4 MB: a batch's commit dirties pages all over the matching
    # indexes (random 64-bit keys), and a checkpoint copies each dirtied page back once however many commits
    # dirtied it since the last one. bench/dedup_bench.py at 100,000 articles, same machine and hour: 4 MB
    # doubled a commit's cost; 64 MB matched in 60.4 and 60.8 s, 256 MB in 50.8 and 53.1 s. The run's end
    # empties the log (checkpoint() below), so the file alone holds the database between runs.
    cur.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
    cur.execute("PRAGMA wal_autocheckpoint=65536")
    cur.close()


def is_url(target: str | os.PathLike[str]) -> bool:
    """A database URL (``postgresql+psycopg://...``), not a file path."""
    return isinstance(target, str) and "://" in target


def describe(target: str | os.PathLike[str]) -> str:
    """The database for messages: a path, or a URL without its password."""
    if is_url(target):
        try:
            return make_url(str(target)).render_as_string(hide_password=True)
        except ArgumentError:
            return str(target)
    return str(target)


def _connect_url(url: str, migrate: bool, readonly: bool) -> Engine:
    shown = describe(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "postgresql":
            raise StoreError(
                f"unsupported database URL {shown}: give a SQLite file path or postgresql+psycopg://user@host/name"
            )
        if parsed.drivername == "postgresql":  # psycopg 3 is the driver installed with polynews[postgresql]
            parsed = parsed.set(drivername="postgresql+psycopg")
        # Query commands: every transaction read-only on the server, as a SQLite file is opened read-only.
        connect_args = {"options": "-c default_transaction_read_only=on"} if readonly else {}
        engine = create_engine(parsed, pool_pre_ping=True, connect_args=connect_args)
    except ArgumentError as exc:
        raise StoreError(f"invalid database URL {shown}: {exc}") from None
    except (NoSuchModuleError, ModuleNotFoundError):
        raise StoreError(
            f"no PostgreSQL driver for {shown}; install it: pip install 'polynews[postgresql]'"
        ) from None
    try:
        if readonly:
            found = current_revision(engine)
            if found is None:
                raise StoreError(f"no polynews data at {shown}; run: polynews ingest PATH --db {shown}")
            head = head_revision()
            if found != head:
                raise guard.SchemaMismatch(
                    f"the database {shown} has schema {found}, not this polynews's ({head}); "
                    f"run: polynews migrate --db {shown}"
                )
        elif migrate and current_revision(engine) != head_revision():
            from alembic import command

            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
        elif not migrate:
            with engine.connect():
                pass
    except OperationalError as exc:
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
        raise StoreError(f"cannot open the database {shown}: {reason}") from None
    return engine


def connect(
    target: str | os.PathLike[str], migrate: bool = True, cache_mb: int = CACHE_MB, readonly: bool = False
) -> Engine:
    """An engine on the SQLite file at ``target`` or the PostgreSQL database its URL names; creates and
    migrates it unless ``migrate`` is False. ``cache_mb`` bounds SQLite's page cache per connection (see
    CACHE_MB).

    ``readonly``: for queries. Nothing is created, migrated or written, and a database on a read-only mount or
    in a folder this user cannot write is read all the same; a missing database or an older schema is a
    `StoreError` that names the command to run. Either way a file that is not a polynews database is refused
    (`guard.NotOurs`) and left as it was. A URL skips the file's guard, mark and read-only URI: its
    transactions are read-only on the server instead."""
    if is_url(target):
        return _connect_url(str(target), migrate, readonly)
    path = Path(target)
    if readonly:
        return _connect_readonly(path, cache_mb)
    found = guard.check_writable(path, known_revisions())
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas(cache_mb))
    try:
        if not found.marked and (migrate or found.state == "polynews"):
            # Before the schema: a run killed while migrating leaves a file the next run recognises and finishes.
            with engine.begin() as conn:
                conn.exec_driver_sql(f"PRAGMA application_id={guard.APPLICATION_ID}")
        if migrate and current_revision(engine) != head_revision():
            from alembic import command

            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {path}: {exc.orig}") from None
    return engine


def _connect_readonly(path: Path, cache_mb: int) -> Engine:
    found = guard.inspect(path, known_revisions())
    if found.state != "polynews" or found.revision is None:
        what = "no database" if found.state == "missing" else "no polynews data"
        raise StoreError(f"{what} at {path}; run: polynews ingest PATH --db {path}")
    head = head_revision()
    if found.revision != head:
        raise guard.SchemaMismatch(
            f"the database {path} has schema {found.revision}, older than this polynews ({head}); "
            f"run: polynews migrate --db {path}"
        )

    def creator() -> Any:
        conn = guard.connect_readonly(path)
        conn.execute("PRAGMA query_only=ON")
        conn.execute("PRAGMA busy_timeout=10000")
        conn.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
        return conn

    return create_engine("sqlite://", creator=creator, poolclass=QueuePool)


def checkpoint(engine: Engine) -> None:
    """Copy the write-ahead log into the database file and empty it: after a run the file alone holds
    everything (a copy, a backup or rsync of it is complete). Waits for readers up to the busy timeout."""
    if engine.dialect.name != "sqlite":
        return
    with engine.connect() as conn:
        busy, _, _ = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    if busy:
        log.warning("the write-ahead log could not be emptied: a reader held it past the busy timeout")
