"""PostgreSQL: full-text search (a tsvector column kept by a trigger, a GIN index, a text search
configuration that removes accents) and the translation cache's insertion order. Nothing on SQLite (its
FTS5 index is 0001's and 0006's, its rowid orders the cache).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28 20:40:00

"""

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 'simple' splits Arabic, French and Indonesian on word boundaries and stems nothing (no stemmer covers the
# four languages, and FTS5's unicode61 on SQLite stems nothing either); unaccent before it lets "conference"
# find "conférence" as FTS5's remove_diacritics does. unaccent is a trusted extension (PostgreSQL >= 13): a
# database owner may create it.
# Each text is cut at 300,000 characters before indexing: a tsvector holds at most 1 MB. Each column has its
# weight (title A, text B, text_en C) so that FTS5's column filter `title:word` has a tsquery (`'word':A`).
UP = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "CREATE TEXT SEARCH CONFIGURATION polynews (COPY = simple)",
    "ALTER TEXT SEARCH CONFIGURATION polynews ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple",
    "ALTER TABLE articles ADD COLUMN fts tsvector",
    """CREATE FUNCTION articles_fts_update() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.fts := setweight(to_tsvector('polynews', left(coalesce(NEW.title, ''), 300000)), 'A')
            || setweight(to_tsvector('polynews', left(coalesce(NEW.text, ''), 300000)), 'B')
            || setweight(to_tsvector('polynews', left(coalesce(NEW.text_en, ''), 300000)), 'C');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER articles_fts_update BEFORE INSERT OR UPDATE OF title, text, text_en ON articles
        FOR EACH ROW EXECUTE FUNCTION articles_fts_update()""",
    "CREATE INDEX ix_articles_fts ON articles USING gin (fts)",
    "ALTER TABLE translation_cache ADD COLUMN seq bigserial",
]
DOWN = [
    "ALTER TABLE translation_cache DROP COLUMN seq",
    "DROP INDEX ix_articles_fts",
    "DROP TRIGGER articles_fts_update ON articles",
    "DROP FUNCTION articles_fts_update()",
    "ALTER TABLE articles DROP COLUMN fts",
    "DROP TEXT SEARCH CONFIGURATION polynews",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in DOWN:
            op.execute(statement)
