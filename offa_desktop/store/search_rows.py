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


_PEOPLE = {
    key: (
        "SELECT c.rowid, c.id, c.learner_id, lr.id, lr.last_name, lr.first_name FROM contracts c "
        "LEFT JOIN learners lr INDEXED BY ix_learners_radar_name ON lr.id = c.learner_id "
        f"AND lr.deleted IS 0 WHERE c.{key} IN {_IDS}"
    )
    for key in ("rowid", "id")
}
# A contract's own columns and its unit's company's name, the live unit and company from their
# narrow indexes (a deleted one: store.search_rows._deleted_companies).
_DETAILS = (
    "SELECT c.rowid, c.id, c.establishment_unit_id, c.trade_code, c.start_date, c.end_date, "
    "u.id, u.company_id, co.id, co.name FROM contracts c "
    "LEFT JOIN establishment_units u INDEXED BY ix_establishment_units_search_company "
    "ON u.id = c.establishment_unit_id AND u.deleted IS 0 "
    "LEFT JOIN companies co INDEXED BY ix_companies_radar_name "
    f"ON co.id = u.company_id AND co.deleted IS 0 WHERE c.rowid IN {_IDS}"
)


def contract_rows(
    cursor: Any,
    wanted: Sequence[tuple[str, int | None]],
    learners: Sequence[str],
    limit: int,
    known: dict[str, tuple[Any, ...]],
) -> tuple[list[tuple[Any, ...]], dict[str, int]]:
    """The contracts ``wanted`` names (as :func:`rows`) and the ``limit`` latest live ones of
    ``learners``, as (id, learner's last name, first name), ordered by id, and each one's
    rowid (for :func:`contract_details`, read only for those that may be shown). ``known``:
    learners already read, by id (their rows of :data:`COLUMNS`), not read again."""
    found: dict[str, tuple[int, Any, Any]] = {}  # id -> (rowid, learner id, names or None)
    guesses = {rowid: record_id for record_id, rowid in wanted if rowid is not None}
    if guesses:
        for rowid, record_id, learner, live, last, first in cursor.execute(
            _PEOPLE["rowid"], (_ints(guesses),)
        ).fetchall():
            if guesses.get(rowid) == record_id:
                found[record_id] = (rowid, learner, (last, first) if live is not None else None)
    missing = [record_id for record_id, _ in wanted if record_id not in found]
    if missing:
        for rowid, record_id, learner, live, last, first in cursor.execute(
            _PEOPLE["id"], (id_array(missing),)
        ).fetchall():
            found[record_id] = (rowid, learner, (last, first) if live is not None else None)
    if learners:
        for record_id, rowid, learner in cursor.execute(
            LEARNERS_CONTRACTS, (id_array(learners), limit)
        ).fetchall():
            found.setdefault(record_id, (int(rowid), learner, None))
    people = {key: (row[1], row[2]) for key, row in known.items()}
    unnamed = {learner for _, learner, names in found.values() if names is None}
    people.update(_names(cursor, "learners", unnamed - people.keys()))
    out = []
    for record_id in sorted(found):
        _, learner, names = found[record_id]
        out.append((record_id, *(names or people.get(learner, (None, None)))))
    return out, {record_id: rowid for record_id, (rowid, _, _) in found.items()}


def contract_details(cursor: Any, rowids: dict[str, int]) -> dict[str, tuple[Any, ...]]:
    """id -> (company's name, trade code, start date, end date) of the contracts ``rowids``
    names (id -> rowid), their unit's company as the joins read it (None: none found)."""
    if not rowids:
        return {}
    rows = [r for r in cursor.execute(_DETAILS, (_ints(rowids.values()),)).fetchall()
            if rowids.get(r[1]) == r[0]]  # fmt: skip
    # a deleted unit or company (not in the live indexes): from its table
    units = _names(cursor, "establishment_units",
                   {r[2] for r in rows if r[6] is None} - {None})  # fmt: skip
    firms = _names(cursor, "companies", {
        company for r in rows
        for company in ((r[7],) if r[6] is not None else units.get(r[2], (None,)))
        if company is not None and (r[6] is None or r[8] is None)
    })  # fmt: skip
    out = {}
    for _, record_id, unit, trade, start, end, live_unit, company, live_company, name in rows:
        if live_unit is None:
            company = units.get(unit, (None,))[0]
        if live_unit is None or live_company is None:
            name = firms.get(company, (None,))[0]
        out[record_id] = (name, trade, start, end)
    return out


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
