"""Translation end to end with a tiny but valid .argosmodel built here, installed through the product's own
install path, then used by `polynews ingest`: real argostranslate install, real CTranslate2, real SentencePiece."""

from __future__ import annotations

import functools
import http.server
import json
import sqlite3
import sys
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from typer.testing import CliRunner

from cli import app
from normalize.sentences import split_sentences
from translate.devmodel import build_argosmodel

from .conftest import SAMPLES

SENTENCES = [s for p in sorted(SAMPLES.glob("*.txt")) for s in split_sentences(p.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def fr_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_argosmodel(tmp_path_factory.mktemp("models") / "fr_en.argosmodel", SENTENCES * 4, "fr")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "home"
    monkeypatch.setenv("POLYNEWS_HOME", str(path))
    return path


class _NetworkGuard:
    """Fails the test if anything in this process opens a network connection (a Python audit hook: it sees
    every socket.connect and name lookup, whatever library makes it)."""

    active = False
    events: ClassVar[list[str]] = []

    @classmethod
    def hook(cls, event: str, args: tuple[object, ...]) -> None:
        if cls.active and event in ("socket.connect", "socket.getaddrinfo", "socket.sendto"):
            cls.events.append(f"{event} {args[1:]!r}")


sys.addaudithook(_NetworkGuard.hook)


@pytest.fixture
def no_network() -> Iterator[list[str]]:
    _NetworkGuard.events = []
    _NetworkGuard.active = True
    yield _NetworkGuard.events
    _NetworkGuard.active = False


def run(runner: CliRunner, *args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def rows(db: Path) -> dict[str, dict[str, object]]:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {
            Path(r["source"]).name[:3]: dict(r)
            for r in conn.execute(
                "SELECT id, source, lang, text_en, translation_status, translation_model, "
                "translation_seconds FROM articles"
            )
        }


def calls(db: Path) -> list[int]:
    with sqlite3.connect(db) as conn:
        return [
            json.loads(c)["translation_calls"] for (c,) in conn.execute("SELECT counts FROM runs ORDER BY id")
        ]


def test_install_translate_cache_remove(
    runner: CliRunner, fr_model: Path, home: Path, tmp_path: Path, no_network: list[str]
) -> None:
    code, out, _ = run(runner, "models", "install", "--file", str(fr_model))
    assert code == 0 and out.startswith("installed argos/fr-en@0.1-test at ")
    code, out, _ = run(runner, "models", "list")
    assert "translation  fr-en" in out

    db = tmp_path / "a.db"
    code, out, _ = run(runner, "ingest", str(SAMPLES), "--db", str(db))
    assert code == 0
    fr = rows(db)["002"]
    assert fr["translation_status"] == "ok"
    assert fr["translation_model"] == "argos/fr-en@0.1-test"
    assert isinstance(fr["text_en"], str) and fr["text_en"].strip()
    assert isinstance(fr["translation_seconds"], float)
    assert rows(db)["001"]["translation_status"] == "not-needed"
    assert "note: no translation model for ar id -> en" in out

    # Re-ingesting, even forced through every stage, costs no model call: the cache answers.
    run(runner, "ingest", str(SAMPLES), "--db", str(db))
    code, out, _ = run(runner, "ingest", str(SAMPLES), "--db", str(db), "--force")
    assert code == 0 and "reprocessed 5," in out
    first, unchanged, forced = calls(db)
    assert first >= 1 and unchanged == 0 and forced == 0
    assert rows(db)["002"]["text_en"] == fr["text_en"]

    code, out, _ = run(runner, "models", "remove", "fr")
    assert code == 0 and out.startswith("removed argos/fr-en@0.1-test")
    db2 = tmp_path / "b.db"
    code, out, _ = run(runner, "ingest", str(SAMPLES), "--db", str(db2))
    assert code == 0
    assert rows(db2)["002"]["translation_status"] == "missing-model"
    assert "note: no translation model for ar fr id -> en" in out
    assert "polynews models install --file PATH.argosmodel" in out
    assert no_network == []


def test_translated_entities_are_marked(
    runner: CliRunner, fr_model: Path, home: Path, tmp_path: Path
) -> None:
    assert run(runner, "models", "install", "--file", str(fr_model))[0] == 0
    db = tmp_path / "c.db"
    run(runner, "ingest", str(SAMPLES / next(p.name for p in SAMPLES.glob("002_*"))), "--db", str(db))
    with sqlite3.connect(db) as conn:
        origins = dict(
            conn.execute("SELECT lang, group_concat(DISTINCT origin) FROM entities GROUP BY lang").fetchall()
        )
    # English entities of a French article come from text_en (random weights may name nothing); the French
    # model reads the French text itself.
    assert origins.get("en", "translated") == "translated"
    assert origins["fr"] == "native"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _zip(path: Path, files: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: _write(p, b"not a zip at all"), "is not an .argosmodel file (not a zip archive)"),
        (
            lambda p: _zip(p, {"metadata.json": b"{}", "model/model.bin": b""}),
            "it must hold exactly one folder",
        ),
        (
            lambda p: _zip(p, {"pkg/metadata.json": b'{"from_code": "fr", "to_code": "en"}'}),
            "is not a translation package: missing model/model.bin, sentencepiece.model in pkg/",
        ),
        (
            lambda p: _zip(
                p, {"pkg/metadata.json": b"{", "pkg/model/model.bin": b"", "pkg/sentencepiece.model": b""}
            ),
            "cannot be read as an .argosmodel",
        ),
        (
            lambda p: _zip(
                p,
                {
                    "pkg/metadata.json": b'{"from_code": "fr", "to_code": "en"}',
                    "pkg/model/model.bin": b"garbage",
                    "pkg/sentencepiece.model": b"garbage",
                },
            ),
            "cannot load the fr-en model",
        ),
    ],
)
def test_bad_model_files_install_nothing(
    runner: CliRunner, home: Path, tmp_path: Path, make, message: str
) -> None:
    path = make(tmp_path / "bad.argosmodel")
    code, _, err = run(runner, "models", "install", "--file", str(path))
    assert code == 2
    assert err.startswith("Error: ") and message in err and err.count("\n") == 1
    packages = home / "argos-packages"
    assert not packages.exists() or list(packages.iterdir()) == []


def test_truncated_model_file(runner: CliRunner, fr_model: Path, home: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.argosmodel"
    cut.write_bytes(fr_model.read_bytes()[: fr_model.stat().st_size // 2])
    code, _, err = run(runner, "models", "install", "--file", str(cut))
    assert code == 2 and "not an .argosmodel file" in err


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def index_server(tmp_path: Path, fr_model: Path) -> Iterator[str]:
    """A local Argos package index on 127.0.0.1: index.json plus the model file it links to."""
    root = tmp_path / "index"
    root.mkdir()
    (root / "fr_en.argosmodel").write_bytes(fr_model.read_bytes())
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    entry = {
        "from_code": "fr",
        "to_code": "en",
        "package_version": "0.1-test",
        "type": "translate",
        "links": [base + "fr_en.argosmodel"],
    }
    (root / "index.json").write_text(json.dumps([entry]), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield base
    server.shutdown()


def test_install_from_the_index(
    runner: CliRunner, home: Path, index_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", index_server)
    code, out, err = run(runner, "models", "install", "fr")
    assert code == 0, err
    assert out.startswith("installed argos/fr-en@0.1-test")
    code, _, err = run(runner, "models", "install", "ar")
    assert code == 2 and err == "Error: the Argos package index has no ar -> en model\n"


def test_offline_install_fails_fast_with_the_file_hint(
    runner: CliRunner, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", f"http://127.0.0.1:{port}/")
    code, _, err = run(runner, "models", "install", "ar", "fr", "id")
    assert code == 2
    assert err.startswith(f"Error: cannot reach the Argos package index (http://127.0.0.1:{port}/: ")
    assert err.endswith("copy an .argosmodel file here and run: polynews models install --file PATH\n")


def test_install_needs_languages_or_a_file(runner: CliRunner, home: Path) -> None:
    code, _, err = run(runner, "models", "install")
    assert (
        code == 2
        and err
        == "Error: give either languages (polynews models install ar fr id) or --file PATH.argosmodel\n"
    )


def test_languages_translated_together_as_alone(fr_model: Path, tmp_path: Path) -> None:
    """The stage submits every language's batches before it waits on any (both CTranslate2 workers busy):
    a batch of French and Indonesian articles is translated exactly as each language on its own, the
    articles keep their order, and English ones are left alone."""
    from ingest.record import Article
    from translate.home import packages_dir
    from translate.install import install_file
    from translate.stage import TranslateStage

    home = tmp_path / "home"
    id_model = build_argosmodel(tmp_path / "id_en.argosmodel", SENTENCES * 4, "id")
    install_file(fr_model, home)
    install_file(id_model, home)
    texts = {p.name.split("_")[1]: p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))}
    articles = [
        Article(source=f"{i}-{lang}", text=texts[lang], lang=lang)
        for i, lang in enumerate(["fr", "id", "en", "fr", "id"])
    ]
    together = list(TranslateStage(packages_dir(home)).pipe(articles))
    assert [a.source for a in together] == [a.source for a in articles]
    assert [a.translation_status for a in together] == ["ok", "ok", "not-needed", "ok", "ok"]
    for lang in ("fr", "id"):
        alone = list(TranslateStage(packages_dir(home)).pipe([a for a in articles if a.lang == lang]))
        assert [a.text_en for a in together if a.lang == lang] == [a.text_en for a in alone]
        assert all(a.text_en and (a.translation_model or "").startswith(f"argos/{lang}-en@") for a in alone)
