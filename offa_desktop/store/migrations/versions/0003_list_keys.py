"""sort keys of the contracts list kept by triggers; index for counting live contracts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23

Sorting 100,000 contracts on a column of another table (learner name, company name, trade name)
or on the sync state cannot use an index through joins. ``list_contract_keys`` holds, for each
contract, those keys, kept up to date by triggers on every table they come from, with an index
per key: the list then reads its first page in index order. The SQL is frozen with this revision.
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"

LEARNER_KEY = (
    "(SELECT lr.last_name || char(31) || coalesce(lr.first_name, '') FROM learners lr "
    "WHERE lr.id = {c}.learner_id)"
)
COMPANY_KEY = (
    "(SELECT co.name FROM establishment_units u JOIN companies co ON co.id = u.company_id "
    "WHERE u.id = {c}.establishment_unit_id)"
)
TRADE_KEY = "(SELECT t.name FROM trades t WHERE t.code = {c}.trade_code AND NOT t.deleted LIMIT 1)"
SYNC_KEY = (
    "(CASE WHEN EXISTS (SELECT 1 FROM conflicts k WHERE k.collection = 'contracts' "
    "AND k.record_id = {id}) THEN 'conflict' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' AND o.record_id = {id} "
    "AND o.state = 'conflict') THEN 'conflict' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' AND o.record_id = {id} "
    "AND o.state IN ('rejected', 'forbidden')) THEN 'rejected' "
    "WHEN EXISTS (SELECT 1 FROM outbox o WHERE o.collection = 'contracts' "
    "AND o.record_id = {id}) THEN 'pending' ELSE 'synced' END)"
)


# Contract columns the list sorts on: indexed with the id as tie-breaker.
SORTED = ("operator_code", "start_date", "end_date", "level", "status")


def _set(key: str, expression: str, where: str) -> str:
    """UPDATE the keys of the contracts selected by ``where`` (over ``contracts c``)."""
    return (
        f"UPDATE list_contract_keys SET {key} = (SELECT {expression.format(c='c')} "
        "FROM contracts c WHERE c.id = list_contract_keys.contract_id) "
        f"WHERE contract_id IN (SELECT c.id FROM contracts c WHERE {where})"
    )


def _trigger(name: str, event: str, table: str, body: list[str], when: str = "") -> str:
    condition = f" WHEN {when}" if when else ""
    statements = "".join(f"  {s};\n" for s in body)
    return f"CREATE TRIGGER {name} AFTER {event} ON {table}{condition} BEGIN\n{statements}END"


TRIGGERS = [
    _trigger(
        "list_contracts_insert",
        "INSERT",
        "contracts",
        [
            "INSERT INTO list_contract_keys (contract_id, learner_key, company_key, trade_key, "
            f"sync_key) VALUES (NEW.id, {LEARNER_KEY.format(c='NEW')}, "
            f"{COMPANY_KEY.format(c='NEW')}, {TRADE_KEY.format(c='NEW')}, "
            f"{SYNC_KEY.format(id='NEW.id')})"
        ],
    ),
    _trigger(
        "list_contracts_update",
        "UPDATE OF learner_id, establishment_unit_id, trade_code",
        "contracts",
        [
            "UPDATE list_contract_keys SET "
            f"learner_key = {LEARNER_KEY.format(c='NEW')}, "
            f"company_key = {COMPANY_KEY.format(c='NEW')}, "
            f"trade_key = {TRADE_KEY.format(c='NEW')} WHERE contract_id = NEW.id"
        ],
    ),
    _trigger(
        "list_contracts_delete",
        "DELETE",
        "contracts",
        ["DELETE FROM list_contract_keys WHERE contract_id = OLD.id"],
    ),
]
# The records a contract's keys are read from: (their triggers' name, table, the columns whose
# update changes the key, the key, its expression, the contracts it is for: ``row`` the record).
_UNITS_OF = "(SELECT u.id FROM establishment_units u WHERE u.company_id = {row}.id)"
PARENTS = (
    (
        "list_learners", "learners", "last_name, first_name", "learner_key", LEARNER_KEY,
        "c.learner_id = {row}.id",
    ),
    (
        "list_units", "establishment_units", "company_id", "company_key", COMPANY_KEY,
        "c.establishment_unit_id = {row}.id",
    ),
    (
        "list_companies", "companies", "name", "company_key", COMPANY_KEY,
        f"c.establishment_unit_id IN {_UNITS_OF}",
    ),
)  # fmt: skip
for name, table, columns, key, expression, where in PARENTS:
    for event in ("INSERT", f"UPDATE OF {columns}", "DELETE"):
        row = "OLD" if event == "DELETE" else "NEW"
        TRIGGERS.append(
            _trigger(
                f"{name}_{event.split()[0].lower()}",
                event,
                table,
                [_set(key, expression, where.format(row=row))],
            )
        )
for event in ("INSERT", "UPDATE OF code, name, deleted", "DELETE"):
    rows = ["OLD"] if event == "DELETE" else ["NEW"] if event == "INSERT" else ["OLD", "NEW"]
    TRIGGERS.append(
        _trigger(
            f"list_trades_{event.split()[0].lower()}",
            event,
            "trades",
            [_set("trade_key", TRADE_KEY, f"c.trade_code = {r}.code") for r in rows],
        )
    )
for table in ("outbox", "conflicts"):
    for event in ("INSERT", "UPDATE", "DELETE"):
        row = "OLD" if event == "DELETE" else "NEW"
        TRIGGERS.append(
            _trigger(
                f"list_{table}_{event.lower()}",
                event,
                table,
                [
                    f"UPDATE list_contract_keys SET sync_key = {SYNC_KEY.format(id=f'{row}.record_id')} "
                    f"WHERE contract_id = {row}.record_id"
                ],
                when=f"{row}.collection = 'contracts'",
            )
        )


def upgrade() -> None:
    op.execute(
        "CREATE TABLE list_contract_keys (contract_id TEXT NOT NULL PRIMARY KEY, "
        "learner_key TEXT, company_key TEXT, trade_key TEXT, sync_key TEXT NOT NULL)"
    )
    for key in ("learner_key", "company_key", "trade_key", "sync_key"):
        op.execute(
            f"CREATE INDEX ix_list_contract_keys_{key} ON list_contract_keys ({key}, contract_id)"
        )
    op.execute(
        "INSERT INTO list_contract_keys (contract_id, learner_key, company_key, trade_key, "
        f"sync_key) SELECT c.id, {LEARNER_KEY.format(c='c')}, {COMPANY_KEY.format(c='c')}, "
        f"{TRADE_KEY.format(c='c')}, {SYNC_KEY.format(id='c.id')} FROM contracts c"
    )
    for statement in TRIGGERS:
        op.execute(statement)
    op.create_index("ix_contracts_live_status", "contracts", ["deleted", "status"])
    for column in SORTED:
        op.drop_index(f"ix_contracts_{column}", "contracts")
        op.create_index(f"ix_contracts_{column}_id", "contracts", [column, "id"])


def downgrade() -> None:
    for column in SORTED:
        op.drop_index(f"ix_contracts_{column}_id", "contracts")
        op.create_index(f"ix_contracts_{column}", "contracts", [column])
    op.drop_index("ix_contracts_live_status", "contracts")
    for statement in TRIGGERS:
        op.execute(f"DROP TRIGGER {statement.split()[2]}")
    op.execute("DROP TABLE list_contract_keys")
