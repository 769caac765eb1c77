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

from offa_desktop.store.migration_ops import Field, create_synced_table

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

COLUMNS: list[Field] = [
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
    create_synced_table("learner_transfers", COLUMNS)


def downgrade() -> None:
    op.drop_table("learner_transfers")
