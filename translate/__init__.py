"""Offline translation to English: the Translator protocol, the Argos/CTranslate2 backend, model packages."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ingest.lazy import lazy_exports

if TYPE_CHECKING:
    from translate.backend import ArgosCT2Translator, TranslateOptions, Translator
    from translate.home import offline_environ, packages_dir, polynews_home
    from translate.packages import ModelPackage, installed_packages
    from translate.stage import SentenceCache, TranslateStage

# Each name is imported on first use (ingest/lazy.py: start-up time). Where each exported name lives:
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

__getattr__, __dir__ = lazy_exports(__name__, _WHERE)
