"""Worklist commands against a real server: an export holds exactly the user's scope, and the
pre-flight report refuses exactly the records the server then rejects."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from offa_desktop.domain.values import brussels_today
from offa_desktop.ops import preflight
from offa_desktop.store.records import table
from sync.engine import SyncReport
from sync.server.testing import run_cli
from tests.server.api import ApiClient
from tests.sync.harness import PASSWORD, Device, Server


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("worklist-server")
    srv = Server(f"sqlite:///{folder / 'server.sqlite3'}")
    done = run_cli(["seed-demo", "--database", srv.database_url, "--size", "300"])
    assert done.returncode == 0, done.stderr
    srv.user("wl-coach", role="coach", sectors=("construction",))
    srv.user("wl-sec", role="secretariat", operator="ifapme")
    srv.user("wl-offa", role="offa")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def device(server: Server, root: Path, username: str) -> Device:
    d = Device(root / username, username, server.url)
    d.login()
    assert d.run("sync").status == 0
    return d


def exported_ids(d: Device, out: Path) -> tuple[dict[str, Any], list[str]]:
    done = d.run("export", "contracts", "--format", "csv", "--out", str(out))
    assert done.status == 0, done.stderr
    summary = json.loads(done.stdout.splitlines()[-1])
    with out.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][0] == "Identifiant" and "Date de début" in rows[0]
    return summary, [r[0] for r in rows[1:]]


def test_an_export_holds_exactly_the_users_scope(demo_server: Server, tmp_path: Path) -> None:
    coach = device(demo_server, tmp_path, "wl-coach")
    offa = device(demo_server, tmp_path, "wl-offa")
    try:
        summary, ids = exported_ids(coach, tmp_path / "coach.csv")
        _all_summary, all_ids = exported_ids(offa, tmp_path / "offa.csv")
        seen = ApiClient(demo_server.url, "wl-coach", PASSWORD)
        try:
            seen.pull_all()
            in_scope = {i for (c, i) in seen.replica if c == "contracts"}
        finally:
            seen.close()
        assert summary == {"ok": True, "rows": len(ids), "out": str(tmp_path / "coach.csv")}
        assert set(ids) == in_scope and len(ids) == len(in_scope)
        assert 0 < len(ids) < len(all_ids)
    finally:
        coach.close()
        offa.close()


def test_preflight_refuses_what_the_server_rejects(demo_server: Server, tmp_path: Path) -> None:
    sec = device(demo_server, tmp_path, "wl-sec")
    offa = ApiClient(demo_server.url, "wl-offa", PASSWORD)
    try:
        wc = sec.session.wc
        today = brussels_today()
        c, a = table("contracts"), table("approvals")
        with wc.session() as db:
            running = db.execute(
                select(c.c.id, c.c.approval_id, c.c.level, c.c.start_date)
                .join(a, a.c.id == c.c.approval_id)
                .where(c.c.status == "active", c.c.level == "a", c.c.operator_code == "ifapme",
                       a.c.status == "granted", c.c.start_date < today)
                .order_by(c.c.id)
            ).all()
        doomed_approvals = sorted({r.approval_id for r in running})[:1]
        doomed = [r for r in running if r.approval_id in doomed_approvals]
        kept = [r for r in running if r.approval_id not in doomed_approvals][:2]
        assert doomed and kept
        # offline: a move to level B on each (valid now), queued for the server
        for r in [*doomed, *kept]:
            sec.edit(lambda u, r=r: u.create("contract_events", {
                "contract_id": r.id, "kind": "level_change", "effective_date": today.isoformat(),
                "details": {"from_level": "a", "to_level": "b", "monthly_pay": "900.00",
                            "tutor_opinion_on": today.isoformat()}}))
        assert preflight.check(wc).problems == []
        # meanwhile OFFA withdraws one of the approvals: the server ends its contracts
        offa.pull_all()
        for approval_id in doomed_approvals:
            version, _data = offa.replica[("approvals", approval_id)]
            done = offa.update("approvals", approval_id, version,
                               {"status": "withdrawn", "decided_on": today.isoformat()})
            assert done["status"] == "applied", done
        engine = sec.session.engine()
        engine.pull(SyncReport())  # the news arrive before the edits leave
        report = preflight.check(wc)
        assert report.records == len(doomed) + len(kept)
        refused = {p.id for p in report.problems}
        assert refused and len(refused) == len(doomed) == report.refused
        codes = {p.code for p in report.problems}
        assert "invalid_transition" in codes
        # the command says the same, exit 2
        done = sec.run("check", "--json")
        lines = [json.loads(line) for line in done.stdout.splitlines()]
        assert done.status == 2
        assert lines[-1] == {"ok": False, "records": report.records,
                             "problems": len(report.problems)}
        assert [set(x) for x in lines[:-1]] == [
            {"collection", "id", "field", "code", "message"}] * len(report.problems)
        # then the server rejects exactly those
        summary = sec.sync_here().summary()
        assert summary["rejected"] == len(refused)
        assert summary["applied"] == len(kept)
        assert sec.run("check", "--json").status == 0  # rejected ops are no longer pending
    finally:
        offa.close()
        sec.close()


def test_check_on_a_clean_copy(tmp_path: Path) -> None:
    from tests.printing.store_fill import fill

    fill(tmp_path)
    d = Device(tmp_path, "nobody", "http://127.0.0.1:9")
    done = d.run("check", "--json")
    assert done.status == 0
    assert json.loads(done.stdout.splitlines()[-1]) == {"ok": True, "records": 1,
                                                        "problems": 0}


def test_the_demo_fills_every_radar_group(tmp_path: Path) -> None:
    """``make run`` (``offa-desktop --demo``, 2,000 contracts, the default account synced from
    the seeded server): something in every group of "À faire", today."""
    from offa_desktop.domain.radar import RULES
    from offa_desktop.ops.radar import compute
    from offa_desktop.ops.sync.session import start_demo

    demo = start_demo(tmp_path, size=2000)
    try:
        radar = compute(demo.session.wc.path, brussels_today())
    finally:
        demo.stop()
    assert {r.code for r in RULES} <= set(radar.by_rule()), radar.by_rule()


def test_a_snooze_follows_its_user_to_another_computer(demo_server: Server,
                                                        tmp_path: Path) -> None:
    """The same secretariat on two computers: a line put off on the first is hidden on the
    second after both sync (same date, same reason); shown again on the first ("Réactiver"),
    it comes back on the second. Another user never sees it."""
    from datetime import timedelta

    from offa_desktop.ops import snoozes
    from offa_desktop.ops.radar import compute

    office = device(demo_server, tmp_path / "office", "wl-sec")
    laptop = device(demo_server, tmp_path / "laptop", "wl-sec")
    other = device(demo_server, tmp_path / "other", "wl-offa")
    try:
        today = brussels_today()
        user_id = office.session.wc.user_id
        assert user_id and user_id == laptop.session.wc.user_id
        before = compute(office.session.wc.path, today)
        line = before.items[0]
        assert line.key in {i.key for i in compute(laptop.session.wc.path, today).items}
        until = today + timedelta(days=10)
        snoozes.snooze(office.session.wc, user_id, line.rule, line.collection, line.id, until,
                       "L'entreprise rappelle lundi — Noël", today=today)
        assert office.sync_here().summary()["applied"] == 1
        laptop.sync_here()
        on_laptop = compute(laptop.session.wc.path, today)
        assert line.key not in {i.key for i in on_laptop.items}
        moved = next(i for i in on_laptop.snoozed if i.key == line.key)
        assert moved.snoozed_until == until
        assert moved.snooze_reason == "L'entreprise rappelle lundi — Noël"
        # the day it ends, the line is back by itself
        assert line.key in {i.key for i in compute(laptop.session.wc.path, until).items}
        # another user: not theirs to see
        other.sync_here()
        with other.session.wc.session() as db:
            assert db.execute(select(table("snoozes").c.id)).all() == []
        # "Réactiver" on the office computer: back on the laptop after both sync
        assert snoozes.wake(office.session.wc, user_id, line.rule, line.collection,
                            line.id) is not None
        office.sync_here()
        laptop.sync_here()
        assert line.key in {i.key for i in compute(laptop.session.wc.path, today).items}
    finally:
        office.close()
        laptop.close()
        other.close()
