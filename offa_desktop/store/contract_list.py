"""The contracts list: display rows sorted, filtered and paged in SQL (never whole tables).

The rows themselves (:class:`ContractRow`) are in ``list_rows``, shared with ``first_look``."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    Column,
    ColumnElement,
    MetaData,
    Select,
    String,
    Table,
    and_,
    case,
    exists,
    func,
    literal,
    or_,
    select,
)
from sqlalchemy.orm import Session

from offa_desktop.store.list_rows import (
    CONFLICT,
    CONTRACT_SORTS,
    PENDING,
    REJECTED,
    SYNCED,
    ContractRow,
    contract_row,
)
from offa_desktop.store.records import table, unindexed
from offa_desktop.store.search import fts_query, matching_ids
from offa_desktop.store.tables import CONFLICTS, OP_CONFLICT, OP_FORBIDDEN, OP_REJECTED, OUTBOX

__all__ = [  # the rows live in list_rows; imported from here too
    "CONTRACT_SORTS",
    "ContractQuery",
    "ContractRow",
    "contract_count",
    "contract_rows",
    "count_statement",
    "page_statement",
    "sort_key",
]


@dataclass(frozen=True)
class ContractQuery:
    """What the contracts list shows: sort column (one of CONTRACT_SORTS) and filters.

    ``text`` matches learners (name, NISS, city), companies (name, enterprise number), units
    (name, number, city) and the contract itself (référent, signatory), every word a prefix.
    """

    sort: str = "start_date"
    descending: bool = False
    status: str | None = None
    operator: str | None = None
    trade: str | None = None
    region: str | None = None
    text: str | None = None


def sync_state_of(collection: str, record_id: Any) -> ColumnElement[str]:
    """SQL expression: synced / pending / conflict / rejected for a record."""
    o = OUTBOX
    k = CONFLICTS
    mine = and_(o.c.collection == collection, o.c.record_id == record_id)
    return case(
        (exists().where(k.c.collection == collection, k.c.record_id == record_id), CONFLICT),
        (exists().where(mine, o.c.state == OP_CONFLICT), CONFLICT),
        (exists().where(mine, o.c.state.in_((OP_REJECTED, OP_FORBIDDEN))), REJECTED),
        (exists().where(mine), PENDING),
        else_=literal(SYNCED),
    )


# Folding of the sort keys: ASCII lower case (SQLite's lower()) and accented letters replaced by
# their base letters, so "Émile" sorts among the E. Migration 0004's triggers fold with this
# table too, and tests/store/test_released_migrations.py holds the SQL they made: a change here
# needs a new migration (0004 keeping a copy of this table as it was).
FOLD_LETTERS = {
    "a": "ÀÁÂÃÄÅàáâãäåĂăĄą", "ae": "Ææ", "c": "ÇçČčĆć", "d": "Đđ", "e": "ÈÉÊËèéêëĘęĚě",
    "g": "Ğğ", "i": "ÌÍÎÏìíîïİı", "l": "Łł", "n": "ÑñŃńŇň", "o": "ÒÓÔÕÖØòóôõöøŐő",
    "oe": "Œœ", "r": "Řř", "s": "ȘșŞşŠšŚś", "ss": "ß", "t": "ȚțŢţ", "u": "ÙÚÛÜùúûüŰűŮů",
    "y": "ÝýÿŸ", "z": "ŽžŹźŻż",
}  # fmt: skip
_SORT_TABLE = {ord(c): c.lower() for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"} | {
    ord(letter): plain for plain, letters in FOLD_LETTERS.items() for letter in letters
}


def sort_key(text: str) -> str:
    """The order the list's learner, company and trade keys follow, in Python."""
    return text.translate(_SORT_TABLE)


# Sort keys from other tables, one row per contract, kept by triggers (migrations 0003, 0004).
LIST_KEYS = Table(
    "list_contract_keys",
    MetaData(),
    Column("contract_id", String, primary_key=True),
    Column("learner_key", String),
    Column("company_key", String),
    Column("trade_key", String),
    Column("sync_key", String),
)


def _filters(q: ContractQuery, *, by_deleted: bool = True) -> list[ColumnElement[bool]]:
    """The list's filters, on the contracts table alone (so counting needs no join);
    ``by_deleted=False``: "not deleted" never chooses the index rows are read through."""
    c = table("contracts")
    live = c.c.deleted if by_deleted else unindexed(c.c.deleted)
    where: list[ColumnElement[bool]] = [live.is_(False)]
    if q.status:
        where.append(c.c.status == q.status)
    if q.operator:
        where.append(c.c.operator_code == q.operator)
    if q.trade:
        where.append(c.c.trade_code == q.trade)
    u = table("establishment_units")
    if q.region:
        where.append(c.c.establishment_unit_id.in_(select(u.c.id).where(u.c.region == q.region)))
    if q.text and (fts := fts_query(q.text)) is not None:
        units_of_companies = select(u.c.id).where(
            u.c.company_id.in_(matching_ids("companies", fts))
        )
        where.append(
            c.c.id.in_(matching_ids("contracts", fts))
            | c.c.learner_id.in_(matching_ids("learners", fts))
            | c.c.establishment_unit_id.in_(matching_ids("establishment_units", fts))
            | c.c.establishment_unit_id.in_(units_of_companies)
        )
    return where


def page_statement(q: ContractQuery, offset: int, limit: int) -> Select[Any]:
    """The SQL of one page of the list (rows in display order)."""
    c, lr, u, co, tr, op = (
        table(n)
        for n in (
            "contracts",
            "learners",
            "establishment_units",
            "companies",
            "trades",
            "operators",
        )
    )
    k = LIST_KEYS
    sorts: dict[str, Any] = {
        "learner": k.c.learner_key,
        "company": k.c.company_key,
        "trade": k.c.trade_key,
        "operator": c.c.operator_code,
        "start_date": c.c.start_date,
        "end_date": c.c.end_date,
        "level": c.c.level,
        "status": c.c.status,
        "sync_state": k.c.sync_key,
    }
    if q.sort not in sorts:
        raise ValueError(f"cannot sort contracts on {q.sort!r}")
    # The tie-breaker from the same table as the sort key, so one index gives the whole order.
    keys = [sorts[q.sort], k.c.contract_id if sorts[q.sort].table is k else c.c.id]
    return (
        select(
            c.c.id,
            lr.c.last_name,
            lr.c.first_name,
            co.c.name,
            tr.c.name,
            c.c.operator_code,
            op.c.name,
            c.c.start_date,
            c.c.end_date,
            c.c.level,
            c.c.status,
            k.c.sync_key,
            c.c.version,
            c.c.trade_code,
        )
        .select_from(k)
        .join(c, c.c.id == k.c.contract_id)
        .outerjoin(lr, lr.c.id == c.c.learner_id)
        .outerjoin(u, u.c.id == c.c.establishment_unit_id)
        .outerjoin(co, co.c.id == u.c.company_id)
        .outerjoin(tr, and_(tr.c.code == c.c.trade_code, tr.c.deleted.is_(False)))
        .outerjoin(op, and_(op.c.code == c.c.operator_code, op.c.deleted.is_(False)))
        # Never read through an index on "deleted": nearly every contract is live, and once
        # ANALYZE has run SQLite would read them all that way and sort them for one page
        # (2-4 s on an encrypted 100,000-contract copy) instead of reading the sort
        # column's index in order and stopping after the page (1-5 ms).
        .where(*_filters(q, by_deleted=False))
        .order_by(*(key.desc() if q.descending else key.asc() for key in keys))
        .offset(offset)
        .limit(limit)
    )


def count_statement(q: ContractQuery) -> Select[Any]:
    """The SQL counting the list's lines.

    Unfiltered (the list as it opens): every row counted by SQLite's page walk of the smallest
    index (no row visited), less the deleted ones (an index range: tombstones are few). Counting
    the live rows one by one cost 3-20 ms on 100,000 contracts and grew with them; this costs
    about 0.01 ms on 100,000. ``deleted`` is never NULL, so ``> 0 OR < 0`` is ``IS NOT 0``
    (which no index serves)."""
    where = _filters(q)
    c = table("contracts")
    if len(where) > 1:
        return select(func.count()).select_from(c).where(*where)
    every = select(func.count()).select_from(c).scalar_subquery()
    gone = (
        select(func.count())
        .select_from(c)
        .where(or_(c.c.deleted > literal(0), c.c.deleted < literal(0)))
        .scalar_subquery()
    )
    return select(every - gone)


def contract_rows(
    session: Session, query: ContractQuery, offset: int = 0, limit: int = 100
) -> list[ContractRow]:
    """One page of the contracts list."""
    rows = session.execute(page_statement(query, offset, limit)).all()
    return [contract_row(r) for r in rows]


def contract_count(session: Session, query: ContractQuery) -> int:
    """How many lines the contracts list has with these filters."""
    return int(session.execute(count_statement(query)).scalar_one())
