"""0019's indexes of the live contracts dropped: the indicators count without them

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

Four more indexes on contracts cost every write (a bulk load of 100,000 contracts: ~9 % more
CPU). The indicators now count every contract in the order of the indexes contracts have
anyway (operator, trade, unit; the primary key for the terminations) and take the deleted
ones away, found by ``ix_contracts_live_status`` (``store/indicator_rows.py``), as fast.
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import create_live_indexes

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# as 0019 wrote them
INDEXES = (
    ("ix_contracts_live_operator", "contracts", ("operator_code",)),
    ("ix_contracts_live_trade", "contracts", ("trade_code",)),
    ("ix_contracts_live_unit", "contracts", ("establishment_unit_id",)),
    ("ix_contracts_live_id", "contracts", ("id",)),
)


def upgrade() -> None:
    for name, _table, _columns in INDEXES:
        op.execute(f"DROP INDEX IF EXISTS {name}")


def downgrade() -> None:
    create_live_indexes(INDEXES)
