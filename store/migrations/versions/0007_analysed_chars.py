"""Huge inputs: how much of an article's text was analysed (null: all of it; see ingest/record.py
MAX_ANALYSED_CHARS).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28 20:55:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("articles", sa.Column("analysed_chars", sa.Integer(), nullable=True))


def downgrade() -> None:
    # SQLite >= 3.35 drops a plain column in place; a batch copy of `articles` would delete the rows the other
    # tables point at (foreign keys are on).
    op.drop_column("articles", "analysed_chars")
