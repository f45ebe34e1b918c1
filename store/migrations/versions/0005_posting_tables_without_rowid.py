"""Matching indexes that stay fast at 100k articles: WITHOUT ROWID postings keyed (key, article_id), and a
document-frequency table for anchors so that common anchors are skipped before their postings are read.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 14:40:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# A frozen copy of store.matching.band_keys_batch as of this revision (band keys changed from blake2b of the
# band's bytes to this vectorised hash): migrations must not change when the code does.
_BANDS, _ROWS, _NUM_PERM = 25, 5, 128  # datasketch's optimal banding for threshold 0.5 and 128 permutations


def _band_keys(minhash: bytes, lang: str | None) -> list[int]:
    import zlib

    import numpy as np

    prime = np.uint64(0x100000001B3)
    mix1, mix2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
    values = np.frombuffer(minhash, np.uint32)[: _BANDS * _ROWS].reshape(1, _BANDS, _ROWS).astype(np.uint64)
    seed = np.array([zlib.crc32((lang or "und").encode())], dtype=np.uint64)
    h = (seed[:, None] << np.uint64(32)) | np.arange(_BANDS, dtype=np.uint64)[None, :]
    for j in range(_ROWS):
        h = (h ^ values[:, :, j]) * prime
    h ^= h >> np.uint64(30)
    h *= mix1
    h ^= h >> np.uint64(27)
    h *= mix2
    h ^= h >> np.uint64(31)
    keys: list[int] = h.view(np.int64)[0].tolist()
    return keys


def _posting_table(name: str) -> None:
    op.create_table(
        f"{name}_new",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("key", "article_id"),
        sqlite_with_rowid=False,
    )
    if op.get_bind().dialect.name != "sqlite":
        pass  # PostgreSQL databases start at the newest schema: there is nothing to copy
    elif name == "anchors":
        op.execute(f"INSERT OR IGNORE INTO {name}_new (key, article_id) SELECT key, article_id FROM {name}")
    else:  # band keys are recomputed with the new hash from the stored signatures
        conn = op.get_bind()
        rows = conn.exec_driver_sql("SELECT article_id, lang, minhash FROM fingerprints").fetchall()
        keyed = [
            (k, i) for i, lang, mh in rows if mh and len(mh) == 4 * _NUM_PERM for k in _band_keys(mh, lang)
        ]
        if keyed:
            conn.exec_driver_sql(f"INSERT OR IGNORE INTO {name}_new (key, article_id) VALUES (?, ?)", keyed)
    op.drop_table(name)
    op.rename_table(f"{name}_new", name)
    op.create_index(f"ix_{name}_article_id", name, ["article_id"], unique=False)


def upgrade() -> None:
    _posting_table("lsh_bands")
    _posting_table("anchors")
    op.create_table(
        "anchor_keys",
        sa.Column("key", sa.BigInteger(), nullable=False),
        sa.Column("df", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key"),
        sqlite_with_rowid=False,
    )
    op.execute("INSERT INTO anchor_keys (key, df) SELECT key, count(*) FROM anchors GROUP BY key")


def downgrade() -> None:
    op.drop_table("anchor_keys")
    for name in ("lsh_bands", "anchors"):
        op.create_table(
            f"{name}_old",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("key", sa.BigInteger(), nullable=False),
            sa.Column("article_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(["article_id"], ["articles.id"], ondelete="CASCADE"),
            sa.PrimaryKeyConstraint("id"),
        )
        op.execute(f"INSERT INTO {name}_old (key, article_id) SELECT key, article_id FROM {name}")
        op.drop_table(name)
        op.rename_table(f"{name}_old", name)
        op.create_index(f"ix_{name}_key", name, ["key"], unique=False)
        op.create_index(f"ix_{name}_article_id", name, ["article_id"], unique=False)
