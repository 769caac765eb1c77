"""What the client's migrations do more than once.

- ``create_synced_table`` (0001, 0007, 0012): a collection's table: its fields (nullable), the
  columns every synced record ends with (``base.synced_columns``), its primary key, and an index
  on each field marked so and on ``version``.
- ``columns`` (0001, 0007, 0012, 0014): a collection's fields read from a table, a line each.
- ``create_indexes`` / ``drop_indexes`` (0011, 0013): indexes over several columns, analysed at
  once on a copy whose statistics exist (so the planner uses them without a new ANALYZE);
  ``create_live_indexes`` (0017) the same on the live rows only.

Migrations that ran must go on doing the same: add to this module, never change it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

# (name, type, indexed) of a collection's field.
Field = tuple[str, Any, bool]

# The types of ``columns``' tables, each as the migrations had written it.
COLUMN_TYPES: dict[str, Callable[[], Any]] = {
    "str": sa.String,
    "str27": lambda: sa.String(length=27),
    "str36": lambda: sa.String(length=36),
    "text": sa.Text,
    "int": sa.Integer,
    "float": sa.Float,
    "bool": sa.Boolean,
    "date": sa.Date,
    "json": lambda: sa.JSON(none_as_null=True),
}


def columns(table: str) -> list[Field]:
    """A collection's fields, one a line: its name, its type (``COLUMN_TYPES``) and ``ix`` when
    it is indexed; blank lines are passed over. A line that does not read so raises ValueError."""
    fields: list[Field] = []
    for line in table.splitlines():
        words = line.split()
        if not words:
            continue
        if len(words) < 2 or words[1] not in COLUMN_TYPES or words[2:] not in ([], ["ix"]):
            raise ValueError(f"not a field: {line!r}")
        fields.append((words[0], COLUMN_TYPES[words[1]](), len(words) == 3))
    return fields


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


def create_live_indexes(indexes: Sequence[Index]) -> None:
    """Create the indexes on the live rows only (``WHERE deleted IS 0``: partial indexes a
    query uses when it says ``deleted IS 0``); analysed as ``create_indexes`` does."""
    bind = op.get_bind()
    analysed = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None
    for name, table, columns in indexes:
        op.create_index(name, table, list(columns), unique=False,
                        sqlite_where=sa.text("deleted IS 0"))
        if analysed:
            op.execute(f"ANALYZE {name}")


def drop_indexes(indexes: Sequence[Index]) -> None:
    for name, table, _columns in indexes:
        op.drop_index(name, table_name=table)
