"""``offa-desktop --self-check --data-dir DIR``: prove an installation works, offscreen, then quit.

Runs the app's own paths on a fresh data folder (``--data-dir``, which must hold no working copy
yet, or a temporary folder), in this order:

- ``working_copy``: open (create, migrate) the working copy as the window does;
- ``window``: build the main window and wait for the first paint of its list;
- ``pdf``: render a blank contract in-process, and once more in the printing process pool;
- ``keyring``: keyring's backends are discoverable (entry points), the one in use, and whether
  tokens would stay in memory (no secure keyring on this machine: the app still works);
- ``server``: a reference server on loopback (``EmbeddedServer`` on a small seeded SQLite
  database in a temporary folder), or the one named by ``OFFA_SELFCHECK_SERVER`` (account from
  ``OFFA_SELFCHECK_USERNAME`` / ``OFFA_SELFCHECK_PASSWORD``, else the demo OFFA account);
- ``sync``: log in, sync once into the window's working copy, print a synced contract, log out.

Standard output holds one JSON line ``{"ok": ..., "checks": {name: {"ok": ..., ...}}}``; the exit
code is 0 only if every check passed. Logs go to the data folder's log file.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

SERVER_ENV = "OFFA_SELFCHECK_SERVER"
PAINT_TIMEOUT_S = 60.0
SEED_SIZE = 3
MSG_NOT_FRESH = (
    "Le dossier %1 contient déjà une copie de travail : la vérification s'exécute sur un dossier "
    "neuf (--data-dir DOSSIER_VIDE), ou sans --data-dir dans un dossier temporaire."
)

Check = dict[str, Any]


class SelfCheck:
    """The checks, run in order; each fills ``self.checks[name]`` and never raises."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.checks: dict[str, Check] = {}
        self.context: Any = None
        self.window: Any = None
        self.server: Any = None
        self.base_url = ""
        self._tmp: tempfile.TemporaryDirectory[str] | None = None

    def step(self, name: str, action: Callable[[], Check]) -> bool:
        started = time.perf_counter()
        try:
            result = {"ok": True, **action()}
        except Exception as exc:  # a check that fails is reported, the others still run
            result = {"ok": False, "error": f"{type(exc).__name__}: {exc}",
                      "trace": traceback.format_exc(limit=6)[-1500:]}
        result["seconds"] = round(time.perf_counter() - started, 3)
        self.checks[name] = result
        return bool(result["ok"])

    # --- the checks ------------------------------------------------------------------------
    def working_copy(self) -> Check:
        import secrets

        from offa_desktop import paths
        from offa_desktop.ops.protection import keys
        from offa_desktop.store import cipher
        from offa_desktop.store.files import stored_revision
        from offa_desktop.ui.context import AppContext

        path = paths.working_copy_path(self.folder)
        # Encrypted as every copy is; a fresh folder's throw-away passphrase (nothing is put in
        # the system's keyring by a check)
        throwaway = secrets.token_urlsafe(24)
        keys.unlock(path, lambda _kind: throwaway, keyring_allowed=False)
        self.context = AppContext.open(self.folder)
        self.window = self.context.build_window()
        revision = stored_revision(path)
        head = path.read_bytes()[:16]
        if not cipher.is_encrypted(path) or head.startswith(b"SQLite format 3"):
            raise RuntimeError("the working copy is not encrypted")
        return {
            "path": str(path),
            "revision": revision,
            "bytes": path.stat().st_size,
            "encrypted": True,  # SQLCipher at work in this build
        }

    def first_paint(self) -> Check:
        from PySide6.QtCore import QEvent, QEventLoop, QObject, QTimer

        loop = QEventLoop()
        painted: list[float] = []
        started = time.perf_counter()

        class Probe(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint and not painted:
                    painted.append(time.perf_counter() - started)
                    QTimer.singleShot(0, loop.quit)
                return False

        probe = Probe()
        target = self.context.first_paint_target(self.window)
        target.installEventFilter(probe)
        QTimer.singleShot(int(PAINT_TIMEOUT_S * 1000), loop.quit)
        self.window.show()
        loop.exec()
        target.removeEventFilter(probe)
        if not painted:
            raise RuntimeError(f"no paint of the main window within {PAINT_TIMEOUT_S:g} s")
        from PySide6.QtWidgets import QApplication

        cancel = QApplication.translate("QPlatformTheme", "Cancel")  # Qt's own French texts
        if cancel != "Annuler":
            raise RuntimeError(f"Qt's French translations are missing ({cancel!r})")
        return {"title": self.window.windowTitle(), "paint_seconds": round(painted[0], 3),
                "area": self.window.current_area(), "qt_cancel": cancel}

    def pdf(self) -> Check:
        from datetime import date

        from offa_desktop.ops.printing import rendering
        from offa_desktop.printing.data import PrintData

        pdf = rendering.render("blank-contract", None, None)
        pages = rendering.page_count(pdf)
        if not pdf.startswith(b"%PDF") or pages < 1:
            raise RuntimeError(f"not a PDF ({len(pdf)} bytes, {pages} pages)")
        out = self.folder / "self-check"
        batch = rendering.render_many(
            [PrintData(kind="blank-contract", printed_on=date.today())], out, total=1, workers=1
        )
        if batch.failed or len(batch.written) != 1:
            raise RuntimeError(f"the printing pool failed: {batch.failed}")
        written = batch.written[0].read_bytes()
        if not written.startswith(b"%PDF"):
            raise RuntimeError("the printing pool wrote no PDF")
        return {"kind": "blank-contract", "pages": pages, "bytes": len(pdf),
                "pool_file": str(batch.written[0])}

    def scan(self) -> Check:
        """A printed page read back as a scan: pdfium draws it, zxing-cpp reads its QR code
        (both libraries must be in the bundle), and a copy's PDF is put together."""
        from offa_desktop.ops.printing import rendering as print_commands
        from offa_desktop.scans import assemble
        from offa_desktop.scans.pages import ScanFile
        from offa_desktop.scans.qr import parse

        path = self.folder / "self-check" / "scan.pdf"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(print_commands.render("blank-contract", None, None))
        with ScanFile(path) as scan:
            page = next(scan.pages())
            ref = parse(page.codes[0].text) if page.codes else None
            if ref is None or not ref.blank or ref.copy != "apprenant":
                raise RuntimeError(f"QR code not read back: {[c.text for c in page.codes]}")
            copy = assemble.build([page])
        if not copy.startswith(b"%PDF"):
            raise RuntimeError("no PDF put together from the scanned page")
        return {"qr": page.codes[0].text, "copy_bytes": len(copy)}

    def keyring(self) -> Check:
        from importlib.metadata import entry_points

        import keyring

        from sync.creds import CredentialStore

        # keyring finds its backends through entry points: none means the bundle lacks the
        # distributions' metadata, and then it would never find the system's keyring.
        plugins = sorted(e.name for e in entry_points(group="keyring.backends"))
        if "SecretService" not in plugins or "Windows" not in plugins:
            raise RuntimeError(f"keyring's backends are not discoverable: {plugins}")
        backend = keyring.get_keyring()
        kind = type(backend)
        name = f"{kind.__module__}.{kind.__qualname__}"
        inner = [f"{type(b).__module__}.{type(b).__qualname__}"
                 for b in getattr(backend, "backends", []) or []]
        from keyring.backend import get_all_keyring

        available = sorted(f"{type(b).__module__}.{type(b).__qualname__}"
                           for b in get_all_keyring())
        # as the app makes it: without a secure keyring, tokens and the copy's key are not put
        # in it (tokens in the encrypted copy, the key wrapped by a passphrase)
        store = CredentialStore()
        return {"backend": name, "priority": float(getattr(backend, "priority", 0)),
                "chained": inner, "available": available, "plugins": plugins,
                "secure": store.secure, "tokens_in_memory": store.in_memory}

    def start_server(self) -> Check:
        url = os.environ.get(SERVER_ENV)
        if url:
            self.base_url = url.rstrip("/")
            return {"url": self.base_url, "embedded": False}
        from sync.server import setup
        from sync.server.db import make_engine
        from sync.server.embedded import EmbeddedServer
        from sync.server.seed import seed_demo

        self._tmp = tempfile.TemporaryDirectory(prefix="offa-selfcheck-")
        database = f"sqlite:///{Path(self._tmp.name) / 'server.sqlite3'}"
        engine = make_engine(database)
        try:
            setup.upgrade(engine)
            seeded = seed_demo(engine, SEED_SIZE)
        finally:
            engine.dispose()
        self.server = EmbeddedServer(database)
        self.base_url = self.server.start()
        return {"url": self.base_url, "embedded": True, "seeded": seeded}

    def sync(self) -> Check:
        from offa_desktop.demo.accounts import DEMO_ACCOUNTS
        from offa_desktop.ops.printing import rendering
        from offa_desktop.ops.sync.session import SyncSession
        from offa_desktop.store import queries
        from sync.creds import CredentialStore

        # OFFA staff see every operator's records: the small seed always reaches them.
        account = next((a for a in DEMO_ACCOUNTS if a.role == "offa"), DEMO_ACCOUNTS[0])
        username = os.environ.get("OFFA_SELFCHECK_USERNAME") or account.username
        password = os.environ.get("OFFA_SELFCHECK_PASSWORD") or account.password
        session = SyncSession(self.folder, self.context.working_copy, CredentialStore())
        user = session.login(self.base_url, username, password)
        try:
            outcome = session.engine().sync_once()
        finally:
            session.logout()
        wc = self.context.working_copy
        with wc.session() as db:
            contracts = queries.count(db, "contracts")
            found = queries.page(db, "contracts", limit=1)
            first = found[0].id if found else None
        result: Check = {"user": username, "role": user.get("role"), "contracts": contracts,
                         "outcome": _plain(outcome)}
        if self.server is not None and not contracts:
            raise RuntimeError("the seeded server sent no contract")
        if first is not None:
            pdf = rendering.render("contract", str(first), wc)
            result["contract_pdf_pages"] = rendering.page_count(pdf)
        return result

    def close(self) -> None:
        for closing in (self._close_window, self._stop_server):
            try:
                closing()
            except Exception as exc:
                self.checks.setdefault("close", {"ok": False, "error": repr(exc)})

    def _close_window(self) -> None:
        from PySide6.QtWidgets import QApplication

        if self.window is not None:
            self.window.close()
            QApplication.processEvents()  # what the close queued runs now, before the lanes stop
        if self.context is not None:
            self.context.close()

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
        if self._tmp is not None:
            self._tmp.cleanup()


def _plain(value: Any) -> Any:
    """A sync outcome as short JSON-able data: numbers as they are, collections as counts."""
    from dataclasses import fields, is_dataclass

    if not is_dataclass(value) or isinstance(value, type):
        return repr(value)[:300]
    out: dict[str, Any] = {}
    for item in fields(value):
        field_value = getattr(value, item.name)
        if isinstance(field_value, int | float | str | bool) or field_value is None:
            out[item.name] = field_value
        elif isinstance(field_value, dict):
            out[item.name] = {str(k): len(v) if hasattr(v, "__len__") else v
                              for k, v in field_value.items()}
        elif hasattr(field_value, "__len__"):
            out[item.name] = len(field_value)
    return out


def run(args: argparse.Namespace) -> int:
    """Run every check and print one JSON line; 0 when all passed, else 1."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # never a window on the user's screen
    started = time.perf_counter()
    from PySide6.QtWidgets import QApplication

    from offa_desktop import __version__, paths
    from offa_desktop.logfile import setup_logging
    from offa_desktop.ui import crash

    qapp = QApplication.instance() or QApplication(sys.argv[:1])
    qapp.setApplicationName("OFFA")
    from offa_desktop.ui import i18n

    i18n.install(qapp)  # as app.main does
    chosen = getattr(args, "data_dir", None)
    scratch = None if chosen else tempfile.TemporaryDirectory(prefix="offa-selfcheck-data-")
    try:
        folder = paths.data_dir(chosen or (scratch.name if scratch else None))
        if paths.working_copy_path(folder).exists():  # never log a demo account into real data
            raise FileExistsError(MSG_NOT_FRESH.replace("%1", str(folder)))
        setup_logging(folder)
    except OSError as exc:  # not a folder, not writable, not fresh: nothing else can run
        _emit({"ok": False, "version": __version__, "checks": {"data_dir": {
            "ok": False, "error": f"{type(exc).__name__}: {exc}"}}})
        return 1
    handler = crash.install(folder, interactive=False)
    check = SelfCheck(folder)
    try:
        if check.step("working_copy", check.working_copy):
            check.step("window", check.first_paint)
        check.step("pdf", check.pdf)
        check.step("scan", check.scan)
        check.step("keyring", check.keyring)
        if check.step("server", check.start_server) and check.context is not None:
            check.step("sync", check.sync)
    finally:
        check.close()
        if scratch is not None:
            root = logging.getLogger("offa")
            for handler_ in list(root.handlers):  # the log file lives in the scratch folder
                handler_.close()
                root.removeHandler(handler_)
            scratch.cleanup()
    if handler.reports:
        check.checks["uncaught"] = {"ok": False, "reports": [str(p) for p in handler.reports]}
    expected = {"working_copy", "window", "pdf", "scan", "keyring", "server", "sync"}
    ok = expected <= check.checks.keys() and all(c["ok"] for c in check.checks.values())
    summary = {
        "ok": ok,
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "python": sys.version.split()[0],
        "data_dir": str(folder),
        "seconds": round(time.perf_counter() - started, 3),
        "checks": check.checks,
    }
    _emit(summary)
    return 0 if ok else 1


def _emit(summary: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(summary, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
