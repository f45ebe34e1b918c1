"""Fit and check the ranking of an event's candidate places (extract/event_place.py) on the realset TUNING half.

Runs polynews's stages over the tuning half of bench/realset as bench/realset_eval.py does (no translation model),
records every candidate place of each article's first event with its features (FactExtractor.place_trace), marks
the right ones with realset_eval's `place_right`, and fits a conditional logit (softmax over one event's
candidates, L2 penalty, numpy) on them. Never reads the held-out half.

- cross-fold (the honest figure): fit on tune-a, score tune-b, and the reverse, per language, beside the rules'
  first place ("rules", what the product gives without weights) and the ceiling (a right place among the
  candidates);
- ``--weights``: the weights fit on both folds, as the Python mapping extract/event_place.py keeps.

Usage: python bench/event_place_fit.py [--l2 1.0 ...] [--margin 1.0 ...] [--weights] [--cache /tmp/realset-ner.pickle]
       [--errors tune-a [--model-errors]] [--changes] [--stories STORY,...|@FILE] [--without FEATURE ...] [--misses]

- ``--errors FOLD``: the rules' ranking errors on that fold (with ``--model-errors``: those of the model fit on
  the other fold); ``--changes``: where the product's weights change the first place; ``--stories``: the rules, the
  product's weights and the cross-fold fits on these stories alone (a part no weight was fit on, e.g. the stories
  added after the fit); ``--without``: leave features out (of both rankers); ``--misses``: why the first is wrong.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from realset_eval import CACHE, FOLDS, LANGS, event_fact, folds, load, place_right, same  # noqa: E402

from extract.event_place import FEATURES, GENERAL, WEIGHTS  # noqa: E402
from extract.facts import FactOptions, FactStage  # noqa: E402
from extract.ner import NerOptions, NerStage  # noqa: E402
from ingest.readers import read_document  # noqa: E402
from ingest.record import Article  # noqa: E402
from normalize.stages import LanguageStage, Normalizer  # noqa: E402

NARROWED = FEATURES.index("narrowed")


@dataclasses.dataclass
class Event:
    id: str
    lang: str
    fold: str
    want: str
    rules_ok: bool  # the rules' first place is right (what the product gives without weights)
    names: list[str]  # candidates in the rules' order
    x: np.ndarray  # candidates x features
    y: np.ndarray  # which candidates are right
    # The learnt ranker's view: the candidates in the scores' order before _narrowed, their GENERAL features, which
    # are right, and _narrowed itself (applied to the ranker's order, as the product does).
    ranked: list[str] = dataclasses.field(default_factory=list)
    xg: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros((0, 0)))
    yg: np.ndarray = dataclasses.field(default_factory=lambda: np.zeros(0))
    narrow: dict[str, str] = dataclasses.field(default_factory=dict)  # top -> first after _narrowed
    forms: list[str] = dataclasses.field(default_factory=list)


def analysed(data: Path, labels: list[dict[str, Any]], cache: Path | None) -> dict[str, Article]:
    """Each article read, normalised, its language found and NER run (the slow part, cached when asked)."""
    if cache is not None and cache.exists():
        with cache.open("rb") as f:
            got: dict[str, Article] = pickle.load(f)
        if all(lab["id"] in got for lab in labels):
            return got
    articles = []
    for lab in labels:
        path = data / "articles" / f"{lab['id']}.txt"
        articles.extend(
            dataclasses.replace(a, url=lab.get("url"))
            for a in read_document(str(path), path.read_bytes(), ".txt")
        )
    for stage in (Normalizer(), LanguageStage()):
        articles = [stage(a) if not a.failed else a for a in articles]
    articles = list(NerStage(NerOptions()).pipe(articles))
    got = {lab["id"]: a for lab, a in zip(labels, articles, strict=True)}
    if cache is not None:
        with cache.open("wb") as f:
            pickle.dump(got, f)
    return got


def events(
    labels: list[dict[str, Any]], got: dict[str, Article]
) -> tuple[list[Event], Counter[tuple[str, str]]]:
    """Every labelled event place with the candidates the product ranked; and per (lang, fold) how many labelled
    places there are (the denominator of realset_eval's "event place")."""
    stage = FactStage(FactOptions(cache_dir=CACHE))
    stage.extractor.place_trace = []
    stage.extractor.place_weights = {}  # the rules' order, what the features describe
    out: list[Event] = []
    total: Counter[tuple[str, str]] = Counter()
    for lab in labels:
        ev = lab.get("event") or {}
        if not (ev.get("kind") and ev.get("place")):
            continue
        total[(lab["lang"], lab["split"])] += 1
        stage.extractor.place_trace.clear()
        a = stage(got[lab["id"]])
        fact = event_fact(a) or {}
        places = fact.get("places") or []
        forms = [ev["place"]] + [
            p["text"] for p in lab.get("places") or [] if same(p.get("canonical") or "", ev["place"])
        ]
        trace = next((t for t in stage.extractor.place_trace if t[0] == places), None)
        rules_ok = bool(places) and place_right(places[0], forms)
        head = (lab["id"], lab["lang"], lab["split"], ev["place"], rules_ok)
        if trace is None:
            out.append(Event(*head, places, np.zeros((0, 0)), np.zeros(0)))
            continue
        names, cands, ranked, narrow = trace
        x = np.array([[cands[n].features.get(k, 0.0) for k in FEATURES] for n in names])
        y = np.array([place_right(n, forms) for n in names], dtype=float)
        xg = np.array([[cands[n].features.get(k, 0.0) for k in GENERAL] for n in ranked])
        yg = np.array([place_right(n, forms) for n in ranked], dtype=float)
        # _narrowed of each candidate put first (the others in the rules' order after it)
        tops = {n: narrow([n, *(m for m in ranked if m != n)])[0] for n in ranked}
        out.append(Event(*head, names, x, y, ranked, xg, yg, tops, forms))
    return out, total


def logit(
    xs: list[np.ndarray], ys: list[np.ndarray], l2: float, steps: int = 3000, lr: float = 0.1
) -> np.ndarray:
    """A conditional logit: maximise the log of the softmax's mass on the right candidates of each event, minus
    l2/2 |w|^2; full-batch gradient ascent, the events' candidates stacked (one row each)."""
    x, y = np.vstack(xs), np.concatenate(ys)
    starts = np.cumsum([0, *(len(a) for a in xs[:-1])])
    seg = np.repeat(np.arange(len(xs)), [len(a) for a in xs])
    w = np.zeros(x.shape[1])
    for _ in range(steps):
        s = x @ w
        p = np.exp(s - np.maximum.reduceat(s, starts)[seg])
        p /= np.add.reduceat(p, starts)[seg]
        q = p * y
        q /= np.add.reduceat(q, starts)[seg]
        w += lr * ((q - p) @ x - l2 * w) / len(xs)
    return w


def fit(evs: list[Event], l2: float, steps: int = 3000, lr: float = 0.1) -> np.ndarray:
    """The re-ranking of the rules' order (extract/event_place.WEIGHTS): the logit over FEATURES on the events
    with a right and a wrong candidate whose first place the rules do not keep (events with no right candidate or
    one candidate teach nothing)."""
    use = [e for e in evs if not kept(e) and e.y.any() and not e.y.all()]
    if not use:
        return np.zeros(len(FEATURES))
    return logit([e.x for e in use], [e.y for e in use], l2, steps, lr)


def fit_general(evs: list[Event], l2: float, steps: int = 3000, lr: float = 0.1) -> np.ndarray:
    """The learnt ranker: the same conditional logit over the GENERAL features of every candidate (the rules'
    order, scores and narrowing unseen), on the events with a right and a wrong candidate."""
    use = [e for e in evs if len(e.ranked) > 1 and e.yg.any() and not e.yg.all()]
    if not use:
        return np.zeros(len(GENERAL))
    return logit([e.xg for e in use], [e.yg for e in use], l2, steps, lr)


def picks_general(e: Event, w: np.ndarray, narrowing: bool = True) -> bool:
    """The learnt ranker's first place, made as specific as the event's sentence makes it (facts._narrowed)."""
    if len(e.ranked) < 2 or not e.narrow:
        return e.rules_ok
    s = e.xg @ w
    top = e.ranked[min(range(len(e.ranked)), key=lambda i: (-s[i], i))]
    return place_right(e.narrow[top] if narrowing else top, e.forms)


def kept(e: Event) -> bool:
    """The rules' first place stands: no candidates described, or one _narrowed put first (event_place.rank)."""
    return len(e.names) < 2 or e.x.size == 0 or bool(e.x[0, NARROWED])


def picks(e: Event, w: np.ndarray | None, margin: float = 0.0) -> bool:
    if w is None or kept(e):
        return e.rules_ok
    s = e.x @ w
    best = max(range(len(e.names)), key=lambda i: (s[i], -i))
    return bool(e.y[best if s[best] - s[0] > margin else 0])


def report(
    evs: list[Event], total: Counter[tuple[str, str]], ws: dict[str, np.ndarray], margin: float
) -> None:
    print(
        "| fold | lang | rules (the product without weights) | fit on the other fold | ceiling (among its places) |"
    )
    print("|---|---|---|---|---|")
    sums: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for fold in FOLDS:
        other = ws[fold]
        for lang in LANGS:
            mine = [e for e in evs if e.fold == fold and e.lang == lang]
            n = total[(lang, fold)]
            r = sum(e.rules_ok for e in mine)
            m = sum(picks(e, other, margin) for e in mine)
            c = sum(bool(e.y.any()) or e.rules_ok for e in mine)  # a right first place or candidate
            for k, v in enumerate((r, m, c, n)):
                sums[fold][k] += v
            print(
                f"| {fold} | {lang} | {r}/{n} ({r / n:.2f}) | {m}/{n} ({m / n:.2f}) | {c}/{n} ({c / n:.2f}) |"
            )
    for fold, (r, m, c, n) in sums.items():
        print(f"| {fold} | all | {r}/{n} ({r / n:.2f}) | {m}/{n} ({m / n:.2f}) | {c}/{n} ({c / n:.2f}) |")


def errors(evs: list[Event], fold: str, w: np.ndarray | None = None, margin: float = 0.0) -> None:
    """Where the first place (the rules', or with ``w`` the model's) is wrong and a right one is a candidate: the
    features of both."""
    classes: Counter[str] = Counter()
    for e in evs:
        if (
            e.fold != fold
            or not e.y.any()
            or kept(e)
            or (picks(e, w, margin) if w is not None else e.rules_ok)
        ):
            continue
        s = e.x @ w if w is not None else -np.arange(len(e.names), dtype=float)
        first = max(range(len(e.names)), key=lambda i: (s[i], -i))
        first = first if s[first] - s[0] > margin else 0
        right = int(np.argmax(e.y))
        top, good = dict(zip(FEATURES, e.x[first], strict=True)), dict(zip(FEATURES, e.x[right], strict=True))
        kind = lambda f: next((k[5:] for k in FEATURES if k.startswith("kind_") and f[k]), "?")  # noqa: E731
        classes[f"{kind(top)} over {kind(good)}"] += 1
        for k in ("dateline", "title", "evidence", "lead", "has_inner", "main_country", "quoted", "locative"):
            if top[k] > good[k]:
                classes[f"winner has {k}, right one not"] += 1
            elif good[k] > top[k]:
                classes[f"right one has {k}, winner not"] += 1
        diff = {k: (round(top[k], 2), round(good[k], 2)) for k in FEATURES if top[k] != good[k]}
        print(
            f"{e.id} ({e.lang}): got {e.names[first]!r}, want {e.want!r} ({e.names[right]!r} is #{right + 1}): {diff}"
        )
    for c, n in classes.most_common():
        print(f"  {n:3d}  {c}")


def with_share(evs: list[Event]) -> None:
    """One more column on the learnt ranker's features: the log of the rules' score over the best (rules_share,
    floor 0.01), which with the kinds' own weights is the hand rules' score in log space (their kind weights
    re-learnt, their order, priorities and narrowing unseen)."""
    share = FEATURES.index("rules_share")
    for e in evs:
        pos = {n: i for i, n in enumerate(e.names)}
        col = [e.x[pos[n], share] if n in pos and e.x.size else 0.0 for n in e.ranked]
        e.xg = np.hstack([e.xg, np.log(np.maximum(np.array(col), 0.01))[:, None]]) if e.ranked else e.xg


def general_report(evs: list[Event], total: Counter[tuple[str, str]], l2s: list[float]) -> None:
    """Per fold and language: the rules, the rules with the product's WEIGHTS (in-sample), the learnt ranker fit
    on the other fold (cross-fold) and on both (in-sample), without and with _narrowed after it; and its weights."""
    w_product = np.array([WEIGHTS.get(k, 0.0) for k in FEATURES])
    margin = 1.0  # the product's weights carry their margin in "rules_first" already
    for l2 in l2s:
        cross = {fold: fit_general([e for e in evs if e.fold != fold], l2) for fold in FOLDS}
        both = fit_general(evs, l2)
        rcross = {fold: fit([e for e in evs if e.fold != fold], 1.0) for fold in FOLDS}
        print(
            f"\nL2 {l2}: rules | +WEIGHTS (in-sample) | reranker cross-fold | learnt cross (no narrowing) |"
            " learnt cross | learnt in-sample | ceiling"
        )
        for fold in FOLDS:
            for lang in (*LANGS, "all"):
                mine = [e for e in evs if e.fold == fold and (lang == "all" or e.lang == lang)]
                n = sum(v for (lg, f), v in total.items() if f == fold and (lang == "all" or lg == lang))
                cols = (
                    sum(e.rules_ok for e in mine),
                    sum(picks(e, w_product, 0.0) for e in mine),
                    sum(picks(e, rcross[fold], margin) for e in mine),
                    sum(picks_general(e, cross[fold], False) for e in mine),
                    sum(picks_general(e, cross[fold]) for e in mine),
                    sum(picks_general(e, both) for e in mine),
                    sum(bool(e.yg.any()) or e.rules_ok for e in mine),
                )
                print(f"| {fold} | {lang} | " + " | ".join(f"{c}/{n}" for c in cols) + " |")
        print("GENERAL_WEIGHTS (both folds) = {")
        names = (*GENERAL, "log_rules_share")[: len(both)]
        for i, (k, v) in enumerate(zip(names, both, strict=True)):
            a, b = cross["tune-b"][i], cross["tune-a"][i]
            print(f'    "{k}": {v:.3f},  # fit on tune-a {a:.2f}, on tune-b {b:.2f}')
        print("}")


def stories_report(evs: list[Event], chosen: set[str], l2: float, margin: float) -> None:
    """On these stories alone (a part no weight was fit on, e.g. those added after the fit): the rules, the
    product's WEIGHTS, the rules re-ranked by a refit on the other fold (cross-fold) and the learnt ranker fit on
    the other fold, per fold and language."""
    w = np.array([WEIGHTS.get(k, 0.0) for k in FEATURES])
    rcross = {fold: fit([e for e in evs if e.fold != fold], l2) for fold in FOLDS}
    gcross = {fold: fit_general([e for e in evs if e.fold != fold], l2) for fold in FOLDS}
    print(
        f"\nstories {len(chosen)}: rules | product WEIGHTS | refit cross-fold (L2 {l2}, margin {margin}) |"
        " general cross-fold | ceiling"
    )
    for fold in FOLDS:
        for lang in (*LANGS, "all"):
            mine = [
                e
                for e in evs
                if e.fold == fold and (lang == "all" or e.lang == lang) and e.id.rsplit("-", 2)[0] in chosen
            ]
            cols = (
                sum(e.rules_ok for e in mine),
                sum(picks(e, w) for e in mine),
                sum(picks(e, rcross[fold], margin) for e in mine),
                sum(picks_general(e, gcross[fold]) for e in mine),
                sum(bool(e.y.any()) or e.rules_ok for e in mine),
            )
            print(f"| {fold} | {lang} | " + " | ".join(f"{c}/{len(mine)}" for c in cols) + " |")


def misses(evs: list[Event]) -> None:
    """Where the product's first place is wrong, per fold: a right place among the candidates, ranked below (what
    a ranking can fix); the labelled place named in the text but no candidate (what the candidates' finding
    loses); no candidate at all; not named as labelled; a first place _narrowed put first that stands."""
    for fold in FOLDS:
        why: Counter[str] = Counter()
        for e in evs:
            if e.fold != fold or e.rules_ok:
                continue
            if e.y.any():
                why["a right candidate ranked below"] += 1
            elif not e.names:
                why["no candidate"] += 1
            elif len(e.forms) > 1:
                why["named in the text, no candidate"] += 1
            else:
                why["not named as labelled, no candidate"] += 1
            if len(e.names) > 1 and e.x.size and e.x[0, NARROWED]:
                why["(of these, a narrowed first that stands)"] += 1
        wrong = sum(e.fold == fold and not e.rules_ok for e in evs)
        print(f"{fold}: {wrong} wrong: " + ", ".join(f"{k} {n}" for k, n in why.most_common()))


# Families of the hand rules that ORDER the candidates (not those that exclude a place), each switched off alone:
# the incident verb's bonus (_STRUCK_BONUS), making the top as specific as the event's sentence (_narrowed), the
# weights by kind (_PLACE_WEIGHT: a country 0.15, a province 0.9, a venue 3; off, all 1), and the locality and
# peninsula weights (off, 1).
OFF = ("struck", "narrowing", "kinds", "localities")


def switch_off(family: str) -> None:
    import extract.facts as facts

    if family == "struck":
        facts._STRUCK_BONUS = 0.0
    elif family == "narrowing":
        facts.FactExtractor._narrowed = lambda self, ranked, *a, **k: ranked  # type: ignore[method-assign]
    elif family == "kinds":
        facts._PLACE_WEIGHT.update({k: 1.0 for k in facts._PLACE_WEIGHT})
    elif family == "localities":
        facts._LOCALITY_WEIGHT = facts._PENINSULA_WEIGHT = 1.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    parser.add_argument("--cache", type=Path, help="keep the NER output here (a pickle) between runs")
    parser.add_argument(
        "--events", type=Path, help="keep the events' candidates here (a pickle) between runs"
    )
    parser.add_argument("--l2", type=float, nargs="+", default=[1.0])
    parser.add_argument(
        "--margin", type=float, nargs="+", default=[0.0], help="override the rules' first only by more"
    )
    parser.add_argument("--weights", action="store_true", help="print the weights fit on both folds")
    parser.add_argument("--errors", choices=FOLDS, help="print the rules' ranking errors of this fold")
    parser.add_argument(
        "--stories",
        help="STORY,... or @FILE (one a line): the rules, the product's weights and the cross-fold fits on them alone",
    )
    parser.add_argument(
        "--changes", action="store_true", help="where the product's weights change the first place"
    )
    parser.add_argument(
        "--misses", action="store_true", help="why the first place is wrong: ranking or no right candidate"
    )
    parser.add_argument(
        "--model-errors", action="store_true", help="--errors of the model fit on the other fold"
    )
    parser.add_argument(
        "--off",
        nargs="*",
        default=[],
        choices=OFF,
        help="switch a family of the ordering rules off (the rules' figures then read both folds without it)",
    )
    parser.add_argument(
        "--share",
        action="store_true",
        help="--general with the log of the rules' score (rules_share, floor 0.01) as one more feature",
    )
    parser.add_argument(
        "--general",
        action="store_true",
        help="the learnt ranker over GENERAL features, cross-fold and in-sample",
    )
    parser.add_argument(
        "--without", nargs="*", default=[], help="leave these features out (0 for every candidate)"
    )
    args = parser.parse_args()
    labels = folds(load(args.data))
    for family in args.off:
        switch_off(family)
    t0 = time.perf_counter()
    got = analysed(args.data, labels, args.cache)
    if args.events is not None and args.events.exists():
        with args.events.open("rb") as f:
            evs, total = pickle.load(f)
    else:
        evs, total = events(labels, got)
        if args.events is not None:
            with args.events.open("wb") as f:
                pickle.dump((evs, total), f)
    for k in args.without:
        for e in evs:
            if e.x.size and k in FEATURES:
                e.x[:, FEATURES.index(k)] = 0.0
            if e.xg.size and k in GENERAL:
                e.xg[:, GENERAL.index(k)] = 0.0
    print(
        f"{len(evs)} labelled event places ({sum(len(e.names) > 1 for e in evs)} with two candidates or more), "
        f"{time.perf_counter() - t0:.0f} s"
    )
    if args.misses:
        misses(evs)
    if args.errors:
        other = fit([e for e in evs if e.fold != args.errors], args.l2[0]) if args.model_errors else None
        errors(evs, args.errors, other, args.margin[0])
    if args.general:
        if args.share:
            with_share(evs)
        general_report(evs, total, args.l2)
        return
    for l2 in args.l2:
        ws = {fold: fit([e for e in evs if e.fold != fold], l2) for fold in FOLDS}
        for margin in args.margin:
            print(f"\nL2 {l2}, margin {margin}, cross-fold:")
            report(evs, total, ws, margin)
    if args.stories:
        stories_report(
            evs,
            set(
                Path(args.stories[1:]).read_text().split()
                if args.stories.startswith("@")
                else args.stories.split(",")
            ),
            args.l2[0],
            args.margin[0],
        )
    if args.changes:
        w = np.array([WEIGHTS.get(k, 0.0) for k in FEATURES])
        for e in evs:
            if kept(e):
                continue
            s = e.x @ w
            best = max(range(len(e.names)), key=lambda i: (s[i], -i))
            if best:
                mark = (
                    "fixed" if e.y[best] and not e.y[0] else "broken" if e.y[0] and not e.y[best] else "same"
                )
                print(f"{mark}: {e.id} {e.fold}: {e.names[0]!r} -> {e.names[best]!r} (want {e.want!r})")
    if args.weights:
        w = fit(evs, args.l2[0])
        print("WEIGHTS = {")
        for k, v in zip(FEATURES, w, strict=True):
            print(f'    "{k}": {v:.3f},')
        print("}")


if __name__ == "__main__":
    main()
