"""contracts list: sort keys without case and accents (Émile among the E, not after Z)

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23

SQLite compares text by code point: "Émile" came after "Zoé". The learner, company and trade
keys of ``list_contract_keys`` are now folded: ASCII lower case and the accented letters of
Belgium's names replaced by their base letters (``store.contract_list.FOLD_LETTERS``, the table
``sort_key`` folds with in Python). Triggers on ``list_contract_keys`` fold a key whenever one is
written, in several statements (SQLite's parser takes about 25 nested calls at most). Frozen SQL
(tests/store/test_released_migrations.py).
"""

from __future__ import annotations

from alembic import op

from offa_desktop.store.contract_list import FOLD_LETTERS

revision = "0004"
down_revision = "0003"

KEYS = ("learner_key", "company_key", "trade_key")
CHUNK = 15  # nested replace() calls per statement


def _folded(key: str, chunk: list[tuple[str, str]]) -> str:
    expression = key
    for letter, plain in chunk:
        expression = f"replace({expression}, '{letter}', '{plain}')"
    return expression


def _fold_statements(where: str) -> list[str]:
    pairs = [(letter, plain) for plain, letters in FOLD_LETTERS.items() for letter in letters]
    statements = [
        "UPDATE list_contract_keys SET "
        + ", ".join(f"{key} = lower({key})" for key in KEYS)
        + f" WHERE {where}"
    ]
    for start in range(0, len(pairs), CHUNK):
        chunk = pairs[start : start + CHUNK]
        statements.append(
            "UPDATE list_contract_keys SET "
            + ", ".join(f"{key} = {_folded(key, chunk)}" for key in KEYS)
            + f" WHERE {where}"
        )
    return statements


def _trigger(name: str, event: str) -> str:
    body = "".join(f"  {s};\n" for s in _fold_statements("contract_id = NEW.contract_id"))
    return f"CREATE TRIGGER {name} AFTER {event} ON list_contract_keys BEGIN\n{body}END"


TRIGGERS = (
    _trigger("list_keys_fold_insert", "INSERT"),
    _trigger("list_keys_fold_update", "UPDATE OF learner_key, company_key, trade_key"),
)


def upgrade() -> None:
    for statement in _fold_statements("1"):  # the keys already there, before the triggers
        op.execute(statement)
    for statement in TRIGGERS:
        op.execute(statement)


def downgrade() -> None:
    op.execute("DROP TRIGGER list_keys_fold_update")
    op.execute("DROP TRIGGER list_keys_fold_insert")
