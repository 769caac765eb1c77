"""A learner's mobility between operators (issue 18), across three clients of three operators
against the real reference server: CEFA Liège (receiving) asks, IFAPME (sending) accepts with
the level reached; the server moves the learner to CEFA Liège. What each copy holds before and
after: IFAPME keeps its past contract with the learner and loses the learner's current data (the
pull erases it as out of scope and the sync says so), CEFA Liège receives the learner (not
IFAPME's contract), SFPME sees nothing of it all along."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.domain.permissions import Forbidden
from offa_desktop.ops.contracts import viewing
from sync.errors import SyncError
from tests.server import world
from tests.server.api import ApiClient
from tests.server.test_documents import PDF, put
from tests.sync.harness import PASSWORD, Device, Server


def _device(server: Server, root: Path, operator: str) -> Device:
    name = f"sec-{operator}-{uuid.uuid4().hex[:6]}"
    server.user(name, "secretariat", operator=operator)
    device = Device(root / name, name, server.url)
    device.login()
    return device


def _holds(device: Device, collection: str, record_id: str) -> dict[str, Any] | None:
    records, _ops, _conflicts = device.dump()
    found = records.get((collection, record_id))
    return None if found is None or found["deleted"] else found["data"]


def test_a_learner_moves_from_ifapme_to_cefa_with_the_sending_operators_agreement(
    server: Server, tmp_path: Path
) -> None:
    name = f"offa-{uuid.uuid4().hex[:6]}"
    server.user(name)
    offa = ApiClient(server.url, name, PASSWORD)
    w = world.build(offa, operator="ifapme", contract_status="active")
    offa.pull_all()
    niss = offa.replica[("learners", w.learner)][1]["niss"]
    card = str(uuid.uuid4())  # the learner's identity card scan: follows the learner
    assert put(offa, card, PDF, f"learners/{w.learner}", name="carte.pdf").status_code == 201
    ifapme = _device(server, tmp_path, "ifapme")
    cefa = _device(server, tmp_path, "cefa-liege")
    sfpme = _device(server, tmp_path, "sfpme")
    for device in (ifapme, cefa, sfpme):
        device.sync_until_done()
    # Before: the learner and the contract are IFAPME's alone.
    assert (_holds(ifapme, "learners", w.learner) or {})["operator_code"] == "ifapme"
    assert _holds(ifapme, "contracts", w.contract) is not None
    assert _holds(ifapme, "documents", card) is not None
    for other in (cefa, sfpme):
        assert _holds(other, "documents", card) is None
        assert _holds(other, "learners", w.learner) is None
        assert _holds(other, "contracts", w.contract) is None

    request = {"niss": niss, "from_operator": "ifapme", "to_operator": "cefa-liege",
               "status": "requested", "requested_on": "2026-12-01",
               "note": "Déménagement à Liège ; poursuit le même métier."}  # fmt: skip
    # Only the receiving operator asks.
    with pytest.raises(Forbidden):
        sfpme.edit(lambda u: u.create("learner_transfers", request))
    transfer = cefa.edit(lambda u: u.create("learner_transfers", request))
    assert cefa.sync_until_done()["applied"] == 1
    ifapme.sync_until_done()
    sfpme.sync_until_done()
    assert (_holds(ifapme, "learner_transfers", transfer) or {})["status"] == "requested"
    assert _holds(sfpme, "learner_transfers", transfer) is None
    # The receiving operator cannot accept its own request.
    accept = {"status": "accepted", "decided_on": "2026-12-03", "level_reached": "a"}
    with pytest.raises(Forbidden):
        cefa.edit(lambda u: u.update("learner_transfers", transfer, accept))

    ifapme.edit(lambda u: u.update("learner_transfers", transfer, accept))
    summary = ifapme.sync_until_done()
    assert summary["applied"] == 1, summary
    if "left_scope" not in summary:  # the move may come with the next pull
        summary = ifapme.sync_until_done()
    assert summary["left_scope"] == {"documents": 1, "learners": 1}  # its card follows it
    cefa.sync_until_done()
    sfpme.sync_until_done()

    # After: IFAPME keeps its past contract, not the learner's current data.
    assert _holds(ifapme, "learners", w.learner) is None
    assert (_holds(ifapme, "contracts", w.contract) or {})["learner_id"] == w.learner
    facts = dict(viewing.contract_facts(ifapme.session.wc, w.contract))
    assert facts["Apprenant"] == viewing.GONE  # the contract view says where the learner went
    assert (_holds(ifapme, "learner_transfers", transfer) or {})["status"] == "accepted"
    # CEFA Liège has the learner (its record, with its server history), not the old contract.
    moved = _holds(cefa, "learners", w.learner) or {}
    assert moved["operator_code"] == "cefa-liege" and moved["niss"] == niss
    assert _holds(cefa, "contracts", w.contract) is None
    assert (_holds(cefa, "learner_transfers", transfer) or {})["level_reached"] == "a"
    assert _holds(cefa, "documents", card) is not None
    assert cefa.session.client().get_document(card) == PDF
    assert _holds(ifapme, "documents", card) is None
    with pytest.raises(SyncError):
        ifapme.session.client().get_document(card)
    history = cefa.session.client().history("learners", w.learner)
    assert [e["after"].get("operator_code") for e in history if e["after"]][-1] == "cefa-liege"
    # SFPME saw nothing.
    assert _holds(sfpme, "learners", w.learner) is None
    assert _holds(sfpme, "learner_transfers", transfer) is None
    for device in (ifapme, cefa, sfpme):
        device.close()
    offa.close()
