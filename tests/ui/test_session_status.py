"""The sync session in the window: logging in and out any number of times, and a status line
that never contradicts the rows (issue 15, defects 1, 2 and 8)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QPushButton

from offa_desktop import paths
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.tasks import TaskManager
from sync.creds import CredentialStore
from tests import keyed
from tests.ui.test_sync_ui import server  # noqa: F401 - the fixture

pytestmark = pytest.mark.gui
SECRETARIAT = next(a for a in DEMO_ACCOUNTS if a.username == "secretariat")


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


def _window(qtbot: Any, context: AppContext) -> Any:
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    window.sync.start()
    qtbot.waitUntil(lambda: window.sync.last_status is not None)
    return window


def _deleted_later() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_login_dialog_opens_again_after_it_closed(qtbot: Any, context: AppContext) -> None:
    """Regression: the second "Se connecter…" raised RuntimeError (LoginDialog already deleted):
    the controller kept the Python wrapper of a dialog deleted on close."""
    window = _window(qtbot, context)
    for _ in range(3):
        window.sync.login_action.trigger()
        dialog = window.sync.login_dialog
        assert dialog is not None and dialog.isVisible()
        dialog.reject()
        _deleted_later()
    assert window.sync.login_dialog is None


def _truth(folder: Path) -> tuple[int, int, int]:
    """(pending, conflicts, refused) records, read straight from the outbox and conflicts
    tables with sqlite3: a record counts once, conflict before refused before pending."""

    rank = {"pending": 1, "rejected": 2, "forbidden": 2, "conflict": 3}
    db = keyed.connect(paths.working_copy_path(folder))
    try:
        states: dict[tuple[str, str], int] = {}
        for collection, record_id, state in db.execute(
            "select collection, record_id, state from outbox"
        ):
            key = (collection, record_id)
            states[key] = max(states.get(key, 0), rank[state])
        for collection, record_id in db.execute("select collection, record_id from conflicts"):
            states[(collection, record_id)] = 3
    finally:
        db.close()
    values = list(states.values())
    return values.count(1), values.count(3), values.count(2)


def _shown(window: Any) -> tuple[int, int, int]:
    import re

    text = re.sub(r"<[^>]+>", "", window.sync_label.text())
    found = [int(re.search(rf"(\d+) {word}", text).group(1))  # type: ignore[union-attr]
             for word in ("en attente", "conflit", "refusée")]
    return found[0], found[1], found[2]


def _agree(qtbot: Any, window: Any, folder: Path, expected: tuple[int, int, int]) -> None:
    assert _truth(folder) == expected
    qtbot.waitUntil(lambda: _shown(window) == expected, timeout=10_000)


def _sync(qtbot: Any, window: Any) -> tuple[bool, str]:
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as done:
        window.sync.sync()
    return done.args[0], done.args[1]


def test_status_counts_are_the_tables_after_every_sync_outcome(
    qtbot: Any, server: tuple[str, str], context: AppContext, tmp_path: Path,  # noqa: F811
) -> None:
    """Regressions: the counters were read only at a sync or a login (a saved edit left
    "0 en attente" beside a pending row; a resolved conflict stayed counted until the next
    sync), and counted queued ops, not records (two edits of one record: "2 en attente")."""
    from offa_desktop.ops.records import editing, writes
    from offa_desktop.ops.sync import conflicts
    from offa_desktop.ops.sync.session import SyncSession as Session

    base_url, _ = server
    window = _window(qtbot, context)
    folder = context.folder
    dialog = window.sync.ask_login()
    dialog.server.setText(base_url)
    dialog.username.setText(SECRETARIAT.username)
    dialog.password.setText(SECRETARIAT.password)
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as first:
        dialog.try_login()  # logged in: the sync starts by itself
    assert first.args[0], first.args
    qtbot.waitUntil(lambda: "synchronisé le" in window.sync_label.text())
    _agree(qtbot, window, folder, (0, 0, 0))

    wc, tasks = context.working_copy, context.tasks
    companies = sorted(editing.find(wc, "companies"))
    (cid, company), (other_id, _) = companies[0], companies[1]
    # two edits of one record and one of another, saved as the forms save them
    for fields in ({"phone": "065 12 34 56"}, {"employee_count": 31}):
        with qtbot.waitSignal(tasks.data_changed):
            tasks.op(writes.update, wc, "companies", cid, fields).run()
    with qtbot.waitSignal(tasks.data_changed):
        tasks.op(writes.update, wc, "companies", other_id, {"phone": "02 555 55 55"}).run()
    _agree(qtbot, window, folder, (2, 0, 0))

    ok, message = _sync(qtbot, window)  # sent
    assert ok, message
    _agree(qtbot, window, folder, (0, 0, 0))

    # another desk changes the same field first: a conflict; a company number it already
    # registered: refused by the server
    (tmp_path / "other").mkdir()
    other = Session(tmp_path / "other", WorkingCopy.open(tmp_path / "other.sqlite3"),
                    creds=CredentialStore(MemoryKeyring()))
    try:
        other.login(base_url, SECRETARIAT.username, SECRETARIAT.password)
        other.sync_once()
        writes.update(other.wc, "companies", cid, {"name": "Nom choisi ailleurs"})
        taken = dict(company, name="Doublon SA", enterprise_number="0403170701")
        writes.create(other.wc, "companies", taken)
        other.sync_once()
    finally:
        other.close()
    with qtbot.waitSignal(tasks.data_changed):
        tasks.op(writes.update, wc, "companies", cid, {"name": "Nom choisi ici"}).run()
    with qtbot.waitSignal(tasks.data_changed):
        tasks.op(writes.create, wc, "companies", {**taken, "name": "Doublon local"}).run()
    _agree(qtbot, window, folder, (2, 0, 0))
    ok, message = _sync(qtbot, window)
    _agree(qtbot, window, folder, (0, 1, 1))

    # settled here: the counts follow at once, no sync needed
    with qtbot.waitSignal(tasks.data_changed):
        tasks.op(conflicts.resolve, wc, "companies", cid, "mine").run()
    _agree(qtbot, window, folder, (1, 0, 1))
    refused = conflicts.rejected(wc)[0]
    with qtbot.waitSignal(tasks.data_changed):
        tasks.op(conflicts.discard, wc, refused.seq, refused.collection,
                 refused.record_id).run()
    _agree(qtbot, window, folder, (1, 0, 0))

    # cancelled: the engine meets the cancel at its first check; nothing sent, counts unchanged
    session = context.session
    real_engine = session.engine

    def engine_then_cancel(*args: Any, **kw: Any) -> Any:
        made = real_engine(*args, **kw)
        session.cancel.set()  # as "Annuler" does, just after sync_now cleared it
        return made

    session.engine = engine_then_cancel  # type: ignore[method-assign]
    ok, message = _sync(qtbot, window)
    session.engine = real_engine  # type: ignore[method-assign]
    assert not ok and "annul" in message.lower(), message
    _agree(qtbot, window, folder, (1, 0, 0))

    # the server unreachable: offline, counts unchanged
    dead = "http://127.0.0.1:9"  # nothing listens on the discard port
    creds = context.session.creds
    creds.save(dead, SECRETARIAT.username, creds.load(base_url, SECRETARIAT.username))
    with context.session.store.transaction() as tx:
        tx.state.put("server", dead)
    ok, message = _sync(qtbot, window)
    assert not ok and window.sync.online is False, message
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Hors ligne"))
    _agree(qtbot, window, folder, (1, 0, 0))
    with context.session.store.transaction() as tx:
        tx.state.put("server", base_url)

    # logged out: "Déconnecté", and F5 asks for the login instead of syncing
    window.sync.logout_action.trigger()  # one unsent edit: the question names it
    qtbot.waitUntil(lambda: window.sync.logout_box is not None
                    and window.sync.logout_box.isVisible())  # fmt: skip
    box = window.sync.logout_box
    assert "1 modification(s)" in box.text()
    assert "« Nom choisi ici » (modification, en attente d'envoi)" in box.informativeText()
    assert box.findChild(QPushButton, "logout-discard-forbidden") is None
    box.findChild(QPushButton, "logout-anyway").click()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("Déconnecté"), timeout=10_000)
    assert "En ligne" not in window.sync_label.text()
    _agree(qtbot, window, folder, (1, 0, 0))
    ok, message = _sync(qtbot, window)  # the sync says the login is needed and asks for it
    assert not ok
    dialog = window.sync.login_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.password.setText(SECRETARIAT.password)
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as done:
        dialog.try_login()
    assert done.args[0], done.args
    assert "expiré" not in window.statusBar().currentMessage()
    _agree(qtbot, window, folder, (0, 0, 0))
    assert window.sync_label.text().startswith("En ligne")


def test_login_in_the_dialog_after_the_session_expired(
    qtbot: Any, server: tuple[str, str], context: AppContext,  # noqa: F811
) -> None:
    """Regression (defect 8): after the server ended the session, a login in the dialog left
    «Votre session a expiré» in the status bar until F5. Now the login replaces it, the sync
    starts by itself and the status line says who is connected."""
    import sqlite3

    base_url, server_url = server
    window = _window(qtbot, context)
    dialog = window.sync.ask_login()
    dialog.server.setText(base_url)
    dialog.username.setText(SECRETARIAT.username)
    dialog.password.setText(SECRETARIAT.password)
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as first:
        dialog.try_login()
    assert first.args[0], first.args
    # the server ends every login (as a logout elsewhere, or an expiry, does)
    db = sqlite3.connect(server_url.removeprefix("sqlite:///"))
    with db:
        db.execute("update login_sessions set revoked = 1, ended_reason = 'logout'")
    db.close()
    ok, message = _sync(qtbot, window)
    assert not ok and "expiré" in message, message
    assert "expiré" in window.statusBar().currentMessage()
    dialog = window.sync.login_dialog  # asked for at once
    assert dialog is not None and dialog.isVisible()
    assert dialog.server.text() == base_url and dialog.username.text() == SECRETARIAT.username
    dialog.password.setText(SECRETARIAT.password)
    with qtbot.waitSignal(window.sync.finished, timeout=60_000) as done:
        dialog.try_login()  # no F5: the login syncs
    assert done.args[0], done.args
    assert "expiré" not in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.sync_label.text().startswith("En ligne"))
    assert SECRETARIAT.username in window.sync_label.text()
    assert not window.sync.banner.isVisible()
    _agree(qtbot, window, context.folder, (0, 0, 0))
