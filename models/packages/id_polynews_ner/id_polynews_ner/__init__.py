"""polynews' Indonesian NER pipeline: `spacy.load("id_polynews_ner")` loads the model folder beside this file."""

from pathlib import Path
from typing import Any


def load(**overrides: Any) -> Any:
    from spacy.util import load_model_from_path

    return load_model_from_path(Path(__file__).parent / "model", **overrides)
