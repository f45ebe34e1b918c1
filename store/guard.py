"""What polynews may open: a path with nothing at it, an empty file or SQLite database, or a polynews database.
Anything else (another program's SQLite file, a file that is not a database) is refused before a byte of it is
written, and the refusal is one line.

A polynews database carries SQLite's ``application_id`` (the 4-byte field at offset 68 of the file header,
``PRAGMA application_id``), set when the schema is first created. Databases made before that mark (schema
0001-0005) are recognised by their Alembic version table holding one of our revisions beside an ``articles``
table, and are marked the next time a run writes them.

Looking never writes. The header is read with ``open()``; the table list and the schema revision through a
read-only connection (``mode=ro``). When the database has no ``-wal`` file beside it the connection is also
``immutable``: a read-only connection to a WAL-mode file would otherwise create ``-wal`` and ``-shm`` files, and
with no ``-wal`` file there is no writer (a writer creates it) and nothing in a log to read. On a read-only mount
``mode=ro`` still reads the log (SQLite >= 3.22 keeps its index in memory then).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote

from ingest.errors import StoreError

# "pnws": marks a SQLite file as polynews's own (sqlite.org/fileformat.html#application_id; 32-bit, signed).
APPLICATION_ID = 0x706E7773
_MAGIC = b"SQLite format 3\x00"


class NotOurs(StoreError):
    """The path holds something polynews must not touch: another program's database, or not a database."""


class SchemaMismatch(StoreError):
    """A polynews database whose schema is older (needs `polynews migrate`) or newer than this code."""


@dataclass(frozen=True, slots=True)
class DbFile:
    path: Path
    state: Literal["missing", "empty", "polynews"]
    """missing: nothing at the path; empty: a 0-byte file or a SQLite file without tables; polynews: ours."""
    revision: str | None = None
    """The Alembic revision of a polynews database (None when it has no schema yet)."""
    marked: bool = False
    """Whether the file carries polynews's application_id (older databases are marked when next written)."""


def readonly_uri(path: Path) -> str:
    """A SQLite URI that opens ``path`` without ever writing it or creating anything beside it."""
    immutable = "" if Path(f"{path}-wal").exists() else "&immutable=1"
    return f"file:{quote(str(path.absolute()))}?mode=ro{immutable}"


def connect_readonly(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(readonly_uri(path), uri=True, check_same_thread=False)


def _reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "read-only file system"
    return exc.strerror or str(exc)


def inspect(path: Path, known: Collection[str]) -> DbFile:
    """What is at ``path``; raises `NotOurs` for anything polynews must not open, `StoreError` for a path it
    cannot look at. ``known``: the schema revisions this code has migrations for."""
    if path.is_dir():
        raise StoreError(
            f"--db {path} is a directory; give a database file, for example {path / 'polynews.db'}"
        )
    if not path.exists():
        if path.is_symlink():
            raise StoreError(f"--db {path} is a broken symbolic link")
        return DbFile(path, "missing")
    try:
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise StoreError(f"cannot read the database {path}: {_reason(exc)}") from None
    if not header:
        return DbFile(path, "empty")
    if len(header) < 100 or not header.startswith(_MAGIC):
        raise NotOurs(
            f"{path} is not a SQLite database, so not a polynews one; it was left untouched. "
            "Give --db a polynews database or a new file name"
        )
    app_id = int.from_bytes(header[68:72], "big", signed=True)
    if app_id not in (0, APPLICATION_ID):
        raise NotOurs(
            f"{path} is another program's SQLite database (application_id {app_id:#x}); it was left untouched. "
            "Give --db a polynews database or a new file name"
        )
    try:
        conn = connect_readonly(path)
        try:
            tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise NotOurs(
            f"{path} cannot be read as a SQLite database ({exc}); it was left untouched. "
            "Give --db a polynews database or a new file name"
        ) from None
    marked = app_id == APPLICATION_ID
    if not marked:
        if not tables:
            return DbFile(path, "empty")
        if revision not in known or "articles" not in tables:
            shown = ", ".join(sorted(tables)[:4]) + (", ..." if len(tables) > 4 else "")
            raise NotOurs(
                f"{path} is another program's SQLite database (tables {shown}); it was left untouched. "
                "Give --db a polynews database or a new file name"
            )
    if revision is not None and revision not in known:
        raise SchemaMismatch(
            f"{path} was written by a newer polynews (schema {revision}, this one knows up to "
            f"{max(known)}); upgrade polynews"
        )
    return DbFile(path, "polynews", revision, marked)


def check_writable(path: Path, known: Collection[str]) -> DbFile:
    """`inspect`, and that a run can write there: the folder exists and takes new files (the lock, the WAL),
    and the database file itself is writable."""
    found = inspect(path, known)
    folder = path.absolute().parent
    if not folder.is_dir():
        raise StoreError(f"cannot create the database {path}: folder {folder} does not exist")
    for what, target in (("folder", folder), ("database", path)):
        if target is path and found.state == "missing":
            continue
        if not os.access(target, os.W_OK | (os.X_OK if what == "folder" else 0)):
            why = "read-only file system" if _read_only_mount(target) else "permission denied"
            raise StoreError(
                f"cannot write the {what} {target} ({why}); a run needs to write the database and create "
                f"{path.name}.lock and {path.name}-wal beside it. Query commands (stats, search, ...) can read it"
            )
    return found


def _read_only_mount(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except OSError:
        return False
