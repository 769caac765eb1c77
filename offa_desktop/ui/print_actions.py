"""The Impression menu: preview and print the selected record, blank forms, a batch of the list."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox

from offa_desktop.ui.batch_print import BatchPrintDialog, default_folder
from offa_desktop.ui.print_preview import preview_record

PRINT_KINDS = {"contracts": "contract", "approvals": "approval", "visits": "visit"}
BATCH_LIMIT = 1000


def print_selected(context: Any, window: Any) -> bool:
    """Preview the selected record of the current list (contracts, approvals, visits)."""
    key = window.current_area()
    kind = PRINT_KINDS.get(key)
    view = window.views.get(key)
    record_id = view.selected_id() if view is not None else None
    if kind is None or record_id is None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("PrintActions", "Impression"),
            QCoreApplication.translate(
                "PrintActions",
                "Choisissez d'abord un contrat, un agrément ou une visite dans la liste.",
            ),
        )
        return False
    preview_record(context, kind, record_id, window)
    return True


def print_list(context: Any, window: Any, *, preflight: bool = True) -> BatchPrintDialog | None:
    """Print every record of the current (filtered) list, up to BATCH_LIMIT, as PDF files."""
    key = window.current_area()
    kind = PRINT_KINDS.get(key)
    view = window.views.get(key)
    if kind is None or view is None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("PrintActions", "Impression"),
            QCoreApplication.translate("PrintActions", "Cette liste ne s'imprime pas par lot."),
        )
        return None
    count = view.model.rowCount()
    if count > BATCH_LIMIT:
        QMessageBox.information(
            window,
            QCoreApplication.translate("PrintActions", "Impression"),
            QCoreApplication.translate(
                "PrintActions",
                "La liste compte %1 fiches : filtrez-la sous %2 fiches pour l'imprimer.",
            )
            .replace("%1", str(count))
            .replace("%2", str(BATCH_LIMIT)),
        )
        return None
    ids = [i for i in (view.model.record_id(r) for r in range(count)) if i]

    def go() -> BatchPrintDialog:
        dialog = BatchPrintDialog(context, kind, ids, default_folder(context.folder, kind),
                                  window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        dialog.start()
        window.batch_print = dialog
        return dialog

    if not preflight:
        return go()
    from offa_desktop.ui.preflight_dialog import run_preflight

    run_preflight(context, window, [(view.area.collection, i) for i in ids],
                  QCoreApplication.translate("PrintActions", "Imprimer quand même"),
                  lambda: None if go() else None)
    return None
