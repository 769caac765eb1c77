"""The data folder's other files are encrypted at rest (issue 16): attachments, their notes and
the scanned pages waiting for a person hold no NISS or name a byte search finds; they read back
as they were, go up to the real server (loopback) unchanged, and plain files from before are
still read (and sealed at that read). Real files, real AES-GCM, real server process."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import stat
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from offa_desktop import paths
from offa_desktop.ops import attachments
from offa_desktop.ops.protection import sealed
from offa_desktop.ops.scans import inbox as scan_inbox
from offa_desktop.ops.scans.importing import import_scans
from offa_desktop.store import cipher
from offa_desktop.store.db import WorkingCopy
from tests.sync.data import company
from tests.sync.harness import Device, Server

NISS = b"85073003328"
NAME = "Vandersmissen-Ölçer".encode()
PDF = b"%PDF-1.4\n% " + NAME + b" NISS " + NISS + b"\n" + bytes(range(256)) * 40


def _secrets_in(root: Path) -> list[str]:
    """Files under ``root`` whose bytes hold the NISS or the name (``grep -a``)."""
    found = []
    for path in root.rglob("*"):
        if path.is_file():
            blob = path.read_bytes()
            if NISS in blob or NAME in blob:
                found.append(str(path.relative_to(root)))
    return found


@pytest.fixture
def keyed(tmp_path: Path) -> Iterator[Path]:
    """A data folder whose copy has a key registered (as at the app's unlock)."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    copy = paths.working_copy_path(folder)
    cipher.register_key(copy, os.urandom(32))
    yield folder
    cipher.forget_key(copy)


def test_attachment_and_note_are_sealed_and_read_back(keyed: Path) -> None:
    attached = attachments.attach_bytes(keyed, "companies/c1", "contrat Ölçer.pdf", PDF)

    root = keyed / attachments.FOLDER
    assert _secrets_in(keyed) == []
    kept = attachments.local_path(keyed, attached.id, attached.file_name)
    assert kept.name == attachments.KEPT  # the file's own name (a person's) is not on disk
    assert not [p for p in keyed.rglob("*") if "Ölçer" in p.name]
    note = root / attachments.PENDING / f"{attached.id}.json"
    for path in (kept, note):
        assert path.read_bytes().startswith(sealed.MAGIC)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert b"companies/c1" not in note.read_bytes()
    assert sealed.read(keyed, kept) == PDF
    notes = attachments.pending(keyed)
    assert notes[attached.id]["record"] == "companies/c1"
    assert notes[attached.id]["sha256"] == hashlib.sha256(PDF).hexdigest()
    # the queue hands the engine the original bytes
    (item,) = attachments.AttachmentQueue(keyed).pending()
    assert item.read is not None and item.read() == PDF
    # a failure's message is kept in the sealed note
    attachments.AttachmentQueue(keyed).failed(attached.id, "refusé")
    assert note.read_bytes().startswith(sealed.MAGIC)
    assert attachments.pending(keyed)[attached.id]["error"] == "refusé"


def test_viewer_gets_a_private_decrypted_copy(keyed: Path) -> None:
    attached = attachments.attach_bytes(keyed, "companies/c1", "scan.pdf", PDF)
    kept = attachments.local_path(keyed, attached.id, attached.file_name)
    shown = sealed.viewable(keyed, kept, attached.file_name)
    assert shown != kept and shown.name == "scan.pdf" and shown.read_bytes() == PDF
    assert keyed not in shown.parents
    private = shown.parent.parent
    assert stat.S_IMODE(private.stat().st_mode) == 0o700
    sealed.clear_viewed()
    assert not private.exists()


def test_plain_files_from_before_are_read_then_sealed(keyed: Path) -> None:
    document_id = str(uuid.uuid4())
    named = keyed / attachments.FOLDER / document_id / "ancien.pdf"
    named.parent.mkdir(parents=True)
    named.write_bytes(PDF)  # as the attachments module wrote them before
    assert attachments.local_path(keyed, document_id, "ancien.pdf") == named
    note = keyed / attachments.FOLDER / attachments.PENDING / f"{document_id}.json"
    digest = hashlib.sha256(PDF).hexdigest()
    note.write_text(json.dumps({"record": "companies/c1", "file_name": "ancien.pdf",
                                "media_type": "application/pdf", "size": len(PDF),
                                "sha256": digest}), "utf-8")  # fmt: skip
    os.utime(note, ns=(1_000_000_000, 1_000_000_000))
    later = attachments.attach_bytes(keyed, "companies/c1", "nouveau.pdf", PDF)

    notes = attachments.pending(keyed)

    assert list(notes) == [document_id, later.id]  # the old note keeps its place
    assert notes[document_id]["sha256"] == digest
    assert note.read_bytes().startswith(sealed.MAGIC) and note.stat().st_mtime_ns == 10**9
    (old, _new) = attachments.AttachmentQueue(keyed).pending()
    assert old.path == named and old.read is not None and old.read() == PDF
    kept = attachments.local_path(keyed, document_id, "ancien.pdf")
    assert not named.exists() and kept.name == attachments.KEPT
    assert kept.read_bytes().startswith(sealed.MAGIC) and sealed.read(keyed, kept) == PDF
    assert _secrets_in(keyed) == []


def test_without_a_key_files_stay_plain_and_a_sealed_one_is_refused(
    tmp_path: Path, keyed: Path
) -> None:
    plain = tmp_path / "plain"
    attached = attachments.attach_bytes(plain, "companies/c1", "scan.pdf", PDF)
    kept = attachments.local_path(plain, attached.id, attached.file_name)
    assert kept.read_bytes() == PDF
    assert sealed.viewable(plain, kept) == kept
    # a sealed file read without its key, or with another key: a French refusal, untouched
    other = attachments.attach_bytes(keyed, "companies/c1", "scan.pdf", PDF)
    sealed_file = attachments.local_path(keyed, other.id, other.file_name)
    blob = sealed_file.read_bytes()
    with pytest.raises(sealed.SealedError, match="chiffré"):
        sealed.read(plain, sealed_file)
    cipher.register_key(paths.working_copy_path(plain), os.urandom(32))
    try:
        with pytest.raises(sealed.SealedError, match="ne se déchiffre pas"):
            sealed.read(plain, sealed_file)
    finally:
        cipher.forget_key(paths.working_copy_path(plain))
    assert sealed_file.read_bytes() == blob


def test_scanned_pages_waiting_are_sealed(keyed: Path, tmp_path: Path) -> None:
    wc = WorkingCopy.open(paths.working_copy_path(keyed))
    try:
        inbound = tmp_path / "in"
        inbound.mkdir()
        buffer = io.BytesIO()
        Image.new("L", (620, 877), 255).save(buffer, "PNG")
        source = inbound / f"{NAME.decode()} {NISS.decode()}.png"
        source.write_bytes(buffer.getvalue())

        report = import_scans(wc, keyed, [inbound])

        assert len(report.to_assign) == 1
        assert _secrets_in(keyed / "scans") == []
        (page,) = scan_inbox.pages(keyed)
        assert NISS.decode() in page.label
        assert page.path.read_bytes().startswith(sealed.MAGIC)
        content = scan_inbox.content(keyed, page)
        assert content.startswith(b"%PDF-")
        assert hashlib.sha256(content).hexdigest() == page.sha256
        assert scan_inbox.viewable(keyed, page).read_bytes() == content
        attached = scan_inbox.assign(keyed, page.id, "companies/c1")
        kept = attachments.local_path(keyed, attached.id, attached.file_name)
        assert sealed.read(keyed, kept) == content
        assert scan_inbox.pages(keyed) == []
        assert _secrets_in(keyed) == []
    finally:
        wc.close()


def test_sealed_attachment_goes_up_unchanged(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    username = f"sealed-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(tmp_path / username, username, server.url)
    device.login()
    device.sync_here()
    cid = device.edit(lambda u: u.create("companies", company(rng)))
    attached = attachments.attach_bytes(device.folder, f"companies/{cid}", "signé.pdf", PDF)
    # and one from before, plain on disk
    old_id = str(uuid.uuid4())
    old = device.folder / attachments.FOLDER / old_id / "ancien.pdf"
    old.parent.mkdir(parents=True)
    old.write_bytes(PDF + b"ancien")
    note = device.folder / attachments.FOLDER / attachments.PENDING / f"{old_id}.json"
    note.write_text(json.dumps({"record": f"companies/{cid}", "file_name": "ancien.pdf",
                                "media_type": "application/pdf", "size": len(PDF) + 6,
                                "sha256": hashlib.sha256(PDF + b"ancien").hexdigest()}),
                    "utf-8")  # fmt: skip
    assert _secrets_in(device.folder / attachments.FOLDER) == [
        str(old.relative_to(device.folder / attachments.FOLDER))
    ]

    report = device.sync_here()

    assert report.documents == 2 and report.documents_refused == 0
    client = device.session.client()
    assert client.get_document(attached.id) == PDF
    assert client.get_document(old_id) == PDF + b"ancien"
    assert attachments.pending(device.folder) == {}
    assert _secrets_in(device.folder / attachments.FOLDER) == [] and not old.exists()
    # fetched again after the cache is gone: kept sealed, read back whole
    kept = attachments.local_path(device.folder, attached.id, attached.file_name)
    kept.unlink()
    (listed,) = [
        a
        for a in attachments.list_attachments(device.session, f"companies/{cid}")
        if a.id == attached.id
    ]
    assert listed.file_name == "signé.pdf" and not listed.pending  # its name, not the file's
    assert attachments.content(device.session, listed) == PDF
    assert kept.read_bytes().startswith(sealed.MAGIC)
    assert attachments.fetch(device.session, listed).read_bytes() == PDF
    assert _secrets_in(device.folder / attachments.FOLDER) == []
    device.close()
