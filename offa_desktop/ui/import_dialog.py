"""Fichier > «Importer une liste (CSV, Excel)…» (Ctrl+Maj+L): a school's list into the copy.

1. *Fichier*: a CSV (``;`` or ``,``), an XLSX or JSON lines (``ops.imports.reading``), read on
   the pool; *Provenance*: who sent it (the school): its mapping is remembered
   (``ops.imports.mapping.MappingMemory``) and proposed again for its next list, or for any
   file with the same headers; *Fiches*: what the rows are (learners by default).
2. *Colonnes*: one line per column of the file, its header, an example value and the field it
   fills (guessed from the header, its French label or a usual synonym; «— ne pas importer —»
   leaves it out). The required fields no column fills are named under the table.
3. *Aperçu*: the first 20 rows as the file holds them, checked by a dry run on the writer
   lane (the same rules as the import, nothing written): a cell with a problem is red, its
   message in its tooltip and in the row's first column «Problèmes», with the problems of the
   whole row (a required field missing, a duplicate). It is redone after each change.
4. *Importer*: every row, all or nothing, on the writer lane with a progress bar; when a row is
   refused nothing is written and each refusal is listed (``ligne 12, colonne « NISS » : …``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.schema import COLLECTIONS
from offa_desktop.ui.dialogs import ContextDialog, show_kept
from offa_desktop.ui.import_tables import PROBLEM_TEXT, ColumnsTable, PreviewTable
from offa_desktop.ui.tasks import debounced


def tr(text: str) -> str:
    return QCoreApplication.translate("ImportDialog", text)


def show(context: Any, window: Any) -> ImportDialog:
    return show_kept(context, ImportDialog(context, window), "last_import")


class ImportDialog(ContextDialog):
    """Signals: ``previewed(object)`` with each Preview shown; ``imported(object)`` with the
    ImportReport of an import (written or not)."""

    previewed = Signal(object)
    imported = Signal(object)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, "import-dialog")
        from offa_desktop.ops.imports.mapping import IMPORTABLE, MappingMemory

        self.setWindowTitle(self.tr("Importer une liste"))
        self.memory = MappingMemory(Path(context.folder))
        self.source: Any = None
        self.path: Path | None = None
        self.preview: Any = None
        self.running: Any = None
        self._filling = False

        self.file_edit = QLineEdit(self)
        self.file_edit.setObjectName("import-file")
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(self.tr("CSV, classeur Excel (.xlsx) ou JSON lines"))
        choose = QPushButton(self.tr("&Choisir le fichier…"), self)
        choose.setObjectName("import-choose")
        choose.clicked.connect(self.ask_file)
        self.origin = QComboBox(self)
        self.origin.setObjectName("import-origin")
        self.origin.setEditable(True)
        self.origin.addItems(self.memory.sources())
        self.origin.setCurrentText("")
        origin_edit = self.origin.lineEdit()
        if origin_edit is not None:
            origin_edit.setPlaceholderText(self.tr("l'école ou le service qui envoie la liste"))
        self.origin.activated.connect(lambda _i: self.origin_chosen())
        self.kind = QComboBox(self)
        self.kind.setObjectName("import-collection")
        for name in IMPORTABLE:
            self.kind.addItem(COLLECTIONS[name].label.capitalize(), name)
        self.kind.setCurrentIndex(max(0, self.kind.findData("learners")))
        self.kind.currentIndexChanged.connect(lambda _i: self.remap())

        file_row = QHBoxLayout()
        file_row.addWidget(self.file_edit, 1)
        file_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Fichier"), file_row)
        form.addRow(self.tr("Provenance"), self.origin)
        form.addRow(self.tr("Fiches"), self.kind)

        self.columns = ColumnsTable(
            [self.tr("Colonne du fichier"), self.tr("Exemple"), self.tr("Champ")], self)
        self.columns.setObjectName("import-columns")
        self.columns.changed.connect(self.mapping_changed)
        self.missing = QLabel(self)
        self.missing.setObjectName("import-missing")
        self.missing.setWordWrap(True)

        self.table = PreviewTable(self)
        self.table.setObjectName("import-preview")
        self.summary = QLabel(self)
        self.summary.setObjectName("import-summary")
        self.summary.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("import-progress")
        self.bar.setFormat(self.tr("ligne %v sur %m"))
        self.bar.hide()
        self.details = QListWidget(self)
        self.details.setObjectName("import-refusals")
        self.details.setWordWrap(True)
        self.details.hide()

        self.start = QPushButton(self.tr("&Importer"), self)
        self.start.setObjectName("import-start")
        self.start.setEnabled(False)
        self.start.clicked.connect(self.run_import)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.start, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Colonnes : quel champ chacune remplit"), self))
        layout.addWidget(self.columns, 2)
        layout.addWidget(self.missing)
        layout.addWidget(QLabel(self.tr("Aperçu des 20 premières lignes"), self))
        layout.addWidget(self.table, 3)
        layout.addWidget(self.summary)
        layout.addWidget(self.bar)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(900, 680)

        self.preview_timer = debounced(self, 150, self.refresh_preview)

    # --- the file --------------------------------------------------------------------------
    @property
    def collection(self) -> str:
        return str(self.kind.currentData())

    def ask_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Liste à importer"), str(Path.home()),
            self.tr("Listes (*.csv *.xlsx *.jsonl *.json *.txt);;Tous les fichiers (*)"))
        if name:
            self.open_file(Path(name))

    def open_file(self, path: Path) -> None:
        """Read ``path`` on the pool, then propose its mapping."""
        from offa_desktop.ops.imports.reading import read

        self.path = path
        self.file_edit.setText(str(path))
        self.start.setEnabled(False)
        # the file shown before is gone: no preview of it is started or shown any more
        self.source = None
        self.preview_timer.stop()
        self.summary.setText(self.tr("Lecture du fichier…"))
        (self.context.tasks.background(read, path).owned_by(self)
         .success(self._read).failure(self._unreadable).run())  # fmt: skip

    def _unreadable(self, error: BaseException) -> None:
        self.source = None
        self.columns.setRowCount(0)
        self.table.setRowCount(0)
        self.summary.setText(str(error))
        self.summary.setStyleSheet(f"color: {PROBLEM_TEXT.name()}")

    def _read(self, source: Any) -> None:
        self.source = source
        self.summary.setStyleSheet("")
        if source.format != "jsonl":
            known = self.memory.find(source.headers)
            if known is not None and not self.origin.currentText().strip():
                self.origin.setCurrentText(known.source)
            remembered = self.memory.get(self.origin.currentText().strip())
            if remembered is not None:
                self._set_collection(remembered.collection)
        self.remap()

    def origin_chosen(self) -> None:
        remembered = self.memory.get(self.origin.currentText().strip())
        if remembered is not None:
            self._set_collection(remembered.collection)
        self.remap()

    def _set_collection(self, name: str) -> None:
        index = self.kind.findData(name)
        if index >= 0 and index != self.kind.currentIndex():
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(index)
            self.kind.blockSignals(False)

    # --- the mapping -----------------------------------------------------------------------
    def remap(self) -> None:
        """Propose the mapping of the file's columns (remembered for the source, else
        guessed) and show it."""
        from offa_desktop.ops.imports.mapping import choices

        source = self.source
        if source is None:
            return
        self._filling = True
        headers = list(source.headers)
        if source.format == "jsonl":
            headers = []
        proposed = self.memory.for_file(self.origin.currentText().strip(), self.collection,
                                        headers)  # fmt: skip
        self.columns.fill(headers, source.rows, choices(self.collection), proposed)
        self._filling = False
        self.mapping_changed()

    def mapping(self) -> dict[str, str | None]:
        """``{header: field or None}`` as chosen in the table."""
        return self.columns.mapping()

    def set_field(self, header: str, name: str | None) -> None:
        """Choose the field ``header`` fills (None: left out), as a person would."""
        self.columns.set_field(header, name)

    def mapping_changed(self) -> None:
        from offa_desktop.ops.imports.mapping import missing_required

        if self._filling or self.source is None:
            return
        mapping = self.mapping()
        taken: dict[str, str] = {}
        doubles = []
        for header, name in mapping.items():
            if name and name in taken:
                doubles.append(self.tr("« %1 » et « %2 » remplissent le même champ.")
                               .replace("%1", taken[name]).replace("%2", header))
            elif name:
                taken[name] = header
        lost = missing_required(self.collection, mapping) if self.source.format != "jsonl" else []
        lines = []
        if lost:
            lines.append(self.tr("Champs obligatoires sans colonne : %1.")
                         .replace("%1", ", ".join(lost)))
        lines.extend(doubles)
        self.missing.setText(" ".join(lines))
        self.missing.setStyleSheet(f"color: {PROBLEM_TEXT.name()}" if lines else "")
        self.doubles = bool(doubles)
        self.start.setEnabled(False)  # until the preview of this mapping is shown
        self.preview_timer.start()

    # --- the preview -----------------------------------------------------------------------
    def refresh_preview(self) -> None:
        from offa_desktop.ops.imports.mapping import preview

        if self.source is None:
            return
        source, mapping = self.source, self.mapping()
        self.summary.setText(self.tr("Vérification de l'aperçu…"))
        (self.context.tasks.op(preview, self.context.working_copy, source, self.collection,
                               mapping)
         .owned_by(self).success(lambda shown: self._show_preview(shown, source))
         .failure(self._unreadable).run())  # fmt: skip

    def _show_preview(self, shown: Any, source: Any) -> None:
        if source is not self.source:
            return  # the preview of a file no longer shown
        self.preview = shown
        mapping = self.mapping()
        self.table.show_preview(shown, mapping, dict(self._labels()))
        self.summary.setStyleSheet("")
        self.summary.setText(
            self.tr("%1 ligne(s) dans le fichier ; aperçu des %2 premières : %3 avec un "
                    "problème.").replace("%1", str(shown.total))
            .replace("%2", str(len(shown.rows))).replace("%3", str(shown.refused)))
        self.start.setEnabled(self.running is None and shown.total > 0 and not self.doubles)
        self.previewed.emit(shown)

    def _labels(self) -> list[tuple[str, str]]:
        from offa_desktop.ops.imports.mapping import choices

        return [(n, label.rstrip(" *")) for n, label in choices(self.collection)]

    def problem_at(self, line: int, header: str) -> str:
        """The problem shown in the preview for the file's ``line`` and column (tests)."""
        return self.table.problem_at(line, header)

    # --- the import ------------------------------------------------------------------------
    def run_import(self) -> None:
        from offa_desktop.ops.imports.mapping import import_all

        if self.source is None or self.running is not None:
            return
        mapping = self.mapping()
        origin = self.origin.currentText().strip()
        if not origin and self.path is not None:
            origin = self.path.stem
            self.origin.setCurrentText(origin)
        if self.source.format != "jsonl":
            self.memory.remember(origin, self.collection, mapping)
            if self.origin.findText(origin) < 0:
                self.origin.addItem(origin)
        self.start.setEnabled(False)
        self.details.clear()
        self.details.hide()
        self.bar.setRange(0, max(1, len(self.source.rows)))
        self.bar.setValue(0)
        self.bar.show()
        self.summary.setText(self.tr("Import en cours…"))

        def work(ctx: Any) -> Any:
            return import_all(self.context.working_copy, self.source, self.collection, mapping,
                              progress=ctx.report)  # fmt: skip

        self.running = (self.context.tasks.op(work).owned_by(self).progress(self._progressed)
                        .success(self._done).failure(self._failed).run())  # fmt: skip

    def _progressed(self, _phase: str, done: int, total: int) -> None:
        self.bar.setRange(0, max(1, total))
        self.bar.setValue(done)

    def _done(self, report: Any) -> None:
        from offa_desktop.ops.imports.report import refusal_lines

        self.running = None
        self.bar.hide()
        self.start.setEnabled(True)
        if report.written:
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr("Import terminé : %1 fiche(s) créée(s), %2 mise(s) à jour, %3 "
                        "inchangée(s).").replace("%1", str(report.count("create")))
                .replace("%2", str(report.count("update")))
                .replace("%3", str(report.count("unchanged"))))
            if report.changes:
                self.context.tasks.data_changed.emit(report.changes)
        else:
            self.summary.setStyleSheet(f"color: {PROBLEM_TEXT.name()}")
            self.summary.setText(
                self.tr("%1 ligne(s) refusée(s) : rien n'a été importé. Corrigez le fichier "
                        "puis importez-le à nouveau (les lignes déjà importées ne seront pas "
                        "dupliquées).").replace("%1", str(len(report.refused))))
            self.details.addItems(refusal_lines(report))
            self.details.show()
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        from offa_desktop.domain.errors import user_message

        self.running = None
        self.bar.hide()
        self.start.setEnabled(True)
        self.summary.setStyleSheet(f"color: {PROBLEM_TEXT.name()}")
        self.summary.setText(self.tr("Import impossible : ") + user_message(error))
