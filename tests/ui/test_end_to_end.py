"""Issue 5's end-to-end scenario, with real windows, working copies and the reference server.

A coach records a visit with its opinion and a secretariat drafts a contract, both offline
(server stopped); both apps restart; the server comes back; each syncs from its window; the
server then holds exactly those records (read back by a third, fresh client).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from offa_desktop import paths
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store import queries
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.tasks import TaskManager
from sync.creds import CredentialStore

pytestmark = pytest.mark.gui


def _account(username: str) -> Any:
    return next(a for a in DEMO_ACCOUNTS if a.username == username)


class App:
    """One desktop app on its data folder (the keyring outlives restarts, as the OS's does)."""

    def __init__(self, folder: Path, keyring: MemoryKeyring) -> None:
        self.folder = folder
        self.keyring = keyring
        self.context: AppContext | None = None
        self.window: Any = None

    def start(self, qtbot: Any) -> App:
        self.folder.mkdir(exist_ok=True)
        wc = WorkingCopy.open(paths.working_copy_path(self.folder))
        session = SyncSession(self.folder, wc, creds=CredentialStore(self.keyring))  # type: ignore[arg-type]
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        self.context = AppContext(self.folder, wc, TaskManager(), settings, session)
        self.window = self.context.build_window(auto_sync=False)
        qtbot.addWidget(self.window)
        self.window.show()
        qtbot.waitUntil(lambda: self.window.sync.last_status is not None, timeout=20_000)
        return self

    def sync(self, qtbot: Any) -> tuple[bool, str]:
        """Press F5 in this app's window (made active first: shortcuts go to the active one)."""
        with qtbot.waitActive(self.window):
            self.window.raise_()
            self.window.activateWindow()
        with qtbot.waitSignal(self.window.sync.finished, timeout=120_000) as done:
            qtbot.keyClick(self.window, Qt.Key.Key_F5)
        return done.args[0], done.args[1]

    def stop(self) -> None:
        assert self.context is not None
        self.window.close()
        self.context.close()
        self.context = None


@pytest.fixture
def server_db(tmp_path: Path) -> Iterator[str]:
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.seed import seed_demo

    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, 40)
    engine.dispose()
    yield url


def test_offline_visit_and_draft_contract_reach_the_server(
    qtbot: Any, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sync.server.embedded import EmbeddedServer

    server = EmbeddedServer(server_db)
    url = server.start()
    coach = App(tmp_path / "coach", MemoryKeyring()).start(qtbot)
    secretariat = App(tmp_path / "secretariat", MemoryKeyring()).start(qtbot)
    for app, name in ((coach, "coach"), (secretariat, "secretariat")):
        account = _account(name)
        assert app.context is not None
        app.context.session.login(url, account.username, account.password)
        assert app.sync(qtbot)[0]

    server.stop()  # the network goes away
    assert coach.context is not None and secretariat.context is not None
    with coach.context.working_copy.session() as db:
        approval_id, _ = queries.StoreContext(db).find("approvals")[0]
        checklist = queries.reference(db, "checklist_templates")[0]
    visit = {
        "kind": "approval",
        "approval_id": approval_id,
        "contract_id": None,
        "visitor_id": _account("coach").id,
        "status": "done",
        "visit_date": date.today().isoformat(),
        "checklist_code": checklist["code"],
        "answers": {item["key"]: {"value": "yes", "note": None} for item in checklist["items"]},
        "opinion": "favourable",
        "comments": "Atelier conforme ; tutrice présente — très bon accueil.",
    }
    with coach.context.working_copy.unit_of_work() as uow:
        visit_id = uow.create("visits", visit)
    with secretariat.context.working_copy.session() as db:
        ctx = queries.StoreContext(db)
        learner_id, learner = ctx.find("learners", operator_code="ifapme")[0]
        unit_id, _unit = ctx.find("establishment_units")[0]
    draft = {
        "learner_id": learner_id,
        "establishment_unit_id": unit_id,
        "operator_code": "ifapme",
        "trade_code": "macon",
        "start_date": "2027-09-01",
        "status": "draft",
        "referent_name": "Zoé Lejeune",
    }
    with secretariat.context.working_copy.unit_of_work() as uow:
        contract_id = uow.create("contracts", draft)

    for app in (coach, secretariat):
        ok, message = app.sync(qtbot)
        assert not ok and message  # offline: a French message, nothing lost
        qtbot.waitUntil(lambda a=app: "1 en attente" in a.window.sync_label.text(), timeout=10_000)
        app.stop()

    from sync.server import embedded

    port = int(url.rsplit(":", 1)[1])
    monkeypatch.setattr(embedded, "free_port", lambda: port)
    back = EmbeddedServer(server_db)
    assert back.start() == url  # the server comes back, at the same address
    try:
        for app in (coach, secretariat):
            app.start(qtbot)  # the apps restart; their tokens are in the keyring
            assert "1 en attente" in app.window.sync_label.text()
            ok, message = app.sync(qtbot)
            assert ok, message
            qtbot.waitUntil(
                lambda a=app: "0 en attente" in a.window.sync_label.text(), timeout=10_000
            )
        # a fresh client of the offa role pulls everything: exactly those records are there
        reader = App(tmp_path / "offa", MemoryKeyring()).start(qtbot)
        assert reader.context is not None
        reader.context.session.login(url, "offa", _account("offa").password)
        assert reader.sync(qtbot)[0]
        with reader.context.working_copy.session() as db:
            got_visit = queries.get(db, "visits", visit_id)
            got_contract = queries.get(db, "contracts", contract_id)
        assert got_visit is not None and got_contract is not None
        assert {k: got_visit[k] for k in visit} == visit
        assert {k: got_contract[k] for k in draft} == draft
        for app in (coach, secretariat, reader):
            app.stop()
    finally:
        back.stop()
