"""The full-text index names its content table the way datasette looks for it (content="articles"), so
`datasette polynews.db` offers search on `articles`; same columns, tokenizer and triggers, rebuilt from articles.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28 20:40:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# datasette (0.65, datasette/utils detect_fts_sql) finds a table's FTS index by the text of its CREATE
# statement: content="articles" or content=[articles], not FTS5's equally valid content='articles'.
_CREATE = """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, text_en, content={content}, content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')"""


def _recreate(content: str) -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # FTS5 is SQLite's; other databases index text their own way
    # The triggers name the table, not its definition: they keep working on the new one.
    op.execute("DROP TABLE IF EXISTS articles_fts")
    op.execute(_CREATE.format(content=content))
    op.execute("INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')")


def upgrade() -> None:
    _recreate('"articles"')


def downgrade() -> None:
    _recreate("'articles'")
