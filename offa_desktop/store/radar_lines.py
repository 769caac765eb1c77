"""What the radar's lines name, and which of them the user put off: read after the facts, for
the lines shown only (``ops/radar.py``)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from datetime import date
from typing import Any

from offa_desktop.store.plain_sql import LIVE, id_array, select_rows


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
