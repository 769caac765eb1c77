"""The main window: navigation between the areas, the global search box, the sync status.

It only assembles: each area is an :class:`AreaView`, each dialog lives in its own module, and
data changes arrive as ``TaskManager.data_changed(ChangeSet)`` to refresh what they touched.
The Entreprises area is a master/detail: the list above, the selected company's units and
tutors under it (:class:`~offa_desktop.ui.company_detail.CompanyDetail`, in a splitter whose
sizes are remembered), when the list backend reads a working copy (``backend.wc``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.ui.area_kinds import Area
from offa_desktop.ui.area_view import AreaView, ListBackend
from offa_desktop.ui.areas import areas
from offa_desktop.ui.tasks import TaskManager

RecordOpener = Callable[[QWidget, str, str | None], QWidget | None]


@dataclass(frozen=True)
class Page:
    """An area that is not a list (the "À faire" home screen, the indicators): ``build(parent)``
    makes its widget on first visit; ``first`` puts it before the lists in the navigation."""

    key: str
    title: str
    build: Callable[[QWidget], QWidget]
    first: bool = False


class MainWindow(QMainWindow):
    """The operators' desktop window.

    Signals: ``area_changed(key: str)`` when another area is shown;
    ``search_requested(text: str)`` when the global search box is used.
    """

    area_changed = Signal(str)
    search_requested = Signal(str)

    def __init__(
        self,
        backend: ListBackend,
        tasks: TaskManager,
        *,
        settings: QSettings | None = None,
        open_record: RecordOpener | None = None,
        start_area: str = "contracts",
        pages: Sequence[Page] = (),
    ) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.setWindowTitle(self.tr("OFFA – Poste de travail de l'alternance"))
        self.backend = backend
        self.tasks = tasks
        self.settings = settings
        self._open_record = open_record
        self.areas: tuple[Area, ...] = areas()
        self.extra_pages = {page.key: page for page in pages}
        # navigation order: the first pages (home), the lists, the other pages
        self.nav_keys: list[str] = [
            *(p.key for p in pages if p.first),
            *(a.key for a in self.areas if not a.late),
            *(p.key for p in pages if not p.first),
            *(a.key for a in self.areas if a.late),
        ]
        self.views: dict[str, AreaView] = {}
        self.pages: dict[str, QWidget] = {}  # what the stack shows per area (view or splitter)
        self.company_detail: Any = None  # the Entreprises area's detail pane, once built
        self.sync: Any = None  # the SyncController, set by AppContext.build_window
        self.search: Any = None  # the SearchPopup, set by AppContext.build_window
        self.start_maximized = False  # a first start on a small screen
        # area key -> what to set up on its list when built (a coach's visits: theirs, planned)
        self.list_defaults: dict[str, Callable[[AreaView], None]] = {}

        self.nav = QListWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet("QListWidget#navigation::item { padding: 7px 10px; }")
        for number, key in enumerate(self.nav_keys, start=1):
            item = QListWidgetItem(self.area_title(key))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(self.tr("Ctrl+%1").replace("%1", str(number % 10)))
            self.nav.addItem(item)
        self.stack = QStackedWidget(self)
        central = QWidget(self)
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        row.addWidget(self.nav)
        self.right = QVBoxLayout()  # banners (not connected...) above the area shown
        self.right.setContentsMargins(0, 0, 0, 0)
        self.right.setSpacing(0)
        self.right.addWidget(self.stack, 1)
        row.addLayout(self.right, 1)
        self.setCentralWidget(central)

        self._build_toolbar()
        self._build_menus()
        self.sync_label = QLabel(self.tr("Copie de travail locale"), self)
        self.sync_label.setObjectName("sync-status")
        self.statusBar().addPermanentWidget(self.sync_label)

        tasks.data_changed.connect(self.refresh)
        tasks.failed.connect(lambda message: self.statusBar().showMessage(message, 10_000))
        self.nav.currentRowChanged.connect(self._show_row)
        self.show_area(start_area)
        self._restore_state()

    # --- building ------------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar(self.tr("Barre d'outils"), self)
        bar.setObjectName("toolbar")
        bar.setMovable(False)
        self.sync_action = QAction(self.tr("Synchroniser"), self)
        self.sync_action.setObjectName("action-sync")
        self.sync_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.sync_action.setToolTip(self.tr("Synchroniser avec le serveur (F5)"))
        self.sync_action.setEnabled(False)
        bar.addAction(self.sync_action)
        spacer = QWidget(bar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        bar.addWidget(spacer)
        self.search_box = QLineEdit(bar)
        self.search_box.setObjectName("global-search")
        self.search_box.setPlaceholderText(
            self.tr("Rechercher un apprenant, une entreprise, un contrat… (Ctrl+K)")
        )
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMinimumWidth(360)
        self.search_box.textChanged.connect(self.search_requested)
        bar.addWidget(self.search_box)
        self.addToolBar(bar)
        self.toolbar = bar

    def _build_menus(self) -> None:
        menu_file = self.menuBar().addMenu(self.tr("&Fichier"))
        self.menu_file = menu_file
        self.quit_action = menu_file.addAction(self.tr("&Quitter"))
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)

        menu_view = self.menuBar().addMenu(self.tr("&Affichage"))
        for number, key in enumerate(self.nav_keys, start=1):
            action = menu_view.addAction(self.area_title(key))
            if number <= 10:  # Ctrl+1 ... Ctrl+9, then Ctrl+0
                action.setShortcut(QKeySequence(f"Ctrl+{number % 10}"))
            action.triggered.connect(lambda _=False, key=key: self.go_to(key))
        menu_view.addSeparator()
        focus_search = menu_view.addAction(self.tr("Rechercher"))
        find = QKeySequence(QKeySequence.StandardKey.Find)
        focus_search.setShortcuts([QKeySequence("Ctrl+K"), find])
        focus_search.triggered.connect(self.focus_search)

        self.menu_sync = self.menuBar().addMenu(self.tr("&Synchronisation"))
        self.menu_sync.addAction(self.sync_action)
        self.menu_help = self.menuBar().addMenu(self.tr("&Aide"))
        from offa_desktop.ui.about import show_about

        self.about_action = self.menu_help.addAction(self.tr("À &propos d'OFFA"))
        self.about_action.triggered.connect(lambda _=False: show_about(self))

    # --- behaviour -----------------------------------------------------------------------------
    def area_title(self, key: str) -> str:
        page = self.extra_pages.get(key)
        return page.title if page else next(a.title for a in self.areas if a.key == key)

    def show_area(self, key: str) -> Any:
        """Show an area (its list, or its page), building it on first visit."""
        if key in self.extra_pages:
            return self._show_page(key)
        view = self.views.get(key)
        if view is None:
            area = next(a for a in self.areas if a.key == key)
            view = AreaView(area, self.backend, self.stack)
            view.open_requested.connect(self.open_record)
            self.views[key] = view
            if key in self.list_defaults:
                self.list_defaults[key](view)
            page: QWidget = view
            wc = getattr(self.backend, "wc", None)
            if key == "companies" and wc is not None:
                page = self._company_master_detail(view, wc)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.pages[key])
        self._select_nav(key)
        return view

    def set_list_default(self, key: str, apply: Callable[[AreaView], None]) -> None:
        """Set up the list of ``key`` with ``apply`` when it is built (now if it is)."""
        self.list_defaults[key] = apply
        if key in self.views:
            apply(self.views[key])

    def add_banner(self, banner: QWidget) -> None:
        """A line across the top of the areas (it shows and hides itself)."""
        self.right.insertWidget(0, banner)

    def go_to(self, key: str) -> None:
        """Ctrl+1…9: show the area and put the keyboard in its list, on a row (a filter combo
        must not take the arrows: Down there silently refiltered the list)."""
        shown = self.show_area(key)
        if isinstance(shown, AreaView):
            shown.focus_list()
        else:
            target = getattr(shown, "focus_target", None)
            (target() if callable(target) else shown).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_page(self, key: str) -> QWidget:
        page = self.pages.get(key)
        if page is None:
            page = self.extra_pages[key].build(self.stack)
            open_requested = getattr(page, "open_requested", None)
            if open_requested is not None:
                open_requested.connect(self.open_record)
            self.pages[key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(page)
        self._select_nav(key)
        return page

    def _select_nav(self, key: str) -> None:
        row = self.nav_keys.index(key)
        if self.nav.currentRow() != row:
            self.nav.blockSignals(True)
            self.nav.setCurrentRow(row)
            self.nav.blockSignals(False)
        self.area_changed.emit(key)

    def current_area(self) -> str:
        page = self.stack.currentWidget()
        return next((key for key, shown in self.pages.items() if shown is page), "")

    def _company_master_detail(self, view: AreaView, wc: Any) -> QWidget:
        """The companies list above, the selected company's units and tutors under it."""
        from offa_desktop.ui.company_detail import CompanyDetail

        splitter = QSplitter(Qt.Orientation.Vertical, self.stack)
        splitter.setObjectName("companies-splitter")
        splitter.setChildrenCollapsible(False)
        detail = CompanyDetail(wc, splitter)
        splitter.addWidget(view)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        saved = self.settings.value("window/companies_splitter") if self.settings else None
        if isinstance(saved, QByteArray):
            splitter.restoreState(saved)
        detail.open_requested.connect(self.open_record)

        def selected() -> None:
            company_id = view.selected_id()
            if company_id != detail.company_id:
                detail.show_company(company_id)

        view.table.selectionModel().currentRowChanged.connect(lambda _n, _o: selected())
        view.model.modelReset.connect(selected)
        view.model.dataChanged.connect(lambda *_args: selected())  # rows re-read in place
        self.company_detail = detail
        self.company_splitter = splitter
        return splitter

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(self.nav_keys):
            self.show_area(self.nav_keys[row])

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def open_record(self, collection: str, record_id: str) -> None:
        if self._open_record is not None:
            self._open_record(self, collection, record_id)

    def refresh(self, changes: ChangeSet) -> None:
        """Refresh the lists a change set touched (each list checks its own collection)."""
        for view in self.views.values():
            view.refresh(changes)
        for key in self.extra_pages:
            page = self.pages.get(key)
            if page is not None and hasattr(page, "refresh"):
                page.refresh(changes)
        if self.company_detail is not None:
            self.company_detail.refresh(changes)

    def set_sync_status(self, text: str) -> None:
        self.sync_label.setText(text)

    # --- window state ----------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(1280, 800)

    def _restore_state(self) -> None:
        geometry = self.settings.value("window/geometry") if self.settings else None
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self._first_size()
        if self.settings is None:
            return
        state = self.settings.value("window/state")
        if isinstance(state, QByteArray):
            self.restoreState(state)

    def _first_size(self) -> None:
        """The first time, most of the screen (Qt's default, two thirds, hid half the contract
        columns): see :func:`first_window`, centred."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry()
        size, self.start_maximized = first_window(room.size())
        self.resize(size)
        self.move(room.center() - self.rect().center())

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settings is not None:
            self.settings.setValue("window/geometry", self.saveGeometry())
            self.settings.setValue("window/state", self.saveState())
            self.settings.setValue("window/area", self.current_area())
            if self.company_detail is not None:
                self.settings.setValue("window/companies_splitter",
                                       self.company_splitter.saveState())
        super().closeEvent(event)


def first_window(room: QSize) -> tuple[QSize, bool]:
    """The window's first size on a screen whose free room is ``room``, and whether it starts
    maximised: 92 % of the screen, at most 1600 × 1000; a screen narrower than 1400 pixels (a
    1366 × 768 laptop) is filled, so the contract list shows every column."""
    size = QSize(min(1600, int(room.width() * 0.92)), min(1000, int(room.height() * 0.92)))
    return size, room.width() < 1400
