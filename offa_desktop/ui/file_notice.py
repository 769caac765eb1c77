"""Where a file the app wrote went (a printed contract, a batch of forms), said in a line across
the top of the main window's areas, and the file opened in the system's viewer (or why it could
not be).

The notice stays until the next one or until closed (×): a path must be readable at leisure,
not flash for ten seconds. Its links open the file again or its folder. It sat in the status
bar first, where the sync status beside it left too little room: the links were cut off.
"""

from __future__ import annotations

import html
import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSizePolicy,
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


class FolderLabel(QLabel):
    """A folder's path, elided in the middle when the room is short (whole in its tooltip)."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.full = tr("dans %1").replace("%1", str(folder))
        self.setToolTip(str(folder))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(self.full)

    def sizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance(self.full) + 4,
                     super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        self.setText(self.fontMetrics().elidedText(self.full, Qt.TextElideMode.ElideMiddle,
                                                   max(0, self.width() - 4)))
        super().resizeEvent(event)


class FileNotice(QFrame):
    """«Contrat imprimé : contrat-….pdf (ouvrir · dossier) dans /…/impressions», with a ×: the
    name and the links always in view, the folder shortened in its middle when short of room."""

    def __init__(self, text: str, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("file-notice")
        self.setStyleSheet("QFrame#file-notice { background: #e8f3e8; "
                           "border-bottom: 1px solid #9cc79c; }")
        self.path = path
        self.label = QLabel(self)
        self.label.setObjectName("file-notice-text")
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.label.setText(
            f"{html.escape(text)} <b>{html.escape(path.name)}</b> "
            f"(<a href='open'>{html.escape(tr('ouvrir'))}</a> · "
            f"<a href='folder'>{html.escape(tr('dossier'))}</a>)"
        )
        self.label.linkActivated.connect(self._link)
        # the name and the links never shrink: the folder gives way
        self.label.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
        self.folder = FolderLabel(path.parent, self)
        self.folder.setObjectName("file-notice-folder")
        close = QToolButton(self)
        close.setText("×")
        close.setAutoRaise(True)
        close.setToolTip(tr("Fermer ce message"))
        close.clicked.connect(self.deleteLater)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 6, 3)
        row.addWidget(self.label)
        row.addWidget(self.folder, 1)
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
            old.hide()
            old.deleteLater()
        bar.clearMessage()
        add_banner = getattr(main, "add_banner", None)
        notice = FileNotice(text, path, main)
        if callable(add_banner):  # the main window: across the top of the areas
            add_banner(notice)
        else:
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
