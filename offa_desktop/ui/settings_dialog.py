"""Paramètres: automatic sync; where the data and the logs are.

The pseudo-translation that checks layouts is a developer's tool, not a user's setting: it is
switched on with the ``OFFA_PSEUDO_L10N`` environment variable (``ui/i18n.py``), never here.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.preferences import Preferences


class SettingsDialog(QDialog):
    """Edits the declared preferences; a change of language applies at the next start."""

    def __init__(
        self, prefs: Preferences, data_folder: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(self.tr("Paramètres"))
        self.prefs = prefs
        self.auto = QCheckBox(self.tr("Synchroniser automatiquement quand le serveur répond"), self)
        self.auto.setChecked(prefs.get("sync/auto"))
        self.minutes = QSpinBox(self)
        self.minutes.setRange(1, 120)
        self.minutes.setSuffix(self.tr(" min"))
        self.minutes.setValue(prefs.get("sync/auto_minutes"))
        folder = QLabel(str(data_folder), self)
        folder.setWordWrap(True)
        folder.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.auto)
        form.addRow(self.tr("Toutes les"), self.minutes)
        form.addRow(self.tr("Dossier des données"), folder)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        self.prefs.set("sync/auto", self.auto.isChecked())
        self.prefs.set("sync/auto_minutes", self.minutes.value())
        super().accept()
