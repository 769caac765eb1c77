"""DESIGN.md layers: nothing but offa_desktop/ui/ and app.py may load Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import offa_desktop
import sync

ROOT = Path(__file__).resolve().parent.parent


def _modules() -> list[str]:
    names = []
    for package in (offa_desktop, sync):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if info.name.startswith(("offa_desktop.ui", "offa_desktop.app")):
                continue
            if ".migrations" in info.name or info.name.endswith("__main__"):
                continue
            names.append(info.name)
    return names


def test_no_qt_outside_ui() -> None:
    modules = _modules()
    assert "offa_desktop.domain.schema" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "", f"PySide6 loaded by a non-UI module: {out}"


def test_headless_cli_does_not_load_qt() -> None:
    code = (
        "import sys\n"
        "from offa_desktop import cli\n"
        "cli.build_parser().parse_args(['dump'])\n"
        "print(any(m.startswith('PySide6') for m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert out == "False"
