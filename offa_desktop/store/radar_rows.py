"""The records the deadline radar reads, with a DB-API connection only (no SQLAlchemy).

The radar paints the home screen right after start-up's first paint, before the store's
SQLAlchemy side is loaded (``first_look.py`` explains the cost), and it must stay within
200 ms on 100,000 contracts: so it reads its candidates here in plain SQL on indexed columns,
within ``deadlines.window`` (the ranges outside which no rule can list a record), and hands
API-shaped records to the domain rules, which decide. Each query reads only the columns the
rules look at, which the covering indexes of migration 0017 hold (``models.LIVE_INDEXES``): on
an encrypted copy a row read from a wide table costs a 16 KiB page decrypted; the lines' words
are read afterwards for the lines named (``radar_lines.py``); the approvals, visits, claims and
referrals in ``radar_cases.py``. ``tests/store/test_radar_rows.py``
runs the rules over every record of a copy and checks they find the same as over these
candidates.

Read-only connection on a working copy that ``WorkingCopy.open`` has checked and migrated.
"""

from __future__ import annotations

import functools
import json
import sqlite3
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from offa_desktop.domain.choices import CONTRACT_RUNNING as RUNNING
from offa_desktop.domain.deadlines import Window, minimum_thresholds, window
from offa_desktop.domain.forecast import P2_REQUIRED_DAYS
from offa_desktop.domain.radar import Facts
from offa_desktop.store import radar_cases
from offa_desktop.store.plain_sql import (
    LIVE,
    id_array,
    rows_at_once,
    select_rows,
    select_rows_at_once,
)
from offa_desktop.store.radar_cases import by_id

_RUN = "(" + ", ".join(f"'{s}'" for s in RUNNING) + ")"
_CONTRACT_COLS = (
    "id, learner_id, establishment_unit_id, approval_id, tutor_id, operator_code, trade_code,"
    " start_date, end_date, level, monthly_pay, status, supersedes_id"
)
_CONTRACT_NAMES = tuple(c.strip() for c in _CONTRACT_COLS.split(","))
_C_COLS = ", ".join(f"c.{c}" for c in _CONTRACT_NAMES)
# what the rules read of a tutor (ix_tutors_radar_record holds it; P2 reads less)
_TUTOR_COLS = ("id, company_id, condition, experience_years, training_hours, criminal_record_date,"
               " certified")
_TUTOR_NAMES = tuple(c.strip() for c in _TUTOR_COLS.split(","))
_TUTOR_COLS_T = ", ".join(f"t.{c}" for c in _TUTOR_NAMES)
# a P2 candidate's tutor, read with it (``_read_aside``) when it is agréé: what says so (the
# rule reads nothing else of it), in ix_tutors_radar_certified, which holds the agréé tutors
# only (migration 0023: a tutor not found there is not agréé, as the rule says of a tutor it
# does not know)
_P2_TUTOR_READ = ("id", "condition", "experience_years", "training_hours")
_P2_TUTOR_NAMES = tuple(f"t_{c}" for c in _P2_TUTOR_READ)
_P2_TUTOR_COLS = ", ".join(f"t.{c} AS t_{c}" for c in _P2_TUTOR_READ)
_P2_NAMES = (*_CONTRACT_NAMES, *_P2_TUTOR_NAMES, "u_region")
# agréé, as ix_tutors_radar_certified's condition says it (SQLite uses that index for a lookup
# that says it too)
_CERTIFIED = (
    "(t.condition = 'validation' OR (coalesce(t.experience_years, 0) >= 5"
    " AND coalesce(t.training_hours, 0) >= 8))"
)


def _money(cents: Any) -> str | None:
    """Cents as the API writes money (``"1234.50"``): what ``f"{Decimal(cents).scaleb(-2):.2f}"``
    writes, in integers (a radar converts thousands of pays, a few hundred different ones)."""
    if cents is None:
        return None
    return _cents_text(int(cents))


@functools.lru_cache(maxsize=1 << 14)
def _cents_text(cents: int) -> str:
    whole, part = divmod(abs(cents), 100)
    return f"{'-' if cents < 0 else ''}{whole}.{part:02d}"


def _json(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text


def _contract(row: dict[str, Any]) -> dict[str, Any]:
    row["monthly_pay"] = _money(row["monthly_pay"])
    return row


def _contract_of(values: Any) -> dict[str, Any]:
    """A contract's record from its values in ``_CONTRACT_NAMES``' order."""
    row = dict(zip(_CONTRACT_NAMES, values, strict=True))
    row["monthly_pay"] = _money(row["monthly_pay"])
    return row


def _reference(conn: sqlite3.Connection, collection: str) -> list[dict[str, Any]]:
    rows = select_rows(conn, f"SELECT * FROM {collection} WHERE {LIVE}")  # noqa: S608 - fixed names
    for row in rows:
        if "rmmmg" in row:
            row["rmmmg"] = _money(row["rmmmg"])
        if "percent" in row:
            row["percent"] = _money(row["percent"])
    return rows


def load_facts(conn: sqlite3.Connection, today: date) -> tuple[Facts, Window]:
    """The candidate records of every rule on ``today`` (``Facts.candidates``, per rule) and
    the records they refer to.

    The costliest reads (``_read_aside``: old criminal-record extracts, the P2 candidates,
    their tutors and units) come back each as one JSON text: SQLite runs the query in one step
    without the GIL, so the UI thread is not kept waiting by a worker taking the GIL back at
    every row. (Reading them on a second connection on a thread was measured: slower, on this
    2-core machine shared by everyone, than one connection.)"""
    f = Facts(
        wage_references=_reference(conn, "wage_references"),
        pay_rates=_reference(conn, "pay_rates"),
        limits=_reference(conn, "limits"),
    )
    w = window(today, f.limits)
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
        "notice_to": w.notice_ends_until.isoformat(),
        "requested_until": w.requested_until.isoformat(),
        "visits_until": w.visits_planned_until.isoformat(),
        "claims_before": w.claims_since_before.isoformat(),
        "records_before": w.records_before.isoformat() if w.records_before else None,
    }
    candidates: dict[str, set[str]] = {}
    f.candidates = candidates
    queries = _contract_candidates(conn, minimum_thresholds(f), w)
    p2 = {"p2_at_risk": queries.pop("p2_at_risk")}
    aside = Facts(candidates={})
    _read_aside(conn, aside, p2, params)
    _read_main(conn, f, queries, params)
    assert aside.candidates is not None
    candidates.update(aside.candidates)
    for cid, contract in aside.contracts.items():
        f.contracts.setdefault(cid, contract)
    f.tutors, f.units, f.tutors_in_charge = aside.tutors, aside.units, aside.tutors_in_charge
    # the notices' contracts (their query names the contract only)
    wanted = set().union(*(candidates[rule] for rule in (*queries, *p2))) - set(f.contracts)
    for row in select_rows(
        conn,
        f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        id_array(wanted),
    ):
        f.contracts[row["id"]] = _contract(row)
    _events(conn, f)
    _follow_ups(conn, f)
    return f, w


def _read_main(
    conn: sqlite3.Connection, f: Facts, queries: dict[str, str], params: dict[str, Any]
) -> None:
    """The contract rules' candidates (but P2's), the approvals, visits, claims, referrals,
    the learners turning 18."""
    assert f.candidates is not None
    contracts = f.contracts
    for rule, sql in queries.items():
        # a contracts query reads each candidate's row as it finds it (a second lookup by
        # id was 37 ms for 5,000 contracts); a query on events names the contract only
        rows = conn.execute(sql, params).fetchall()
        f.candidates[rule] = {str(found[0]) for found in rows if found[0] is not None}
        if rows and len(rows[0]) > 1:
            for found in rows:
                if found[0] is not None and found[0] not in contracts:
                    contracts[found[0]] = _contract_of(found)
    radar_cases.approvals(conn, f, params)
    radar_cases.visits_and_claims(conn, f, params)
    radar_cases.referrals(conn, f)
    _turning_18(conn, f, params)


def _read_aside(
    conn: sqlite3.Connection, f: Facts, p2: dict[str, str], params: dict[str, Any]
) -> None:
    """Old criminal-record extracts, the P2 candidates with their tutors and units' regions,
    each read at once (``rows_at_once``)."""
    assert f.candidates is not None
    _old_records(conn, f, params)
    found = f.candidates["p2_at_risk"] = set()
    contract_end, tutor_end = len(_CONTRACT_NAMES), len(_CONTRACT_NAMES) + len(_P2_TUTOR_READ)
    for row in rows_at_once(conn, _P2_NAMES, p2["p2_at_risk"], params):
        if row[0] is None:
            continue
        contract = _contract_of(row[:contract_end])
        found.add(str(row[0]))
        f.contracts[str(row[0])] = contract
        if row[contract_end] is not None:  # a live tutor
            f.tutors.setdefault(row[contract_end], dict(
                zip(_P2_TUTOR_READ, row[contract_end:tutor_end], strict=True)))
        unit = contract["establishment_unit_id"]
        f.units.setdefault(unit, {"id": unit, "region": row[tutor_end]})


def _p2_starts(conn: sqlite3.Connection, first_year: date) -> list[tuple[str, str]]:
    """The start dates that can reach 270 days by 31 August (the 1st of September to the 5th
    of December or so, start + 269 days <= 31 August), one range per school year from the
    current one to the latest start in the copy."""
    last = conn.execute(f"SELECT max(start_date) FROM contracts WHERE {LIVE}").fetchone()[0]
    final = date.fromisoformat(str(last)).year if last else first_year.year
    return [
        (date(y, 9, 1).isoformat(),
         (date(y + 1, 8, 31) - timedelta(days=P2_REQUIRED_DAYS - 1)).isoformat())
        for y in range(first_year.year, final + 1)
    ]


def _contract_candidates(
    conn: sqlite3.Connection, thresholds: dict[str, Decimal], w: Window
) -> dict[str, str]:
    """One indexed query per rule that lists contracts: the rows it must examine (ids only for
    the notices, found among the events). ``+status``
    keeps SQLite on the date index where the statuses are most of the table. P2: started at
    level A (or a level change since), its 270th day (start + 269 days) by 31 August of the
    start's school year (what the start ranges of ``_p2_starts`` say: no date computed per
    contract), in Wallonia, and an end date before it or a tutor not agréé; each lookup in a
    partial index of the rows that qualify (migration 0023: level changes, Walloon units,
    agréé tutors), a fraction of the pages of an index of every row."""
    running = f"+status IN {_RUN}"
    pay = " UNION ALL ".join(
        f"SELECT {_CONTRACT_COLS} FROM contracts WHERE level = '{level}' AND monthly_pay < "
        f"{int(value.scaleb(2))} AND {LIVE} AND {running}"
        for level, value in sorted(thresholds.items())
        if level in ("a", "b", "c")
    ) or "SELECT NULL WHERE 0"
    # each candidate with its tutor when agréé (the rule asks whether it is) and its unit's
    # region ('wal': found in the Walloon units), read by the lookups that choose it: no second
    # read of them by id
    p2 = " UNION ALL ".join(f"""SELECT {_C_COLS}, {_P2_TUTOR_COLS}, 'wal' AS u_region
          FROM contracts c
          JOIN establishment_units u INDEXED BY ix_establishment_units_radar_wal
               ON u.id = c.establishment_unit_id AND u.{LIVE} AND u.region = 'wal'
          LEFT JOIN tutors t INDEXED BY ix_tutors_radar_certified
               ON t.id = c.tutor_id AND t.{LIVE} AND {_CERTIFIED}
          WHERE c.start_date BETWEEN '{first}' AND '{last}'
          AND c.{LIVE} AND +c.status IN {_RUN}
          AND (c.end_date < date(c.start_date, '+269 days') OR t.id IS NULL)
          AND (c.level = 'a' OR EXISTS (SELECT 1 FROM contract_events e
               INDEXED BY ix_contract_events_radar_level
               WHERE e.contract_id = c.id AND e.{LIVE} AND e.kind = 'level_change'))"""
                           for first, last in _p2_starts(conn, w.first_year_from))
    return {
        "trial_end": f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {LIVE} AND {running}"
        " AND start_date BETWEEN :trial_from AND :trial_to",
        "contract_end": f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {LIVE} AND {running}"
        " AND end_date BETWEEN :end_from AND :end_to",
        "approval_suspended": f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {LIVE} AND {running}"
        f" AND approval_id IN (SELECT id FROM approvals WHERE {LIVE} AND status = 'suspended')",
        "pay_below_minimum": pay,
        "draft_start": f"SELECT {_CONTRACT_COLS} FROM contracts WHERE status = 'draft'"
        f" AND start_date <= :draft_to AND {LIVE}",
        # the expression and conditions of ix_contract_events_notice_end (migration 0016)
        "notice_running": "SELECT DISTINCT contract_id FROM contract_events"
        " WHERE deleted IS 0 AND kind = 'termination'"
        " AND json_extract(details, '$.notice_end') BETWEEN :notice_from AND :notice_to",
        "p2_at_risk": p2 or f"SELECT {', '.join(['NULL'] * len(_P2_NAMES))} WHERE 0",
    }


# the events the rules read, by kind: of which rule's candidates (``_events``)
_EVENT_READERS = {
    "amendment": ("contract_end",),  # a follow-up: an amendment dated after today
    "level_change": ("p2_at_risk", "pay_below_minimum"),  # the start level, the pay's date
    "termination": ("notice_running",),  # the notice (a running contract's P2: no end yet)
}


def _events(conn: sqlite3.Connection, f: Facts) -> None:
    """The events of the kinds each rule reads, of its candidates only (a suspension no rule
    reads; a trial's or a draft's contract, none of their events)."""
    assert f.candidates is not None
    wanted = {kind: id_array(set().union(*(f.candidates[rule] for rule in rules)))
              for kind, rules in _EVENT_READERS.items()}
    for row in select_rows(
        conn,
        "SELECT contract_id, kind, effective_date, details FROM contract_events"
        f" WHERE {LIVE} AND ("
        + " OR ".join(f"(kind = '{kind}' AND contract_id IN (SELECT value FROM json_each(:{kind})))"
                      for kind in _EVENT_READERS)
        + ") ORDER BY effective_date, id",
        wanted,
    ):
        row["details"] = _json(row["details"])
        f.events.setdefault(row["contract_id"], []).append(row)


def _follow_ups(conn: sqlite3.Connection, f: Facts) -> None:
    """Every contract of the learners whose contract ends soon (a follow-up contract?), and
    those learners' contracts by learner (``Facts.learner_contracts``: no other rule reads it).
    A learner with one live contract has only the one ending; those with several are read from
    ``radar_learners`` (migration 0021: each one's live contracts, as ``[id, status,
    start_date, supersedes_id]``, all the rule reads of them), not looked up in the contracts."""
    assert f.candidates is not None
    ending = {str(f.contracts[i]["learner_id"]) for i in f.candidates["contract_end"]
              if i in f.contracts}
    # their contracts read already (the only ones of a learner with a single contract)
    by_learner = f.learner_contracts
    for cid, c in f.contracts.items():
        learner = str(c["learner_id"])
        if learner in ending:
            by_learner.setdefault(learner, []).append(cid)
    for learner, contracts in rows_at_once(
        conn,
        ("learner_id", "contracts"),
        "SELECT r.learner_id, r.contracts FROM radar_learners r"
        " INDEXED BY ix_radar_learners_several WHERE r.contracts IS NOT NULL"
        " AND r.learner_id IN (SELECT value FROM json_each(?))",
        id_array(ending),
    ):
        known = by_learner.setdefault(learner, [])
        for cid, status, start, supersedes in json.loads(contracts):
            if cid not in f.contracts:
                f.contracts[cid] = {"id": cid, "learner_id": learner, "status": status,
                                    "start_date": start, "supersedes_id": supersedes}
                known.append(cid)


def _turning_18(conn: sqlite3.Connection, f: Facts, params: dict[str, Any]) -> None:
    """Learners born in the window who have a running contract (``Facts.learners_running``:
    the rule does not look for their contracts), from ``radar_learners`` (migration 0021: the
    birth date of each live learner with a running contract, in a partial index)."""
    assert f.candidates is not None
    rows = select_rows(
        conn,
        "SELECT r.learner_id AS id, r.birth_date FROM radar_learners r"
        " INDEXED BY ix_radar_learners_birth WHERE r.running > 0"
        " AND r.birth_date BETWEEN :born_from AND :born_to",
        params,
    )
    f.candidates["turns_18"] = {r["id"] for r in rows}
    f.learners_running = set(f.candidates["turns_18"])
    f.learners.update(by_id(rows))


def _old_records(conn: sqlite3.Connection, f: Facts, params: dict[str, Any]) -> None:
    """Tutors whose criminal-record extract is past the limit and who are in charge (of a
    running contract, or named by an approval being instructed or granted): the old extracts
    by date, each looked up among the tutors in charge that migration 0019's triggers keep
    (``Facts.tutors_in_charge``: the rule does not rebuild it from contracts and approvals
    read for it)."""
    assert f.candidates is not None
    if params["records_before"] is None:
        f.candidates["criminal_record_old"] = set()
        return
    old = select_rows_at_once(
        conn,
        _TUTOR_NAMES,
        f"SELECT {_TUTOR_COLS_T} FROM tutors t INDEXED BY ix_tutors_radar_record"
        f" WHERE t.{LIVE} AND t.criminal_record_date <= :records_before"
        " AND EXISTS (SELECT 1 FROM radar_tutors_in_charge r WHERE r.tutor_id = t.id)",
        params,
    )
    f.candidates["criminal_record_old"] = {t["id"] for t in old}
    f.tutors_in_charge = set(f.candidates["criminal_record_old"])
    f.tutors.update(by_id(old))
