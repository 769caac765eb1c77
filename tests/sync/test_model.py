"""Issue 12's model-based multi-client test: three clients and the real reference server on
loopback, driven by Hypothesis through random interleavings of edits (same or different fields,
same or different records), creations, deletions, syncs, a person resolving a conflict (mine,
theirs, a typed value), editing again before resolving, kill -9 in the middle of a sync and a
restart, a row damaged behind the app's back, the daily check and "Vérifier la copie".

Checked after every step: a field's value changes on the server only through an op whose
client had seen the value it replaces, or that carries a person's resolution; every conflict
stays visible until a person resolves it (or the server comes to hold the very value this copy
has, leaving nothing to choose); no op is lost or applied twice; cursors never go back. At the
end of each example every client settles its conflicts and syncs until nothing moves, then
every copy equals the server (dump equality) and every checksum matches.

``make test``: ``OFFA_MODEL_EXAMPLES`` examples (default 20, within 3 minutes here); ``make soak``:
2,000. A failing example is shrunk and printed with the seed that replays it (``OFFA_TEST_SEED``).
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from hypothesis import HealthCheck, reproduce_failure, settings
from hypothesis import seed as hypothesis_seed
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from offa_desktop import paths
from offa_desktop.domain.problems import ValidationError
from offa_desktop.store.tables import BASE, OUTBOX
from offa_desktop.store.uow import RecordNotFound, UnitOfWork
from sync.errors import LoginRequired, ServerError, SyncError
from sync.ports import SyncReport
from sync.repair import checksum_key, copy_checksum, format_checksum
from sync.resolve import NothingToResolve, discard_op, resolve_conflict
from tests.sync.data import company
from tests.sync.harness import PASSWORD, server_state
from tests.sync.model_world import Cluster, Key, Ledger, Made, replay

FIELDS = ("name", "phone", "email", "legal_form")
DEVICE = st.integers(0, 2)
PICK = st.integers(0, 7)
POOL = 5  # companies per example at most
KILL_POINTS = (
    "before_http_push",
    "after_http_push",
    "push_answer_before_outbox",
    "push_settled_before_commit",
    "before_http_pull",
    "after_http_pull",
    "pull_page_applied_before_commit",
    "pull_page_committed",
    "resync_page_applied_before_commit",
    "random time",
)
DAMAGES = ("lose_row", "hand_edit", "old_version", "stray_row", "lose_base")
EXAMPLES = int(os.environ.get("OFFA_MODEL_EXAMPLES", "20"))
STEPS = int(os.environ.get("OFFA_MODEL_STEPS", "25"))
T = TypeVar("T")
STATS: dict[str, int] = {}


def _count(name: str, n: int = 1) -> None:
    STATS[name] = STATS.get(name, 0) + n


class SyncModel(RuleBasedStateMachine):
    """Three clients of one server on a handful of companies."""

    cluster: Cluster

    def __init__(self) -> None:
        super().__init__()
        self.folder = self.cluster.root / f"example-{uuid.uuid4().hex[:8]}"
        self.devices = self.cluster.devices(self.folder)
        checker = self.cluster.checker
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
        _count("examples")

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
            _count("edits refused here")  # deleted here meanwhile, or the domain says no
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
            _count("sync errors")
            return None
        d.note_cursor()
        _count("syncs")
        _count("repaired records", sum(len(ids) for ids in report.repaired.values()))
        _count("conflicts raised", report.conflicts)
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
        _count("conflicts resolved")

    # --- rules ---------------------------------------------------------------------------------
    @initialize()
    def start(self) -> None:
        self.busy = True
        for _ in range(2):
            cid = self._write(0, lambda u: u.create("companies", company(self.rng)))
            assert cid is not None
            self.pool.append(cid)
        for i in range(len(self.devices)):
            assert self._sync(i) is not None
        self.busy = False

    @rule(i=DEVICE, r=PICK, field=st.sampled_from(FIELDS))
    def edit(self, i: int, r: int, field: str) -> None:
        self.busy = True
        key = self._key(r)
        v = self._value(field)
        self._write(i, lambda u: u.update(key[0], key[1], {field: v}))
        _count("edits")
        self.busy = False

    @rule(
        i=DEVICE,
        j=DEVICE,
        r=PICK,
        field=st.sampled_from(FIELDS),
        other=st.sampled_from((*FIELDS, "same")),
    )
    def edit_both(self, i: int, j: int, r: int, field: str, other: str) -> None:
        """Two clients edit one record offline: the same field, or two different ones."""
        self.busy = True
        key = self._key(r)
        second = field if other == "same" else other
        for device, name in ((i, field), (j if j != i else (i + 1) % 3, second)):
            v = self._value(name)
            self._write(device, lambda u, n=name, v=v: u.update(key[0], key[1], {n: v}))
        _count("edits", 2)
        self.busy = False

    @precondition(lambda self: len(self.pool) < POOL)
    @rule(i=DEVICE)
    def create(self, i: int) -> None:
        self.busy = True
        cid = self._write(i, lambda u: u.create("companies", company(self.rng)))
        if cid is not None:
            self.pool.append(cid)
        _count("creations")
        self.busy = False

    @rule(i=DEVICE, r=PICK, now=st.booleans())
    def delete(self, i: int, r: int, now: bool) -> None:
        """Delete a company (offa), about half as often as the rule is drawn: a deleted
        record ends what can happen to it."""
        self.busy = True
        if now:
            key = self._key(r)
            self._write(i, lambda u: u.delete(key[0], key[1]))
            _count("deletions")
        self.busy = False

    @rule(i=DEVICE)
    def sync(self, i: int) -> None:
        self.busy = True
        self._sync(i)
        self.busy = False

    @rule(i=DEVICE, k=PICK, choice=st.sampled_from(("mine", "theirs", "edited")))
    def resolve(self, i: int, k: int, choice: str) -> None:
        self.busy = True
        conflicts = self._conflicts(i)
        if conflicts:
            c = conflicts[k % len(conflicts)]
            if c.kind == "fields":
                choices = {
                    name: (choice, self._value(name, "choix") if choice == "edited" else None)
                    for name in c.fields
                }
                self._resolve(i, c.key, choices)
            else:
                self._resolve(i, c.key, "theirs" if choice == "theirs" else "mine")
        self.busy = False

    @rule(i=DEVICE, k=PICK)
    def edit_in_conflict(self, i: int, k: int) -> None:
        """Edit again a field in conflict, before resolving (it stays in conflict)."""
        self.busy = True
        conflicts = [c for c in self._conflicts(i) if c.kind == "fields" and c.fields]
        if conflicts:
            c = conflicts[k % len(conflicts)]
            name = sorted(c.fields)[k % len(c.fields)]
            v = self._value(name)
            if self._write(i, lambda u: u.update(c.collection, c.record_id, {name: v})):
                after = {x.key: x for x in self._conflicts(i)}.get(c.key)
                assert after is not None, "a local edit ended a conflict"
                assert after.fields[name]["mine"] == v, after.fields[name]
                _count("edits in conflict")
        self.busy = False

    @rule(
        i=DEVICE,
        r=PICK,
        field=st.sampled_from(FIELDS),
        point=st.sampled_from(KILL_POINTS),
        n=st.integers(1, 3),
    )
    def kill(self, i: int, r: int, field: str, point: str, n: int) -> None:
        """An edit, then kill -9 of a sync in a child process and the app restarted on the
        same folder (the edit gives the push something to be killed in)."""
        self.busy = True
        d = self.devices[i]
        key = self._key(r)
        v = self._value(field)
        self._write(i, lambda u: u.update(key[0], key[1], {field: v}))
        env = {"OFFA_SYNC_PAGE_SIZE": "2"}
        if point == "random time":
            done = d.run("sync", kill_after=0.02 * n, extra_env=env, reuse=True)
        else:  # the n-th page of a pull; a push of one edit has one batch
            nth = 1 if "push" in point else n
            done = d.run("sync", crash_at=f"{point}:{nth}", extra_env=env, reuse=True)
        assert done.killed or done.status == 0, (point, done.stdout, done.stderr[-3000:])
        _count("kill -9 runs")
        _count("killed", int(done.killed))
        d.close()  # the restart: the working copy opened again (recovery, checks)
        self.busy = False

    @rule(i=DEVICE, r=PICK, damage=st.sampled_from(DAMAGES))
    def damage(self, i: int, r: int, damage: str) -> None:
        """A row damaged behind the app's back (the app closed: a disk, a backup, a hand)."""
        self.busy = True
        d = self.devices[i]
        d.close()
        _, record_id = self._key(r)
        db = sqlite3.connect(paths.working_copy_path(d.folder), isolation_level=None)
        try:
            if damage == "lose_row":
                db.execute("DELETE FROM companies WHERE id = ?", (record_id,))
            elif damage == "hand_edit":
                db.execute("UPDATE companies SET legal_form = 'abîmé' WHERE id = ?", (record_id,))
            elif damage == "old_version":
                db.execute(
                    "UPDATE companies SET version = version - 1 WHERE id = ? AND version > 1",
                    (record_id,),
                )
            elif damage == "lose_base":
                db.execute(
                    "DELETE FROM base WHERE collection = 'companies' AND record_id = ?",
                    (record_id,),
                )
            else:
                columns = [row[1] for row in db.execute("PRAGMA table_info(companies)")]
                picked = ", ".join("?" if c == "id" else c for c in columns)
                db.execute(
                    f"INSERT INTO companies ({', '.join(columns)}) SELECT {picked} "
                    "FROM companies WHERE id = ? AND version IS NOT NULL",
                    (str(uuid.uuid4()), record_id),
                )
        finally:
            db.close()
        _count("damages")
        self.busy = False

    @rule(i=DEVICE)
    def verify(self, i: int) -> None:
        """Synchronisation > Vérifier la copie."""
        self.busy = True
        self._sync(i, verify=True)
        _count("verify syncs")
        self.busy = False

    @rule(i=DEVICE)
    def a_day_later(self, i: int) -> None:
        """The daily check falls due: the next sync compares the copy with the server."""
        self.busy = True
        with self.devices[i].session.store.transaction() as tx:
            tx.state.put("checksum_at", "0")
        self._sync(i)
        self.busy = False

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

    @invariant()
    def nothing_lost_nothing_doubled_no_silent_overwrite(self) -> None:
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
    def teardown(self) -> None:
        try:
            if not self.busy and self.pool:
                self._quiesce()
                _count("examples converged")
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
            self.nothing_lost_nothing_doubled_no_silent_overwrite()
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
        self.nothing_lost_nothing_doubled_no_silent_overwrite()
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
            _count("refused edits discarded")

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


def _run(tmp_path: Path, seed: int, examples: int) -> None:
    cluster = Cluster(tmp_path / "model")
    SyncModel.cluster = cluster
    STATS.clear()
    started = time.monotonic()
    machine: Any = hypothesis_seed(seed)(SyncModel)
    blob = os.environ.get("OFFA_MODEL_REPRODUCE")  # "version:blob" Hypothesis printed
    if blob:
        version, data = blob.split(":", 1)
        machine = reproduce_failure(version, data.encode())(machine)
    try:
        run_state_machine_as_test(
            machine,
            settings=settings(
                max_examples=examples,
                stateful_step_count=STEPS,
                deadline=None,
                database=None,
                suppress_health_check=list(HealthCheck),
                print_blob=True,
            ),
        )
    finally:
        cluster.close()
        elapsed = time.monotonic() - started
        figures = ", ".join(f"{k} {v}" for k, v in sorted(STATS.items()))
        print(f"model: seed {seed}, {elapsed:.0f} s: {figures}")


def test_three_clients_model(tmp_path: Path, seed: int) -> None:
    """Issue 12's proof: a bounded number of examples (``OFFA_MODEL_EXAMPLES``)."""
    _run(tmp_path, seed, EXAMPLES)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("OFFA_SOAK"), reason="soak target: OFFA_SOAK=1")
def test_three_clients_model_soak(tmp_path: Path, seed: int) -> None:
    _run(tmp_path, seed, int(os.environ.get("OFFA_SOAK_EXAMPLES", "2000")))
