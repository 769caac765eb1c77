"""DESIGN.md layers: only ui/ and app.py load Qt, and every import rule (import-linter)."""

from __future__ import annotations

import os
import pkgutil
import shutil
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


def _lint_imports(root: Path) -> subprocess.CompletedProcess[str]:
    """``lint-imports`` (pyproject.toml's contracts) on the packages under ``root``."""
    env = {**os.environ, "PYTHONPATH": str(root)}
    return subprocess.run(
        [str(Path(sys.executable).with_name("lint-imports")), "--no-cache"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_every_layer_rule_of_design_md_holds() -> None:
    """pyproject.toml's import-linter contracts: layers, siblings, domain, demo, server, Qt,
    SQL, no circles (``make lint`` runs the same)."""
    run = _lint_imports(ROOT)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "0 broken" in run.stdout and " kept" in run.stdout


def test_the_layer_contracts_catch_a_violation(tmp_path: Path) -> None:
    """The same contracts on a copy of the code where the domain reads the store, ops runs SQL
    and the store imports sync: each is reported."""
    for package in ("offa_desktop", "sync"):
        shutil.copytree(
            ROOT / package,
            tmp_path / package,
            ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "migrations", "bundled"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "offa_desktop/domain/leak.py").write_text(
        "from offa_desktop.store import queries\n"
    )
    (tmp_path / "offa_desktop/ops/leak.py").write_text("import sqlalchemy\n")
    (tmp_path / "offa_desktop/store/leak.py").write_text("from sync import ports\n")
    run = _lint_imports(tmp_path)
    assert run.returncode == 1
    out = run.stdout
    assert "offa_desktop.domain.leak -> offa_desktop.store.queries" in out
    assert "offa_desktop.ops.leak -> sqlalchemy" in out
    assert "offa_desktop.store.leak -> sync.ports" in out
