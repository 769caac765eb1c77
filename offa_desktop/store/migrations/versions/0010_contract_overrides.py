"""contracts: ``overrides``, the rules a person set aside with a reason (issue 17)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06

A nullable JSON column: existing contracts have none. A contract pulled before this column
existed kept an ``overrides`` value (from a newer server) in ``extra``: it moves into the
column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def upgrade() -> None:
    op.add_column("contracts", sa.Column("overrides", sa.JSON(none_as_null=True), nullable=True))
    op.execute(
        "UPDATE contracts SET overrides = json_extract(extra, '$.overrides'), "
        "extra = CASE WHEN json_remove(extra, '$.overrides') = '{}' THEN NULL "
        "ELSE json_remove(extra, '$.overrides') END "
        "WHERE extra IS NOT NULL AND json_type(extra, '$.overrides') IS NOT NULL"
    )


def downgrade() -> None:
    # Plain ALTER TABLE (SQLite 3.35+): a batch would rebuild ``contracts`` under the list and
    # search triggers that name it.
    op.execute("ALTER TABLE contracts DROP COLUMN overrides")
