"""The use cases of ops/ as the window calls them, without a display: what they read, what
they write (one transaction, an outbox op, a change set), and what they refuse (French)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from offa_desktop.domain.uniqueness import duplicate_message
from offa_desktop.domain.validation import ValidationError
from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.records import editing, history, lists, writes
from offa_desktop.store import pending, queries
from offa_desktop.store.db import WorkingCopy


def _first(wc: WorkingCopy, collection: str, **equals: object) -> tuple[str, dict[str, Any]]:
    found = editing.find(wc, collection, **equals)
    assert found, f"the demo copy has no {collection} {equals}"
    return found[0]


def test_check_finds_what_the_unit_of_work_refuses_and_names_the_field(wc: WorkingCopy) -> None:
    learner_id, learner = _first(wc, "learners")
    # a second learner with the same NISS: the same message as typed and as saved
    found = editing.check(wc, "learners", {**learner, "first_name": "Autre"})
    [dup] = [p for p in found.problems if p.code == "duplicate"]
    assert dup.field == "niss" and dup.message == duplicate_message("learners")
    with pytest.raises(ValidationError) as refused:
        editing.save(wc, "learners", None, {**learner, "first_name": "Autre"})
    assert [p.message for p in refused.value.problems if p.code == "duplicate"] == [dup.message]
    # its own record is no duplicate of itself
    same = editing.check(wc, "learners", learner, previous=learner, record_id=learner_id)
    assert [p for p in same.problems if p.code == "duplicate"] == []


def test_save_sends_only_what_changed_and_returns_the_change_set(wc: WorkingCopy) -> None:
    company_id, company = _first(wc, "companies")
    saved = editing.save(wc, "companies", company_id, {**company, "employee_count": 977})
    assert saved.record_id == company_id and saved.touches("companies")
    assert saved.changed == {"employee_count": 977}
    with wc.session() as db:
        assert queries.get(db, "companies", company_id)["employee_count"] == 977
        assert lists.sync_states(db, "companies", [company_id]) == {company_id: "pending"}
        assert pending.local_edits(db, "companies", company_id)[0]["fields"] == {
            "employee_count": 977
        }
    # saving the same values again queues nothing more
    again = editing.save(wc, "companies", company_id, {**company, "employee_count": 977})
    assert again.changed == {}
    with wc.session() as db:
        assert len(pending.local_edits(db, "companies", company_id)) == 1


def test_a_record_gone_meanwhile_is_refused_in_french(wc: WorkingCopy) -> None:
    with pytest.raises(writes.RecordNotFound) as gone:
        writes.update(wc, "companies", "00000000-0000-4000-8000-000000000000", {"name": "X"})
    assert "n'existe pas" in gone.value.message and gone.value.code == "not_found"


def test_history_lists_unsent_edits_and_why_the_server_part_is_missing(wc: WorkingCopy) -> None:
    company_id, company = _first(wc, "companies")
    editing.save(wc, "companies", company_id, {**company, "name": "Nouveau nom SRL"})

    class Offline:
        """A sync session whose server cannot be reached (as the window's, offline)."""

        def __init__(self, wc: WorkingCopy) -> None:
            self.wc = wc

        def client(self) -> Any:
            from sync.errors import NetworkError

            raise NetworkError("Serveur injoignable : vérifiez la connexion.")

    found = history.record_history(Offline(wc), "companies", company_id)
    assert [e["fields"] for e in found.local] == [{"name": "Nouveau nom SRL"}]
    assert found.server == []
    assert found.server_error == "Serveur injoignable : vérifiez la connexion."


def test_unit_picker_reads_granted_units_only_when_asked(wc: WorkingCopy) -> None:
    every = drafting.unit_options(wc)
    granted = drafting.units_with_granted_approval(wc)
    assert granted and len(granted) <= len(every)
    for option in granted:
        approvals = editing.find(wc, "approvals", establishment_unit_id=option.id, status="granted")
        assert approvals, option.label
    named = drafting.unit_options(wc, ids=[granted[0].id])
    assert [o.id for o in named] == [granted[0].id]


def test_the_contract_form_prints_to_a_file_written_whole(wc: WorkingCopy, tmp_path: Path) -> None:
    contract_id, contract = _first(wc, "contracts", status="active")
    path = drafting.render_contract(wc, contract_id, tmp_path / "out")
    assert path.parent == tmp_path / "out" and path.exists()
    assert path.name.lower().endswith(f"{contract_id[:8]}.pdf")
    assert not list((tmp_path / "out").glob(".*.part"))  # no half-written file left
    assert len(PdfReader(path).pages) >= 1
