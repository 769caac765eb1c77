"""Print preview (QtPdf) and printing (QPrinter) of one document made by ``ops.printing.rendering``.

QtPdf and QtPrintSupport load on first use only, so they never slow the start of the window.
Each page is rendered on white, then drawn into the printer's page rectangle.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QPointF,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import user_message
from offa_desktop.ui.dialogs import say, show_kept

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
        self.pages_label = QLabel(self)
        self.pages_label.setObjectName("preview-page")
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("preview-zoom")
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("preview-saved")
        self.saved_label.setWordWrap(True)
        bar = QHBoxLayout()
        self.tools: dict[str, QToolButton] = {}
        steps: list[tuple[str, str, str, list[QKeySequence], Callable[[], None]]] = [
            ("previous", "◀", self.tr("Page précédente (Page préc.)"),
             [QKeySequence(Qt.Key.Key_PageUp)], lambda: self.go_to_page(self.page() - 1)),
            ("next", "▶", self.tr("Page suivante (Page suiv.)"),
             [QKeySequence(Qt.Key.Key_PageDown)], lambda: self.go_to_page(self.page() + 1)),
            ("zoom_out", "−", self.tr("Réduire (Ctrl+-)"),
             [QKeySequence(QKeySequence.StandardKey.ZoomOut)], lambda: self.zoom_by(1 / 1.25)),
            ("zoom_in", "+", self.tr("Agrandir (Ctrl++)"),
             [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")],
             lambda: self.zoom_by(1.25)),
            ("width", self.tr("Largeur"), self.tr("Toute la largeur (Ctrl+0)"),
             [QKeySequence("Ctrl+0")], lambda: self.fit(QPdfView.ZoomMode.FitToWidth)),
            ("whole", self.tr("Page entière"), self.tr("Une page entière à l'écran"),
             [], lambda: self.fit(QPdfView.ZoomMode.FitInView)),
        ]
        for key, text, tip, keys, action in steps:
            button = QToolButton(self)
            button.setObjectName(f"preview-{key}")
            button.setText(text)
            button.setToolTip(tip)
            button.clicked.connect(action)
            for sequence in keys:
                QShortcut(sequence, self).activated.connect(action)
            self.tools[key] = button
        bar.addWidget(self.tools["previous"])
        bar.addWidget(self.pages_label)
        bar.addWidget(self.tools["next"])
        bar.addSpacing(16)
        for key in ("zoom_out", "zoom_in"):
            bar.addWidget(self.tools[key])
        bar.insertWidget(bar.count() - 1, self.zoom_label)
        bar.addWidget(self.tools["width"])
        bar.addWidget(self.tools["whole"])
        bar.addStretch(1)
        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._show_place())
        self.view.zoomFactorChanged.connect(lambda _z: self._show_place())
        self.view.zoomModeChanged.connect(lambda _m: self._show_place())
        self._pages = pages
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Fermer"))
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
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.saved_label)
        layout.addWidget(buttons)
        self.resize(820, 900)
        self._show_place()

    # --- pages and zoom --------------------------------------------------------------------
    def page(self) -> int:
        return int(self.view.pageNavigator().currentPage())

    def go_to_page(self, page: int) -> None:
        """Show page ``page`` (0-based, kept within the document)."""
        page = max(0, min(self._pages - 1, page))
        navigator = self.view.pageNavigator()
        navigator.jump(page, QPointF(), navigator.currentZoom())
        self._show_place()

    def zoom_by(self, factor: float) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        current = self.view.zoomFactor()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.25, min(4.0, current * factor)))

    def fit(self, mode: Any) -> None:
        self.view.setZoomMode(mode)

    def _show_place(self) -> None:
        from PySide6.QtPdfWidgets import QPdfView

        self.pages_label.setText(self.tr("page %1 / %2").replace(
            "%1", str(self.page() + 1)).replace("%2", str(self._pages)))
        self.tools["previous"].setEnabled(self.page() > 0)
        self.tools["next"].setEnabled(self.page() < self._pages - 1)
        modes = {QPdfView.ZoomMode.FitToWidth: self.tr("largeur"),
                 QPdfView.ZoomMode.FitInView: self.tr("page entière")}
        mode = self.view.zoomMode()
        self.zoom_label.setText(modes.get(mode) or f"{round(self.view.zoomFactor() * 100)} %")

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
            pages = print_document(self.document, printer)
        except OSError:
            log.exception("printing failed")
            QMessageBox.warning(
                self,
                self.tr("Impression impossible"),
                self.tr("L'imprimante ne répond pas. Vérifiez-la ou enregistrez le PDF."),
            )
            return 0
        where = printer.outputFileName() or printer.printerName() or self.tr("l'imprimante")
        say(self.saved_label, self.tr("%1 page(s) envoyée(s) à %2.").replace(
            "%1", str(pages)).replace("%2", where))
        return pages

    def ask_save(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Enregistrer en PDF"), f"{self.title}.pdf", self.tr("PDF (*.pdf)")
        )
        if name:
            self.save_to(Path(name))

    def save_to(self, path: Path) -> None:
        """Write the PDF and say where it went (here and in the window's status bar)."""
        from offa_desktop.ui import file_notice

        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            say(self.saved_label, self.tr("Enregistrement impossible dans %1 : %2").replace(
                "%1", str(path)).replace("%2", exc.strerror or str(exc)), failed=True)
            return
        say(self.saved_label, self.tr("PDF enregistré : %1").replace("%1", str(path)))
        file_notice.announce(self.parentWidget(), self.tr("PDF enregistré\u00a0:"), path,
                             open_it=False)


TITLES = {"contract": "Contrat", "visit": "Visite", "approval": "Agrément"}


def _title(kind: str, record_id: str | None) -> str:
    """«Contrat réf. 9FD6-D95B» (the window's title, the default file name's stem), never an
    internal id; a blank form by its kind."""
    from offa_desktop.printing.facts import reference

    noun = TITLES.get(kind.removeprefix("blank-"), "Document")
    if record_id is None:
        return f"{noun} vierge"
    return f"{noun} réf. {reference(record_id)}"


def preview_record(context: Any, kind: str, record_id: str | None, parent: QWidget) -> None:
    """Render on the pool lane, then open the preview; a French message if it cannot print."""
    from offa_desktop.ops.printing.rendering import render

    def show(pdf: bytes) -> None:
        show_kept(context, PrintPreview(pdf, _title(kind, record_id), parent), "last_preview")

    def fail(error: BaseException) -> None:
        QMessageBox.warning(
            parent,
            QCoreApplication.translate("PrintPreview", "Impression impossible"),
            user_message(error),
        )

    context.tasks.background(render, kind, record_id, context.working_copy).owned_by(
        parent
    ).success(show).failure(fail).run()
