"""Sources: paths given by the user to a sorted stream of files, and one file's bytes with a size cap.

A folder is walked recursively (symlinked folders followed once: a loop is not walked twice), hidden files and
folders skipped. Order is sorted so that ids in the database do not depend on the file system.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ingest.errors import NotFoundError, TooLargeError, UnreadableError
from ingest.readers import KNOWN_SUFFIXES


@dataclass(frozen=True, slots=True)
class Source:
    source: str
    """The path as the user would write it: the argument joined with the path inside a folder."""
    location: str
    """The absolute path: the key under which a source is remembered between runs."""
    suffix: str
    named: bool
    """Named on the command line (always read) rather than found in a folder (read if its type is known)."""
    title: str | None = None
    published: str | None = None
    """For a feed entry: what the feed says, used where the page says nothing."""

    @property
    def supported(self) -> bool:
        return self.named or self.suffix.lower() in KNOWN_SUFFIXES

    @property
    def is_url(self) -> bool:
        return self.location.startswith(("http://", "https://"))


def url_source(url: str, title: str | None = None, published: str | None = None) -> Source:
    return Source(url, url, "", True, title, published)


def _source(path: str, named: bool) -> Source:
    return Source(path, os.path.abspath(path), os.path.splitext(path)[1], named)


def _walk(root: str) -> Iterator[Source]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        try:
            st = os.stat(dirpath)
        except OSError:
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirnames.clear()
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                yield _source(os.path.join(dirpath, name), named=False)


def iter_sources(paths: Iterable[str]) -> Iterator[Source]:
    """Files under each path, in order. Raises `NotFoundError` for a path that does not exist."""
    for path in paths:
        if path.startswith(("http://", "https://")):
            yield url_source(path)
        elif os.path.isdir(path):
            yield from _walk(path)
        elif os.path.lexists(path):
            yield _source(path, named=True)
        else:
            raise NotFoundError(f"no such file or directory: {path}")


def _os_reason(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "unreadable: symlink loop"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "unreadable: permission denied"
    if exc.errno == errno.ENOENT:
        return "unreadable: file vanished or is a broken symlink"
    if exc.errno == errno.EISDIR:
        return "unreadable: is a directory"
    return f"unreadable: {exc.strerror or exc}"


def read_bytes(src: Source, max_bytes: int) -> bytes:
    """The file's bytes, or an `InputError` naming why not (size is checked before anything is read)."""
    try:
        size = os.stat(src.source).st_size
        if not Path(src.source).is_file():
            raise UnreadableError("unreadable: not a regular file")
        if size > max_bytes:
            raise TooLargeError(
                f"file too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB, set by --max-bytes)"
            )
        with open(src.source, "rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise UnreadableError(_os_reason(exc)) from None
