"""Package exports imported on first use (PEP 562), one implementation for every package's ``__init__``.

Importing a package imports none of its modules: `polynews stats` or `--version`, which need ingest.errors or
store's read path, must not pay for trafilatura, spaCy, Alembic or the ORM (bench/startup_bench.py).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from typing import Any


def lazy_exports(package: str, where: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of ``package``, whose exported names live in the modules ``where``
    names; each name is imported once, then kept in the package's namespace."""
    namespace = sys.modules[package].__dict__

    def __getattr__(name: str) -> Any:
        if name not in where:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where[name]), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *where})

    return __getattr__, __dir__
