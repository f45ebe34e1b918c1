"""Fetching pages and feeds from a real HTTP server on 127.0.0.1 started by the test."""

from __future__ import annotations

import http.server
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from ingest.fetch import Fetcher, FetchError, FetchOptions

from .conftest import sample


def _page(title: str, body: str) -> bytes:
    paragraphs = "".join(f"<p>{p}</p>" for p in body.split("\n\n") if p.strip())
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='article:published_time' content='2024-12-06T08:00:00Z'></head><body>"
        f"<nav><a href='/'>Home</a> | <a href='/world'>World</a></nav><article><h1>{title}</h1>{paragraphs}"
        f"</article><footer>Copyright 2024</footer></body></html>"
    ).encode()


ARTICLE = _page("Global Video Media Forum opens in Quanzhou", sample("004").read_text(encoding="utf-8")[14:])
SECOND = _page(
    "Chengdu hosts audiovisual conference", sample("001").read_text(encoding="utf-8").split("\n", 2)[2]
)


class Site(http.server.ThreadingHTTPServer):
    feed_version = 1
    hits: Counter[str]


class Handler(http.server.BaseHTTPRequestHandler):
    server: Site

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(
        self, code: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8", **headers: str
    ) -> None:
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in headers.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        self.server.hits[self.path] += 1
        self.server.hits["ua:" + self.headers.get("User-Agent", "")] += 1
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        if self.path == "/robots.txt":
            self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif self.path in ("/article.html", "/private/secret.html"):
            self._send(200, ARTICLE)
        elif self.path == "/second.html":
            self._send(200, SECOND)
        elif self.path == "/slow.html":
            time.sleep(2)
            self._send(200, ARTICLE)
        elif self.path == "/500.html":
            self._send(500, b"oops")
        elif self.path == "/loop":
            self._send(302, b"", Location=base + "/loop")
        elif self.path == "/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(64):  # 4 MB with no Content-Length: the cap is enforced while streaming
                    self.wfile.write(b"<p>" + b"x" * 65536 + b"</p>")
            except ConnectionError:
                pass  # the client stopped reading at its cap, as it should
        elif self.path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif self.path == "/feed.xml":
            etag = f'"v{self.server.feed_version}"'
            if self.headers.get("If-None-Match") == etag:
                self._send(304, b"", ETag=etag)
                return
            links = ["/article.html"] + (["/second.html"] if self.server.feed_version > 1 else [])
            items = "".join(
                f"<item><title>Item {i}</title><link>{base}{link}</link>"
                f"<pubDate>Fri, 06 Dec 2024 08:00:00 GMT</pubDate></item>"
                for i, link in enumerate(links)
            )
            rss = (
                f"<?xml version='1.0'?><rss version='2.0'><channel><title>Test</title>{items}</channel></rss>"
            )
            self._send(200, rss.encode(), "application/rss+xml", ETag=etag)
        else:
            self._send(404, b"not here")


@pytest.fixture
def site() -> Iterator[tuple[Site, str]]:
    server = Site(("127.0.0.1", 0), Handler)
    server.hits = Counter()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


FAST = FetchOptions(timeout=1.0, retries=2, backoff=0.05, max_bytes=1_000_000)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing.html", "HTTP 404 Not Found"),
        ("/500.html", "HTTP 500 Internal Server Error (after 3 attempts)"),
        ("/slow.html", "timed out after 1 s (after 3 attempts)"),
        ("/loop", "too many redirects (more than 5)"),
        ("/huge.html", "page too large (over 1 MB, set by --max-bytes)"),
        ("/image.png", "unsupported content type image/png"),
        ("/private/secret.html", "blocked by robots.txt"),
    ],
)
def test_fetch_failures_have_one_line_reasons(site: tuple[Site, str], path: str, message: str) -> None:
    server, base = site
    with pytest.raises(FetchError) as info:
        Fetcher(FAST).fetch(base + path)
    assert str(info.value) == message
    if path == "/500.html":
        assert server.hits["/500.html"] == 3  # retried with back-off, then given up


def test_ingest_urls_and_a_urls_file(site: tuple[Site, str], tmp_path: Path, runner: CliRunner) -> None:
    server, base = site
    listing = tmp_path / "urls.txt"
    listing.write_text(f"# today's pages\n{base}/second.html\n{base}/missing.html\n", encoding="utf-8")
    db = tmp_path / "web.db"
    result = runner.invoke(app, ["ingest", f"{base}/article.html", "--urls", str(listing), "--db", str(db)])
    assert result.exit_code == 1
    assert f"failed: {base}/missing.html: HTTP 404 Not Found" in result.stdout
    assert (
        "new articles 2, new versions 0, near duplicates 0, exact copies 0, unchanged 0, skipped 0, failed 1 (3 read)"
        in result.stdout
    )
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT url, title, lang, published FROM articles WHERE status = 'stored' ORDER BY id"
        ).fetchall()
    assert rows[0] == (
        f"{base}/article.html",
        "Global Video Media Forum opens in Quanzhou",
        "en",
        "2024-12-06",
    )
    assert any(k.startswith("ua:polynews/") for k in server.hits)
    again = runner.invoke(app, ["ingest", f"{base}/article.html", "--db", str(db)])
    assert "new articles 0, new versions 0, near duplicates 0, exact copies 0, unchanged 1" in again.stdout


def test_feed_changes_between_runs_and_uses_conditional_get(
    site: tuple[Site, str], tmp_path: Path, runner: CliRunner
) -> None:
    server, base = site
    db = tmp_path / "feed.db"
    first = runner.invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(db)])
    assert first.exit_code == 0 and "new articles 1," in first.stdout
    unchanged = runner.invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(db)])
    assert unchanged.exit_code == 0 and "new articles 0," in unchanged.stdout
    assert server.hits["/article.html"] == 1  # 304: the entry was not fetched again
    server.feed_version = 2
    second = runner.invoke(app, ["ingest", "--feed", f"{base}/feed.xml", "--db", str(db)])
    assert (
        second.exit_code == 0
        and "new articles 1, new versions 0, near duplicates 0, exact copies 0, unchanged 1," in second.stdout
    )
    assert server.hits["/article.html"] == 1 and server.hits["/second.html"] == 1
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
        assert conn.execute("SELECT etag, last_status FROM feeds").fetchone() == ('"v2"', "2 entries")


def test_concurrency_is_bounded(site: tuple[Site, str]) -> None:
    _, base = site
    fetcher = Fetcher(FetchOptions(timeout=5, concurrency=2))
    started = time.perf_counter()
    results = list(fetcher.fetch_many([f"{base}/slow.html"] * 4))
    elapsed = time.perf_counter() - started
    assert [type(r).__name__ for _, r in results] == ["Fetched"] * 4
    assert elapsed >= 3.5  # 4 slow pages, 2 at a time: two rounds of 2 s
