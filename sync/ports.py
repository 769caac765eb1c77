"""What the sync engine needs from the local working copy, as Protocols (no store import).

The engine (``sync/engine.py``) talks to the working copy only through these. The desktop
fulfils them in ``offa_desktop/ops/sync/adapter.py`` (a mapping over the SQL of
``offa_desktop/store/replica.py``); tests may fulfil them in memory. Every method is called
inside one :class:`SyncTransaction`: what the engine does in one transaction (a pulled page and
its cursor, a push answer and the outbox update) commits or rolls back as a whole.

Records travel as API-shaped dicts (``data`` of API.md), keyed by ``(collection, id)``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any, Literal, Protocol

JSON = dict[str, Any]
Key = tuple[str, str]  # (collection, record id)

OpKind = Literal["create", "update", "delete"]
# pending: to send; rejected / forbidden: the server refused it, kept with its message for the
# user to correct (holds back later ops of its record and of records depending on it).
OpState = Literal["pending", "rejected", "forbidden"]


@dataclass
class OutboxOp:
    """One local edit waiting to reach the server (one edit, one op)."""

    seq: int  # the order edits were made in; oldest first
    op_id: str
    collection: str
    record_id: str
    kind: OpKind
    base_version: int | None
    fields: JSON
    created_at: str = ""
    state: OpState = "pending"
    error: str | None = None  # the server's French message (rejected / forbidden)
    errors: list[JSON] | None = None  # the server's {field, code, message} list (rejected)
    resolution: JSON | None = None  # a person's choice after a conflict (API.md)

    @property
    def key(self) -> Key:
        return (self.collection, self.record_id)


@dataclass
class Base:
    """The last server state of a record known locally: what three-way merges start from."""

    collection: str
    record_id: str
    version: int
    deleted: bool
    data: JSON | None

    @property
    def key(self) -> Key:
        return (self.collection, self.record_id)


@dataclass
class ServerRecord:
    """A record as the working copy shows it: server state with local edits on top.

    ``version`` is the last server version (None for a record never acknowledged).
    """

    collection: str
    record_id: str
    version: int | None
    deleted: bool
    data: JSON | None
    updated_at: str | None = None
    updated_by: str | None = None


@dataclass
class Conflict:
    """What a person must decide: same-field edits, or an edit against a deletion.

    ``fields`` maps a field name to ``{"mine": ..., "theirs": ..., "base": ...}``. When the
    server deleted the record, ``server_deleted`` is true and ``mine`` holds the local record
    (its ops are gone: the conflict keeps the edited values).
    """

    collection: str
    record_id: str
    server_version: int
    server_deleted: bool
    fields: dict[str, JSON]
    mine: JSON | None = None  # the whole local record (edit against deletion)
    created_at: str = ""
    # "fields": same field changed on both sides; "deleted_by_server": my edits against their
    # deletion; "deleted_locally": my deletion against their edit.
    kind: str = "fields"

    @property
    def key(self) -> Key:
        return (self.collection, self.record_id)


@dataclass(frozen=True)
class NewOp:
    """An op sync makes itself (a person's resolution), before the outbox numbers it."""

    collection: str
    record_id: str
    kind: OpKind
    base_version: int | None
    fields: JSON
    resolution: JSON | None = None


class Outbox(Protocol):
    """The queue of local edits (written by the store's unit of work, settled by sync)."""

    def unsettled(self) -> list[OutboxOp]:
        """Every op not yet applied by the server (pending, rejected, forbidden), oldest first."""

    def for_records(self, keys: Iterable[Key]) -> dict[Key, list[OutboxOp]]:
        """The unsettled ops of these records, oldest first, by record."""

    def update(self, op: OutboxOp) -> None:
        """Write back an op's op_id, kind, base_version, fields, state, error(s), resolution."""

    def remove(self, seqs: Sequence[int]) -> None:
        """Drop ops (applied by the server, or settled by a person's choice)."""

    def append(self, op: NewOp) -> OutboxOp:
        """Queue a new op made by sync itself (a person's resolution); the op as queued."""


class ChangeApplier(Protocol):
    """Writes what users see: records (with search entries), without touching the outbox."""

    def put_many(self, records: Sequence[ServerRecord]) -> None:
        """Insert or replace these records (tombstones: ``deleted`` true, ``data`` None)."""

    def erase_many(self, keys: Sequence[Key]) -> None:
        """Remove records entirely (data and search entries): out of scope, or re-pulled away."""

    def get(self, collection: str, record_id: str) -> ServerRecord | None:
        """The record as shown locally (local edits included)."""

    def get_many(self, keys: Iterable[Key]) -> dict[Key, ServerRecord]:
        """The records held locally among ``keys``, as shown (local edits included)."""

    def keys(self, collection: str) -> set[str]:
        """The ids of every record of a collection held locally (tombstones included)."""

    def versions(self, collection: str) -> Iterator[tuple[str, int]]:
        """``(id, version)`` of every record the copy says the server holds live, read from
        the records themselves (live with a server version, or deleted by an unsent edit):
        this copy's side of API.md's checksum."""

    def suspects(self, collection: str, thorough: bool = False) -> list[str]:
        """Ids of records that do not hold what the server last sent (their base) while no
        unsent edit or open conflict explains it: a record or base missing, another version or
        liveness; ``thorough``: any field value too (slower: every base decoded)."""


class BaseSnapshots(Protocol):
    """The last server state of each record (table ``base``)."""

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Base]:
        """The bases of those records that have one."""

    def put_many(self, bases: Sequence[Base]) -> None:
        """Insert or replace."""

    def delete_many(self, keys: Sequence[Key]) -> None:
        """Forget these bases."""

    def live_versions(self, collection: str) -> Iterator[tuple[str, int]]:
        """``(id, version)`` of every live (not deleted) base of a collection."""

    def none(self) -> bool:
        """True when no record has a base (a copy that never took a server record)."""


class CursorStore(Protocol):
    """Small sync state (table ``sync_state``): cursor, checksums, server and account facts."""

    def get(self, name: str) -> str | None:
        """A stored value, None when absent."""

    def put(self, name: str, value: str | None) -> None:
        """Store a value (None removes it)."""


class ConflictStore(Protocol):
    """Conflicts waiting for a person (table ``conflicts``); one per record at most."""

    def all(self) -> list[Conflict]:
        """Every open conflict."""

    def get_many(self, keys: Iterable[Key]) -> dict[Key, Conflict]:
        """The open conflicts of these records."""

    def put(self, conflict: Conflict) -> None:
        """Insert or replace the conflict of a record."""

    def delete_many(self, keys: Sequence[Key]) -> None:
        """Close conflicts."""


class SyncTransaction(Protocol):
    """One local transaction: everything done through it commits together or not at all."""

    @property
    def outbox(self) -> Outbox: ...

    @property
    def records(self) -> ChangeApplier: ...

    @property
    def bases(self) -> BaseSnapshots: ...

    @property
    def state(self) -> CursorStore: ...

    @property
    def conflicts(self) -> ConflictStore: ...

    def defer_derived(self, records: int = 0, indexes_aside: bool = False) -> None:
        """Bulk hook, for a large page of a first sync or a re-pull: the store may set aside
        the upkeep of its derived data (search index, list keys) until this transaction ends,
        flagging it stale in the same transaction, so :meth:`SyncStore.rebuild_derived` redoes
        it set-based after the last page; ``records``: about how many the whole load brings
        (the store may size its caches for them); ``indexes_aside``: a large first sync into a
        copy that held no server record, whose indexes the store may build once at the rebuild
        instead of row by row. A store without derived data does nothing."""

    def take_new(
        self, changes: Sequence[Mapping[str, Any]], prepared: Sequence[Any] | None = None
    ) -> None:
        """Pulled changes (API.md's change objects, live, of known collections, one per
        record) of records this copy has never seen and holds no edit or conflict of: each
        written as the server sent it, and as its base, as :meth:`sync.merge.Absorber.absorb`
        would, without an object per record (most of a first sync). ``prepared``: what
        :meth:`SyncStore.prepare_new` gave for these changes, in their order."""


class SyncStore(Protocol):
    """The working copy as sync sees it."""

    def transaction(self) -> AbstractContextManager[SyncTransaction]:
        """A transaction that commits on normal exit and rolls back on an exception."""

    def prepare_new(self, changes: Sequence[Mapping[str, Any]]) -> Sequence[Any]:
        """What :meth:`SyncTransaction.take_new` would compute of each change (in their
        order), computed ahead without a transaction: called on the thread that fetched a page
        of a bulk pull, while the page before is written."""

    def snapshot(self) -> AbstractContextManager[SyncTransaction]:
        """A read-only view of what is committed, on a connection of its own that takes no
        write lock: it may be read on another thread while a transaction writes (nothing may
        be written through it)."""

    def rebuild_derived(self) -> bool:
        """Bulk hook, after the last page: the derived data deferred by
        :meth:`SyncTransaction.defer_derived` rebuilt in one transaction and the stale flag
        cleared (also after a kill, the flag having committed with the pages). A no-op when
        nothing is flagged; True when it ran."""


class TokenVault(Protocol):
    """Where the token pairs go when no secure keyring exists: a place the desktop keeps
    encrypted (its working copy, ``offa_desktop/ops/protection/tokens.py``), never a plain
    file. ``value`` is the pair as JSON text; None forgets it."""

    def read(self, name: str) -> str | None: ...

    def write(self, name: str, value: str | None) -> None: ...


@dataclass
class Progress:
    """Where a sync stands: ``phase`` is "push", "documents", "pull" or "resync"."""

    phase: str
    done: int
    total: int


@dataclass
class SyncReport:
    """What one ``sync_once`` did (the headless ``sync`` summary, and the UI's status)."""

    pushed: int = 0
    applied: int = 0
    conflicts: int = 0
    rejected: int = 0
    forbidden: int = 0
    pulled: int = 0
    resynced: int = 0
    documents: int = 0  # attached files sent
    documents_refused: int = 0  # attached files the server refused (kept for the next sync)
    changed: dict[str, set[str]] = field(default_factory=dict)  # collection -> ids touched
    everything: bool = False  # a first sync or a re-pull: refresh every list
    checked: bool = False  # the copy was compared with the server (due, or asked for)
    # collection -> ids of records the check found wrong and made equal to the server again
    repaired: dict[str, set[str]] = field(default_factory=dict)
    # collection -> ids of records that left the user's scope and were erased here (a learner
    # who moved to another operator)
    left_scope: dict[str, set[str]] = field(default_factory=dict)

    def touch(self, collection: str, record_id: str) -> None:
        self.changed.setdefault(collection, set()).add(record_id)

    def summary(self) -> dict[str, Any]:
        return {
            "ok": True,
            "pushed": self.pushed,
            "applied": self.applied,
            "conflicts": self.conflicts,
            "rejected": self.rejected,
            "forbidden": self.forbidden,
            "pulled": self.pulled,
            "resynced": self.resynced,
            "repaired": {c: len(ids) for c, ids in sorted(self.repaired.items()) if ids},
            **({"left_scope": {c: len(ids) for c, ids in sorted(self.left_scope.items())}}
               if self.left_scope else {}),
        }


def overlay(data: Mapping[str, Any] | None, ops: Iterable[OutboxOp]) -> JSON:
    """``data`` with the fields of these ops applied in order (a create replaces the whole)."""
    result: JSON = dict(data or {})
    for op in ops:
        if op.kind == "create":
            result = dict(op.fields)
        elif op.kind == "update":
            result.update(op.fields)
    return result
