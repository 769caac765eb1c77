"""F5 checks before it sends: with edits the server will refuse, the pre-flight report comes
first ("N fiche(s) sur M seront refusées, voici pourquoi"), each refused record listed under its
reason; "Synchroniser quand même" then syncs, and the server rejects exactly those records.
Without such edits F5 syncs at once. Real window, real working copy, the reference server."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from offa_desktop.ops.sync.session import MemoryKeyring
from offa_desktop.store.records import table
from offa_desktop.store.tables import OutboxOp as Outbox
from offa_desktop.ui.preflight_dialog import KEY_ROLE
from sync.engine import SyncReport
from tests.server.api import ApiClient
from tests.ui.test_end_to_end import App, _account

pytestmark = pytest.mark.gui


def test_f5_shows_what_will_be_refused_then_syncs_anyway(qtbot: Any, tmp_path: Path) -> None:
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.embedded import EmbeddedServer
    from sync.server.seed import seed_demo

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, 120)
    engine.dispose()
    server = EmbeddedServer(url)
    base = server.start()
    app = App(tmp_path / "sec", MemoryKeyring()).start(qtbot)
    offa = ApiClient(base, "offa", _account("offa").password)
    try:
        assert app.context is not None and app.context.session is not None
        account = _account("secretariat")
        app.context.session.login(base, account.username, account.password)
        window = app.window
        assert app.sync(qtbot)[0]  # nothing waiting: F5 syncs at once, no report
        assert getattr(window, "preflight", None) is None

        wc = app.context.working_copy
        today = date.today()
        c, a = table("contracts"), table("approvals")
        with wc.session() as db:
            running = db.execute(
                select(c.c.id, c.c.approval_id)
                .join(a, a.c.id == c.c.approval_id)
                .where(c.c.status == "active", c.c.level == "a", c.c.operator_code == "ifapme",
                       a.c.status == "granted", c.c.start_date < today)
                .order_by(c.c.id)
            ).all()
        doomed_approval = sorted({r.approval_id for r in running})[0]
        doomed = [r.id for r in running if r.approval_id == doomed_approval]
        kept = [r.id for r in running if r.approval_id != doomed_approval][:2]
        assert doomed and kept
        for contract_id in [*doomed, *kept]:  # offline: a move to level B, valid now
            with wc.unit_of_work() as uow:
                uow.create("contract_events", {
                    "contract_id": contract_id, "kind": "level_change",
                    "effective_date": today.isoformat(),
                    "details": {"from_level": "a", "to_level": "b", "monthly_pay": "900.00",
                                "tutor_opinion_on": today.isoformat()}})
        # meanwhile OFFA withdraws the approval (the server ends its contracts), and that news
        # arrives before the edits leave
        offa.pull_all()
        version, _data = offa.replica[("approvals", doomed_approval)]
        done = offa.update("approvals", doomed_approval, version,
                           {"status": "withdrawn", "decided_on": today.isoformat()})
        assert done["status"] == "applied", done
        app.context.session.engine().pull(SyncReport())

        with qtbot.waitActive(window):
            window.raise_()
            window.activateWindow()
        qtbot.keyClick(window, Qt.Key.Key_F5)
        qtbot.waitUntil(lambda: getattr(window, "preflight", None) is not None
                        and window.preflight.isVisible(), timeout=60_000)
        dialog = window.preflight
        records = len(doomed) + len(kept)
        headline = dialog.findChild(QLabel, "preflight-headline")
        assert headline.text().startswith(
            f"{len(doomed)} fiche(s) sur {records} seront refusées"), headline.text()
        listed = set()
        tree = dialog.tree
        for top in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(top)
            for n in range(group.childCount()):
                listed.add(str(group.child(n).data(0, KEY_ROLE)[1]))
        with qtbot.waitSignal(window.sync.finished, timeout=120_000):
            dialog.go_on.click()
        with wc.session() as db:
            rejected = {row.record_id for row in db.execute(
                select(Outbox.record_id).where(Outbox.state == "rejected"))}
        events = table("contract_events")
        with wc.session() as db:
            refused_contracts = {row.contract_id for row in db.execute(
                select(events.c.contract_id).where(events.c.id.in_(rejected)))}
        assert rejected == listed  # the server refused exactly what the report listed
        assert refused_contracts == set(doomed)  # the edits on the withdrawn approval's
    finally:
        offa.close()
        app.stop()
        server.stop()
