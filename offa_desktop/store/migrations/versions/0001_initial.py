"""working copy: every collection and the sync tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approvals")),
    )
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_approvals_decided_on"), ["decided_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_approvals_establishment_unit_id"),
            ["establishment_unit_id"],
            unique=False,
        )
        batch_op.create_index(
            batch_op.f("ix_approvals_operator_code"), ["operator_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_approvals_referred_on"), ["referred_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_approvals_requested_on"), ["requested_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_approvals_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_approvals_trade_code"), ["trade_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_approvals_version"), ["version"], unique=False)

    op.create_table(
        "base",
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("collection", "record_id", name=op.f("pk_base")),
    )
    op.create_table(
        "checklist_templates",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("title", sa.String(), nullable=True),
        sa.Column("items", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checklist_templates")),
    )
    with op.batch_alter_table("checklist_templates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checklist_templates_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_checklist_templates_title"), ["title"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_checklist_templates_version"), ["version"], unique=False
        )

    op.create_table(
        "companies",
        sa.Column("enterprise_number", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("legal_form", sa.String(), nullable=True),
        sa.Column("employee_count", sa.Integer(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_companies")),
    )
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_companies_employee_count"), ["employee_count"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_companies_enterprise_number"), ["enterprise_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_companies_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_companies_version"), ["version"], unique=False)

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

    op.create_table(
        "contract_events",
        sa.Column("contract_id", sa.String(length=36), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("effective_date", sa.Date(), nullable=True),
        sa.Column("reason_code", sa.String(), nullable=True),
        sa.Column("details", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_events")),
    )
    with op.batch_alter_table("contract_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contract_events_contract_id"), ["contract_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contract_events_effective_date"), ["effective_date"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contract_events_kind"), ["kind"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contract_events_reason_code"), ["reason_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contract_events_version"), ["version"], unique=False)

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contracts")),
    )
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contracts_approval_id"), ["approval_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contracts_company_signatory"), ["company_signatory"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contracts_end_date"), ["end_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contracts_establishment_unit_id"),
            ["establishment_unit_id"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_contracts_learner_id"), ["learner_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_monthly_pay"), ["monthly_pay"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contracts_operator_code"), ["operator_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_contracts_referent_name"), ["referent_name"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contracts_signed_on"), ["signed_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_start_date"), ["start_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contracts_supersedes_id"), ["supersedes_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contracts_trade_code"), ["trade_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_tutor_id"), ["tutor_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contracts_version"), ["version"], unique=False)

    op.create_table(
        "documents",
        sa.Column("record", sa.String(), nullable=True),
        sa.Column("file_name", sa.String(), nullable=True),
        sa.Column("media_type", sa.String(), nullable=True),
        sa.Column("size", sa.Integer(), nullable=True),
        sa.Column("sha256", sa.String(), nullable=True),
        sa.Column("created_at", sa.String(length=27), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_documents_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_file_name"), ["file_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_media_type"), ["media_type"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_record"), ["record"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_sha256"), ["sha256"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_size"), ["size"], unique=False)
        batch_op.create_index(batch_op.f("ix_documents_version"), ["version"], unique=False)

    op.create_table(
        "establishment_units",
        sa.Column("company_id", sa.String(length=36), nullable=True),
        sa.Column("unit_number", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("street", sa.String(), nullable=True),
        sa.Column("postal_code", sa.String(), nullable=True),
        sa.Column("city", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_establishment_units")),
    )
    with op.batch_alter_table("establishment_units", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_establishment_units_city"), ["city"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_establishment_units_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_establishment_units_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_establishment_units_postal_code"), ["postal_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_establishment_units_region"), ["region"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_establishment_units_unit_number"), ["unit_number"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_establishment_units_version"), ["version"], unique=False
        )

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incentive_claims")),
    )
    with op.batch_alter_table("incentive_claims", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incentive_claims_amount"), ["amount"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incentive_claims_company_id"), ["company_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_incentive_claims_kind_code"), ["kind_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incentive_claims_paid_on"), ["paid_on"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incentive_claims_school_year"), ["school_year"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incentive_claims_status"), ["status"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incentive_claims_tutor_id"), ["tutor_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incentive_claims_version"), ["version"], unique=False)

    op.create_table(
        "incentive_kinds",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("amount", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_incentive_kinds")),
    )
    with op.batch_alter_table("incentive_kinds", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_incentive_kinds_amount"), ["amount"], unique=False)
        batch_op.create_index(batch_op.f("ix_incentive_kinds_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_incentive_kinds_region"), ["region"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_incentive_kinds_valid_from"), ["valid_from"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_incentive_kinds_version"), ["version"], unique=False)

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learners")),
    )
    with op.batch_alter_table("learners", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_learners_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_learners_city"), ["city"], unique=False)
        batch_op.create_index(batch_op.f("ix_learners_first_name"), ["first_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_learners_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_learners_niss"), ["niss"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_learners_operator_code"), ["operator_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_learners_postal_code"), ["postal_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_learners_version"), ["version"], unique=False)

    op.create_table(
        "operators",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("kind", sa.String(), nullable=True),
        sa.Column("region", sa.String(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_operators")),
    )
    with op.batch_alter_table("operators", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_operators_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_operators_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_operators_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_operators_region"), ["region"], unique=False)
        batch_op.create_index(batch_op.f("ix_operators_version"), ["version"], unique=False)

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

    op.create_table(
        "pay_rates",
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("percent", sa.Integer(), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pay_rates")),
    )
    with op.batch_alter_table("pay_rates", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_pay_rates_level"), ["level"], unique=False)
        batch_op.create_index(batch_op.f("ix_pay_rates_valid_from"), ["valid_from"], unique=False)
        batch_op.create_index(batch_op.f("ix_pay_rates_version"), ["version"], unique=False)

    op.create_table(
        "sectors",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sectors")),
    )
    with op.batch_alter_table("sectors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_sectors_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_sectors_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_sectors_version"), ["version"], unique=False)

    op.create_table(
        "suspension_reasons",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("company_pays_days", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suspension_reasons")),
    )
    with op.batch_alter_table("suspension_reasons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_suspension_reasons_code"), ["code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_suspension_reasons_company_pays_days"),
            ["company_pays_days"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_suspension_reasons_label"), ["label"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_suspension_reasons_version"), ["version"], unique=False
        )

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "termination_reasons",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("label", sa.String(), nullable=True),
        sa.Column("company_pays_days", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_termination_reasons")),
    )
    with op.batch_alter_table("termination_reasons", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_termination_reasons_code"), ["code"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_termination_reasons_company_pays_days"),
            ["company_pays_days"],
            unique=False,
        )
        batch_op.create_index(batch_op.f("ix_termination_reasons_label"), ["label"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_termination_reasons_version"), ["version"], unique=False
        )

    op.create_table(
        "trades",
        sa.Column("code", sa.String(), nullable=True),
        sa.Column("name", sa.String(), nullable=True),
        sa.Column("sector", sa.String(), nullable=True),
        sa.Column("max_learners_per_tutor", sa.Integer(), nullable=True),
        sa.Column("max_age", sa.Integer(), nullable=True),
        sa.Column("max_daily_hours", sa.Float(), nullable=True),
        sa.Column("max_weekly_hours", sa.Float(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trades")),
    )
    with op.batch_alter_table("trades", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trades_code"), ["code"], unique=False)
        batch_op.create_index(batch_op.f("ix_trades_max_age"), ["max_age"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_trades_max_learners_per_tutor"), ["max_learners_per_tutor"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_trades_name"), ["name"], unique=False)
        batch_op.create_index(batch_op.f("ix_trades_sector"), ["sector"], unique=False)
        batch_op.create_index(batch_op.f("ix_trades_version"), ["version"], unique=False)

    op.create_table(
        "training_plans",
        sa.Column("trade_code", sa.String(), nullable=True),
        sa.Column("level", sa.String(), nullable=True),
        sa.Column("competences", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_plans")),
    )
    with op.batch_alter_table("training_plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_training_plans_level"), ["level"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_training_plans_trade_code"), ["trade_code"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_training_plans_valid_from"), ["valid_from"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_training_plans_version"), ["version"], unique=False)

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tutors")),
    )
    with op.batch_alter_table("tutors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_tutors_birth_date"), ["birth_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_tutors_company_id"), ["company_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_tutors_condition"), ["condition"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_tutors_criminal_record_date"), ["criminal_record_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_tutors_experience_years"), ["experience_years"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_tutors_first_name"), ["first_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_tutors_last_name"), ["last_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_tutors_version"), ["version"], unique=False)

    op.create_table(
        "users",
        sa.Column("display_name", sa.String(), nullable=True),
        sa.Column("role", sa.String(), nullable=True),
        sa.Column("operator_code", sa.String(), nullable=True),
        sa.Column("sectors", sa.JSON(none_as_null=True), nullable=True),
        sa.Column("email", sa.String(), nullable=True),
        sa.Column("phone", sa.String(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
    )
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_users_display_name"), ["display_name"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_operator_code"), ["operator_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_role"), ["role"], unique=False)
        batch_op.create_index(batch_op.f("ix_users_version"), ["version"], unique=False)

    op.create_table(
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
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visits")),
    )
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_visits_approval_id"), ["approval_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_visits_checklist_code"), ["checklist_code"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_visits_contract_id"), ["contract_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_kind"), ["kind"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_opinion"), ["opinion"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_planned_on"), ["planned_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_status"), ["status"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_version"), ["version"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_visit_date"), ["visit_date"], unique=False)
        batch_op.create_index(batch_op.f("ix_visits_visitor_id"), ["visitor_id"], unique=False)

    op.create_table(
        "wage_references",
        sa.Column("valid_from", sa.Date(), nullable=True),
        sa.Column("rmmmg", sa.Integer(), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=True),
        sa.Column("deleted", sa.Boolean(), nullable=False),
        sa.Column("updated_at", sa.String(length=27), nullable=True),
        sa.Column("updated_by", sa.String(length=36), nullable=True),
        sa.Column("extra", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wage_references")),
    )
    with op.batch_alter_table("wage_references", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_wage_references_rmmmg"), ["rmmmg"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_wage_references_valid_from"), ["valid_from"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_wage_references_version"), ["version"], unique=False)


def downgrade() -> None:

    with op.batch_alter_table("wage_references", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_wage_references_version"))
        batch_op.drop_index(batch_op.f("ix_wage_references_valid_from"))
        batch_op.drop_index(batch_op.f("ix_wage_references_rmmmg"))

    op.drop_table("wage_references")
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_visitor_id"))
        batch_op.drop_index(batch_op.f("ix_visits_visit_date"))
        batch_op.drop_index(batch_op.f("ix_visits_version"))
        batch_op.drop_index(batch_op.f("ix_visits_status"))
        batch_op.drop_index(batch_op.f("ix_visits_planned_on"))
        batch_op.drop_index(batch_op.f("ix_visits_opinion"))
        batch_op.drop_index(batch_op.f("ix_visits_kind"))
        batch_op.drop_index(batch_op.f("ix_visits_contract_id"))
        batch_op.drop_index(batch_op.f("ix_visits_checklist_code"))
        batch_op.drop_index(batch_op.f("ix_visits_approval_id"))

    op.drop_table("visits")
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_users_version"))
        batch_op.drop_index(batch_op.f("ix_users_role"))
        batch_op.drop_index(batch_op.f("ix_users_operator_code"))
        batch_op.drop_index(batch_op.f("ix_users_display_name"))

    op.drop_table("users")
    with op.batch_alter_table("tutors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_tutors_version"))
        batch_op.drop_index(batch_op.f("ix_tutors_last_name"))
        batch_op.drop_index(batch_op.f("ix_tutors_first_name"))
        batch_op.drop_index(batch_op.f("ix_tutors_experience_years"))
        batch_op.drop_index(batch_op.f("ix_tutors_criminal_record_date"))
        batch_op.drop_index(batch_op.f("ix_tutors_condition"))
        batch_op.drop_index(batch_op.f("ix_tutors_company_id"))
        batch_op.drop_index(batch_op.f("ix_tutors_birth_date"))

    op.drop_table("tutors")
    with op.batch_alter_table("training_plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_training_plans_version"))
        batch_op.drop_index(batch_op.f("ix_training_plans_valid_from"))
        batch_op.drop_index(batch_op.f("ix_training_plans_trade_code"))
        batch_op.drop_index(batch_op.f("ix_training_plans_level"))

    op.drop_table("training_plans")
    with op.batch_alter_table("trades", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trades_version"))
        batch_op.drop_index(batch_op.f("ix_trades_sector"))
        batch_op.drop_index(batch_op.f("ix_trades_name"))
        batch_op.drop_index(batch_op.f("ix_trades_max_learners_per_tutor"))
        batch_op.drop_index(batch_op.f("ix_trades_max_age"))
        batch_op.drop_index(batch_op.f("ix_trades_code"))

    op.drop_table("trades")
    with op.batch_alter_table("termination_reasons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_termination_reasons_version"))
        batch_op.drop_index(batch_op.f("ix_termination_reasons_label"))
        batch_op.drop_index(batch_op.f("ix_termination_reasons_company_pays_days"))
        batch_op.drop_index(batch_op.f("ix_termination_reasons_code"))

    op.drop_table("termination_reasons")
    op.drop_table("sync_state")
    with op.batch_alter_table("suspension_reasons", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_suspension_reasons_version"))
        batch_op.drop_index(batch_op.f("ix_suspension_reasons_label"))
        batch_op.drop_index(batch_op.f("ix_suspension_reasons_company_pays_days"))
        batch_op.drop_index(batch_op.f("ix_suspension_reasons_code"))

    op.drop_table("suspension_reasons")
    with op.batch_alter_table("sectors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_sectors_version"))
        batch_op.drop_index(batch_op.f("ix_sectors_name"))
        batch_op.drop_index(batch_op.f("ix_sectors_code"))

    op.drop_table("sectors")
    with op.batch_alter_table("pay_rates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pay_rates_version"))
        batch_op.drop_index(batch_op.f("ix_pay_rates_valid_from"))
        batch_op.drop_index(batch_op.f("ix_pay_rates_level"))

    op.drop_table("pay_rates")
    with op.batch_alter_table("outbox", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_outbox_state"))
        batch_op.drop_index("ix_outbox_record")

    op.drop_table("outbox")
    with op.batch_alter_table("operators", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_operators_version"))
        batch_op.drop_index(batch_op.f("ix_operators_region"))
        batch_op.drop_index(batch_op.f("ix_operators_name"))
        batch_op.drop_index(batch_op.f("ix_operators_kind"))
        batch_op.drop_index(batch_op.f("ix_operators_code"))

    op.drop_table("operators")
    with op.batch_alter_table("learners", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_learners_version"))
        batch_op.drop_index(batch_op.f("ix_learners_postal_code"))
        batch_op.drop_index(batch_op.f("ix_learners_operator_code"))
        batch_op.drop_index(batch_op.f("ix_learners_niss"))
        batch_op.drop_index(batch_op.f("ix_learners_last_name"))
        batch_op.drop_index(batch_op.f("ix_learners_first_name"))
        batch_op.drop_index(batch_op.f("ix_learners_city"))
        batch_op.drop_index(batch_op.f("ix_learners_birth_date"))

    op.drop_table("learners")
    with op.batch_alter_table("incentive_kinds", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incentive_kinds_version"))
        batch_op.drop_index(batch_op.f("ix_incentive_kinds_valid_from"))
        batch_op.drop_index(batch_op.f("ix_incentive_kinds_region"))
        batch_op.drop_index(batch_op.f("ix_incentive_kinds_code"))
        batch_op.drop_index(batch_op.f("ix_incentive_kinds_amount"))

    op.drop_table("incentive_kinds")
    with op.batch_alter_table("incentive_claims", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_incentive_claims_version"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_tutor_id"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_status"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_school_year"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_paid_on"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_kind_code"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_company_id"))
        batch_op.drop_index(batch_op.f("ix_incentive_claims_amount"))

    op.drop_table("incentive_claims")
    with op.batch_alter_table("establishment_units", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_establishment_units_version"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_unit_number"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_region"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_postal_code"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_name"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_company_id"))
        batch_op.drop_index(batch_op.f("ix_establishment_units_city"))

    op.drop_table("establishment_units")
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_documents_version"))
        batch_op.drop_index(batch_op.f("ix_documents_size"))
        batch_op.drop_index(batch_op.f("ix_documents_sha256"))
        batch_op.drop_index(batch_op.f("ix_documents_record"))
        batch_op.drop_index(batch_op.f("ix_documents_media_type"))
        batch_op.drop_index(batch_op.f("ix_documents_file_name"))
        batch_op.drop_index(batch_op.f("ix_documents_created_at"))

    op.drop_table("documents")
    with op.batch_alter_table("contracts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contracts_version"))
        batch_op.drop_index(batch_op.f("ix_contracts_tutor_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_trade_code"))
        batch_op.drop_index(batch_op.f("ix_contracts_supersedes_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_status"))
        batch_op.drop_index(batch_op.f("ix_contracts_start_date"))
        batch_op.drop_index(batch_op.f("ix_contracts_signed_on"))
        batch_op.drop_index(batch_op.f("ix_contracts_referent_name"))
        batch_op.drop_index(batch_op.f("ix_contracts_operator_code"))
        batch_op.drop_index(batch_op.f("ix_contracts_monthly_pay"))
        batch_op.drop_index(batch_op.f("ix_contracts_level"))
        batch_op.drop_index(batch_op.f("ix_contracts_learner_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_establishment_unit_id"))
        batch_op.drop_index(batch_op.f("ix_contracts_end_date"))
        batch_op.drop_index(batch_op.f("ix_contracts_company_signatory"))
        batch_op.drop_index(batch_op.f("ix_contracts_approval_id"))

    op.drop_table("contracts")
    with op.batch_alter_table("contract_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contract_events_version"))
        batch_op.drop_index(batch_op.f("ix_contract_events_reason_code"))
        batch_op.drop_index(batch_op.f("ix_contract_events_kind"))
        batch_op.drop_index(batch_op.f("ix_contract_events_effective_date"))
        batch_op.drop_index(batch_op.f("ix_contract_events_contract_id"))

    op.drop_table("contract_events")
    with op.batch_alter_table("conflicts", schema=None) as batch_op:
        batch_op.drop_index("ix_conflicts_record")

    op.drop_table("conflicts")
    with op.batch_alter_table("companies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_companies_version"))
        batch_op.drop_index(batch_op.f("ix_companies_sector"))
        batch_op.drop_index(batch_op.f("ix_companies_name"))
        batch_op.drop_index(batch_op.f("ix_companies_enterprise_number"))
        batch_op.drop_index(batch_op.f("ix_companies_employee_count"))

    op.drop_table("companies")
    with op.batch_alter_table("checklist_templates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checklist_templates_version"))
        batch_op.drop_index(batch_op.f("ix_checklist_templates_title"))
        batch_op.drop_index(batch_op.f("ix_checklist_templates_code"))

    op.drop_table("checklist_templates")
    op.drop_table("base")
    with op.batch_alter_table("approvals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_approvals_version"))
        batch_op.drop_index(batch_op.f("ix_approvals_trade_code"))
        batch_op.drop_index(batch_op.f("ix_approvals_status"))
        batch_op.drop_index(batch_op.f("ix_approvals_requested_on"))
        batch_op.drop_index(batch_op.f("ix_approvals_referred_on"))
        batch_op.drop_index(batch_op.f("ix_approvals_operator_code"))
        batch_op.drop_index(batch_op.f("ix_approvals_establishment_unit_id"))
        batch_op.drop_index(batch_op.f("ix_approvals_decided_on"))

    op.drop_table("approvals")
