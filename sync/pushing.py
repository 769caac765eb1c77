"""The push side of a sync: which ops go in the next push, and what an answer does.

One op per record per push, oldest first; a record held back (a conflict for a person, a
refused op) holds back its later ops and the records that refer to a record the server does
not have yet. An answer's results update the outbox, the bases and the records in the one
transaction the engine gives.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sync.merge import Absorber, Incoming
from sync.ports import Base, Key, OutboxOp, ServerRecord, SyncReport, SyncTransaction, overlay
from sync.refs import depends_on

log = logging.getLogger("offa.sync")

PUSH_BATCH = 500
MAX_TRIES_PER_SYNC = 3  # an op that keeps meeting new conflicts waits for the next sync


def reissued(op_id: str) -> str:
    """The id of the op that re-sends ``op_id`` after a conflict.

    Derived, not random: a process killed before the answer was committed re-pushes the old id,
    gets the same stored answer and makes the same new id; and a checker can follow the chain.
    """
    return str(uuid.uuid5(uuid.NAMESPACE_URL, "offa-op:" + op_id))


def select_batch(
    tx: SyncTransaction, tries: dict[int, int], limit: int = PUSH_BATCH
) -> tuple[list[OutboxOp], dict[Key, Base], int]:
    """The next push: the first unsettled op of each record not held back, oldest first."""
    ops = tx.outbox.unsettled()
    if not ops:
        return [], {}, 0
    by_record: dict[Key, list[OutboxOp]] = {}
    for op in ops:
        by_record.setdefault(op.key, []).append(op)
    bases = tx.bases.get_many(by_record)
    held: set[Key] = {c.key for c in tx.conflicts.all()}
    held.update(k for k, rec_ops in by_record.items() if rec_ops[0].state != "pending")
    # Records the server does not have yet: whatever refers to them waits for their
    # creation to be applied (a unit whose company was rejected, or is in this very push).
    unborn = {
        k
        for k, rec_ops in by_record.items()
        if (k not in bases or bases[k].deleted) and any(o.kind == "create" for o in rec_ops)
    }
    if unborn:
        for key, rec_ops in by_record.items():
            if key in held:
                continue
            base = bases.get(key)
            data = overlay(base.data if base else None, rec_ops)
            if any(ref in unborn and ref != key for ref in depends_on(key[0], data)):
                held.add(key)
    firsts = [rec_ops[0] for k, rec_ops in by_record.items() if k not in held]
    firsts.sort(key=lambda op: op.seq)
    sendable = sum(len(by_record[op.key]) for op in firsts)
    batch = [op for op in firsts if tries.get(op.seq, 0) < MAX_TRIES_PER_SYNC]
    return batch[:limit], bases, sendable


def wire(op: OutboxOp, base: Base | None) -> dict[str, Any]:
    if op.kind == "create":
        base_version = None
    elif base is not None:
        base_version = base.version
    else:
        base_version = op.base_version
    wire: dict[str, Any] = {
        "op_id": op.op_id,
        "collection": op.collection,
        "id": op.record_id,
        "kind": op.kind,
        "base_version": base_version,
        "fields": {} if op.kind == "delete" else op.fields,
    }
    if op.resolution:
        wire["resolution"] = op.resolution
    return wire


def settle(
    tx: SyncTransaction,
    batch: list[OutboxOp],
    results: list[dict[str, Any]],
    report: SyncReport,
) -> None:
    """Apply a push answer to the outbox, bases and records (one transaction)."""
    keys = [op.key for op in batch]
    current = tx.outbox.for_records(keys)
    bases = tx.bases.get_many(keys)
    conflicts = tx.conflicts.get_many(keys)
    absorber = Absorber(tx, report)
    for op, result in zip(batch, results, strict=True):
        report.pushed += 1
        rec_ops = current.get(op.key, [])
        live = next((o for o in rec_ops if o.seq == op.seq), None)
        if live is None:
            continue  # settled meanwhile (a person's resolution)
        later = [o for o in rec_ops if o.seq != op.seq]
        status = result.get("status")
        if status == "applied":
            report.applied += 1
            _applied(absorber, live, later, bases.get(op.key), result)
        elif status == "conflict":
            server = result.get("server") or {}
            live.op_id = reissued(live.op_id)  # it goes out again as a new op
            tx.outbox.update(live)
            incoming = Incoming(
                op.collection,
                op.record_id,
                int(server.get("version") or 0),
                bool(server.get("deleted")),
                server.get("data"),
            )
            if incoming.deleted and live.kind == "delete" and not later:
                absorber.drop_ops.append(live.seq)
                absorber.absorb(incoming, bases.get(op.key), [], conflicts.get(op.key))
            else:
                absorber.absorb(
                    incoming, bases.get(op.key), rec_ops, conflicts.get(op.key), force=True
                )
        elif status in ("rejected", "forbidden"):
            if status == "rejected":
                report.rejected += 1
                errors = list(result.get("errors") or [])
                live.errors = errors
                live.error = " ; ".join(str(e.get("message", "")) for e in errors) or None
                live.state = "rejected"
            else:
                report.forbidden += 1
                live.error = str(result.get("message") or "Action non autorisée.")
                live.state = "forbidden"
            tx.outbox.update(live)
        else:
            log.error("résultat inconnu pour %s : %r", op.op_id, status)
    absorber.flush()


def _applied(
    absorber: Absorber,
    op: OutboxOp,
    later: list[OutboxOp],
    base: Base | None,
    result: dict[str, Any],
) -> None:
    absorber.drop_ops.append(op.seq)
    version = int(result["version"])
    if base is not None and version <= base.version:
        return  # a replayed answer older than what a pull already brought
    deleted = op.kind == "delete"
    data = result.get("data")
    if data is None and not deleted:
        data = overlay(base.data if base else None, [op])
    new_base = Base(op.collection, op.record_id, version, deleted, None if deleted else data)
    absorber.set_base(base, new_base)
    absorber.report.touch(*op.key)
    if deleted and not later:
        absorber.records[op.key] = ServerRecord(op.collection, op.record_id, version, True, None)
    else:
        absorber.records[op.key] = ServerRecord(
            op.collection, op.record_id, version, False, overlay(data, later)
        )
