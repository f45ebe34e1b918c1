"""Re-train polynews' Arabic or Indonesian NER pipeline from the public corpora and put it in its package folder.

    .venv/bin/python models/train.py ar --data PATH/ANERCorp --vectors PATH/vectors/spacy \
        --extra PATH/WikiFANE_Gold_2014_500K.txt --extra-names-only  # vectors: models/vectors.py
    .venv/bin/python models/train.py id --data PATH/idner-news-2k --extra PATH/nergrit

Only train and dev splits are read (ANERcorp: the CAMeL Lab training 5/6, its last tenth as dev; IDNer-news-2k:
train.txt and dev.txt, plus NERGrit's train_preprocess.txt when --extra is given; Arabic --extra: WikiFANE Gold, in
a first stage before ANERcorp alone). Test splits are left to
bench/ner_eval.py. Training runs `spacy train` under `nice -n 10` on one thread with the step bound in the
config and the package's NORM installed in the language's defaults (``spacy_cli``); the trained pipeline
replaces models/packages/<lang>_polynews_ner/<lang>_polynews_ner/model, which `make install` installs. Times measured on this machine are in models/README.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ner_data import Sentence, load, read_conll  # noqa: E402

CORPORA = {"ar": "anercorp", "id": "idner"}
SENTENCES_PER_DOC = 8


def word_norm(lang: str) -> Callable[[str], str] | None:
    """The NORM the language's package installs at load time (Arabic: folded spellings, article removed)."""
    package = HERE / "packages" / f"{lang}_polynews_ner"
    sys.path.insert(0, str(package))
    module = importlib.import_module(f"{lang}_polynews_ner")
    return getattr(module, "norm", None)


def spacy_cli(lang: str) -> None:
    """spaCy's command line with the language's NORM installed in its defaults (models/train.py runs
    ``spacy train`` through this). spaCy's training tokenizes each example's text again (``nlp.make_doc``), so
    the words the model reads take their NORM from the language's defaults, not from the training files: without
    this the model learns one NORM and the package gives it another at load time (the first Arabic model did:
    dev F1 0.636 during training, 0.508 as installed)."""
    norm = word_norm(lang)
    if norm is not None:
        from spacy.attrs import NORM
        from spacy.util import get_lang_class

        get_lang_class(lang).Defaults.lex_attr_getters[NORM] = norm
    _pretrain_the_cnn()
    from spacy.cli import setup_cli

    setup_cli()


def _pretrain_the_cnn() -> None:
    """Make ``[pretraining] layer = "tok2vec"`` of the ``ner`` component name its CNN, for ``spacy pretrain``
    and for ``[initialize] init_tok2vec`` in ``spacy train``. The parser model's "tok2vec" reference is the CNN
    followed by a projection to the parser's hidden width, one array for the whole batch, while the pretraining
    objective needs the CNN's own output (one array a doc) and the CNN is the part worth pretraining; spaCy names
    the CNN nowhere, so the pretraining and the loading of its weights both take the chain's first layer."""
    import spacy.training.initialize as initialize
    import spacy.training.pretrain as pretrain

    find = pretrain.get_tok2vec_ref

    def cnn_ref(nlp: Any, pretrain_config: dict[str, Any]) -> Any:
        layer = find(nlp, pretrain_config)  # type: ignore[no-untyped-call]
        if [sub.name for sub in layer.layers[1:2]] == ["list2array"]:
            return layer.layers[0]
        return layer

    pretrain.get_tok2vec_ref = cnn_ref
    initialize.get_tok2vec_ref = cnn_ref  # type: ignore[attr-defined]


def to_docbin(lang: str, sentences: list[Sentence], path: Path) -> int:
    import spacy
    from spacy.tokens import Doc, DocBin

    nlp = spacy.blank(lang)
    norm = word_norm(lang)
    db = DocBin()
    for i in range(0, len(sentences), SENTENCES_PER_DOC):
        chunk = sentences[i : i + SENTENCES_PER_DOC]
        words = [w for ws, _ in chunk for w in ws]
        tags = [t for _, ts in chunk for t in ts]
        sent_starts = [j == 0 for ws, _ in chunk for j in range(len(ws))]
        doc = Doc(nlp.vocab, words=words, ents=tags, sent_starts=sent_starts)
        if norm is not None:
            for token in doc:
                token.norm_ = norm(token.text)
        db.add(doc)
    db.to_disk(path)
    return sum(len(ws) for ws, _ in sentences)


def spacy_command(lang: str, args: list[str]) -> None:
    """A spaCy command under ``nice -n 10`` on one thread, through ``spacy_cli`` (the package's NORM)."""
    cmd = [
        "nice", "-n", "10", sys.executable, "-c",
        "import sys; sys.path.insert(0, sys.argv.pop(1)); import train; train.spacy_cli(sys.argv.pop(1))",
        str(HERE), lang, *args,
    ]  # fmt: skip
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    subprocess.run(cmd, check=True, env=env)


def spacy_train(lang: str, config: Path, out: Path, train: Path, dev: Path, overrides: list[str]) -> None:
    args = ["train", str(config), "--output", str(out), "--paths.train", str(train), "--paths.dev", str(dev)]
    spacy_command(lang, [*args, *overrides])


def with_pretraining(lang: str, config: Path, work: Path) -> Path:
    """The config with ``<lang>/pretraining.cfg``'s blocks merged in and spaCy's defaults filled (``spacy
    pretrain`` does not fill them itself), written into ``work``: the pretraining then builds the very layer the
    config trains, and a stage 1 that starts from its weights finds in [pretraining] where they go."""
    from spacy.cli.init_config import fill_config
    from spacy.util import load_config

    merged = load_config(config, interpolate=False).merge(
        load_config(HERE / lang / "pretraining.cfg", interpolate=False)
    )
    merged.to_disk(work / "pretraining-unfilled.cfg")
    fill_config(work / "pretraining.cfg", work / "pretraining-unfilled.cfg", silent=True)
    return work / "pretraining.cfg"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("lang", choices=sorted(CORPORA))
    ap.add_argument("--data", type=Path, required=True, help="ANERCorp file, or the IDNer-news-2k folder")
    ap.add_argument(
        "--extra",
        type=Path,
        help="id: NERGrit folder (IndoNLU dataset/nergrit_ner-grit); ar: WikiFANE_Gold_2014_500K.txt",
    )
    ap.add_argument(
        "--extra-names-only",
        action="store_true",
        help="of the --extra sentences, only those naming a person or an organisation",
    )
    ap.add_argument(
        "--english",
        type=Path,
        help="CoNLL-2003 English train file: its first --english-sentences sentences (MISC dropped) are added, "
        "since news in Indonesian names foreign people and organisations in English",
    )
    ap.add_argument("--english-sentences", type=int, default=3000)
    ap.add_argument(
        "--pretrained",
        type=Path,
        help="ar: a stage-1 model (ANERcorp + WikiFANE) to fine-tune on ANERcorp, instead of training one",
    )
    ap.add_argument(
        "--vectors",
        type=Path,
        help="the spaCy vectors folder models/vectors.py made (ar: the config needs it)",
    )
    ap.add_argument(
        "--pretrain-text",
        type=Path,
        help="ar: only pretrain the NER's token-to-vector layer (`spacy pretrain`, <lang>/pretraining.cfg) on this "
        "JSONL of raw text (models/vectors.py --jsonl), into <work>/<lang>/tok2vec; it saves every 1,000 batches "
        "and runs until stopped",
    )
    ap.add_argument(
        "--init-tok2vec",
        type=Path,
        help="ar: stage 1 starts its token-to-vector layer from these pretrained weights (a model*.bin of "
        "--pretrain-text)",
    )
    ap.add_argument("--work", type=Path, default=Path("/tmp/polynews-ner-train"))
    ap.add_argument(
        "--max-steps",
        type=int,
        help="override the config's training.max_steps (Arabic in two stages: stage 1's; stage 2 keeps finetune.cfg's)",
    )
    ap.add_argument("--config", type=Path, help="another config than models/<lang>/config.cfg")
    ap.add_argument("--packages", type=Path, default=HERE / "packages", help="where the package folders are")
    args = ap.parse_args()

    work = args.work / args.lang
    work.mkdir(parents=True, exist_ok=True)
    config = args.config or HERE / args.lang / "config.cfg"
    overrides = ["--paths.vectors", str(args.vectors)] if args.vectors else []
    if args.pretrain_text:
        pretrain_config = with_pretraining(args.lang, config, work)
        text = ["--paths.raw_text", str(args.pretrain_text)]
        spacy_command(args.lang, ["pretrain", str(pretrain_config), str(work / "tok2vec"), *text, *overrides])
        return
    if args.init_tok2vec:
        config = with_pretraining(args.lang, config, work)
        overrides_stage1 = ["--paths.init_tok2vec", str(args.init_tok2vec)]
    else:
        overrides_stage1 = []
    train = load(CORPORA[args.lang], "train", args.data)
    dev = load(CORPORA[args.lang], "dev", args.data)
    n_dev = to_docbin(args.lang, dev, work / "dev.spacy")
    extra: list[Sentence] = []
    if args.extra:
        extra = load({"ar": "wikifane", "id": "nergrit"}[args.lang], "train", args.extra)
        if args.extra_names_only:
            extra = [s for s in extra if any(t.endswith(("-PERSON", "-ORG")) for t in s[1])]
    if args.english:
        english = [s for s in read_conll(args.english) if s[0] != ["-DOCSTART-"]][: args.english_sentences]
        train += [(w, [t if not t.endswith("-MISC") else "O" for t in tags]) for w, tags in english]
    steps = ["--training.max_steps", str(args.max_steps)] if args.max_steps else []
    start = time.perf_counter()
    if args.lang == "ar" and (extra or args.pretrained):
        # Two stages: the model learns from ANERcorp and WikiFANE together, then goes on from its best state
        # on ANERcorp alone (finetune.cfg), the news whose conventions the product and the test split share.
        # Trained on the mixture alone it stayed below the ANERcorp-only model on dev (models/README.md).
        pretrained = args.pretrained
        if pretrained is None:
            n_mix = to_docbin(args.lang, train + extra, work / "mix.spacy")
            print(
                f"{args.lang}: stage 1, {len(train) + len(extra)} sentences ({n_mix} tokens), {len(dev)} dev"
            )
            spacy_train(
                args.lang,
                config,
                work / "pretrain",
                work / "mix.spacy",
                work / "dev.spacy",
                [*overrides, *overrides_stage1, *steps],
            )
            pretrained = work / "pretrain" / "model-best"
        config = HERE / args.lang / "finetune.cfg"
        overrides += ["--paths.source", str(pretrained)]
    else:
        train += extra
        overrides += steps
    n_train = to_docbin(args.lang, train, work / "train.spacy")
    print(f"{args.lang}: {len(train)} training sentences ({n_train} tokens), {len(dev)} dev ({n_dev} tokens)")
    spacy_train(args.lang, config, work / "out", work / "train.spacy", work / "dev.spacy", overrides)
    minutes = (time.perf_counter() - start) / 60

    name = f"{args.lang}_polynews_ner"
    target = args.packages / name / name / "model"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(work / "out" / "model-best", target)
    meta_path = target / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta.update(
        name="polynews_ner",
        version="0.1.0",
        description=f"polynews {args.lang} NER (models/train.py); sources in models/README.md",
    )
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    perf = meta.get("performance", {})
    print(
        f"{args.lang}: trained in {minutes:.1f} min; dev F1 {perf.get('ents_f', 0):.3f}; written to {target}"
    )


if __name__ == "__main__":
    main()
