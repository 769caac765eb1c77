"""The records the deadline radar reads, with the standard library's sqlite3 only.

The radar paints the home screen right after start-up's first paint, before the store's
SQLAlchemy side is loaded (``first_look.py`` explains the cost), and it must stay within
200 ms on 100,000 contracts: so it reads its candidates here in plain SQL on indexed columns,
within ``deadlines.window`` (the ranges outside which no rule can list a record), and hands
API-shaped records to the domain rules, which decide. ``tests/domain/test_deadlines.py`` runs
the rules over every record of a copy and checks they find the same as over these candidates.

Read-only connection on a working copy that ``WorkingCopy.open`` has checked and migrated.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from offa_desktop.domain.contracts import RUNNING
from offa_desktop.domain.deadlines import OPEN_REQUEST, Window, minimum_thresholds, window
from offa_desktop.domain.radar import Facts

_RUN = "(" + ", ".join(f"'{s}'" for s in RUNNING) + ")"
_LIVE = "deleted IS 0"
_CONTRACT_COLS = (
    "id, learner_id, establishment_unit_id, approval_id, tutor_id, operator_code, trade_code,"
    " start_date, end_date, level, monthly_pay, status, supersedes_id"
)
_CERTIFIED = (
    "(t.condition = 'validation' OR (coalesce(t.experience_years, 0) >= 5"
    " AND coalesce(t.training_hours, 0) >= 8))"
)


def connect(path: Path) -> sqlite3.Connection:
    """A read-only connection (usable from a worker thread)."""
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, check_same_thread=False)


def _ids(values: Iterable[Any]) -> str:
    """A JSON array of ids, bound as one parameter and read with ``json_each``."""
    return json.dumps(sorted({str(v) for v in values if v}))


def _money(cents: Any) -> str | None:
    return None if cents is None else f"{Decimal(int(cents)).scaleb(-2):.2f}"


def _json(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text


def _rows(conn: sqlite3.Connection, sql: str, *params: Any) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _contract(row: dict[str, Any]) -> dict[str, Any]:
    row["monthly_pay"] = _money(row["monthly_pay"])
    return row


def _reference(conn: sqlite3.Connection, collection: str) -> list[dict[str, Any]]:
    rows = _rows(conn, f"SELECT * FROM {collection} WHERE {_LIVE}")  # noqa: S608 - fixed names
    for row in rows:
        if "rmmmg" in row:
            row["rmmmg"] = _money(row["rmmmg"])
        if "percent" in row:
            row["percent"] = _money(row["percent"])
    return rows


def load_facts(conn: sqlite3.Connection, today: date) -> tuple[Facts, Window]:
    """The candidate records of every rule on ``today`` and the records they refer to."""
    f = Facts(
        wage_references=_reference(conn, "wage_references"),
        pay_rates=_reference(conn, "pay_rates"),
        limits=_reference(conn, "limits"),
    )
    w = window(today, f.limits)
    thresholds = minimum_thresholds(f)
    pay_sql = " OR ".join(
        f"(c.level = '{level}' AND c.monthly_pay < {int(value.scaleb(2))})"
        for level, value in sorted(thresholds.items())
        if level in ("a", "b", "c")
    ) or "0"
    old_tutors = (
        f"SELECT id FROM tutors WHERE {_LIVE} AND criminal_record_date <= :records_before"
        if w.records_before is not None
        else "SELECT NULL WHERE 0"
    )
    params = {
        "trial_from": w.trial_starts[0].isoformat(),
        "trial_to": w.trial_starts[1].isoformat(),
        "end_from": w.contract_ends[0].isoformat(),
        "end_to": w.contract_ends[1].isoformat(),
        "born_from": w.births[0].isoformat(),
        "born_to": w.births[1].isoformat(),
        "draft_to": w.draft_starts_until.isoformat(),
        "first_year": w.first_year_from.isoformat(),
        "notice_from": w.notice_ends_from.isoformat(),
        "records_before": w.records_before.isoformat() if w.records_before else None,
    }
    cols = ", ".join(f"c.{c.strip()}" for c in _CONTRACT_COLS.split(","))
    contracts = _candidate_contracts(conn, cols, pay_sql, old_tutors, params)
    f.contracts = {c["id"]: _contract(c) for c in contracts}
    _follow_ups(conn, f, w)
    _events(conn, f)
    _approvals(conn, f)
    _people_and_places(conn, f, w)
    _visits_and_claims(conn, f, w)
    return f, w


def _candidate_contracts(
    conn: sqlite3.Connection, cols: str, pay_sql: str, old_tutors: str, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """Each rule's window on its own index, united (a single OR over them would scan the
    table); the rules check the statuses. P2 candidates: started at level A (or a level change
    since), their 270th day (start + 269 days) by 31 August of the start's school year, and an
    end date before it or a tutor not agréé."""
    running = f"status IN {_RUN}"
    ids = f"""
      SELECT id FROM contracts WHERE start_date BETWEEN :trial_from AND :trial_to
      UNION SELECT id FROM contracts WHERE end_date BETWEEN :end_from AND :end_to
      UNION SELECT id FROM contracts WHERE approval_id IN (
          SELECT id FROM approvals WHERE {_LIVE} AND status = 'suspended')
      UNION SELECT id FROM contracts c WHERE c.{running} AND ({pay_sql})
      UNION SELECT id FROM contracts WHERE learner_id IN (SELECT id FROM learners
          WHERE {_LIVE} AND birth_date BETWEEN :born_from AND :born_to)
      UNION SELECT id FROM contracts WHERE tutor_id IN ({old_tutors})
      UNION SELECT c.id FROM contracts c WHERE c.start_date >= :first_year
          AND c.{running} AND date(c.start_date, '+269 days') <= printf('%04d-08-31',
              CAST(strftime('%Y', c.start_date) AS INTEGER)
              + (strftime('%m', c.start_date) >= '09'))
          AND (c.level = 'a' OR c.id IN (SELECT contract_id FROM contract_events
                                        WHERE {_LIVE} AND kind = 'level_change'))
          AND c.establishment_unit_id IN (SELECT id FROM establishment_units
                                          WHERE {_LIVE} AND region = 'wal')
          AND (c.end_date < date(c.start_date, '+269 days')
               OR c.tutor_id NOT IN (SELECT t.id FROM tutors t
                                     WHERE t.{_LIVE} AND {_CERTIFIED}))
      UNION SELECT id FROM contracts WHERE status = 'draft' AND start_date <= :draft_to
      UNION SELECT contract_id FROM contract_events WHERE {_LIVE} AND kind = 'termination'
          AND json_extract(details, '$.notice_end') >= :notice_from"""
    sql = f"SELECT {cols} FROM contracts c WHERE c.{_LIVE} AND c.id IN ({ids})"
    cursor = conn.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _follow_ups(conn: sqlite3.Connection, f: Facts, w: Window) -> None:
    """Every contract of the learners whose contract ends soon (a follow-up contract?)."""
    ending = [
        c["learner_id"]
        for c in f.contracts.values()
        if c["status"] in RUNNING
        and c["end_date"] is not None
        and w.contract_ends[0].isoformat() <= c["end_date"] <= w.contract_ends[1].isoformat()
    ]
    others = _rows(
        conn,
        f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {_LIVE}"
        " AND learner_id IN (SELECT value FROM json_each(?))",
        _ids(ending),
    )
    for row in others:
        f.contracts.setdefault(row["id"], _contract(row))
    for cid, c in f.contracts.items():
        f.learner_contracts.setdefault(str(c["learner_id"]), []).append(cid)


def _events(conn: sqlite3.Connection, f: Facts) -> None:
    for row in _rows(
        conn,
        f"SELECT contract_id, kind, effective_date, details FROM contract_events WHERE {_LIVE}"
        " AND contract_id IN (SELECT value FROM json_each(?)) ORDER BY effective_date, id",
        _ids(f.contracts),
    ):
        row["details"] = _json(row["details"])
        f.events.setdefault(row["contract_id"], []).append(row)


def _approvals(conn: sqlite3.Connection, f: Facts) -> None:
    """Requests waiting for a decision and suspended approvals (what the rules read)."""
    statuses = ", ".join(f"'{s}'" for s in (*OPEN_REQUEST, "suspended"))
    for row in _rows(
        conn,
        "SELECT id, establishment_unit_id, trade_code, operator_code, status, requested_on,"
        f" decided_on, tutor_ids FROM approvals WHERE {_LIVE} AND status IN ({statuses})",
    ):
        row["tutor_ids"] = _json(row["tutor_ids"])
        f.approvals[row["id"]] = row


def _people_and_places(conn: sqlite3.Connection, f: Facts, w: Window) -> None:
    learner_ids = {c["learner_id"] for c in f.contracts.values()}
    for row in _rows(
        conn,
        f"SELECT id, first_name, last_name, birth_date FROM learners WHERE {_LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        _ids(learner_ids),
    ):
        f.learners[row["id"]] = row
    tutor_ids = {c["tutor_id"] for c in f.contracts.values()}
    old: list[dict[str, Any]] = []
    if w.records_before is not None:
        old = _rows(
            conn,
            "SELECT id, company_id, first_name, last_name, condition, experience_years,"
            f" training_hours, criminal_record_date, certified FROM tutors WHERE {_LIVE}"
            " AND criminal_record_date <= ?",
            w.records_before.isoformat(),
        )
        # the approvals of their companies' units, being instructed or granted: one names them?
        for row in _rows(
            conn,
            "SELECT id, establishment_unit_id, trade_code, operator_code, status, requested_on,"
            f" decided_on, tutor_ids FROM approvals WHERE {_LIVE}"
            " AND status IN ('requested', 'under_review', 'granted')"
            " AND establishment_unit_id IN (SELECT id FROM establishment_units WHERE"
            f" {_LIVE} AND company_id IN (SELECT value FROM json_each(?)))",
            _ids(t["company_id"] for t in old),
        ):
            row["tutor_ids"] = _json(row["tutor_ids"])
            f.approvals.setdefault(row["id"], row)
    for row in old:
        f.tutors[row["id"]] = row
    for row in _rows(
        conn,
        "SELECT id, company_id, first_name, last_name, condition, experience_years,"
        f" training_hours, criminal_record_date, certified FROM tutors WHERE {_LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        _ids(tid for tid in tutor_ids if tid not in f.tutors),
    ):
        f.tutors[row["id"]] = row
    unit_ids = {c["establishment_unit_id"] for c in f.contracts.values()}
    unit_ids |= {a["establishment_unit_id"] for a in f.approvals.values()}
    for row in _rows(
        conn,
        f"SELECT id, company_id, name, city, region FROM establishment_units WHERE {_LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        _ids(unit_ids),
    ):
        f.units[row["id"]] = row


def _visits_and_claims(conn: sqlite3.Connection, f: Facts, w: Window) -> None:
    for row in _rows(
        conn,
        "SELECT id, kind, approval_id, contract_id, visitor_id, status, planned_on FROM visits"
        f" WHERE {_LIVE} AND status = 'planned' AND planned_on <= ?",
        w.visits_planned_until.isoformat(),
    ):
        f.visits[row["id"]] = row
    missing = {v["approval_id"] for v in f.visits.values()} - set(f.approvals)
    for row in _rows(
        conn,
        "SELECT id, establishment_unit_id, trade_code, operator_code, status, requested_on,"
        f" decided_on, tutor_ids FROM approvals WHERE {_LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        _ids(missing),
    ):
        row["tutor_ids"] = _json(row["tutor_ids"])
        f.approvals[row["id"]] = row
    for row in _rows(
        conn,
        "SELECT id, kind_code, company_id, school_year, status, updated_at FROM"
        f" incentive_claims WHERE {_LIVE} AND status = 'to_check' AND updated_at < ?",
        w.claims_since_before.isoformat(),
    ):
        f.claims[row["id"]] = row
        f.claim_since[row["id"]] = date.fromisoformat(str(row["updated_at"])[:10])


def names(conn: sqlite3.Connection, wanted: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """``{collection: {id: row}}`` of the companies, units, trades (by code) and operators the
    radar's lines name."""
    out: dict[str, dict[str, Any]] = {}
    for collection, key, columns in (
        ("companies", "id", "id, name"),
        ("establishment_units", "id", "id, company_id, name, city"),
        ("trades", "code", "code, name"),
    ):
        ids = wanted.get(collection, set())
        out[collection] = {
            row[key]: row
            for row in _rows(
                conn,
                f"SELECT {columns} FROM {collection} WHERE {_LIVE}"  # noqa: S608 - fixed names
                f" AND {key} IN (SELECT value FROM json_each(?))",
                _ids(ids),
            )
        }
    return out


def snoozed(
    conn: sqlite3.Connection, user_id: str | None, today: date
) -> dict[str, dict[str, Any]]:
    """The user's live snoozes still running on ``today``: ``{"rule|collection/id": row}``
    (the latest change wins when two computers snoozed the same line)."""
    if not user_id:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in _rows(
        conn,
        "SELECT id, rule, record, until, reason, updated_at FROM snoozes"
        f" WHERE {_LIVE} AND user_id = ? ORDER BY updated_at, id",
        user_id,
    ):
        out[f"{row['rule']}|{row['record']}"] = row
    return {k: v for k, v in out.items() if v["until"] and v["until"] > today.isoformat()}
