"""The three clients of the model test (``tests/sync/test_model.py``) and what is checked of
them: a mixin of the state machine holding the devices, the ledger of the ops they made and the
people's decisions, the helpers its rules use, the invariants checked after every step and the
end of an example (everyone settles and syncs; every copy equals the server, every checksum
matches).

Invariants (``check_step``), from the server's histories and each copy: no op applied twice; a
field changes on the server only through an op whose client had seen the value it replaces, or
carrying a person's resolution (``Ledger.check``); every conflict stays until a person resolves
it, or the server comes to hold this copy's very value (nothing left to choose); no op leaves an
outbox unapplied without a person's choice on its record; cursors never go back.
"""

from __future__ import annotations

import random
import shutil
import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select

from offa_desktop.domain.problems import ValidationError
from offa_desktop.store.tables import BASE, OUTBOX
from offa_desktop.store.uow import RecordNotFound, UnitOfWork
from sync.errors import LoginRequired, ServerError, SyncError
from sync.ports import SyncReport
from sync.repair import checksum_key, copy_checksum, format_checksum
from sync.resolve import NothingToResolve, discard_op, resolve_conflict
from tests.sync.harness import PASSWORD, Device, server_state
from tests.sync.model_world import Cluster, Key, Ledger, Made, replay

T = TypeVar("T")
STATS: dict[str, int] = {}


def count(name: str, n: int = 1) -> None:
    """Figures of a run (printed at its end)."""
    STATS[name] = STATS.get(name, 0) + n


class ModelClients:
    """The clients, the ledger and the checks (mixed into the state machine)."""

    devices: list[Device]

    def setup_clients(self, cluster: Cluster) -> None:
        """Three devices copied from the cluster's templates, and the model's bookkeeping."""
        self.folder = cluster.root / f"example-{uuid.uuid4().hex[:8]}"
        self.devices = cluster.devices(self.folder)
        checker = cluster.checker
        assert checker is not None
        self.checker = checker
        self.ledger = Ledger()
        self.pool: list[str] = []
        self.counter = 0
        # company data only (valid, never seen enterprise numbers); not a choice of the test
        self.rng = random.Random(uuid.uuid4().int)
        self.decided: list[set[Key]] = [set() for _ in self.devices]  # a person chose
        self.deletions: list[set[Key]] = [set() for _ in self.devices]  # edits vs deletion
        self.resolved_now: list[set[Key]] = [set() for _ in self.devices]
        self.before: list[dict[Key, dict[str, Any]]] = [{} for _ in self.devices]
        self.busy = False  # a step or check started and did not finish: the example failed
        count("examples")

    # --- helpers -----------------------------------------------------------------------------
    def _value(self, field: str, tag: str = "") -> str:
        """A value of ``field`` never typed before (an e-mail is an address)."""
        self.counter += 1
        words = [tag or field, str(self.counter), uuid.uuid4().hex[:4]]
        if field == "email":
            return ".".join(words) + "@exemple.be"
        return " ".join(words)

    def _key(self, r: int) -> Key:
        return ("companies", self.pool[r % len(self.pool)])

    def _write(self, i: int, action: Callable[[UnitOfWork], T]) -> T | None:
        """One local edit through the unit of work; its ops go to the ledger. None when the
        edit is refused (the record is gone here, or the domain says no)."""
        wc = self.devices[i].session.wc
        try:
            with wc.unit_of_work() as uow:
                known = self._op_ids(uow)
                result = action(uow)
                made = self._new_ops(uow, known)
        except (RecordNotFound, ValidationError):
            count("edits refused here")  # deleted here meanwhile, or the domain says no
            return None
        for op_id, made_op in made:
            self.ledger.note(op_id, Made(i, *made_op))
        return result

    @staticmethod
    def _op_ids(uow: UnitOfWork) -> set[str]:
        return set(uow.session.execute(select(OUTBOX.c.op_id)).scalars())

    @staticmethod
    def _new_ops(uow: UnitOfWork, known: set[str]) -> list[tuple[str, Any]]:
        """The ops queued besides ``known`` ones (by id: a resolution may drop an emptied op
        and its ``seq`` be given again), with the server version their edit stood on (the
        base's: the one the push sends; the row's when the base is gone)."""
        rows = uow.session.execute(
            select(
                OUTBOX.c.op_id, OUTBOX.c.collection, OUTBOX.c.record_id, OUTBOX.c.kind,
                OUTBOX.c.fields, OUTBOX.c.base_version, OUTBOX.c.resolution,
            ).order_by(OUTBOX.c.seq)
        ).all()  # fmt: skip
        out = []
        for op_id, collection, record_id, kind, fields, version, resolution in rows:
            if op_id in known:
                continue
            base = uow.session.execute(
                select(BASE.c.version).where(
                    BASE.c.collection == collection, BASE.c.record_id == record_id
                )
            ).scalar()
            stood_on = base if base is not None else version
            made = ((collection, record_id), kind, stood_on, dict(fields or {}), bool(resolution))
            out.append((op_id, made))
        return out

    def _sync(self, i: int, *, verify: bool = False) -> SyncReport | None:
        d = self.devices[i]
        try:
            try:
                report = d.session.sync_once(verify=verify)
            except LoginRequired:
                d.session.login(d.server_url, d.username, PASSWORD)
                report = d.session.sync_once(verify=verify)
        except SyncError:
            count("sync errors")
            return None
        d.note_cursor()
        count("syncs")
        count("repaired records", sum(len(ids) for ids in report.repaired.values()))
        count("conflicts raised", report.conflicts)
        return report

    def _conflicts(self, i: int) -> list[Any]:
        with self.devices[i].session.store.transaction() as tx:
            return sorted(tx.conflicts.all(), key=lambda c: (c.created_at, c.record_id))

    def _resolve(self, i: int, key: Key, choices: Any) -> None:
        d = self.devices[i]
        wc = d.session.wc
        with wc.unit_of_work() as uow:
            known = self._op_ids(uow)
        try:
            kept = resolve_conflict(d.session.store, key[0], key[1], choices)
        except NothingToResolve:
            return
        with wc.unit_of_work() as uow:
            made = self._new_ops(uow, known)
        for op_id, made_op in made:
            self.ledger.note(op_id, Made(i, *made_op))
        self.decided[i].add(key)
        self.resolved_now[i].add(key)
        if kept is not None and kept != key[1]:
            self.pool.append(kept)  # restored with my values, as a new record
        count("conflicts resolved")

    # --- invariants ----------------------------------------------------------------------------
    def _histories(self) -> dict[Key, list[dict[str, Any]]]:
        """The server's history of every record of the example (none: not created there)."""
        found: dict[Key, list[dict[str, Any]]] = {}
        for record_id in self.pool:
            try:
                found[("companies", record_id)] = self.checker.history("companies", record_id)
            except ServerError as exc:
                if exc.status != 404:
                    raise
                found[("companies", record_id)] = []
        return found

    def check_step(self) -> None:
        """The invariants, after every step (see the module)."""
        if not self.pool:
            return
        self.busy = True
        histories = self._histories()
        self.ledger.check(histories)
        server = {k: (replay(e)[-1][1] if e else None) for k, e in histories.items()}
        applied = self.ledger.applied(histories)
        for i, d in enumerate(self.devices):
            with d.session.store.transaction() as tx:
                conflicts = {c.key: c for c in tx.conflicts.all()}
                queued = {self.ledger.chain.get(op.op_id, op.op_id) for op in tx.outbox.unsettled()}
                shown = tx.records.get_many(list(self.before[i]))
            for key, c in conflicts.items():
                if c.kind == "deleted_by_server":
                    self.deletions[i].add(key)
            for key, old in self.before[i].items():  # every conflict stays visible...
                if key in conflicts or key in self.resolved_now[i]:
                    continue  # ...until a person resolves it
                record = shown.get(key)
                theirs = server.get(key)
                assert old["kind"] != "deleted_by_server", (i, key, old, "ended by itself")
                if theirs is None:  # deleted on both sides: nothing left to choose
                    assert record is None or record.deleted, (i, key, old)
                    continue
                assert old["kind"] == "fields", (i, key, old, "ended without a person")
                for name in old["fields"]:  # or the server holds this copy's value
                    mine = None if record is None or record.data is None else record.data[name]
                    assert mine == theirs.get(name), (i, key, name, old, mine, theirs)
            self.before[i] = {k: {"kind": c.kind, "fields": c.fields} for k, c in conflicts.items()}
            self.resolved_now[i] = set()
            for op_id, made in self.ledger.made.items():  # no op is lost
                if made.device != i or applied.get(op_id) or op_id in queued:
                    continue
                assert self._settled_otherwise(made, server), (
                    f"client {i}'s op {op_id} on {made.key} ({made.kind} {made.fields}) is "
                    "neither applied nor queued, and no person decided on that record"
                )
            assert d.cursors == sorted(d.cursors), "a cursor went back"
        self.busy = False

    def _settled_otherwise(self, made: Made, server: dict[Key, Any]) -> bool:
        """An op not applied may leave the outbox only by a person's choice on its record
        (a resolution takes over its fields; an edit against deletion keeps its values), or
        when the record is deleted on the server and this client deleted it too."""
        i = made.device
        if made.key in self.decided[i] or made.key in self.deletions[i]:
            return True
        deleted_here = any(
            m.device == i and m.key == made.key and m.kind == "delete"
            for m in self.ledger.made.values()
        )
        return deleted_here and server.get(made.key) is None

    # --- the end of an example -----------------------------------------------------------------
    def finish(self) -> None:
        """The end of an example: quiescence and the final checks, then the folders go."""
        try:
            if not self.busy and self.pool:
                self._quiesce()
                count("examples converged")
        finally:
            for d in self.devices:
                d.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _quiesce(self) -> None:
        """Every person settles every conflict, everyone syncs until nothing moves; then every
        copy equals the server and every checksum matches."""
        choices = ("mine", "theirs", "edited")
        for round_ in range(12):
            for i in range(len(self.devices)):
                self._discard_refused(i)
                for n, c in enumerate(self._conflicts(i)):
                    choice = choices[(round_ + n + i) % 3]
                    if c.kind == "fields":
                        picked = {
                            f: (choice, self._value(f, "fin") if choice == "edited" else None)
                            for f in c.fields
                        }
                        self._resolve(i, c.key, picked)
                    else:
                        self._resolve(i, c.key, "mine" if choice == "mine" else "theirs")
                assert self._sync(i) is not None
            self.check_step()
            if all(self._quiet(i) for i in range(len(self.devices))):
                break
        else:
            left = [self._left(i) for i in range(len(self.devices))]
            raise AssertionError(f"the clients never settled: ops or conflicts keep coming: {left}")
        for i in range(len(self.devices)):
            report = self._sync(i, verify=True)  # every copy checked, repaired if damaged
            assert report is not None and report.checked
        for i in range(len(self.devices)):
            assert self._sync(i) is not None
            assert self._quiet(i), "a verified copy had something left to send"
        self.check_step()
        state = server_state(self.checker)
        server_sums = _server_checksums(self.checker)
        for i, d in enumerate(self.devices):
            records, ops, conflicts = d.dump()
            assert ops == [] and conflicts == [], (i, ops, conflicts)
            assert records == state, f"client {i}'s copy differs from the server"
            with d.session.store.transaction() as tx:
                for collection, theirs in server_sums.items():
                    count, digest = copy_checksum(tx, collection)
                    summed = {"count": count, "hash": f"{digest:064x}"}
                    assert summed == theirs, (i, collection, summed, theirs)
                    stored = tx.state.get(checksum_key(collection))
                    assert stored == format_checksum(count, digest), (i, collection, stored)
        histories = self._histories()
        applied = self.ledger.applied(histories)
        server = {k: (replay(e)[-1][1] if e else None) for k, e in histories.items()}
        for op_id, made in self.ledger.made.items():  # every edit reached the server once...
            if applied.get(op_id) == 1:
                continue  # ...or a person decided on its record
            assert self._settled_otherwise(made, server), (op_id, made)

    def _discard_refused(self, i: int) -> None:
        """A person gives up the edits the server refused ("Modifications refusées"): two
        clients restoring one deleted company, say, the second is a duplicate."""
        d = self.devices[i]
        with d.session.store.transaction() as tx:
            refused = [op for op in tx.outbox.unsettled() if op.state != "pending"]
        for op in refused:
            try:
                discard_op(d.session.store, op.seq)
            except NothingToResolve:
                continue
            self.decided[i].add(op.key)
            count("refused edits discarded")

    def _left(self, i: int) -> dict[str, Any]:
        with self.devices[i].session.store.transaction() as tx:
            ops = [
                (o.kind, o.record_id[:8], o.state, o.fields, o.error) for o in tx.outbox.unsettled()
            ]
            conflicts = [(c.kind, c.record_id[:8], c.fields) for c in tx.conflicts.all()]
        return {"client": i, "ops": ops, "conflicts": conflicts}

    def _quiet(self, i: int) -> bool:
        with self.devices[i].session.store.transaction() as tx:
            return not tx.outbox.unsettled() and not tx.conflicts.all()


def _server_checksums(client: Any) -> dict[str, dict[str, Any]]:
    cursor = None
    while True:
        page = client.pull(cursor, 5000, checksum=True)
        cursor = page["cursor"]
        if not page["has_more"]:
            return dict(page["checksum"])
