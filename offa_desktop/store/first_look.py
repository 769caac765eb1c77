"""The first page of the contracts list read with a DB-API connection alone (no SQLAlchemy).

Importing SQLAlchemy and building the store's tables costs about 0.25 s, more than everything
else start-up does. The window's first list (contracts, the default area, unfiltered) is
therefore painted from here, and the store proper opens right after the first paint. The SQL is
``contract_list.page_statement`` / ``count_statement`` for an unfiltered list, written out;
``tests/store/test_first_look.py`` checks both give the same rows for every sort, both ways, so
the pages fetched later through SQLAlchemy continue this one without a seam.

Read-only connection (SQLCipher with the copy's key when it is encrypted: ``store.cipher``);
use it only on a working copy that ``WorkingCopy.open`` has checked and
migrated (it imports no SQLAlchemy for a sound file at the schema head).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.store import cipher
from offa_desktop.store.list_rows import ContractRow, contract_row

# Sort name -> (key column, tie-breaker from the same table), as in contract_list.page_statement.
_KEYS = "list_contract_keys"
_SORTS = {
    "learner": (f"{_KEYS}.learner_key", f"{_KEYS}.contract_id"),
    "company": (f"{_KEYS}.company_key", f"{_KEYS}.contract_id"),
    "trade": (f"{_KEYS}.trade_key", f"{_KEYS}.contract_id"),
    "sync_state": (f"{_KEYS}.sync_key", f"{_KEYS}.contract_id"),
    "operator": ("contracts.operator_code", "contracts.id"),
    "start_date": ("contracts.start_date", "contracts.id"),
    "end_date": ("contracts.end_date", "contracts.id"),
    "level": ("contracts.level", "contracts.id"),
    "status": ("contracts.status", "contracts.id"),
}
_PAGE = (
    "SELECT contracts.id, learners.last_name, learners.first_name, companies.name, trades.name,"
    " contracts.operator_code, operators.name, contracts.start_date, contracts.end_date,"
    " contracts.level, contracts.status, list_contract_keys.sync_key, contracts.version,"
    " contracts.trade_code"
    " FROM list_contract_keys JOIN contracts ON contracts.id = list_contract_keys.contract_id"
    " LEFT OUTER JOIN learners ON learners.id = contracts.learner_id"
    " LEFT OUTER JOIN establishment_units"
    " ON establishment_units.id = contracts.establishment_unit_id"
    " LEFT OUTER JOIN companies ON companies.id = establishment_units.company_id"
    " LEFT OUTER JOIN trades ON trades.code = contracts.trade_code AND trades.deleted IS 0"
    " LEFT OUTER JOIN operators"
    " ON operators.code = contracts.operator_code AND operators.deleted IS 0"
    " WHERE contracts.deleted IS 0 ORDER BY {key} {way}, {tie} {way} LIMIT ? OFFSET ?"
)
# contract_list.count_statement unfiltered: every row (a page walk) less the deleted ones
_COUNT = (
    "SELECT (SELECT count(*) FROM contracts)"
    " - (SELECT count(*) FROM contracts WHERE contracts.deleted > 0 OR contracts.deleted < 0)"
)
_DATES = (7, 8)  # start_date, end_date: stored as ISO text by SQLAlchemy's Date


class FirstLook:
    """Count, pages and filter choices of the unfiltered contracts list, read-only."""

    def __init__(self, path: Path) -> None:
        self._conn: sqlite3.Connection | None = cipher.connect(
            path, readonly=True, timeout=30, check_same_thread=False
        )

    @property
    def open(self) -> bool:
        return self._conn is not None

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise RuntimeError("first look closed")
        return self._conn

    def contract_count(self) -> int:
        return int(self._db().execute(_COUNT).fetchone()[0])

    def contract_page(
        self, sort: str, descending: bool, offset: int, limit: int
    ) -> list[ContractRow]:
        key, tie = _SORTS[sort]
        sql = _PAGE.format(key=key, tie=tie, way="DESC" if descending else "ASC")
        rows = []
        for raw in self._db().execute(sql, (limit, offset)):
            values: list[Any] = list(raw)
            for i in _DATES:
                if values[i] is not None:
                    values[i] = date.fromisoformat(values[i])
            rows.append(contract_row(values))
        return rows

    def reference_choices(self, collection: str) -> list[tuple[str, str]] | None:
        """``[(code, name)]`` of a live reference collection by name, as ``ui.sources`` shows
        them; None when the table has no ``code`` and ``name`` (ask the store instead)."""
        db = self._db()
        info = db.execute("SELECT name FROM pragma_table_info(?)", (collection,))
        columns = {row[0] for row in info}
        if not {"code", "name", "deleted"} <= columns:
            return None
        rows = db.execute(
            f'SELECT code, name FROM "{collection}" WHERE deleted IS 0 AND code IS NOT NULL'
            " AND code != '' ORDER BY id"
        ).fetchall()
        pairs = [(str(code), str(name or code)) for code, name in rows]
        return sorted(pairs, key=lambda p: p[1].casefold())

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None
