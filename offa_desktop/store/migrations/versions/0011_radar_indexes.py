"""indexes for the deadline radar: a status or level with the date or amount it ranges over

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-06

The radar (``store/radar_rows.py``) reads, per rule, only the records that can be due: drafts
starting before a day, running contracts by start date, pay under a level's minimum, requests
waiting since before a day, planned visits past a day. On one-column indexes SQLite ranged over
the date (nearly the whole table) and filtered the status: these put the status (or level)
first. In a copy that has planner statistics (``sqlite_stat1``: ANALYZE was run, as the demo
fill does), each is analysed at once so that the planner weighs it against the others; without
statistics SQLite prefers an equality and a range on one index anyway.
"""

from __future__ import annotations

from offa_desktop.store.migration_ops import create_indexes, drop_indexes

revision = "0011"
down_revision = "0010"

INDEXES = (
    ("ix_contracts_status_start", "contracts", ("status", "start_date")),
    ("ix_contracts_level_pay", "contracts", ("level", "monthly_pay")),
    ("ix_approvals_status_requested", "approvals", ("status", "requested_on")),
    ("ix_visits_status_planned", "visits", ("status", "planned_on")),
)


def upgrade() -> None:
    create_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
