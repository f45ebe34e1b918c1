"""Duplicates by containment and stories with their evidence: each fingerprint's count of distinct shingles
(how much of one text another holds, with the MinHash), and each article's evidence for the link that put it
in its story or made it a copy (shown by `polynews show` and `polynews stories`).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-29 00:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Null for fingerprints stored before: their matches use the Jaccard alone, as then.
    op.add_column("fingerprints", sa.Column("shingles", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("link_evidence", sa.Text(), nullable=True))


def downgrade() -> None:
    # Plain columns dropped in place (see 0007 for why not a batch copy).
    op.drop_column("articles", "link_evidence")
    op.drop_column("fingerprints", "shingles")
