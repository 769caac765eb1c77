"""Files attached locally go up with every sync (the headless ``sync`` included): after the
records' push, so a record created offline is on the server before its document, and before the
pull, which brings the ``documents`` record back. A file the server refuses holds back only
itself; a file sent again after a lost answer is stored once (idempotent by id and hash).
Real server process on loopback, real working copies and folders."""

from __future__ import annotations

import hashlib
import random
import uuid
from pathlib import Path
from typing import Any

from offa_desktop.ops.attachments import PENDING, attach, local_path, pending, read_kept
from sync.documents import upload
from tests.sync.data import company
from tests.sync.harness import Device, Server, api, server_state

PDF = b"%PDF-1.4\n% offa test\n" + bytes(range(256)) * 40
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 10


def _device(server: Server, root: Path) -> Device:
    username = f"docs-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, server.url)
    device.login()
    device.sync_here()  # the reference data (sector codes...)
    return device


def _documents(
    records: dict[tuple[str, str], dict[str, Any]], record: str
) -> dict[str, dict[str, Any]]:
    """The live documents of one record (the server is shared with other tests)."""
    return {
        rid: r["data"]
        for (c, rid), r in records.items()
        if c == "documents" and r["data"] and r["data"]["record"] == record
    }


def test_sync_sends_files_of_records_created_offline(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    device = _device(server, tmp_path)
    # offline: a new company and a signed scan attached to it
    cid = device.edit(lambda u: u.create("companies", company(rng)))
    source = tmp_path / "statuts signés.pdf"
    source.write_bytes(PDF)
    attached = attach(device.folder, f"companies/{cid}", source)
    assert list(pending(device.folder)) == [attached.id]

    phases: list[tuple[str, int, int]] = []
    # one sync: the company, then its file, then the pull
    report = device.session.engine(lambda p: phases.append((p.phase, p.done, p.total))).sync_once()

    assert ("documents", 1, 1) in phases
    order = [phase for phase, _, _ in phases]
    assert order.index("push") < order.index("documents") < order.index("pull")
    assert report.applied == 1 and report.documents == 1 and report.documents_refused == 0
    assert pending(device.folder) == {}
    records, ops, _ = device.dump()
    assert ops == []
    doc = _documents(records, f"companies/{cid}")[attached.id]
    assert doc["record"] == f"companies/{cid}" and doc["file_name"] == "statuts signés.pdf"
    assert doc["sha256"] == hashlib.sha256(PDF).hexdigest() and doc["size"] == len(PDF)
    assert records == server_state(api(server.url, device.username))
    device.close()


def test_a_refused_file_holds_back_only_itself(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    device = _device(server, tmp_path)
    cid = device.edit(lambda u: u.create("companies", company(rng)))
    device.sync_here()
    first = tmp_path / "photo.png"
    first.write_bytes(PNG)
    bad = attach(device.folder, f"companies/{cid}", first)
    # the kept copy changed after it was attached: its hash no longer matches (422)
    copy = local_path(device.folder, bad.id, "photo.png")
    copy.write_bytes(PNG + b"x")
    second = tmp_path / "contrat.pdf"
    second.write_bytes(PDF)
    good = attach(device.folder, f"companies/{cid}", second)
    device.edit(lambda u: u.update("companies", cid, {"name": "Entreprise documentée"}))

    report = device.sync_here()

    assert report.applied == 1 and report.documents == 1 and report.documents_refused == 1
    notes = pending(device.folder)
    assert list(notes) == [bad.id] and notes[bad.id]["error"]  # kept with the server's words
    records, ops, _ = device.dump()
    assert ops == [] and records[("companies", cid)]["data"]["name"] == "Entreprise documentée"
    assert set(_documents(records, f"companies/{cid}")) == {good.id}
    # put right (the original file back): the next sync sends it
    copy.write_bytes(PNG)
    report = device.sync_here()
    assert report.documents == 1 and pending(device.folder) == {}
    assert set(_documents(device.dump()[0], f"companies/{cid}")) == {good.id, bad.id}
    device.close()


def test_a_file_sent_again_after_a_lost_answer_is_stored_once(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    device = _device(server, tmp_path)
    cid = device.edit(lambda u: u.create("companies", company(rng)))
    device.sync_here()
    source = tmp_path / "scan.pdf"
    source.write_bytes(PDF)
    attached = attach(device.folder, f"companies/{cid}", source)
    note = device.folder / "attachments" / PENDING / f"{attached.id}.json"
    kept = pending(device.folder)[attached.id]
    # sent, but the client died before dropping its note (the answer lost)
    client = device.session.client()
    path = device.folder / "attachments" / attached.id / "scan.pdf"
    content = read_kept(device.folder, attached.id, "scan.pdf")
    upload(client, attached.id, path, kept["record"], content=content)
    assert note.exists()

    report = device.sync_here()

    assert report.documents == 1 and not note.exists()
    documents = _documents(device.dump()[0], f"companies/{cid}")
    assert list(documents) == [attached.id]
    assert documents[attached.id]["sha256"] == hashlib.sha256(PDF).hexdigest()
    device.close()


def test_headless_sync_sends_pending_files(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    device = _device(server, tmp_path)
    cid = device.edit(lambda u: u.create("companies", company(rng)))
    source = tmp_path / "scan.pdf"
    source.write_bytes(PDF)
    attached = attach(device.folder, f"companies/{cid}", source)
    device.close()

    done = device.sync()  # offa-desktop sync, in a child process

    assert done.status == 0, done.stderr[-2000:]
    assert done.summary()["applied"] == 1
    assert pending(device.folder) == {}
    assert list(_documents(device.dump()[0], f"companies/{cid}")) == [attached.id]
    device.close()
