from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from normalize.fingerprint import NUM_PERM
from store.anchors import KNOWN_BANDING, optimal_banding
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


def test_revisions_read_without_alembic_are_alembics(db: Path) -> None:
    """store/db.py reads the head from the migration files and a database's revision with one SELECT, so that
    opening an up-to-date database never imports Alembic: both must be what Alembic itself says."""
    from alembic.script import ScriptDirectory

    from store.db import _alembic_config

    assert head_revision() == ScriptDirectory.from_config(_alembic_config()).get_current_head()
    engine = connect(db, migrate=False)
    assert current_revision(engine) is None
    connect(db)
    with engine.connect() as conn:
        assert current_revision(engine) == MigrationContext.configure(conn).get_current_revision()


def test_reopening_a_migrated_database_is_a_no_op(db: Path) -> None:
    connect(db)
    before = db.stat().st_mtime_ns
    assert current_revision(connect(db)) == head_revision()
    assert db.stat().st_mtime_ns == before


def test_migration_0005_rebuilds_the_matching_indexes_from_a_0004_database(
    samples_db: Path, tmp_path: Path
) -> None:
    """A database from before 0005 (rowid postings, blake2b band keys, no anchor counts) upgrades to the same
    index rows a fresh database gets: band keys recomputed from the stored signatures, counts from postings."""
    import sqlite3

    from alembic import command

    from store.db import _alembic_config

    db = tmp_path / "old.db"
    with sqlite3.connect(samples_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)  # the WAL's pages too, which a file copy would miss

    def indexes() -> list[list[tuple[int, int]]]:
        with sqlite3.connect(db) as conn:
            return [
                sorted(conn.execute(f"SELECT key, {col} FROM {table}").fetchall())
                for table, col in (
                    ("lsh_bands", "article_id"),
                    ("anchors", "article_id"),
                    ("anchor_keys", "df"),
                )
            ]

    fresh = indexes()
    assert all(fresh)
    cfg = _alembic_config()
    with connect(db).begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    with sqlite3.connect(db) as conn:
        assert "id" in [r[1] for r in conn.execute("PRAGMA table_info(lsh_bands)")]
    connect(db)  # upgrades to head
    assert indexes() == fresh


def test_the_kept_lsh_banding_is_what_datasketch_picks() -> None:
    for (threshold, num_perm), banding in KNOWN_BANDING.items():
        assert num_perm == NUM_PERM  # what optimal_banding splits
        assert optimal_banding(threshold) == banding
