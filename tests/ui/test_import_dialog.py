"""Fichier > Importer une liste: a school's CSV and XLSX with errors, driven as a person does.

The columns are guessed from the headers (French labels and usual synonyms), a column the
guess misses is chosen by hand, the preview of the first 20 rows shows each problem in its
cell, an import with a refused row writes nothing and lists the refusals, the corrected file
imports on the writer lane with progress, and the next list from the same school maps itself.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QComboBox

from offa_desktop.store.queries import StoreContext
from offa_desktop.ui import import_dialog
from offa_desktop.ui.context import AppContext
from tests.store.conftest import niss

pytestmark = pytest.mark.gui

CSV_HEADERS = ["Nom de famille", "Prénom", "Registre national", "Date naissance", "Adresse",
               "CP", "Commune", "CEFA", "Classe", "Responsable légal",
               "GSM responsable"]  # fmt: skip


def _learners(context: Any, **equals: Any) -> list[tuple[str, Any]]:
    with context.working_copy.session() as db:
        return StoreContext(db).find("learners", **equals)


def _open(qtbot: Any, context: Any, path: Path) -> import_dialog.ImportDialog:
    dialog = import_dialog.ImportDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.open_file(path)
    return dialog


def _write_csv(path: Path, rows: list[list[str]]) -> Path:
    lines = [";".join(CSV_HEADERS)] + [";".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def _row(last: str, birth: str, serial: int, *, postal: str = "4000", nn: str | None = None,
         date: str | None = None) -> list[str]:  # fmt: skip
    y, m, d = birth.split("-")
    return [last, "Léa", nn or niss(birth, serial), date or f"{d}/{m}/{y}", "Rue Haute 4",
            postal, "Liège", "cefa-liege", "3P", f"Parent {last}", "0470123456"]  # fmt: skip


def test_a_csv_with_errors_then_corrected_then_the_next_list_of_the_same_school(
    qtbot: Any, demo_copy: Path, tmp_path: Path
) -> None:
    context = AppContext.open(demo_copy)
    try:
        rows = [_row("Zeghers", "2009-03-14", 11), _row("Yilmaz", "2009-07-02", 12,
                nn="12345678901"), _row("Wauters", "2009-11-30", 13, date="31/02/2009",
                postal="40")]  # fmt: skip
        for i in range(22):  # more than the preview shows
            rows.append(_row(f"Vandamme{i:02d}", "2008-05-20", 100 + i))
        path = _write_csv(tmp_path / "liste-cefa.csv", rows)
        dialog = _open(qtbot, context, path)

        assert dialog.mapping() == {
            "Nom de famille": "last_name", "Prénom": "first_name", "Registre national": "niss",
            "Date naissance": "birth_date", "Adresse": "street", "CP": "postal_code",
            "Commune": "city", "CEFA": "operator_code", "Classe": None,
            "Responsable légal": "representative.name",
            "GSM responsable": "representative.phone"}  # fmt: skip
        assert dialog.missing.text() == ""
        shown = dialog.preview
        assert shown.total == 25 and len(shown.rows) == 20 and dialog.table.rowCount() == 20
        # The problems in their cells: line 3 (the file's line) the NISS, line 4 the date.
        assert "NISS" in dialog.problem_at(3, "Registre national")
        assert "31/02/2009" in dialog.problem_at(4, "Date naissance")
        assert "code postal" in dialog.problem_at(4, "CP")  # said with the unreadable date
        assert dialog.problem_at(2, "Registre national") == ""
        last = 0  # the row's problems, first
        assert dialog.table.horizontalHeaderItem(last).text() == "Problèmes"
        assert dialog.table.item(0, last).text() == "✓"
        assert dialog.table.item(1, last).text().startswith("Registre national : ")
        assert "non importée" in dialog.table.horizontalHeaderItem(9).text()
        assert "2 avec un problème" in dialog.summary.text()

        # A column left out: a required field without a column is said at once.
        dialog.set_field("Commune", None)
        assert "localité" in dialog.missing.text()
        dialog.set_field("Commune", "city")
        qtbot.waitUntil(lambda: dialog.missing.text() == "")

        dialog.origin.setCurrentText("CEFA de Liège")
        qtbot.waitUntil(dialog.start.isEnabled, timeout=20_000)
        with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
            dialog.start.click()
        report = done.args[0]
        assert not report.written and len(report.refused) == 2
        assert _learners(context, last_name="Zeghers") == []  # all or nothing
        refusals = [dialog.details.item(i).text() for i in range(dialog.details.count())]
        assert refusals[0].startswith("ligne 3, colonne « Registre national » : ")
        assert refusals[1].startswith("ligne 4, colonne « Date naissance » : ")
        assert refusals[2].startswith("ligne 4, colonne « CP » : ")
        assert "rien n'a été importé" in dialog.summary.text()

        # The corrected file: everything imported, on the writer lane, with progress.
        rows[1] = _row("Yilmaz", "2009-07-02", 12)
        rows[2] = _row("Wauters", "2009-11-30", 13)
        _write_csv(path, rows)
        with qtbot.waitSignal(dialog.previewed, timeout=20_000):
            dialog.open_file(path)
        assert dialog.preview.refused == 0
        steps: list[int] = []
        dialog.bar.valueChanged.connect(steps.append)
        with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
            dialog.start.click()
        assert done.args[0].written and done.args[0].count("create") == 25
        assert steps and steps[-1] == 25
        assert "25 fiche(s) créée(s)" in dialog.summary.text()
        ((_, zeghers),) = _learners(context, last_name="Zeghers")
        assert zeghers["birth_date"] == "2009-03-14" and zeghers["operator_code"] == "cefa-liege"
        assert zeghers["representative"] == {"name": "Parent Zeghers", "phone": "0470123456"}
        dialog.close()

        # The school's next list, another file with the same headers: its source proposed,
        # its mapping remembered (the class still left out); the same learners are updated,
        # not duplicated.
        again = _write_csv(tmp_path / "liste-cefa-janvier.csv", rows[:2])
        second = _open(qtbot, context, again)
        assert second.origin.currentText() == "CEFA de Liège"
        assert second.mapping()["Classe"] is None and second.mapping()["CP"] == "postal_code"
        qtbot.waitUntil(second.start.isEnabled, timeout=20_000)
        with qtbot.waitSignal(second.imported, timeout=60_000) as done:
            second.start.click()
        assert done.args[0].written and done.args[0].count("create") == 0
        assert len(_learners(context, last_name="Zeghers")) == 1
    finally:
        context.tasks.wait_idle()
        context.close()


def test_an_xlsx_with_errors_and_a_column_chosen_by_hand(
    qtbot: Any, demo_copy: Path, tmp_path: Path
) -> None:
    context = AppContext.open(demo_copy)
    try:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["N° élève", "NOM", "prénom", "Date de naissance", "Rue", "Code postal",
                      "Localité", "Opérateur"])  # fmt: skip
        from datetime import datetime

        # A NISS stored as a number (its leading zero lost by the spreadsheet is put back).
        sheet.append([int(niss("2008-01-09", 21)), "Martin", "Noah", datetime(2008, 1, 9),
                      "Rue Neuve 1", 5000, "Namur", "cefa-namur"])  # fmt: skip
        sheet.append([niss("2008-02-10", 22), "Petit", "Lina", datetime(2008, 2, 10),
                      "Rue Neuve 2", 12, "Namur", "cefa-namur"])  # fmt: skip
        sheet.append([niss("2008-03-11", 23), "Leroy", "Adam", None,
                      "Rue Neuve 3", 5000, "Namur", "cefa-namur"])  # fmt: skip
        path = tmp_path / "eleves.xlsx"
        book.save(path)
        dialog = _open(qtbot, context, path)
        # "N° élève" is no field's name: left out, and the NISS is said to be missing.
        assert dialog.mapping()["N° élève"] is None
        assert "NISS" in dialog.missing.text()
        combo = dialog.columns.cellWidget(0, 2)
        assert isinstance(combo, QComboBox)
        with qtbot.waitSignal(dialog.previewed, timeout=20_000):
            combo.setCurrentIndex(combo.findData("niss"))  # as a person picks it in the list
        assert dialog.missing.text() == ""
        assert dialog.problem_at(2, "N° élève") == ""  # 08010902... read back with its zero
        assert "code postal" in dialog.problem_at(3, "Code postal")
        row_of_line_4 = 2
        notes = dialog.table.item(row_of_line_4, 0).text()
        assert notes == "Date de naissance\xa0: ce champ est requis."  # in its empty cell
        qtbot.waitUntil(dialog.start.isEnabled, timeout=20_000)
        with qtbot.waitSignal(dialog.imported, timeout=60_000) as done:
            dialog.start.click()
        assert not done.args[0].written and len(done.args[0].refused) == 2
        assert _learners(context, last_name="Martin", first_name="Noah") == []
        memory = import_dialog.ImportDialog(context).memory
        assert memory.get("eleves") is not None  # the file's name when no source was given
        assert memory.get("eleves").mapping["N° élève"] == "niss"  # type: ignore[union-attr]
    finally:
        context.tasks.wait_idle()
        context.close()
