"""Alembic environment of the working copy: batch mode for SQLite, the models' naming convention."""

from __future__ import annotations

from pathlib import Path

from alembic import context

from offa_desktop.store.db import make_engine
from offa_desktop.store.schema import metadata

config = context.config
target_metadata = metadata


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """The search and list-key tables (kept by triggers, migrations 0002 and 0003) are not in the
    models' metadata."""
    return not (type_ == "table" and name is not None and name.startswith(("search_", "list_")))


def _run(connection: object) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_name=include_name,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    db = context.get_x_argument(as_dictionary=True).get("db")
    if not db:
        raise SystemExit("give the working copy: -x db=PATH")
    engine = make_engine(Path(db))  # encrypted with the key registered for it, if any
    with engine.begin() as conn:
        _run(conn)
