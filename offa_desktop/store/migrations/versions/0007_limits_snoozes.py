"""limits (reference: dated delays such as a criminal record's validity) and snoozes (a user's
postponed radar items, synced per user)

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
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


def _table(name: str, columns: list[tuple[str, sa.types.TypeEngine, bool]]) -> None:
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
        "limits",
        [
            ("code", sa.String(), True),
            ("label", sa.String(), True),
            ("value", sa.Integer(), True),
            ("unit", sa.String(), True),
            ("valid_from", sa.Date(), True),
        ],
    )
    _table(
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
