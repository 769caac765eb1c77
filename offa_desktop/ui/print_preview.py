"""Print preview (QtPdf) and printing (QPrinter) of one document made by ``ops.printing.rendering``.

QtPdf and QtPrintSupport load on first use only, so they never slow the start of the window.
Each page is rendered on white, then drawn into the printer's page rectangle.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message

log = logging.getLogger("offa.print")
PRINT_DPI = 300


def load_pdf(pdf: bytes, parent: Any) -> tuple[Any, QBuffer]:
    """A QPdfDocument over the bytes (the buffer must live as long as the document)."""
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer(parent)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent)
    document.load(buffer)
    return document, buffer


def render_page(document: Any, page: int, dpi: int) -> QImage:
    """One page as an image at ``dpi``, composed on white (QtPdf leaves the page transparent)."""
    points = document.pagePointSize(page)
    size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
    rendered = document.render(page, size)
    page_image = QImage(size, QImage.Format.Format_RGB32)
    page_image.fill(QColor("white"))
    painter = QPainter(page_image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page_image


def print_document(document: Any, printer: Any) -> int:
    """Draw every page of ``document`` on ``printer``; returns the pages printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("printer unavailable")
    try:
        pages = int(document.pageCount())
        for page in range(pages):
            if page:
                printer.newPage()
            image = render_page(document, page, min(PRINT_DPI, printer.resolution()))
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
        return pages
    finally:
        painter.end()


class PrintPreview(QDialog):
    """Shows a PDF page by page; "Imprimer…" and "Enregistrer en PDF…" below it."""

    def __init__(self, pdf: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtPdfWidgets import QPdfView

        self.setObjectName("print-preview")
        self.setWindowTitle(self.tr("Aperçu avant impression — %1").replace("%1", title))
        self.pdf = pdf
        self.title = title
        self.document, self._buffer = load_pdf(pdf, self)
        self.view = QPdfView(self)
        self.view.setObjectName("pdf-view")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        self.view.setStyleSheet("background: #5f6368;")
        pages = self.document.pageCount()
        self.pages_label = QLabel(self.tr("%1 page(s)").replace("%1", str(pages)), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.print_button = QPushButton(self.tr("Imprimer…"), self)
        self.print_button.setObjectName("print-button")
        self.print_button.setDefault(True)
        self.save_button = QPushButton(self.tr("Enregistrer en PDF…"), self)
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.ask_print)
        self.save_button.clicked.connect(self.ask_save)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.pages_label)
        layout.addWidget(buttons)
        self.resize(820, 900)

    def ask_print(self) -> None:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.title)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: Any) -> int:
        try:
            return print_document(self.document, printer)
        except OSError:
            log.exception("printing failed")
            QMessageBox.warning(
                self,
                self.tr("Impression impossible"),
                self.tr("L'imprimante ne répond pas. Vérifiez-la ou enregistrez le PDF."),
            )
            return 0

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer en PDF"), f"{self.title}.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        path.write_bytes(self.pdf)


def preview_record(context: Any, kind: str, record_id: str | None, parent: QWidget) -> None:
    """Render on the pool lane, then open the preview; a French message if it cannot print."""
    from offa_desktop.ops.printing.rendering import render

    def show(pdf: bytes) -> None:
        dialog = PrintPreview(pdf, f"{kind}-{(record_id or 'vierge')[:8]}", parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        context.extras["last_preview"] = dialog

    def fail(error: BaseException) -> None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Impression impossible"),
            user_message(error),
        )

    context.tasks.background(render, kind, record_id, context.working_copy).owned_by(
        parent
    ).success(show).failure(fail).run()
