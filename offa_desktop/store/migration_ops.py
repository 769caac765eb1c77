"""What the client's migrations do more than once.

- ``create_synced_table`` (0001, 0007, 0012): a collection's table: its fields (nullable), the
  columns every synced record ends with (``base.SyncedRecord``), its primary key, and an index
  on each field marked so and on ``version``.
- ``create_indexes`` / ``drop_indexes`` (0011, 0013): indexes over several columns, analysed at
  once on a copy whose statistics exist (so the planner uses them without a new ANALYZE).

Migrations that ran must go on doing the same: add to this module, never change it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

# (name, type, indexed) of a collection's field.
Field = tuple[str, Any, bool]

SYNCED_COLUMNS: tuple[tuple[str, Any, bool], ...] = (  # (name, type, nullable)
    ("id", sa.String(length=36), False),
    ("version", sa.Integer(), True),
    ("deleted", sa.Boolean(), False),
    ("updated_at", sa.String(length=27), True),
    ("updated_by", sa.String(length=36), True),
    ("extra", sa.JSON(none_as_null=True), True),
)


def create_synced_table(name: str, fields: Sequence[Field]) -> None:
    """The table of collection ``name`` with these fields, the synced columns and the indexes."""
    op.create_table(
        name,
        *(sa.Column(column, kind, nullable=True) for column, kind, _ in fields),
        *(sa.Column(column, kind, nullable=nullable) for column, kind, nullable in SYNCED_COLUMNS),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in [*(column for column, _, indexed in fields if indexed), "version"]:
            batch_op.create_index(batch_op.f(f"ix_{name}_{column}"), [column], unique=False)


# (index name, table, columns)
Index = tuple[str, str, Sequence[str]]


def create_indexes(indexes: Sequence[Index]) -> None:
    """Create the indexes; analyse each one when the copy has statistics (``sqlite_stat1``)."""
    bind = op.get_bind()
    analysed = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None
    for name, table, columns in indexes:
        op.create_index(name, table, list(columns), unique=False)
        if analysed:
            op.execute(f"ANALYZE {name}")


def drop_indexes(indexes: Sequence[Index]) -> None:
    for name, table, _columns in indexes:
        op.drop_index(name, table_name=table)
