"""The per-user ``snoozes`` collection (an addition to API v1): each user reads and writes only
their own, whatever the role; the owner may delete them; other users never see them."""

from __future__ import annotations

import uuid
from typing import Any

from tests.server.api import op


def snooze(user_id: str, **changes: Any) -> dict[str, Any]:
    data = {"user_id": user_id, "rule": "trial_end",
            "record": f"contracts/{uuid.uuid4()}", "until": "2026-12-20",
            "reason": "L'entreprise rappelle lundi."}
    return {**data, **changes}


def test_snoozes_are_private_to_their_owner(login: Any) -> None:
    sec, offa, coach = login("sec"), login("offa"), login("coach")
    mine = sec.create("snoozes", snooze(sec.user["id"]))
    assert mine["status"] == "applied", mine
    own_offa = offa.create("snoozes", snooze(offa.user["id"]))
    assert own_offa["status"] == "applied"
    for client in (sec, offa, coach):
        client.pull_all(checksum=True)
    held = {c.user["username"] if "username" in c.user else c.user["role"]:
            [k for k in c.replica if k[0] == "snoozes"] for c in (sec, offa, coach)}
    assert len(held["secretariat"]) == 1 and len(held["offa"]) == 1 and held["coach"] == []
    assert sec.replica[held["secretariat"][0]][1]["reason"] == "L'entreprise rappelle lundi."
    assert held["offa"][0] != held["secretariat"][0]  # offa reads everything else, not this
    page = offa.pull_page(checksum=True)
    assert page["checksum"]["snoozes"]["count"] == 1


def test_only_the_owner_writes_and_deletes(login: Any) -> None:
    sec, sec2, offa = login("sec"), login("sec2"), login("offa")
    record_id = str(uuid.uuid4())
    created = sec.create("snoozes", snooze(sec.user["id"]), record_id)
    version = created["version"]
    # someone else's user_id: forbidden, even for offa; nor may offa change or delete mine
    assert sec2.create("snoozes", snooze(sec.user["id"]))["status"] == "forbidden"
    assert offa.create("snoozes", snooze(sec.user["id"]))["status"] == "forbidden"
    assert offa.update("snoozes", record_id, version, {"until": "2027-01-10"})["status"] == \
        "forbidden"
    assert sec2.update("snoozes", record_id, version, {"until": "2027-01-10"})["status"] == \
        "forbidden"
    # the owner moves it and deletes it (delete is not offa-only here)
    moved = sec.update("snoozes", record_id, version, {"until": "2027-01-10"})
    assert moved["status"] == "applied"
    gone = sec.push([op("snoozes", record_id, "delete", moved["version"], {})])[0]
    assert gone["status"] == "applied", gone


def test_a_snooze_names_a_known_rule_and_its_record(login: Any) -> None:
    sec = login("sec")
    bad_rule = sec.create("snoozes", snooze(sec.user["id"], rule="whenever"))
    assert bad_rule["status"] == "rejected"
    assert [e["field"] for e in bad_rule["errors"]] == ["rule"]
    wrong = sec.create("snoozes", snooze(sec.user["id"], record=f"learners/{uuid.uuid4()}"))
    assert wrong["status"] == "rejected" and wrong["errors"][0]["field"] == "record"
    assert "Fiche" in wrong["errors"][0]["message"]


def test_openapi_describes_the_additions(server: str) -> None:
    import httpx

    document = httpx.get(f"{server}/api/v1/openapi.json", timeout=30).json()
    text = document["info"]["description"]
    assert "`snoozes`" in text and "`limits`" in text and "forbidden" in text
