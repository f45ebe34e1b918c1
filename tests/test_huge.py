"""Huge inputs: a text far longer than any article is stored whole and analysed up to MAX_ANALYSED_CHARS (said
on the article), NER reads long texts in pieces with the right offsets, and a large file is named on the
progress line of a terminal. Memory and seconds per size are in bench/huge_bench.py, not here."""

from __future__ import annotations

import json
import os
import re
import select
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app
from extract.ner import NER_PIECE_CHARS, NerStage, _pieces
from ingest.record import MAX_ANALYSED_CHARS, Article

from .conftest import ROOT, sample


def _long_text(chars: int) -> str:
    """The English sample's paragraphs over and over, each copy numbered: a pasted dump of real text."""
    paragraphs = [p for p in re.split(r"\n\s*\n", sample("004").read_text(encoding="utf-8")) if p.strip()]
    out, n, i = [], 0, 0
    while n < chars:
        p = paragraphs[i % len(paragraphs)] + f" (copy {i})"
        out.append(p)
        n += len(p) + 2
        i += 1
    return "\n\n".join(out)


def test_a_huge_text_is_stored_whole_and_analysed_up_to_the_cap(tmp_path: Path, runner: CliRunner) -> None:
    big = tmp_path / "in" / "dump.txt"
    big.parent.mkdir()
    big.write_text(_long_text(3 * MAX_ANALYSED_CHARS), encoding="utf-8")
    (big.parent / "article.txt").write_bytes(sample("001").read_bytes())
    db = tmp_path / "t.db"
    result = runner.invoke(app, ["ingest", str(big.parent), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        rows = {
            Path(src).name: (length, analysed)
            for src, length, analysed in conn.execute(
                "SELECT source, length(text), analysed_chars FROM articles"
            )
        }
        (dump_id,) = conn.execute("SELECT id FROM articles WHERE source LIKE '%dump.txt'").fetchone()
        ends = [e for (e,) in conn.execute("SELECT end FROM entities WHERE article_id = ?", (dump_id,))]
        facts = conn.execute("SELECT count(*) FROM facts WHERE article_id = ?", (dump_id,)).fetchone()[0]
    conn.close()
    length, analysed = rows["dump.txt"]
    assert length > 2.9 * MAX_ANALYSED_CHARS  # stored whole: searchable, exported
    assert 0.8 * MAX_ANALYSED_CHARS <= analysed <= MAX_ANALYSED_CHARS  # cut at a paragraph end near the cap
    assert rows["article.txt"][1] is None  # an ordinary article is analysed whole
    assert ends and max(ends) <= analysed and facts  # entities and facts from the analysed part
    show = runner.invoke(app, ["show", str(dump_id), "--db", str(db)])
    assert f"analysed    the first {analysed:,} of {length:,} characters" in show.stdout
    shown = json.loads(runner.invoke(app, ["show", str(dump_id), "--db", str(db), "--json"]).stdout)
    assert shown["analysed_chars"] == analysed
    hits = runner.invoke(app, ["search", '"copy 900"', "--db", str(db), "--json"])  # beyond the cut
    assert [json.loads(line)["id"] for line in hits.stdout.splitlines()] == [dump_id]


def test_ner_reads_a_long_text_in_pieces_with_offsets_into_the_whole_text() -> None:
    text = _long_text(3 * NER_PIECE_CHARS)
    pieces = _pieces(text)
    assert len(pieces) >= 3 and "".join(p for _, p in pieces) == text
    assert all(len(p) <= NER_PIECE_CHARS and text[o : o + len(p)] == p for o, p in pieces)
    article = Article(source="dump.txt", text=text, lang="en")
    entities = NerStage()(article).entities
    assert {e.start // NER_PIECE_CHARS for e in entities} >= {0, 1, 2}  # found in every piece
    assert all(text[e.start : e.end] == e.text for e in entities)
    # A name is found in every copy of its paragraph, whichever piece holds it.
    assert sum(1 for e in entities if e.text == "Shen Haixiong") == text.count("Shen Haixiong") > 3


@pytest.mark.skipif(sys.platform != "linux", reason="a pseudo-terminal through os.openpty")
def test_a_large_file_is_named_on_the_progress_line_of_a_terminal(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text(_long_text(1_200_000), encoding="utf-8")
    master, slave = os.openpty()
    env = os.environ | {"PYTHONPATH": str(ROOT), "COLUMNS": "120"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from cli import main; main()",
            "ingest",
            str(big),
            "--db",
            str(tmp_path / "t.db"),
        ],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=slave,
        cwd=ROOT,
        env=env,
    )
    os.close(slave)
    seen = b""
    while True:
        ready, _, _ = select.select([master], [], [], 0.5)
        if ready:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            seen += chunk
        elif proc.poll() is not None:
            break
    os.close(master)
    stdout = proc.communicate()[0].decode()
    assert proc.returncode == 0, stdout
    assert "ingest big.txt (1.2 MB)" in seen.decode(errors="replace")
