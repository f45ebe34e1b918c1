"""Each story's event: the kind, day and place its reports agree on (store/story_event.py), shown with every
member by `polynews show`, `stories` and `export`, and its key, by which stories that agree on one event are
found and merged. Stories stored before get theirs from their members' facts (they are not merged: that
happens as new articles arrive).

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
    op.add_column("stories", sa.Column("event_key", sa.Text(), nullable=True))
    op.create_index("ix_stories_event_key", "stories", ["event_key"])
    from sqlalchemy.orm import Session

    from store import dialects
    from store.matching import refresh_stories

    s = Session(bind=op.get_bind())
    ids = [row[0] for row in s.execute(sa.text("SELECT id FROM stories ORDER BY id"))]
    if ids:
        refresh_stories(dialects.of(s).raw(s), ids)


def downgrade() -> None:
    # Plain columns dropped in place (see 0007 for why not a batch copy).
    op.drop_index("ix_stories_event_key", table_name="stories")
    op.drop_column("stories", "event_key")
    op.drop_column("stories", "event")
