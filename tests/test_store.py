from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from store.db import connect, current_revision, head_revision, include_object
from store.schema import Base


def test_migrations_create_exactly_the_models(db: Path) -> None:
    engine = connect(db)
    assert current_revision(engine) == head_revision()
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"include_object": include_object}), Base.metadata
        )
    assert diff == []


def test_reopening_a_migrated_database_is_a_no_op(db: Path) -> None:
    connect(db)
    before = db.stat().st_mtime_ns
    assert current_revision(connect(db)) == head_revision()
    assert db.stat().st_mtime_ns == before
