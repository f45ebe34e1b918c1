"""Build Argos packages with random weights, for tests and benchmarks (real models cannot be fetched here).

The result is a real, valid ``.argosmodel``: a CTranslate2 Transformer made with ``ctranslate2.specs``, a
SentencePiece model trained on the given sentences, and ``metadata.json``, in one top-level folder, the way
argostranslate packages are laid out. Its translations are noise, but every code path (install, tokenize,
``translate_batch``, detokenize, provenance, cache) is the real one, and its shape can match a real model's
(``transformer-base``: 6+6 layers, d_model 512, 8 heads, FFN 2048, 32k vocabulary) for benchmarks.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True, slots=True)
class ModelShape:
    encoder_layers: int = 2
    decoder_layers: int = 2
    d_model: int = 32
    heads: int = 2
    ffn: int = 64
    vocab: int = 400
    quantization: str = "int8"


TINY = ModelShape()
TRANSFORMER_BASE = ModelShape(6, 6, 512, 8, 2048, 32000, "int8")


def _train_sentencepiece(sentences: Iterable[str], vocab: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(list(sentences)),
        model_writer=model,
        vocab_size=vocab,
        # A few hundred sentences cannot fill a large vocabulary: let SentencePiece stop short of it.
        hard_vocab_limit=False,
        character_coverage=1.0,
        model_type="unigram",
        minloglevel=2,
    )
    return model.getvalue()


def _shape_of(name: str, s: ModelShape, vocab: int) -> tuple[int, ...]:
    d = s.d_model
    if name.endswith(("layer_norm/gamma", "layer_norm/beta")):
        return (d,)
    if "embeddings" in name or name.startswith("decoder/projection"):
        return (vocab,) if name.endswith("bias") else (vocab, d)
    part = name.split("/")
    block, linear = part[-3], part[-2]
    if block == "self_attention":
        return {"linear_0": (3 * d, d), "linear_1": (d, d)}[linear]
    if block == "attention":
        return {"linear_0": (d, d), "linear_1": (2 * d, d), "linear_2": (d, d)}[linear]
    if block == "ffn":
        return {"linear_0": (s.ffn, d), "linear_1": (d, s.ffn)}[linear]
    raise ValueError(f"unexpected variable {name}")


def _set(spec: object, name: str, value: np.ndarray) -> None:
    obj = spec
    parts = name.split("/")
    for part in parts[:-1]:
        m = re.fullmatch(r"(.+)_(\d+)", part)
        if m and isinstance(getattr(obj, m.group(1), None), list):
            obj = getattr(obj, m.group(1))[int(m.group(2))]
        else:
            obj = getattr(obj, part)
    setattr(obj, parts[-1], value)


def build_ct2_model(out: Path, vocabulary: list[str], shape: ModelShape, seed: int = 0) -> None:
    from ctranslate2.specs import transformer_spec

    rng = np.random.default_rng(seed)
    spec = transformer_spec.TransformerSpec.from_config(
        (shape.encoder_layers, shape.decoder_layers), shape.heads
    )
    for name, value in spec.variables(ordered=True):
        if value is None:
            dims = _shape_of(name, shape, len(vocabulary))
            if name.endswith("gamma"):
                array = np.ones(dims, dtype=np.float32)
            elif name.endswith("beta"):
                array = np.zeros(dims, dtype=np.float32)
            else:
                array = (rng.standard_normal(dims) * 0.05).astype(np.float32)
            _set(spec, name, array)
    spec.register_source_vocabulary(vocabulary)
    spec.register_target_vocabulary(vocabulary)
    spec.validate()
    spec.optimize(quantization=shape.quantization)
    out.mkdir(parents=True, exist_ok=True)  # save() does not create it
    spec.save(str(out))


def build_argosmodel(
    path: Path,
    sentences: list[str],
    from_code: str,
    to_code: str = "en",
    shape: ModelShape = TINY,
    version: str = "0.1-test",
    seed: int = 0,
) -> Path:
    """Write an .argosmodel for ``from_code -> to_code`` to ``path``; returns ``path``."""
    import sentencepiece as spm

    spm_bytes = _train_sentencepiece(sentences, min(shape.vocab, 8000))
    sp = spm.SentencePieceProcessor(model_proto=spm_bytes)
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    # Pad the output vocabulary to the requested size (a benchmark needs a real model's 32k softmax);
    # padding tokens are never produced by the SentencePiece encoder.
    vocabulary = pieces + [f"<pad{i}>" for i in range(max(0, shape.vocab - len(pieces)))]
    folder = f"translate-{from_code}_{to_code}-{version.replace('.', '_')}"
    metadata = {
        "package_version": version,
        "argos_version": "1.9.0",
        "from_code": from_code,
        "from_name": from_code,
        "to_code": to_code,
        "to_name": to_code,
        "type": "translate",
        "code": f"translate-{from_code}_{to_code}",
    }
    with tempfile.TemporaryDirectory() as tmp:
        model_dir = Path(tmp) / "model"
        build_ct2_model(model_dir, vocabulary, shape, seed)
        path.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{folder}/sentencepiece.model", spm_bytes)
            zf.writestr(f"{folder}/README.md", "Random weights: for tests and benchmarks only.\n")
            for file in sorted(model_dir.iterdir()):
                zf.write(file, f"{folder}/model/{file.name}")
    return path
