"""limits (reference: dated delays such as a criminal record's validity) and snoozes (a user's
postponed radar items, synced per user)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import columns, create_synced_table

revision = "0007"
down_revision = "0006"

def upgrade() -> None:
    create_synced_table("limits", columns("""
        code       str  ix
        label      str  ix
        value      int  ix
        unit       str  ix
        valid_from date ix
    """))
    create_synced_table("snoozes", columns("""
        user_id str36 ix
        rule    str   ix
        record  str   ix
        until   date  ix
        reason  str   ix
    """))


def downgrade() -> None:
    op.drop_table("snoozes")
    op.drop_table("limits")
