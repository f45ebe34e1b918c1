"""polynews' Arabic NER pipeline: `spacy.load("ar_polynews_ner")` loads the model folder beside this file.

The model was trained with ``norm`` as every word's NORM (the feature its hash embeddings read most): the
spelling variants of alef, alef maqsura and taa marbuta folded, harakat and tatweel dropped, and the article
with the clitics written before it removed ("والصين", "بالصين", "للصين" and "الصين" are all "صين"), so one
name shares its rows in every form. ``load`` installs the same function in the loaded vocabulary. The model's
floret word vectors (model/vocab/vectors, models/vectors.py) are keyed by the same NORM.
"""

import re
from pathlib import Path
from typing import Any

_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه"})
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u0640]")
_ARTICLE = re.compile(r"^(?:[وف]?[بكل]?ال|[وف]?لل)(?=\w{2,})")


def norm(text: str) -> str:
    # The article first, on the written letters: the hamza of "ألمانيا" (Germany) is no article.
    return _ARTICLE.sub("", _MARKS.sub("", text), count=1).translate(_FOLD)


def load(**overrides: Any) -> Any:
    from spacy.attrs import NORM
    from spacy.util import load_model_from_path

    nlp = load_model_from_path(Path(__file__).parent / "model", **overrides)
    nlp.vocab.lex_attr_getters[NORM] = norm
    for lex in nlp.vocab:  # lexemes made before the getter was set (tokenizer exceptions)
        lex.norm_ = norm(lex.orth_)
    return nlp
