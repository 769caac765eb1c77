"""Where a printed file went, said so that its links stay in view (issue 15: in the status bar,
the sync status beside it left too little room and «(ouvrir · dossier)» was cut off)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QWidget

from offa_desktop.ui import file_notice
from offa_desktop.ui.context import AppContext

pytestmark = pytest.mark.gui


def test_name_and_links_in_view_the_folder_shortened(
    qtbot: Any, demo_copy: Path, opened_files: list[Path]
) -> None:
    context = AppContext.open(demo_copy)
    try:
        window = context.build_window(auto_sync=False)
        qtbot.addWidget(window)
        window.resize(1200, 700)  # a 1280 px screen
        window.show()
        qtbot.waitExposed(window)
        window.set_sync_status("Connecté · secretariat · 1 en attente · 0 conflit(s) · "
                               "0 refusée(s) · synchronisé le 06/12/2026 18:10")
        view = window.show_area("contracts")
        folder = demo_copy / "un dossier de données assez long pour ne pas tenir" / "impressions"
        pdf = folder / "contrat-dufrasne-gaetano-EAD0E038.pdf"
        assert file_notice.announce(window, "Contrat enregistré et imprimé :", pdf)
        assert opened_files == [pdf]
        label = window.findChild(QLabel, "file-notice-text")
        shown = window.findChild(QLabel, "file-notice-folder")
        assert label is not None and shown is not None
        qtbot.waitUntil(lambda: label.isVisible() and label.width() >= label.sizeHint().width())
        assert pdf.name in label.text() and "ouvrir" in label.text() and "dossier" in label.text()
        # across the top of the area, the list under it
        top = label.mapTo(window, QPoint(0, 0)).y()
        assert top < view.mapTo(window, QPoint(0, 0)).y()
        assert shown.toolTip() == str(folder)  # the whole path at hand
        window.resize(820, 700)  # short of room: the folder shortened in its middle
        qtbot.waitUntil(lambda: "…" in shown.text())
        assert shown.text().startswith("dans ") and shown.text().endswith("impressions")
        assert label.width() >= label.sizeHint().width()
        window.resize(1900, 700)
        qtbot.waitUntil(lambda: shown.text() == f"dans {folder}")
        label.linkActivated.emit("folder")
        assert opened_files == [pdf, folder]
        # the next file replaces the notice
        other = folder / "contrat-2.pdf"
        file_notice.announce(window, "Contrat imprimé :", other, open_it=False)
        qtbot.waitUntil(lambda: len([n for n in window.findChildren(QWidget, "file-notice")
                                     if n.isVisible()]) == 1)
    finally:
        context.close()
