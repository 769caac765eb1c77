"""failed logins counted in the database (every server process sees them)

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00
"""

from __future__ import annotations

from alembic import op

from sync.server.migration_ops import create_table

revision = "0002"
down_revision = "0001"


def upgrade() -> None:
    create_table("login_failures", """
        id       int    auto pk
        user_key str200
        address  str64
        at       float
    """, indexes=(
        ("ix_login_failures_address", ("address", "at")),
        ("ix_login_failures_at", ("at",)),
        ("ix_login_failures_user", ("user_key", "at")),
    ))
    create_table("login_known", """
        user_key str200 pk
        address  str64  pk
        last_at  float
    """)


def downgrade() -> None:
    op.drop_table("login_known")
    with op.batch_alter_table("login_failures", schema=None) as batch_op:
        batch_op.drop_index("ix_login_failures_user")
        batch_op.drop_index("ix_login_failures_at")
        batch_op.drop_index("ix_login_failures_address")
    op.drop_table("login_failures")
