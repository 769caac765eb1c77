"""Issue 12, situation 3: a working copy never disappears in silence.

On the old code, ``truncate -s 0`` of the working copy made ``dump`` answer
``{"ok": true, "records": 0, "ops": 0}`` with exit 0: the copy, its unsent edits and the account
were silently replaced by a new empty copy. Now every headless command stops with a French
message, the bad file is set aside, and ``restore`` puts the latest backup back, whose unsent
edits the next ``sync`` sends as usual.
"""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
import uuid
from pathlib import Path

from offa_desktop import paths
from tests.sync.data import company
from tests.sync.harness import Device, Server, api, server_state

EVERY_TIME = {"OFFA_BACKUP_MINUTES": "0"}  # an automatic backup whenever the copy changed


def _device(server: Server, root: Path) -> Device:
    username = f"lost-{uuid.uuid4().hex[:6]}"
    server.user(username)
    return Device(root / username, username, server.url)


def _five_unsent_edits(d: Device, rng: random.Random) -> list[str]:
    d.login()
    assert d.run("sync").status == 0
    made = [d.edit(lambda u: u.create("companies", company(rng))) for _ in range(5)]
    d.close()
    return made


def test_emptied_copy_stops_every_command_then_restore_sends_its_edits(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    d = _device(server, tmp_path)
    made = _five_unsent_edits(d, rng)
    taken = d.run("dump", extra_env=EVERY_TIME)  # a command opens the copy: a backup is due
    assert taken.status == 0 and taken.summary()["ops"] == 5
    wc_path = paths.working_copy_path(d.folder)
    os.truncate(wc_path, 0)  # truncate -s 0: a disk full, a sync tool, an OS crash

    done = d.run("dump")
    summary = done.summary()
    assert done.status == 1, done.stdout  # the old code: exit 0, {"ok": true, "records": 0}
    assert summary["ok"] is False and summary["error"] == "working_copy_empty"
    assert "vide" in summary["message"] and "offa-desktop restore" in summary["message"]
    set_aside = Path(summary["set_aside"])
    assert set_aside.exists() and set_aside.stat().st_size == 0
    assert summary["latest_backup"] and Path(summary["latest_backup"]).exists()
    assert not wc_path.exists()  # no new empty copy took its place
    for argv in (
        ("sync",),
        ("dump",),
        ("logout",),
        ("import", str(tmp_path / "nothing.jsonl")),
        ("login", "--server", server.url, "--username", d.username),
        ("print", "blank-contract", "--out", str(tmp_path / "blank.pdf")),
    ):
        stopped = d.run(*argv)
        assert stopped.status == 1, (argv, stopped.stdout)
        assert stopped.summary()["error"] == "working_copy_missing", argv
        assert "disparu" in stopped.summary()["message"], argv
        assert not wc_path.exists(), argv
    assert not (tmp_path / "blank.pdf").exists()

    restored = d.run("restore")
    assert restored.status == 0, restored.stdout + restored.stderr
    assert restored.summary()["ok"] is True and restored.summary()["unsent"] == 5
    records, ops, _ = d.dump(forked=True)
    assert sorted(op["id"] for op in ops) == sorted(made)
    pushed = d.run("sync")
    assert pushed.status == 0 and pushed.summary()["applied"] == 5  # the account came back too
    state = server_state(api(server.url, d.username))
    assert all(("companies", cid) in state for cid in made)


def test_missing_and_foreign_copies_are_refused_and_set_aside(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    d = _device(server, tmp_path)
    _five_unsent_edits(d, rng)
    wc_path = paths.working_copy_path(d.folder)
    other = _device(server, tmp_path)
    other.login()  # another folder's copy, a sound working copy of this very application
    other_path = paths.working_copy_path(other.folder)
    stranger = tmp_path / "stranger.sqlite3"
    conn = sqlite3.connect(stranger)
    conn.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    conn.commit()
    conn.close()
    original = wc_path.read_bytes()
    # Another folder's copy is encrypted with another key: refused as such, never set aside,
    # untouched (issue 16: a wrong key is not a damaged or foreign file)
    other_bytes = other_path.read_bytes()
    wc_path.write_bytes(other_bytes)
    done = d.run("sync")
    assert done.status == 1 and done.summary()["error"] == "wrong_passphrase", done.stdout
    assert wc_path.read_bytes() == other_bytes
    for foreign in (stranger,):
        wc_path.write_bytes(foreign.read_bytes())
        done = d.run("sync")
        assert done.status == 1 and done.summary()["error"] == "working_copy_foreign", foreign
        assert "n'est pas la copie de travail de ce dossier" in done.summary()["message"]
        assert Path(done.summary()["set_aside"]).read_bytes() == foreign.read_bytes()
        assert not wc_path.exists()
    # Deleted by hand, backups too: missing, and no empty copy is made behind the user's back.
    shutil.rmtree(d.folder / "backups")
    done = d.run("dump")
    assert done.status == 1 and done.summary()["error"] == "working_copy_missing"
    # No backup was ever taken here: the message says how to go on without one.
    assert "Aucune sauvegarde" in done.summary()["message"]
    wc_path.with_name("kept.sqlite3").write_bytes(original)
    back = d.run("restore", "--from", str(wc_path.with_name("kept.sqlite3")))
    assert back.status == 0 and back.summary()["unsent"] == 5
    assert d.run("sync").summary()["applied"] == 5
