"""The authorisation matrix of API.md: every role x collection x read/create/update/delete.

Each role is tried both on records in its scope and, through a second user of the same role,
on records outside it. "allowed" means the op is not ``forbidden`` (the domain rules may still
reject it); reads are checked on what a full pull hands out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


@pytest.fixture(scope="module")
def server(module_server: str) -> str:
    """These tests share one server: none depends on another's records."""
    return module_server


WORKING = (
    "companies",
    "establishment_units",
    "tutors",
    "approvals",
    "visits",
    "learners",
    "contracts",
    "contract_events",
    "incentive_claims",
    "stage_offers",
    "mediation_referrals",
    "learner_transfers",
)
ALL = frozenset(WORKING)
TREE = frozenset({"companies", "establishment_units", "tutors", "approvals"})
# user -> (readable, creatable, updatable); delete is offa's only
EXPECTED: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "offa": (ALL, ALL, ALL),
    "coach": (
        ALL - {"incentive_claims", "learner_transfers"},
        frozenset({"companies", "establishment_units", "tutors", "visits", "approvals"}),
        frozenset({"companies", "establishment_units", "tutors", "visits"}),
    ),
    "coach2": (frozenset(), frozenset(), frozenset()),
    "sec": (
        ALL,
        ALL - {"incentive_claims", "learner_transfers"},  # the receiving operator asks
        ALL - {"incentive_claims"},
    ),
    "sec2": (
        TREE | {"stage_offers", "learner_transfers"},  # a referral as its contract
        TREE - {"companies"} | {"companies", "approvals", "learner_transfers"},
        frozenset({"companies", "establishment_units", "tutors", "learner_transfers"}),
    ),
}
UPDATES = {
    "companies": {"phone": "081 00 00 00"},
    "establishment_units": {"name": "Atelier"},
    "tutors": {"phone": "0470 00 00 00"},
    "approvals": {"decision_note": "Dossier complet."},
    "visits": {"comments": "RAS"},
    "learners": {"phone": "0470 11 11 11"},
    "contracts": {"referent_phone": "081 11 11 11"},
    "contract_events": {"reason_code": "illness"},
    "incentive_claims": {"checks": {"days": {"passed": True, "note": None}}},
    "stage_offers": {"places": 3},
    "mediation_referrals": {"reason": "Le tuteur ne suit plus l'apprenant depuis octobre."},
    "learner_transfers": {"note": "Déménagement."},
}


@pytest.fixture
def scene(login: Login) -> dict[str, Any]:
    offa = login("offa")
    w = world.build(offa, contract_status="active")
    ids = {
        "companies": w.company,
        "establishment_units": w.unit,
        "tutors": w.tutor,
        "approvals": w.approval,
        "learners": w.learner,
        "contracts": w.contract,
        "visits": f.new_id(),
        "contract_events": f.new_id(),
        "incentive_claims": f.new_id(),
        "stage_offers": f.new_id(),
        "mediation_referrals": f.new_id(),
        "learner_transfers": f.new_id(),
    }
    visitor = offa.user["id"]
    for collection, data in (
        ("visits", visit(w, visitor)),
        ("contract_events", event(w)),
        ("incentive_claims", claim(w)),
        ("stage_offers", f.stage_offer(w.approval, w.unit)),
        ("mediation_referrals", f.referral(w.contract)),
        ("learner_transfers", transfer(offa, w)),
    ):
        r = offa.create(collection, data, ids[collection])
        assert r["status"] == "applied", r
    return {"world": w, "ids": ids, "offa": offa, "visitor": visitor}


def visit(w: world.World, visitor: str) -> dict[str, Any]:
    return {
        "kind": "follow_up",
        "contract_id": w.contract,
        "visitor_id": visitor,
        "status": "planned",
        "planned_on": "2025-10-01",
    }


def event(w: world.World) -> dict[str, Any]:
    return {
        "contract_id": w.contract,
        "kind": "amendment",
        "effective_date": "2025-10-01",
        "details": {"changes": {"referent_phone": "081 22 22 22"}},
    }


def claim(w: world.World) -> dict[str, Any]:
    return {
        "kind_code": "wal_p2",
        "company_id": w.company,
        "contract_ids": [w.contract],
        "school_year": "2025-2026",
        "amount": "750.00",
        "status": "to_check",
    }


_NISS: dict[str, str] = {}


def transfer(offa: ApiClient | None, w: world.World) -> dict[str, Any]:
    """The world's IFAPME learner asked by CEFA Liège (sec2's operator)."""
    if offa is not None:
        offa.pull_all()
        _NISS[w.learner] = offa.replica[("learners", w.learner)][1]["niss"]
    return {"niss": _NISS[w.learner], "from_operator": "ifapme", "to_operator": "cefa-liege",
            "status": "requested", "requested_on": "2026-12-01"}


def new_record(collection: str, w: world.World, visitor: str) -> dict[str, Any]:
    return {
        "companies": lambda: f.company("construction"),
        "establishment_units": lambda: f.unit(w.company),
        "tutors": lambda: f.tutor(w.company),
        "approvals": lambda: f.approval(w.unit, "menuisier", status="requested", decided_on=None),
        "visits": lambda: visit(w, visitor),
        "learners": lambda: f.learner("ifapme"),
        "contracts": lambda: f.contract(w.learner, w.unit, w.approval, w.tutor),
        "contract_events": lambda: event(w),
        "incentive_claims": lambda: claim(w),
        "stage_offers": lambda: f.stage_offer(w.approval, w.unit),
        "mediation_referrals": lambda: f.referral(w.contract),
        "learner_transfers": lambda: transfer(None, w),
    }[collection]()


def _version(offa: ApiClient, collection: str, rid: str) -> int:
    offa.pull_all()
    return offa.replica[(collection, rid)][0]


@pytest.mark.parametrize("user", sorted(EXPECTED))
def test_matrix(login: Login, scene: dict[str, Any], user: str) -> None:
    readable, creatable, updatable = EXPECTED[user]
    client, offa, ids = login(user), scene["offa"], scene["ids"]
    w = scene["world"]
    client.pull_all()
    seen = {c for c in WORKING if (c, ids[c]) in client.replica}
    assert seen == set(readable), f"{user} reads {sorted(seen)}"
    outcome: dict[str, tuple[bool, bool, bool]] = {}
    for collection in WORKING:
        created = client.create(collection, new_record(collection, w, scene["visitor"]))
        updated = client.update(
            collection,
            ids[collection],
            _version(offa, collection, ids[collection]),
            UPDATES[collection],
        )
        assert created["status"] in ("applied", "rejected", "forbidden")
        outcome[collection] = (
            created["status"] != "forbidden",
            updated["status"] != "forbidden",
            False,
        )
        if updated["status"] == "rejected":  # rules, not rights: must not be a shape error
            assert all(e["code"] != "malformed" for e in updated["errors"]), updated
    assert {c for c, o in outcome.items() if o[0]} == set(creatable), user
    assert {c for c, o in outcome.items() if o[1]} == set(updatable), user
    # delete: offa only (and refused while in use); reference data and documents never pushed
    for collection in WORKING:
        version = _version(offa, collection, ids[collection])
        deleted = client.push([op(collection, ids[collection], "delete", version)])[0]
        if user == "offa":
            assert deleted["status"] != "forbidden", (collection, deleted)
        else:
            assert deleted["status"] == "forbidden", (user, collection, deleted)
    ref = client.create("sectors", {"code": "spatial", "name": "Spatial"})
    doc = client.create("documents", {"record": f"companies/{ids['companies']}"})
    assert ref["status"] == "forbidden" and doc["status"] == "forbidden"


def test_coach_may_create_approvals_only_as_requested(login: Login, scene: dict[str, Any]) -> None:
    coach = login("coach")
    w = scene["world"]
    granted = coach.create("approvals", f.approval(w.unit, "menuisier", status="granted"))
    assert granted["status"] == "forbidden"
    requested = coach.create(
        "approvals", f.approval(w.unit, "menuisier", status="requested", decided_on=None)
    )
    assert requested["status"] == "applied", requested
