"""Alembic environment of the reference server; the connection comes from ``migrate.upgrade``."""

from __future__ import annotations

from alembic import context

from sync.server.models import metadata

config = context.config
connection = config.attributes.get("connection")

if connection is None:  # pragma: no cover - `alembic` command line, used to write revisions
    from sync.server.db import make_engine, normalise_url

    engine = make_engine(normalise_url(config.get_main_option("sqlalchemy.url") or "sqlite://"))
    with engine.connect() as conn:
        context.configure(connection=conn, target_metadata=metadata, render_as_batch=True)
        with context.begin_transaction():
            context.run_migrations()
else:
    context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
