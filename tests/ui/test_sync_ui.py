"""Sync from the window against the real reference server on loopback (in-process)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from offa_desktop import paths
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.login_dialog import LoginDialog
from offa_desktop.ui.tasks import TaskManager
from sync.creds import CredentialStore
from tests import keyed

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.embedded import EmbeddedServer
    from sync.server.seed import seed_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, 40)
    engine.dispose()
    embedded = EmbeddedServer(url)
    base_url = embedded.start()
    yield base_url, url
    embedded.stop()


@pytest.fixture
def context(tmp_path: Path) -> Iterator[AppContext]:
    folder = tmp_path / "data"
    folder.mkdir()
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    session = SyncSession(folder, wc, creds=CredentialStore(MemoryKeyring()))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    made = AppContext(folder, wc, TaskManager(), settings, session)
    yield made
    made.close()


def _account() -> Any:
    return next(a for a in DEMO_ACCOUNTS if a.role == "secretariat")


def test_login_then_f5_syncs_and_lists_refresh(
    qtbot: Any, server: tuple[str, str], context: AppContext
) -> None:
    base_url, _ = server
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    with qtbot.waitActive(window):
        window.show()
        window.activateWindow()
    controller = window.sync
    qtbot.waitUntil(lambda: controller.last_status is not None)
    assert "Non connecté" in window.sync_label.text()
    contracts = window.show_area("contracts")
    assert contracts.model.rowCount() == 0

    account = _account()
    dialog = LoginDialog(context.tasks, context.session, server=base_url, parent=window)
    qtbot.addWidget(dialog)
    dialog.username.setText(account.username)
    dialog.password.setText("mauvais mot de passe")
    dialog.try_login()
    qtbot.waitUntil(lambda: dialog.password.isEnabled())
    assert dialog.message.text() and not dialog.result()  # French error, still open
    dialog.password.setText(account.password)
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.try_login()
    assert dialog.user.get("role") == "secretariat"
    controller.refresh_status()
    qtbot.waitUntil(lambda: account.username in window.sync_label.text())

    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        qtbot.keyClick(window, Qt.Key.Key_F5)
    assert done.args[0] is True, done.args
    db = keyed.connect(paths.working_copy_path(context.folder))
    local = db.execute("select count(*) from contracts where deleted = 0").fetchone()[0]
    db.close()
    assert local > 0 and contracts.model.rowCount() == local
    qtbot.waitUntil(lambda: "synchronisé le" in window.sync_label.text())
    assert "0 en attente" in window.sync_label.text()
    assert not controller.progress.isVisible()
    controller._show_progress("documents", 1, 3)  # files go up between push and pull
    assert controller.progress.text() == "Envoi des documents 1 sur 3"


def test_attachment_offline_then_sent_and_history(
    qtbot: Any, server: tuple[str, str], context: AppContext, tmp_path: Path
) -> None:
    from offa_desktop.ops.printing.rendering import render
    from offa_desktop.ui import record_actions
    from offa_desktop.ui.history_dialog import HistoryDialog

    base_url, _ = server
    account = _account()
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync
    qtbot.waitUntil(lambda: controller.last_status is not None)
    context.session.login(base_url, account.username, account.password)
    controller.refresh_status()
    qtbot.waitUntil(lambda: controller.last_status.server is not None)
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.sync()
    view = window.show_area("contracts")
    view.table.selectRow(0)
    record_id = view.selected_id()
    assert record_id

    # attach while the server is unreachable: kept, marked as waiting
    context.session.logout()
    controller.refresh_status()
    pdf = tmp_path / "contrat signé.pdf"
    pdf.write_bytes(render("blank-contract", None, None))
    dialog = record_actions.show_attachments(context, window)
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.listed, timeout=10_000) as listed:
        pass  # the first listing, started by the dialog
    assert listed.args[0] == 0
    with qtbot.waitSignal(dialog.listed, timeout=20_000) as listed:
        dialog.attach(pdf)
    assert listed.args[0] == 1 and "en attente d'envoi" in dialog.items.item(0).text()

    # back online: the sync sends it and pulls its documents record
    context.session.login(base_url, account.username, account.password)
    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        controller.sync()
    assert done.args[0] is True, done.args
    with qtbot.waitSignal(dialog.listed, timeout=10_000) as listed:
        dialog.reload()
    assert listed.args[0] == 1 and "en attente" not in dialog.items.item(0).text()
    # a copy lost locally is fetched again from the server, checked by its hash
    attachment = dialog.items.item(0).data(Qt.ItemDataRole.UserRole)
    from offa_desktop.ops.attachments import local_path

    local_path(context.folder, attachment.id, attachment.file_name).unlink()
    context.extras["open_files"] = False
    with qtbot.waitSignal(dialog.opened, timeout=20_000) as opened:
        dialog.open_item(dialog.items.item(0))
    assert Path(opened.args[0]).read_bytes() == pdf.read_bytes()

    # history: the server's entries, and a local edit not sent yet
    with context.working_copy.unit_of_work() as uow:
        uow.update("contracts", record_id, {"referent_name": "Léa Dubois"})
    record_actions.show_history(context, window)
    qtbot.waitUntil(lambda: "last_history" in context.extras, timeout=20_000)
    history = context.extras["last_history"]
    assert isinstance(history, HistoryDialog)
    assert "1 en attente" in history.summary.text()
    local = history.tree.topLevelItem(1)
    texts = [local.child(0).child(i).text(2) for i in range(local.child(0).childCount())]
    assert any("Léa Dubois" in t for t in texts)


def test_mine_filter_on_visits(qtbot: Any, server: tuple[str, str], context: AppContext) -> None:
    base_url, _ = server
    coach = next(a for a in DEMO_ACCOUNTS if a.role == "coach")
    context.session.login(base_url, coach.username, coach.password)
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.last_status is not None)
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as done:
        window.sync.sync()
    assert done.args[0], done.args
    from offa_desktop.store import queries

    with context.working_copy.session() as db:
        approval_id, _ = queries.StoreContext(db).find("approvals")[0]
    other = next(a for a in DEMO_ACCOUNTS if a.role == "coach" and a.id != coach.id)
    with context.working_copy.unit_of_work() as uow:
        for visitor in (coach.id, other.id):
            uow.create("visits", {"kind": "approval", "approval_id": approval_id,
                                  "visitor_id": visitor, "status": "planned",
                                  "planned_on": "2027-01-15"})
    visits = window.show_area("visits")
    box = visits.filter_boxes["visitor_id"]
    assert box.count() == 2 and box.itemData(1) == coach.id
    db = keyed.connect(paths.working_copy_path(context.folder))
    total, mine, planned = db.execute(
        "select count(*), sum(visitor_id = ?), sum(visitor_id = ? and status = 'planned') "
        "from visits where deleted = 0", (coach.id, coach.id)
    ).fetchone()
    db.close()
    # a coach's list opens on their planned visits, the next one first
    assert box.currentData() == coach.id
    assert visits.filter_boxes["status"].currentData() == "planned"
    assert visits.model.rowCount() == planned
    visits.filter_boxes["status"].setCurrentIndex(0)
    box.setCurrentIndex(0)
    assert visits.model.rowCount() == total
    box.setCurrentIndex(1)
    assert 0 < mine < total and visits.model.rowCount() == mine


def test_status_links_open_conflicts_and_rejected_lists(qtbot: Any, context: AppContext) -> None:
    from offa_desktop.ops.sync.actions import SyncStatus

    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.last_status is not None)
    text = window.sync.status_text(SyncStatus("http://127.0.0.1:1", "sophie", 3, 2, 1, None))
    assert 'href="open_conflicts"' in text and 'href="open_rejected"' in text
    assert "3 en attente" in text and "jamais synchronisé" in text
    quiet = window.sync.status_text(SyncStatus(None, None, 0, 0, 0, None))
    assert "href" not in quiet and quiet.startswith("Non connecté")
    for name in ("open_conflicts", "open_rejected"):
        dialog = window.sync._open_list(name)
        assert dialog is not None and dialog.isVisible()
        qtbot.addWidget(dialog)
        dialog.close()


def test_verify_the_copy_repairs_and_says_so(
    qtbot: Any, server: tuple[str, str], context: AppContext
) -> None:
    """Synchronisation > Vérifier la copie: a row lost behind the app's back comes back, the
    window says what was repaired in French; a second check finds the copy identical."""
    from PySide6.QtGui import QAction

    base_url, _ = server
    account = _account()
    context.session.login(base_url, account.username, account.password)
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync
    qtbot.waitUntil(lambda: controller.last_status is not None)
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.sync()
    action = window.findChild(QAction, "action-verify")
    assert action is not None and action in window.menu_sync.actions()
    assert action.text().replace("&", "") == "Vérifier la copie" and action.isEnabled()
    db = keyed.connect(paths.working_copy_path(context.folder))
    (lost,) = db.execute("select id from tutors where deleted = 0 limit 1").fetchone()
    with db:
        db.execute("delete from tutors where id = ?", (lost,))
    db.close()
    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        action.trigger()
    assert done.args[0] is True, done.args
    assert "Tuteurs\u00a0: 1" in done.args[1] and "rétablies" in done.args[1]
    box = controller.message_box
    assert box is not None and box.isVisible() and box.text() == done.args[1]
    box.grab().save(str(context.folder / "verify-repaired.png"))
    box.close()
    db = keyed.connect(paths.working_copy_path(context.folder))
    assert db.execute("select count(*) from tutors where id = ?", (lost,)).fetchone() == (1,)
    db.close()
    with qtbot.waitSignal(controller.finished, timeout=60_000) as again:
        action.trigger()
    assert "identique" in again.args[1]
    assert controller.message_box is not None and controller.message_box.isVisible()
    controller.message_box.close()


def test_logout_lists_what_holds_it_back(
    qtbot: Any, server: tuple[str, str], context: AppContext
) -> None:
    """Issue 12, situation 5, in the window: « Se déconnecter » names every edit and conflict
    not sent or settled (it said only « 1 modification(s) n'ont pas encore été envoyées »,
    counted no refused edit nor conflict), and gives up the edits refused for the role in one
    click before logging out; the rest stays in the copy."""
    from PySide6.QtWidgets import QPushButton

    from offa_desktop.ops.records import writes
    from offa_desktop.ops.sync import conflicts
    from offa_desktop.ops.sync.adapter import StoreSyncAdapter
    from sync.ports import Conflict

    base_url, _ = server
    account = _account()
    context.session.login(base_url, account.username, account.password)
    context.session.sync_once()
    wc = context.working_copy
    db = keyed.connect(paths.working_copy_path(context.folder))
    ids = [r[0] for r in db.execute(
        "select id from companies where deleted = 0 order by id limit 3")]  # fmt: skip
    db.close()
    refused, waiting, gone = ids
    writes.update(wc, "companies", refused, {"name": "Refusée Pour Le Rôle"})
    writes.update(wc, "companies", waiting, {"name": "Attend Son Envoi"})
    with StoreSyncAdapter(wc).transaction() as tx:  # as the sync engine records them
        for op in tx.outbox.unsettled():
            if op.record_id == refused:
                op.state, op.error = "forbidden", "Seul l'OFFA peut modifier cette fiche."
                tx.outbox.update(op)
        tx.conflicts.put(Conflict(
            "companies", gone, server_version=3, server_deleted=True, fields={},
            mine={"name": "Supprimée Ailleurs"}, kind="deleted_by_server",
        ))  # fmt: skip
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    controller = window.sync
    qtbot.waitUntil(lambda: controller.last_status is not None)

    controller.logout_action.trigger()
    qtbot.waitUntil(lambda: controller.logout_box is not None and controller.logout_box.isVisible())
    box = controller.logout_box
    assert box.text() == "3 modification(s) ou conflit(s) ne sont pas encore envoyés ou réglés :"
    listed = box.informativeText()
    assert "Entreprises « Refusée Pour Le Rôle » (modification, interdite pour votre rôle\u00a0: " \
        "Seul l'OFFA peut modifier cette fiche.)" in listed
    assert "Entreprises « Attend Son Envoi » (modification, en attente d'envoi)" in listed
    assert "Entreprises « Supprimée Ailleurs » (modification, en conflit\u00a0: fiche " \
        "supprimée sur le serveur" in listed
    box.grab().save(str(context.folder / "logout-question.png"))
    stay = box.findChild(QPushButton, "logout-cancel")
    stay.click()  # nothing happens: still connected
    assert controller.last_status.signed_in

    controller.logout_action.trigger()
    qtbot.waitUntil(lambda: controller.logout_box is not None and controller.logout_box.isVisible())
    discard = controller.logout_box.findChild(QPushButton, "logout-discard-forbidden")
    assert discard is not None and "(1)" in discard.text()
    discard.click()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Déconnecté"), timeout=10_000)
    left = conflicts.blocking(wc)
    assert [(b.record_id, b.state) for b in left] == [(waiting, "pending"), (gone, "conflict")]
