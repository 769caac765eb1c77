"""First run and help (issue 15, defects 6 and 8, and the Aide menu).

Regressions: shortcuts were listed nowhere; the demo accounts and passwords were nowhere a
user looks; a start without ``--demo`` was an empty «Non connecté» window with no prompt to log
in nor word of a server; the demo's status said «jamais synchronisé» over synced data; in the
contract wizard, Enter after Tab on the pay page went back («Précédent»).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWizard

from offa_desktop import paths
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.ops.sync.session import MemoryKeyring, SyncSession
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.tasks import TaskManager
from sync.creds import CredentialStore

pytestmark = pytest.mark.gui


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[AppContext]:
    """A first start without --demo: an empty data folder, nobody connected."""
    folder = tmp_path / "data"
    folder.mkdir()
    wc = WorkingCopy.open(paths.working_copy_path(folder))
    session = SyncSession(folder, wc, creds=CredentialStore(MemoryKeyring()))
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    made = AppContext(folder, wc, TaskManager(), settings, session)
    yield made
    made.close()


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[AppContext]:
    made = AppContext.open(tmp_path / "demo", demo_size=30)
    yield made
    made.close()


def _shown(qtbot: Any, context: AppContext) -> Any:
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    window.sync.start()
    qtbot.waitUntil(lambda: window.sync.last_status is not None)
    return window


def test_first_start_says_to_log_in_and_where(qtbot: Any, fresh: AppContext) -> None:
    window = _shown(qtbot, fresh)
    banner = window.sync.banner
    assert banner.isVisible()
    assert "Pas encore connecté" in banner.text.text() and "serveur" in banner.text.text()
    banner.button.click()  # the prompt opens the login dialog, server first
    dialog = window.sync.login_dialog
    assert dialog is not None and dialog.isVisible()
    assert "opérateur" in dialog.server.placeholderText()
    assert dialog.demo is None  # no demo accounts outside the demo
    dialog.reject()


def test_demo_shows_its_accounts_and_its_last_sync(qtbot: Any, demo: AppContext) -> None:
    window = _shown(qtbot, demo)
    assert "synchronisé le" in window.sync_label.text()  # the demo synced before showing
    assert "jamais" not in window.sync_label.text()
    assert not window.sync.banner.isVisible()
    dialog = window.sync.ask_login()
    assert dialog.demo is not None and dialog.demo.count() == len(DEMO_ACCOUNTS) + 1
    coach = next(a for a in DEMO_ACCOUNTS if a.role == "coach")
    dialog.demo.setCurrentIndex(1 + DEMO_ACCOUNTS.index(coach))
    assert (dialog.username.text(), dialog.password.text()) == (coach.username, coach.password)
    dialog.reject()
    action = window.findChild(type(window.about_action), "action-demo-accounts")
    assert action is not None
    action.trigger()
    shown = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "demo-accounts")
    text = shown.text.toPlainText()
    assert all(a.username in text and a.password in text for a in DEMO_ACCOUNTS)
    shown.close()


def test_every_shortcut_listed_and_the_guide(qtbot: Any, fresh: AppContext) -> None:
    from offa_desktop.ui.help_dialog import ShortcutsDialog

    window = _shown(qtbot, fresh)
    dialog = ShortcutsDialog(window)
    qtbot.addWidget(dialog)
    rows = {(dialog.table.item(r, 1).text(), dialog.table.item(r, 2).text())
            for r in range(dialog.table.rowCount())}
    keys = {k for k, _a in rows}
    contracts = f"Ctrl+{window.nav_keys.index('contracts') + 1}"
    for key in ("Ctrl+N", "F5", "Ctrl+P", "Ctrl+K", "Ctrl+H", "Ctrl+Q", "F1", contracts,
                "O, N, S", "Ctrl+S"):
        assert any(key in k for k in keys), key
    # the list is read from the menus: an action added anywhere is in it
    from PySide6.QtGui import QAction, QKeySequence

    extra = QAction("Essai", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+Y"))
    window.menu_file.addAction(extra)
    again = ShortcutsDialog(window)
    qtbot.addWidget(again)
    assert any(again.table.item(r, 2).text() == "Essai" for r in range(again.table.rowCount()))
    # F1: the guide of the two tasks, with this window's area keys
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    guide = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "guide-dialog")
    text = guide.text.toPlainText()
    assert "Établir un contrat" in text and "rapport de visite" in text
    assert f"{contracts} (Contrats)" in text
    guide.close()


def test_enter_never_means_previous(qtbot: Any, demo_copy: Path) -> None:
    """Tab from the pay field reaches «< Précédent»: Enter there still goes on."""
    from offa_desktop.ui.forms.contract_wizard import ContractWizard

    context = AppContext.open(demo_copy)
    try:
        wizard = ContractWizard(context, None, None)
        qtbot.addWidget(wizard)
        wizard.show()
        back = wizard.button(QWizard.WizardButton.BackButton)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.CancelButton,
                      QWizard.WizardButton.NextButton, ContractWizard.print_button):
            assert not wizard.button(which).autoDefault()
        assert not wizard.pages[0].isComplete()  # nothing typed: nothing chosen
        wizard.pages[0].search.setText("a")
        wizard.pages[0].reload()
        assert wizard.pages[0].isComplete()
        wizard.next()
        assert wizard.currentPage() is wizard.pages[1]
        back.setFocus()
        QTest.keyClick(back, Qt.Key.Key_Return)
        assert wizard.currentPage() is not wizard.pages[0]  # Enter did not go back
    finally:
        context.close()
