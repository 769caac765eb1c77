"""The figures of the "Indicateurs" area: GROUP BY queries on the working copy (the user's
scope), with the area's filters (school year, operator, region, sector). sqlite3 only, read-only
connection (``plain_sql.connect``): a few aggregate queries, no rows in Python. The contract
figures come from one pass over a covering index (``ix_contracts_figures``: live flag, start
date, status, operator, trade, unit, end date; migration 0012), never the wide table."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from typing import Any

LIVE = "deleted IS 0"


@dataclass(frozen=True)
class Filters:
    """The area's filters; None = all. ``school_year`` is ``"2025-2026"``."""

    school_year: str | None = None
    operator: str | None = None
    region: str | None = None
    sector: str | None = None


def _filtered(f: Filters, alias: str) -> tuple[list[str], dict[str, Any]]:
    """The live rows of ``alias`` (a contract or an approval) in the filters' operator, region
    (of its unit) and sector (of its trade)."""
    clauses = [f"{alias}.{LIVE}"]
    params: dict[str, Any] = {}
    if f.operator:
        clauses.append(f"{alias}.operator_code = :operator")
        params["operator"] = f.operator
    if f.region:
        clauses.append(f"{alias}.establishment_unit_id IN (SELECT id FROM establishment_units"
                       f" WHERE {LIVE} AND region = :region)")
        params["region"] = f.region
    if f.sector:
        clauses.append(f"{alias}.trade_code IN (SELECT code FROM trades WHERE {LIVE}"
                       " AND sector = :sector)")
        params["sector"] = f.sector
    return clauses, params


def _contract_where(f: Filters, alias: str = "c", *, with_year: bool = True) -> tuple[str, dict[
    str, Any
]]:
    clauses, params = _filtered(f, alias)
    if f.school_year and with_year:
        first = int(f.school_year[:4])
        clauses.append(f"{alias}.start_date <= :year_end AND ({alias}.end_date IS NULL"
                       f" OR {alias}.end_date >= :year_start)")
        params["year_start"] = f"{first}-09-01"
        params["year_end"] = f"{first + 1}-08-31"
    return " AND ".join(clauses), params


def _pairs(conn: sqlite3.Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in conn.execute(sql, params).fetchall()]


def contract_counts(conn: sqlite3.Connection, f: Filters) -> list[tuple[str, str, str, str, int]]:
    """``[(status, operator, trade, region, count)]``: every contract figure of the area from
    one pass over the covering index ``ix_contracts_figures`` (migration 0012) and the units'
    ``ix_establishment_units_region`` (a few hundred groups, summed by the caller)."""
    where, params = _contract_where(f)
    return [(str(s or ""), str(o or ""), str(t or ""), str(r or ""), int(n))
            for s, o, t, r, n in _pairs(
        conn, "SELECT c.status, c.operator_code, c.trade_code, u.region, count(*)"
        " FROM contracts c LEFT JOIN establishment_units u"
        f" ON u.id = c.establishment_unit_id AND u.{LIVE} WHERE {where}"
        " GROUP BY +c.status, c.operator_code, c.trade_code, u.region", params)]  # covering


# Without filters, each count in the order of an index the contracts have anyway (no temporary
# b-tree, no lookup per contract; the region summed from the count by unit), every contract
# counted, then the deleted ones (few: tombstones, found by ix_contracts_live_status) taken
# away: indexes of the live contracts alone would cost every write (four were tried: a bulk
# load of 100,000 contracts took ~9 % more CPU).
_MARGINALS = {
    "status": "SELECT c.status, count(*) FROM contracts c WHERE c.deleted IS 0"
              " GROUP BY c.status",  # ix_contracts_live_status
    "operator": "SELECT c.operator_code, count(*) FROM contracts c"
                " INDEXED BY ix_contracts_operator_code_id GROUP BY c.operator_code",
    "trade": "SELECT c.trade_code, count(*) FROM contracts c INDEXED BY ix_contracts_trade_code"
             " GROUP BY c.trade_code",
    "region": "SELECT u.region, sum(n) FROM (SELECT c.establishment_unit_id AS unit, count(*) AS n"
              " FROM contracts c INDEXED BY ix_contracts_establishment_unit_id"
              " GROUP BY c.establishment_unit_id)"
              " LEFT JOIN establishment_units u ON u.id = unit AND u.deleted IS 0"
              " GROUP BY u.region",
}
# deleted IS NOT 0 as two ranges of ix_contracts_figures (deleted, start, status, operator,
# trade, unit, end): the few deleted contracts found at once, what is counted in the index
_DELETED = "(c.deleted > 0 OR c.deleted < 0)"
_DELETED_ROWS = f"contracts c INDEXED BY ix_contracts_figures WHERE {_DELETED}"
_DELETED_BY = {
    "operator": f"SELECT c.operator_code, count(*) FROM {_DELETED_ROWS} GROUP BY c.operator_code",
    "trade": f"SELECT c.trade_code, count(*) FROM {_DELETED_ROWS} GROUP BY c.trade_code",
    "region": "SELECT u.region, count(*) FROM (SELECT c.establishment_unit_id AS unit FROM"
              f" {_DELETED_ROWS}) LEFT JOIN establishment_units u ON u.id = unit"
              " AND u.deleted IS 0 GROUP BY u.region",
}
KEYS = ("status", "operator", "trade", "region")


def contract_figures(conn: sqlite3.Connection, f: Filters) -> dict[str, list[tuple[str, int]]]:
    """``{key: [(value, count)]}`` of the contracts by ``status``, ``operator``, ``trade`` and
    ``region`` (``contracts_by``'s order: the largest first). Without filters, four counts in
    index order; with some, the one filtered pass of ``contract_counts``."""
    if f != Filters():
        counts = contract_counts(conn, f)
        return {key: contracts_by(None, f, key, counts) for key in KEYS}
    out: dict[str, list[tuple[str, int]]] = {}
    for key in KEYS:
        summed: dict[str, int] = {}
        for value, n in _pairs(conn, _MARGINALS[key], {}):
            summed[str(value or "")] = summed.get(str(value or ""), 0) + int(n)
        if key in _DELETED_BY:
            for value, n in _pairs(conn, _DELETED_BY[key], {}):
                summed[str(value or "")] -= int(n)
        out[key] = sorted(((v, n) for v, n in summed.items() if n),
                          key=lambda p: (-p[1], p[0]))
    return out


def contracts_by(conn: sqlite3.Connection | None, f: Filters, key: str,
                 counts: list[tuple[str, str, str, str, int]] | None = None
                 ) -> list[tuple[str, int]]:
    """``[(key value, count)]`` of contracts by ``status``, ``operator``, ``trade`` or
    ``region``, the largest first (from ``counts`` when the caller has them)."""
    position = {"status": 0, "operator": 1, "trade": 2, "region": 3}[key]
    summed: dict[str, int] = {}
    if counts is None:
        assert conn is not None, "the counts, or a connection to count with"
        counts = contract_counts(conn, f)
    for row in counts:
        value = str(row[position])
        summed[value] = summed.get(value, 0) + int(row[4])
    return sorted(summed.items(), key=lambda p: (-p[1], p[0]))


def months(today: date, count: int = 24) -> list[str]:
    """The ``count`` months up to ``today``'s, oldest first, as ``YYYY-MM``."""
    index = today.year * 12 + today.month - 1
    return [f"{(i // 12):04d}-{(i % 12) + 1:02d}" for i in range(index - count + 1, index + 1)]


def new_and_ended_per_month(
    conn: sqlite3.Connection, f: Filters, today: date
) -> tuple[list[str], dict[str, int], dict[str, dict[str, int]]]:
    """(months, new contracts by start month, terminations by month and reason) over the last
    24 months (the school-year filter does not apply: the window is its own)."""
    span = months(today)
    where, params = _contract_where(f, with_year=False)
    params.update(first=f"{span[0]}-01", last=f"{span[-1]}-31")
    new = {str(m): int(n) for m, n in _pairs(
        conn, f"SELECT substr(c.start_date, 1, 7) AS m, count(*) FROM contracts c WHERE {where}"
        " AND c.status != 'draft' AND c.start_date BETWEEN :first AND :last GROUP BY m", params)}
    ended: dict[str, dict[str, int]] = {}
    terminations = ("SELECT substr(e.effective_date, 1, 7) AS m, coalesce(e.reason_code, ''),"
                    " count(*) FROM contract_events e JOIN contracts c ON c.id = e.contract_id"
                    f" WHERE e.{LIVE} AND e.kind = 'termination'"
                    " AND e.effective_date BETWEEN :first AND :last {} GROUP BY m, e.reason_code")
    if f != Filters():
        found = _pairs(conn, terminations.format(f"AND {where}"), params)
        gone: list[tuple[Any, ...]] = []
    else:
        # every contract's (its id found in the primary key's index, not its row), then the
        # deleted contracts' taken away (few: tombstones, found by ix_contracts_live_status)
        found = _pairs(conn, terminations.format(""), params)
        gone = _pairs(  # from the deleted contracts to their terminations (CROSS JOIN: so)
            conn, "SELECT substr(e.effective_date, 1, 7) AS m, coalesce(e.reason_code, ''),"
            " count(*) FROM contracts c INDEXED BY ix_contracts_figures"
            " CROSS JOIN contract_events e ON e.contract_id = c.id"
            f" WHERE {_DELETED} AND e.{LIVE} AND e.kind = 'termination'"
            " AND e.effective_date BETWEEN :first AND :last GROUP BY m, e.reason_code", params)
    for month, reason, n in found:
        ended.setdefault(str(month), {})[str(reason)] = int(n)
    for month, reason, n in gone:
        left = ended[str(month)][str(reason)] - int(n)
        if left:
            ended[str(month)][str(reason)] = left
        else:
            del ended[str(month)][str(reason)]
            if not ended[str(month)]:
                del ended[str(month)]
    return span, new, ended


def approvals_waiting(conn: sqlite3.Connection, f: Filters) -> list[tuple[str, str, int]]:
    """``[(requested_on, status, count)]`` of requests without a decision, by day asked
    (operator, region and sector filters apply)."""
    clauses, params = _filtered(f, "a")
    clauses.insert(0, "a.status IN ('requested', 'under_review')")
    return [(str(d), str(s), int(n)) for d, s, n in _pairs(
        conn, f"SELECT a.requested_on, a.status, count(*) FROM approvals a WHERE"
        f" {' AND '.join(clauses)} GROUP BY a.requested_on, a.status ORDER BY a.requested_on",
        params)]


def claims_by_status(conn: sqlite3.Connection, f: Filters) -> list[tuple[str, int, int]]:
    """``[(status, count, amount in cents)]`` (school year, region and sector apply)."""
    clauses = [f"k.{LIVE}"]
    params: dict[str, Any] = {}
    if f.school_year:
        clauses.append("k.school_year = :year")
        params["year"] = f.school_year
    if f.region:
        clauses.append("k.kind_code LIKE :kind")
        params["kind"] = f"{f.region}_%"
    if f.sector:
        clauses.append(f"k.company_id IN (SELECT id FROM companies WHERE {LIVE}"
                       " AND sector = :sector)")
        params["sector"] = f.sector
    return [(str(s), int(n), int(a or 0)) for s, n, a in _pairs(
        conn, f"SELECT k.status, count(*), sum(k.amount) FROM incentive_claims k WHERE"
        f" {' AND '.join(clauses)} GROUP BY k.status", params)]


def visits_per_coach(conn: sqlite3.Connection, today: date) -> list[tuple[str, str, int]]:
    """``[(visitor name, YYYY-MM, visits done)]`` over the last 12 months."""
    span = months(today, 12)
    return [(str(name or "?"), str(m), int(n)) for name, m, n in _pairs(
        conn, "SELECT (SELECT u.display_name FROM users u WHERE u.id = v.visitor_id) AS name,"
        " substr(v.visit_date, 1, 7) AS m, count(*) FROM visits v WHERE"
        f" v.{LIVE} AND v.status = 'done' AND v.visit_date BETWEEN :first AND :last"
        " GROUP BY v.visitor_id, m ORDER BY name, m",
        {"first": f"{span[0]}-01", "last": f"{span[-1]}-31"})]


def school_years(conn: sqlite3.Connection) -> list[str]:
    """The school years the contracts touch, latest first (the filter's choices)."""
    years: set[int] = set()
    for first, last in _pairs(
        conn, f"SELECT min(start_date), max(coalesce(end_date, start_date)) FROM contracts"
        f" WHERE {LIVE}", {}):
        if first and last:
            start = date.fromisoformat(str(first))
            end = date.fromisoformat(str(last))
            years.update(range(start.year - (start.month < 9), end.year - (end.month < 9) + 1))
    return [f"{y}-{y + 1}" for y in sorted(years, reverse=True)]


def names(conn: sqlite3.Connection, collection: str) -> dict[str, str]:
    """``{code: name}`` of a reference collection (operators, trades, sectors)."""
    label = "label" if collection == "termination_reasons" else "name"
    return {str(c): str(n) for c, n in _pairs(
        conn, f"SELECT code, {label} FROM {collection} WHERE {LIVE}", {})}  # noqa: S608
