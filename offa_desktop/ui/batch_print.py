"""Batch printing: many documents to PDF files, with progress "x sur y" and a cancel button.

The batch runs ``ops.printing.rendering.print_batch`` on the pool lane (it lays the documents out
in a process pool); the dialog only shows its progress and outcome.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message
from offa_desktop.ui.dialogs import ContextDialog
from offa_desktop.ui.tasks import TaskContext


def default_folder(data_folder: Path, kind: str) -> Path:
    """``<data>/impressions/<kind>-<timestamp>`` (created by the batch)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return data_folder / "impressions" / f"{kind}-{stamp}"


class BatchPrintDialog(ContextDialog):
    """Prints ``kind`` for each id into ``out_dir``; shows progress; "Annuler" stops between
    documents (files already written stay, nothing half-written).

    Signal ``finished_batch(result: object)`` with the ops' BatchResult.
    """

    finished_batch = Signal(object)

    def __init__(
        self,
        context: Any,
        kind: str,
        record_ids: Sequence[str],
        out_dir: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent, "batch-print")
        self.setWindowTitle(self.tr("Impression par lot"))
        self.kind = kind
        self.record_ids = list(record_ids)
        self.out_dir = out_dir
        self.cancel_event = threading.Event()
        self.result: Any = None
        self.label = QLabel(
            self.tr("%1 document(s) vers %2")
            .replace("%1", str(len(self.record_ids)))
            .replace("%2", str(out_dir)),
            self,
        )
        self.label.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, max(1, len(self.record_ids)))
        self.bar.setValue(0)
        self.bar.setFormat(self.tr("%v sur %m"))
        self.outcome = QLabel(self)
        self.outcome.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Annuler"), self)
        self.cancel_button.setObjectName("batch-cancel")
        self.buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel)
        self.folder_button = QPushButton(self.tr("Ouvrir le dossier"), self)
        self.folder_button.setObjectName("batch-folder")
        self.folder_button.hide()
        self.folder_button.clicked.connect(self.open_folder)
        self.buttons.addButton(self.folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.outcome)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def start(self) -> None:
        from offa_desktop.ops.printing.rendering import print_batch

        wc, kind, ids, out_dir, cancel = (
            self.context.working_copy,
            self.kind,
            self.record_ids,
            self.out_dir,
            self.cancel_event,
        )

        def run(ctx: TaskContext) -> Any:
            return print_batch(
                wc,
                kind,
                ids,
                out_dir,
                progress=lambda done, total: ctx.report("print", done, total),
                cancel=cancel,
            )

        self.context.tasks.background(run).owned_by(self).progress(self._progress).success(
            self._finished
        ).failure(self._failed).run()

    def _progress(self, _phase: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def cancel(self) -> None:
        if self.result is not None:
            self.accept()
            return
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.outcome.setText(self.tr("Arrêt après le document en cours…"))

    def _finished(self, result: Any) -> None:
        self.result = result
        written, failed = len(result.written), len(result.failed)
        text = (
            self.tr("%1 document(s) écrit(s) dans %2.")
            .replace("%1", str(written))
            .replace("%2", str(self.out_dir))
        )
        if result.cancelled:
            text = self.tr("Impression annulée. ") + text
        if failed:
            details = "\n".join(f"• {message}" for _id, message in result.failed[:10])
            text += (
                "\n"
                + self.tr("%1 n'ont pas pu être imprimé(s) :").replace("%1", str(failed))
                + "\n"
                + details
            )
        self.outcome.setText(text)
        self.cancel_button.setText(self.tr("Fermer"))
        self.cancel_button.setEnabled(True)
        if written:
            self.folder_button.show()
            self.folder_button.setFocus()
        self.finished_batch.emit(result)

    def open_folder(self) -> bool:
        """The folder of the printed files in the desktop's file manager."""
        from offa_desktop.ui import file_notice

        return file_notice.opener(self.out_dir)

    def _failed(self, error: BaseException) -> None:
        self.result = error
        self.outcome.setText(user_message(error))
        self.cancel_button.setText(self.tr("Fermer"))
        self.cancel_button.setEnabled(True)
        self.finished_batch.emit(None)
