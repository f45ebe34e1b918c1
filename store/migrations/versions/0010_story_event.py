"""Each story's event: the kind, day and place its reports agree on (store/story_event.py), shown with every
member by `polynews show`, `stories` and `export`. Stories stored before get theirs from their members' facts.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-29 09:30:00

"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("stories", sa.Column("event", sa.JSON(), nullable=True))
    from sqlalchemy.orm import Session

    from store import dialects
    from store.matching import refresh_stories

    s = Session(bind=op.get_bind())
    ids = [row[0] for row in s.execute(sa.text("SELECT id FROM stories ORDER BY id"))]
    if ids:
        refresh_stories(dialects.of(s).raw(s), ids)


def downgrade() -> None:
    # Plain columns dropped in place (see 0007 for why not a batch copy).
    op.drop_column("stories", "event")
