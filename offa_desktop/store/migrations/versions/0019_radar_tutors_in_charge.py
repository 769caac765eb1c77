"""the radar's tutors in charge: a table kept by triggers instead of a search per tutor

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07

``criminal_record_old`` lists the tutors whose extract is too old and who are in charge: the
tutor of a running contract (live, signed / active / suspended), or named (``tutor_ids``) by a
live approval being instructed or granted. The radar looked each old tutor up in the running
contracts, then through its company's units in their approvals' ``tutor_ids`` (``json_each``):
on a 100,000-contract encrypted copy 1,136 pages of four indexes decrypted and 55 ms, for 3,130
tutors. ``radar_tutors_in_charge`` holds each tutor in charge once, with how many of those
contracts and approvals name it (``n`` > 0; a tutor no longer named is removed): one narrow
table (~170 pages for 67,000 tutors) probed by id.

The triggers keep it on every write of a contract's tutor, status or deletion and of an
approval's tutors, status or deletion, whatever writes (unit of work, sync, imports); a bulk
load sets them aside and ``store/derived.py`` rebuilds the table set-based, with the same
conditions (the SQL there follows this revision). ``tutor_ids`` that is not valid JSON names
nobody (a write is never refused for it); only its text values are tutor ids.
"""

from __future__ import annotations

from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

TABLE = "radar_tutors_in_charge"
CONTRACT_IN_CHARGE = "{r}.deleted IS 0 AND {r}.status IN ('signed', 'active', 'suspended')"
APPROVAL_IN_CHARGE = "{r}.deleted IS 0 AND {r}.status IN ('requested', 'under_review', 'granted')"


def _tutors_of(r: str) -> str:
    """The text values of approval ``r``'s ``tutor_ids`` (none when it is not valid JSON)."""
    return (f"json_each(CASE WHEN json_valid({r}.tutor_ids) THEN {r}.tutor_ids END) j"
            " WHERE j.type = 'text'")


def _add_contract(r: str) -> str:
    return (f"INSERT INTO {TABLE} (tutor_id, n) SELECT {r}.tutor_id, 1"
            f" WHERE {r}.tutor_id IS NOT NULL AND {CONTRACT_IN_CHARGE.format(r=r)}"
            " ON CONFLICT (tutor_id) DO UPDATE SET n = n + 1;\n")


def _remove_contract(r: str) -> str:
    return (f"UPDATE {TABLE} SET n = n - 1 WHERE tutor_id = {r}.tutor_id"
            f" AND {CONTRACT_IN_CHARGE.format(r=r)};\n"
            f"DELETE FROM {TABLE} WHERE tutor_id = {r}.tutor_id AND n <= 0;\n")


def _add_approval(r: str) -> str:
    return (f"INSERT INTO {TABLE} (tutor_id, n) SELECT j.value, count(*) FROM {_tutors_of(r)}"
            f" AND {APPROVAL_IN_CHARGE.format(r=r)} GROUP BY j.value"
            " ON CONFLICT (tutor_id) DO UPDATE SET n = n + excluded.n;\n")


def _remove_approval(r: str) -> str:
    named = f"SELECT j.value FROM {_tutors_of(r)}"
    return (f"UPDATE {TABLE} SET n = n - (SELECT count(*) FROM {_tutors_of(r)}"
            f" AND j.value = {TABLE}.tutor_id)"
            f" WHERE tutor_id IN ({named}) AND {APPROVAL_IN_CHARGE.format(r=r)};\n"
            f"DELETE FROM {TABLE} WHERE tutor_id IN ({named}) AND n <= 0;\n")


TRIGGERS = (
    f"CREATE TRIGGER radar_in_charge_contract_insert AFTER INSERT ON contracts BEGIN\n"
    f"{_add_contract('NEW')}END",
    f"CREATE TRIGGER radar_in_charge_contract_update"
    f" AFTER UPDATE OF tutor_id, status, deleted ON contracts BEGIN\n"
    f"{_remove_contract('OLD')}{_add_contract('NEW')}END",
    f"CREATE TRIGGER radar_in_charge_contract_delete AFTER DELETE ON contracts BEGIN\n"
    f"{_remove_contract('OLD')}END",
    f"CREATE TRIGGER radar_in_charge_approval_insert AFTER INSERT ON approvals BEGIN\n"
    f"{_add_approval('NEW')}END",
    f"CREATE TRIGGER radar_in_charge_approval_update"
    f" AFTER UPDATE OF tutor_ids, status, deleted ON approvals BEGIN\n"
    f"{_remove_approval('OLD')}{_add_approval('NEW')}END",
    f"CREATE TRIGGER radar_in_charge_approval_delete AFTER DELETE ON approvals BEGIN\n"
    f"{_remove_approval('OLD')}END",
)

# what the triggers add up, computed at once (store/derived.py ``rebuild_tutors_in_charge``)
FILL = (
    f"INSERT INTO {TABLE} (tutor_id, n) SELECT tutor_id, count(*) FROM ("
    f"SELECT c.tutor_id FROM contracts c WHERE c.tutor_id IS NOT NULL"
    f" AND {CONTRACT_IN_CHARGE.format(r='c')}"
    f" UNION ALL SELECT j.value FROM approvals a, {_tutors_of('a')}"
    f" AND {APPROVAL_IN_CHARGE.format(r='a')}"
    ") GROUP BY tutor_id"
)


def upgrade() -> None:
    op.execute(f"CREATE TABLE {TABLE} (tutor_id TEXT PRIMARY KEY NOT NULL,"
               " n INTEGER NOT NULL) WITHOUT ROWID")
    op.execute(FILL)
    for trigger in TRIGGERS:
        op.execute(trigger)


def downgrade() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger.split()[2]}")
    op.execute(f"DROP TABLE {TABLE}")
