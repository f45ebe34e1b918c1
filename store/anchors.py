"""What the persisted matching indexes hold: 64-bit anchor keys (``anchors``, ``anchor_keys``), postings sorted for
their writes, and MinHash LSH band keys with the banding that a Jaccard threshold gives (``lsh_bands``).

Apart from the Matcher because these keys are stored: changing one needs a migration that recomputes the index
(see store/migrations/versions/0005), where the decisions read from them can change freely.
"""

from __future__ import annotations

import hashlib
import itertools
import zlib
from collections.abc import Iterable

import numpy as np

from normalize.fingerprint import NUM_PERM


def _h64(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big", signed=True)


def anchor_key(anchor: str) -> int:
    return _h64(anchor.encode("utf-8"))


def anchor_keys(anchors: Iterable[str]) -> list[int]:
    """anchor_key() of each anchor, sorted and without repeats; the hash inlined (a batch hashes some 2,000)."""
    blake2b, from_bytes = hashlib.blake2b, int.from_bytes
    return sorted(
        {from_bytes(blake2b(a.encode("utf-8"), digest_size=8).digest(), "big", signed=True) for a in anchors}
    )


def _postings(keys: dict[int, list[int]]) -> tuple[list[tuple[int, int]], np.ndarray]:
    """(key, article_id) rows of an index sorted by key, then article, and the keys alone (sorted), with numpy:
    sorting half a million tuples of 64-bit ints in Python cost more than the index writes around it."""
    flat = np.fromiter(itertools.chain.from_iterable(keys.values()), np.int64)
    ids = np.repeat(np.fromiter(keys, np.int64, len(keys)), [len(ks) for ks in keys.values()])
    order = np.lexsort((ids, flat))
    flat = flat[order]
    return list(zip(flat.tolist(), ids[order].tolist(), strict=True)), flat


_PRIME = np.uint64(0x100000001B3)  # FNV-1a's 64-bit prime


_MIX1, _MIX2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)  # splitmix64's finaliser


def band_keys_batch(signatures: np.ndarray, langs: list[str | None], bands: int, rows: int) -> np.ndarray:
    """One 64-bit key per LSH band for each signature (rows of ``signatures``), as int64 for SQLite.

    The band number and the language are hashed in, so a single indexed look-up finds same-language articles
    agreeing on any band. Computed for a whole batch with numpy (FNV-style over the band's 32-bit values, then
    splitmix64's finaliser): hashing 25 bands an article one by one in Python cost more than the look-ups.
    Keys are persisted: changing this function needs a migration that recomputes ``lsh_bands`` (see 0005).
    """
    n = signatures.shape[0]
    values = signatures[:, : bands * rows].reshape(n, bands, rows).astype(np.uint64)
    seeds = np.array([zlib.crc32((lang or "und").encode()) for lang in langs], dtype=np.uint64)
    h = (seeds[:, None] << np.uint64(32)) | np.arange(bands, dtype=np.uint64)[None, :]
    for j in range(rows):
        h = (h ^ values[:, :, j]) * _PRIME  # uint64 arrays wrap modulo 2**64, as intended
    h ^= h >> np.uint64(30)
    h *= _MIX1
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    keys: np.ndarray = h.view(np.int64)
    return keys


def optimal_banding(threshold: float) -> tuple[int, int]:
    """(bands, rows) as datasketch's MinHashLSH picks them for a Jaccard threshold: the split of NUM_PERM that
    minimises false positives plus false negatives, equally weighted."""
    from datasketch.lsh import _optimal_param  # imports scipy

    b, r = _optimal_param(threshold, NUM_PERM, 0.5, 0.5)
    return int(b), int(r)


# optimal_banding for the default threshold, worked out once: importing it costs the writing process 0.55 s
# (scipy) in every run that stores an article, a cron run of three files included. tests/test_store.py checks
# every entry against datasketch.
KNOWN_BANDING: dict[tuple[float, int], tuple[int, int]] = {(0.5, 128): (25, 5)}
