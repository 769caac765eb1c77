"""Creating a synced collection's table, as the migrations that add collections do (0001, 0007,
0012): its fields (nullable), the columns every synced record ends with (``base.SyncedRecord``),
its primary key, and an index on each field marked so and on ``version``.

Migrations that ran must go on creating the same tables: add to this module, never change it.
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
