"""learner transfers (issue 18): a learner's mobility between operators

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

The receiving operator asks, the sending one accepts or refuses (or OFFA decides); the server
then moves the learner to the receiving operator. Records a server sent before this copy knew
the collection come back with the integrity check (sync/repair.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

_SYNCED = (
    ("id", sa.String(length=36), False),
    ("version", sa.Integer(), True),
    ("deleted", sa.Boolean(), False),
    ("updated_at", sa.String(length=27), True),
    ("updated_by", sa.String(length=36), True),
    ("extra", sa.JSON(none_as_null=True), True),
)
COLUMNS: list[tuple[str, sa.types.TypeEngine[object], bool]] = [
    ("niss", sa.String(), True),
    ("from_operator", sa.String(), True),
    ("to_operator", sa.String(), True),
    ("status", sa.String(), True),
    ("requested_on", sa.Date(), True),
    ("decided_on", sa.Date(), True),
    ("level_reached", sa.String(), True),
    ("note", sa.Text(), False),
]


def upgrade() -> None:
    op.create_table(
        "learner_transfers",
        *(sa.Column(c, t, nullable=True) for c, t, _ in COLUMNS),
        *(sa.Column(c, t, nullable=n) for c, t, n in _SYNCED),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learner_transfers")),
    )
    with op.batch_alter_table("learner_transfers", schema=None) as batch_op:
        for column in [*(c for c, _, indexed in COLUMNS if indexed), "version"]:
            batch_op.create_index(
                batch_op.f(f"ix_learner_transfers_{column}"), [column], unique=False
            )


def downgrade() -> None:
    op.drop_table("learner_transfers")
