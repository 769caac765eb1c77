"""The unit of work: validation first, then row and outbox op in one transaction (or neither)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from offa_desktop.domain.uniqueness import duplicate_message
from offa_desktop.domain.validation import ValidationError
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy
from offa_desktop.store.records import table
from offa_desktop.store.tables import BASE, OUTBOX
from offa_desktop.store.uow import RecordNotFound
from tests.store.conftest import company, learner, niss
from tests.store.server_rows import erase_record, put_server_record


def ops(wc: WorkingCopy) -> list[dict[str, object]]:
    with wc.session() as s:
        return [dict(r) for r in s.execute(select(OUTBOX).order_by(OUTBOX.c.seq)).mappings()]


def rows(wc: WorkingCopy, collection: str) -> int:
    with wc.session() as s:
        return int(s.execute(select(func.count()).select_from(table(collection))).scalar_one())


def test_create_writes_row_and_op_with_the_whole_record(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        rid = uow.create("learners", learner(email="helene@example.be"))
    assert uow.changes.ids == {"learners": {rid}}
    with wc.session() as s:
        stored = queries.get_record(s, "learners", rid)
    assert stored is not None and stored.version is None and not stored.deleted
    assert stored.data["last_name"] == "Wałęsa" and stored.data["birth_date"] == "2004-03-12"
    [op] = ops(wc)
    assert (op["collection"], op["record_id"], op["kind"]) == ("learners", rid, "create")
    assert op["base_version"] is None and op["state"] == "pending"
    assert op["fields"] == stored.data  # every field, absent ones null
    assert op["fields"]["iban"] is None  # type: ignore[index]


def test_update_sends_only_changed_fields_on_the_server_version(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        put_server_record(uow, "learners", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0001", 41, False,
                              learner(), "2026-11-20T10:00:00Z", None)  # fmt: skip
    with wc.unit_of_work() as uow:
        changed = uow.update(
            "learners",
            "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0001",
            {"city": "Ixelles", "postal_code": "1050", "first_name": "Hélène"},
        )
    assert changed == {"city": "Ixelles", "postal_code": "1050"}  # first_name did not change
    [op] = ops(wc)
    assert op["kind"] == "update" and op["base_version"] == 41
    assert op["fields"] == {"city": "Ixelles", "postal_code": "1050"}
    with wc.session() as s:
        assert queries.get(s, "learners", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0001")["city"] == (  # type: ignore[index]
            "Ixelles"
        )
        # the base keeps the server state for three-way merges
        base = s.execute(
            select(BASE.c.version, BASE.c.data).where(BASE.c.collection == "learners")
        ).one()
    assert base.version == 41 and base.data["city"] == "Bruxelles"


def test_update_without_change_queues_nothing(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        rid = uow.create("companies", company())
    with wc.unit_of_work() as uow:
        assert uow.update("companies", rid, {"name": "Boulangerie Ștefan"}) == {}
    assert [op["kind"] for op in ops(wc)] == ["create"]


def test_invalid_create_writes_nothing_and_names_the_field(wc: WorkingCopy) -> None:
    with pytest.raises(ValidationError) as caught:
        with wc.unit_of_work() as uow:
            uow.create("learners", learner(niss="12345678901", postal_code="99"))
    fields = {p.field for p in caught.value.problems}
    assert {"niss", "postal_code"} <= fields
    assert all(p.message for p in caught.value.problems)
    assert (
        "NISS"
        in caught.value.problems[[p.field for p in caught.value.problems].index("niss")].message
    )
    assert rows(wc, "learners") == 0 and ops(wc) == []


def test_failure_in_the_middle_leaves_neither_row_nor_op(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        kept = uow.create("companies", company())
    with pytest.raises(RuntimeError):
        with wc.unit_of_work() as uow:
            uow.create("learners", learner())
            uow.update("companies", kept, {"employee_count": 9})
            raise RuntimeError("disk unplugged")
    assert rows(wc, "learners") == 0
    assert [op["kind"] for op in ops(wc)] == ["create"]
    with wc.session() as s:
        assert queries.get(s, "companies", kept)["employee_count"] == 4  # type: ignore[index]


def test_a_caught_validation_error_keeps_the_earlier_edits_of_the_unit(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        first = uow.create("learners", learner())
        with pytest.raises(ValidationError):
            uow.create("learners", learner(birth_date="2004-02-30"))
    assert rows(wc, "learners") == 1
    assert [op["record_id"] for op in ops(wc)] == [first]


def test_duplicates_among_live_records(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        first = uow.create("learners", learner())
        uow.create("companies", company())
    for collection, data, field in (
        ("learners", learner(first_name="Autre"), "niss"),
        ("companies", company(name="Autre"), "enterprise_number"),
    ):
        with pytest.raises(ValidationError) as caught:
            with wc.unit_of_work() as uow:
                uow.create(collection, data)
        [dup] = [p for p in caught.value.problems if p.code == "duplicate"]
        assert dup.field == field and dup.message == duplicate_message(collection)
    # an update onto another record's NISS is a duplicate too
    with wc.unit_of_work() as uow:
        other = uow.create("learners", learner(niss=niss("2005-06-01", 7), birth_date="2005-06-01"))
    with pytest.raises(ValidationError):
        with wc.unit_of_work() as uow:
            uow.update("learners", other, {"niss": learner()["niss"]})
    # once the first is deleted, its NISS is free again
    with wc.unit_of_work() as uow:
        uow.delete("learners", first)
        uow.create("learners", learner(first_name="Nouvelle"))
    assert rows(wc, "learners") == 3


def test_delete_tombstones_and_queues_an_op(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        put_server_record(uow, "companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0002", 7, False,
                              company(), None, None)  # fmt: skip
    with wc.unit_of_work() as uow:
        uow.delete("companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0002")
    op = ops(wc)[-1]
    assert (op["kind"], op["base_version"], op["fields"]) == ("delete", 7, {})
    with wc.session() as s:
        assert queries.get(s, "companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0002") is None
        tomb = queries.get_record(s, "companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0002")
    assert tomb is not None and tomb.deleted
    with pytest.raises(RecordNotFound, match="n'existe pas"):
        with wc.unit_of_work() as uow:
            uow.update("companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0002", {"name": "X"})


def test_delete_refused_while_in_use(wc: WorkingCopy) -> None:
    with wc.unit_of_work() as uow:
        cid = uow.create("companies", company())
        put_server_record(
            uow,
            "tutors",
            "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0003",
            3,
            False,
            {
                "company_id": cid,
                "first_name": "Jan",
                "last_name": "Peeters",
                "condition": "experience",
            },  # fmt: skip
            None,
            None,
        )
    with pytest.raises(ValidationError) as caught:
        with wc.unit_of_work() as uow:
            uow.delete("companies", cid)
    assert caught.value.problems[0].code == "in_use" and "tuteurs" in str(caught.value)


def test_reference_data_is_read_only_locally(wc: WorkingCopy) -> None:
    with pytest.raises(ValueError):
        with wc.unit_of_work() as uow:
            uow.create("trades", {"code": "x", "name": "X", "sector": "horeca"})


def test_server_fields_unknown_here_are_kept(wc: WorkingCopy) -> None:
    data = {**company(), "founded_on": "1990-01-01", "employee_count": "many"}
    with wc.unit_of_work() as uow:
        put_server_record(uow, "companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0004", 12, False,
                              data, "2026-11-23T09:15:00Z", "u1")  # fmt: skip
    with wc.session() as s:
        got = queries.get(s, "companies", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0004")
    assert got == {
        **data,
        "email": None,
        "phone": None,
    }  # a newer server's field and a value the typed column cannot hold


def test_erase_record_removes_row_base_ops_and_search_entry(wc: WorkingCopy) -> None:
    rid = "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0005"
    with wc.unit_of_work() as uow:
        put_server_record(uow, "learners", rid, 5, False, learner(), None, None)
    with wc.unit_of_work() as uow:
        uow.update("learners", rid, {"city": "Namur", "postal_code": "5000"})
    with wc.session() as s:
        assert [h.id for h in queries.search(s, "Wałęsa")] == [rid]
    with wc.unit_of_work() as uow:
        erase_record(uow, "learners", rid)
    assert rows(wc, "learners") == 0 and ops(wc) == []
    with wc.session() as s:
        assert s.execute(select(BASE).where(BASE.c.record_id == rid)).first() is None
        assert queries.search(s, "Wałęsa") == []


def test_money_and_dates_round_trip_exactly(wc: WorkingCopy) -> None:
    data = {
        "valid_from": "2026-01-01",
        "rmmmg": "2112.09",
    }
    with wc.unit_of_work() as uow:
        put_server_record(uow, "wage_references", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0006", 99,
                              False, data, None, None)  # fmt: skip
    with wc.session() as s:
        got = queries.get(s, "wage_references", "0b0b8c9e-1c7a-4c4e-9a37-6c1f8f3f0006")
        ordered = [r.data["rmmmg"] for r in queries.page(s, "wage_references", sort="rmmmg")]
    assert got == data
    assert ordered == ["1842.28", "2070.48", "2112.09"]


def test_a_contract_event_changes_its_contract_locally_without_an_extra_op(
    tmp_path: Path,
) -> None:
    today = date(2026, 11, 23)
    wc = WorkingCopy.open(tmp_path / "wc.sqlite3")
    fill_working_copy(wc, 30, seed=2, today=today, base=False)
    with wc.session() as s:
        [active] = queries.page(s, "contracts", filters={"status": "active"}, limit=1)
    event = {
        "contract_id": active.id,
        "kind": "termination",
        "effective_date": today.isoformat(),
        "reason_code": "mutual_agreement",
        "details": {"initiator": "both"},
    }
    with wc.unit_of_work() as uow:
        event_id = uow.create("contract_events", event)
    assert uow.changes.ids == {"contract_events": {event_id}, "contracts": {active.id}}
    with wc.session() as s:
        after = queries.get_record(s, "contracts", active.id)
    assert after is not None and after.data["status"] == "terminated"
    assert after.version == active.version  # still the server's version: the server does the same
    assert [(op["collection"], op["kind"]) for op in ops(wc)] == [("contract_events", "create")]
    wc.close()
