"""Parallel workers: the same stored content in this process, with one worker and with two; a clean Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from synthetic import build  # noqa: E402

POLYNEWS = [sys.executable, "-c", "import sys; from cli import main; sys.argv[0] = 'polynews'; main()"]


def _env(home: Path) -> dict[str, str]:
    return os.environ | {"PYTHONPATH": str(ROOT), "POLYNEWS_HOME": str(home)}


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*POLYNEWS, *args], capture_output=True, text=True, cwd=ROOT, env=_env(home))


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home with a (tiny) French translation model, installed through the product's install path: the
    translations are part of what must not depend on the number of workers."""
    from normalize.sentences import split_sentences
    from translate.devmodel import build_argosmodel
    from translate.install import install_file

    path = tmp_path_factory.mktemp("home")
    sentences = [
        s for p in sorted((ROOT / "samples").glob("*.txt")) for s in split_sentences(p.read_text("utf-8"))
    ]
    install_file(build_argosmodel(path / "fr_en.argosmodel", sentences * 4, "fr"), path)
    return path


def stored_content(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Everything an ingest decides, without the clock's columns (created_at, seconds...)."""
    queries = {
        "articles": "SELECT id, source, content_hash, lang, lang_confidence, status, error, duplicate_of, story_id,"
        " title, published, text, text_en, translation_status FROM articles ORDER BY id",
        "sightings": "SELECT article_id, source, location, raw_hash, status FROM sightings ORDER BY location",
        "entities": "SELECT article_id, text, label, start, end, canonical, origin, lang FROM entities"
        " ORDER BY article_id, start, label, lang",
        "facts": "SELECT article_id, kind, data, evidence, confidence FROM facts ORDER BY article_id, id",
        "stories": "SELECT id, representative_id, languages, member_count FROM stories ORDER BY id",
        "fingerprints": "SELECT article_id, minhash, minhash_en, anchors FROM fingerprints ORDER BY article_id",
        "anchors": "SELECT key, article_id FROM anchors ORDER BY key, article_id",
    }
    with sqlite3.connect(db) as conn:
        return {name: conn.execute(q).fetchall() for name, q in queries.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The samples, 300 generated articles in four languages (a third of them web pages, near-duplicates
    among them) and three broken files: the workers parse, fail and process them all."""
    folder = tmp_path_factory.mktemp("corpus")
    for p in (ROOT / "samples").iterdir():
        (folder / p.name).write_bytes(p.read_bytes())
    build(folder / "generated", 300, html_every=3)
    (folder / "broken").mkdir()
    (folder / "broken" / "empty.txt").write_bytes(b"")
    (folder / "broken" / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "broken" / "menu.html").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    return folder


@pytest.fixture(scope="module")
def one_worker(corpus: Path, home: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("w1") / "w1.db"
    result = _run(["ingest", str(corpus), "--db", str(db), "-q", "--workers", "1"], home)
    assert result.returncode == 1, result.stderr
    assert "failed 3" in result.stdout, result.stdout
    return db


def test_one_and_two_workers_store_the_same_content(
    corpus: Path, home: Path, one_worker: Path, tmp_path: Path
) -> None:
    from pipeline import Config, Pipeline
    from store.db import connect
    from store.writer import Writer

    here = tmp_path / "w0.db"  # no worker: every stage in this process
    summary = Pipeline(Config(db=here, home=home, workers=0), Writer(connect(here))).run([str(corpus)])
    assert summary.failed == 3
    two = tmp_path / "w2.db"
    result = _run(["ingest", str(corpus), "--db", str(two), "-q", "--workers", "2"], home)
    assert result.returncode == 1, result.stderr  # 1: some files failed, the others are stored
    a, b, c = stored_content(one_worker), stored_content(two), stored_content(here)
    assert len(a["articles"]) == 308 and any(row[7] is not None for row in a["articles"])  # duplicates found
    pages = [row for row in a["articles"] if row[1].endswith(".html") and row[5] != "failed"]
    assert len(pages) == 100 and all(row[9] for row in pages)  # parsed by trafilatura in the workers: titles
    assert {row[6] for row in a["articles"] if row[5] == "failed"} == {
        "empty file (0 bytes)",
        "binary file (contains NUL bytes), not text",
        "no article text found in the HTML (only 1 words extracted)",
    }
    assert a["stories"] and a["facts"] and a["entities"]
    translated = [row for row in a["articles"] if row[12]]
    assert len(translated) > 50 and {row[3] for row in translated} == {"fr"}  # the French model's work
    for table in a:
        assert a[table] == b[table], f"{table} differs between --workers 1 and --workers 2"
        assert a[table] == c[table], f"{table} differs between --workers 1 and no worker"
    with sqlite3.connect(two) as conn:
        (counts,) = conn.execute("SELECT counts FROM runs").fetchone()
    assert '"ner"' in counts  # stage seconds come back from the workers


def test_ctrl_c_with_workers_keeps_what_is_done_and_a_rerun_finishes(
    corpus: Path, home: Path, one_worker: Path, tmp_path: Path
) -> None:
    db = tmp_path / "interrupted.db"
    proc = subprocess.Popen(
        [*POLYNEWS, "ingest", str(corpus), "--db", str(db), "-q", "--workers", "2"],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(15)  # workers started, models loaded, batches done
    proc.send_signal(signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    if proc.returncode in (0, 1):  # 1: finished, with the broken files failed
        pytest.skip("the run finished before the signal (a fast machine)")
    assert proc.returncode == 130, stderr
    assert "interrupted: what was processed is stored" in stderr
    with sqlite3.connect(db) as conn:
        statuses = [s for (s,) in conn.execute("SELECT status FROM runs")]
        assert statuses == ["interrupted"]
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
        assert integrity == "ok"
    rerun = _run(["ingest", str(corpus), "--db", str(db), "-q", "--workers", "2"], home)
    # 1 when the broken files came after the signal (read now, they fail); 0 when they were stored as failed
    # before it (unchanged since, they are not read again).
    assert rerun.returncode in (0, 1), rerun.stderr
    assert stored_content(db) == stored_content(one_worker)


def _interrupted_run(
    patch: str, db: Path, corpus: Path, home: Path, on_interrupt: str = ""
) -> subprocess.CompletedProcess[str]:
    """A one-worker run of ``corpus`` into ``db`` with ``patch`` (Python source) applied first, in a process of
    its own (its worker pool's resource tracker ends with it); a KeyboardInterrupt the patch raises runs
    ``on_interrupt`` and exits with 130."""
    script = (
        "import sys; from pathlib import Path; from pipeline import Config, Pipeline; from store.db import connect;"
        " from store.writer import Writer; db, corpus, home = sys.argv[1:]\n"
        + patch
        + "config = Config(db=db, home=Path(home), workers=1, batch_size=16, write_batch=32)\n"
        "try:\n"
        "    Pipeline(config, Writer(connect(db))).run([corpus])\n"
        "except KeyboardInterrupt:\n" + on_interrupt + "    sys.exit(130)\n"
    )
    return subprocess.run(
        [sys.executable, "-c", script, str(db), str(corpus), str(home)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=_env(home),
    )


def test_an_interrupt_during_a_write_stores_a_prefix_in_read_order_and_a_rerun_equals_a_clean_run(
    corpus: Path, home: Path, one_worker: Path, tmp_path: Path
) -> None:
    """Ctrl-C or SIGTERM while a write is under way: its transaction is rolled back, and its articles are
    written by the interrupt's handler with nothing the workers finished after them stored before them (a
    SIGTERMed run over Ray stored a later batch first, and the re-run gave other ids than a clean run)."""
    db = tmp_path / "cut.db"
    # The second write is cut by the signal before it commits.
    cut_run = _interrupted_run(
        "real = Writer.save_batch; calls = []\n"
        "def save_batch(self, items, run_id, refresh=False):\n"
        "    calls.append(len(items))\n"
        "    if len(calls) == 2:\n"
        "        raise KeyboardInterrupt\n"
        "    return real(self, items, run_id, refresh)\n"
        "Writer.save_batch = save_batch\n",
        db,
        corpus,
        home,
        on_interrupt="    print(*calls)\n",
    )
    assert cut_run.returncode == 130, cut_run.stderr
    calls = [int(n) for n in cut_run.stdout.split()]
    assert (
        len(calls) == 3 and calls[2] >= calls[1]
    )  # the rolled-back write's articles, written by the handler
    cut, clean = stored_content(db)["articles"], stored_content(one_worker)["articles"]
    assert 32 < len(cut) < len(clean)
    assert [row[1] for row in cut] == [
        row[1] for row in clean[: len(cut)]
    ]  # ids in read order: a clean prefix
    rerun = _run(["ingest", str(corpus), "--db", str(db), "-q", "--workers", "1"], home)
    assert rerun.returncode in (0, 1), rerun.stderr  # 0 when the broken files were stored as failed before
    assert stored_content(db) == stored_content(one_worker)


def test_an_interrupt_while_a_batch_s_translations_are_cached_keeps_its_articles(
    corpus: Path, home: Path, one_worker: Path, tmp_path: Path
) -> None:
    """A signal while a finished batch's new translations go to the cache: the batch's articles are already
    collected, so the interrupt's handler writes them (CI once saw a SIGTERM there store nothing)."""
    db = tmp_path / "cached.db"
    cut_run = _interrupted_run(
        "def store_translations(self, new):\n"
        "    raise KeyboardInterrupt\n"
        "Pipeline._store_translations = store_translations\n",
        db,
        corpus,
        home,
    )
    assert cut_run.returncode == 130, cut_run.stderr
    cut, clean = stored_content(db)["articles"], stored_content(one_worker)["articles"]
    assert 1 <= len(cut) < len(clean)  # the first batch, stored by the handler
    assert [row[1] for row in cut] == [row[1] for row in clean[: len(cut)]]  # in read order
    rerun = _run(["ingest", str(corpus), "--db", str(db), "-q", "--workers", "1"], home)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert stored_content(db) == stored_content(one_worker)


def _children(pid: int) -> list[int]:
    """Live processes whose parent is ``pid`` (the workers and multiprocessing's resource tracker)."""
    out = []
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", "rb") as fh:
                    fields = fh.read().rsplit(b")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != b"Z":
                out.append(int(entry.name))
    return out


def _alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                if fh.read().rsplit(b")", 1)[1].split()[0] != b"Z":
                    alive.append(pid)
        except OSError:
            continue
    return alive


def _start_two_workers(corpus: Path, home: Path, db: Path) -> tuple[subprocess.Popen[str], list[int]]:
    proc = subprocess.Popen(
        [*POLYNEWS, "ingest", str(corpus), "--db", str(db), "-q", "--workers", "2"],
        cwd=ROOT,
        env=_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while len(children := _children(proc.pid)) < 3 and time.monotonic() < deadline:  # 2 workers + tracker
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    assert len(children) >= 3, children
    return proc, children


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_sigkill_of_a_two_worker_run_leaves_no_process(corpus: Path, home: Path, tmp_path: Path) -> None:
    proc, children = _start_two_workers(corpus, home, tmp_path / "killed.db")
    time.sleep(3)  # the workers are loading their models
    proc.kill()
    proc.communicate()
    deadline = time.monotonic() + 5
    while _alive(children) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert _alive(children) == [], "workers or the resource tracker outlived a killed run by 5 s"


@pytest.mark.skipif(not os.path.isdir("/proc"), reason="reads /proc")
def test_sigterm_stores_finished_batches_marks_the_run_and_a_rerun_equals_a_clean_run(
    corpus: Path, home: Path, one_worker: Path, tmp_path: Path
) -> None:
    db = tmp_path / "terminated.db"
    proc, children = _start_two_workers(corpus, home, db)
    # Each batch's new translations are written right after its articles are collected: wait for the first,
    # then stop the run.
    deadline = time.monotonic() + 180
    translated = 0
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
        with contextlib.suppress(sqlite3.Error):
            conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
            translated = conn.execute("SELECT count(*) FROM translation_cache").fetchone()[0]
            conn.close()
        if translated:
            break
    if proc.poll() is not None:
        pytest.skip("the run finished before a batch was seen (a fast machine)")
    proc.send_signal(signal.SIGTERM)
    signalled = time.monotonic()
    stdout, stderr = proc.communicate(timeout=60)
    while _alive(children) and time.monotonic() < signalled + 5:
        time.sleep(0.2)
    assert _alive(children) == [], "workers outlived a SIGTERM by 5 s"
    if proc.returncode in (0, 1):
        pytest.skip("the run finished before the signal (a fast machine)")
    assert proc.returncode == 143, stderr
    assert stderr.endswith(
        "stopped (SIGTERM): what was processed is stored; run the same command again to go on\n"
    )
    summary = stdout.splitlines()[-1]
    assert summary.startswith("new articles ") and summary.endswith("(interrupted)"), stdout
    with sqlite3.connect(db) as conn:
        assert [s for (s,) in conn.execute("SELECT status FROM runs")] == ["interrupted"]
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        (integrity,) = conn.execute("PRAGMA integrity_check").fetchone()
    conn.close()
    assert integrity == "ok"
    assert stored >= 1  # the batch seen finished before the signal was stored
    rerun = _run(["ingest", str(corpus), "--db", str(db), "-q", "--workers", "2"], home)
    assert rerun.returncode in (0, 1), rerun.stderr
    assert stored_content(db) == stored_content(one_worker)
