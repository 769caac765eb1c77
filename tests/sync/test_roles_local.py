"""Issue 12, situation 5: the client enforces what the server enforces for its role.

On the old code a secretariat's copy accepted edits its role may not make (an incentive claim,
another operator's approval): they were queued, came back ``forbidden`` at sync, and then held
``logout`` back for ever. Now the unit of work refuses them before the outbox with the server's
own French message (one domain function on both sides), forms say so and keep Save off, and
edits already refused for the role are given up in one go (``logout --discard-forbidden``, or
the window's « Modifications refusées »); ``logout`` lists exactly what holds it back.
"""

from __future__ import annotations

import random
import uuid
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.domain.permissions import Forbidden
from offa_desktop.ops.records import editing
from tests.server import world
from tests.server.api import ApiClient, op
from tests.sync.data import company
from tests.sync.harness import PASSWORD, Device, Server

SECRETARIAT_OPERATOR = "ifapme"
OTHER_OPERATOR = "cefa-liege"


def _offa(server: Server) -> ApiClient:
    name = f"offa-{uuid.uuid4().hex[:6]}"
    server.user(name)
    return ApiClient(server.url, name, PASSWORD)


def _device(server: Server, root: Path, role: str) -> Device:
    name = f"{role}-{uuid.uuid4().hex[:6]}"
    server.user(name, role, operator=SECRETARIAT_OPERATOR if role == "secretariat" else None)
    device = Device(root / name, name, server.url)
    device.login()
    return device


def _claim(w: world.World) -> dict[str, Any]:
    return {
        "kind_code": "wal_p2", "company_id": w.company, "contract_ids": [w.contract],
        "school_year": "2025-2026", "amount": "750.00", "status": "to_check",
    }  # fmt: skip


def _server_says(server: Server, username: str, collection: str, record_id: str, kind: str,
                 base: int | None, fields: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    client = ApiClient(server.url, username, PASSWORD)
    try:
        return client.push([op(collection, record_id, kind, base, fields)])[0]
    finally:
        client.close()


def test_an_edit_the_role_may_not_make_is_refused_before_the_outbox(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    offa = _offa(server)
    mine = world.build(offa, operator=SECRETARIAT_OPERATOR, contract_status="draft")
    other = world.build(offa, operator=OTHER_OPERATOR, contract_status="draft")
    d = _device(server, tmp_path, "secretariat")
    d.sync_until_done()
    # Another operator's approval: the old client queued it.
    with pytest.raises(Forbidden) as caught:
        d.edit(lambda u: u.update("approvals", other.approval, {"decision_note": "Vu."}))
    said = _server_says(server, d.username, "approvals", other.approval, "update",
                        other.versions["approval"], {"decision_note": "Vu."})  # fmt: skip
    assert said["status"] == "forbidden" and caught.value.message == said["message"]
    # An incentive claim: read-only for a secretariat.
    claim_id = str(uuid.uuid4())
    with pytest.raises(Forbidden) as caught:
        d.edit(lambda u: u.create("incentive_claims", _claim(mine), record_id=claim_id))
    said = _server_says(server, d.username, "incentive_claims", claim_id, "create", None,
                        _claim(mine))  # fmt: skip
    assert said["status"] == "forbidden" and caught.value.message == said["message"]
    assert caught.value.message == "Vous n'avez pas le droit de modifier ces demandes d'incitants."
    records, ops, _ = d.dump()
    assert ops == [] and ("incentive_claims", claim_id) not in records  # nothing queued
    # What the role may do still goes: its own operator's approval, any company.
    d.edit(lambda u: u.update("approvals", mine.approval, {"decision_note": "Vu."}))
    d.edit(lambda u: u.create("companies", company(rng)))
    # Forms follow: the other operator's approval shows the refusal and cannot be saved.
    approval = editing.load(d.session.wc, "approvals", other.approval) or {}
    checked = editing.check(d.session.wc, "approvals", {**approval, "decision_note": "Vu."},
                            previous=approval, record_id=other.approval)  # fmt: skip
    assert [(p.code, p.message) for p in checked.blocking][:1] == [
        ("forbidden", "Vous n'avez pas le droit de modifier ces agréments.")
    ]
    assert not editing.may_create(d.session.wc, "incentive_claims")
    assert editing.may_create(d.session.wc, "learners")
    summary = d.sync_until_done()
    assert summary["applied"] == 2 and summary["forbidden"] == 0


def test_edits_refused_for_the_role_are_listed_by_logout_and_given_up_together(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    offa = _offa(server)
    mine = world.build(offa, operator=SECRETARIAT_OPERATOR, contract_status="draft")
    other = world.build(offa, operator=OTHER_OPERATOR, contract_status="draft")
    d = _device(server, tmp_path, "offa")
    d.sync_until_done()
    spare = d.edit(lambda u: u.create("companies", company(rng, "à supprimer")))
    d.sync_until_done()
    # Offline, still OFFA staff for this copy: three edits a secretariat may not make.
    d.edit(lambda u: u.delete("companies", spare))
    d.edit(lambda u: u.update("approvals", other.approval, {"decision_note": "Refusé."}))
    claim_id = d.edit(lambda u: u.create("incentive_claims", _claim(mine)))
    # Meanwhile the account became a secretariat of IFAPME: the server refuses the three.
    server.user(d.username, "secretariat", operator=SECRETARIAT_OPERATOR)
    summary = d.sync_until_done()
    assert summary["forbidden"] == 3, summary
    # The pulled ``users`` row tells the copy its new role: refused locally from now on.
    with pytest.raises(Forbidden):
        d.edit(lambda u: u.update("approvals", other.approval, {"decision_note": "Encore."}))
    d.edit(lambda u: u.update("companies", mine.company, {"name": "Boulangerie Renommée"}))
    d.close()

    done = d.run("logout")
    assert done.status == 1  # the old client: "4 modifications ne sont pas encore envoyées"
    refused = done.summary()
    assert refused["error"] == "unsent_changes"
    assert [(b["collection"], b["state"]) for b in refused["blocking"]] == [
        ("companies", "forbidden"),
        ("approvals", "forbidden"),
        ("incentive_claims", "forbidden"),
        ("companies", "pending"),
    ]
    assert refused["blocking"][0]["message"] == "Seul l'OFFA peut supprimer une fiche."
    assert "4 modification(s)" in refused["message"]
    assert "--discard-forbidden" in refused["message"]
    assert "Boulangerie Renommée" in refused["message"]  # each edit named by its record

    done = d.run("logout", "--discard-forbidden")
    assert done.status == 1  # the pending edit still holds the logout back
    assert done.summary()["discarded"] == 3
    assert [b["state"] for b in done.summary()["blocking"]] == ["pending"]
    records, ops, _ = d.dump(forked=True)
    assert records[("companies", spare)]["deleted"] is False  # the server's state again
    assert records[("approvals", other.approval)]["data"]["decision_note"] != "Refusé."
    assert ("incentive_claims", claim_id) not in records  # never on the server: erased
    assert d.run("sync").summary()["applied"] == 1
    assert d.run("logout").status == 0
