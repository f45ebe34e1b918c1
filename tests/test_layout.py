"""The card's generic package names (translate, store, normalize exist on PyPI) must resolve to this repo."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ["ingest", "normalize", "translate", "store", "extract"]
MODULES = ["cli", "pipeline"]


@pytest.mark.parametrize("name", PACKAGES + MODULES)
def test_resolves_inside_repository(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__file__ is not None
    assert Path(module.__file__).resolve().is_relative_to(ROOT), f"{name} resolves to {module.__file__}"


@pytest.mark.parametrize("name", PACKAGES)
def test_exported_members_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__ == sorted(module.__all__), "keep __all__ sorted"
    for member in module.__all__:
        assert hasattr(module, member), f"{name}.{member} is exported but missing"


def test_samples_are_the_seeds_byte_for_byte() -> None:
    seeds = ROOT.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("shared/seeds is not beside this checkout")
    ours = {p.read_bytes() for p in (ROOT / "samples").glob("*.txt")}
    for seed in seeds.glob("*.txt"):
        assert seed.read_bytes() in ours, f"{seed.name} is not in samples/ unchanged"
