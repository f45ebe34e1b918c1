"""The matching path's batch helpers give what the plain Python they replaced gave (store/anchors.py)."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from store.anchors import _postings, anchor_key, anchor_keys


def test_anchor_keys_are_the_sorted_distinct_anchor_key_values() -> None:
    anchors = ["x:jakarta", "n:7.4", "y:2024", "t:gempa berkekuatan", "x:jakarta", "s:bmkg"]
    assert anchor_keys(anchors) == sorted({anchor_key(a) for a in anchors})
    assert anchor_keys([]) == []


def test_postings_sorted_by_key_then_article_with_shared_keys() -> None:
    # Two articles sharing a key (a band of two near copies), keys of both signs, an article with no keys.
    keys = {7: [5, -3, 2**62], 3: [5, -(2**63)], 9: [], 4: [0]}
    rows, flat = _postings(keys)
    assert rows == sorted((k, i) for i, ks in keys.items() for k in ks)
    assert all(type(k) is int and type(i) is int for k, i in rows)
    values, counts = np.unique(flat, return_counts=True)
    assert dict(zip(values.tolist(), counts.tolist(), strict=True)) == {
        5: 2,
        -3: 1,
        2**62: 1,
        -(2**63): 1,
        0: 1,
    }


def test_the_write_batch_does_not_change_what_is_decided(tmp_path: Path) -> None:
    """Matched in transactions of 64 or of 256 articles, the bench's articles (near copies, "translations"
    sharing names and numbers) get the same originals, stories, evidence and story summaries: each article is
    matched as if stored one by one, so the pipeline's write batch (pipeline.Config.write_batch) is a matter of
    speed alone."""
    from bench.dedup_bench import corpus, digest_of, fingerprinted, match
    from store.db import connect

    records = fingerprinted(corpus(700, seed=5))
    digests, found = [], []
    for batch in (64, 256):
        engine = connect(tmp_path / f"match-{batch}.db")
        match(engine, records, batch)
        with engine.connect() as conn:
            db = conn.connection.driver_connection
            digests.append(digest_of(db))
            found.append(
                db.execute("SELECT count(duplicate_of), count(DISTINCT story_id) FROM articles").fetchone()
            )
        engine.dispose()
    assert digests[0] == digests[1]
    duplicates, stories = found[0]
    assert duplicates > 30 and stories > 10  # there was something to decide


def test_count_anchors_adds_to_the_frequencies_and_returns_them_as_they_now_stand() -> None:
    """store.matching._count_anchors (speed29): one upsert with RETURNING gives what the row-by-row upsert and
    the SELECT after it gave, over more keys than one statement takes (_CHUNK), keys of both signs."""
    import sqlite3

    from store.matching import _CHUNK, _count_anchors

    db = sqlite3.connect(":memory:")
    db.execute("CREATE TABLE anchor_keys (key BIGINT PRIMARY KEY, df INTEGER NOT NULL) WITHOUT ROWID")
    db.executemany("INSERT INTO anchor_keys VALUES (?, ?)", [(-(2**63), 4), (7, 1)])
    keys = sorted({-(2**63), 7, 2**63 - 1, *range(-_CHUNK, _CHUNK, 3)})
    counts = [2 if k == 7 else 1 for k in keys]
    df = _count_anchors(db, keys, counts)
    stored = dict(db.execute("SELECT key, df FROM anchor_keys").fetchall())
    assert df == stored
    assert df[-(2**63)] == 5 and df[7] == 3 and df[2**63 - 1] == 1
    assert len(df) == len(keys)
