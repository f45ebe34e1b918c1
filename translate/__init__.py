"""Offline translation to English: the Translator protocol, the Argos/CTranslate2 backend, model packages."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from translate.backend import ArgosCT2Translator, TranslateOptions, Translator
    from translate.home import offline_environ, packages_dir, polynews_home
    from translate.packages import ModelPackage, installed_packages
    from translate.stage import SentenceCache, TranslateStage

# Importing the package imports none of its modules: each name is imported on first use (PEP 562), so that
# `polynews stats` or `--version`, which need ingest.errors or store's read path, do not pay for trafilatura,
# spaCy, Alembic or the ORM (bench/startup_bench.py). Where each exported name lives:
_WHERE = {
    "ArgosCT2Translator": "translate.backend",
    "ModelPackage": "translate.packages",
    "SentenceCache": "translate.stage",
    "TranslateOptions": "translate.backend",
    "TranslateStage": "translate.stage",
    "Translator": "translate.backend",
    "installed_packages": "translate.packages",
    "offline_environ": "translate.home",
    "packages_dir": "translate.home",
    "polynews_home": "translate.home",
}

__all__ = [
    "ArgosCT2Translator",
    "ModelPackage",
    "SentenceCache",
    "TranslateOptions",
    "TranslateStage",
    "Translator",
    "installed_packages",
    "offline_environ",
    "packages_dir",
    "polynews_home",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
