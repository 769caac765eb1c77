"""« Mes appareils »: the computers the user is logged in on (name, first and last use, state),
and « Révoquer » for a lost or retired one; OFFA staff choose any user and may also mark a
device « à effacer » (``ops/devices.py``; the server decides, this only offers what it
accepts)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message
from offa_desktop.ui.dialogs import close_buttons
from offa_desktop.ui.tables import read_only_table


class DevicesDialog(QDialog):
    """The list of one user's devices (the signed-in user's; OFFA: anyone's)."""

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.session = context.session
        self.tasks = context.tasks
        self.lines: list[Any] = []
        self.question: QMessageBox | None = None
        self.setObjectName("devices-dialog")
        self.setWindowTitle(self.tr("Mes appareils"))
        self.resize(760, 360)
        layout = QVBoxLayout(self)
        self.intro = QLabel(
            self.tr(
                "Les ordinateurs où ce compte est connecté. Un ordinateur perdu ou qui ne sert "
                "plus : sélectionnez-le et « Révoquer » ; il ne pourra plus synchroniser."
            )
        )
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        chooser = QHBoxLayout()
        self.user_label = QLabel(self.tr("&Utilisateur :"))
        self.user_box = QComboBox(self)
        self.user_box.setObjectName("devices-user")
        self.user_label.setBuddy(self.user_box)
        chooser.addWidget(self.user_label)
        chooser.addWidget(self.user_box, 1)
        layout.addLayout(chooser)
        self.table = read_only_table(
            [
                self.tr("Appareil"),
                self.tr("Première utilisation"),
                self.tr("Dernière utilisation"),
                self.tr("État"),
            ],
            parent=self,
            select_rows=True,
        )
        self.table.setObjectName("devices-table")
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("devices-message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.revoke_button = QPushButton(self.tr("&Révoquer"), self)
        self.revoke_button.setObjectName("devices-revoke")
        self.revoke_button.clicked.connect(lambda: self.ask_revoke(erase=False))
        self.erase_button = QPushButton(self.tr("Révoquer et &effacer"), self)
        self.erase_button.setObjectName("devices-erase")
        self.erase_button.setToolTip(
            self.tr("À sa prochaine connexion, l'ordinateur efface sa copie de travail, ses "
                    "sauvegardes et ses jetons, puis le signale.")  # fmt: skip
        )
        self.erase_button.clicked.connect(lambda: self.ask_revoke(erase=True))
        layout.addWidget(close_buttons(self, self.revoke_button, self.erase_button))
        from offa_desktop.ops import devices

        self.staff = devices.role(self.session) == "offa"
        for widget in (self.user_label, self.user_box, self.erase_button):
            widget.setVisible(self.staff)
        self._selection_changed()
        if self.staff:
            self.tasks.background(devices.users, self.session).owned_by(self).success(
                self._show_users
            ).failure(self._failed).run()
        else:
            self.load()

    def own_id(self) -> str:
        account = self.session.account()
        return str(account.user.get("id", "")) if account is not None else ""

    def _show_users(self, users: list[tuple[str, str]]) -> None:
        self.user_box.blockSignals(True)
        own = self.own_id()
        for user_id, name in users:
            self.user_box.addItem(name, user_id)
        index = self.user_box.findData(own)
        self.user_box.setCurrentIndex(max(index, 0))
        self.user_box.blockSignals(False)
        self.user_box.currentIndexChanged.connect(lambda _i: self.load())
        self.load()

    def user_id(self) -> str | None:
        if not self.staff:
            return None
        data = self.user_box.currentData()
        return str(data) if data else None

    def load(self) -> None:
        from offa_desktop.ops import devices

        self.message.setText(self.tr("Lecture des appareils sur le serveur…"))
        self.tasks.background(devices.devices, self.session, self.user_id()).owned_by(
            self
        ).success(self._show).failure(self._failed).run()

    def _show(self, lines: list[Any]) -> None:
        self.lines = lines
        self.table.setRowCount(len(lines))
        for row, line in enumerate(lines):
            name = line.name + (self.tr(" (cet ordinateur)") if line.current else "")
            status = self.tr(line.status_fr)
            for col, text in enumerate((name, line.first_used, line.last_used, status)):
                item = self.table.item(row, col)
                if item is None:
                    from PySide6.QtWidgets import QTableWidgetItem

                    item = QTableWidgetItem()
                    self.table.setItem(row, col, item)
                item.setText(text)
        self.table.resizeColumnsToContents()
        self.message.setText(
            self.tr("Aucun appareil.") if not lines else self.tr("%1 appareil(s).").replace(
                "%1", str(len(lines)))  # fmt: skip
        )
        self._selection_changed()

    def _failed(self, error: BaseException) -> None:
        self.message.setText(user_message(error))

    def selected(self) -> Any:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if len(rows) != 1:
            return None
        row = rows.pop()
        return self.lines[row] if row < len(self.lines) else None

    def _selection_changed(self) -> None:
        line = self.selected()
        self.revoke_button.setEnabled(bool(line and line.may_revoke))
        self.erase_button.setEnabled(bool(line and line.may_erase))

    def ask_revoke(self, *, erase: bool) -> QMessageBox | None:
        """A confirmation (window-modal, not blocking), then the revocation."""
        line = self.selected()
        if line is None:
            return None
        text = (
            self.tr("Révoquer « %1 » et lui faire effacer ses données OFFA (copie de travail, "
                    "sauvegardes, jetons) à sa prochaine connexion ?")  # fmt: skip
            if erase
            else self.tr("Révoquer « %1 » ? Cet ordinateur ne pourra plus synchroniser sans "
                         "qu'on s'y reconnecte.")  # fmt: skip
        ).replace("%1", line.name)
        box = QMessageBox(QMessageBox.Icon.Question, self.windowTitle(), text, parent=self)
        box.setObjectName("devices-confirm")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setText(self.tr("Révoquer et effacer") if erase else self.tr("Révoquer"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Annuler"))
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.buttonClicked.connect(
            lambda button: self._revoke(line, erase) if button is yes else None
        )
        self.question = box
        box.open()
        return box

    def _revoke(self, line: Any, erase: bool) -> None:
        from offa_desktop.ops import devices

        self.tasks.background(devices.revoke, self.session, line, erase=erase).owned_by(
            self
        ).success(lambda _after: self.load()).failure(self._failed).run()


def open_devices(context: Any, parent: QWidget | None = None) -> DevicesDialog:
    dialog = DevicesDialog(context, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
