"""Issue 12, situation 2: the integrity check repairs what it finds.

The client's side of the comparison is computed from the rows actually in the copy; a mismatch
re-pulls the collection and makes the copy equal to the server for it (rows missing come back,
rows changed behind the app's back are restored, rows the server does not have are erased),
unsent edits and open conflicts kept on top; the stored checksum is taken from the repaired copy.
The damage is done with sqlite3 while the app is closed, as a disk, a backup or a hand would.
"""

from __future__ import annotations

import json
import random
import sqlite3
import uuid
from pathlib import Path
from typing import Any

from offa_desktop import paths
from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from sync.client import ApiClient
from tests import keyed
from tests.sync.data import company, tutor, value
from tests.sync.harness import Device, Server, api, server_state


def _device(server: Server, root: Path, name: str) -> Device:
    username = f"{name}-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, server.url)
    device.login()
    device.sync_until_done()
    return device


def _company_with_tutors(d: Device, rng: random.Random, n: int = 3) -> tuple[str, list[str]]:
    cid: str = d.edit(lambda u: u.create("companies", company(rng)))
    tids = [d.edit(lambda u: u.create("tutors", tutor(rng, cid))) for _ in range(n)]
    d.sync_until_done()
    return cid, tids


def _raw(d: Device) -> sqlite3.Connection:
    """The working copy opened behind the app's back (the app is closed)."""
    d.close()
    return keyed.connect(paths.working_copy_path(d.folder), isolation_level=None)


def _check_due(db: sqlite3.Connection) -> None:
    """A day later: the next sync's check is due."""
    db.execute("UPDATE sync_state SET value = ? WHERE key = 'checksum_at'", (json.dumps("0"),))


def server_checksums(client: ApiClient) -> dict[str, dict[str, Any]]:
    cursor = None
    while True:
        page = client.pull(cursor, 5000, checksum=True)
        cursor = page["cursor"]
        if not page["has_more"]:
            return dict(page["checksum"])


def _stored_checksums(d: Device) -> dict[str, dict[str, Any]]:
    stored = {}
    with d.working_copy() as wc, StoreSyncAdapter(wc).transaction() as tx:
        for name in ("companies", "tutors"):
            count, _, digest = (tx.state.get(f"checksum:{name}") or "0:").partition(":")
            stored[name] = {"count": int(count), "hash": digest}
    return stored


def test_a_row_lost_behind_the_apps_back_is_restored(
    server: Server, tmp_path: Path, seed: int
) -> None:
    """Issue 12 situation 2: a row deleted and a stored checksum made wrong, app closed."""
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    _cid, tids = _company_with_tutors(a, rng)
    lost = tids[1]
    db = _raw(a)
    db.execute("DELETE FROM tutors WHERE id = ?", (lost,))
    wrong = json.dumps("2:" + "ab" * 32)
    db.execute("UPDATE sync_state SET value = ? WHERE key = 'checksum:tutors'", (wrong,))
    _check_due(db)
    db.close()
    done = a.sync()  # the headless command, in a child process
    assert done.status == 0, done.stderr
    checker = api(server.url, a.username)
    records, ops, conflicts = a.dump()
    assert records == server_state(checker)  # the row is back
    assert ops == [] and conflicts == []
    assert done.summary()["repaired"] == {"tutors": 1}, done.summary()
    log = (a.folder / "logs" / "offa-desktop.log").read_text("utf-8")
    assert lost in log
    on_server = server_checksums(checker)
    assert _stored_checksums(a) == {k: on_server[k] for k in ("companies", "tutors")}
    # Every later check passes: nothing left to repair.
    again = a.run("sync", "--verify")
    assert again.status == 0 and again.summary()["repaired"] == {}, again.summary()


def test_verify_restores_changed_rows_erases_strays_and_keeps_local_work(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    b = _device(server, tmp_path, "b")
    cid, tids = _company_with_tutors(a, rng, 4)
    b.sync_until_done()
    # An open conflict on the company and an unsent edit it holds back: both to keep.
    theirs, mine = value(rng, "Nom B"), value(rng, "Nom A")
    b.edit(lambda u: u.update("companies", cid, {"name": theirs}))
    b.sync_until_done()
    a.edit(lambda u: u.update("companies", cid, {"name": mine}))
    assert a.sync_until_done()["conflicts"] == 1
    typed = f"{uuid.uuid4().hex[:8]}@exemple.be"
    a.edit(lambda u: u.update("companies", cid, {"email": typed}))
    db = _raw(a)
    # A hand edit keeping the version, an old version (a restored backup), a stray row, and
    # the record under local work overwritten.
    db.execute("UPDATE tutors SET last_name = 'Vandale' WHERE id = ?", (tids[1],))
    db.execute("UPDATE tutors SET version = version - 1 WHERE id = ?", (tids[2],))
    db.execute("UPDATE companies SET name = 'Écrasé', email = NULL WHERE id = ?", (cid,))
    stray = str(uuid.uuid4())
    columns = [r[1] for r in db.execute("PRAGMA table_info(tutors)")]
    names = ", ".join(columns)
    picked = ", ".join("?" if c == "id" else c for c in columns)
    db.execute(f"INSERT INTO tutors ({names}) SELECT {picked} FROM tutors WHERE id = ?",
               (stray, tids[3]))  # fmt: skip
    db.close()
    done = a.run("sync", "--verify")
    assert done.status == 0, done.stderr
    summary = done.summary()
    assert summary["repaired"] == {"tutors": 3, "companies": 1}, summary
    assert summary["pushed"] == 0, summary  # held back by the conflict
    log = (a.folder / "logs" / "offa-desktop.log").read_text("utf-8")
    assert all(i in log for i in (tids[1], tids[2], stray, cid))
    checker = api(server.url, a.username)
    state = server_state(checker)
    records, ops, conflicts = a.dump()
    assert ("tutors", stray) not in records
    assert {k: v for k, v in records.items() if k != ("companies", cid)} == {
        k: v for k, v in state.items() if k != ("companies", cid)
    }
    shown = records[("companies", cid)]
    assert shown["version"] == state[("companies", cid)]["version"]
    assert shown["data"] == state[("companies", cid)]["data"] | {"name": mine, "email": typed}
    assert [c["fields"]["name"]["mine"] for c in conflicts] == [mine]
    assert [c["fields"]["name"]["theirs"] for c in conflicts] == [theirs]
    assert [op["fields"] for op in ops] == [{"name": mine}, {"email": typed}]
    assert a.run("sync", "--verify").summary()["repaired"] == {}
    # The person decides; everything converges and every check passes.
    with a.working_copy() as wc:
        from sync.resolve import resolve_conflict

        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "mine")
    a.sync_until_done()
    state = server_state(checker)
    assert state[("companies", cid)]["data"]["name"] == mine
    assert state[("companies", cid)]["data"]["email"] == typed
    assert a.dump()[0] == state
    assert a.run("sync", "--verify").summary()["repaired"] == {}
    on_server = server_checksums(checker)
    assert _stored_checksums(a) == {k: on_server[k] for k in ("companies", "tutors")}


def test_a_repair_killed_midway_finishes_at_the_next_sync(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    _cid, tids = _company_with_tutors(a, rng, 3)
    db = _raw(a)
    db.execute("DELETE FROM tutors WHERE id IN (?, ?)", (tids[0], tids[2]))
    db.close()
    killed = a.run(
        "sync", "--verify", crash_at="resync_page_applied_before_commit:1",
        extra_env={"OFFA_SYNC_PAGE_SIZE": "3"},
    )  # fmt: skip
    assert killed.killed, killed.stderr
    done = a.sync()
    assert done.status == 0, done.stderr
    assert a.dump()[0] == server_state(api(server.url, a.username))
    assert a.run("sync", "--verify").summary()["repaired"] == {}


def test_a_sound_copy_has_nothing_to_repair(tmp_path: Path) -> None:
    """No false alarm: the demo's every collection (money, JSON, lists, dates, booleans),
    synced from the real server, then local work of every kind on top, checks clean."""
    from datetime import date, timedelta

    from offa_desktop.demo.accounts import account
    from offa_desktop.domain.schema import COLLECTIONS
    from offa_desktop.ops.sync.session import start_demo
    from offa_desktop.store import queries

    demo = start_demo(tmp_path, size=30)
    try:
        session = demo.session
        offa = account("offa")  # every collection, incentive claims included
        session.login(demo.base_url, offa.username, offa.password)
        engine = session.engine()
        engine.verify = True
        report = engine.sync_once()
        assert report.checked and report.repaired == {}
        # One field of one record of each working collection changed by hand, each of
        # another kind where the collection has one: every one found and restored.
        damaged = _damage_one_field_each(paths.working_copy_path(session.folder))
        report = engine.sync_once()
        assert {c: len(i) for c, i in report.repaired.items()} == dict.fromkeys(damaged, 1)
        assert {c: sorted(i) for c, i in report.repaired.items()} == {
            c: [i] for c, i in damaged.items()
        }
        assert engine.sync_once().repaired == {}
        with session.wc.session() as db:
            ctx = queries.StoreContext(db)
            contract_id, contract = next(
                (i, c) for i, c in ctx.find("contracts") if c["status"] == "active"
            )
            company_id, _ = ctx.find("companies")[0]
            learner_id, _ = ctx.find("learners")[0]
        day = max(date.fromisoformat(contract["start_date"]), date.today() - timedelta(days=3))
        with session.wc.unit_of_work() as uow:
            uow.update("companies", company_id, {"phone": "02 555 12 34"})
            uow.update("learners", learner_id, {"city": "Liège"})
            uow.create("companies", company(random.Random(7)))
            uow.create(
                "contract_events",
                {
                    "contract_id": contract_id,
                    "kind": "suspension",
                    "effective_date": day.isoformat(),
                    "reason_code": "illness",
                    "details": {
                        "end_date": (day + timedelta(days=20)).isoformat(),
                        "company_pays_days": 7,
                    },
                },
            )
        with session.store.transaction() as tx:
            found = {c: tx.records.suspects(c, True) for c in COLLECTIONS}
        assert {c: ids for c, ids in found.items() if ids} == {}
        report = engine.sync_once()
        assert report.applied == 4 and report.repaired == {}, report.summary()
    finally:
        demo.stop()


def _damage_one_field_each(path: Path) -> dict[str, str]:
    """With sqlite3: in each working collection, one record's field of the rarest kind it has
    gets another value. Returns collection -> the id damaged."""
    from offa_desktop.domain.schema import COLLECTIONS, WORKING_COLLECTIONS, Kind

    rank = [Kind.JSON, Kind.REFS, Kind.MONEY, Kind.HOURS, Kind.BOOL, Kind.DATE, Kind.INT]
    damaged: dict[str, str] = {}
    db = keyed.connect(path, isolation_level=None)
    try:
        for collection in WORKING_COLLECTIONS:
            fields = sorted(
                COLLECTIONS[collection].fields,
                key=lambda f: rank.index(f.kind) if f.kind in rank else len(rank),
            )
            for f in fields:
                row = db.execute(
                    f'SELECT id, "{f.name}" FROM {collection} WHERE deleted = 0 '
                    f'AND "{f.name}" IS NOT NULL ORDER BY id LIMIT 1'
                ).fetchone()
                if row is None:
                    continue
                record_id, old = row
                if f.kind in (Kind.JSON, Kind.REFS, Kind.STRINGS):
                    new: Any = json.dumps({"abîmé": True} if old.startswith("{") else ["x"])
                elif isinstance(old, bool | int) and f.kind is Kind.BOOL:
                    new = 1 - int(old)
                elif isinstance(old, int | float):
                    new = old + 1
                else:
                    new = str(old)[:-1] + ("0" if str(old)[-1:] != "0" else "1")
                db.execute(f'UPDATE {collection} SET "{f.name}" = ? WHERE id = ?', (new, record_id))
                damaged[collection] = record_id
                break
    finally:
        db.close()
    return damaged
