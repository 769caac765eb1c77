"""credentials (issue 16): a login's tokens kept in the encrypted working copy

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-06

Only when the computer has no secure keyring (keyrings.alt's plaintext file, none at all): the
tokens then live in the copy, which is encrypted, so a login lasts across starts.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "credentials",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_credentials")),
    )


def downgrade() -> None:
    op.drop_table("credentials")
