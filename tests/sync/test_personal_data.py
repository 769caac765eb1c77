"""A person's data on request (issue 16): the ZIP of a learner's (and a tutor's) data read back
and compared with the server's records and history; the PDF summary read back (pdftotext) with
DejaVu embedded; who may ask (OFFA, the learner's operator), on the server and on the client.
Real server (seeded demo data), real working copy, real PDF."""

from __future__ import annotations

import hashlib
import io
import json
import uuid
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from pypdf import PdfReader

from offa_desktop.domain.identifiers import format_niss
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops.personal_data import JSON_NAME, PDF_NAME, PersonDataRefused, export_person
from sync.server.testing import run_cli
from tests.printing.pdfread import pages_text
from tests.sync.harness import PASSWORD, Device, Server, api, server_state

PDF = b"%PDF-1.4\n% une carte d'identite scannee\n%%EOF\n"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("person-server")
    srv = Server(f"sqlite:///{folder / 'server.sqlite3'}")
    done = run_cli(["seed-demo", "--database", srv.database_url, "--size", "40"])
    assert done.returncode == 0, done.stderr
    srv.user("pd-offa", role="offa")
    srv.user("pd-coach", role="coach", sectors=("construction",))
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


State = dict[tuple[str, str], dict[str, Any]]


def _about_learner(state: State, learner: str) -> set[tuple[str, str]]:
    """The expected records, computed here from the server's state (not with the domain's
    walk, which is what is under test)."""
    live = {k: v["data"] for k, v in state.items() if not v["deleted"]}
    contracts = {i for (c, i), d in live.items() if c == "contracts" and d["learner_id"] == learner}
    found = {("learners", learner)} | {("contracts", i) for i in contracts}
    for (c, i), d in live.items():
        if c in ("contract_events", "visits") and d.get("contract_id") in contracts:
            found.add((c, i))
        if c == "incentive_claims" and set(d.get("contract_ids") or []) & contracts:
            found.add((c, i))
        if c == "mediation_referrals" and d.get("contract_id") in contracts:
            found.add((c, i))
        if c == "learner_transfers" and d["niss"] == live[("learners", learner)]["niss"]:
            found.add((c, i))
    records = {f"{c}/{i}" for c, i in found}
    found |= {("documents", i) for (c, i), d in live.items()
              if c == "documents" and d["record"] in records}  # fmt: skip
    return found


def test_a_learners_zip_holds_every_record_about_them_and_their_history(
    demo: Server, tmp_path: Path
) -> None:
    staff = api(demo.url, "pd-offa")
    state = server_state(staff)
    learners = [i for (c, i), v in state.items() if c == "learners" and not v["deleted"]]
    # the learner with the most records about them (contracts, events, visits, claims)
    learner = max(learners, key=lambda i: len(_about_learner(state, i)))
    data = state[("learners", learner)]["data"]
    # a document of the learner and a change of their phone: history beyond the creation
    doc_id = str(uuid.uuid4())
    staff.put_document(doc_id, PDF, media_type="application/pdf",
                       sha256=hashlib.sha256(PDF).hexdigest(),
                       record=f"learners/{learner}", file_name="carte-identité.pdf")  # fmt: skip
    state = server_state(staff)
    base = state[("learners", learner)]["version"]
    result = staff.push("pd-test", [{
        "op_id": str(uuid.uuid4()), "collection": "learners", "id": learner, "kind": "update",
        "base_version": base, "fields": {"phone": "0470 99 88 77"}}])[0]  # fmt: skip
    assert result["status"] == "applied", result
    # another operator asks for the learner's mobility: that names them by NISS
    other = next(v["data"]["code"] for (c, _i), v in sorted(state.items())
                 if c == "operators" and v["data"]["code"] != data["operator_code"])  # fmt: skip
    transfer = str(uuid.uuid4())
    result = staff.push("pd-test", [{
        "op_id": str(uuid.uuid4()), "collection": "learner_transfers", "id": transfer,
        "kind": "create", "base_version": None, "fields": {
            "niss": data["niss"], "from_operator": data["operator_code"], "to_operator": other,
            "status": "requested", "requested_on": brussels_today().isoformat()}}])[0]  # fmt: skip
    assert result["status"] == "applied", result
    state = server_state(staff)
    expected = _about_learner(state, learner)
    assert ("documents", doc_id) in expected and ("learner_transfers", transfer) in expected

    d = Device(tmp_path / "offa", "pd-offa", demo.url)
    d.login()
    assert d.run("sync").status == 0
    out = tmp_path / "export" / "donnees.zip"
    done = export_person(d.session, "learners", learner, out)
    d.close()
    assert out.stat().st_mode & 0o077 == 0
    with zipfile.ZipFile(out) as zf:
        names = set(zf.namelist())
        payload = json.loads(zf.read(JSON_NAME))
        pdf = zf.read(PDF_NAME)
        files = {n: zf.read(n) for n in names if n.startswith("documents/")}
    assert payload["person"] == {"collection": "learners", "id": learner}
    got = {(c, r["id"]) for c, rs in payload["records"].items() for r in rs}
    assert got == expected
    for c, rs in payload["records"].items():
        for r in rs:
            assert r["version"] == state[(c, r["id"])]["version"]
            assert r["data"] == state[(c, r["id"])]["data"], (c, r["id"])
    # the history: every entry of every one of those records, as the server keeps them
    http = httpx.Client(base_url=demo.url, timeout=30)
    token = http.post("/api/v1/auth/token", json={"username": "pd-offa", "password": PASSWORD,
                                                   "device_name": "verif"}).json()  # fmt: skip
    http.headers["Authorization"] = "Bearer " + token["access_token"]
    want = []
    for c, i in sorted(expected):
        for e in http.get(f"/api/v1/records/{c}/{i}/history").json()["entries"]:
            want.append((c, i, e["version"], e["kind"]))
    have = [(e["collection"], e["record_id"], e["version"], e["kind"]) for e in payload["history"]]
    assert sorted(have) == sorted(want) and len(have) == done.history_entries
    assert [e["at"] for e in payload["history"]] == sorted(e["at"] for e in payload["history"])
    assert any(e["kind"] == "update" and e["after"] == {"phone": "0470 99 88 77"}
               for e in payload["history"])  # fmt: skip
    assert list(files.values()) == [PDF] and done.documents == 1
    # the readable summary: French, the person's name and NISS, every section, DejaVu embedded
    text = " ".join(pages_text(pdf))
    assert f"Données personnelles de {data['first_name']} {data['last_name']}" in text
    assert format_niss(data["niss"]) in text and "Contrats" in text
    assert "Historique des modifications" in text and "RGPD" in text
    reader = PdfReader(io.BytesIO(pdf))
    fonts = {str(f["/BaseFont"]) for p in reader.pages
             for f in (p["/Resources"].get("/Font") or {}).values()}  # fmt: skip
    assert fonts and all("DejaVuSans" in f for f in fonts)


def test_a_tutors_zip_names_the_records_naming_them(demo: Server, tmp_path: Path) -> None:
    staff = api(demo.url, "pd-offa")
    state = server_state(staff)
    live = {k: v["data"] for k, v in state.items() if not v["deleted"]}
    tutor = next(d["tutor_id"] for (c, _i), d in sorted(live.items()) if c == "contracts")
    expected = {("tutors", tutor)}
    expected |= {(c, i) for (c, i), d in live.items()
                 if c == "contracts" and d["tutor_id"] == tutor}  # fmt: skip
    expected |= {(c, i) for (c, i), d in live.items()
                 if c == "approvals" and tutor in (d.get("tutor_ids") or [])}  # fmt: skip
    expected |= {(c, i) for (c, i), d in live.items()
                 if c == "incentive_claims" and d.get("tutor_id") == tutor}  # fmt: skip
    d = Device(tmp_path / "offa", "pd-offa", demo.url)
    d.login()
    assert d.run("sync").status == 0
    out = tmp_path / "tuteur.zip"
    export_person(d.session, "tutors", tutor, out)
    d.close()
    with zipfile.ZipFile(out) as zf:
        payload = json.loads(zf.read(JSON_NAME))
    assert {(c, r["id"]) for c, rs in payload["records"].items() for r in rs} == expected


def test_only_offa_and_the_learners_operator_may_ask(demo: Server, tmp_path: Path) -> None:
    staff = api(demo.url, "pd-offa")
    state = server_state(staff)
    learner, data = next((i, v["data"]) for (c, i), v in sorted(state.items())
                         if c == "learners" and not v["deleted"])  # fmt: skip
    operator = data["operator_code"]
    other = next(i for (c, i), v in state.items() if c == "operators"
                 and v["data"]["code"] != operator)  # fmt: skip
    other_code = state[("operators", other)]["data"]["code"]
    demo.user("pd-sec", role="secretariat", operator=operator)
    demo.user("pd-sec-other", role="secretariat", operator=other_code)

    def history(username: str) -> httpx.Response:
        http = httpx.Client(base_url=demo.url, timeout=30)
        token = http.post("/api/v1/auth/token", json={"username": username, "password": PASSWORD,
                                                       "device_name": "x"}).json()  # fmt: skip
        http.headers["Authorization"] = "Bearer " + token["access_token"]
        return http.get(f"/api/v1/people/learners/{learner}/history")

    assert history("pd-sec").status_code == 200
    assert history("pd-sec-other").status_code == 404  # not in their scope
    assert history("pd-coach").status_code in (403, 404)
    coach = Device(tmp_path / "coach", "pd-coach", demo.url)
    coach.login()
    assert coach.run("sync").status == 0
    with pytest.raises(PersonDataRefused):
        export_person(coach.session, "learners", learner, tmp_path / "non.zip")
    coach.close()
    assert not (tmp_path / "non.zip").exists()
