"""Model management: what is installed (translation packages and spaCy pipelines)."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path
from typing import Any

from translate.home import packages_dir
from translate.packages import installed_packages


def _spacy_rows(english_model: str) -> list[dict[str, Any]]:
    from extract.ner import resolve_model_name

    rows: list[dict[str, Any]] = []
    for configured in (english_model, "fr_core_news_sm", "ar_polynews_ner", "id_polynews_ner"):
        try:
            name = resolve_model_name(configured)
        except Exception:
            rows.append(
                {
                    "kind": "spacy",
                    "name": configured,
                    "version": "missing",
                    "size_bytes": None,
                    "location": "pip install "
                    + (
                        f"models/packages/{configured}"  # polynews' own, in the repository
                        if configured.endswith("_polynews_ner")
                        else configured.replace("_", "-")
                    ),
                }
            )
            continue
        dist = importlib.metadata.distribution(name.replace("_", "-"))
        files = [Path(str(dist.locate_file(f))) for f in dist.files or []]
        size = sum(f.stat().st_size for f in files if f.is_file())
        location = str(Path(str(dist.locate_file(name))))
        rows.append(
            {"kind": "spacy", "name": name, "version": dist.version, "size_bytes": size, "location": location}
        )
    return rows


def list_models(home: Path, english_model: str) -> list[dict[str, Any]]:
    rows = [
        {
            "kind": "translation",
            "name": p.pair,
            "version": p.version,
            "size_bytes": p.size_bytes,
            "location": str(p.path),
            "model_id": p.model_id,
        }
        for p in installed_packages(packages_dir(home))
    ]
    return rows + _spacy_rows(english_model)
