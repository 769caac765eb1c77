"""working copy: every collection and the sync tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from offa_desktop.store.migration_ops import create_synced_table

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    create_synced_table(
        "approvals",
        [
            ("establishment_unit_id", sa.String(length=36), True),
            ("trade_code", sa.String(), True),
            ("operator_code", sa.String(), True),
            ("status", sa.String(), True),
            ("requested_on", sa.Date(), True),
            ("decided_on", sa.Date(), True),
            ("decision_note", sa.Text(), False),
            ("tutor_ids", sa.JSON(none_as_null=True), False),
            ("referred_on", sa.Date(), True),
        ],
    )
    op.create_table(
        "base",
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("collection", "record_id", name=op.f("pk_base")),
    )
    create_synced_table(
        "checklist_templates",
        [
            ("code", sa.String(), True),
            ("title", sa.String(), True),
            ("items", sa.JSON(none_as_null=True), False),
        ],
    )
    create_synced_table(
        "companies",
        [
            ("enterprise_number", sa.String(), True),
            ("name", sa.String(), True),
            ("legal_form", sa.String(), False),
            ("employee_count", sa.Integer(), True),
            ("sector", sa.String(), True),
            ("email", sa.String(), False),
            ("phone", sa.String(), False),
        ],
    )
    op.create_table(
        "conflicts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("details", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_conflicts")),
    )
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.create_index("ix_conflicts_record", ["collection", "record_id"], unique=False)
    create_synced_table(
        "contract_events",
        [
            ("contract_id", sa.String(length=36), True),
            ("kind", sa.String(), True),
            ("effective_date", sa.Date(), True),
            ("reason_code", sa.String(), True),
            ("details", sa.JSON(none_as_null=True), False),
        ],
    )
    create_synced_table(
        "contracts",
        [
            ("learner_id", sa.String(length=36), True),
            ("establishment_unit_id", sa.String(length=36), True),
            ("approval_id", sa.String(length=36), True),
            ("tutor_id", sa.String(length=36), True),
            ("operator_code", sa.String(), True),
            ("referent_name", sa.String(), True),
            ("referent_email", sa.String(), False),
            ("referent_phone", sa.String(), False),
            ("company_signatory", sa.String(), True),
            ("workplace_ids", sa.JSON(none_as_null=True), False),
            ("trade_code", sa.String(), True),
            ("start_date", sa.Date(), True),
            ("end_date", sa.Date(), True),
            ("level", sa.String(), True),
            ("monthly_pay", sa.Integer(), True),
            ("schedule", sa.JSON(none_as_null=True), False),
            ("status", sa.String(), True),
            ("signed_on", sa.Date(), True),
            ("supersedes_id", sa.String(length=36), True),
        ],
    )
    create_synced_table(
        "documents",
        [
            ("record", sa.String(), True),
            ("file_name", sa.String(), True),
            ("media_type", sa.String(), True),
            ("size", sa.Integer(), True),
            ("sha256", sa.String(), True),
            ("created_at", sa.String(length=27), True),
        ],
    )
    create_synced_table(
        "establishment_units",
        [
            ("company_id", sa.String(length=36), True),
            ("unit_number", sa.String(), True),
            ("name", sa.String(), True),
            ("street", sa.String(), False),
            ("postal_code", sa.String(), True),
            ("city", sa.String(), True),
            ("region", sa.String(), True),
        ],
    )
    create_synced_table(
        "incentive_claims",
        [
            ("kind_code", sa.String(), True),
            ("company_id", sa.String(length=36), True),
            ("contract_ids", sa.JSON(none_as_null=True), False),
            ("tutor_id", sa.String(length=36), True),
            ("school_year", sa.String(), True),
            ("amount", sa.Integer(), True),
            ("status", sa.String(), True),
            ("checks", sa.JSON(none_as_null=True), False),
            ("iban", sa.String(), False),
            ("paid_on", sa.Date(), True),
        ],
    )
    create_synced_table(
        "incentive_kinds",
        [
            ("code", sa.String(), True),
            ("region", sa.String(), True),
            ("amount", sa.Integer(), True),
            ("valid_from", sa.Date(), True),
        ],
    )
    create_synced_table(
        "learners",
        [
            ("niss", sa.String(), True),
            ("first_name", sa.String(), True),
            ("last_name", sa.String(), True),
            ("birth_date", sa.Date(), True),
            ("street", sa.String(), False),
            ("postal_code", sa.String(), True),
            ("city", sa.String(), True),
            ("operator_code", sa.String(), True),
            ("email", sa.String(), False),
            ("phone", sa.String(), False),
            ("iban", sa.String(), False),
            ("representative", sa.JSON(none_as_null=True), False),
        ],
    )
    create_synced_table(
        "operators",
        [
            ("code", sa.String(), True),
            ("name", sa.String(), True),
            ("kind", sa.String(), True),
            ("region", sa.String(), True),
        ],
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("op_id", sa.String(length=36), nullable=False),
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("base_version", sa.Integer(), nullable=True),
        sa.Column("fields", sa.JSON(none_as_null=True), nullable=False),
        sa.Column("resolution", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=False),
        sa.Column("state", sa.String(), nullable=False),
        sa.Column("last_error", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("op_id", name=op.f("uq_outbox_op_id")),
    )
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.create_index("ix_outbox_record", ["collection", "record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_outbox_state"), ["state"], unique=False)
    create_synced_table(
        "pay_rates",
        [
            ("level", sa.String(), True),
            ("percent", sa.Integer(), False),
            ("valid_from", sa.Date(), True),
        ],
    )
    create_synced_table(
        "sectors",
        [
            ("code", sa.String(), True),
            ("name", sa.String(), True),
        ],
    )
    create_synced_table(
        "suspension_reasons",
        [
            ("code", sa.String(), True),
            ("label", sa.String(), True),
            ("company_pays_days", sa.Integer(), True),
        ],
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    create_synced_table(
        "termination_reasons",
        [
            ("code", sa.String(), True),
            ("label", sa.String(), True),
            ("company_pays_days", sa.Integer(), True),
        ],
    )
    create_synced_table(
        "trades",
        [
            ("code", sa.String(), True),
            ("name", sa.String(), True),
            ("sector", sa.String(), True),
            ("max_learners_per_tutor", sa.Integer(), True),
            ("max_age", sa.Integer(), True),
            ("max_daily_hours", sa.Float(), False),
            ("max_weekly_hours", sa.Float(), False),
        ],
    )
    create_synced_table(
        "training_plans",
        [
            ("trade_code", sa.String(), True),
            ("level", sa.String(), True),
            ("competences", sa.JSON(none_as_null=True), False),
            ("valid_from", sa.Date(), True),
        ],
    )
    create_synced_table(
        "tutors",
        [
            ("company_id", sa.String(length=36), True),
            ("first_name", sa.String(), True),
            ("last_name", sa.String(), True),
            ("birth_date", sa.Date(), True),
            ("condition", sa.String(), True),
            ("experience_years", sa.Integer(), True),
            ("entrepreneur_title", sa.Boolean(), False),
            ("training_hours", sa.Float(), False),
            ("criminal_record_date", sa.Date(), True),
            ("certified", sa.Boolean(), False),
            ("email", sa.String(), False),
            ("phone", sa.String(), False),
        ],
    )
    create_synced_table(
        "users",
        [
            ("display_name", sa.String(), True),
            ("role", sa.String(), True),
            ("operator_code", sa.String(), True),
            ("sectors", sa.JSON(none_as_null=True), False),
            ("email", sa.String(), False),
            ("phone", sa.String(), False),
        ],
    )
    create_synced_table(
        "visits",
        [
            ("kind", sa.String(), True),
            ("approval_id", sa.String(length=36), True),
            ("contract_id", sa.String(length=36), True),
            ("visitor_id", sa.String(length=36), True),
            ("status", sa.String(), True),
            ("planned_on", sa.Date(), True),
            ("visit_date", sa.Date(), True),
            ("checklist_code", sa.String(), True),
            ("answers", sa.JSON(none_as_null=True), False),
            ("opinion", sa.String(), True),
            ("comments", sa.Text(), False),
        ],
    )
    create_synced_table(
        "wage_references",
        [
            ("valid_from", sa.Date(), True),
            ("rmmmg", sa.Integer(), True),
        ],
    )


TABLES = (
    "approvals",
    "base",
    "checklist_templates",
    "companies",
    "conflicts",
    "contract_events",
    "contracts",
    "documents",
    "establishment_units",
    "incentive_claims",
    "incentive_kinds",
    "learners",
    "operators",
    "outbox",
    "pay_rates",
    "sectors",
    "suspension_reasons",
    "sync_state",
    "termination_reasons",
    "trades",
    "training_plans",
    "tutors",
    "users",
    "visits",
    "wage_references",
)


def downgrade() -> None:
    for table in reversed(TABLES):  # dropping a table drops its indexes
        op.drop_table(table)
