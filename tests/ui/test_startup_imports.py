"""Start-up stays light: heavy modules load at first use, not before the window paints."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
PROBE = """
import json, sys
from offa_desktop import cli
code = cli.main(["--data-dir", sys.argv[1]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


@pytest.fixture(scope="module")
def loaded_at_first_paint(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    folder = tmp_path_factory.mktemp("startup")
    for _ in range(2):  # the first start creates the working copy; the second is measured
        proc = _probe(folder)
    lines = proc.stdout.splitlines()
    assert lines and lines[0].startswith("painted"), proc.stdout + proc.stderr[-2000:]
    result = json.loads(lines[-1])
    assert result["code"] == 0
    at_paint = set((folder / "modules.txt").read_text(encoding="utf-8").split())
    assert at_paint < set(result["modules"])  # what loaded after the paint is not in it
    return at_paint


def _probe(folder: Path) -> subprocess.CompletedProcess[str]:
    # "home": the app goes on until "À faire" painted its lines, after which the store, the
    # session and the backups load (what the first paint must not have loaded)
    env = {**os.environ, "OFFA_STARTUP_PROBE": "home", "QT_QPA_PLATFORM": "offscreen",
           "OFFA_STARTUP_PROBE_MODULES": str(folder / "modules.txt")}
    return subprocess.run(
        [sys.executable, "-c", PROBE, str(folder)], capture_output=True, text=True, timeout=120,
        cwd=ROOT, env=env,
    )


def _loaded(modules: set[str], roots: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if m in roots or m.startswith(tuple(r + "." for r in roots)))


def test_printing_server_and_demo_modules_wait_for_first_use(
    loaded_at_first_paint: set[str],
) -> None:
    assert "PySide6.QtWidgets" in loaded_at_first_paint  # the probe did see the app's modules
    assert _loaded(loaded_at_first_paint, (
        "reportlab", "segno", "PySide6.QtPdf", "PySide6.QtPdfWidgets", "PySide6.QtPrintSupport",
        "uvicorn", "fastapi", "faker", "sync.server", "offa_desktop.printing",
    )) == []


def test_migrations_wait_for_a_schema_change(loaded_at_first_paint: set[str]) -> None:
    # A working copy already at the newest schema opens without Alembic (store/db.py).
    assert _loaded(loaded_at_first_paint, ("alembic",)) == []


def test_sqlalchemy_requests_and_keyring_wait_for_the_first_paint(
    loaded_at_first_paint: set[str],
) -> None:
    # The first list is read through store/first_look.py (sqlite3); the store, the sync session
    # (requests) and the credentials (keyring) load on workers after the first paint.
    assert "offa_desktop.store.first_look" in loaded_at_first_paint
    assert _loaded(loaded_at_first_paint, ("sqlalchemy", "requests", "keyring", "urllib3")) == []


def test_radar_rules_identifier_checks_and_dialogs_wait_for_first_use(
    loaded_at_first_paint: set[str],
) -> None:
    # "À faire" paints first, its radar computed on a worker after the paint (ops/radar.py
    # imports the rules in ``compute``); python-stdnum only when an identifier is checked; the
    # menus' dialogs and the spreadsheets' writers when their menu item is chosen.
    assert "offa_desktop.ui.home" in loaded_at_first_paint  # the home screen did paint
    assert _loaded(loaded_at_first_paint, (
        "stdnum", "xlsxwriter", "openpyxl", "offa_desktop.domain.identifiers",
        "offa_desktop.domain.schema", "offa_desktop.domain.problems",
        "offa_desktop.domain.deadlines", "offa_desktop.domain.forecast",
        "offa_desktop.domain.rules", "offa_desktop.store.radar_rows",
        "offa_desktop.store.radar_lines",
        "offa_desktop.ops.export", "offa_desktop.ui.export_dialog", "offa_desktop.ui.import_dialog",
        "offa_desktop.ui.import_tables", "offa_desktop.ui.duplicates_dialog",
        "offa_desktop.ui.help_dialog", "offa_desktop.ui.print_actions",
        "offa_desktop.ui.print_preview", "offa_desktop.ui.batch_print",
    )) == []
