"""The engine's behaviours, each against the real server subprocess and real working copies."""

from __future__ import annotations

import random
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.ops.sync.session import open_session
from sync.creds import CredentialStore
from sync.errors import Cancelled, SyncBusy
from sync.lock import SyncLock
from sync.ports import NewOp, Progress
from sync.resolve import resolve_conflict, retry_op
from tests.sync.data import company, unit_number, value
from tests.sync.harness import FAST_RETRY, Device, Server, api, histories, server_state


def _device(
    server: Server, root: Path, name: str, role: str = "offa", sectors: tuple[str, ...] = ()
) -> Device:
    username = f"{name}-{uuid.uuid4().hex[:6]}"
    server.user(username, role, sectors)
    device = Device(root / username, username, server.url)
    device.login()
    device.sync_until_done()
    return device


def _new_company(device: Device, rng: random.Random) -> str:
    cid: str = device.edit(lambda u: u.create("companies", company(rng)))
    device.sync_until_done()
    return cid


def _record(device: Device, collection: str, record_id: str) -> dict[str, Any]:
    records, _, _ = device.dump()
    return records[(collection, record_id)]


def test_different_fields_merge_on_their_own(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    b = _device(server, tmp_path, "b")
    cid = _new_company(a, rng)
    b.sync_until_done()
    name = value(rng, "Nom")
    # a count the company does not have yet (seed 953706 drew 77: the edit changed nothing)
    count = 200 + rng.randrange(100)
    a.edit(lambda u: u.update("companies", cid, {"name": name}))
    b.edit(lambda u: u.update("companies", cid, {"employee_count": count}))
    assert a.sync_until_done()["applied"] == 1
    summary = b.sync_until_done()
    assert summary["conflicts"] == 0 and summary["applied"] == 1, summary
    a.sync_until_done()
    theirs = server_state(api(server.url, a.username))[("companies", cid)]
    assert theirs["data"]["name"] == name and theirs["data"]["employee_count"] == count
    assert _record(a, "companies", cid) == theirs == _record(b, "companies", cid)
    seen = histories(api(server.url, a.username), {("companies", cid)})
    assert all(count == 1 for count in seen.values())


def test_same_field_is_a_conflict_for_a_person(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    b = _device(server, tmp_path, "b")
    cid = _new_company(a, rng)
    b.sync_until_done()
    mine, theirs = value(rng, "Mien"), value(rng, "Sien")
    a.edit(lambda u: u.update("companies", cid, {"name": theirs}))
    b.edit(lambda u: u.update("companies", cid, {"name": mine, "employee_count": 5}))
    a.sync_until_done()
    summary = b.sync_until_done()
    assert summary["conflicts"] == 1, summary
    records, ops, conflicts = b.dump()
    assert [c["fields"]["name"]["mine"] for c in conflicts] == [mine]
    assert conflicts[0]["fields"]["name"]["theirs"] == theirs
    assert "version" not in conflicts[0] and all("version" not in op for op in ops)
    assert records[("companies", cid)]["data"]["name"] == mine  # nothing typed is hidden
    # A second sync changes nothing: the record is held until a person decides.
    assert b.sync_until_done()["pushed"] == 0
    edited = value(rng, "Choisi")
    with b.working_copy() as wc:
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, {"name": ("edited", edited)})
    b.sync_until_done()
    state = server_state(api(server.url, a.username))[("companies", cid)]
    assert state["data"]["name"] == edited and state["data"]["employee_count"] == 5
    history = api(server.url, a.username).history("companies", cid)
    resolution = history[-1]["resolution"] or history[-2]["resolution"]
    assert resolution["name"] == {"mine": mine, "theirs": theirs, "choice": "edited"}
    _, ops, conflicts = b.dump()
    assert ops == [] and conflicts == []


def test_edit_against_deletion_keeps_the_edit_in_a_conflict(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    b = _device(server, tmp_path, "b")
    cid = _new_company(a, rng)
    b.sync_until_done()
    a.edit(lambda u: u.delete("companies", cid))
    mine = value(rng, "Modifié")
    b.edit(lambda u: u.update("companies", cid, {"name": mine}))
    a.sync_until_done()
    b.sync_until_done()
    records, ops, conflicts = b.dump()
    assert records[("companies", cid)]["deleted"] is True
    assert ops == []
    assert conflicts[0]["kind"] == "deleted_by_server"
    assert conflicts[0]["fields"]["name"]["mine"] == mine
    assert conflicts[0]["mine"]["name"] == mine


def test_rejected_op_holds_back_only_its_record_and_dependents(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    b = _device(server, tmp_path, "b")
    taken = company(rng)
    a.edit(lambda u: u.create("companies", taken))
    a.sync_until_done()
    clash = company(rng) | {"enterprise_number": taken["enterprise_number"]}
    y = b.edit(lambda u: u.create("companies", clash))
    unit = {
        "company_id": y,
        "unit_number": unit_number(rng),
        "name": "Atelier",
        "street": "Rue de la Loi 16",
        "postal_code": "1000",
        "city": "Bruxelles",
        "region": "bxl",
    }
    u_id = b.edit(lambda u: u.create("establishment_units", unit))
    z = b.edit(lambda u: u.create("companies", company(rng)))
    summary = b.sync_until_done()
    assert summary["rejected"] == 1 and summary["applied"] == 1, summary
    state = server_state(api(server.url, a.username))
    assert ("companies", z) in state
    assert ("companies", y) not in state and ("establishment_units", u_id) not in state
    _, ops, _ = b.dump()
    refused = [op for op in ops if op["state"] == "rejected"]
    assert [op["id"] for op in refused] == [y]
    assert "déjà" in (refused[0]["error"] or "") or refused[0]["errors"]
    # The person corrects the number and sends it again: both records go.
    b.edit(
        lambda u: u.update("companies", y, {"enterprise_number": company(rng)["enterprise_number"]})
    )
    with b.working_copy() as wc:
        store = StoreSyncAdapter(wc)
        with store.transaction() as tx:
            seq = next(op.seq for op in tx.outbox.unsettled() if op.state == "rejected")
        retry_op(store, seq)
    summary = b.sync_until_done()
    assert summary["rejected"] == 0, summary
    state = server_state(api(server.url, a.username))
    assert ("companies", y) in state and ("establishment_units", u_id) in state
    _, ops, _ = b.dump()
    assert ops == []


def test_checksum_mismatch_repulls_and_keeps_unsent_edits(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    lost = _new_company(a, rng)
    kept = _new_company(a, rng)
    name = value(rng, "Non envoyé")
    a.edit(lambda u: u.update("companies", kept, {"name": name}))

    with a.working_copy() as wc, StoreSyncAdapter(wc).transaction() as tx:
        # A change the copy "missed": gone from the records and the bases, the check due.
        tx.records.erase_many([("companies", lost)])
        tx.bases.delete_many([("companies", lost)])
        tx.state.put("checksum_at", None)
    summary = a.sync_until_done()
    assert summary["resynced"] >= 1, summary
    records, ops, _ = a.dump()
    state = server_state(api(server.url, a.username))
    assert records[("companies", lost)] == state[("companies", lost)]
    assert state[("companies", kept)]["data"]["name"] == name
    assert ops == []


def test_expired_cursor_repulls_everything(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    a = _device(server, tmp_path, "a")
    cid = _new_company(a, rng)
    from sqlalchemy import update

    from offa_desktop.store.tables import SYNC_STATE

    with a.working_copy() as wc, wc.unit_of_work() as uow:
        cursor = uow.session.execute(
            SYNC_STATE.select().where(SYNC_STATE.c.key == "cursor")
        ).first()
        assert cursor is not None
        parts = str(cursor.value).split(".")
        parts[4] = "0" * 12  # another scope: the server answers 410 cursor_expired
        # cursors are signed by the server (a forged one is 400): sign it as the server would
        from sync.server.auth import Auth
        from sync.server.db import make_engine

        engine = make_engine(server.database_url)
        body = ".".join(parts[:5])
        uow.session.execute(
            update(SYNC_STATE)
            .where(SYNC_STATE.c.key == "cursor")
            .values(value=f"{body}.{Auth(engine).sign(body)}")
        )
        engine.dispose()
    name = value(rng, "Pendant")
    a.edit(lambda u: u.update("companies", cid, {"name": name}))
    summary = a.sync_until_done()
    assert summary["resynced"] >= 1, summary
    records, ops, _ = a.dump()
    state = server_state(api(server.url, a.username))
    assert ops == [] and state[("companies", cid)]["data"]["name"] == name
    assert {k: v for k, v in records.items() if k in state} == state


def test_out_of_scope_erases_data_and_queued_ops(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    boss = _device(server, tmp_path, "boss")
    cid = boss.edit(lambda u: u.create("companies", company(rng) | {"sector": "coiffure"}))
    boss.sync_until_done()
    coach = _device(server, tmp_path, "coach", "coach", ("coiffure",))
    assert ("companies", cid) in coach.dump()[0]
    coach.edit(lambda u: u.update("companies", cid, {"name": value(rng, "Coach")}))
    boss.edit(lambda u: u.update("companies", cid, {"sector": "horeca"}))
    boss.sync_until_done()
    summary = coach.sync_until_done()
    records, ops, conflicts = coach.dump()
    assert ("companies", cid) not in records, summary
    assert ops == [] and conflicts == []


def test_one_sync_at_a_time(server: Server, tmp_path: Path) -> None:
    a = _device(server, tmp_path, "a")
    with SyncLock(a.folder / "sync.lock"):
        done = a.sync()
    assert done.status == 1 and done.summary()["error"] == "busy"
    with (
        pytest.raises(SyncBusy),
        SyncLock(a.folder / "sync.lock"),
        SyncLock(a.folder / "sync.lock"),
    ):
        pass
    killed = a.sync(crash_at="before_http_pull:1")  # a dead holder leaves no stuck lock
    assert killed.killed
    assert a.sync().status == 0


def test_progress_from_the_first_page_and_cancel_within_a_second(
    server: Server, tmp_path: Path
) -> None:
    a = _device(server, tmp_path, "a")
    session = open_session(a.folder / "fresh", creds=CredentialStore(a.keyring()), retry=FAST_RETRY)
    try:
        session.login(server.url, a.username, "motdepasse-de-test-42")
        seen: list[Progress] = []
        cancelled_at: list[float] = []

        def progress(p: Progress) -> None:
            seen.append(p)
            if p.phase == "pull" and len(seen) == 2:
                session.cancel.set()
                cancelled_at.append(time.monotonic())

        engine = session.engine(progress)
        engine.page_size = 20
        with pytest.raises(Cancelled):
            engine.sync_once()
        assert time.monotonic() - cancelled_at[0] < 1.0
        assert seen[0].phase == "pull" and seen[0].total > seen[0].done > 0
        session.cancel.clear()
        report = session.engine(seen.append).sync_once()
        assert report.pulled > 0
        assert seen[-1].done == seen[-1].total
    finally:
        session.close()


def test_parallel_sync_threads_are_refused(server: Server, tmp_path: Path) -> None:
    a = _device(server, tmp_path, "a")
    errors: list[BaseException] = []
    lock = SyncLock(a.folder / "sync.lock")
    lock.__enter__()
    try:
        thread = threading.Thread(target=lambda: errors.append(_try_sync(a)))
        thread.start()
        thread.join()
    finally:
        lock.__exit__(None, None, None)
    assert isinstance(errors[0], SyncBusy)


def _try_sync(device: Device) -> BaseException | None:
    session = open_session(device.folder, creds=CredentialStore(device.keyring()))
    try:
        session.engine().sync_once()
    except BaseException as exc:  # noqa: BLE001 - the test inspects it
        return exc
    finally:
        session.close()
    return None


def test_forbidden_op_keeps_the_server_message_and_others_go_on(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    coach = _device(server, tmp_path, "coach", "coach", ("soins",))
    sector = str(uuid.uuid4())
    with coach.session.store.transaction() as tx:  # an edit the server refuses to a coach
        tx.outbox.append(NewOp("sectors", sector, "create", None, {"code": "x", "name": "X"}))
    cid = coach.edit(lambda u: u.create("companies", company(rng) | {"sector": "soins"}))
    summary = coach.sync_until_done()
    assert summary["forbidden"] == 1 and summary["applied"] == 1, summary
    _, ops, _ = coach.dump()
    assert [op["state"] for op in ops] == ["forbidden"]
    assert ops[0]["error"] and ops[0]["error"] != "Action non autorisée."  # the server's words
    assert ("companies", cid) in server_state(api(server.url, coach.username))
    from sync.resolve import discard_op

    with coach.session.store.transaction() as tx:
        seq = tx.outbox.unsettled()[0].seq
    discard_op(coach.session.store, seq)
    records, ops, _ = coach.dump()
    assert ops == [] and ("sectors", sector) not in records
