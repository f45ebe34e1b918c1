"""Installing and removing Argos packages: from the Argos package index (online) or a local .argosmodel file.

An .argosmodel is a zip holding ONE folder with ``metadata.json``, ``model/`` (CTranslate2) and
``sentencepiece.model``. argostranslate's ``install_from_path`` extracts blindly into the packages folder, and a
zip with files at its root breaks every installed package after it, so a file is validated completely before
argostranslate sees it; a bad file installs nothing.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import urllib.error
import urllib.request
import zipfile
from pathlib import Path, PurePosixPath
from typing import Any

from ingest.errors import ModelError
from translate.home import offline_environ, packages_dir
from translate.packages import ModelPackage, installed_packages, read_metadata

log = logging.getLogger(__name__)
DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
_REQUIRED = ("metadata.json", "model/model.bin", "sentencepiece.model")


def _argos(home: Path) -> Any:
    """argostranslate.package, imported with our folders configured.

    argostranslate reads its settings from the environment once, at import; the variables are set for the
    import only (a long-lived process, or the test suite, must not inherit them), then its folder settings
    are pointed at ours again, since a process that imported it earlier keeps its first settings.
    """
    env = offline_environ(home)
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        import argostranslate.package
        import argostranslate.settings
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
    target = packages_dir(home)
    target.mkdir(parents=True, exist_ok=True)
    argostranslate.settings.package_data_dir = target
    argostranslate.settings.package_dirs = [target]
    return argostranslate.package


def validate_argosmodel(path: Path) -> dict[str, Any]:
    """The package's metadata, or `ModelError` saying exactly what is wrong with the file."""
    if not path.is_file():
        raise ModelError(f"no such file: {path}")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path} is not an .argosmodel file (not a zip archive)")
    try:
        with zipfile.ZipFile(path) as zf:
            names = [n for n in zf.namelist() if n and not n.endswith("/")]
            bad = zf.testzip()
            if bad is not None:
                raise ModelError(f"{path} is corrupt (bad CRC in {bad})")
            tops = {PurePosixPath(n).parts[0] for n in zf.namelist() if n}
            if any(len(PurePosixPath(n).parts) == 1 for n in names) or len(tops) != 1:
                raise ModelError(
                    f"{path} is not a valid .argosmodel: it must hold exactly one folder "
                    f"(found at its root: {', '.join(sorted(tops)[:5])})"
                )
            top = tops.pop()
            if any(PurePosixPath(n).is_absolute() or ".." in PurePosixPath(n).parts for n in names):
                raise ModelError(f"{path} has unsafe paths (absolute or '..') and was not installed")
            missing = [r for r in _REQUIRED if f"{top}/{r}" not in names]
            if missing:
                raise ModelError(
                    f"{path} is not a translation package: missing {', '.join(missing)} in {top}/"
                )
            meta = json.loads(zf.read(f"{top}/metadata.json"))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise ModelError(f"{path} cannot be read as an .argosmodel: {exc}") from None
    if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
        raise ModelError(f"{path}: metadata.json has no from_code/to_code")
    if meta.get("type", "translate") != "translate":
        raise ModelError(f"{path} is a {meta.get('type')!r} package, not a translation model")
    meta["_folder"] = top
    return meta


def install_file(path: Path, home: Path) -> ModelPackage:
    """Install a local .argosmodel through argostranslate's own install path, replacing the same pair."""
    meta = validate_argosmodel(path)
    target = packages_dir(home)
    pair = f"{meta['from_code']}-{meta['to_code']}"
    old = [p for p in installed_packages(target) if p.pair == pair]
    destination = target / meta["_folder"]
    staging = None
    if destination.exists():
        staging = destination.with_name(destination.name + ".old")
        shutil.rmtree(staging, ignore_errors=True)
        destination.rename(staging)
    try:
        _argos(home).install_from_path(path)
        installed = read_metadata(destination)
        if installed is None:
            raise ModelError(f"{path} did not install a readable package at {destination}")
        from translate.backend import ArgosCT2Translator

        ArgosCT2Translator(installed)  # loads the model: a file that does not load is not left installed
    except BaseException:
        shutil.rmtree(destination, ignore_errors=True)
        if staging is not None:
            staging.rename(destination)
        raise
    if staging is not None:
        shutil.rmtree(staging, ignore_errors=True)
    for p in old:
        if p.path != destination:
            shutil.rmtree(p.path, ignore_errors=True)
    log.info("installed %s from %s into %s", installed.model_id, path, destination)
    return installed


def index_url() -> str:
    url = os.environ.get("ARGOS_PACKAGE_INDEX", DEFAULT_INDEX)
    return url if url.endswith("/") else url + "/"


def _offline_hint(reason: str) -> ModelError:
    return ModelError(
        f"cannot reach the Argos package index ({index_url()}: {reason}); copy an .argosmodel file here and run: "
        "polynews models install --file PATH"
    )


def install_online(langs: list[str], home: Path, timeout: float = 10.0) -> list[ModelPackage]:
    """Download and install ``xx -> en`` for each language from the Argos index.

    The index is fetched once, here, with a timeout: argostranslate's own ``get_available_packages`` retries
    about a thousand times offline and ends in a RecursionError, so it is never called without the index.
    """
    try:
        with urllib.request.urlopen(index_url() + "index.json", timeout=timeout) as response:
            data = response.read()
        index = json.loads(data)
    except (urllib.error.URLError, OSError, ValueError) as exc:
        raise _offline_hint(str(getattr(exc, "reason", exc))) from None
    installed = []
    for lang in langs:
        entry = next(
            (
                e
                for e in index
                if isinstance(e, dict) and e.get("from_code") == lang and e.get("to_code") == "en"
            ),
            None,
        )
        if entry is None:
            raise ModelError(f"the Argos package index has no {lang} -> en model")
        links = [u for u in entry.get("links", []) if isinstance(u, str)]
        if not links:
            raise ModelError(f"the Argos package index lists no download for {lang} -> en")
        download = home / "downloads" / f"{lang}_en-{entry.get('package_version', '0')}.argosmodel"
        download.parent.mkdir(parents=True, exist_ok=True)
        for url in links:
            try:
                with urllib.request.urlopen(url, timeout=timeout) as response, open(download, "wb") as fh:
                    shutil.copyfileobj(response, fh)
                break
            except (urllib.error.URLError, OSError) as exc:
                log.warning("download of %s failed: %s", url, exc)
        else:
            raise _offline_hint(f"download of the {lang} -> en model failed")
        try:
            installed.append(install_file(download, home))
        finally:
            download.unlink(missing_ok=True)
    return installed


def remove(pair: str, home: Path) -> ModelPackage:
    """Remove an installed package by pair (``fr-en``) or source language (``fr``)."""
    wanted = pair if "-" in pair else f"{pair}-en"
    packages = installed_packages(packages_dir(home))
    for p in packages:
        if p.pair == wanted:
            shutil.rmtree(p.path)
            return p
    have = ", ".join(p.pair for p in packages) or "none"
    raise ModelError(f"no installed model {wanted} (installed: {have})")
