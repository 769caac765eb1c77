"""The radar's candidates other than contracts, tutors and learners: approvals waiting for a
decision or suspended, planned visits not reported, claims left to check, referrals waiting on
the Commission (``radar_rows.load_facts`` reads them on its connection; the same rules as
there: only the columns the rules look at, on live rows)."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from offa_desktop.domain.deadlines import OPEN_REQUEST
from offa_desktop.domain.radar import Facts
from offa_desktop.store.plain_sql import LIVE, id_array, select_rows

# (not their tutor_ids: the store tells criminal_record_old the tutors in charge)
_APPROVAL_COLS = ("id, establishment_unit_id, trade_code, operator_code, status, requested_on,"
                  " decided_on")


def by_id(rows: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Rows by their ``id``."""
    return {row["id"]: row for row in rows}


def approvals(conn: sqlite3.Connection, f: Facts, params: dict[str, Any]) -> None:
    """Requests waiting for a decision for 10 weeks or more, and suspended approvals."""
    assert f.candidates is not None
    statuses = ", ".join(f"'{s}'" for s in OPEN_REQUEST)
    rows = select_rows(
        conn,
        f"SELECT {_APPROVAL_COLS} FROM approvals WHERE status IN ({statuses})"
        f" AND requested_on <= :requested_until AND {LIVE}",
        params,
    )
    f.candidates["approval_decision"] = {r["id"] for r in rows}
    rows += select_rows(
        conn, f"SELECT {_APPROVAL_COLS} FROM approvals WHERE {LIVE} AND status = 'suspended'")
    f.approvals.update(by_id(rows))


def visits_and_claims(conn: sqlite3.Connection, f: Facts, params: dict[str, Any]) -> None:
    assert f.candidates is not None
    planned = select_rows(
        conn,
        "SELECT id, kind, approval_id, contract_id, visitor_id, status, planned_on FROM visits"
        f" WHERE {LIVE} AND status = 'planned' AND planned_on <= :visits_until",
        params,
    )
    f.visits.update(by_id(planned))
    f.candidates["visit_unreported"] = set(f.visits)
    missing = {v["approval_id"] for v in f.visits.values()} - set(f.approvals)
    visit_approvals = select_rows(
        conn,
        f"SELECT {_APPROVAL_COLS} FROM approvals WHERE {LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        id_array(missing),
    )
    f.approvals.update(by_id(visit_approvals))
    for row in select_rows(
        conn,
        "SELECT id, kind_code, company_id, school_year, status, updated_at FROM"
        f" incentive_claims WHERE {LIVE} AND status = 'to_check' AND updated_at < :claims_before",
        params,
    ):
        f.claims[row["id"]] = row
        f.claim_since[row["id"]] = date.fromisoformat(str(row["updated_at"])[:10])
    f.candidates["claim_unchecked"] = set(f.claims)


def referrals(conn: sqlite3.Connection, f: Facts) -> None:
    """The referrals waiting on the Commission (few: every one is a candidate)."""
    assert f.candidates is not None
    waiting = select_rows(
        conn,
        "SELECT id, subject, contract_id, approval_id, operator_code, status, referred_on,"
        f" mediation_on FROM mediation_referrals WHERE {LIVE}"
        " AND status IN ('referred', 'in_mediation')",
    )
    f.referrals.update(by_id(waiting))
    f.candidates["referral_waiting"] = set(f.referrals)
