"""The window's side of a working copy found empty, missing, foreign or damaged.

Shown by ``app.main`` instead of the window when opening raises ``WorkingCopyGone``: it says
what happened (the store's French message: where the bad file was set aside, the latest
backup's date) and offers a person's choices: restore the latest backup, restore a file they
pick, start from an empty copy, or quit. Nothing is replaced without one of those clicks.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.dialogs import Role, box_button, quit_button

log = logging.getLogger("offa.ui")


class RestoreDialog(QDialog):
    """Choices after ``WorkingCopyGone`` (``error``); ``exec()`` is Accepted once a copy was
    put back (or an empty one chosen), and ``restored`` then says which file."""

    def __init__(self, error: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.error = error
        self.path: Path = error.path
        self.restored: Path | None = None
        self.setObjectName("restore-dialog")
        self.setWindowTitle(self.tr("Copie de travail à restaurer"))
        layout = QVBoxLayout(self)
        self.message = QLabel(str(error))
        self.message.setObjectName("restore-message")
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setMinimumWidth(520)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox()
        latest = error.latest
        self.latest_button = box_button(
            buttons, "restore-latest",
            self.tr("Restaurer la sauvegarde du %1").replace("%1", latest.label_fr)
            if latest is not None
            else self.tr("Aucune sauvegarde"),
            Role.AcceptRole, lambda: self.restore_from(None))
        self.latest_button.setEnabled(latest is not None)
        self.latest_button.setDefault(latest is not None)
        self.file_button = box_button(
            buttons, "restore-file", self.tr("Restaurer un fichier…"), Role.ActionRole,
            self._pick_file)
        self.empty_button = box_button(
            buttons, "restore-empty", self.tr("Repartir d'une copie vide…"),
            Role.DestructiveRole, self._confirm_empty)
        self.quit_button = quit_button(buttons, "restore-quit", self)
        layout.addWidget(buttons)

    def restore_from(self, source: Path | None) -> bool:
        """Put ``source`` (None: the latest backup) back; a refusal is shown, the dialog stays."""
        from offa_desktop.store.copy_errors import WorkingCopyError
        from offa_desktop.store.restore import restore

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            done = restore(self.path, source)
        except WorkingCopyError as exc:
            QGuiApplication.restoreOverrideCursor()
            log.error("restore failed: %s", exc)
            self._refused(str(exc))
            return False
        QGuiApplication.restoreOverrideCursor()
        self.restored = done.source
        self.accept()
        return True

    def start_empty(self) -> bool:
        """Start from an empty copy (after the person confirmed)."""
        from offa_desktop.store.copy_errors import WorkingCopyError
        from offa_desktop.store.restore import start_empty

        try:
            start_empty(self.path)
        except WorkingCopyError as exc:
            self._refused(str(exc))
            return False
        self.restored = None
        self.accept()
        return True

    def _pick_file(self) -> None:
        from offa_desktop.store import backups

        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Fichier à restaurer"),
            str(backups.folder(self.path)),
            self.tr("Copies de travail (*.sqlite3 *.sqlite3.*);;Tous les fichiers (*)"),
        )
        if name:
            self.restore_from(Path(name))

    def _confirm_empty(self) -> None:
        answer = QMessageBox.warning(
            self,
            self.tr("Repartir d'une copie vide"),
            self.tr(
                "Une copie vide sera créée : les données reviendront du serveur à la prochaine "
                "synchronisation, après connexion. Les modifications non envoyées restent "
                "seulement dans le fichier mis de côté. Continuer ?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_empty()

    def _refused(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Restauration impossible"), message,
            QMessageBox.StandardButton.Ok, self,
        )
        box.setObjectName("restore-refused")
        box.open()
