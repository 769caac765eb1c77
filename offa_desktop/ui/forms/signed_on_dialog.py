"""«Date de signature…»: the day a signed contract was signed, put right (an import of its scan
marks it signed on the scan's day, «Marquer comme signé» on today's: issue 17, "unless the
user corrects it")."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from offa_desktop.ui.dialogs import day_picker, ok_cancel_buttons, picked_day
from offa_desktop.ui.forms.base import tr


class SignedOnDialog(QDialog):
    """A date (dd/MM/yyyy, calendar) starting at ``current``; ``day()`` once accepted."""

    def __init__(self, current: date | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signed-on-dialog")
        self.setWindowTitle(tr("Date de signature"))
        self.setMinimumWidth(440)
        intro = QLabel(tr("Le jour où les parties ont signé le contrat (le jour du scan ou du "
                          "clic est proposé ; corrigez-le si la signature date d'un autre "
                          "jour)."))  # fmt: skip
        intro.setWordWrap(True)
        self.edit = day_picker(self, "signed-on", current or date.today())
        buttons, self.ok = ok_cancel_buttons(self, tr("Corriger la date"))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit)
        layout.addWidget(buttons)

    def day(self) -> date:
        return picked_day(self.edit)
