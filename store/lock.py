"""One run per database: an exclusive lock on ``<db>.lock`` beside it (PostgreSQL: an advisory lock, see
store/dialects/postgresql.py; `run_lock` picks the one for a database).

flock() locks belong to the open file, so the kernel releases them when the process dies, however it dies
(SIGKILL included): a crashed run never leaves a stale lock behind. The file keeps the holder's pid and start
time for the message a second run prints.
"""

from __future__ import annotations

import fcntl
import os
import time
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from ingest.errors import PolynewsError, StoreError

if TYPE_CHECKING:
    from store.dialects.postgresql import AdvisoryLock


class LockHeld(PolynewsError):
    """Another run holds the database."""


class RunLock:
    def __init__(self, db: Path, wait: float = 0.0) -> None:
        self.path = db.with_name(db.name + ".lock")
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:  # an unwritable or read-only folder: one line, not a traceback
            raise StoreError(f"cannot create the lock file {self.path}: {exc.strerror}") from None
        deadline = time.monotonic() + self.wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
                    os.close(fd)
                    raise LockHeld(
                        f"another polynews run holds {self.path.name} ({holder}); "
                        "this run did nothing. Try again later, or wait with --wait SECONDS"
                    ) from None
                time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.ftruncate(self._fd, 0)
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None

    def holder(self) -> str | None:
        """Who holds the lock now, or None: for `polynews doctor`."""
        if not self.path.exists():
            return None
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() or "another process"
        finally:
            os.close(fd)
        return None

    def __enter__(self) -> RunLock:
        self.acquire()
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.release()


def run_lock(target: str | os.PathLike[str], wait: float = 0.0) -> RunLock | AdvisoryLock:
    """The lock for a database: the lock file beside a SQLite file, an advisory lock in PostgreSQL."""
    from store.db import connect, describe, is_url

    if is_url(target):
        from store.dialects.postgresql import AdvisoryLock

        return AdvisoryLock(connect(target, migrate=False), describe(target), wait)
    return RunLock(Path(target), wait)
