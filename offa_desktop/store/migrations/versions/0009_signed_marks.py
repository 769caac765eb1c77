"""signed marks: ``signed_on`` of contract events, approvals and visits (issue 17)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06

The day a signed amendment, termination, approval decision or visit report came back (its scan
matched by its QR code). Nullable date columns: existing records have none. A record pulled
before this column existed kept a ``signed_on`` value (from a newer server) in ``extra``: it
moves into the column.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"

TABLES = ("contract_events", "approvals", "visits")


def upgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.add_column(sa.Column("signed_on", sa.Date(), nullable=True))
            batch.create_index(f"ix_{name}_signed_on", ["signed_on"], unique=False)
        op.execute(
            f"UPDATE {name} SET signed_on = json_extract(extra, '$.signed_on'), "
            "extra = CASE WHEN json_remove(extra, '$.signed_on') = '{}' THEN NULL "
            "ELSE json_remove(extra, '$.signed_on') END "
            "WHERE extra IS NOT NULL AND json_type(extra, '$.signed_on') = 'text'"
        )


def downgrade() -> None:
    for name in TABLES:
        with op.batch_alter_table(name) as batch:
            batch.drop_index(f"ix_{name}_signed_on")
            batch.drop_column("signed_on")
