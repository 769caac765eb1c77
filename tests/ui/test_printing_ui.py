"""Preview (QtPdf), printing (QPrinter to a PDF file read back) and batch printing with cancel."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from offa_desktop.ui import i18n, print_actions
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.print_preview import PrintPreview

pytestmark = pytest.mark.gui


@pytest.fixture
def opened(qtbot: Any, demo_copy: Path) -> Any:
    context = AppContext.open(demo_copy)
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    yield context, window
    context.tasks.wait_idle()
    context.close()


def _previews() -> list[PrintPreview]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview)]


def test_preview_then_print_selected_contract(qtbot: Any, opened: Any, tmp_path: Path) -> None:
    from PySide6.QtPrintSupport import QPrinter

    context, window = opened
    view = window.show_area("contracts")
    view.table.selectRow(0)
    assert print_actions.print_selected(context, window)
    qtbot.waitUntil(lambda: bool(_previews()), timeout=30_000)
    preview = _previews()[0]
    qtbot.addWidget(preview)
    pages = preview.document.pageCount()
    assert pages >= 2 and preview.pages_label.text() == f"page 1 / {pages}"
    # page navigation and zoom (issue 15 #7: the preview had neither)
    assert not preview.tools["previous"].isEnabled()
    preview.tools["next"].click()
    assert preview.page() == 1 and preview.pages_label.text() == f"page 2 / {pages}"
    preview.go_to_page(pages + 5)
    assert preview.page() == pages - 1 and not preview.tools["next"].isEnabled()
    assert preview.zoom_label.text() == "largeur"
    before = preview.view.zoomFactor()
    preview.tools["zoom_in"].click()
    assert preview.view.zoomFactor() == pytest.approx(before * 1.25)
    assert preview.zoom_label.text() == f"{round(before * 125)} %"
    preview.tools["whole"].click()
    assert preview.zoom_label.text() == "page entière"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "imprime.pdf"
    printer.setOutputFileName(str(out))
    printer.setResolution(100)
    assert preview.print_to(printer) == pages
    assert len(PdfReader(out).pages) == pages
    assert str(out) in preview.saved_label.text()  # said where it went
    saved = tmp_path / "copie.pdf"
    preview.save_to(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert str(saved) in preview.saved_label.text()
    notice = window.findChild(QLabel, "file-notice-text")
    assert notice is not None and "copie.pdf" in notice.text()


def test_nothing_selected_says_so(qtbot: Any, opened: Any, monkeypatch: Any) -> None:
    context, window = opened
    shown: list[str] = []
    monkeypatch.setattr(
        print_actions.QMessageBox, "information", lambda _p, _t, text: shown.append(text)
    )
    window.show_area("learners")
    assert not print_actions.print_selected(context, window)
    assert shown and "Choisissez" in shown[0]


def test_batch_prints_the_filtered_list_and_can_be_cancelled(
    qtbot: Any, opened: Any, opened_files: list[Path]
) -> None:
    context, window = opened
    view = window.show_area("contracts")
    box = view.filter_boxes["status"]
    box.setCurrentIndex(
        box.findData("draft") if box.findData("draft") > 0 else box.findData("suspended")
    )
    count = view.model.rowCount()
    assert 0 < count <= 40, count
    dialog = print_actions.print_list(context, window, preflight=False)
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished_batch, timeout=120_000) as done:
        pass
    result = done.args[0]
    assert result is not None and not result.cancelled
    assert len(result.written) + len(result.failed) == count
    assert all(p.read_bytes().startswith(b"%PDF-") for p in result.written)
    assert dialog.bar.value() == count and "écrit" in dialog.outcome.text()
    assert str(dialog.out_dir) in dialog.outcome.text()  # where the files went
    assert dialog.folder_button.isVisible() and dialog.open_folder()
    assert opened_files[-1] == dialog.out_dir
    assert all(p.name.startswith("contrat-") and not re.search(r"[0-9a-f]{8}-[0-9a-f]{4}", p.name)
               for p in result.written)  # named after whose contract, no internal id

    box.setCurrentIndex(0)  # the whole list: cancel right away
    ids = [view.model.record_id(r) for r in range(60)]
    from offa_desktop.ui.batch_print import BatchPrintDialog, default_folder

    batch = BatchPrintDialog(context, "contract", ids, default_folder(context.folder, "x"))
    qtbot.addWidget(batch)
    batch.start()
    batch.cancel()
    with qtbot.waitSignal(batch.finished_batch, timeout=120_000) as done:
        pass
    assert done.args[0].cancelled and len(done.args[0].written) < 60
    assert "annulée" in batch.outcome.text()


def test_qt_standard_buttons_are_french(qtbot: Any) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    i18n.install(app, pseudo=False)
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Close | QDialogButtonBox.StandardButton.Cancel
    )
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Close).text() == "Fermer"
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"


def test_batch_print_shows_the_preflight_report_first(qtbot: Any, opened: Any) -> None:
    """Drafts that cannot be signed as they are: the report lists why before printing, and
    "Imprimer quand même" prints them (as «PROJET»)."""
    from offa_desktop.ops import preflight
    from offa_desktop.ui.preflight_dialog import PreflightDialog

    context, window = opened
    view = window.show_area("contracts")
    box = view.filter_boxes["status"]
    box.setCurrentIndex(box.findData("draft"))
    ids = [view.model.record_id(r) for r in range(view.model.rowCount())]
    before = preflight.check(context.working_copy, [("contracts", i) for i in ids])
    ready = [i for i in ids if i not in {p.id for p in before.problems}]
    with context.working_copy.unit_of_work() as uow:  # two more drafts not ready to sign
        for record_id in ready[:2]:
            uow.update("contracts", str(record_id), {"tutor_id": None})
    expected = preflight.check(context.working_copy, [("contracts", i) for i in ids])
    assert expected.refused == before.refused + 2
    assert print_actions.print_list(context, window) is None  # the check runs first
    qtbot.waitUntil(lambda: isinstance(getattr(window, "preflight", None), PreflightDialog),
                    timeout=30_000)
    dialog = window.preflight
    assert dialog.report.refused == expected.refused
    assert f"{expected.refused} fiche(s)" in dialog.findChild(QLabel, "preflight-headline").text()
    assert dialog.tree.topLevelItemCount() == len(expected.groups())
    dialog.go_on.click()
    qtbot.waitUntil(lambda: getattr(window, "batch_print", None) is not None, timeout=10_000)
    qtbot.addWidget(window.batch_print)
    with qtbot.waitSignal(window.batch_print.finished_batch, timeout=120_000):
        pass
