"""durable_marks: the highest version known flushed to the WAL, a row per connection

Pushes on PostgreSQL commit asynchronously (``Writer.batch``); a pull may hand out without a
flush barrier of its own only versions up to the greatest mark its snapshot sees
(``pull.pull``). Each row is written by one PostgreSQL backend (``backend``: its
``pg_backend_pid()``) in a transaction that commits synchronously, so it is visible only once
flushed, with every version at or below it. A row of a backend that is gone stays true (the
versions it names stay durable), and a reused pid simply overwrites it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 14:30:00
"""

from __future__ import annotations

from alembic import op

from sync.server.migration_ops import create_table

revision = "0005"
down_revision = "0004"


def upgrade() -> None:
    create_table("durable_marks", """
        backend int    noauto pk
        version bigint
    """)


def downgrade() -> None:
    op.drop_table("durable_marks")
