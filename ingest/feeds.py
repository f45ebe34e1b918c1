"""RSS and Atom feeds through feedparser, with conditional GET (ETag / Last-Modified).

A poll returns the entries' links (each then fetched and extracted like any page) and the validators to send
next time; a feed that has not changed answers 304 and costs one small request.
"""

from __future__ import annotations

import calendar
import time
from dataclasses import dataclass

import feedparser

from ingest.fetch import CONTENT_TYPES, FEED_TYPES, Fetcher, FetchError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    link: str
    title: str | None
    published: str | None
    """YYYY-MM-DD from the feed, used when the page itself carries no date."""


@dataclass(frozen=True, slots=True)
class FeedPoll:
    url: str
    modified: bool
    entries: tuple[FeedEntry, ...]
    etag: str | None
    last_modified: str | None


def poll(fetcher: Fetcher, url: str, etag: str | None = None, last_modified: str | None = None) -> FeedPoll:
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    fetched = fetcher.fetch(url, accept=(*FEED_TYPES, *CONTENT_TYPES), headers=headers)
    if fetched.status == 304:
        return FeedPoll(url, False, (), etag, last_modified)
    parsed = feedparser.parse(fetched.body)
    if parsed.bozo and not parsed.entries:
        raise FetchError(f"not a readable RSS or Atom feed ({parsed.get('bozo_exception', 'parse error')})")
    entries = []
    for e in parsed.entries:
        link = e.get("link")
        if not link:
            continue
        stamp = e.get("published_parsed") or e.get("updated_parsed")
        published = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm(stamp))) if stamp else None
        entries.append(FeedEntry(link, e.get("title"), published))
    return FeedPoll(url, True, tuple(entries), fetched.etag or etag, fetched.last_modified or last_modified)
