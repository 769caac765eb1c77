"""limits (reference: dated delays such as a criminal record's validity) and snoozes (a user's
postponed radar items, synced per user)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from offa_desktop.store.migration_ops import create_synced_table

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

def upgrade() -> None:
    create_synced_table(
        "limits",
        [
            ("code", sa.String(), True),
            ("label", sa.String(), True),
            ("value", sa.Integer(), True),
            ("unit", sa.String(), True),
            ("valid_from", sa.Date(), True),
        ],
    )
    create_synced_table(
        "snoozes",
        [
            ("user_id", sa.String(length=36), True),
            ("rule", sa.String(), True),
            ("record", sa.String(), True),
            ("until", sa.Date(), True),
            ("reason", sa.String(), True),
        ],
    )


def downgrade() -> None:
    op.drop_table("snoozes")
    op.drop_table("limits")
