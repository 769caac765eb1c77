"""What the radar's lines name, and which of them the user put off: read after the rules, for
the lines named only (``ops/radar.py``: the home screen names the lines it shows, the rest when
a group is unfolded; ``offa-desktop radar`` names them all). One query per collection, joined in
SQL (the linked learner, unit, company and trade of each line), the words put together by the
caller."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from offa_desktop.domain.choices import CONTRACT_RUNNING as RUNNING
from offa_desktop.store.plain_sql import LIVE, id_array, select_rows

_RUN = "(" + ", ".join(f"'{s}'" for s in RUNNING) + ")"
_IDS = "(SELECT value FROM json_each(?))"
# per collection: the columns that name a line, read by one join from its ids
_NAMING: dict[str, str] = {
    "contracts": "SELECT c.id, l.last_name, l.first_name, co.name AS company, t.name AS trade"
    " FROM contracts c"
    " LEFT JOIN learners l ON l.id = c.learner_id AND l.deleted IS 0"
    " LEFT JOIN establishment_units u ON u.id = c.establishment_unit_id AND u.deleted IS 0"
    " LEFT JOIN companies co ON co.id = u.company_id AND co.deleted IS 0"
    " LEFT JOIN trades t ON t.code = c.trade_code AND t.deleted IS 0"
    f" WHERE c.id IN {_IDS}",
    # a learner is named by its running contract (the latest started), else by itself
    "learners": "SELECT l.id, l.last_name, l.first_name, co.name AS company, t.name AS trade,"
    " c.id AS contract FROM learners l"
    " LEFT JOIN contracts c ON c.id = (SELECT r.id FROM contracts r WHERE r.learner_id = l.id"
    f"  AND r.deleted IS 0 AND +r.status IN {_RUN} ORDER BY r.start_date DESC, r.id DESC"
    "  LIMIT 1)"
    " LEFT JOIN establishment_units u ON u.id = c.establishment_unit_id AND u.deleted IS 0"
    " LEFT JOIN companies co ON co.id = u.company_id AND co.deleted IS 0"
    " LEFT JOIN trades t ON t.code = c.trade_code AND t.deleted IS 0"
    f" WHERE l.id IN {_IDS}",
    "approvals": "SELECT a.id, u.name AS unit, u.city, t.name AS trade FROM approvals a"
    " LEFT JOIN establishment_units u ON u.id = a.establishment_unit_id AND u.deleted IS 0"
    " LEFT JOIN trades t ON t.code = a.trade_code AND t.deleted IS 0"
    f" WHERE a.id IN {_IDS}",
    "visits": "SELECT v.id, a.id AS approval, u.name AS unit, u.city, t.name AS trade"
    " FROM visits v LEFT JOIN approvals a ON a.id = v.approval_id AND a.deleted IS 0"
    " LEFT JOIN establishment_units u ON u.id = a.establishment_unit_id AND u.deleted IS 0"
    " LEFT JOIN trades t ON t.code = a.trade_code AND t.deleted IS 0"
    f" WHERE v.id IN {_IDS}",
    "tutors": "SELECT p.id, p.last_name, p.first_name, co.name AS company FROM tutors p"
    " LEFT JOIN companies co ON co.id = p.company_id AND co.deleted IS 0"
    f" WHERE p.id IN {_IDS}",
    "incentive_claims": "SELECT k.id, k.kind_code, k.school_year, co.name AS company"
    " FROM incentive_claims k LEFT JOIN companies co ON co.id = k.company_id"
    f" AND co.deleted IS 0 WHERE k.id IN {_IDS}",
}


# contracts whose links (learner, unit, trade) the caller has read already: the same words
# without reading each contract's row again (a page of the table decrypted per line); the
# learner's and company's names from narrow indexes, not their wide rows (migration 0020:
# without statistics SQLite would take the primary keys)
_CONTRACTS_LINKED = (
    "SELECT j.value ->> 0 AS id, l.last_name, l.first_name, co.name AS company,"
    " t.name AS trade FROM json_each(?) j"
    " LEFT JOIN learners l INDEXED BY ix_learners_radar_name"
    "  ON l.id = j.value ->> 1 AND l.deleted IS 0"
    " LEFT JOIN establishment_units u ON u.id = j.value ->> 2 AND u.deleted IS 0"
    " LEFT JOIN companies co INDEXED BY ix_companies_radar_name"
    "  ON co.id = u.company_id AND co.deleted IS 0"
    " LEFT JOIN trades t ON t.code = j.value ->> 3 AND t.deleted IS 0"
)


def naming_rows(
    conn: sqlite3.Connection,
    wanted: dict[str, set[str]],
    contracts: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """``{collection: {id: row}}``: what names each line of ``wanted`` (``{collection:
    ids}``), the linked records' columns joined (None where a record is missing).
    ``contracts``: contract records read already (their ``learner_id``,
    ``establishment_unit_id``, ``trade_code``), by id."""
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for collection, ids in wanted.items():
        sql = _NAMING.get(collection)
        if sql is None or not ids:
            continue
        if collection == "contracts" and contracts:
            known = [[i, c.get("learner_id"), c.get("establishment_unit_id"), c.get("trade_code")]
                     for i in ids if (c := contracts.get(i)) is not None]
            out[collection] = {row["id"]: row for row in select_rows(
                conn, _CONTRACTS_LINKED, json.dumps(known))}
            ids = ids - out[collection].keys()
            if not ids:
                continue
        out.setdefault(collection, {}).update(
            (row["id"], row) for row in select_rows(conn, sql, id_array(ids)))
    return out


def referral_words(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """How the radar names a referral: «learner — unit (city)» for a contract, «unit (city) —
    trade» for an approval."""
    out: dict[str, str] = {}
    for row in select_rows(
        conn,
        "SELECT r.id, l.last_name, l.first_name, u.name AS unit, u.city, t.name AS trade"
        " FROM mediation_referrals r"
        " LEFT JOIN contracts c ON c.id = r.contract_id"
        " LEFT JOIN approvals a ON a.id = r.approval_id"
        " LEFT JOIN learners l ON l.id = c.learner_id"
        " LEFT JOIN establishment_units u"
        "  ON u.id = COALESCE(c.establishment_unit_id, a.establishment_unit_id)"
        " LEFT JOIN trades t ON t.code = a.trade_code AND t.deleted = 0"
        " WHERE r.id IN (SELECT value FROM json_each(?))",
        id_array(ids),
    ):
        place = f"{row['unit']} ({row['city']})" if row["unit"] else ""
        person = " ".join(str(p) for p in (row["last_name"], row["first_name"]) if p)
        parts = (person, place) if person else (place, str(row["trade"] or ""))
        out[row["id"]] = " — ".join(p for p in parts if p)
    return out


def names(conn: sqlite3.Connection, wanted: dict[str, set[str]]) -> dict[str, dict[str, Any]]:
    """``{collection: {id: row}}`` of the companies and trades (by code) the radar's lines
    name (their units are in the facts already)."""
    out: dict[str, dict[str, Any]] = {}
    for collection, key, columns in (
        ("companies", "id", "id, name"),
        ("trades", "code", "code, name"),
    ):
        ids = wanted.get(collection, set())
        out[collection] = {
            row[key]: row
            for row in select_rows(
                conn,
                f"SELECT {columns} FROM {collection} WHERE {LIVE}"  # noqa: S608 - fixed names
                f" AND {key} IN (SELECT value FROM json_each(?))",
                id_array(ids),
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
    for row in select_rows(
        conn,
        "SELECT id, rule, record, until, reason, updated_at FROM snoozes"
        f" WHERE {LIVE} AND user_id = ? ORDER BY updated_at, id",
        user_id,
    ):
        out[f"{row['rule']}|{row['record']}"] = row
    return {k: v for k, v in out.items() if v["until"] and v["until"] > today.isoformat()}
