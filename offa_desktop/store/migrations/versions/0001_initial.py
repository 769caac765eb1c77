"""working copy: every collection and the sync tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def _synced(name: str, *columns: Any, indexed: tuple[str, ...] = ()) -> None:
    """A collection's table: its fields, the columns every synced record has, an index on each
    field of ``indexed`` and on ``version``."""
    op.create_table(
        name,
        *columns,
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        for column in (*indexed, "version"):
            batch_op.create_index(batch_op.f(f"ix_{name}_{column}"), [column], unique=False)


def upgrade() -> None:
    _synced(
        "approvals",
        sa.Column("establishment_unit_id", sa.String(length=36), nullable=True),
        sa.Column("trade_code", sa.String(), nullable=True),
        sa.Column("operator_code", sa.String(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("requested_on", sa.Date(), nullable=True),
        sa.Column("decided_on", sa.Date(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=True),
        sa.Column("tutor_ids", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=True),
        indexed=(
            "decided_on",
            "establishment_unit_id",
            "operator_code",
            "referred_on",
            "requested_on",
            "status",
            "trade_code",
        ),
    )
    op.create_table(
        "base",
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("collection", "record_id", name=op.f("pk_base")),
    )
    _synced(
        "checklist_templates",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("items", sa.JSON(none_as_null=True), nullable=True),
        indexed=("code", "title"),
    )
    _synced(
        "companies",
        sa.Column("enterprise_number", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("legal_form", sa.String(), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        indexed=("employee_count", "enterprise_number", "name", "sector"),
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
    _synced(
        "contract_events",
        sa.Column("contract_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("reason_code", sa.String(), nullable=True),
        sa.Column("details", sa.JSON(none_as_null=True), nullable=True),
        indexed=("contract_id", "effective_date", "kind", "reason_code"),
    )
    _synced(
        "contracts",
        sa.Column("learner_id", sa.String(length=36), nullable=True),
        sa.Column("establishment_unit_id", sa.String(length=36), nullable=True),
        sa.Column("approval_id", sa.String(length=36), nullable=True),
        sa.Column("tutor_id", sa.String(length=36), nullable=True),
        sa.Column("operator_code", sa.String(), nullable=True),
        sa.Column("referent_name", sa.String(), nullable=True),
        sa.Column("referent_email", sa.String(), nullable=True),
        sa.Column("referent_phone", sa.String(), nullable=True),
        sa.Column("company_signatory", sa.String(), nullable=True),
        sa.Column("workplace_ids", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("trade_code", sa.String(), nullable=True),
        sa.Column("start_date", sa.Date(), nullable=True),
        sa.Column("end_date", sa.Date(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("monthly_pay", sa.Integer(), nullable=True),
        sa.Column("schedule", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("signed_on", sa.Date(), nullable=True),
        sa.Column("supersedes_id", sa.String(length=36), nullable=True),
        indexed=(
            "approval_id",
            "company_signatory",
            "end_date",
            "establishment_unit_id",
            "learner_id",
            "level",
            "monthly_pay",
            "operator_code",
            "referent_name",
            "signed_on",
            "start_date",
            "status",
            "supersedes_id",
            "trade_code",
            "tutor_id",
        ),
    )
    _synced(
        "documents",
        sa.Column("record", sa.String(), nullable=True),
        sa.Column("file_name", sa.String(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=True),
        indexed=("created_at", "file_name", "media_type", "record", "sha256", "size"),
    )
    _synced(
        "establishment_units",
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("unit_number", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("street", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        indexed=("city", "company_id", "name", "postal_code", "region", "unit_number"),
    )
    _synced(
        "incentive_claims",
        sa.Column("kind_code", sa.String(), nullable=True),
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("contract_ids", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("tutor_id", sa.String(length=36), nullable=True),
        sa.Column("school_year", sa.String(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("checks", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("iban", sa.String(), nullable=True),
        sa.Column("paid_on", sa.Date(), nullable=True),
        indexed=(
            "amount",
            "company_id",
            "kind_code",
            "paid_on",
            "school_year",
            "status",
            "tutor_id",
        ),
    )
    _synced(
        "incentive_kinds",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        indexed=("amount", "code", "region", "valid_from"),
    )
    _synced(
        "learners",
        sa.Column("niss", sa.String(), nullable=True),
        sa.Column("first_name", sa.String(), nullable=True),
        sa.Column("last_name", sa.String(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("street", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("operator_code", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("iban", sa.String(), nullable=True),
        sa.Column("representative", sa.JSON(none_as_null=True), nullable=True),
        indexed=(
            "birth_date",
            "city",
            "first_name",
            "last_name",
            "niss",
            "operator_code",
            "postal_code",
        ),
    )
    _synced(
        "operators",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        indexed=("code", "kind", "name", "region"),
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
    _synced(
        "pay_rates",
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        indexed=("level", "valid_from"),
    )
    _synced(
        "sectors",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        indexed=("code", "name"),
    )
    _synced(
        "suspension_reasons",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("company_pays_days", sa.Integer(), nullable=True),
        indexed=("code", "company_pays_days", "label"),
    )
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    _synced(
        "termination_reasons",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("company_pays_days", sa.Integer(), nullable=True),
        indexed=("code", "company_pays_days", "label"),
    )
    _synced(
        "trades",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("max_learners_per_tutor", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("max_daily_hours", sa.Float(), nullable=True),
        sa.Column("max_weekly_hours", sa.Float(), nullable=True),
        indexed=("code", "max_age", "max_learners_per_tutor", "name", "sector"),
    )
    _synced(
        "training_plans",
        sa.Column("trade_code", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("competences", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        indexed=("level", "trade_code", "valid_from"),
    )
    _synced(
        "tutors",
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("first_name", sa.String(), nullable=True),
        sa.Column("last_name", sa.String(), nullable=True),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("condition", sa.String(), nullable=True),
        sa.Column("experience_years", sa.Integer(), nullable=True),
        sa.Column("entrepreneur_title", sa.Boolean(), nullable=True),
        sa.Column("training_hours", sa.Float(), nullable=True),
        sa.Column("criminal_record_date", sa.Date(), nullable=True),
        sa.Column("certified", sa.Boolean(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        indexed=(
            "birth_date",
            "company_id",
            "condition",
            "criminal_record_date",
            "experience_years",
            "first_name",
            "last_name",
        ),
    )
    _synced(
        "users",
        sa.Column("display_name", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("operator_code", sa.String(), nullable=True),
        sa.Column("sectors", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        indexed=("display_name", "operator_code", "role"),
    )
    _synced(
        "visits",
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("approval_id", sa.String(length=36), nullable=True),
        sa.Column("contract_id", sa.String(length=36), nullable=True),
        sa.Column("visitor_id", sa.String(length=36), nullable=True),
        sa.Column("status", sa.String(), nullable=True),
        sa.Column("planned_on", sa.Date(), nullable=True),
        sa.Column("visit_date", sa.Date(), nullable=True),
        sa.Column("checklist_code", sa.String(), nullable=True),
        sa.Column("answers", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("opinion", sa.String(), nullable=True),
        sa.Column("comments", sa.Text(), nullable=True),
        indexed=(
            "approval_id",
            "checklist_code",
            "contract_id",
            "kind",
            "opinion",
            "planned_on",
            "status",
            "visit_date",
            "visitor_id",
        ),
    )
    _synced(
        "wage_references",
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("rmmmg", sa.Integer(), nullable=True),
        indexed=("rmmmg", "valid_from"),
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
