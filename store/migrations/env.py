"""Alembic environment: run by store.db.migrate() with a connection in ``config.attributes``.

``render_as_batch`` because SQLite cannot ALTER most things in place: Alembic's batch mode copies the table.
"""

from __future__ import annotations

from alembic import context

from store.db import include_object
from store.schema import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only when someone runs the alembic CLI by hand
    from sqlalchemy import create_engine

    url = config.get_main_option("sqlalchemy.url") or "sqlite:///polynews.db"
    connection = create_engine(url).connect()

context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, include_object=include_object
)
with context.begin_transaction():
    context.run_migrations()
