"""stage offers and referrals to the Commission (issue 18): two working collections

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

``stage_offers`` (Stage+ offers, per granted approval) and ``mediation_referrals`` (a contract
or approval disagreement referred to the Commission d'agrément et de médiation). New tables.
Records of them a server sent before this copy knew them were skipped by its pull: the
integrity check finds the collection's checksum differs and pulls it again (sync/repair.py).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from offa_desktop.store.migration_ops import create_synced_table

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

def upgrade() -> None:
    create_synced_table(
        "stage_offers",
        [
            ("approval_id", sa.String(length=36), True),
            ("establishment_unit_id", sa.String(length=36), True),
            ("trade_code", sa.String(), True),
            ("operator_code", sa.String(), True),
            ("title", sa.String(), True),
            ("description", sa.Text(), False),
            ("start_date", sa.Date(), True),
            ("places", sa.Integer(), True),
            ("status", sa.String(), True),
            ("published_on", sa.Date(), True),
            ("closed_on", sa.Date(), True),
            ("contact", sa.String(), False),
        ],
    )
    create_synced_table(
        "mediation_referrals",
        [
            ("subject", sa.String(), True),
            ("contract_id", sa.String(length=36), True),
            ("approval_id", sa.String(length=36), True),
            ("operator_code", sa.String(), True),
            ("reason", sa.Text(), False),
            ("status", sa.String(), True),
            ("referred_on", sa.Date(), True),
            ("mediation_on", sa.Date(), True),
            ("closed_on", sa.Date(), True),
            ("outcome", sa.Text(), False),
        ],
    )


def downgrade() -> None:
    op.drop_table("mediation_referrals")
    op.drop_table("stage_offers")
