"""Duplicates and stories on the labelled real development set (bench/realset), per split.

Ingests every article of the set with the product itself (`polynews ingest <folder> --db <fresh file>`, no
translation model, as on a fresh install), in one run or, with ``--runs N``, in N cron-style runs over growing
parts of the folder, then reads back which articles polynews made copies of one original (``duplicate_of``)
and which it put in one story (``story_id``), and compares them with the labels:

- same-document pairs: two articles labelled ``same_doc_as`` (closed transitively) against two articles with one
  root original;
- story pairs: two articles with one ``story`` label against two articles in one stored story; recall is also
  given for pairs in two languages ("cross") and for pairs with an Arabic member;
- false merges: pairs of different labelled stories put in one story, listed by story pair (hard negatives
  among them: bench/realset/README.md).

All articles go into one database (the other half is part of the traffic), and each split is scored on pairs
whose two members are in it; a pair across the halves can only be a false merge and is counted apart.

Usage: python bench/stories_eval.py [--data bench/realset] [--runs 1] [--show tune] [--db PATH] [--rematch FROM]
``--rematch FROM`` copies FROM (a database this script ingested in one run) to ``--db`` and decides its copies and
stories again with the current store/matching.py, from the fingerprints and anchors as stored, in the order and
batches one run stores them: a change to matching alone is measured in seconds instead of a new ingest (a change
to the signature or the facts needs the ingest).
``--show`` lists the wrong pairs of that split (tune while building; held-out only to write the final report).
``--folds`` scores the tuning half in two folds by story (tune-a, tune-b: the stories in sorted order, every other
one) and not the held-out half, whose articles are still ingested as unlabelled traffic (merges with them are
only counted): build on one fold, keep a change only if the other does not get worse.
"""

from __future__ import annotations

import argparse
import itertools
import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SPLITS = ("tune", "heldout")
FOLDS = ("tune-a", "tune-b")


def load(data: Path) -> dict[str, dict[str, Any]]:
    labels: dict[str, dict[str, Any]] = {}
    for path in sorted((data / "labels").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                lab = json.loads(line)
                if (data / "articles" / f"{lab['id']}.txt").exists():
                    labels[lab["id"]] = lab
    return labels


def same_doc_groups(labels: dict[str, dict[str, Any]]) -> dict[str, str]:
    """Each article's same-document group (union-find over same_doc_as)."""
    parent = {i: i for i in labels}

    def find(i: str) -> str:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, lab in labels.items():
        for j in lab.get("same_doc_as") or []:
            if j in parent:
                parent[find(i)] = find(j)
    return {i: find(i) for i in labels}


def ingest(data: Path, db: Path, runs: int) -> float:
    """Ingest the set's articles in ``runs`` runs: run k sees the first k/runs of the files (a folder growing
    between cron runs). Returns the seconds taken."""
    files = sorted((data / "articles").glob("*.txt"))
    # Interleaved by a stable hash of the name so each run gets a mix of stories and languages.
    files.sort(key=lambda p: (hash_name(p.name), p.name))
    folder = Path(tempfile.mkdtemp(prefix="realset-"))
    polynews = Path(sys.executable).parent / "polynews"
    start = time.perf_counter()
    try:
        for k in range(1, runs + 1):
            for p in files[: len(files) * k // runs]:
                if not (folder / p.name).exists():
                    shutil.copy2(p, folder / p.name)
            subprocess.run(
                [str(polynews), "ingest", str(folder), "--db", str(db), "--quiet"],
                check=True,
                stdout=subprocess.DEVNULL,
            )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return time.perf_counter() - start


def rematch(source: Path, db: Path, batch: int = 256) -> float:
    """Copy an ingested database and decide its copies and stories again (``--rematch``); returns the seconds.

    Its index is emptied and written back ``batch`` articles at a time in id order (the order one run stores a
    folder in), each batch matched as the writer matches it (Matcher.match_batch, from the stored rows instead
    of the records): the same candidates, document frequencies and decisions as the ingest's run."""
    sys.path.insert(0, str(ROOT))
    from store.match_records import _Candidate
    from store.matching import Matcher

    if db.exists():
        db.unlink()
    with sqlite3.connect(source) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
    con = sqlite3.connect(db)
    start = time.perf_counter()
    prints = con.execute(
        "SELECT article_id, lang, published, minhash, minhash_en, anchors, shingles FROM fingerprints"
        " ORDER BY article_id"
    ).fetchall()
    bands: dict[int, list[int]] = {}
    for key, i in con.execute("SELECT key, article_id FROM lsh_bands"):
        bands.setdefault(i, []).append(key)
    akeys: dict[int, list[int]] = {}
    for key, i in con.execute("SELECT key, article_id FROM anchors"):
        akeys.setdefault(i, []).append(key)
    con.execute(
        "UPDATE articles SET story_id = NULL, duplicate_of = NULL, link_evidence = NULL,"
        " status = CASE WHEN status = 'duplicate' THEN 'stored' ELSE status END"
    )
    for table in ("stories", "fingerprints", "lsh_bands", "anchors", "anchor_keys"):
        con.execute(f"DELETE FROM {table}")
    matcher = Matcher()
    for n in range(0, len(prints), batch):
        rows = prints[n : n + batch]
        order = [r[0] for r in rows]
        con.executemany("INSERT INTO fingerprints VALUES (?,?,?,?,?,?,?)", rows)
        con.executemany(
            "INSERT INTO lsh_bands (key, article_id) VALUES (?, ?)",
            sorted((k, i) for i in order for k in bands.get(i, [])),
        )
        con.executemany(
            "INSERT INTO anchors (key, article_id) VALUES (?, ?)",
            sorted((k, i) for i in order for k in akeys.get(i, [])),
        )
        con.executemany(
            "INSERT INTO anchor_keys (key, df) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET df = anchor_keys.df"
            " + excluded.df",
            sorted(Counter(k for i in order for k in akeys.get(i, [])).items()),
        )
        keys = {i: sorted(akeys.get(i, [])) for i in order}
        fingerprints = {
            r[0]: _Candidate(r[0], r[1], r[2], r[3], r[4], frozenset(json.loads(r[5])), r[6]) for r in rows
        }
        candidates = matcher._candidates(con, order, keys, matcher._df(con, keys))
        matcher._decide(con, order, candidates, fingerprints)
        con.commit()
    con.close()
    return time.perf_counter() - start


def hash_name(name: str) -> int:
    import zlib

    return zlib.crc32(name.encode())


def stored(db: Path) -> tuple[dict[str, int], dict[str, int | None], dict[int, str]]:
    """article label id -> its root original's id, its story id; and stored id -> label id."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute("SELECT id, source, duplicate_of, story_id FROM articles").fetchall()
    # A file whose text is byte for byte another's is a sighting of that article (the same document).
    seen = con.execute("SELECT article_id, source FROM sightings").fetchall()
    con.close()
    root: dict[str, int] = {}
    story: dict[str, int | None] = {}
    names: dict[int, str] = {}
    by_id = {i: (dup or i, st) for i, _, dup, st in rows}
    for i, source, dup, st in rows:
        name = Path(source).stem
        root[name] = dup or i
        story[name] = st
        names[i] = name
    for i, source in seen:
        name = Path(source).stem
        if name not in root and i in by_id:
            root[name], story[name] = by_id[i]
    return root, story, names


def score(
    labels: dict[str, dict[str, Any]], root: dict[str, int], story: dict[str, int | None], split: str
) -> dict[str, Any]:
    groups = same_doc_groups(labels)
    ids = sorted(i for i, lab in labels.items() if lab["split"] == split and i in root)
    c: Counter[str] = Counter()
    wrong: list[tuple[str, str, str]] = []
    for a, b in itertools.combinations(ids, 2):
        la, lb = labels[a], labels[b]
        # Same-document labels are same-language (syndicated copies); a translation polynews files as a copy
        # is counted apart ("translations"), neither right nor wrong.
        if la["lang"] != lb["lang"]:
            c["translations"] += root[a] == root[b]
            gold_doc = pred_doc = False
        else:
            gold_doc = groups[a] == groups[b]
            pred_doc = root[a] == root[b]
        gold_story = la["story"] == lb["story"]
        pred_story = story[a] is not None and story[a] == story[b]
        c["doc_tp"] += gold_doc and pred_doc
        c["doc_fp"] += pred_doc and not gold_doc
        c["doc_fn"] += gold_doc and not pred_doc
        c["st_tp"] += gold_story and pred_story
        c["st_fp"] += pred_story and not gold_story
        c["st_fn"] += gold_story and not pred_story
        cross = la["lang"] != lb["lang"]
        arabic = "ar" in (la["lang"], lb["lang"]) and cross
        if gold_story:
            c["cross_gold"] += cross
            c["cross_tp"] += cross and pred_story
            c["ar_gold"] += arabic
            c["ar_tp"] += arabic and pred_story
        if gold_doc != pred_doc:
            wrong.append(("doc " + ("missed" if gold_doc else "false"), a, b))
        if gold_story != pred_story:
            wrong.append(("story " + ("missed" if gold_story else "false"), a, b))
    return {"counts": c, "wrong": wrong, "articles": len(ids)}


def why_documents(db: Path, wrong: list[tuple[str, str, str]]) -> list[str]:
    """For each wrong same-document pair (``--show``): the measures is_copy() reads on the two stored texts
    (contained, unquoted, fidelity, sentences shared, own_after) and what decided the pair, in the order the
    matcher decides it: a veto, the MinHash near-duplicate test (Jaccard at least ``near_duplicate``, then the
    sentences kept, ``fidelity``), the candidate band (texts read only where the estimated containment reaches
    ``copy_band``), the gates of is_copy() (Matcher.copy_gates), and for a pair that is a copy by its own texts,
    the group: the root check (``root_contained`` with the other's original) or an original chosen apart. A
    false pair that is no copy by its own texts is one group through other members."""
    sys.path.insert(0, str(ROOT))
    from store.matching import _WHOLE, Matcher, containment

    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    ids = {Path(source).stem: i for i, source in con.execute("SELECT id, source FROM articles")}
    names = {i: n for n, i in ids.items()}
    root = {i: dup or i for i, dup in con.execute("SELECT id, duplicate_of FROM articles")}
    matcher = Matcher()
    o = matcher.options
    matcher._reading = con  # texts read as the writer reads them (headline and analysed text)
    pairs = [(kind, a, b) for kind, a, b in wrong if kind.startswith("doc") and a in ids and b in ids]
    prints = matcher._load(con, sorted({ids[x] for _, a, b in pairs for x in (a, b)} | set(root.values())))
    lines = []
    for kind, a, b in pairs:
        ia, ib = sorted((ids[a], ids[b]))  # the later article is the one decided against the earlier
        ca, cb = prints[ia], prints[ib]
        overlap = matcher._overlap(ia, ib)
        j = matcher.text_similarity(ca, cb)
        estimate = containment(j, ca.shingles, cb.shingles)
        measures = f"J {j:.2f}, estimate {estimate:.2f}"
        if overlap is not None:
            measures += (
                f", contained {overlap.contained:.2f}, unquoted {overlap.unquoted:.2f}, fidelity"
                f" {overlap.fidelity:.2f}, sentences {overlap.sentences}, own_after {overlap.own_after}"
            )
        gates = matcher.copy_gates(overlap) if overlap is not None else ["no text"]
        if (veto := matcher.vetoed(cb, ca)) is not None:
            why = f"veto: {veto}"
        elif j >= _WHOLE:
            gates, why = [], ""
        elif j >= o.near_duplicate:
            gates = [] if overlap is None or overlap.fidelity >= o.fidelity else ["fidelity"]
            why = "near-duplicate, fidelity below" if gates else ""
        elif estimate < o.copy_band:
            why = f"candidate band: estimate {estimate:.2f} < {o.copy_band}"
            why += f" (its texts fail {', '.join(gates)})" if gates else " (a copy by its texts)"
        else:
            why = "gates: " + ", ".join(gates) if gates else ""
        if not why and kind == "doc missed":
            ra, rb = root[ia], root[ib]
            shared = [
                (x, r, ov.contained)
                for x, r in ((ib, ra), (ia, rb))
                if r != x and (ov := matcher._overlap(x, r)) is not None
            ]
            low = [f"{names[x]} shares {c:.2f} with {names[r]}" for x, r, c in shared if c < o.root_contained]
            why = (
                "a copy by its texts; root check: " + "; ".join(low) if low else "a copy by its texts; group"
            )
        elif not why:
            why = "a copy by its texts" if kind == "doc false" else why
        if kind == "doc false" and (veto is not None or gates):
            why += f"; one group through others (original {names[root[ia]]})"
        lines.append(f"{kind}: {a} {b} | {measures} | {why}")
    con.close()
    return lines


def ratio(n: int, d: int) -> str:
    return f"{n / d:.2f}" if d else "-"


def f1(tp: int, fp: int, fn: int) -> str:
    return f"{2 * tp / (2 * tp + fp + fn):.2f}" if tp else "0.00"


def cross_split_merges(
    labels: dict[str, dict[str, Any]], story: dict[str, int | None]
) -> list[tuple[str, str]]:
    by_story: dict[int, list[str]] = {}
    for name, st in story.items():
        if st is not None and name in labels:
            by_story.setdefault(st, []).append(name)
    out = set()
    for members in by_story.values():
        for a, b in itertools.combinations(sorted(members), 2):
            if labels[a]["split"] != labels[b]["split"]:
                out.add((labels[a]["story"], labels[b]["story"]))
    return sorted(out)


def merge_links(db: Path, labels: dict[str, dict[str, Any]], merges: list[tuple[str, str]]) -> list[str]:
    """For each story merged across the tuning folds (``merges``: never one with a held-out story), the stored
    links (``link_evidence``) of a report of one story to a report of the other: both reports' publication and
    event days ("d:" anchors), the link's score, signals and, for a link to a story's members together, how many
    members it was read against. A report that came along on another's side link has no link of its own there."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = con.execute(
        "SELECT a.id, a.source, a.link_evidence, f.published, f.anchors FROM articles a"
        " JOIN fingerprints f ON f.article_id = a.id"
    ).fetchall()
    con.close()
    name = {i: Path(src).stem for i, src, *_ in rows}
    days = {
        i: " ".join([pub or "-", *sorted(a[2:] for a in json.loads(an) if a.startswith("d:"))])
        for i, _, _, pub, an in rows
    }
    out: list[str] = []
    for sa, sb in merges:
        out.append(f"merge: {sa} + {sb}")
        for i, _, evidence, _, _ in rows:
            story = labels.get(name[i], {}).get("story")
            if story not in (sa, sb) or not evidence:
                continue
            link = json.loads(evidence)
            to = link.get("to")
            if labels.get(name.get(to, ""), {}).get("story") not in ({sa, sb} - {story}):
                continue
            signals = ", ".join(f"{k} {v}" for k, v in sorted((link.get("signals") or {}).items()))
            together = f", story of {link['story']}" if "story" in link else ""
            out.append(
                f"  {name[i]} ({days[i]}) -> {name[to]} ({days[to]}): score {link.get('score')}"
                f"{', copy' if link.get('duplicate') else ''}{together}; {signals}"
            )
    return out


def labels_split(labels: dict[str, dict[str, Any]], story_name: str) -> str:
    return next(lab["split"] for lab in labels.values() if lab["story"] == story_name)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT / "bench" / "realset")
    ap.add_argument("--runs", type=int, default=1, help="ingest in this many cron-style runs")
    ap.add_argument(
        "--db",
        type=Path,
        help="score this database instead of ingesting afresh (ingested into it when missing)",
    )
    ap.add_argument(
        "--show",
        choices=SPLITS + FOLDS + ("new", "merges"),
        help="list the wrong pairs of this split; `merges` (with --folds): the links that joined two tuning stories",
    )
    ap.add_argument("--folds", action="store_true", help="the tuning half alone, in two folds by story")
    ap.add_argument(
        "--apart",
        metavar="STORY,...",
        help="score these stories as a split of their own (`new`), beside the rest of their half: a part added in"
        " this session, scored on its own once",
    )
    ap.add_argument(
        "--rematch",
        type=Path,
        metavar="FROM",
        help="copy this ingested database to --db and decide its copies and stories again (matching only)",
    )
    args = ap.parse_args()
    if args.rematch and not args.db:
        ap.error("--rematch needs --db, the copy to decide into")
    if args.show == "merges" and not args.folds:
        ap.error("--show merges reads the tuning folds alone: add --folds")
    labels = load(args.data)
    splits = SPLITS
    if args.apart and not args.folds:
        from realset_eval import apart

        apart_labels = {lab["id"]: lab for lab in apart(list(labels.values()), args.apart.split(","))}
        labels, splits = apart_labels, (*SPLITS, "new")
    if args.folds:
        splits = FOLDS
        tune_stories = sorted({lab["story"] for lab in labels.values() if lab["split"] == "tune"})
        fold = {name: FOLDS[i % 2] for i, name in enumerate(tune_stories)}
        for lab in labels.values():
            lab["split"] = fold.get(lab["story"], "heldout")
    tmp = None
    if args.db is None:
        tmp = Path(tempfile.mkdtemp(prefix="stories-eval-"))
        db = tmp / "realset.db"
        seconds = ingest(args.data, db, args.runs)
        print(f"ingested {len(labels)} articles in {args.runs} run(s), {seconds:.1f} s")
    elif args.rematch:
        db = args.db
        seconds = rematch(args.rematch, db)
        print(f"decided {args.rematch}'s copies and stories again into {db}, {seconds:.1f} s")
    else:
        db = args.db
        if not db.exists():  # made here once, then scored again without ingesting
            seconds = ingest(args.data, db, args.runs)
            print(f"ingested {len(labels)} articles in {args.runs} run(s) into {db}, {seconds:.1f} s")
    try:
        report(args, labels, splits, db)
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def report(
    args: argparse.Namespace, labels: dict[str, dict[str, Any]], splits: tuple[str, ...], db: Path
) -> None:
    """The table of ``splits`` on ``db``, and with ``--show`` the wrong pairs of one of them (the same-document
    pairs with their measures, why_documents())."""
    root, story, _ = stored(db)
    print(
        "| split | articles | same-doc P | same-doc R | story P | story R | story F1 | cross-lang R | with-Arabic R "
        "| false merges (pairs) | translations as copies (pairs) |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    results = {}
    for split in splits:
        r = score(labels, root, story, split)
        results[split] = r
        c = r["counts"]
        print(
            f"| {split} | {r['articles']} | {ratio(c['doc_tp'], c['doc_tp'] + c['doc_fp'])} "
            f"| {ratio(c['doc_tp'], c['doc_tp'] + c['doc_fn'])} | {ratio(c['st_tp'], c['st_tp'] + c['st_fp'])} "
            f"| {ratio(c['st_tp'], c['st_tp'] + c['st_fn'])} | {f1(c['st_tp'], c['st_fp'], c['st_fn'])} "
            f"| {ratio(c['cross_tp'], c['cross_gold'])} | {ratio(c['ar_tp'], c['ar_gold'])} | {c['st_fp']} "
            f"| {c['translations']} |"
        )
    merges = cross_split_merges(labels, story)
    if args.folds:
        hidden = [m for m in merges if "heldout" in (labels_split(labels, m[0]), labels_split(labels, m[1]))]
        merges = [m for m in merges if m not in hidden]
        print(
            f"stories merged across the folds: {len(merges)} {merges[:10]}; with held-out stories: {len(hidden)}"
        )
    else:
        print(f"stories merged across the halves: {len(merges)} {merges[:10]}")
    if args.show == "merges":
        for line in merge_links(db, labels, merges):
            print(line)
    elif args.show:
        r = results[args.show]
        fm = Counter(
            (labels[a]["story"], labels[b]["story"]) for kind, a, b in r["wrong"] if kind == "story false"
        )
        for (sa, sb), n in sorted(fm.items()):
            print(f"false merge: {sa} + {sb}: {n} pairs")
        missed = Counter(
            (labels[a]["story"], labels[a]["lang"] + "-" + labels[b]["lang"])
            for kind, a, b in r["wrong"]
            if kind == "story missed"
        )
        for (st, langs), n in sorted(missed.items()):
            print(f"story missed: {st} {langs}: {n} pairs")
        for line in why_documents(db, r["wrong"]):
            print(line)
        split_ids = {i for i, lab in labels.items() if lab["split"] == args.show}
        for name in sorted({labels[i]["story"] for i in split_ids}):
            got = Counter(str(story.get(i)) for i in split_ids if labels[i]["story"] == name)
            if len(got) > 1:
                print(f"split story: {name}: " + ", ".join(f"{k} x{n}" for k, n in got.most_common()))


if __name__ == "__main__":
    main()
