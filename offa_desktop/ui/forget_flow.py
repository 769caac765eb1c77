"""« Oublier cet ordinateur » in the window (``ops/forget.py``): a question saying what goes,
the last sync and the erasure on a worker; edits that cannot be sent stop it, with « Exporter
puis oublier » (a file the person chooses); once forgotten, the window closes after the
person has read it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from offa_desktop.domain.errors import user_message
from offa_desktop.domain.problems import cap
from offa_desktop.domain.schema import COLLECTIONS


def _line(item: Any) -> str:
    """« Entreprises « Nom » » for an edit or conflict that holds the erasure back."""
    spec = COLLECTIONS.get(item.collection)
    return f"{cap(spec.label) if spec else item.collection} « {item.title} »"


Yes = QMessageBox.StandardButton.Yes
No = QMessageBox.StandardButton.No


class ForgetFlow(QObject):
    """One « Oublier cet ordinateur », from the question to the closing window."""

    def __init__(self, context: Any, window: Any, controller: Any) -> None:
        super().__init__(window)
        self.context = context
        self.window = window
        self.controller = controller
        self.box: QMessageBox | None = None
        self.done: Any = None

    def _box(self, icon: QMessageBox.Icon, text: str, name: str) -> QMessageBox:
        box = QMessageBox(icon, self.tr("Oublier cet ordinateur"), text, parent=self.window)
        box.setObjectName(name)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _code: self._closed(box))
        self.box = box
        return box

    def _closed(self, box: QMessageBox) -> None:
        if self.box is box:
            self.box = None  # deleted on close

    def start(self) -> QMessageBox:
        box = self._box(
            QMessageBox.Icon.Question,
            self.tr(
                "Une dernière synchronisation envoie vos modifications, puis cet ordinateur "
                "efface ses données OFFA : copie de travail, sauvegardes, pièces jointes, "
                "documents scannés en attente, rapports d'erreur et jetons de connexion. "
                "L'application se ferme ensuite.\n\nOublier cet ordinateur ?"
            ),
            "forget-question",
        )
        self._ask(box, self.tr("Oublier cet ordinateur"), lambda yes: self.run() if yes else None)
        return box

    def _ask(self, box: QMessageBox, yes_text: str, chosen: Callable[[bool], object]) -> None:
        """``yes_text`` or «Annuler» (the default); ``chosen(True)`` on the first."""
        box.setStandardButtons(Yes | No)
        yes = box.button(Yes)
        yes.setText(yes_text)
        box.button(No).setText(self.tr("Annuler"))
        box.setDefaultButton(No)
        box.buttonClicked.connect(lambda button: chosen(button is yes))
        box.open()

    def run(self, export_to: Path | None = None) -> None:
        from offa_desktop.ops.forget import forget

        session = self.context.session
        self.controller.timer.stop()
        self.window.statusBar().showMessage(self.tr("Dernière synchronisation, puis effacement…"))
        self.context.tasks.background(forget, session, export_to=export_to).owned_by(
            self
        ).success(self._forgotten).failure(self._failed).run()

    def choose_export_file(self) -> Path | None:
        """Where the unsent edits go (tests replace it)."""
        name, _filter = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Exporter les modifications non envoyées"),
            str(Path.home() / "modifications-non-envoyees.jsonl"),
            self.tr("Lignes JSON (*.jsonl)"),
        )
        return Path(name) if name else None

    def _failed(self, error: BaseException) -> None:
        from offa_desktop.ops.forget import UnsentEdits

        self.window.statusBar().clearMessage()
        if not isinstance(error, UnsentEdits):
            box = self._box(QMessageBox.Icon.Warning, user_message(error), "forget-failed")
            box.open()
            return
        lines = [f"• {_line(item)}" for item in error.items[:8]]
        box = self._box(
            QMessageBox.Icon.Warning,
            error.message + "\n\n" + "\n".join(lines),
            "forget-unsent",
        )
        self._ask(box, self.tr("Exporter puis oublier…"), self._export)

    def _export(self, chosen: bool) -> None:
        if not chosen:
            return
        target = self.choose_export_file()
        if target is not None:
            self.run(export_to=target)

    def _forgotten(self, done: Any) -> None:
        self.done = done
        self.controller._set_enabled(False)
        text = self.tr("Cet ordinateur est oublié : ses données OFFA sont effacées.")
        if done.exported is not None:
            text += " " + self.tr("Les modifications non envoyées sont dans %1.").replace(
                "%1", str(done.exported)
            )
        box = self._box(QMessageBox.Icon.Information, text, "forget-done")
        box.finished.connect(lambda _code: self.window.close())  # the last window: the app ends
        box.open()
