"""Opening the database, migrated to the newest schema by Alembic: a SQLite file in WAL mode (the default), or
a PostgreSQL database given as a SQLAlchemy URL (``postgresql+psycopg://user@host:5432/name``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError

from ingest.errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


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
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
    # Checkpoints every 64 MB of WAL instead of 4 MB: a batch's commit dirties pages all over the matching
    # indexes, and copying them back after every commit doubled its cost.
    cur.execute(f"PRAGMA cache_size={-1024 * int(cache_mb)}")
    cur.execute("PRAGMA wal_autocheckpoint=16384")
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


def _connect_url(url: str, migrate: bool) -> Engine:
    shown = describe(url)
    try:
        parsed = make_url(url)
        if parsed.get_backend_name() != "postgresql":
            raise StoreError(
                f"unsupported database URL {shown}: give a SQLite file path or postgresql+psycopg://user@host/name"
            )
        if parsed.drivername == "postgresql":  # psycopg 3 is the driver installed with polynews[postgresql]
            parsed = parsed.set(drivername="postgresql+psycopg")
        engine = create_engine(parsed, pool_pre_ping=True)
    except ArgumentError as exc:
        raise StoreError(f"invalid database URL {shown}: {exc}") from None
    except (NoSuchModuleError, ModuleNotFoundError):
        raise StoreError(
            f"no PostgreSQL driver for {shown}; install it: pip install 'polynews[postgresql]'"
        ) from None
    try:
        if migrate and current_revision(engine) != head_revision():
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


def connect(target: str | os.PathLike[str], migrate: bool = True, cache_mb: int = CACHE_MB) -> Engine:
    """An engine on the SQLite file at ``target`` or the PostgreSQL database its URL names; creates and
    migrates it unless ``migrate`` is False. ``cache_mb`` bounds SQLite's page cache per connection (see
    CACHE_MB)."""
    if is_url(target):
        return _connect_url(str(target), migrate)
    path = Path(target)
    if path.exists() and path.is_dir():
        raise StoreError(f"database path is a directory: {path}")
    if not path.parent.exists():
        raise StoreError(f"cannot create the database: folder {path.parent} does not exist")
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _pragmas(cache_mb))
    try:
        if migrate and current_revision(engine) != head_revision():
            cfg = _alembic_config()
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
    except OperationalError as exc:
        raise StoreError(f"cannot open the database {path}: {exc.orig}") from None
    return engine
