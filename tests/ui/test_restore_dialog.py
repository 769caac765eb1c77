"""The window's side of issue 12, situation 3: an emptied working copy opens the restore
dialog (never a new empty copy); restoring the latest backup opens the window on its data;
quitting leaves everything as it was; the window takes verified backups by itself."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from offa_desktop import app, paths
from offa_desktop.store import backups
from offa_desktop.ui.restore_dialog import RestoreDialog
from tests import keyed


@pytest.fixture(autouse=True)
def copy_trouble_is_logged(caplog: Any) -> None:
    """A copy emptied or gone is logged as an error by the store: expected in these tests
    (tests/ui/conftest.py fails a test on an unexpected logged error)."""
    caplog.set_level(logging.ERROR, "offa.store")


def _answer(qtbot: Any, act: Any, seen: dict[str, Any]) -> None:
    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, RestoreDialog):
            QTimer.singleShot(20, look)
            return
        seen["message"] = dialog.message.text()
        seen["latest"] = dialog.latest_button.text()
        act(dialog)

    QTimer.singleShot(0, look)


def test_emptied_copy_opens_the_restore_dialog_then_the_window_on_the_backup(
    qtbot: Any, demo_copy: Path
) -> None:
    wc_path = keyed.unlock(paths.working_copy_path(demo_copy))  # encrypted: its key first
    backup = backups.take(wc_path)
    os.truncate(wc_path, 0)
    seen: dict[str, Any] = {}
    _answer(qtbot, lambda d: d.latest_button.click(), seen)
    window, context = app.open_with_restore(demo_copy)
    try:
        qtbot.addWidget(window)
        assert "vide (0 octet)" in seen["message"] and "mise de côté" in seen["message"]
        assert backup.label_fr in seen["latest"]
        assert window.show_area("contracts").model.rowCount() == 300  # the backup's data
        assert list(demo_copy.glob("working-copy.sqlite3.empty-*"))  # the bad file is kept
    finally:
        context.close()


def test_quitting_the_dialog_changes_nothing(qtbot: Any, demo_copy: Path) -> None:
    wc_path = paths.working_copy_path(demo_copy)
    wc_path.unlink()
    seen: dict[str, Any] = {}
    _answer(qtbot, lambda d: d.quit_button.click(), seen)
    with pytest.raises(app.StartCancelled):
        app.open_with_restore(demo_copy)
    assert "disparu" in seen["message"] and "Aucune sauvegarde" in seen["message"]
    assert not wc_path.exists()  # no empty copy behind the person's back


def test_the_window_takes_a_verified_backup_after_its_first_paint(
    qtbot: Any, demo_copy: Path
) -> None:
    from offa_desktop.ui.context import AppContext

    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wc_path = paths.working_copy_path(demo_copy)
        qtbot.waitUntil(lambda: backups.latest(wc_path) is not None, timeout=20_000)
        newest = backups.latest(wc_path)
        assert newest is not None and backups.integrity(newest.path, copy=wc_path) is None
        qtbot.waitUntil(lambda: not context.tasks.busy, timeout=20_000)
    finally:
        context.close()
