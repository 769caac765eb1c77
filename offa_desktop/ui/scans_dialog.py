"""«Importer des documents signés…»: scanned files in, copies matched to their records by QR
code, and the pages that need a person assigned by search.

Two tabs. *Importer*: the files and folders chosen, the signing date (each scan's own day
unless the user gives one), a progress bar with a cancel, then the summary (n rattachées,
n à attribuer, n en double), each copy attached, each version to check (orange) and each
unreadable file (red). *Pages à attribuer*: the pages waiting, a search for the record, then
«Attribuer à la fiche choisie», «Ouvrir la page» or «Écarter». The import runs on the writer
lane; searches on the pool.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ui.dialogs import ContextDialog, close_buttons, confirmed, day_picker, picked_day
from offa_desktop.ui.tasks import debounced

ROLE = Qt.ItemDataRole.UserRole
WARNING = QColor("#9a5b00")
SIGNED = QColor("#1e6b34")
ERROR = QColor("#a93226")


class ScansDialog(ContextDialog):
    """The import of signed scans and the pages to assign.

    Signals: ``imported(object)`` with the ScanReport once an import ended; ``inbox(int)``
    with the number of pages waiting, after each reload; ``assigned(str)`` with the record a
    page was attached to.
    """

    imported = Signal(object)
    inbox = Signal(int)
    assigned = Signal(str)

    def __init__(self, context: Any, parent: QWidget | None = None) -> None:
        super().__init__(context, parent, "scans-dialog")
        self.setWindowTitle(self.tr("Documents signés"))
        self.running: Any = None
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._import_tab(), self.tr("Importer"))
        self.tabs.addTab(self._inbox_tab(), self.tr("Pages à attribuer"))
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(close)
        self.resize(760, 560)
        self.search_timer = debounced(self, 200, self.search)
        self.reload_inbox()

    # --- import ----------------------------------------------------------------------------
    def _import_tab(self) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(
            self.tr(
                "Choisissez les scans des documents signés (PDF, photos JPEG ou PNG, ou un "
                "dossier). Chaque page est reconnue par son code QR et jointe à sa fiche ; "
                "la fiche est marquée signée."
            ),
            tab,
        )
        intro.setWordWrap(True)
        self.files = QListWidget(tab)
        self.files.setObjectName("scan-files")
        add_files = QPushButton(self.tr("Ajouter des fichiers…"), tab)
        add_files.clicked.connect(self.ask_files)
        add_folder = QPushButton(self.tr("Ajouter un dossier…"), tab)
        add_folder.clicked.connect(self.ask_folder)
        clear = QPushButton(self.tr("Vider la liste"), tab)
        clear.clicked.connect(self.files.clear)
        self.scan_day = QCheckBox(self.tr("Date de signature : celle de chaque scan"), tab)
        self.scan_day.setChecked(True)
        self.day = day_picker(tab, "signed-on", date.today())
        self.day.setEnabled(False)
        self.scan_day.toggled.connect(lambda on: self.day.setEnabled(not on))
        self.start = QPushButton(self.tr("Importer"), tab)
        self.start.setObjectName("scan-start")
        self.start.setDefault(True)
        self.start.clicked.connect(self.run_import)
        self.stop = QPushButton(self.tr("Arrêter"), tab)
        self.stop.setEnabled(False)
        self.stop.clicked.connect(self.cancel_import)
        self.bar = QProgressBar(tab)
        self.bar.setFormat(self.tr("page %v sur %m"))
        self.bar.hide()
        self.summary = QLabel(tab)
        self.summary.setObjectName("scan-summary")
        self.summary.setWordWrap(True)
        self.details = QListWidget(tab)
        self.details.setObjectName("scan-details")
        self.details.setWordWrap(True)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row = QHBoxLayout()
        for button in (add_files, add_folder, clear):
            row.addWidget(button)
        row.addStretch(1)
        day_row = QHBoxLayout()
        day_row.addWidget(self.scan_day)
        day_row.addWidget(QLabel(self.tr("sinon le"), tab))
        day_row.addWidget(self.day)
        day_row.addStretch(1)
        day_row.addWidget(self.start)
        day_row.addWidget(self.stop)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addWidget(self.files, 1)
        layout.addLayout(row)
        layout.addLayout(day_row)
        layout.addWidget(self.bar)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 2)
        return tab

    def add_paths(self, paths: list[str]) -> None:
        known = {self.files.item(i).text() for i in range(self.files.count())}
        for path in paths:
            if path and path not in known:
                self.files.addItem(path)

    def ask_files(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Scans des documents signés"),
            str(Path.home()),
            self.tr("Scans (*.pdf *.jpg *.jpeg *.png)"),
        )
        self.add_paths(names)

    def ask_folder(self) -> None:
        name = QFileDialog.getExistingDirectory(self, self.tr("Dossier de scans"), str(Path.home()))
        self.add_paths([name])

    def signing_day(self) -> date | None:
        if self.scan_day.isChecked():
            return None
        return picked_day(self.day)

    def run_import(self) -> None:
        from offa_desktop.ops.scans.importing import import_scans

        paths = [self.files.item(i).text() for i in range(self.files.count())]
        if not paths:
            self.summary.setText(self.tr("Ajoutez d'abord des fichiers ou un dossier."))
            return
        self.start.setEnabled(False)
        self.stop.setEnabled(True)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.details.clear()
        self.summary.setText(self.tr("Lecture des pages…"))

        def work(ctx: Any) -> Any:
            return import_scans(
                self.context.working_copy,
                self.context.folder,
                paths,
                signed_on=self.signing_day(),
                progress=lambda done, total: ctx.report("scans", done, total),
                cancelled=lambda: ctx.cancelled,
            )

        self.running = (
            self.context.tasks.op(work)
            .owned_by(self)
            .progress(self._progressed)
            .success(self._done)
            .failure(self._failed)
            .run()
        )

    def cancel_import(self) -> None:
        if self.running is not None:
            self.running.cancel()

    def _progressed(self, _phase: str, done: int, total: int) -> None:
        self.bar.setRange(0, total)
        self.bar.setValue(done)

    def _finish(self) -> None:
        self.running = None
        self.start.setEnabled(True)
        self.stop.setEnabled(False)
        self.bar.hide()

    def _done(self, report: Any) -> None:
        self._finish()
        self.summary.setText(
            self.tr("%1 page(s) lue(s) : %2 rattachée(s), %3 à attribuer, %4 en double.")
            .replace("%1", str(report.pages))
            .replace("%2", str(report.matched))
            .replace("%3", str(len(report.to_assign)))
            .replace("%4", str(report.duplicates))
        )
        for copy in report.copies:
            state = self.tr("déjà joint") if copy.duplicate else self.tr("joint")
            self.details.addItem(f"{copy.name} — {copy.pages} p. — {copy.file_name} ({state})")
        for line in report.marks:
            item = QListWidgetItem("✓ " + line)
            item.setForeground(SIGNED)
            self.details.addItem(item)
        for line in report.warnings:
            item = QListWidgetItem("⚠ " + line)
            item.setForeground(WARNING)
            self.details.addItem(item)
        for page in report.to_assign:
            item = QListWidgetItem(self.tr("À attribuer : ") + f"{page.label} ({page.reason})")
            item.setForeground(WARNING)
            self.details.addItem(item)
        for line in report.errors:
            item = QListWidgetItem(line)
            item.setForeground(ERROR)
            self.details.addItem(item)
        if report.cancelled:
            self.details.addItem(
                self.tr("Import arrêté : les pages lues avant l'arrêt sont importées.")
            )
        if report.changes:
            self.context.tasks.data_changed.emit(report.changes)
        self.reload_inbox()
        self.imported.emit(report)

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.summary.setText(self.tr("Import impossible : ") + str(error))

    # --- pages to assign ---------------------------------------------------------------------
    def _inbox_tab(self) -> QWidget:
        tab = QWidget(self)
        self.waiting = QListWidget(tab)
        self.waiting.setObjectName("scan-inbox")
        self.waiting.itemActivated.connect(lambda _item: self.open_page())
        self.query = QLineEdit(tab)
        self.query.setObjectName("scan-search")
        self.query.setPlaceholderText(
            self.tr("Rechercher la fiche : nom de l'apprenant, entreprise…")
        )
        self.query.textChanged.connect(lambda _t: self.search_timer.start())
        self.found = QListWidget(tab)
        self.found.setObjectName("scan-candidates")
        self.found.setWordWrap(True)
        self.assign_button = QPushButton(self.tr("Attribuer à la fiche choisie"), tab)
        self.assign_button.clicked.connect(self.assign)
        open_button = QPushButton(self.tr("Ouvrir la page"), tab)
        open_button.clicked.connect(self.open_page)
        discard = QPushButton(self.tr("Écarter…"), tab)
        discard.clicked.connect(self.discard)
        self.inbox_message = QLabel(tab)
        self.inbox_message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(open_button)
        buttons.addWidget(discard)
        buttons.addStretch(1)
        buttons.addWidget(self.assign_button)
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel(self.tr("Pages sans code QR reconnu, à rattacher à une fiche :")))
        layout.addWidget(self.waiting, 2)
        layout.addWidget(self.query)
        layout.addWidget(self.found, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.inbox_message)
        return tab

    def reload_inbox(self) -> None:
        from offa_desktop.ops.scans import inbox as scan_inbox

        self.waiting.clear()
        for page in scan_inbox.pages(self.context.folder):
            item = QListWidgetItem(f"{page.label} — {page.reason}")
            item.setData(ROLE, page)
            self.waiting.addItem(item)
        if self.waiting.count():
            self.waiting.setCurrentRow(0)
        self.tabs.setTabText(
            1, self.tr("Pages à attribuer (%1)").replace("%1", str(self.waiting.count()))
        )
        self.inbox.emit(self.waiting.count())

    def search(self) -> None:
        from offa_desktop.ops.scans.inbox import candidates

        text = self.query.text().strip()
        if not text:
            self.found.clear()
            return
        self.context.tasks.background(candidates, self.context.working_copy, text).owned_by(
            self
        ).success(lambda hits, typed=text: self._show_candidates(typed, hits)).run()

    def _show_candidates(self, typed: str, hits: list[Any]) -> None:
        if typed != self.query.text().strip():
            return  # an older answer
        self.found.clear()
        for hit in hits:
            item = QListWidgetItem(f"{hit.title}\n{hit.subtitle}" if hit.subtitle else hit.title)
            item.setData(ROLE, hit)
            self.found.addItem(item)
        if hits:
            self.found.setCurrentRow(0)

    def _page(self) -> Any:
        item = self.waiting.currentItem()
        return item.data(ROLE) if item is not None else None

    def assign(self) -> None:
        from offa_desktop.ops.scans.inbox import assign

        page, chosen = self._page(), self.found.currentItem()
        if page is None or chosen is None:
            self.inbox_message.setText(
                self.tr("Choisissez une page, puis la fiche trouvée par la recherche.")
            )
            return
        record = chosen.data(ROLE).record
        try:
            assign(self.context.folder, page.id, record)
        except (LookupError, OSError) as exc:
            self.inbox_message.setText(str(exc))
            return
        self.inbox_message.setText(
            self.tr("Page jointe à %1 (envoyée à la prochaine synchronisation).").replace(
                "%1", chosen.data(ROLE).title
            )
        )
        self.reload_inbox()
        self.assigned.emit(record)

    def open_page(self) -> None:
        from offa_desktop.ops.scans.inbox import viewable

        page = self._page()
        if page is None:
            return
        try:
            path = viewable(self.context.folder, page)  # decrypted in a private folder
        except OSError as exc:
            self.inbox_message.setText(str(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def discard(self) -> None:
        from offa_desktop.ops.scans.inbox import discard

        page = self._page()
        if page is None:
            return
        if confirmed(
            self,
            self.tr("Écarter la page"),
            self.tr("Écarter « %1 » ? Elle ne sera jointe à aucune fiche.").replace(
                "%1", page.label
            ),
        ):
            discard(self.context.folder, page.id)
            self.reload_inbox()
