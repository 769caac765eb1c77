"""contracts list: fold a new row's sort keys once, not once per folding statement

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23

In 0004 the insert trigger of ``list_contract_keys`` ran the folding statements itself, and
each of them fired the update trigger, which ran them all again: about 90 statements per new
contract (13 ms). The insert trigger now touches the row once, which fires the update trigger
once (about 10 statements).
"""

from __future__ import annotations

from alembic import op

revision = "0006"
down_revision = "0005"


def upgrade() -> None:
    op.execute("DROP TRIGGER list_keys_fold_insert")
    op.execute(
        "CREATE TRIGGER list_keys_fold_insert AFTER INSERT ON list_contract_keys BEGIN\n"
        "  UPDATE list_contract_keys SET learner_key = learner_key "
        "WHERE contract_id = NEW.contract_id;\n"
        "END"
    )


def downgrade() -> None:
    pass  # 0004's downgrade drops the trigger, whichever body it has
