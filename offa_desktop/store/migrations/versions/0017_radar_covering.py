"""the radar's candidates read from narrow covering indexes of the live records

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07

On an encrypted copy every page read is decrypted and checked (SQLCipher, 16 KiB pages): the
radar's candidates, a few thousand rows scattered over the wide tables (a contract carries its
referent, schedule, workplaces...), cost a page each, ~1 s on a 100,000-contract copy. These
partial indexes (live rows only) hold exactly the columns the radar reads
(``store/radar_rows.py``), ordered by what each rule ranges over, so that its queries never
touch the tables: contracts by start, by end and by learner, a tutor's running contracts,
tutors by id and by extract date, learners by birth date, a contract's level changes, a
company's units and their approvals' tutors, requests waiting, claims to check.
``models.LIVE_INDEXES`` declares the same; each is analysed when the copy has statistics.
"""

from __future__ import annotations

from offa_desktop.store.migration_ops import create_live_indexes, drop_indexes

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

# the radar's contract columns after the ones each index is ordered by (as written in 0017)
_REST = ("status", "level", "monthly_pay", "id", "learner_id", "establishment_unit_id",
         "approval_id", "tutor_id", "operator_code", "trade_code", "supersedes_id")
INDEXES = (
    ("ix_contracts_radar_start", "contracts", ("start_date", "end_date", *_REST)),
    ("ix_contracts_radar_end", "contracts", ("end_date", "start_date", *_REST)),
    ("ix_contracts_radar_learner", "contracts",
     ("learner_id", "start_date", "end_date", *(c for c in _REST if c != "learner_id"))),
    ("ix_contracts_radar_tutor", "contracts", ("tutor_id", "status")),
    ("ix_tutors_radar", "tutors", ("id", "condition", "experience_years", "training_hours",
                                   "certified", "criminal_record_date", "company_id")),
    ("ix_tutors_radar_record", "tutors", ("criminal_record_date", "id", "company_id",
                                          "condition", "experience_years", "training_hours",
                                          "certified")),
    ("ix_learners_radar_birth", "learners", ("birth_date", "id")),
    ("ix_contract_events_radar", "contract_events", ("contract_id", "kind")),
    ("ix_establishment_units_radar_company", "establishment_units", ("company_id", "id")),
    ("ix_approvals_radar_unit", "approvals", ("establishment_unit_id", "status", "tutor_ids")),
    ("ix_approvals_radar", "approvals", ("status", "requested_on", "id", "operator_code",
                                         "decided_on", "establishment_unit_id", "trade_code")),
    ("ix_incentive_claims_radar", "incentive_claims", ("status", "updated_at", "id",
                                                       "kind_code", "company_id",
                                                       "school_year")),
)


def upgrade() -> None:
    create_live_indexes(INDEXES)


def downgrade() -> None:
    drop_indexes(INDEXES)
