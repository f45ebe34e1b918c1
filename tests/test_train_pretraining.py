"""models/train.py's pretraining plumbing (arpre26, session 26): the [pretraining] blocks merge into the Arabic
config without changing the model, and ``[pretraining] layer = "tok2vec"`` of ``ner`` reaches the CNN itself
(one array a doc, what ``spacy pretrain``'s objective reads), not the parser's projection after it."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "models"))

import train  # noqa: E402


def test_pretraining_blocks_merge_into_the_arabic_config(tmp_path: Path) -> None:
    from spacy.util import load_config

    merged = load_config(
        train.with_pretraining("ar", train.HERE / "ar" / "config.cfg", tmp_path), interpolate=False
    )
    base = load_config(train.HERE / "ar" / "config.cfg", interpolate=False)
    assert merged["components"] == base["components"]
    assert merged["training"]["max_steps"] == base["training"]["max_steps"]
    assert (merged["pretraining"]["component"], merged["pretraining"]["layer"]) == ("ner", "tok2vec")
    assert merged["initialize"]["init_tok2vec"] == "${paths.init_tok2vec}"
    assert merged["corpora"]["pretrain"]["path"] == "${paths.raw_text}"


def test_pretraining_reaches_the_ner_cnn(tmp_path: Path) -> None:
    from spacy.training import pretrain
    from spacy.util import load_config, load_model_from_config

    config = load_config(
        train.with_pretraining("ar", train.HERE / "ar" / "config.cfg", tmp_path),
        overrides={"components.ner.model.tok2vec.embed.include_static_vectors": False},
        interpolate=False,
    )
    nlp = load_model_from_config(config, auto_fill=True)
    train._pretrain_the_cnn()
    layer = pretrain.get_tok2vec_ref(nlp, {"component": "ner", "layer": "tok2vec"})
    assert layer.has_ref("embed") and layer.has_ref("encode")  # spacy.Tok2Vec.v2, the CNN
    layer.initialize()
    docs = [nlp.make_doc("وصل الرئيس إلى بكين"), nlp.make_doc("قال يانغ شو")]
    assert [a.shape for a in layer.predict(docs)] == [(4, 96), (3, 96)]
