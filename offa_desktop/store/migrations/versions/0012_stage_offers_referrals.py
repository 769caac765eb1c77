"""stage offers and referrals to the Commission (issue 18): two working collections

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-06

``stage_offers`` (Stage+ offers, per granted approval) and ``mediation_referrals`` (a contract
or approval disagreement referred to the Commission d'agrément et de médiation). New tables.
Records of them a server sent before this copy knew them were skipped by its pull: the
integrity check finds the collection's checksum differs and pulls it again (sync/repair.py).
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import columns, create_synced_table

revision = "0012"
down_revision = "0011"

def upgrade() -> None:
    create_synced_table("stage_offers", columns("""
        approval_id           str36 ix
        establishment_unit_id str36 ix
        trade_code            str   ix
        operator_code         str   ix
        title                 str   ix
        description           text
        start_date            date  ix
        places                int   ix
        status                str   ix
        published_on          date  ix
        closed_on             date  ix
        contact               str
    """))
    create_synced_table("mediation_referrals", columns("""
        subject       str   ix
        contract_id   str36 ix
        approval_id   str36 ix
        operator_code str   ix
        reason        text
        status        str   ix
        referred_on   date  ix
        mediation_on  date  ix
        closed_on     date  ix
        outcome       text
    """))


def downgrade() -> None:
    op.drop_table("mediation_referrals")
    op.drop_table("stage_offers")
