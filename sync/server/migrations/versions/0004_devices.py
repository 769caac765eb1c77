"""devices: each login's last use, why and when it ended, its erasure (issue 16)

A login (``login_sessions``) is what the API calls a device: its name and first use were kept
already; the last use, how it ended (``logout``, refresh-token ``reuse``, ``device`` revoked,
``erase`` asked by OFFA), by whom and when, and when the device reported its data erased are
added. Existing logins: last use = first use; revoked ones ended by ``logout``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 18:10:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from sync.server.migration_ops import columns

revision = "0004"
down_revision = "0003"


def upgrade() -> None:
    with op.batch_alter_table("login_sessions", schema=None) as batch_op:
        for column in columns("""
            last_used_at str32 null
            ended_reason str20 null
            ended_at     str32 null
            ended_by     str36 null
            erased_at    str32 null
        """):
            batch_op.add_column(column)
        batch_op.create_index("ix_login_sessions_user", ["user_id"], unique=False)
    sessions = sa.table(
        "login_sessions",
        sa.column("created_at"),
        sa.column("last_used_at"),
        sa.column("revoked"),
        sa.column("ended_reason"),
    )
    op.execute(sa.update(sessions).values(last_used_at=sessions.c.created_at))
    op.execute(
        sa.update(sessions).where(sessions.c.revoked.is_(True)).values(ended_reason="logout")
    )


def downgrade() -> None:
    with op.batch_alter_table("login_sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_login_sessions_user")
        batch_op.drop_column("erased_at")
        batch_op.drop_column("ended_by")
        batch_op.drop_column("ended_at")
        batch_op.drop_column("ended_reason")
        batch_op.drop_column("last_used_at")
