"""The rows a search ranks and shows (store/search.py), read with as few pages as can be.

On a large encrypted copy each page read past the page cache is decrypted and checked, and the
records' ids are random: reading a record by its id descends the id's index to a random leaf,
then the table to another. A search reads up to ``WINDOW × limit`` candidates of each kind,
and each contract's learner, unit and company. So:

- a candidate's row is read by its ``rowid``: the store's rebuild numbers a record's document
  ``BLOCKS[kind] + rowid`` (store/derived.py), so the number says where the row is, and the
  row found there is taken only when its id is the document's (a copy whose rows were
  numbered again since, or a document the triggers numbered, is read by id, as before);
- a learner's latest contracts come from the live contracts' index by learner with their start
  date (``ix_contracts_search_learner``, migration 0024), not from each contract's row;
- a contract's learner names, unit's company and company name come from narrow indexes
  (``ix_learners_radar_name``, ``ix_establishment_units_search_company``,
  ``ix_companies_radar_name``: live rows), each looked up once per search; a deleted one (not
  in those indexes) from its table, as the joins read it; and a contract's company only when
  the contract may be shown (store/search.py ``_contract_hits``).

The rows are those the joins of store/search.py gave, in the same order (by id): the hits and
their order do not change (tests/store/test_search_rows.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from offa_desktop.store.plain_sql import id_array

_IDS = "(SELECT value FROM json_each(?))"
# collection -> the columns store/search.py's _named and _subtitle read, id first
COLUMNS = {
    "learners": "id, last_name, first_name, niss, postal_code, city",
    "companies": "id, name, enterprise_number",
    "establishment_units": "id, name, unit_number, postal_code, city",
    # a contract's own: what its row gives, its names read after (see contract_rows)
    "contracts": "id, learner_id, establishment_unit_id, trade_code, start_date, end_date",
}
_BY_ROWID = {
    collection: f"SELECT rowid, {columns} FROM {collection} WHERE rowid IN {_IDS}"
    for collection, columns in COLUMNS.items()
}
_BY_ID = {
    collection: f"SELECT {columns} FROM {collection} WHERE id IN {_IDS}"
    for collection, columns in COLUMNS.items()
}
# The latest live contracts (start date) of the learners bound, from the index that holds
# what the order needs: ids and rowids, no row read.
LEARNERS_CONTRACTS = (
    "SELECT id, rowid, learner_id FROM contracts INDEXED BY ix_contracts_search_learner "
    f"WHERE learner_id IN {_IDS} AND deleted IS 0 ORDER BY start_date DESC, id LIMIT ?"
)
# (collection, the narrow index of its live rows, the columns read): a contract's names.
_NAMES = {
    "learners": ("ix_learners_radar_name", "id, last_name, first_name"),
    "establishment_units": ("ix_establishment_units_search_company", "id, company_id"),
    "companies": ("ix_companies_radar_name", "id, name"),
}


def rows(
    cursor: Any, collection: str, wanted: Sequence[tuple[str, int | None]]
) -> list[tuple[Any, ...]]:
    """The rows (:data:`COLUMNS`) of ``collection`` whose ids ``wanted`` names, each with
    where its row probably is (a rowid, or None), ordered by id (as ``id IN (...)`` gives
    them); an id no row has is left out."""
    found: dict[str, tuple[Any, ...]] = {}
    guesses = {rowid: record_id for record_id, rowid in wanted if rowid is not None}
    if guesses:
        for row in cursor.execute(_BY_ROWID[collection], (_ints(guesses),)).fetchall():
            if guesses.get(row[0]) == row[1]:
                found[row[1]] = tuple(row[1:])
    missing = [record_id for record_id, _ in wanted if record_id not in found]
    if missing:
        for row in cursor.execute(_BY_ID[collection], (id_array(missing),)).fetchall():
            found[row[0]] = tuple(row)
    return [found[key] for key in sorted(found)]


def contract_rows(
    cursor: Any,
    wanted: Sequence[tuple[str, int | None]],
    learners: Sequence[str],
    limit: int,
    known: dict[str, tuple[Any, ...]],
) -> tuple[list[tuple[Any, ...]], dict[str, int]]:
    """The contracts ``wanted`` names (as :func:`rows`) and the ``limit`` latest live ones of
    ``learners``, as (id, learner's last name, first name, unit id, trade code, start date,
    end date), ordered by id; and those of the learners' contracts whose own row was not read
    (id -> rowid: their unit, trade and dates None, for :func:`contract_columns` if they are
    shown: their learner, which ranks them, is the index's). The unit's company is
    :func:`company_names`'. ``known``: learners already read, by id (their rows of
    :data:`COLUMNS`), not read again."""
    contracts = {r[0]: r for r in rows(cursor, "contracts", wanted)}
    unread: dict[str, int] = {}
    if learners:
        for record_id, rowid, learner_id in cursor.execute(
            LEARNERS_CONTRACTS, (id_array(learners), limit)
        ).fetchall():
            if record_id not in contracts:
                contracts[record_id] = (record_id, learner_id, None, None, None, None)
                unread[record_id] = int(rowid)
    people = {key: (row[1], row[2]) for key, row in known.items()}
    people.update(_names(cursor, "learners", {c[1] for c in contracts.values()} - people.keys()))
    return [
        (record_id, *people.get(learner_id, (None, None)), unit_id, trade, start, end)
        for record_id, learner_id, unit_id, trade, start, end in (
            contracts[key] for key in sorted(contracts)
        )
    ], unread


def contract_columns(cursor: Any, unread: dict[str, int]) -> dict[str, tuple[Any, ...]]:
    """id -> (unit id, trade code, start date, end date) of the contracts ``unread`` names
    (id -> rowid, as :func:`contract_rows` gives them)."""
    found = rows(cursor, "contracts", list(unread.items())) if unread else []
    return {r[0]: tuple(r[2:]) for r in found}


def company_names(cursor: Any, units: set[Any]) -> dict[str, Any]:
    """unit id -> its company's name (None: no company, or none found), as the joins read
    them."""
    found = _names(cursor, "establishment_units", set(units))
    firms = _names(cursor, "companies", {u[0] for u in found.values()})
    return {unit: firms.get(company, (None,))[0] for unit, (company,) in found.items()}


def _names(cursor: Any, collection: str, ids: set[Any]) -> dict[str, tuple[Any, ...]]:
    """id -> the name columns (:data:`_NAMES`) of the rows of ``collection`` with those ids:
    the live ones from its narrow index, the others (deleted) from the table."""
    ids.discard(None)
    if not ids:
        return {}
    index, columns = _NAMES[collection]
    found = {
        str(r[0]): tuple(r[1:])
        for r in cursor.execute(
            f"SELECT {columns} FROM {collection} INDEXED BY {index} "
            f"WHERE id IN {_IDS} AND deleted IS 0",
            (id_array(ids),),
        ).fetchall()
    }
    rest = ids - found.keys()
    if rest:
        found.update(
            (str(r[0]), tuple(r[1:]))
            for r in cursor.execute(
                f"SELECT {columns} FROM {collection} WHERE id IN {_IDS}", (id_array(rest),)
            ).fetchall()
        )
    return found


def _ints(values: Any) -> str:
    return "[" + ",".join(str(int(v)) for v in values) + "]"
