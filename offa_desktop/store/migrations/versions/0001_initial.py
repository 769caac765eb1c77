"""working copy: every collection and the sync tables

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from offa_desktop.store.migration_ops import columns, create_synced_table

revision = "0001"
down_revision = None


def upgrade() -> None:
    create_synced_table("approvals", columns("""
        establishment_unit_id str36 ix
        trade_code            str   ix
        operator_code         str   ix
        status                str   ix
        requested_on          date  ix
        decided_on            date  ix
        decision_note         text
        tutor_ids             json
        referred_on           date  ix
    """))
    op.create_table(
        "base",
        sa.Column("collection", sa.String(), nullable=False),
        sa.Column("record_id", sa.String(length=36), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("collection", "record_id", name=op.f("pk_base")),
    )
    create_synced_table("checklist_templates", columns("""
        code  str  ix
        title str  ix
        items json
    """))
    create_synced_table("companies", columns("""
        enterprise_number str ix
        name              str ix
        legal_form        str
        employee_count    int ix
        sector            str ix
        email             str
        phone             str
    """))
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
    create_synced_table("contract_events", columns("""
        contract_id    str36 ix
        kind           str   ix
        effective_date date  ix
        reason_code    str   ix
        details        json
    """))
    create_synced_table("contracts", columns("""
        learner_id            str36 ix
        establishment_unit_id str36 ix
        approval_id           str36 ix
        tutor_id              str36 ix
        operator_code         str   ix
        referent_name         str   ix
        referent_email        str
        referent_phone        str
        company_signatory     str   ix
        workplace_ids         json
        trade_code            str   ix
        start_date            date  ix
        end_date              date  ix
        level                 str   ix
        monthly_pay           int   ix
        schedule              json
        status                str   ix
        signed_on             date  ix
        supersedes_id         str36 ix
    """))
    create_synced_table("documents", columns("""
        record     str   ix
        file_name  str   ix
        media_type str   ix
        size       int   ix
        sha256     str   ix
        created_at str27 ix
    """))
    create_synced_table("establishment_units", columns("""
        company_id  str36 ix
        unit_number str   ix
        name        str   ix
        street      str
        postal_code str   ix
        city        str   ix
        region      str   ix
    """))
    create_synced_table("incentive_claims", columns("""
        kind_code    str   ix
        company_id   str36 ix
        contract_ids json
        tutor_id     str36 ix
        school_year  str   ix
        amount       int   ix
        status       str   ix
        checks       json
        iban         str
        paid_on      date  ix
    """))
    create_synced_table("incentive_kinds", columns("""
        code       str  ix
        region     str  ix
        amount     int  ix
        valid_from date ix
    """))
    create_synced_table("learners", columns("""
        niss           str  ix
        first_name     str  ix
        last_name      str  ix
        birth_date     date ix
        street         str
        postal_code    str  ix
        city           str  ix
        operator_code  str  ix
        email          str
        phone          str
        iban           str
        representative json
    """))
    create_synced_table("operators", columns("""
        code   str ix
        name   str ix
        kind   str ix
        region str ix
    """))
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
    create_synced_table("pay_rates", columns("""
        level      str  ix
        percent    int
        valid_from date ix
    """))
    create_synced_table("sectors", columns("""
        code str ix
        name str ix
    """))
    create_synced_table("suspension_reasons", columns("""
        code              str ix
        label             str ix
        company_pays_days int ix
    """))
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.JSON(none_as_null=True), nullable=True),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    create_synced_table("termination_reasons", columns("""
        code              str ix
        label             str ix
        company_pays_days int ix
    """))
    create_synced_table("trades", columns("""
        code                   str   ix
        name                   str   ix
        sector                 str   ix
        max_learners_per_tutor int   ix
        max_age                int   ix
        max_daily_hours        float
        max_weekly_hours       float
    """))
    create_synced_table("training_plans", columns("""
        trade_code  str  ix
        level       str  ix
        competences json
        valid_from  date ix
    """))
    create_synced_table("tutors", columns("""
        company_id           str36 ix
        first_name           str   ix
        last_name            str   ix
        birth_date           date  ix
        condition            str   ix
        experience_years     int   ix
        entrepreneur_title   bool
        training_hours       float
        criminal_record_date date  ix
        certified            bool
        email                str
        phone                str
    """))
    create_synced_table("users", columns("""
        display_name  str  ix
        role          str  ix
        operator_code str  ix
        sectors       json
        email         str
        phone         str
    """))
    create_synced_table("visits", columns("""
        kind           str   ix
        approval_id    str36 ix
        contract_id    str36 ix
        visitor_id     str36 ix
        status         str   ix
        planned_on     date  ix
        visit_date     date  ix
        checklist_code str   ix
        answers        json
        opinion        str   ix
        comments       text
    """))
    create_synced_table("wage_references", columns("""
        valid_from date ix
        rmmmg      int  ix
    """))


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
