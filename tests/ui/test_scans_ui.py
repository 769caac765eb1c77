"""«Importer des documents signés…» in the window: real printed packs imported on the writer
lane, the summary and details shown, the page without a code assigned by search."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtGui import QAction

from offa_desktop.ops.attachments import pending
from offa_desktop.ops.printing import rendering as print_commands
from offa_desktop.store import queries
from offa_desktop.ui.context import AppContext
from offa_desktop.ui.scans_dialog import ScansDialog

pytestmark = pytest.mark.gui
SHOTS = os.environ.get("OFFA_SHOTS")  # a folder: the dialog's grabs are saved there to look at


@pytest.fixture
def opened(qtbot: Any, demo_copy: Path) -> Any:
    context = AppContext.open(demo_copy)
    window = context.build_window(auto_sync=False)
    qtbot.addWidget(window)
    window.show()
    yield context, window
    context.tasks.wait_idle()
    context.close()


def _grab(widget: Any, name: str, tmp_path: Path) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    assert widget.grab().save(str(folder / name))


def test_import_then_assign_the_page_without_a_code(
    qtbot: Any, opened: Any, tmp_path: Path
) -> None:
    context, window = opened
    wc = context.working_copy
    with wc.session() as db:
        drafts = queries.page(db, "contracts", filters={"status": "draft"}, limit=1)
        active = queries.page(db, "contracts", filters={"status": "active"}, limit=1)
    scans = tmp_path / "scans"
    scans.mkdir()
    for record in (*drafts, *active):
        pdf = print_commands.render("contract", record.id, wc)
        (scans / f"{record.id}.pdf").write_bytes(pdf)
    buffer = io.BytesIO()
    Image.new("L", (800, 1100), 255).save(buffer, "PNG")
    (scans / "feuille-blanche.png").write_bytes(buffer.getvalue())

    action = window.findChild(QAction, "action-scans")
    assert action is not None and action.text() == "Importer des documents signés…"
    action.trigger()
    dialog = context.extras["last_scans"]
    assert isinstance(dialog, ScansDialog)
    qtbot.addWidget(dialog)
    dialog.add_paths([str(scans)])
    with qtbot.waitSignal(dialog.imported, timeout=120_000) as done:
        dialog.start.click()
    report = done.args[0]
    assert report.matched > 0 and len(report.to_assign) == 1 and report.errors == []
    shown = dialog.summary.text()
    assert shown == (
        f"{report.pages} page(s) lue(s) : {report.matched} rattachée(s), 1 à attribuer, "
        "0 en double."
    )
    lines = [dialog.details.item(i).text() for i in range(dialog.details.count())]
    assert sum("exemplaire" in line for line in lines) == 3 * len((*drafts, *active))
    assert any(line.startswith("À attribuer : feuille-blanche.png") for line in lines)
    assert dialog.tabs.tabText(1) == "Pages à attribuer (1)"
    _grab(dialog, "scans-import.png", tmp_path)

    # the page without a code: found by the learner's name, attached to the contract
    dialog.tabs.setCurrentIndex(1)
    learner_id = active[0].data["learner_id"]
    with wc.session() as db:
        learner = queries.get(db, "learners", learner_id)
    assert learner is not None
    dialog.query.setText(str(learner["last_name"]))
    qtbot.waitUntil(lambda: dialog.found.count() > 0, timeout=10_000)
    target = f"contracts/{active[0].id}"
    rows = [dialog.found.item(i).data(256).record for i in range(dialog.found.count())]
    assert target in rows
    dialog.found.setCurrentRow(rows.index(target))
    _grab(dialog, "scans-assign.png", tmp_path)
    with qtbot.waitSignal(dialog.assigned) as assigned:
        dialog.assign_button.click()
    assert assigned.args == [target]
    assert dialog.waiting.count() == 0 and dialog.tabs.tabText(1) == "Pages à attribuer (0)"
    notes = [n for n in pending(context.folder).values() if n["record"] == target]
    assert any(n["file_name"] == "feuille-blanche.pdf" for n in notes)
