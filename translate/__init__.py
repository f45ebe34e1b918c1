"""Offline translation to English: the Translator protocol, the Argos/CTranslate2 backend, model packages."""

from translate.backend import ArgosCT2Translator, TranslateOptions, Translator
from translate.home import offline_environ, packages_dir, polynews_home
from translate.packages import ModelPackage, installed_packages
from translate.stage import SentenceCache, TranslateStage

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
