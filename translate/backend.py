"""The Argos backend: an installed Argos package's CTranslate2 model and SentencePiece model, driven directly.

Why not ``argostranslate.translate``: it translates one paragraph per CTranslate2 call, imports torch through
stanza (3.5 s, 330 MB), sets no decoding cap, and its sentence splitters want downloads offline. Measured here,
batching sentences across articles is about 15x faster than one call per sentence. We read the same package
files argostranslate installs (``model/``, ``sentencepiece.model``, ``metadata.json``'s ``target_prefix``) and
decode the same way (``replace_unknowns``, ``length_penalty=0.2``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Protocol

from ingest.errors import ModelError, TranslationError
from translate.packages import ModelPackage


@dataclass(frozen=True, slots=True)
class TranslateOptions:
    device: Literal["cpu", "cuda", "auto"] = "cpu"
    # On these 2-core machines one intra-op thread per call and two calls in flight beat 2x1 the other way
    # round (measured: ARGOS_INTRA_THREADS=1 made small calls 20-30x faster than the default).
    inter_threads: int = 2
    intra_threads: int = 1
    batch_size: int = 32
    beam_size: int = 1
    # Decoding stops at 1.3x the longest source sentence of a batch (+4 tokens for short ones): a translation
    # is rarely longer, and an untrained or confused model otherwise runs to the 256-token default.
    max_length_ratio: float = 1.3
    compute_type: str = "auto"


class Translator(Protocol):
    """A backend that translates sentences from one language to English."""

    model_id: str

    def translate(self, sentences: Sequence[str]) -> list[str]: ...

    def start(self, sentences: Sequence[str]) -> Callable[[], list[str]]:
        """Begin translating; the returned function waits for the translations, in input order."""
        ...


class ArgosCT2Translator:
    def __init__(self, package: ModelPackage, options: TranslateOptions | None = None) -> None:
        import ctranslate2
        import sentencepiece

        self.options = options or TranslateOptions()
        self.package = package
        self.model_id = package.model_id
        spm_path = package.path / "sentencepiece.model"
        if not spm_path.is_file():
            raise ModelError(
                f"{package.pair} package at {package.path} has no sentencepiece.model; only SentencePiece Argos "
                "packages are supported"
            )
        meta: dict[str, Any] = json.loads((package.path / "metadata.json").read_text(encoding="utf-8"))
        self.target_prefix: str = str(meta.get("target_prefix", "") or "")
        device = self.options.device
        if device == "auto":
            device = "cuda" if ctranslate2.get_cuda_device_count() > 0 else "cpu"
        try:
            self.sp = sentencepiece.SentencePieceProcessor(model_file=str(spm_path))
            self.ct2 = ctranslate2.Translator(
                str(package.path / "model"),
                device=device,
                inter_threads=self.options.inter_threads,
                intra_threads=self.options.intra_threads,
                compute_type=self.options.compute_type,
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise ModelError(f"cannot load the {package.pair} model at {package.path}: {exc}") from None
        self.calls = 0
        """Number of CTranslate2 calls made: what the translation cache saves is visible here."""

    def tokenize(self, sentences: Sequence[str]) -> list[list[str]]:
        return [self.sp.encode(s, out_type=str) for s in sentences]

    def submit(self, batch: list[list[str]]) -> list[Any]:
        """Start one CTranslate2 call on a batch of tokenized sentences of similar length; returns futures.

        Asynchronous, so that batches run side by side on the ``inter_threads`` workers (a blocking call per
        batch keeps one core of two idle), each with its own decoding cap.
        """
        longest = max((len(t) for t in batch), default=1)
        prefix = [[self.target_prefix]] * len(batch) if self.target_prefix else None
        self.calls += 1
        futures: list[Any] = self.ct2.translate_batch(
            batch,
            target_prefix=prefix,
            max_batch_size=self.options.batch_size,
            beam_size=self.options.beam_size,
            max_decoding_length=self._cap(longest),
            replace_unknowns=True,
            length_penalty=0.2,
            asynchronous=True,
        )
        return futures

    def _cap(self, source_tokens: int) -> int:
        return math.ceil(max(source_tokens, 1) * self.options.max_length_ratio) + 4

    def detokenize(self, tokens: list[str]) -> str:
        text: str = self.sp.decode_pieces(tokens).replace("▁", " ")
        if self.target_prefix and text.startswith(self.target_prefix):
            text = text[len(self.target_prefix) :]
        return text.strip()

    def start(self, sentences: Sequence[str]) -> Callable[[], list[str]]:
        """Submit ``sentences`` in length-sorted batches (less padding) and return at once; the returned function
        waits and gives the translations in input order. Callers start every group they have before waiting on
        any, so the ``inter_threads`` CTranslate2 workers always have a batch to decode."""
        if not sentences:
            return list
        tokens = self.tokenize(sentences)
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        size = self.options.batch_size
        pending = []
        try:
            for start in range(0, len(order), size):
                idx = order[start : start + size]
                pending.append((idx, self.submit([tokens[i] or ["▁"] for i in idx])))
        except (RuntimeError, ValueError) as exc:
            raise TranslationError(f"{self.package.pair} model failed: {exc}") from None

        def wait() -> list[str]:
            out: list[str] = [""] * len(tokens)
            try:
                for idx, futures in pending:
                    for i, future in zip(idx, futures, strict=True):
                        # Each sentence cut to its own cap, not its batch's: a greedy decode's first tokens do not
                        # depend on the cap, so a sentence translates the same in any batch (an interrupted run
                        # and its re-run store what one uninterrupted run stores).
                        cap = self._cap(len(tokens[i]))
                        out[i] = self.detokenize(future.result().hypotheses[0][:cap])
            except (RuntimeError, ValueError) as exc:
                raise TranslationError(f"{self.package.pair} model failed: {exc}") from None
            return out

        return wait

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """Translate and wait: ``start(sentences)()``."""
        return self.start(sentences)()
