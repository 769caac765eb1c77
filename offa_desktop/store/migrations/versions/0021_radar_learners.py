"""the radar's learners: a table kept by triggers instead of looking contracts up by learner

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07

Two rules ask about a learner's contracts: ``turns_18`` (has a learner born in the window a
running contract?) and ``contract_end`` (has the learner of a contract ending soon another one
that follows it?). The radar looked them up in ``ix_contracts_radar_learner_of`` (0018), a few
thousand lookups by learner that, on a 100,000-contract encrypted copy, decrypted ~760 pages
of it and of the table (about a quarter of a radar's pages). ``radar_learners`` holds each
learner with a live contract once: its birth date (the live learner's, else NULL), how many
of its live contracts run (signed / active / suspended), and, when it has two live contracts
or more, those contracts as the rule reads them (a JSON array of ``[id, status, start_date,
supersedes_id]`` by id; NULL with one: the contract ending is then its only one). The radar
reads two partial covering indexes of it: the birth dates of the learners with a running
contract (a range: a few pages), and the learners with several contracts (~6 % of them: a
narrow index probed by learner). ``ix_contracts_radar_learner_of`` is then read by nothing
and dropped.

The triggers compute a learner's row again from its contracts (and its birth date) whenever a
contract's learner, status, start, predecessor or deletion changes, or a learner's birth date
or deletion, whatever writes (unit of work, sync, imports); a bulk load sets them aside and
``store/derived.py`` rebuilds the table set-based with the same expressions (``FILL``).
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.migration_ops import create_live_indexes

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None

TABLE = "radar_learners"
RUNNING = "('signed', 'active', 'suspended')"
# a learner's row from its live contracts ``c`` (ordered by id), grouped by learner
_ROW = (
    "(SELECT l.birth_date FROM learners l WHERE l.id = c.learner_id AND l.deleted IS 0),"
    f" count(CASE WHEN c.status IN {RUNNING} THEN 1 END),"
    " CASE WHEN count(*) > 1 THEN"
    " json_group_array(json_array(c.id, c.status, c.start_date, c.supersedes_id)) END"
)
_COLUMNS = f"{TABLE} (learner_id, birth_date, running, contracts)"
_LIVE_CONTRACTS = "SELECT learner_id, id, status, start_date, supersedes_id FROM contracts"


def _recompute(learner: str, condition: str = "") -> str:
    """The statements that make the row of the learner ``learner`` (an expression) again."""
    only = f" AND {condition}" if condition else ""
    return (
        f"DELETE FROM {TABLE} WHERE learner_id = {learner}{only};\n"
        f"INSERT INTO {_COLUMNS} SELECT c.learner_id, {_ROW} FROM ({_LIVE_CONTRACTS}"
        f" WHERE learner_id = {learner} AND deleted IS 0{only} ORDER BY id) c"
        " GROUP BY c.learner_id;\n"
    )


def _birth(learner: str) -> str:
    return (f"UPDATE {TABLE} SET birth_date = CASE WHEN {learner}.deleted IS 0"
            f" THEN {learner}.birth_date END WHERE learner_id = {learner}.id;\n")


_CONTRACT_CHANGED = " OR ".join(
    f"OLD.{c} IS NOT NEW.{c}"
    for c in ("learner_id", "status", "start_date", "supersedes_id", "deleted")
)
TRIGGERS = (
    f"CREATE TRIGGER radar_learners_contract_insert AFTER INSERT ON contracts BEGIN\n"
    f"{_recompute('NEW.learner_id')}END",
    "CREATE TRIGGER radar_learners_contract_update"
    " AFTER UPDATE OF learner_id, status, start_date, supersedes_id, deleted ON contracts"
    f" WHEN {_CONTRACT_CHANGED} BEGIN\n"
    f"{_recompute('OLD.learner_id', 'OLD.learner_id IS NOT NEW.learner_id')}"
    f"{_recompute('NEW.learner_id')}END",
    f"CREATE TRIGGER radar_learners_contract_delete AFTER DELETE ON contracts BEGIN\n"
    f"{_recompute('OLD.learner_id')}END",
    f"CREATE TRIGGER radar_learners_learner_insert AFTER INSERT ON learners BEGIN\n"
    f"{_birth('NEW')}END",
    "CREATE TRIGGER radar_learners_learner_update AFTER UPDATE OF birth_date, deleted ON learners"
    " WHEN OLD.birth_date IS NOT NEW.birth_date OR OLD.deleted IS NOT NEW.deleted BEGIN\n"
    f"{_birth('NEW')}END",
    f"CREATE TRIGGER radar_learners_learner_delete AFTER DELETE ON learners BEGIN\n"
    f"UPDATE {TABLE} SET birth_date = NULL WHERE learner_id = OLD.id;\nEND",
)

# what the triggers make, for every learner at once (store/derived.py ``rebuild_learners``)
FILL = (
    f"INSERT INTO {_COLUMNS} SELECT c.learner_id, {_ROW} FROM ({_LIVE_CONTRACTS}"
    " WHERE deleted IS 0 AND learner_id IS NOT NULL ORDER BY learner_id, id) c"
    " GROUP BY c.learner_id"
)
INDEXES = (
    # (running too: without it SQLite reads the table to check the index's own condition)
    "CREATE INDEX ix_radar_learners_birth ON radar_learners (birth_date, learner_id, running)"
    " WHERE running > 0",
    "CREATE INDEX ix_radar_learners_several ON radar_learners (learner_id, contracts)"
    " WHERE contracts IS NOT NULL",
)
# as 0018 made it
NARROW = ("ix_contracts_radar_learner_of", "contracts", ("learner_id", "status", "id"))


def upgrade() -> None:
    op.execute(f"CREATE TABLE {TABLE} (learner_id TEXT PRIMARY KEY NOT NULL, birth_date TEXT,"
               " running INTEGER NOT NULL, contracts TEXT) WITHOUT ROWID")
    op.execute(FILL)
    for index in INDEXES:
        op.execute(index)
    for trigger in TRIGGERS:
        op.execute(trigger)
    op.drop_index(NARROW[0], table_name=NARROW[1])


def downgrade() -> None:
    create_live_indexes((NARROW,))
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER {trigger.split()[2]}")
    op.execute(f"DROP TABLE {TABLE}")
