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

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_SYNCED = (
    ("id", sa.String(length=36), False),
    ("version", sa.Integer(), True),
    ("deleted", sa.Boolean(), False),
    ("updated_at", sa.String(length=27), True),
    ("updated_by", sa.String(length=36), True),
    ("extra", sa.JSON(none_as_null=True), True),
)


def _table(name: str, columns: list[tuple[str, sa.types.TypeEngine[object], bool]]) -> None:
    op.create_table(
        name,
        *(sa.Column(c, t, nullable=True) for c, t, _ in columns),
        *(sa.Column(c, t, nullable=n) for c, t, n in _SYNCED),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in [*(c for c, _, indexed in columns if indexed), "version"]:
            batch_op.create_index(batch_op.f(f"ix_{name}_{column}"), [column], unique=False)


def upgrade() -> None:
    _table(
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
    _table(
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
