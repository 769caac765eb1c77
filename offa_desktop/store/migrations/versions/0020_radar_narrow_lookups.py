"""the radar's P2 tutors and its lines' names from narrow covering indexes

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07

P2 looks up the tutor of each of its ~6,000 candidates (a 100,000-contract copy) and asks only
whether it is agréé: 0017's ``ix_tutors_radar`` held seven columns, so those lookups decrypted
~520 pages of it; ``ix_tutors_radar_p2`` holds the id and the three columns the rule reads,
about half the width, and replaces it (nothing else read it). Naming the lines shown read each
learner's and company's row from the table after its primary key: ``ix_learners_radar_name``
and ``ix_companies_radar_name`` hold the id and the name columns (``store/radar_lines.py``).
Live rows only, analysed when the copy has statistics (``models.LIVE_INDEXES``).
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import create_live_indexes, drop_indexes

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

# as 0017 wrote it
WIDE = ("ix_tutors_radar", "tutors", ("id", "condition", "experience_years", "training_hours",
                                      "certified", "criminal_record_date", "company_id"))
INDEXES = (
    ("ix_tutors_radar_p2", "tutors", ("id", "condition", "experience_years", "training_hours")),
    ("ix_learners_radar_name", "learners", ("id", "last_name", "first_name")),
    ("ix_companies_radar_name", "companies", ("id", "name")),
)


def upgrade() -> None:
    op.drop_index(WIDE[0], table_name=WIDE[1])
    create_live_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
    create_live_indexes((WIDE,))
