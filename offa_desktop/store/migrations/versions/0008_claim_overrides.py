"""incentive claims: ``overrides``, the rules a person set aside with a reason (issue 12)

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06

A nullable JSON column: existing claims have none. A claim pulled before this column existed
kept an ``overrides`` value (from a newer server) in ``extra``: it moves into the column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"


def upgrade() -> None:
    with op.batch_alter_table("incentive_claims") as batch:
        batch.add_column(sa.Column("overrides", sa.JSON(none_as_null=True), nullable=True))
    op.execute(
        "UPDATE incentive_claims SET overrides = json_extract(extra, '$.overrides'), "
        "extra = CASE WHEN json_remove(extra, '$.overrides') = '{}' THEN NULL "
        "ELSE json_remove(extra, '$.overrides') END "
        "WHERE extra IS NOT NULL AND json_type(extra, '$.overrides') IS NOT NULL"
    )


def downgrade() -> None:
    with op.batch_alter_table("incentive_claims") as batch:
        batch.drop_column("overrides")
