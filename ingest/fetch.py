"""Fetching pages and feeds over HTTP: the one place polynews talks to the network, and only when asked.

httpx does the HTTP (timeouts, redirect limit, streaming); on top of it: a clear User-Agent, robots.txt
(urllib.robotparser, cached per host), retries with exponential back-off on timeouts, connection errors and
5xx answers (never on 4xx), a size cap enforced while streaming, content-type checks, and bounded concurrency.
Every failure is a `FetchError` with a one-line reason; the run stores it on the URL and goes on.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from threading import Lock
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from ingest.errors import InputError
from ingest.version import VERSION

if TYPE_CHECKING:
    # Imported where they are used: httpx and urllib.robotparser (which imports http.client and email) cost
    # 0.15 s that only runs that fetch should pay; every command imports FetchOptions.
    import urllib.robotparser

    import httpx

USER_AGENT = f"polynews/{VERSION} (offline news ingestion; +https://pypi.org/project/polynews/)"

# What each content type is read as; anything else (images, PDFs, archives) is refused before download.
CONTENT_TYPES = {
    "text/html": ".html",
    "application/xhtml+xml": ".html",
    "text/plain": ".txt",
    "application/json": ".json",
    "application/x-ndjson": ".jsonl",
}
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
    "application/rdf+xml",
)
_RETRY_STATUS = frozenset({500, 502, 503, 504, 429})


class FetchError(InputError):
    """A URL that could not be fetched; the message is the one-line reason."""


@dataclass(frozen=True, slots=True)
class FetchOptions:
    timeout: float = 20.0
    retries: int = 2
    backoff: float = 0.5
    max_bytes: int = 20_000_000
    max_redirects: int = 5
    concurrency: int = 4
    user_agent: str = USER_AGENT
    respect_robots: bool = True


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    etag: str | None = None
    last_modified: str | None = None

    @property
    def suffix(self) -> str:
        return CONTENT_TYPES.get(self.content_type, ".html")


@dataclass
class Fetcher:
    options: FetchOptions = field(default_factory=FetchOptions)
    client: httpx.Client | None = None
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)
    _lock: Lock = field(default_factory=Lock)

    def __post_init__(self) -> None:
        if self.client is None:
            import httpx

            self.client = httpx.Client(
                timeout=self.options.timeout,
                follow_redirects=True,
                max_redirects=self.options.max_redirects,
                headers={"User-Agent": self.options.user_agent},
            )

    def close(self) -> None:
        if self.client is not None:
            self.client.close()

    # -- robots.txt -------------------------------------------------------------------------------------------
    def allowed(self, url: str) -> bool:
        if not self.options.respect_robots:
            return True
        parts = urlsplit(url)
        root = urlunsplit((parts.scheme, parts.netloc, "", "", ""))
        with self._lock:
            if root not in self._robots:
                self._robots[root] = self._load_robots(root)
            parser = self._robots[root]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    def _load_robots(self, root: str) -> urllib.robotparser.RobotFileParser | None:
        import urllib.robotparser

        import httpx

        assert self.client is not None
        try:
            response = self.client.get(root + "/robots.txt", timeout=min(self.options.timeout, 10.0))
        except httpx.HTTPError:
            return None  # no answer: as if there were no robots.txt
        if response.status_code >= 400:
            return None
        parser = urllib.robotparser.RobotFileParser()
        parser.parse(response.text.splitlines())
        return parser

    # -- one URL ----------------------------------------------------------------------------------------------
    def fetch(
        self, url: str, accept: Iterable[str] = CONTENT_TYPES, headers: dict[str, str] | None = None
    ) -> Fetched:
        if urlsplit(url).scheme not in ("http", "https"):
            raise FetchError(f"not an http(s) URL: {url}")
        if not self.allowed(url):
            raise FetchError("blocked by robots.txt")
        accepted = tuple(accept)
        attempt = 0
        while True:
            try:
                return self._get(url, accepted, headers or {})
            except _Retryable as exc:
                attempt += 1
                if attempt > self.options.retries:
                    raise FetchError(f"{exc} (after {attempt} attempts)") from None
                time.sleep(self.options.backoff * 2 ** (attempt - 1))

    def _get(self, url: str, accepted: tuple[str, ...], headers: dict[str, str]) -> Fetched:
        import httpx

        assert self.client is not None
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                if response.status_code in _RETRY_STATUS:
                    raise _Retryable(f"HTTP {response.status_code} {response.reason_phrase}")
                if response.status_code == 304:
                    return Fetched(url, str(response.url), 304, "", b"")
                if response.status_code >= 400:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}")
                ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
                if ctype and ctype not in accepted:
                    raise FetchError(f"unsupported content type {ctype}")
                declared = int(response.headers.get("content-length") or 0)
                if declared > self.options.max_bytes:
                    raise FetchError(self._too_large())
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > self.options.max_bytes:
                        raise FetchError(self._too_large())
                return Fetched(
                    url,
                    str(response.url),
                    response.status_code,
                    ctype or "text/html",
                    bytes(body),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {self.options.max_redirects})") from None
        except httpx.TimeoutException:
            raise _Retryable(f"timed out after {self.options.timeout:g} s") from None
        except httpx.TransportError as exc:
            raise _Retryable(f"connection failed: {exc}") from None

    def _too_large(self) -> str:
        return f"page too large (over {self.options.max_bytes / 1e6:.0f} MB, set by --max-bytes)"

    # -- many URLs --------------------------------------------------------------------------------------------
    def fetch_many(self, urls: list[str]) -> Iterator[tuple[str, Fetched | FetchError]]:
        """Fetch with at most ``concurrency`` requests in flight; results in input order."""

        def one(url: str) -> Fetched | FetchError:
            try:
                return self.fetch(url)
            except FetchError as exc:
                return exc

        with ThreadPoolExecutor(max_workers=max(1, self.options.concurrency)) as pool:
            yield from zip(urls, pool.map(one, urls), strict=True)


class _Retryable(Exception):
    pass


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))
