"""What one running window works on: data folder, working copy, task lanes, settings, session.

Built once by ``app.main`` and handed to the window: no global application object.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QWidget

from offa_desktop import paths
from offa_desktop.ui.dialogs import file_menu_action
from offa_desktop.ui.preferences import Preferences
from offa_desktop.ui.startup import (
    AfterFirstPaint,
    fill_demo_if_empty,
    load_store_modules,
    start_demo_session,
    tune_gc,
)
from offa_desktop.ui.tasks import TaskManager

log = logging.getLogger("offa.ui")
DEMO_FOLDER = "demo"
# How often the window looks whether an automatic backup is due (store.backups spaces them).
BACKUP_CHECK_MS = 10 * 60_000
RADAR_PATIENCE_MS = 15_000  # start-up waits this long at most for the home screen's radar
UNPAINTED_SYNC_MS = 3000  # a window not painted by then (minimised) opens its session anyway


@dataclass
class AppContext:
    """The data folder and what lives in it while the window is open."""

    folder: Path
    working_copy: Any
    tasks: TaskManager
    settings: QSettings
    session: Any = None  # the sync session (ops.sync.session.SyncSession) once opened
    demo: Any = None  # the running demo (embedded server) with ``--demo``
    prefs: Preferences | None = None  # the user's choices (top of the data folder)
    extras: dict[str, Any] = field(default_factory=dict)
    # The first list page read with sqlite3 alone, until the store's SQLAlchemy side is loaded
    # just after the first paint (store/first_look.py).
    first_look: Any = None

    @classmethod
    def open(
        cls, folder: Path, *, demo_size: int | None = None, demo_user: str | None = None
    ) -> AppContext:
        """Open the working copy of ``folder``; with ``demo_size``, the demo set-up instead.

        The demo lives in a ``demo`` sub-folder so it never mixes with real data. When sync's
        ``start_demo`` exists it starts the embedded server and logs in; otherwise a fresh
        working copy is filled by the demo generator.
        """
        from offa_desktop.ops.protection import keys
        from offa_desktop.store.db import WorkingCopy

        prefs = Preferences(folder)
        demo = None
        if demo_size is not None:
            folder = folder / DEMO_FOLDER
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            demo = start_demo_session(folder, demo_size, demo_user)
        if demo is not None:
            wc, session = demo.session.wc, demo.session
            folder = demo.session.folder
        else:
            path = paths.working_copy_path(folder)
            # Always encrypted: its key registered first (app.main asked for the passphrase;
            # here only what needs no question: the keyring, OFFA_PASSPHRASE, the demo's own)
            if demo_size is not None:
                keys.unlock(path, keys.demo_source, keyring_allowed=False)
            else:
                keys.unlock(path, keys.env_source)
            wc, session = WorkingCopy.open(path), None
            if demo_size is not None:
                fill_demo_if_empty(wc, demo_size)
        settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        first_look = None
        if session is None:
            from offa_desktop.store.first_look import FirstLook

            first_look = FirstLook(wc.path)
        return cls(folder, wc, TaskManager(), settings, session, demo, prefs,
                   first_look=first_look)

    def build_window(self, *, auto_sync: bool = True) -> Any:
        from offa_desktop.ui.main_window import MainWindow
        from offa_desktop.ui.search_popup import SearchPopup
        from offa_desktop.ui.sources import StoreBackend
        from offa_desktop.ui.sync_controller import SyncController

        # The window always opens on "À faire" (the home screen), for every role.
        window = MainWindow(
            StoreBackend(self.working_copy, self.first_look),
            self.tasks,
            settings=self.settings,
            start_area="home",
            open_record=self.open_record,
            pages=self.pages(),
        )
        self.extras["window"] = window  # where notices about files written are shown
        prefs = self.prefs or Preferences(self.folder)
        self.prefs = prefs
        window.sync = SyncController(
            self,
            window,
            auto_sync=auto_sync and prefs.get("sync/auto"),
            interval_minutes=prefs.get("sync/auto_minutes"),
        )
        window.sync.session_ready.connect(lambda: self.apply_role_defaults(window))
        self._add_menus(window)
        # the dialogs' menu items only: each dialog's module loads when its item is chosen
        from offa_desktop.ui import feature_menus, record_actions

        feature_menus.install_print(self, window)
        feature_menus.install_export(self, window)
        record_actions.install(self, window)
        feature_menus.install_import(self, window)
        feature_menus.install_duplicates(self, window)
        feature_menus.install_help(self, window)
        window.search = SearchPopup(window.search_box, window, self.working_copy, self.tasks)
        window.search.open_requested.connect(window.open_record)
        # After the first paint: the store loads SQLAlchemy, and the session requests and
        # keyring, on workers.
        # The home screen's radar first (the user looks at it), the rest once it is painted:
        # loading SQLAlchemy on another worker would hold the GIL against it.
        home: Any = window.pages.get("home")  # ui/home.HomePage (computed, refresh)
        started: list[bool] = []

        def the_rest(*_args: Any) -> None:
            if not started:
                started.append(True)
                tune_gc()
                self.warm_store()
                window.sync.start()
                self.start_backups()

        radar_asked: list[bool] = []

        def after_radar(_radar: Any) -> None:
            # the rest once the radar's lines are painted, not as soon as they are computed: a
            # paint is a low-priority event, and the collector's full pass (tune_gc) and the
            # store's loading on another worker came before it
            if started:
                return
            if home.isVisible():
                self.extras["after_radar"] = AfterFirstPaint(
                    (home.first_paint_target(),), the_rest)
            else:
                QTimer.singleShot(0, the_rest)

        def start_radar() -> None:
            if radar_asked:
                return
            radar_asked.append(True)
            home.computed.connect(after_radar)
            home.failed.connect(lambda _error: QTimer.singleShot(0, the_rest))
            home.refresh()
            # a radar that never answers: the rest after a while anyway (not sooner: loading
            # SQLAlchemy on another worker would slow the radar down, on a busy machine a 2 s
            # fallback fired during a 2 s radar and the home screen took 6 s)
            QTimer.singleShot(RADAR_PATIENCE_MS, the_rest)

        painted: list[bool] = []

        def at_paint() -> None:
            # the home screen's first paint begins: its radar's worker starts now, its imports
            # and reads running while the frame is drawn (on the other core), not after it
            painted.append(True)
            if home is not None and window.current_area() == "home":
                start_radar()

        def after_paint() -> None:
            painted.append(True)
            if home is None or window.current_area() != "home":
                the_rest()
            else:
                start_radar()  # (when the home screen's own paint did not come first)

        def never_painted() -> None:
            # only a window never painted (minimised): a painted one opens its session with the
            # rest, once the radar's lines are painted (a session opened 3 s in, its imports
            # on a worker, held the GIL against a radar still computing on a busy machine)
            if not painted:
                window.sync.start()

        self.extras["after_paint"] = AfterFirstPaint(
            (self.first_paint_target(window), window), after_paint, at_paint)
        QTimer.singleShot(UNPAINTED_SYNC_MS, never_painted)
        return window

    def apply_role_defaults(self, window: Any) -> None:
        """What each role looks at first: a coach's visits list shows their planned visits,
        the next one first (the report to file)."""
        from offa_desktop.ui.forms.support import user_profile

        profile = user_profile(self)
        if profile.get("role") != "coach" or not profile.get("id"):
            return

        def coach_visits(view: Any) -> None:
            view.set_filter("visitor_id", profile["id"])
            view.set_filter("status", "planned")
            view.sort_on("planned_on")

        window.set_list_default("visits", coach_visits)

    def warm_store(self) -> None:
        """Load the store's SQLAlchemy side on a worker, then retire the first look (every
        later page and count goes through the store)."""
        if self.first_look is None:
            return
        self.tasks.background(load_store_modules, self.working_copy).success(
            lambda _result: self._retire_first_look()
        ).failure(lambda _error: self._retire_first_look()).run()

    def start_backups(self) -> None:
        """Automatic verified backups (``store.backups``): one now if due, then every
        ``BACKUP_CHECK_MS`` while the window is open, on a worker (sqlite3 only)."""
        if "backup_timer" not in self.extras:
            timer = QTimer()
            timer.setInterval(BACKUP_CHECK_MS)
            timer.timeout.connect(self.backup_now)
            timer.start()
            self.extras["backup_timer"] = timer
        self.backup_now()

    def backup_now(self) -> None:
        self.tasks.background(self.working_copy.backup_if_due).failure(
            lambda error: log.error("automatic backup failed", exc_info=error)
        ).run()

    def _retire_first_look(self) -> None:
        if self.first_look is not None:
            self.first_look.close()

    def _add_menus(self, window: Any) -> None:
        new = file_menu_action(window, self.tr_("&Nouvelle fiche…"), "action-new",
                               lambda: self.new_record(window), "Ctrl+N")  # fmt: skip
        window.area_changed.connect(lambda _key: self.follow_role(window))
        self.extras["action_new"] = new
        settings = window.menu_file.addAction(self.tr_("Paramètres…"))
        settings.setObjectName("action-settings")
        settings.setShortcut(QKeySequence("Ctrl+,"))
        settings.triggered.connect(lambda: self.show_settings(window))
        # keep Quitter last
        window.menu_file.removeAction(window.quit_action)
        window.menu_file.addSeparator()
        window.menu_file.addAction(window.quit_action)
        journal = window.menu_help.addAction(self.tr_("Journal de l'application"))
        journal.setObjectName("action-log")
        journal.triggered.connect(lambda: self.show_log(window))

    @staticmethod
    def tr_(text: str) -> str:
        return QCoreApplication.translate("AppContext", text)

    def show_settings(self, window: QWidget) -> None:
        from offa_desktop.ui.settings_dialog import SettingsDialog

        assert self.prefs is not None
        SettingsDialog(self.prefs, self.folder, window).exec()

    def show_log(self, window: QWidget) -> QWidget:
        from offa_desktop.logfile import LOG_NAME
        from offa_desktop.ui.log_view import LogView

        root = self.prefs.path.parent if self.prefs is not None else self.folder
        view = LogView(root / paths.LOG_DIR / LOG_NAME, window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def open_record(
        self, window: QWidget, collection: str, record_id: str | None
    ) -> QWidget | None:
        """The record's form (``ui/forms/registry.py``, a new record when ``record_id`` is
        None) or, for a collection without a form, its read-only view."""
        from offa_desktop.ui.forms.registry import open_record

        dialog = open_record(self, collection, record_id, window)
        if dialog is not None:
            return dialog
        if record_id is None:
            return None
        from offa_desktop.ui.record_view import RecordView

        view = RecordView(self.working_copy, collection, record_id, window)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view

    def follow_role(self, window: Any) -> None:
        """« Nouvelle fiche » only where the user's role creates records (API.md's matrix)."""
        action = self.extras.get("action_new")
        view = window.views.get(window.current_area())
        if action is None:
            return
        if view is None:
            action.setEnabled(False)
            return
        from offa_desktop.ops.records.editing import may_create

        allowed = may_create(self.working_copy, view.area.collection)
        action.setEnabled(allowed)
        action.setToolTip("" if allowed else self.tr_(
            "Votre rôle ne permet pas de créer ces fiches."))  # fmt: skip

    def new_record(self, window: Any) -> QWidget | None:
        """A new record of the current area's collection (Fiche > Nouveau, Ctrl+N)."""
        view = window.views.get(window.current_area())
        if view is None:
            return None
        return self.open_record(window, view.area.collection, None)

    def pages(self) -> list[Any]:
        """The areas that are not lists: "À faire" first."""
        from offa_desktop.ui.main_window import Page

        def home(parent: QWidget) -> QWidget:
            from offa_desktop.ui.home import HomeView

            return HomeView(self.working_copy.path, self.tasks, snooze=self._snooze,
                            wake=self._wake, user_id=lambda: self.working_copy.user_id,
                            parent=parent)

        def indicators(parent: QWidget) -> QWidget:
            from offa_desktop.ui.indicators import IndicatorsView  # QtCharts: only now

            return IndicatorsView(self.working_copy.path, self.tasks, parent=parent)

        pages = [Page("home", self.tr_("À faire"), home, first=True)]
        if self.role() != "coach":  # OFFA staff and secretariats, within their scope
            pages.append(Page("indicators", self.tr_("Indicateurs"), indicators))
        return pages

    def role(self) -> str | None:
        """The signed-in user's role, read with sqlite3 (before the store is loaded)."""
        from offa_desktop.ops.radar import profile_of
        from offa_desktop.store.plain_sql import connect

        conn = connect(self.working_copy.path)
        try:
            return profile_of(conn).role
        finally:
            conn.close()

    def _snooze(self, parent: QWidget, item: Any) -> None:
        from offa_desktop.ui import snooze_dialog  # the store's writer side: after start-up

        snooze_dialog.ask_and_snooze(self, parent, item)

    def _wake(self, parent: QWidget, item: Any) -> None:
        from offa_desktop.ui import snooze_dialog

        snooze_dialog.wake(self, parent, item)

    def first_paint_target(self, window: Any) -> QWidget:
        """The widget whose first paint means "the window is usable" (the current area)."""
        key = window.current_area()
        view = window.views.get(key)
        if view is not None:
            viewport: QWidget = view.table.viewport()
            return viewport
        page = window.pages.get(key)
        target = getattr(page, "first_paint_target", None)
        found = target() if target is not None else window
        assert isinstance(found, QWidget)
        return found

    def close(self) -> None:
        timer = self.extras.pop("backup_timer", None)
        if timer is not None:
            timer.stop()
        self.tasks.wait_idle()
        self._retire_first_look()
        self.settings.sync()
        try:
            if self.demo is not None:
                self.demo.stop()  # closes the session's working copy too
            elif self.session is not None:
                self.session.close()
            else:
                self.working_copy.close()
        except Exception:  # closing must never hide the exit code
            log.exception("close failed")
