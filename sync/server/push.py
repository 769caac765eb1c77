"""``POST /sync/push``: each op settled in API.md's order, in one write transaction.

An op is settled by checks that write nothing until the op is applied, so each op is atomic on
its own and an error that is our fault rolls the whole push back (the client retries it; op ids
make that harmless). Every result with a valid ``op_id`` is stored and given again for a
replayed op. On PostgreSQL a push is settled optimistically, without the version lock, and
settled again under it only when something it read changed meanwhile (``writer.Writer``); on
SQLite it runs under the lock from the start.

When most of a process's recent optimistic pushes had to be settled again (many clients
editing the same records at once: the load benchmark's stress profile re-settled 92 % of them),
the optimistic pass is work thrown away (a push of 20 edits: 10.4 ms CPU settled once, 16.5 ms
settled twice) and the lock is held about as long either way; ``Contention`` then has pushes
take the lock first and settle once, every ``PROBE_EVERY``-th one still optimistic to see when
the crowd has gone. Both ways give the same results: the choice is only of the cheaper one.
"""

from __future__ import annotations

import os
import re
import time
from typing import Any

from sqlalchemy import Connection, Engine, select
from sqlalchemy.exc import IntegrityError

from offa_desktop.domain import overrides
from offa_desktop.domain.effects import side_effects
from offa_desktop.domain.permissions import Write, keys_refusal
from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.domain.scope import scope_moved
from offa_desktop.domain.stamps import stamped
from offa_desktop.domain.validation import blocking, validate_record
from sync.server import scope
from sync.server.models import history, op_results
from sync.server.push_contention import CONTENTION, TRACE_ENV, write_trace
from sync.server.rules import ServerRuleContext
from sync.server.scope import Principal
from sync.server.side_rows import inserting, unnest_insert, write_many
from sync.server.store import Data, dumps, loads
from sync.server.writer import Writer

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
KINDS = ("create", "update", "delete")


def is_uuid(value: Any) -> bool:
    return isinstance(value, str) and UUID_RE.match(value) is not None


def _rejected(op_id: str | None, errors: list[dict[str, str]]) -> dict[str, Any]:
    return {"op_id": op_id, "status": "rejected", "errors": errors}


def _err(field: str, code: str, message: str) -> dict[str, str]:
    return {"field": field, "code": code, "message": message}


def _forbidden(op_id: str, message: str) -> dict[str, Any]:
    return {"op_id": op_id, "status": "forbidden", "message": message}


def push_ops(
    engine: Engine, who: Principal, device: str, ops: list[Any], *, optimistic: bool
) -> list[dict[str, Any]]:
    """Settle and commit one push; its results."""
    with engine.connect() as conn:
        return push_on(conn, who, device, ops, optimistic=optimistic)


def push_on(
    conn: Connection, who: Principal, device: str, ops: list[Any], *, optimistic: bool
) -> list[dict[str, Any]]:
    """``push_ops`` on a connection (the route's, which has just checked the bearer token on
    it: one connection from the pool for the whole request), outside any transaction or in
    one begun by READ COMMITTED reads (the route's bearer check on PostgreSQL). The route
    goes through ``push_group.push_on``, which groups concurrent pushes on PostgreSQL."""
    started = time.perf_counter()
    begun = conn.get_transaction()
    try:
        with begun if begun is not None else conn.begin():
            pusher = Pusher(conn, who, device, optimistic=optimistic and CONTENTION.optimistic())
            pusher.commit = True  # with its writes (PostgreSQL); the block's end then has none
            results = pusher.run(ops)
        if pusher.optimistic:
            CONTENTION.note(pusher.resettled)
        trace = os.environ.get(TRACE_ENV)
        if trace:
            write_trace(trace, pusher.writer, pusher, len(ops), started)
        return results
    except IntegrityError:
        # a concurrent push stored one of these op ids first (a client that resent a push
        # still in flight): settled again under the lock, it returns the stored results
        with conn.begin():
            again = Pusher(conn, who, device)
            again.commit = True
            return again.run(ops)


RESULT_COLUMNS = ("op_id", "user_id", "result", "created_at")
HISTORY_COLUMNS = (
    "collection",
    "record_id",
    "version",
    "at",
    "user_id",
    "user_name",
    "device_id",
    "op_id",
    "kind",
    "before",
    "after",
    "resolution",
)


_RESULTS_ROWS = unnest_insert(op_results, RESULT_COLUMNS)
_HISTORY_ROWS = unnest_insert(history, HISTORY_COLUMNS)


def _insert_results() -> Any:
    return inserting(op_results, RESULT_COLUMNS)


def _insert_history() -> Any:
    return inserting(history, HISTORY_COLUMNS)


def wanted(ops: list[Any]) -> tuple[list[str], list[tuple[str, str]]]:
    """What a push's opening reads fetch: its op ids' stored results, its records."""
    valid = [o for o in ops if isinstance(o, dict)]
    op_ids = [o["op_id"] for o in valid if is_uuid(o.get("op_id"))]
    pairs = [
        (o["collection"], o["id"])
        for o in valid
        if isinstance(o.get("collection"), str)
        and o["collection"] in COLLECTIONS
        and is_uuid(o.get("id"))
    ]
    return op_ids, pairs


def write_rows(w: Writer, stored: list[dict[str, Any]], changes: list[dict[str, Any]]) -> None:
    """A push's (or a group's) writes: op results, history, then the writer's own."""
    write_many(w.conn, "insert op_results", _insert_results, stored, _RESULTS_ROWS)
    write_many(w.conn, "insert history", _insert_history, changes, _HISTORY_ROWS)
    w.finish()


class Pusher:
    """Settles the ops of one push for one caller inside one write transaction."""

    def __init__(
        self,
        conn: Connection,
        who: Principal,
        device_id: str,
        *,
        optimistic: bool = False,
        writer: Writer | None = None,
        seen: dict[str, tuple[str, dict[str, Any]]] | None = None,
    ) -> None:
        # a group's pushes (``push_group``) share one writer, under the lock, and the op
        # results stored or settled before theirs (``seen``: op id -> user id, result)
        self.writer = writer if writer is not None else Writer(conn)
        self.who = who
        self.device_id = device_id
        self.optimistic = optimistic
        self.resettled = False  # settled again under the lock (optimistic, reads changed)
        self.ctx = ServerRuleContext(self.writer)
        self._seen: dict[str, tuple[str, dict[str, Any]]] = {} if seen is None else seen
        self._new: list[dict[str, Any]] = []  # results settled by this push (stored after)
        self._history: list[dict[str, Any]] = []
        self._lead: str | None = None  # PostgreSQL: what the first reads open with (run)
        # Commit with the writes, in their pipeline (``Writer.batch``): the caller's
        # transaction block then finds nothing left to commit.
        self.commit = False

    def run(self, ops: list[Any]) -> list[dict[str, Any]]:
        """Settle and write every op; the caller commits (``engine.begin()``). A concurrent
        push that stored one of these op ids first makes the commit fail (IntegrityError):
        the caller then runs the push again, which returns the stored results."""
        w = self.writer
        if w.conn.dialect.name == "postgresql":
            # taken with the opening reads, in their round trip (``Writer.open_push``); under
            # the lock, index and key rows are kept and the writes sent as one pipeline
            self._lead = "counter" if self.optimistic else "lock"
        elif self.optimistic:
            w.start_optimistic()
        else:
            w.lock()
        results = self._settle_all(ops)
        if self.optimistic and not w.lock_and_check():
            self.resettled = True
            results = self._settle_all(ops)  # under the lock now, on the reads still valid
        stored, changes = self.rows()
        # the writes under the lock in one round trip (PostgreSQL), the commit too if asked
        with w.batch(commit=self.commit):
            write_rows(w, stored, changes)
        return results

    def settle_in_group(self, ops: list[Any]) -> list[dict[str, Any]]:
        """Settle under the lock a group already holds, on the group's writer and opening
        reads (``push_group``); ``rows()`` then gives what to write."""
        self._new.clear()
        self._history.clear()
        return [self.settle(op) for op in ops]

    def rows(self) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """The op results to store and the history rows, versions final."""
        w = self.writer
        shifted: set[int] = set()
        for result in self._new:
            if id(result) not in shifted and isinstance(result.get("version"), int):
                shifted.add(id(result))
                result["version"] = w.final(result["version"])
        stored = [
            {
                "op_id": result["op_id"],
                "user_id": self.who.user_id,
                "result": dumps(result),
                "created_at": w.now,
            }
            for result in self._new
        ]
        for row in self._history:
            row["version"] = w.final(row["version"])
        return stored, self._history

    def _settle_all(self, ops: list[Any]) -> list[dict[str, Any]]:
        self._seen.clear()
        self._new.clear()
        self._history.clear()
        self._prefetch(ops)
        return [self.settle(op) for op in ops]

    def _prefetch(self, ops: list[Any]) -> None:
        op_ids, pairs = wanted(ops)
        if self.writer.conn.dialect.name == "postgresql":
            lead, self._lead = self._lead, None  # the lead statement goes with the first reads
            for op_id, user_id, result in self.writer.open_push(lead, op_ids, pairs):
                self._seen[op_id] = (user_id, loads(result))
            return
        for start in range(0, len(op_ids), 500):
            rows = self.writer.conn.execute(
                select(op_results.c.op_id, op_results.c.user_id, op_results.c.result).where(
                    op_results.c.op_id.in_(op_ids[start : start + 500])
                )
            )
            for row in rows:
                self._seen[row.op_id] = (row.user_id, loads(row.result))
        self.writer.prefetch(pairs)

    def settle(self, op: Any) -> dict[str, Any]:
        if not isinstance(op, dict):
            return _rejected(None, [_err("", "malformed", "L'opération doit être un objet JSON.")])
        op_id = op.get("op_id")
        if not isinstance(op_id, str) or not is_uuid(op_id):
            return _rejected(
                op_id if isinstance(op_id, str) and len(op_id) <= 100 else None,
                [_err("op_id", "malformed", "L'identifiant d'opération doit être un UUID.")],
            )
        stored = self._seen.get(op_id)
        if stored is not None:  # 1. idempotent
            if stored[0] == self.who.user_id:
                return stored[1]
            return _forbidden(op_id, "Cet identifiant d'opération appartient à un autre compte.")
        result = self._settle_new(op_id, op)
        self._seen[op_id] = (self.who.user_id, result)
        self._new.append(result)
        return result

    def _shape(self, op: dict[str, Any]) -> list[dict[str, str]]:
        errors = []
        collection, kind = op.get("collection"), op.get("kind")
        if not isinstance(collection, str) or collection not in COLLECTIONS:
            errors.append(_err("collection", "malformed", "Collection inconnue."))
        if not is_uuid(op.get("id")):
            errors.append(_err("id", "malformed", "L'identifiant de la fiche doit être un UUID."))
        if kind not in KINDS:
            errors.append(_err("kind", "malformed", "Le type doit être create, update ou delete."))
        base = op.get("base_version")
        if kind == "create" and base is not None:
            errors.append(_err("base_version", "malformed", "Une création n'a pas de version."))
        if kind in ("update", "delete") and (
            not isinstance(base, int) or isinstance(base, bool) or base < 0
        ):
            errors.append(
                _err("base_version", "malformed", "La version de base doit être un entier.")
            )
        fields = op.get("fields", {} if kind == "delete" else None)
        if not isinstance(fields, dict):
            errors.append(_err("fields", "malformed", "Les champs doivent être un objet JSON."))
        elif kind == "delete" and fields:
            errors.append(_err("fields", "malformed", "Une suppression n'a pas de champs."))
        resolution = op.get("resolution")
        if resolution is not None and not isinstance(resolution, dict):
            errors.append(_err("resolution", "malformed", "La résolution doit être un objet JSON."))
        if errors or not isinstance(fields, dict) or not isinstance(collection, str):
            return errors
        known = COLLECTIONS[collection].by_name
        return [
            _err(name, "unknown_field", f"Champ inconnu : « {name[:100]} ».")
            for name in fields
            if name not in known
        ]

    def _settle_new(self, op_id: str, op: dict[str, Any]) -> dict[str, Any]:
        errors = self._shape(op)  # 2. malformed, unknown field
        if errors:
            return _rejected(op_id, errors)
        collection: str = op["collection"]
        record_id: str = op["id"]
        kind: str = op["kind"]
        fields: Data = op.get("fields") or {}
        w, who = self.writer, self.who
        existing = w.get(collection, record_id)
        old_keys = w.keys_of(collection, record_id) if existing else None
        previous = existing.data if existing and not existing.deleted else None
        # 3. forbidden
        if existing is not None and old_keys is not None and not who.reads(old_keys):
            return _forbidden(op_id, "Cette fiche est hors de votre périmètre.")
        if kind == "create":
            created: Data = {name: None for name in COLLECTIONS[collection].field_names}
            created.update(fields)
            data: Data | None = created
        elif kind == "update":
            data = {**(previous or {}), **fields}
        else:
            data = None
        if data is not None and (kind == "create" or previous is not None):
            # What the writer stores itself, as the client did (domain.stamps): this stamp,
            # with the authenticated user and the server's clock, is the one kept.
            data = stamped(collection, data, previous, self.ctx, by=who.user_id, at=w.now,
                           record_id=record_id)  # fmt: skip
            refused = overrides.role_refusal(who.role, collection, data, previous)
            if refused is not None:  # an override the role may not make
                return _forbidden(op_id, refused)
        moved = scope_moved(collection, previous, data)
        new_keys = (
            scope.keys_for(w, collection, record_id, data)
            if data is not None and (moved or old_keys is None)
            else old_keys
        )
        write = Write(collection, kind, record_id, previous, data)
        refused = keys_refusal(who, write, old_keys=old_keys, new_keys=new_keys)
        if refused is not None:
            return _forbidden(op_id, refused)
        if existing is None and kind != "create":  # 4. not found
            return _rejected(op_id, [_err("id", "not_found", "Cette fiche n'existe pas.")])
        if existing is not None and (  # 5. conflict
            kind == "create" or op.get("base_version") != existing.version
        ):
            server_data = who.project(collection, existing.data) if existing.data else None
            return {
                "op_id": op_id,
                "status": "conflict",
                "server": {
                    "version": existing.version,
                    "deleted": existing.deleted,
                    "data": server_data,
                },
            }
        if existing is not None and existing.deleted:
            return _rejected(op_id, [_err("id", "not_found", "Cette fiche a été supprimée.")])
        if data is None:  # 6. domain rules: a delete is refused while referred to
            users = [c for c, _i, _f in w.referrers(record_id)]
            if users:
                return _rejected(
                    op_id,
                    [_err("", "in_use", "Cette fiche est encore utilisée par d'autres fiches.")],
                )
        else:
            # the client's rules and messages (uniqueness included); warnings never block
            found = validate_record(
                collection, data, previous=previous, ctx=self.ctx, record_id=record_id
            )
            problems = blocking(found)
            if problems:
                return _rejected(op_id, [p.to_api() for p in problems])
        version = self.apply(
            collection, record_id, data, previous, op_id=op_id, resolution=op.get("resolution")
        )
        if data is not None:
            # the domain's side effects, written by the server itself (op_id null in the history)
            for effect in side_effects(collection, record_id, data, previous, self.ctx):
                self.apply_effect(effect.collection, effect.record_id, effect.kind, effect.fields)
        out_data = who.project(collection, data) if data is not None else None
        return {"op_id": op_id, "status": "applied", "version": version, "data": out_data}

    def apply(
        self,
        collection: str,
        record_id: str,
        data: Data | None,
        previous: Data | None,
        *,
        op_id: str | None,
        resolution: Any = None,
    ) -> int:
        """Write one record with its keys, the cascade of keys it moves, and its history."""
        w = self.writer
        old_keys = w.keys_of(collection, record_id)
        version = w.put(collection, record_id, data, user_id=self.who.user_id)
        fields = scope.SCOPE_FIELDS.get(collection, ())
        moved = (
            previous is None or data is None or any(previous.get(f) != data.get(f) for f in fields)
        )
        if data is not None and (moved or not old_keys):
            new_keys = scope.keys_for(w, collection, record_id, data)
            w.set_keys(collection, record_id, old_keys, new_keys, version)
        if moved:
            scope.refresh(w, scope.dependents(w, collection, record_id, previous, data))
        kind = "create" if previous is None else ("delete" if data is None else "update")
        before, after = previous, data
        if previous is not None and data is not None:
            changed = [k for k in data if data.get(k) != previous.get(k)]
            before = {k: previous.get(k) for k in changed}
            after = {k: data.get(k) for k in changed}
        self._history.append(
            {
                "collection": collection,
                "record_id": record_id,
                "version": version,
                "at": w.now,
                "user_id": self.who.user_id,
                "user_name": self.who.display_name,
                "device_id": self.device_id,
                "op_id": op_id,
                "kind": kind,
                "before": None if before is None else dumps(before),
                "after": None if after is None else dumps(after),
                "resolution": None if resolution is None else dumps(resolution),
            }
        )
        return version

    def apply_effect(self, collection: str, record_id: str, kind: str, fields: Data) -> None:
        """A server-made write (history ``op_id`` null), never refused."""
        existing = self.writer.live(collection, record_id)
        if kind == "create" or existing is None:
            data = {name: None for name in COLLECTIONS[collection].field_names}
            data.update(fields)
            self.apply(collection, record_id, data, None, op_id=None)
        else:
            self.apply(collection, record_id, {**existing, **fields}, existing, op_id=None)
