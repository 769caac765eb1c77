"""« Mes appareils » in the window, and a revoked or erased computer, against the real server
(in-process on loopback): list, revoke another device, OFFA's user chooser and erasure; the
window told in French that its access was revoked, no more automatic syncs; « Oublier cet
ordinateur »; « Exporter les données de cette personne » (issue 16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from offa_desktop import paths
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.tasks import TaskManager
from sync.client import ApiClient
from sync.creds import CredentialStore
from sync.errors import DeviceRevoked

pytestmark = pytest.mark.gui
PASSWORD = "motdepasse-appareils-1"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    from sync.server import setup
    from sync.server.db import make_engine
    from sync.server.embedded import EmbeddedServer
    from sync.server.seed import seed_demo

    url = f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    seed_demo(engine, 10)
    for name, role, sectors in (
        ("ui-coach", "coach", ["construction"]),
        ("ui-coach-2", "coach", ["horeca"]),
        ("ui-offa", "offa", []),
    ):
        setup.put_user(
            engine,
            username=name,
            password=PASSWORD,
            role=role,
            operator_code=None,
            sectors=sectors,
            display_name=f"Compte {name}",
        )
    engine.dispose()
    embedded = EmbeddedServer(url)
    base_url = embedded.start()
    yield base_url
    embedded.stop()


def _context(folder: Path, base_url: str, username: str) -> AppContext:
    folder.mkdir(parents=True)
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    session = SyncSession(folder, wc, creds=CredentialStore(MemoryKeyring()))
    session.login(base_url, username, PASSWORD)
    session.sync_once()
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    return AppContext(folder, wc, TaskManager(), settings, session)


@pytest.fixture
def contexts(tmp_path: Path) -> Iterator[list[AppContext]]:
    made: list[AppContext] = []
    yield made
    for context in made:
        context.close()


def _window(qtbot: Any, context: AppContext) -> Any:
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.sync.last_status is not None)
    return window


def _other_login(base_url: str, username: str, device: str) -> ApiClient:
    client = ApiClient(base_url, client_version="0.1.0")
    client.login(username, PASSWORD, device)
    return client


def _user_id(context: AppContext) -> str:
    assert context.session is not None
    account = context.session.account()
    assert account is not None
    return str(account.user["id"])


def _rows(dialog: Any) -> list[list[str]]:
    table = dialog.table
    return [[table.item(r, c).text() for c in range(table.columnCount())]
            for r in range(table.rowCount())]  # fmt: skip


def _confirm(qtbot: Any, dialog: Any) -> None:
    qtbot.waitUntil(lambda: dialog.question is not None and dialog.question.isVisible())
    box = dialog.question
    assert box is not None
    box.button(QMessageBox.StandardButton.Yes).click()


def test_my_devices_lists_and_revokes_another_computer(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path
) -> None:
    contexts.append(_context(tmp_path / "portable", server, "ui-coach"))
    desk = _other_login(server, "ui-coach", "bureau-liege")
    window = _window(qtbot, contexts[0])
    dialog = window.sync.open_devices()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 2)
    rows = _rows(dialog)
    assert any(r[0].endswith("(cet ordinateur)") for r in rows)
    assert ["bureau-liege", "actif"] == [r for r in rows if r[0] == "bureau-liege"][0][::3]
    assert not dialog.user_box.isVisible() and not dialog.erase_button.isVisible()  # a coach
    current = next(i for i, r in enumerate(rows) if r[0].endswith("(cet ordinateur)"))
    dialog.table.selectRow(current)
    assert not dialog.revoke_button.isEnabled()  # this one: « Se déconnecter »
    dialog.table.selectRow(next(i for i, r in enumerate(rows) if r[0] == "bureau-liege"))
    assert dialog.revoke_button.isEnabled()
    dialog.revoke_button.click()
    _confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: ["bureau-liege", "révoqué"] in [r[::3] for r in _rows(dialog)])
    with pytest.raises(DeviceRevoked) as revoked:
        desk.pull(None, 10)
    assert revoked.value.erase is False and "révoqué" in revoked.value.message
    dialog.close()


def test_the_window_is_told_its_access_was_revoked_and_stops_syncing(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path
) -> None:
    contexts.append(_context(tmp_path / "revoked", server, "ui-coach-2"))
    window = _window(qtbot, contexts[0])
    staff = _other_login(server, "ui-offa", "offa-bureau")
    user_id = _user_id(contexts[0])
    (device,) = [d for d in staff.devices(user_id) if d["status"] == "active"]
    staff.revoke_device(device["id"])
    window.sync.sync(preflight=False)
    qtbot.waitUntil(lambda: window.sync.revoked_box is not None)
    box = window.sync.revoked_box
    assert box is not None and "révoqué" in box.text()
    assert not window.sync.timer.isActive() and window.sync.online is False
    assert "Accès révoqué" in window.sync_label.text()
    box.close()


def test_offa_marks_a_computer_to_erase_from_the_window_and_it_erases_itself(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path
) -> None:
    contexts.append(_context(tmp_path / "offa", server, "ui-offa"))
    contexts.append(_context(tmp_path / "lost", server, "ui-coach"))
    staff_window = _window(qtbot, contexts[0])
    dialog = staff_window.sync.open_devices()
    qtbot.waitUntil(lambda: dialog.user_box.count() > 0 and dialog.table.rowCount() > 0)
    assert dialog.user_box.isVisible() and dialog.erase_button.isVisible()
    dialog.user_box.setCurrentIndex(dialog.user_box.findText("Compte ui-coach"))
    lost_user = _user_id(contexts[1])
    qtbot.waitUntil(lambda: bool(dialog.lines) and dialog.lines[0].user_id == lost_user)
    row = next(i for i, line in enumerate(dialog.lines) if line.status == "active")
    dialog.table.selectRow(row)
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    _confirm(qtbot, dialog)
    qtbot.waitUntil(lambda: any(line.status == "erase_pending" for line in dialog.lines))
    dialog.close()
    lost = _window(qtbot, contexts[1])
    copy = paths.working_copy_path(tmp_path / "lost")
    assert copy.exists()
    lost.sync.sync(preflight=False)
    qtbot.waitUntil(lambda: lost.sync.revoked_box is not None, timeout=10_000)
    box = lost.sync.revoked_box
    assert box is not None and "effacées" in box.text()
    assert not copy.exists() and not (tmp_path / "lost" / "backups").exists()
    assert not lost.sync.window.sync_action.isEnabled()
    box.close()
    qtbot.waitUntil(lambda: not lost.isVisible())


def _forget_box(qtbot: Any, window: Any, name: str) -> QMessageBox:
    def found() -> bool:
        flow = window.sync.forget_flow
        return bool(flow and flow.box and flow.box.objectName() == name and flow.box.isVisible())

    qtbot.waitUntil(found, timeout=20_000)
    box: QMessageBox = window.sync.forget_flow.box
    return box


def test_forget_this_computer_from_the_window(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path
) -> None:
    import random

    from tests.sync.data import company

    contexts.append(_context(tmp_path / "oubli", server, "ui-offa"))
    context = contexts[0]
    assert context.session is not None
    with context.session.wc.unit_of_work() as uow:
        uow.create("companies", company(random.Random(7), "oubli-fenetre"))
    window = _window(qtbot, context)
    window.sync.forget()
    question = _forget_box(qtbot, window, "forget-question")
    assert "copie de travail, sauvegardes, pièces jointes" in question.text()
    question.button(QMessageBox.StandardButton.Yes).click()
    done = _forget_box(qtbot, window, "forget-done")
    assert "oublié" in done.text()
    assert window.sync.forget_flow.done.synced is True  # the edit went first
    assert not paths.working_copy_path(tmp_path / "oubli").exists()
    assert not (tmp_path / "oubli" / "backups").exists()
    assert not window.sync_action.isEnabled()
    done.close()
    qtbot.waitUntil(lambda: not window.isVisible())  # the window closes once it is read


def test_forget_with_edits_that_cannot_go_offers_to_export_them(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path
) -> None:
    import json
    import random

    from sync.client import RetryPolicy
    from tests.sync.data import company

    contexts.append(_context(tmp_path / "hors-ligne", server, "ui-offa"))
    context = contexts[0]
    session = context.session
    assert session is not None
    made = company(random.Random(8), "non-envoyee")
    with session.wc.unit_of_work() as uow:
        uow.create("companies", made)
    window = _window(qtbot, context)
    with session.store.transaction() as tx:  # the server is out of reach now
        tx.state.put("server", "http://127.0.0.1:9")
    session.retry = RetryPolicy(attempts=1, base_delay=0.01, max_delay=0.01, read_timeout=1)
    window.sync.forget()
    _forget_box(qtbot, window, "forget-question").button(QMessageBox.StandardButton.Yes).click()
    unsent = _forget_box(qtbot, window, "forget-unsent")
    assert "Rien n'a été effacé" in unsent.text() and made["name"] in unsent.text()
    assert paths.working_copy_path(tmp_path / "hors-ligne").exists()
    target = tmp_path / "export" / "modifs.jsonl"
    window.sync.forget_flow.choose_export_file = lambda: target
    unsent.button(QMessageBox.StandardButton.Yes).click()
    done = _forget_box(qtbot, window, "forget-done")
    assert str(target.resolve()) in done.text()
    (line,) = [json.loads(x) for x in target.read_text("utf-8").splitlines()]
    assert line["fields"]["name"] == made["name"]
    assert not paths.working_copy_path(tmp_path / "hors-ligne").exists()
    done.close()


def test_export_a_learners_data_from_the_window(
    qtbot: Any, server: str, contexts: list[AppContext], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, opened_files: list[Path],
) -> None:  # fmt: skip
    import json
    import zipfile

    from PySide6.QtGui import QAction

    from offa_desktop.ui import record_actions

    contexts.append(_context(tmp_path / "rgpd", server, "ui-offa"))
    window = _window(qtbot, contexts[0])
    view = window.show_area("learners")
    qtbot.waitUntil(lambda: view.model.rowCount() > 0)
    view.table.selectRow(0)
    learner = view.selected_id()
    assert learner is not None
    target = tmp_path / "demande" / "donnees.zip"
    asked: list[str] = []

    def choose(_window: Any, suggested: str) -> Path:
        asked.append(suggested)
        return target

    monkeypatch.setattr(record_actions, "choose_person_file", choose)
    action = window.findChild(QAction, "action-person-data")
    assert action is not None and "Exporter les données de cette personne" in action.text()
    action.trigger()
    qtbot.waitUntil(lambda: "last_person_export" in contexts[0].extras, timeout=20_000)
    assert asked and asked[0].startswith("donnees-") and asked[0].endswith(".zip")
    with zipfile.ZipFile(target) as zf:
        payload = json.loads(zf.read("donnees.json"))
        assert zf.read("resume.pdf").startswith(b"%PDF")
    assert payload["person"] == {"collection": "learners", "id": learner}
    assert opened_files and opened_files[-1] == target.resolve()
