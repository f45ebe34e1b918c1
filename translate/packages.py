"""Installed Argos packages, read from their ``metadata.json`` without importing argostranslate.

Importing argostranslate costs about 3.5 s and 330 MB (it pulls in torch through stanza), so listing models and
deciding whether an article can be translated must not need it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class ModelPackage:
    path: Path
    from_code: str
    to_code: str
    version: str
    name: str

    @property
    def pair(self) -> str:
        return f"{self.from_code}-{self.to_code}"

    @property
    def model_id(self) -> str:
        return f"argos/{self.pair}@{self.version}"

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


def read_metadata(folder: Path) -> ModelPackage | None:
    meta_path = folder / "metadata.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(meta, dict) or not meta.get("from_code") or not meta.get("to_code"):
        return None
    return ModelPackage(
        path=folder,
        from_code=str(meta["from_code"]),
        to_code=str(meta["to_code"]),
        version=str(meta.get("package_version", "0")),
        name=str(meta.get("from_name", meta["from_code"]))
        + " -> "
        + str(meta.get("to_name", meta["to_code"])),
    )


def installed_packages(folder: Path) -> list[ModelPackage]:
    if not folder.is_dir():
        return []
    found = (read_metadata(p) for p in sorted(folder.iterdir()) if p.is_dir())
    return [p for p in found if p is not None]
