"""The matching path's batch helpers give what the plain Python they replaced gave (store/matching.py)."""

from __future__ import annotations

import numpy as np

from store.matching import _postings, anchor_key, anchor_keys


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
