"""The radar's SQL reads only candidates: the rules must find exactly the same over them as over
every record of the copy (read through the store's SQLAlchemy side), on many days."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from offa_desktop.domain.deadlines import find_all
from offa_desktop.domain.radar import Facts
from offa_desktop.store import plain_sql, queries, radar_rows
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.demo_fill import fill_working_copy

TODAY = date(2026, 12, 6)


@pytest.fixture(scope="module")
def demo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("radar") / "wc.sqlite3"
    wc = WorkingCopy.open(path)
    fill_working_copy(wc, 1500, seed=3, today=TODAY)
    wc.close()
    return path


def every_record(path: Path) -> Facts:
    """Facts holding every live record, through SQLAlchemy (another path than radar_rows)."""
    wc = WorkingCopy.open(path)
    f = Facts()
    try:
        with wc.session() as db:
            def all_of(collection: str) -> list[Any]:
                return queries.page(db, collection, limit=10**7)

            f.contracts = {r.id: r.data for r in all_of("contracts")}
            f.learners = {r.id: r.data for r in all_of("learners")}
            f.units = {r.id: r.data for r in all_of("establishment_units")}
            f.approvals = {r.id: r.data for r in all_of("approvals")}
            f.tutors = {r.id: r.data for r in all_of("tutors")}
            f.visits = {r.id: r.data for r in all_of("visits")}
            f.referrals = {r.id: r.data for r in all_of("mediation_referrals")}
            for r in all_of("incentive_claims"):
                f.claims[r.id] = r.data
                assert r.updated_at is not None
                f.claim_since[r.id] = r.updated_at.date()
            for r in all_of("contract_events"):
                f.events.setdefault(r.data["contract_id"], []).append(r.data)
            for cid, c in f.contracts.items():
                f.learner_contracts.setdefault(c["learner_id"], []).append(cid)
            f.wage_references = queries.reference(db, "wage_references")
            f.pay_rates = queries.reference(db, "pay_rates")
            f.limits = queries.reference(db, "limits")
    finally:
        wc.close()
    return f


def findings(f: Facts, today: date) -> list[tuple[str, str, date, str]]:
    return sorted((x.rule, x.id, x.due, x.detail) for x in find_all(f, today))


@pytest.mark.parametrize("shift", [-400, -120, -30, 0, 1, 45, 200])
def test_candidates_find_what_every_record_finds(demo_copy: Path, shift: int) -> None:
    today = TODAY + timedelta(days=shift)
    everything = every_record(demo_copy)
    conn = plain_sql.connect(demo_copy)
    try:
        candidates, _window = radar_rows.load_facts(conn, today)
    finally:
        conn.close()
    expected = findings(everything, today)
    assert findings(candidates, today) == expected
    assert len(candidates.contracts) < len(everything.contracts)  # it did narrow
    # each rule examines only its own candidates, barely more than it lists
    assert candidates.candidates is not None
    listed: dict[str, int] = {}
    for rule, *_rest in expected:
        key = "approval_decision" if rule.startswith("approval_decision") else rule
        listed[key] = listed.get(key, 0) + 1
    for key, ids in candidates.candidates.items():
        assert len(ids) <= 2 * listed.get(key, 0) + 25, (key, len(ids), listed.get(key))
    if shift == 0:
        assert len({rule for rule, *_ in expected}) >= 5


@pytest.mark.parametrize("cents", [0, 1, 5, 99, 100, 101, 67580, 123456, -1, -5, -100, -12345])
def test_pay_in_cents_written_as_the_api_writes_money(cents: int) -> None:
    from decimal import Decimal

    assert radar_rows._money(cents) == f"{Decimal(cents).scaleb(-2):.2f}"
    assert radar_rows._money(None) is None


def test_the_events_each_rule_reads_are_read_for_its_candidates(
    demo_copy: Path, tmp_path: Path
) -> None:
    """The store reads only the kinds of event a rule looks at, of that rule's candidates (the
    demo has no amendment): an amendment after today puts a contract's end off, one dated today
    does not; a level change from B takes a contract out of P2 at risk; the candidates find
    what every record finds."""
    import shutil
    import uuid

    from tests.store.server_rows import put_server_record

    path = tmp_path / "wc.sqlite3"
    shutil.copyfile(demo_copy, path)

    def listed(rule: str) -> list[str]:
        conn = plain_sql.connect(path)
        try:
            facts, _window = radar_rows.load_facts(conn, TODAY)
        finally:
            conn.close()
        return sorted(x.id for x in find_all(facts, TODAY) if x.rule == rule)

    ending, at_risk = listed("contract_end"), listed("p2_at_risk")
    assert len(ending) >= 2 and at_risk
    wc = WorkingCopy.open(path)
    try:
        with wc.unit_of_work() as uow:
            for n, (contract, kind, on, details) in enumerate((
                (ending[0], "amendment", TODAY + timedelta(days=5),
                 {"changes": {"end_date": "2030-06-30"}}),
                (ending[1], "amendment", TODAY, {"changes": {"end_date": "2030-06-30"}}),
                (at_risk[0], "level_change", TODAY - timedelta(days=20),
                 {"from_level": "b", "to_level": "c", "monthly_pay": "1400.00"}),
            )):
                put_server_record(uow, "contract_events", str(uuid.uuid4()), 900 + n, False,
                                  {"contract_id": contract, "kind": kind,
                                   "effective_date": on.isoformat(), "details": details},
                                  "2026-11-01T00:00:00Z")
    finally:
        wc.close()
    now_ending, now_at_risk = listed("contract_end"), listed("p2_at_risk")
    assert ending[0] not in now_ending and ending[1] in now_ending
    assert at_risk[0] not in now_at_risk
    conn = plain_sql.connect(path)
    try:
        candidates, _window = radar_rows.load_facts(conn, TODAY)
    finally:
        conn.close()
    assert findings(candidates, TODAY) == findings(every_record(path), TODAY)


def test_p2_reads_agreed_tutors_and_walloon_units_from_their_partial_indexes(
    demo_copy: Path, tmp_path: Path
) -> None:
    """P2 looks its candidates' tutors up among the agréé ones only and their units among the
    Walloon ones (migration 0023's partial indexes): a tutor made agréé at the very threshold
    (5 years, 8.0 hours) takes its contract out of P2 at risk, 7.5 hours does not, the same
    tutor deleted puts it back (a tutor the rule does not know is not agréé); a unit moved out
    of Wallonia takes its contract out; each time the candidates find what every record finds."""
    import shutil

    from tests.store.server_rows import put_server_record

    path = tmp_path / "wc.sqlite3"
    shutil.copyfile(demo_copy, path)

    def at_risk() -> dict[str, str]:
        conn = plain_sql.connect(path)
        try:
            facts, _window = radar_rows.load_facts(conn, TODAY)
        finally:
            conn.close()
        found = {x.id: x.detail for x in find_all(facts, TODAY) if x.rule == "p2_at_risk"}
        expected = findings(every_record(path), TODAY)
        assert findings(facts, TODAY) == expected
        return found

    before = at_risk()
    everything = every_record(path)
    by_tutor: dict[str, str] = {}
    for cid, detail in sorted(before.items()):
        tutor = everything.contracts[cid].get("tutor_id")
        if "tuteur non agréé" in detail and "s'arrête" not in detail and tutor:
            by_tutor.setdefault(str(tutor), cid)
    # (a tutor may have several contracts: only these two are asserted)
    (agreed_tutor, agreed), (short_tutor, short) = list(by_tutor.items())[:2]
    unit_of = {cid: str(everything.contracts[cid]["establishment_unit_id"]) for cid in before}
    moved = next(cid for cid in sorted(before) if cid not in (agreed, short)
                 and list(unit_of.values()).count(unit_of[cid]) == 1
                 and unit_of[cid] not in (unit_of[agreed], unit_of[short]))

    def put(collection: str, rid: str, version: int, deleted: bool, **changes: Any) -> None:
        record = {**(everything.tutors if collection == "tutors" else everything.units)[rid],
                  **changes}
        wc = WorkingCopy.open(path)
        try:
            with wc.unit_of_work() as uow:
                put_server_record(uow, collection, rid, version, deleted, record,
                                  "2026-11-02T00:00:00Z")
        finally:
            wc.close()

    put("tutors", agreed_tutor, 901, False, condition="experience", experience_years=5,
        training_hours=8.0)
    put("tutors", short_tutor, 901, False, condition="experience", experience_years=5,
        training_hours=7.5)
    put("establishment_units", unit_of[moved], 901, False, region="bxl")
    now = at_risk()
    assert agreed not in now and short in now and moved not in now
    put("tutors", agreed_tutor, 902, True)
    assert agreed in at_risk()


def test_the_radars_connections_keep_a_smaller_page_cache(
    demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A compute and the naming of an unfolded group read with RADAR_CACHE_KIB of page cache
    (fewer page faults in a fresh process), other readers with CACHE_KIB; naming more than
    NAMING_FEW lines (every line: the same pages read again) with CACHE_KIB."""
    from offa_desktop.ops import radar

    sizes: list[int] = []  # each connection's page cache when it is closed
    real = plain_sql.connect

    class Spied:
        def __init__(self, conn: Any) -> None:
            self.conn = conn

        def __getattr__(self, name: str) -> Any:
            return getattr(self.conn, name)

        def close(self) -> None:
            sizes.append(-self.conn.execute("PRAGMA cache_size").fetchone()[0])
            self.conn.close()

    monkeypatch.setattr(plain_sql, "connect", lambda path, *args: Spied(real(path, *args)))
    result = radar.compute(demo_copy, TODAY, named=1)
    radar.name_items(demo_copy, result.items[:5])
    assert sizes == [plain_sql.RADAR_CACHE_KIB] * 2
    assert plain_sql.RADAR_CACHE_KIB < plain_sql.CACHE_KIB
    conn = real(demo_copy)
    try:
        assert -conn.execute("PRAGMA cache_size").fetchone()[0] == plain_sql.CACHE_KIB
    finally:
        conn.close()
    groups = len(result.by_rule())  # named=1: a line named per group
    assert len(result.items) > groups + 1
    monkeypatch.setattr(radar, "NAMING_FEW", groups)
    sizes.clear()
    radar.compute(demo_copy, TODAY)
    radar.compute(demo_copy, TODAY, named=1)
    radar.name_items(demo_copy, result.items[:groups + 1])
    radar.name_items(demo_copy, result.items[:groups])
    assert sizes == [plain_sql.CACHE_KIB, plain_sql.RADAR_CACHE_KIB,
                     plain_sql.CACHE_KIB, plain_sql.RADAR_CACHE_KIB]
