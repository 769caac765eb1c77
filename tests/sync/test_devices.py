"""Devices from the client (issue 16): « Mes appareils » lists the user's logins, revokes one;
the revoked computer's next sync says so in French and stops, even with a password at hand,
until a login; a computer OFFA marked « à effacer » erases its working copy, backups,
attachments and keyring entry at its next sync and reports it. Real server, real processes."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

from offa_desktop.ops import devices
from sync.creds import CredentialStore
from tests.secure_file_keyring import BACKEND, FILE_ENV
from tests.sync.harness import Device, Server


class _SecureKeyringDevice(Device):
    """A computer with a secure keyring (tests/secure_file_keyring.py's file-backed stand-in):
    the copy's key and the tokens are in it."""

    @property
    def keyring_file(self) -> Path:
        return self.folder.parent / f"{self.folder.name}-keyring.json"

    @property
    def env(self) -> dict[str, str]:
        return {**super().env, "PYTHON_KEYRING_BACKEND": BACKEND,
                FILE_ENV: str(self.keyring_file)}  # fmt: skip


def _device(
    server: Server, root: Path, username: str, name: str, kind: type[Device] = Device
) -> Device:
    d = kind(root / name, username, server.url)
    done = d.run("login", "--server", server.url, "--username", username,
                 extra_env={"OFFA_DEVICE_NAME": name})  # fmt: skip
    assert done.status == 0, done.stderr
    assert d.run("sync").status == 0
    return d


def test_a_user_revokes_a_device_that_then_stops_syncing(server: Server, tmp_path: Path) -> None:
    username = f"dev-{uuid.uuid4().hex[:6]}"
    server.user(username, role="coach", sectors=("construction",))
    laptop = _device(server, tmp_path, username, "portable")
    desk = _device(server, tmp_path, username, "bureau")
    try:
        lines = devices.devices(laptop.session)
        assert {line.name for line in lines} == {"portable", "bureau"}
        (mine,) = [line for line in lines if line.current]
        (other,) = [line for line in lines if not line.current]
        assert mine.name == "portable" and not mine.may_revoke  # « Se déconnecter » for this one
        assert other.status_fr == "actif" and other.may_revoke and not other.may_erase  # coach
        assert other.first_used.count("/") == 2 and ":" in other.last_used
        after = devices.revoke(laptop.session, other)
        assert after.status == "revoked" and after.status_fr == "révoqué"
    finally:
        laptop.close()
    done = desk.run("sync")
    assert done.status == 1
    summary = done.summary()
    assert summary["error"] == "device_revoked" and summary["erased"] is False
    assert "révoqué" in summary["message"]
    assert CredentialStore(desk.keyring()).load(server.url, username) is None
    # OFFA_PASSWORD is set in the child: still no silent login again.
    again = desk.run("sync").summary()
    assert again["error"] == "device_revoked" and "Reconnectez-vous" in again["message"]
    assert (desk.folder / "working-copy.sqlite3").exists()  # revoked, not erased
    desk.login()  # the person logs in again on purpose: syncing resumes
    assert desk.run("sync").status == 0


def test_offa_marks_a_lost_laptop_to_erase_and_it_erases_itself(
    server: Server, tmp_path: Path
) -> None:
    username = f"lost-{uuid.uuid4().hex[:6]}"
    user_id = server.user(username, role="coach", sectors=("construction",))
    staff_name = f"staff-{uuid.uuid4().hex[:6]}"
    server.user(staff_name, role="offa")
    lost = _device(server, tmp_path, username, "portable-perdu", _SecureKeyringDevice)
    assert isinstance(lost, _SecureKeyringDevice)
    held = json.loads(lost.keyring_file.read_text("utf-8"))
    assert len(held) == 2  # the copy's key and the tokens
    staff = _device(server, tmp_path, staff_name, "offa-namur")
    lost_files = [p for p in lost.folder.rglob("*") if p.is_file()]
    assert (lost.folder / "backups").exists() or any("sqlite3" in p.name for p in lost_files)
    try:
        assert user_id in dict(devices.users(staff.session))  # OFFA's chooser of users
        (line,) = devices.devices(staff.session, user_id)
        assert line.name == "portable-perdu" and line.may_erase and line.may_revoke
        marked = devices.revoke(staff.session, line, erase=True)
        assert marked.status_fr.startswith("à effacer")
    finally:
        staff.close()
    done = lost.run("sync")
    assert done.status == 1, done.stderr
    summary = done.summary()
    assert summary["error"] == "device_revoked" and summary["erased"] is True
    assert "effacées" in summary["message"]
    left = sorted(p.relative_to(lost.folder).as_posix() for p in lost.folder.rglob("*")
                  if p.is_file())  # fmt: skip
    assert not [p for p in left if p.startswith(("working-copy", "backups/", "attachments/"))]
    assert json.loads(lost.keyring_file.read_text("utf-8")) == {}  # key and tokens erased
    try:
        (line,) = devices.devices(staff.session, user_id)
    finally:
        staff.close()
    assert line.status == "erased" and line.status_fr == "effacé"
