"""The records the deadline radar reads, with the standard library's sqlite3 only.

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
from offa_desktop.store.plain_sql import LIVE, id_array, select_rows, select_rows_at_once
from offa_desktop.store.radar_cases import by_id

_RUN = "(" + ", ".join(f"'{s}'" for s in RUNNING) + ")"
_CONTRACT_COLS = (
    "id, learner_id, establishment_unit_id, approval_id, tutor_id, operator_code, trade_code,"
    " start_date, end_date, level, monthly_pay, status, supersedes_id"
)
_CONTRACT_NAMES = tuple(c.strip() for c in _CONTRACT_COLS.split(","))
_C_COLS = ", ".join(f"c.{c}" for c in _CONTRACT_NAMES)
# what the rules read of a tutor (ix_tutors_radar and ix_tutors_radar_record hold it)
_TUTOR_COLS = ("id, company_id, condition, experience_years, training_hours, criminal_record_date,"
               " certified")
_TUTOR_NAMES = tuple(c.strip() for c in _TUTOR_COLS.split(","))
_TUTOR_COLS_T = ", ".join(f"t.{c}" for c in _TUTOR_NAMES)
_CERTIFIED = (
    "(t.condition = 'validation' OR (coalesce(t.experience_years, 0) >= 5"
    " AND coalesce(t.training_hours, 0) >= 8))"
)


def _money(cents: Any) -> str | None:
    """Cents as the API writes money (``"1234.50"``): what ``f"{Decimal(cents).scaleb(-2):.2f}"``
    writes, in integers (a radar converts thousands of pays)."""
    if cents is None:
        return None
    whole, part = divmod(abs(int(cents)), 100)
    return f"{'-' if int(cents) < 0 else ''}{whole}.{part:02d}"


def _json(text: Any) -> Any:
    return json.loads(text) if isinstance(text, str) else text


def _contract(row: dict[str, Any]) -> dict[str, Any]:
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
    turning = _read_main(conn, f, queries, params)
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
    _follow_ups(conn, f, w)
    for row in turning:  # after the follow-ups: only part of these contracts was read
        f.contracts.setdefault(row["id"], row)
    return f, w


def _read_main(
    conn: sqlite3.Connection, f: Facts, queries: dict[str, str], params: dict[str, Any]
) -> list[dict[str, Any]]:
    """The contract rules' candidates (but P2's), the approvals, visits, claims, referrals,
    the learners turning 18 (their contracts returned, see ``_turning_18``)."""
    assert f.candidates is not None
    for rule, sql in queries.items():
        # a contracts query reads each candidate's row as it finds it (a second lookup by
        # id was 37 ms for 5,000 contracts); a query on events names the contract only
        ids = f.candidates[rule] = set()
        for found in conn.execute(sql, params):
            if found[0] is None:
                continue
            ids.add(str(found[0]))
            if len(found) > 1 and found[0] not in f.contracts:
                f.contracts[found[0]] = _contract(dict(zip(_CONTRACT_NAMES, found, strict=True)))
    radar_cases.approvals(conn, f, params)
    radar_cases.visits_and_claims(conn, f, params)
    radar_cases.referrals(conn, f)
    return _turning_18(conn, f, params)


def _read_aside(
    conn: sqlite3.Connection, f: Facts, p2: dict[str, str], params: dict[str, Any]
) -> None:
    """Old criminal-record extracts, the P2 candidates and their tutors and units, each read
    at once (``select_rows_at_once``)."""
    assert f.candidates is not None
    _old_records(conn, f, params)
    rows = select_rows_at_once(conn, _CONTRACT_NAMES, p2["p2_at_risk"], params)
    f.candidates["p2_at_risk"] = {str(r["id"]) for r in rows if r["id"] is not None}
    f.contracts.update((str(r["id"]), _contract(r)) for r in rows if r["id"] is not None)
    _places(conn, f)


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
    contract), in Wallonia, and an end date before it or a tutor not agréé."""
    running = f"+status IN {_RUN}"
    pay = " UNION ALL ".join(
        f"SELECT {_CONTRACT_COLS} FROM contracts WHERE level = '{level}' AND monthly_pay < "
        f"{int(value.scaleb(2))} AND {LIVE} AND {running}"
        for level, value in sorted(thresholds.items())
        if level in ("a", "b", "c")
    ) or "SELECT NULL WHERE 0"
    p2 = " UNION ALL ".join(f"""SELECT {_C_COLS} FROM contracts c
          WHERE c.start_date BETWEEN '{first}' AND '{last}'
          AND c.{LIVE} AND +c.status IN {_RUN}
          AND (c.end_date < date(c.start_date, '+269 days')
               OR NOT EXISTS (SELECT 1 FROM tutors t INDEXED BY ix_tutors_radar
                              WHERE t.id = c.tutor_id AND t.{LIVE} AND {_CERTIFIED}))
          AND (c.level = 'a' OR EXISTS (SELECT 1 FROM contract_events e
               WHERE e.contract_id = c.id AND e.{LIVE} AND e.kind = 'level_change'))
          AND EXISTS (SELECT 1 FROM establishment_units u WHERE u.id = c.establishment_unit_id
                      AND u.{LIVE} AND u.region = 'wal')"""
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
        "p2_at_risk": p2 or f"SELECT {_CONTRACT_COLS} FROM contracts WHERE 0",
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


def _follow_ups(conn: sqlite3.Connection, f: Facts, w: Window) -> None:
    """Every contract of the learners whose contract ends soon (a follow-up contract?)."""
    assert f.candidates is not None
    ending = {str(f.contracts[i]["learner_id"]) for i in f.candidates["contract_end"]
              if i in f.contracts}
    # their contracts read already (the only ones the query could find again)
    known = [cid for cid, c in f.contracts.items() if str(c["learner_id"]) in ending]
    for row in select_rows(
        conn,
        f"SELECT {_CONTRACT_COLS} FROM contracts WHERE {LIVE}"
        " AND learner_id IN (SELECT value FROM json_each(?))"
        " AND id NOT IN (SELECT value FROM json_each(?))",
        id_array(ending),
        id_array(known),
    ):
        f.contracts.setdefault(row["id"], _contract(row))
    for cid, c in f.contracts.items():
        f.learner_contracts.setdefault(str(c["learner_id"]), []).append(cid)


def _turning_18(
    conn: sqlite3.Connection, f: Facts, params: dict[str, Any]
) -> list[dict[str, Any]]:
    """Learners born in the window who have a running contract (into ``f``), and what the
    rule reads of those contracts (returned: they go into ``f.contracts`` once the follow-up
    contracts are read, which must not take them for whole rows)."""
    assert f.candidates is not None
    rows = select_rows(
        conn,
        f"SELECT l.id, l.birth_date FROM learners l WHERE l.{LIVE}"
        " AND l.birth_date BETWEEN :born_from AND :born_to AND EXISTS (SELECT 1 FROM contracts"
        f" c WHERE c.learner_id = l.id AND c.{LIVE} AND +c.status IN {_RUN})",
        params,
    )
    f.candidates["turns_18"] = {r["id"] for r in rows}
    f.learners.update(by_id(rows))
    # what the rule reads of them (whose, running or not), from ix_contracts_radar_learner_of
    # alone (a row read from the table is a page decrypted): no other rule looks at them
    return select_rows(
        conn,
        f"SELECT id, learner_id, status FROM contracts WHERE {LIVE} AND status IN {_RUN}"
        " AND learner_id IN (SELECT value FROM json_each(?))",
        id_array(f.candidates["turns_18"]),
    )


def _old_records(conn: sqlite3.Connection, f: Facts, params: dict[str, Any]) -> None:
    """Tutors whose criminal-record extract is past the limit and who are in charge (of a
    running contract, or named by an approval of their company's units being instructed or
    granted): one query, each condition an indexed EXISTS (``Facts.tutors_in_charge``: the
    rule does not rebuild it from contracts and approvals read for it)."""
    assert f.candidates is not None
    if params["records_before"] is None:
        f.candidates["criminal_record_old"] = set()
        return
    old = select_rows_at_once(
        conn,
        _TUTOR_NAMES,
        f"SELECT {_TUTOR_COLS_T}"
        f" FROM tutors t WHERE t.{LIVE} AND t.criminal_record_date <= :records_before"
        " AND (EXISTS (SELECT 1 FROM contracts c WHERE c.tutor_id = t.id"
        f"  AND c.{LIVE} AND +c.status IN {_RUN})"
        " OR EXISTS (SELECT 1 FROM establishment_units u"
        "  JOIN approvals a ON a.establishment_unit_id = u.id"
        f"  WHERE u.company_id = t.company_id AND u.{LIVE} AND a.{LIVE}"
        "  AND a.status IN ('requested', 'under_review', 'granted')"
        "  AND EXISTS (SELECT 1 FROM json_each(a.tutor_ids) j WHERE j.value = t.id)))",
        params,
    )
    f.candidates["criminal_record_old"] = {t["id"] for t in old}
    f.tutors_in_charge = set(f.candidates["criminal_record_old"])
    f.tutors.update(by_id(old))


def _places(conn: sqlite3.Connection, f: Facts) -> None:
    """The tutors and units of the P2 candidates (the rule reads the unit's region and the
    tutor's certification); what names the lines is read for the lines named only
    (``radar_lines.naming_rows``)."""
    assert f.candidates is not None
    p2 = [f.contracts[c] for c in f.candidates["p2_at_risk"] if c in f.contracts]
    p2_tutors = select_rows_at_once(
        conn,
        _TUTOR_NAMES,
        f"SELECT {_TUTOR_COLS} FROM tutors INDEXED BY ix_tutors_radar WHERE {LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        id_array(c["tutor_id"] for c in p2 if c["tutor_id"] not in f.tutors),  # (read aside)
    )
    f.tutors.update(by_id(p2_tutors))
    p2_units = select_rows_at_once(
        conn,
        ("id", "region"),
        f"SELECT id, region FROM establishment_units WHERE {LIVE}"
        " AND id IN (SELECT value FROM json_each(?))",
        id_array(c["establishment_unit_id"] for c in p2),
    )
    f.units.update(by_id(p2_units))
