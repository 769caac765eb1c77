"""Pièces jointes: a record's signed scans and photos; attach one, open one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message
from offa_desktop.ui.dialogs import ContextDialog, close_buttons


class AttachmentsDialog(ContextDialog):
    """Lists the attachments of ``record`` ("collection/id"); work runs on the pool lane.

    Signals: ``listed(count: int)`` after each (re)load; ``opened(path: str)`` once a file is
    ready to open.
    """

    listed = Signal(int)
    opened = Signal(str)

    def __init__(self, context: Any, record: str, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, "attachments-dialog")
        self.setWindowTitle(self.tr("Pièces jointes"))
        self.record = record
        self.items = QListWidget(self)
        self.items.itemActivated.connect(self.open_item)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        add = QPushButton(self.tr("Joindre un fichier…"), self)
        add.clicked.connect(self.ask_attach)
        self.open_button = QPushButton(self.tr("Ouvrir"), self)
        self.open_button.clicked.connect(lambda: self.open_item(self.items.currentItem()))
        buttons = close_buttons(self, add, self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.items)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(560, 380)
        self.reload()

    def reload(self) -> None:
        from offa_desktop.ops.attachments import list_attachments

        self.context.tasks.background(list_attachments, self.context.session, self.record).owned_by(
            self
        ).success(self._show).failure(self._failed).run()

    def _show(self, attachments: list[Any]) -> None:
        self.items.clear()
        for attachment in attachments:
            size = f"{max(1, attachment.size // 1024)} Kio"
            state = self.tr(" · en attente d'envoi") if attachment.pending else ""
            item = QListWidgetItem(f"{attachment.file_name} ({size}){state}")
            item.setData(Qt.ItemDataRole.UserRole, attachment)
            self.items.addItem(item)
        if not attachments:
            self.message.setText(self.tr("Aucune pièce jointe."))
        self.listed.emit(len(attachments))

    def _failed(self, error: BaseException) -> None:
        self.message.setText(user_message(error))
        self.listed.emit(-1)

    def ask_attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Joindre un fichier"),
            "",
            self.tr("Documents (*.pdf *.jpg *.jpeg *.png)"),
        )
        if name:
            self.attach(Path(name))

    def attach(self, path: Path) -> None:
        from offa_desktop.ops.attachments import attach_and_send

        self.message.setText(self.tr("Ajout de %1…").replace("%1", path.name))
        self.context.tasks.background(
            attach_and_send, self.context.session, self.record, path
        ).owned_by(self).success(self._attached).failure(self._failed).run()

    def _attached(self, _changes: object) -> None:
        self.message.clear()
        self.reload()

    def open_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        from offa_desktop.ops.attachments import fetch

        attachment = item.data(Qt.ItemDataRole.UserRole)
        self.context.tasks.background(fetch, self.context.session, attachment).owned_by(
            self
        ).success(self._open_path).failure(self._failed).run()

    def _open_path(self, path: Path) -> None:
        self.opened.emit(str(path))
        if self.context.extras.get("open_files", True):
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
