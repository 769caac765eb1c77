"""Actions of the Fichier menu on records: history (Ctrl+H) and attachments (Ctrl+J) of the
selected record, and the import of signed scans (Ctrl+Maj+I)."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from offa_desktop.ui.dialogs import file_menu_action, show_kept


def install(context: Any, window: Any) -> None:
    """Add the record actions to the Fichier menu, before Quitter."""
    for name, text, keys, handler in (
        (
            "action-history",
            QCoreApplication.translate("RecordActions", "&Historique de la fiche"),
            "Ctrl+H",
            show_history,
        ),
        (
            "action-attachments",
            QCoreApplication.translate("RecordActions", "&Pièces jointes…"),
            "Ctrl+J",
            show_attachments,
        ),
        (
            "action-person-data",
            QCoreApplication.translate(
                "RecordActions", "Exporter les données de cette personne…"
            ),
            "",
            export_person_data,
        ),
        (
            "action-scans",
            QCoreApplication.translate("RecordActions", "Importer des documents signés…"),
            "Ctrl+Shift+I",
            show_scans,
        ),
    ):
        file_menu_action(window, text, name, partial(handler, context, window), keys)


def _selected(context: Any, window: Any) -> tuple[str, str] | None:
    view = window.views.get(window.current_area())
    record_id = view.selected_id() if view is not None else None
    if view is None or record_id is None or context.session is None:
        QMessageBox.information(
            window,
            QCoreApplication.translate("RecordActions", "Fiche"),
            QCoreApplication.translate(
                "RecordActions", "Choisissez d'abord une fiche dans la liste."
            ),
        )
        return None
    return view.area.collection, record_id


def show_history(context: Any, window: Any) -> None:
    from offa_desktop.ops.contracts.replacing import history_with_chain
    from offa_desktop.ui.history_dialog import HistoryDialog

    chosen = _selected(context, window)
    if chosen is None:
        return
    collection, record_id = chosen

    def show(history: Any) -> None:
        show_kept(context, HistoryDialog(collection, history, window), "last_history")

    context.tasks.background(history_with_chain, context.session, collection, record_id).owned_by(
        window
    ).success(show).run()


def show_attachments(context: Any, window: Any) -> QWidget | None:
    from offa_desktop.ui.attachments_dialog import AttachmentsDialog

    chosen = _selected(context, window)
    if chosen is None:
        return None
    dialog = AttachmentsDialog(context, f"{chosen[0]}/{chosen[1]}", window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog


def choose_person_file(window: Any, suggested: str) -> Path | None:
    """Where the ZIP of a person's data goes (tests replace it)."""
    from PySide6.QtWidgets import QFileDialog

    name, _filter = QFileDialog.getSaveFileName(
        window,
        QCoreApplication.translate("RecordActions", "Exporter les données de cette personne"),
        str(Path.home() / suggested),
        QCoreApplication.translate("RecordActions", "Archive ZIP (*.zip)"),
    )
    return Path(name) if name else None


def export_person_data(context: Any, window: Any) -> None:
    """« Exporter les données de cette personne… » (a learner or a tutor selected): the ZIP of
    everything about them (``ops/personal_data.py``), announced like a printed file."""
    from offa_desktop.domain.errors import user_message
    from offa_desktop.ops import personal_data
    from offa_desktop.ui import file_notice
    from offa_desktop.ui.dialogs import tell

    title = QCoreApplication.translate("RecordActions", "Données d'une personne")
    chosen = _selected(context, window)
    if chosen is None:
        return
    collection, record_id = chosen
    if collection not in ("learners", "tutors"):
        context.extras["last_person_data"] = tell(window, title, QCoreApplication.translate(
            "RecordActions", "Choisissez d'abord un apprenant ou un tuteur dans sa liste."),
            "person-data-message")  # fmt: skip
        return

    def failed(error: BaseException) -> None:
        context.extras["last_person_data"] = tell(
            window, title, user_message(error), "person-data-message", warning=True)

    def done(result: Any) -> None:
        file_notice.announce(window, QCoreApplication.translate(
            "RecordActions", "Données de la personne exportées :"), result.path)  # fmt: skip
        context.extras["last_person_export"] = result

    def write(suggested: str) -> None:
        target = choose_person_file(window, suggested)
        if target is None:
            return
        context.tasks.background(
            personal_data.export_person, context.session, collection, record_id, target
        ).owned_by(window).success(done).failure(failed).run()

    context.tasks.background(
        personal_data.suggested_name, context.session, collection, record_id
    ).owned_by(window).success(write).failure(failed).run()


def show_scans(context: Any, window: Any) -> QWidget | None:
    """«Importer des documents signés…» (and the pages waiting to be assigned)."""
    from offa_desktop.ui.scans_dialog import ScansDialog

    return show_kept(context, ScansDialog(context, window), "last_scans")
