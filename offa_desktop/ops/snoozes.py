"""Snoozing a radar line: the user puts it off until a date, with a reason.

A snooze is a record of the per-user ``snoozes`` collection (an addition to API v1, see
``docs/api-additions.md``): kept in the working copy and synced, so it follows the user to
another computer. One record per user and line: snoozing a line again updates it; "Réactiver"
deletes it (owners may delete their own snoozes).
"""

from __future__ import annotations

from datetime import date

from offa_desktop.domain.problems import ValidationError, problem
from offa_desktop.ops.records.writes import Saved
from offa_desktop.ops.records.writes import create as create_record
from offa_desktop.ops.records.writes import delete as delete_record
from offa_desktop.ops.records.writes import update as update_record
from offa_desktop.store import snoozes as snooze_rows
from offa_desktop.store.db import WorkingCopy


def _existing(wc: WorkingCopy, user_id: str, rule: str, record: str) -> str | None:
    with wc.session() as db:
        return snooze_rows.find(db, user_id, rule, record)


def snooze(
    wc: WorkingCopy, user_id: str | None, rule: str, collection: str, record_id: str,
    until: date, reason: str, *, today: date,
) -> Saved:
    """Put the line ``rule`` of ``collection/record_id`` off until ``until`` (after today)."""
    if not user_id:
        raise ValidationError([problem("snoozes", "user_id", "required",
                                       "connectez-vous pour reporter une échéance.")])
    if until <= today:
        raise ValidationError([problem("snoozes", "until", "invalid",
                                       "choisissez une date après aujourd'hui.")])
    record = f"{collection}/{record_id}"
    data = {"user_id": user_id, "rule": rule, "record": record, "until": until.isoformat(),
            "reason": reason.strip()}
    found = _existing(wc, user_id, rule, record)
    if found is None:
        return create_record(wc, "snoozes", data)
    return update_record(wc, "snoozes", found, {"until": data["until"], "reason": data["reason"]})


def wake(wc: WorkingCopy, user_id: str | None, rule: str, collection: str,
         record_id: str) -> Saved | None:
    """Show a snoozed line again (its snooze is deleted); None when it had none."""
    found = _existing(wc, user_id or "", rule, f"{collection}/{record_id}")
    return delete_record(wc, "snoozes", found) if found else None
