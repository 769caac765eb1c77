"""Conflicts and rejected edits, as people settle them: list them, resolve a conflict field by
field (saved as a new edit carrying the resolution, ``sync.resolve``), retry or give up an edit
the server refused. Every action is one transaction and returns a ChangeSet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.problems import Problem
from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from sync.ports import Conflict, OutboxOp
from sync.resolve import Choice, NothingToResolve, discard_op, resolve_conflict, retry_op

NAME_FIELDS = ("name", "last_name", "first_name", "trade_code", "kind_code", "file_name")


@dataclass(frozen=True)
class Rejected:
    """An edit the server refused, with its message and the record it concerns."""

    seq: int
    collection: str
    record_id: str
    kind: str
    state: str
    message: str
    errors: list[dict[str, Any]]
    title: str


def title(wc: WorkingCopy, collection: str, record_id: str) -> str:
    """A few words naming a record for people (its name fields), else its id's start."""
    with wc.session() as db:
        data = queries.get(db, collection, record_id) or {}
    words = [str(data[n]) for n in NAME_FIELDS if data.get(n)]
    return " ".join(words[:2]) or record_id[:8]


def conflicts(wc: WorkingCopy) -> list[Conflict]:
    """Every open conflict, oldest first."""
    with StoreSyncAdapter(wc).transaction() as tx:
        found = tx.conflicts.all()
    return sorted(found, key=lambda c: (c.created_at, c.collection, c.record_id))


def resolution_problems(
    collection: str, choices: Mapping[str, tuple[Choice, Any]], conflict: Conflict
) -> list[Problem]:
    """Field checks of the values the choices keep (a typed value must be valid)."""
    # here, not at the top: the rules it loads are half of the domain's import, which a
    # headless ``offa-desktop sync`` (this module's other users) never needs
    from offa_desktop.domain.validation import check_fields

    values: dict[str, Any] = {}
    for name, (choice, edited) in choices.items():
        detail = conflict.fields.get(name) or {}
        values[name] = edited if choice == "edited" else detail.get(choice)
    return check_fields(collection, values, partial=True)


def resolve(
    wc: WorkingCopy,
    collection: str,
    record_id: str,
    choices: Mapping[str, tuple[Choice, Any]] | Choice,
) -> ChangeSet:
    """Settle a conflict (per field: mine, theirs or a typed value); goes out as a new edit."""
    kept = resolve_conflict(StoreSyncAdapter(wc), collection, record_id, choices)
    changes = ChangeSet()
    changes.add(collection, record_id)
    if kept is not None and kept != record_id:
        changes.add(collection, kept)
    return changes


def rejected(wc: WorkingCopy) -> list[Rejected]:
    """The edits the server refused (rejected or forbidden), with its messages."""
    return [r for r in unsent(wc) if r.state != "pending"]


def unsent(wc: WorkingCopy) -> list[Rejected]:
    """Every queued edit, oldest first: waiting to go (``pending``), in conflict, or refused
    by the server (``rejected``, ``forbidden``) with its message: what holds a logout back."""
    with StoreSyncAdapter(wc).transaction() as tx:
        ops: list[OutboxOp] = tx.outbox.unsettled()
    return [
        Rejected(
            op.seq,
            op.collection,
            op.record_id,
            op.kind,
            op.state,
            op.error or "",
            [dict(e) for e in op.errors or [] if isinstance(e, Mapping)],
            title(wc, op.collection, op.record_id),
        )
        for op in ops
    ]


CONFLICT_REASONS = {
    "deleted_by_server": "fiche supprimée sur le serveur : rétablissez-la avec vos valeurs ou "
    "acceptez la suppression",
    "deleted_locally": "supprimée ici mais modifiée sur le serveur : gardez la suppression ou "
    "la fiche",
    "fields": "modifiée aussi sur le serveur : choisissez les valeurs à garder",
}


def blocking(wc: WorkingCopy) -> list[Rejected]:
    """What holds a logout (or another account's login) back: every queued edit
    (:func:`unsent`), then every open conflict none of them stands for (an edit against
    deletion keeps its values in the conflict, with no op queued). A conflict's entry has
    ``seq`` 0, state ``conflict`` and the choice it waits for as its message."""
    items = unsent(wc)
    queued = {(i.collection, i.record_id) for i in items}
    for c in conflicts(wc):
        if c.key in queued:
            continue
        mine = c.mine if isinstance(c.mine, Mapping) else {}
        words = [str(mine[n]) for n in NAME_FIELDS if mine.get(n)]
        named = " ".join(words[:2]) or title(wc, c.collection, c.record_id)
        kind = "delete" if c.kind == "deleted_locally" else "update"
        reason = CONFLICT_REASONS.get(c.kind, CONFLICT_REASONS["fields"])
        items.append(Rejected(0, c.collection, c.record_id, kind, "conflict", reason, [], named))
    return items


def retry(wc: WorkingCopy, seq: int, collection: str, record_id: str) -> ChangeSet:
    """Send a refused edit again with the record's current values (after a correction)."""
    retry_op(StoreSyncAdapter(wc), seq)
    changes = ChangeSet()
    changes.add(collection, record_id)
    return changes


def discard(wc: WorkingCopy, seq: int, collection: str, record_id: str) -> ChangeSet:
    """Give up a refused edit: the record shows the server's state again."""
    discard_op(StoreSyncAdapter(wc), seq)
    changes = ChangeSet()
    changes.add(collection, record_id)
    return changes


def discard_forbidden(wc: WorkingCopy) -> ChangeSet:
    """Give up every edit the server refused for the user's role (``forbidden``): they can
    never be sent, so each record shows the server's state again (one never sent is erased),
    with the user's other queued edits on top. The ChangeSet names the records."""
    adapter = StoreSyncAdapter(wc)
    changes = ChangeSet()
    for item in unsent(wc):
        if item.state != "forbidden":
            continue
        try:
            discard_op(adapter, item.seq)
        except NothingToResolve:  # went with an earlier op of the same record
            pass
        changes.add(item.collection, item.record_id)
    return changes
