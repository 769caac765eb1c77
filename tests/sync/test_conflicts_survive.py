"""Issue 12, situation 1: an open conflict is a state only a person ends.

It survives any number of pulls; a newer server version of its record merges again (fields only
the server changed are taken, the conflicting field keeps its conflict with "theirs" updated and
the base advanced); nothing touching it is pushed before a person chose; the choice goes up with
its ``resolution``; a server deletion over it becomes an edit against deletion; a further local
edit of the field does not end it. All against the real server subprocess.
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from sync.resolve import resolve_conflict
from tests.sync.data import company, value
from tests.sync.harness import Device, Server, api, server_state


def _device(server: Server, root: Path, name: str) -> Device:
    username = f"{name}-{uuid.uuid4().hex[:6]}"
    server.user(username)
    device = Device(root / username, username, server.url)
    device.login()
    device.sync_until_done()
    return device


def _pair(server: Server, root: Path, rng: random.Random) -> tuple[Device, Device, str]:
    """Two users of one company, both synced."""
    a = _device(server, root, "a")
    b = _device(server, root, "b")
    cid: str = a.edit(lambda u: u.create("companies", company(rng)))
    a.sync_until_done()
    b.sync_until_done()
    return a, b, cid


def _name_conflict(
    a: Device, b: Device, cid: str, rng: random.Random, *, forked: bool = False
) -> tuple[str, str]:
    """A and B type different names; A syncs first: B holds a conflict. (theirs, mine)."""
    theirs, mine = value(rng, "Nom A"), value(rng, "Nom B")
    a.edit(lambda u: u.update("companies", cid, {"name": theirs}))
    b.edit(lambda u: u.update("companies", cid, {"name": mine}))
    a.sync_until_done(forked=forked)
    assert b.sync_until_done(forked=forked)["conflicts"] == 1
    return theirs, mine


def _server(a: Device, cid: str) -> dict[str, Any]:
    return server_state(api(a.server_url, a.username))[("companies", cid)]


def _conflicts(d: Device) -> list[dict[str, Any]]:
    return d.dump()[2]


def _situation_1(server: Server, tmp_path: Path, seed: int, *, forked: bool) -> None:
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    theirs, mine = _name_conflict(a, b, cid, rng, forked=forked)
    phone = f"04{rng.randrange(10**7, 10**8)}"
    a.edit(lambda u: u.update("companies", cid, {"phone": phone}))  # another field
    a.sync_until_done(forked=forked)
    for _ in range(3):  # B syncs again and again without deciding
        summary = b.sync_until_done(forked=forked)
        assert summary["pushed"] == 0, summary
        conflicts = _conflicts(b)
        assert len(conflicts) == 1, conflicts
        assert conflicts[0]["fields"]["name"]["mine"] == mine
        assert conflicts[0]["fields"]["name"]["theirs"] == theirs
        on_server = _server(a, cid)
        assert on_server["data"]["name"] == theirs  # A's value never overwritten
        assert conflicts[0]["server_version"] == on_server["version"]  # the base advanced
        shown = b.dump()[0][("companies", cid)]
        # the field only the server changed is taken; mine stays shown for the conflict
        assert shown["data"]["phone"] == phone and shown["data"]["name"] == mine
        assert shown["version"] == on_server["version"]
    history = api(a.server_url, a.username).history("companies", cid)
    assert all(entry["after"].get("name") != mine for entry in history if entry["after"])


def test_open_conflict_survives_later_pulls(server: Server, tmp_path: Path, seed: int) -> None:
    """Issue 12 situation 1, as the window syncs (in process)."""
    _situation_1(server, tmp_path, seed, forked=False)


def test_open_conflict_survives_later_pulls_headless(
    server: Server, tmp_path: Path, seed: int
) -> None:
    """Issue 12 situation 1, through the headless ``sync`` command in child processes."""
    _situation_1(server, tmp_path, seed, forked=True)


def test_the_choice_goes_up_with_its_resolution(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    theirs, mine = _name_conflict(a, b, cid, rng)
    newest = value(rng, "Nom A2")
    a.edit(lambda u: u.update("companies", cid, {"name": newest}))  # A again, same field
    a.sync_until_done()
    b.sync_until_done()
    (conflict,) = _conflicts(b)
    assert conflict["fields"]["name"]["theirs"] == newest  # "theirs" follows the server
    with b.working_copy() as wc:
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "mine")
    assert b.sync_until_done()["applied"] == 1
    on_server = _server(a, cid)
    assert on_server["data"]["name"] == mine
    last = api(a.server_url, a.username).history("companies", cid)[-1]
    assert last["resolution"] == {"name": {"mine": mine, "theirs": newest, "choice": "mine"}}
    assert _conflicts(b) == [] and b.dump()[1] == []


def test_local_edit_of_a_conflicted_field_keeps_the_conflict(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    theirs, _mine = _name_conflict(a, b, cid, rng)
    again = value(rng, "Nom B2")
    b.edit(lambda u: u.update("companies", cid, {"name": again}))
    b.sync_until_done()
    (conflict,) = _conflicts(b)
    assert conflict["fields"]["name"]["mine"] == again  # what B typed last
    assert conflict["fields"]["name"]["theirs"] == theirs
    assert _server(a, cid)["data"]["name"] == theirs
    with b.working_copy() as wc:
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "mine")
    b.sync_until_done()
    assert _server(a, cid)["data"]["name"] == again


def test_other_fields_merge_while_the_conflict_waits(
    server: Server, tmp_path: Path, seed: int
) -> None:
    """B's edit of another field waits with the record, then goes with the resolution."""
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    theirs, _mine = _name_conflict(a, b, cid, rng)
    count = 300 + rng.randrange(100)
    email = f"{uuid.uuid4().hex[:8]}@exemple.be"
    b.edit(lambda u: u.update("companies", cid, {"employee_count": count}))
    a.edit(lambda u: u.update("companies", cid, {"email": email}))
    a.sync_until_done()
    b.sync_until_done()
    (conflict,) = _conflicts(b)
    assert set(conflict["fields"]) == {"name"}
    shown = b.dump()[0][("companies", cid)]["data"]
    assert shown["email"] == email and shown["employee_count"] == count
    with b.working_copy() as wc:
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "theirs")
    b.sync_until_done()
    a.sync_until_done()
    final = _server(a, cid)["data"]
    assert (final["name"], final["email"], final["employee_count"]) == (theirs, email, count)
    assert (
        b.dump()[0][("companies", cid)]["data"] == final == a.dump()[0][("companies", cid)]["data"]
    )


def test_server_deletion_over_a_conflict_is_an_edit_against_deletion(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    _theirs, mine = _name_conflict(a, b, cid, rng)
    a.edit(lambda u: u.delete("companies", cid))
    a.sync_until_done()
    b.sync_until_done()
    (conflict,) = _conflicts(b)
    assert conflict["kind"] == "deleted_by_server" and conflict["mine"]["name"] == mine
    assert b.dump()[1] == []  # the edits live in the conflict, nothing can be pushed
    for _ in range(2):
        b.sync_until_done()
        assert len(_conflicts(b)) == 1
    with b.working_copy() as wc:
        kept = resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "mine")
    assert kept is not None and kept != cid  # restored with my values, as a new record
    b.sync_until_done()
    restored = server_state(api(a.server_url, a.username))[("companies", kept)]
    assert restored["data"]["name"] == mine and not restored["deleted"]


def test_deleting_a_record_in_conflict_is_my_deletion_against_their_edit(
    server: Server, tmp_path: Path, seed: int
) -> None:
    """Found by the model test: B deletes a company whose name is in conflict, then resolves;
    the resolution went out after the deletion and stayed refused forever ('Cette fiche a été
    supprimée'). Deleting turns the conflict into 'my deletion against their edit'."""
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    theirs, _mine = _name_conflict(a, b, cid, rng)
    b.edit(lambda u: u.delete("companies", cid))
    (conflict,) = _conflicts(b)
    assert conflict["kind"] == "deleted_locally" and set(conflict["fields"]) == {"name"}
    with b.working_copy() as wc:  # undo the deletion: the name is to decide again
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "theirs")
    (conflict,) = _conflicts(b)
    assert conflict["kind"] == "fields" and conflict["fields"]["name"]["theirs"] == theirs
    b.edit(lambda u: u.delete("companies", cid))
    with b.working_copy() as wc:  # keep the deletion: the name edit has no object left
        resolve_conflict(StoreSyncAdapter(wc), "companies", cid, "mine")
    b.sync_until_done()
    _, ops, conflicts = b.dump()
    assert ops == [] and conflicts == []
    assert _server(a, cid)["deleted"] is True
    history = api(a.server_url, a.username).history("companies", cid)
    assert [e["kind"] for e in history] == ["create", "update", "delete"]
    assert history[1]["after"] == {"name": theirs}  # A's; B's value never went up


def test_an_edit_against_deletion_holds_logout_and_another_account_back(
    server: Server, tmp_path: Path, seed: int
) -> None:
    """Found in the audit: an edit against deletion keeps B's values in the conflict, with no
    op queued. On the old code ``logout`` answered ok without naming it, and a login with
    another account then started from an empty copy: B's values were gone with no one having
    chosen. Now the conflict is listed among what holds the logout back, and another account
    is refused while it waits."""
    rng = random.Random(seed)
    a, b, cid = _pair(server, tmp_path, rng)
    _theirs, mine = _name_conflict(a, b, cid, rng)
    a.edit(lambda u: u.delete("companies", cid))
    a.sync_until_done()
    b.sync_until_done()
    (conflict,) = _conflicts(b)
    assert conflict["kind"] == "deleted_by_server" and b.dump()[1] == []
    b.close()

    done = b.run("logout")
    assert done.status == 1, done.stdout
    refused = done.summary()
    assert refused["error"] == "unsent_changes"
    assert [(x["collection"], x["id"], x["state"]) for x in refused["blocking"]] == [
        ("companies", cid, "conflict")
    ]
    assert mine in refused["message"] and "supprimée sur le serveur" in refused["message"]

    other = f"c-{uuid.uuid4().hex[:6]}"
    server.user(other)
    switched = b.run("login", "--server", b.server_url, "--username", other)
    assert switched.status != 0, switched.stdout
    assert switched.summary()["error"] == "other_account"
    assert "conflits à régler" in switched.summary()["message"]
    (kept,) = _conflicts(b)
    assert kept["kind"] == "deleted_by_server" and kept["mine"]["name"] == mine
