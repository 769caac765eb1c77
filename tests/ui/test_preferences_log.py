"""Preferences (typed, declared), the settings dialog, the log view, the pseudo-locale."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from offa_desktop.ui import i18n
from offa_desktop.ui.log_view import LogView
from offa_desktop.ui.preferences import Preferences
from offa_desktop.ui.settings_dialog import SettingsDialog

pytestmark = pytest.mark.gui


def test_preferences_are_typed_and_declared(tmp_path: Path) -> None:
    prefs = Preferences(tmp_path)
    assert prefs.get("sync/auto_minutes") == 5 and prefs.get("ui/pseudo_l10n") is False
    prefs.set("sync/auto_minutes", "12")
    prefs.set("ui/pseudo_l10n", True)
    again = Preferences(tmp_path)
    assert again.get("sync/auto_minutes") == 12 and again.get("ui/pseudo_l10n") is True
    with pytest.raises(KeyError):
        again.get("no/such")


def test_settings_dialog_saves(qtbot: Any, tmp_path: Path) -> None:
    prefs = Preferences(tmp_path)
    dialog = SettingsDialog(prefs, tmp_path)
    qtbot.addWidget(dialog)
    dialog.minutes.setValue(30)
    dialog.accept()
    assert prefs.get("sync/auto_minutes") == 30 and prefs.get("ui/pseudo_l10n") is False
    # a developer's tool, not a user's setting (issue 15 #7): nothing about it in Paramètres
    from PySide6.QtWidgets import QAbstractButton, QLabel

    texts = [w.text() for w in dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel)]
    assert not any("seudo" in t for t in texts), texts


def test_log_view_shows_the_end_of_the_log(qtbot: Any, tmp_path: Path) -> None:
    log_file = tmp_path / "offa-desktop.log"
    log_file.write_text("".join(f"ligne {i} é\n" for i in range(5000)), encoding="utf-8")
    view = LogView(log_file)
    qtbot.addWidget(view)
    text = view.text.toPlainText()
    assert text.endswith("ligne 4999 é\n") and "ligne 2999 é" not in text
    view_empty = LogView(tmp_path / "absent.log")
    qtbot.addWidget(view_empty)
    assert view_empty.text.toPlainText() == "Le journal est vide."


def test_pseudo_locale_changes_every_translated_text(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    try:
        i18n.install(app, pseudo=True)
        label = QLabel(QApplication.translate("areas", "Contrats"))
        qtbot.addWidget(label)
        assert label.text().startswith("[") and "~" in label.text() and label.text() != "Contrats"
    finally:
        i18n.install(app, pseudo=False)
    assert QApplication.translate("areas", "Contrats") == "Contrats"
    assert i18n.pseudo_text("%1 fiche(s)").startswith("[%1 ")
