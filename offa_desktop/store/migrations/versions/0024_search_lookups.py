"""the search's lookups in narrow indexes: a learner's latest contracts, a unit's company

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-07

A search (store/search.py, store/search_rows.py) reads the latest live contracts of the
learners it found (by start date) and, for each contract it ranks, its learner's names, its
unit's company and that company's name. By learner it read ``ix_contracts_learner_id`` then
each contract's row (for ``deleted`` and ``start_date``); each unit's row after its id. On the
1,000,000-contract encrypted copy each of those rows is a page decrypted at a random place.
``ix_contracts_search_learner`` (learner, start date, id) answers the first from the index
alone, ``ix_establishment_units_search_company`` (id, company) the second. Live rows only,
analysed when the copy has statistics (``models.LIVE_INDEXES``).
"""

from __future__ import annotations

from offa_desktop.store.migration_ops import create_live_indexes, drop_indexes

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

INDEXES = (
    ("ix_contracts_search_learner", "contracts", ("learner_id", "start_date", "id")),
    ("ix_establishment_units_search_company", "establishment_units", ("id", "company_id")),
)


def upgrade() -> None:
    create_live_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
