"""covering indexes for the indicators: contract figures without reading the contracts table

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-06

The "Indicateurs" area counts contracts by status, operator, trade and region, and new
contracts per month, with filters on school year (start and end dates), operator, region and
sector. Each count scanned the contracts table, whose rows are wide (a 100,000-contract copy:
about 1 s per count on a loaded machine). ``ix_contracts_figures`` holds every column those
counts read, so one pass over it answers them all; ``ix_establishment_units_region_of`` gives a
unit's region without reading the unit. Analysed at once in a copy that has planner statistics
(as 0011).
"""

from __future__ import annotations

from offa_desktop.store.migration_ops import create_indexes, drop_indexes

revision = "0013"
down_revision = "0012"

INDEXES = (
    ("ix_contracts_figures", "contracts",
     ("deleted", "start_date", "status", "operator_code", "trade_code", "establishment_unit_id",
      "end_date")),
    ("ix_establishment_units_region_of", "establishment_units", ("id", "deleted", "region")),
)


def upgrade() -> None:
    create_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
