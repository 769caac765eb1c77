"""the search index in one segment, as the store's rebuild now leaves it

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07

FTS5 writes its index as segments it merges by levels; a word a search reads is looked up in
each segment's b-tree. The store's rebuild (store/derived.py ``rebuild_search``: a first sync,
a resync, the demo fill) now ends with FTS5's ``optimize``, every segment merged into one; a
copy rebuilt before gets the same here, once (1,000,000 contracts: 13 segments, about 3.5 s of
CPU; 100,000: 6, 0.4 s). Nothing to undo: the index holds the same documents either way.
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.execute("INSERT INTO search_fts (search_fts) VALUES ('optimize')")


def downgrade() -> None:
    pass
