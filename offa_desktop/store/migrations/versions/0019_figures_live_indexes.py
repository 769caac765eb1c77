"""the indicators' counts read in index order: contracts by operator, trade and unit, live only

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

The "Indicateurs" area counted the 100,000 contracts by status, operator, trade and region in
one pass grouped through a temporary b-tree, each contract's unit looked up for its region
(150 ms). Without filters it now counts each one apart, each in the order of an index of the
live contracts (``store/indicator_rows.py``: no sorting, a few ms each; the region from the
count by unit, a lookup per unit). The terminations per month find their live contract by
``ix_contracts_live_id`` instead of reading its row.
"""

from __future__ import annotations

from offa_desktop.store.migration_ops import create_live_indexes, drop_indexes

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_contracts_live_operator", "contracts", ("operator_code",)),
    ("ix_contracts_live_trade", "contracts", ("trade_code",)),
    ("ix_contracts_live_unit", "contracts", ("establishment_unit_id",)),
    ("ix_contracts_live_id", "contracts", ("id",)),
)


def upgrade() -> None:
    create_live_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
