"""Where a file the app wrote went (a printed contract, a batch of forms), said in the main
window's status bar, and the file opened in the system's viewer (or why it could not be).

The notice stays until the next one or until closed (×): a path must be readable at leisure,
not flash for ten seconds. Its links open the file again or its folder.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QToolButton,
    QWidget,
)

log = logging.getLogger("offa.ui")


def _system_open(path: Path) -> bool:
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))


# How files are opened: the desktop's viewer; tests replace it (a function returning whether
# the viewer could be started).
opener: Callable[[Path], bool] = _system_open


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files tr("…") calls there


class FileNotice(QWidget):
    """«Contrat imprimé : contrat-….pdf (ouvrir · dossier)» in a status bar, with a ×."""

    def __init__(self, text: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file-notice")
        self.path = path
        self.label = QLabel(self)
        self.label.setObjectName("file-notice-text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.setText(
            f"{html.escape(text)} <b>{html.escape(path.name)}</b> "
            + html.escape(tr("dans %1").replace("%1", str(path.parent)))
            + f" (<a href='open'>{html.escape(tr('ouvrir'))}</a> · "
            f"<a href='folder'>{html.escape(tr('dossier'))}</a>)"
        )
        self.label.linkActivated.connect(self._link)
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Fermer ce message"))
        close.clicked.connect(self.deleteLater)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(close)

    def _link(self, which: str) -> None:
        opener(self.path if which == "open" else self.path.parent)


def announce(window: QWidget | None, text: str, path: Path, *, open_it: bool = True) -> bool:
    """Say in ``window``'s status bar that ``text`` went to ``path`` and open it; when no
    viewer could open it, say so with the path (the file is there). Returns whether it opened.
    """
    main = window.window() if window is not None else None
    if isinstance(main, QMainWindow):
        bar = main.statusBar()
        for old in main.findChildren(FileNotice):
            bar.removeWidget(old)
            old.deleteLater()
        bar.clearMessage()
        notice = FileNotice(text, path, bar)
        bar.addWidget(notice, 1)
        notice.show()
    log.info("%s %s", text, path)
    if not open_it:
        return False
    opened = opener(path)
    if not opened:  # said without blocking: the work goes on
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Ouverture impossible"),
            tr("Le fichier est enregistré dans\n%1\nmais aucun lecteur PDF n'a pu l'ouvrir sur "
               "cet ordinateur. Ouvrez-le depuis ce dossier ou installez un lecteur PDF.")
            .replace("%1", str(path)),
            QMessageBox.StandardButton.Ok,
            main if main is not None else window,
        )
        box.setObjectName("open-failed")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return opened
