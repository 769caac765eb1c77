"""Taking a server state of records into the working copy without losing a local edit.

:class:`Absorber` is used inside one transaction, for a pulled page or the conflict answers of
a push: each server state is compared with the record's base and its unsettled ops (three-way,
field by field), the visible record becomes the server's data with the local edits on top, the
base becomes the server state, and what cannot merge becomes a :class:`Conflict` for a person.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sync.ports import (
    JSON,
    Base,
    Conflict,
    Key,
    OutboxOp,
    ServerRecord,
    SyncReport,
    SyncTransaction,
    overlay,
)

_MISSING = object()


def local_changes(ops: Iterable[OutboxOp]) -> dict[str, Any]:
    """Field -> value changed locally by these ops, in order (a create gives every field)."""
    changed: dict[str, Any] = {}
    for op in ops:
        if op.kind in ("create", "update"):
            changed.update(op.fields)
    return changed


def _mine(ops: Iterable[OutboxOp], conflict: Conflict | None) -> dict[str, Any]:
    """This copy's values of a record: its queued edits, then the values a person still has to
    choose between in its open conflict."""
    mine = local_changes(ops)
    for name, detail in (conflict.fields if conflict is not None else {}).items():
        mine.setdefault(name, detail.get("mine"))
    return mine


def merge_fields(
    mine: Mapping[str, Any],
    held: Mapping[str, JSON],
    base: Mapping[str, Any] | None,
    theirs: Mapping[str, Any],
) -> dict[str, JSON]:
    """The fields a person must decide on, three-way: ``mine`` the local values, ``held`` the
    fields already in conflict, ``base`` the server state the local edits stand on (None: none
    known), ``theirs`` the newer server state.

    A field in conflict stays in conflict (its "theirs" the newest server value, its "base" the
    value both sides started from) until the server holds my value; any other field clashes when
    the server changed it too, to another value than mine.
    """
    clash: dict[str, JSON] = {}
    for name, value in mine.items():
        server = theirs.get(name)
        if value == server:
            continue
        if name in held:
            clash[name] = {"mine": value, "theirs": server, "base": held[name].get("base")}
            continue
        before = base.get(name, _MISSING) if base is not None else _MISSING
        if before is _MISSING or before != server:
            clash[name] = {
                "mine": value,
                "theirs": server,
                "base": None if before is _MISSING else before,
            }
    return clash


@dataclass(slots=True)
class Incoming:
    """A server state of one record (a pull change, or the ``server`` of a push conflict)."""

    collection: str
    record_id: str
    version: int
    deleted: bool
    data: JSON | None
    reason: str | None = None
    updated_at: str | None = None
    updated_by: str | None = None

    @property
    def key(self) -> Key:
        return (self.collection, self.record_id)

    @classmethod
    def from_change(cls, change: Mapping[str, Any]) -> Incoming:
        get = change.get  # positional: a first sync makes 100,000 of these
        return cls(
            change["collection"],
            change["id"],
            int(change["version"]),
            bool(get("deleted")),
            get("data"),
            get("reason"),
            get("updated_at"),
            get("updated_by"),
        )


class Absorber:
    """Absorbs server states into one transaction (one absorber per transaction).

    Call :meth:`flush` once, before the transaction commits.
    """

    def __init__(self, tx: SyncTransaction, report: SyncReport) -> None:
        self.tx = tx
        self.report = report
        self.records: dict[Key, ServerRecord] = {}
        self.bases: dict[Key, Base] = {}
        self.erase: list[Key] = []
        self.drop_bases: list[Key] = []
        self.drop_ops: list[int] = []
        self.drop_conflicts: list[Key] = []

    # --- bases ------------------------------------------------------------------------------
    def set_base(self, old: Base | None, new: Base | None) -> None:
        """Replace a record's base (None: forget it)."""
        if new is not None:
            self.bases[new.key] = new
        elif old is not None:
            self.bases.pop(old.key, None)
            self.drop_bases.append(old.key)

    def shown(self, key: Key) -> ServerRecord | None:
        """The record as it will show once flushed (None: erased)."""
        return None if key in self.erase else self.records.get(key)

    # --- the three-way merge ---------------------------------------------------------------
    def absorb(
        self,
        s: Incoming,
        base: Base | None,
        ops: list[OutboxOp],
        conflict: Conflict | None,
        *,
        force: bool = False,
    ) -> bool:
        """Take one server state; False when it is not newer than the base (already known).

        ``force`` (a push's conflict answer, a re-pull): taken even when not newer, and the
        visible record is always written again (a repair restores rows changed behind the app's
        back).
        """
        if base is not None and (
            s.version < base.version or (s.version == base.version and not force)
        ):
            return False  # known already, or older (a push answer replayed after a pull)
        key = s.key
        if not self.report.everything:  # a first sync or a re-pull refreshes every list
            self.report.touch(*key)
        if base is None and not ops and conflict is None and not s.deleted:
            self._new(s)  # most of a first sync
            return True
        if s.deleted and s.reason == "out_of_scope":
            self.erase.append(key)
            if base is not None:  # it was here: say so (a learner gone to another operator)
                self.report.left_scope.setdefault(s.collection, set()).add(s.record_id)
            self.set_base(base, None)
            self.drop_ops.extend(op.seq for op in ops)
            if conflict is not None:
                self.drop_conflicts.append(key)
            return True
        if s.deleted:
            self._deleted_by_server(s, base, ops, conflict)
            return True
        assert s.data is not None
        if conflict is not None and conflict.kind == "deleted_by_server":
            # A person already has this record's edits to decide on (the server cannot bring
            # a deleted record back): only the record's state follows.
            self.records[key] = ServerRecord(
                s.collection, s.record_id, s.version, False, dict(s.data), s.updated_at,
                s.updated_by,
            )  # fmt: skip
            self.set_base(base, Base(s.collection, s.record_id, s.version, False, dict(s.data)))
            return True
        held = conflict.fields if conflict is not None else {}
        mine = _mine(ops, conflict)
        base_data = base.data if base is not None and not base.deleted else None
        clash = merge_fields(mine, held, base_data, s.data)
        deleting = any(op.kind == "delete" for op in ops)
        if deleting and (
            (conflict is not None and conflict.kind == "deleted_locally")
            or (base_data is not None and base_data != s.data)
        ):
            # my deletion against their edit (any conflict of fields kept for an undo)
            self._put_conflict(conflict, s, clash, kind="deleted_locally")
        elif clash:
            self._put_conflict(conflict, s, clash)
        elif conflict is not None:
            # the server now holds every value this copy had in conflict: nothing to choose
            self.drop_conflicts.append(key)
        for op in ops:
            if op.kind == "create":  # the record exists on the server: my create is an update
                op.kind = "update"
                self.tx.outbox.update(op)
        if deleting:  # my deletion stays visible until it is sent (or a person undoes it)
            self.records[key] = ServerRecord(
                s.collection, s.record_id, s.version, True, None, s.updated_at, s.updated_by
            )
        else:
            visible = dict(s.data)
            visible.update(mine)
            self.records[key] = ServerRecord(
                s.collection, s.record_id, s.version, False, visible, s.updated_at, s.updated_by
            )
        self.set_base(base, Base(s.collection, s.record_id, s.version, False, dict(s.data)))
        return True

    def _new(self, s: Incoming) -> None:
        """A record never seen here, with no local edit: shown and based as the server has it
        (``data`` shared by both: neither is changed afterwards)."""
        assert s.data is not None
        self.records[(s.collection, s.record_id)] = ServerRecord(
            s.collection, s.record_id, s.version, False, s.data, s.updated_at, s.updated_by
        )
        self.set_base(None, Base(s.collection, s.record_id, s.version, False, s.data))

    def _put_conflict(
        self,
        old: Conflict | None,
        s: Incoming,
        fields: dict[str, Any],
        mine: dict[str, Any] | None = None,
        kind: str = "fields",
    ) -> None:
        """Open (or replace ``old`` with) the conflict of ``s``'s record, at its version."""
        if old is None:
            self.report.conflicts += 1
        deleted = kind == "deleted_by_server"
        self.tx.conflicts.put(
            Conflict(s.collection, s.record_id, s.version, deleted, fields, mine, kind=kind)
        )

    def _deleted_by_server(
        self, s: Incoming, base: Base | None, ops: list[OutboxOp], conflict: Conflict | None
    ) -> None:
        """Someone else deleted it: queued edits (and values a person had still to choose
        between) become an edit against deletion, then the rest is erased."""
        if conflict is not None and conflict.kind == "deleted_by_server":
            pass  # already a person's to decide (a re-pull brings the same deletion again)
        elif any(op.kind == "delete" for op in ops):
            if conflict is not None:  # deleted on both sides: nothing left to choose
                self.drop_conflicts.append(s.key)
        else:
            edits = _mine(ops, conflict)
            if edits:
                before = base.data if base is not None and base.data else {}
                mine = dict(before)
                mine.update(edits)
                fields = {
                    name: {"mine": value, "theirs": None, "base": before.get(name)}
                    for name, value in edits.items()
                }
                self._put_conflict(conflict, s, fields, mine, kind="deleted_by_server")
            elif conflict is not None:
                self.drop_conflicts.append(s.key)
        self.drop_ops.extend(op.seq for op in ops)
        self.records[s.key] = ServerRecord(
            s.collection, s.record_id, s.version, True, None, s.updated_at, s.updated_by
        )
        self.set_base(base, Base(s.collection, s.record_id, s.version, True, None))

    def vanished(
        self, key: Key, base: Base | None, ops: list[OutboxOp], conflict: Conflict | None
    ) -> bool:
        """A record a re-pull from the start did not bring: the server no longer has it at
        all (its tombstone expired, or it left the scope). Erased, unless created here and
        not sent yet; edits on it become an edit against deletion for a person, as when the
        server deletes it. False when kept."""
        if any(op.kind == "create" for op in ops) and (base is None or base.deleted):
            # not sent yet: shown as its edits make it (a row damaged here comes back)
            deleting = any(op.kind == "delete" for op in ops)
            data = None if deleting else overlay(None, ops)
            self.records[key] = ServerRecord(key[0], key[1], None, deleting, data)
            return False
        version = base.version if base is not None else 0
        gone = Incoming(key[0], key[1], version, True, None)
        self._deleted_by_server(gone, base, ops, conflict)
        self.records.pop(key, None)
        self.erase.append(key)
        self.set_base(self.bases.get(key), None)
        return True

    # --- writing ---------------------------------------------------------------------------
    def flush(self) -> None:
        """Write everything gathered, in this transaction."""
        tx = self.tx
        if self.drop_ops:
            tx.outbox.remove(self.drop_ops)
        if self.drop_conflicts:
            tx.conflicts.delete_many(self.drop_conflicts)
        if self.erase:
            tx.records.erase_many(self.erase)
        erased = set(self.erase)
        records = [r for k, r in self.records.items() if k not in erased]
        if records:
            tx.records.put_many(records)
        if self.drop_bases:
            tx.bases.delete_many(self.drop_bases)
        if self.bases:
            tx.bases.put_many(list(self.bases.values()))
