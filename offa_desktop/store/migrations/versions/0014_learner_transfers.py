"""learner transfers (issue 18): a learner's mobility between operators

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-06

The receiving operator asks, the sending one accepts or refuses (or OFFA decides); the server
then moves the learner to the receiving operator. Records a server sent before this copy knew
the collection come back with the integrity check (sync/repair.py).
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import columns, create_synced_table

revision = "0014"
down_revision = "0013"

COLUMNS = columns("""
    niss          str  ix
    from_operator str  ix
    to_operator   str  ix
    status        str  ix
    requested_on  date ix
    decided_on    date ix
    level_reached str  ix
    note          text
""")


def upgrade() -> None:
    create_synced_table("learner_transfers", COLUMNS)


def downgrade() -> None:
    op.drop_table("learner_transfers")
