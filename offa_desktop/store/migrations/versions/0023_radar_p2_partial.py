"""the radar's P2 lookups in partial indexes of what qualifies; ix_learners_radar_birth dropped

Revision ID: 0023
Revises: 0021
Create Date: 2026-12-07

(No 0022: that number was kept for a search change which then needed no migration.)

P2 at risk looks up each of its ~5,000 candidates (a 100,000-contract copy, contracts started
from September to early December) in three indexes: its level changes (``ix_contract_events_radar``
by contract and kind), its unit's region (``ix_establishment_units_region_of``) and its tutor
(``ix_tutors_radar_p2``, 0020), thousands of lookups at random places that decrypted ~570
pages of them. Each lookup only asks whether the row is of a kind: a level change, a Walloon
unit, an agréé tutor. Partial indexes holding only those rows answer it from a fraction of the
pages: ``ix_contract_events_radar_level`` (the level changes' contract ids, ~3,000 rows),
``ix_establishment_units_radar_wal`` (Walloon units' ids) and ``ix_tutors_radar_certified``
(agréé tutors, with the three columns the rule reads: a tutor missing from it is not agréé, as
the rule says of a tutor it does not know). ``ix_tutors_radar_p2`` is then read by nothing,
nor ``ix_learners_radar_birth`` (0017) since 0021: both dropped. Live rows only; analysed when
the copy has statistics; ``models.RADAR_KIND_INDEXES`` declares the same.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from offa_desktop.store.migration_ops import create_live_indexes

revision = "0023"
down_revision = "0021"
branch_labels = None
depends_on = None

# (name, table, columns, the kind of row it holds), as in models.RADAR_KIND_INDEXES at 0023
KIND_INDEXES = (
    ("ix_contract_events_radar_level", "contract_events", ("contract_id",),
     "kind = 'level_change'"),
    ("ix_establishment_units_radar_wal", "establishment_units", ("id",), "region = 'wal'"),
    ("ix_tutors_radar_certified", "tutors",
     ("id", "condition", "experience_years", "training_hours"),
     "(condition = 'validation' OR (coalesce(experience_years, 0) >= 5"
     " AND coalesce(training_hours, 0) >= 8))"),
)
# as 0020 and 0017 wrote them
DROPPED = (
    ("ix_tutors_radar_p2", "tutors", ("id", "condition", "experience_years", "training_hours")),
    ("ix_learners_radar_birth", "learners", ("birth_date", "id")),
)


def upgrade() -> None:
    bind = op.get_bind()
    analysed = bind.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").first() is not None
    for name, table, columns, kind in KIND_INDEXES:
        op.create_index(name, table, list(columns), unique=False,
                        sqlite_where=sa.text(f"deleted IS 0 AND {kind}"))
        if analysed:
            op.execute(f"ANALYZE {name}")
    for name, table, _columns in DROPPED:
        op.drop_index(name, table_name=table)


def downgrade() -> None:
    create_live_indexes(DROPPED)
    for name, table, _columns, _kind in KIND_INDEXES:
        op.drop_index(name, table_name=table)
