"""Smoke test of the built bundle: ``python -m tests.bundle_check dist/offa-desktop``.

Runs the bundled executable as a user would, from an empty folder, with a fresh HOME and data
folder and no Python environment to lean on, offscreen:

1. ``offa-desktop --self-check --data-dir DIR``: the app's own check (working copy migrated,
   main window painted, PDFs rendered in-process and in the printing pool, keyring backend,
   a reference server on loopback, login and one sync); its JSON must say ok, frozen, and the
   version of pyproject.toml;
2. ``offa-desktop print blank-visit --out FILE``: a headless command, JSON on stdout, a PDF;
3. the folder holds the resources and migrations and no test packages or WebEngine.

Prints one JSON line (size, timings, the self-check's checks) and exits 0 only if all passed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 300
REQUIRED = (
    "offa_desktop/bundled/fonts/DejaVuSans.ttf",
    "offa_desktop/bundled/icons/offa.svg",
    "offa_desktop/bundled/data/reference.json",
    "offa_desktop/bundled/translations/offa_fr_BE.qm",
    "PySide6/Qt/translations/qtbase_fr.qm",
    "offa_desktop/store/migrations/env.py",
    "sync/server/migrations/env.py",
)
FORBIDDEN = ("pytest", "_pytest", "hypothesis", "schemathesis", "pytestqt", "mypy", "tests",
             "psycopg_binary")
FORBIDDEN_PARTS = ("QtWebEngine", "Qt6WebEngine", "Qt6Quick", "Qt6Qml")


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def executable(bundle: Path) -> Path:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    name = str(project["name"])
    exe = bundle / (name + ("-cli.exe" if os.name == "nt" else ""))  # Windows: the console one
    if not exe.is_file():
        raise SystemExit(f"no executable {exe}: build the bundle first (make bundle)")
    return exe


def clean_env(home: Path) -> dict[str, str]:
    """The user's environment, minus anything pointing at the source tree or a venv."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("PYTHON", "VIRTUAL_ENV", "OFFA_", "XDG_"))}
    env.update(HOME=str(home), XDG_DATA_HOME=str(home / ".local/share"),
               XDG_CONFIG_HOME=str(home / ".config"), XDG_CACHE_HOME=str(home / ".cache"),
               QT_QPA_PLATFORM="offscreen")
    server = os.environ.get("OFFA_SELFCHECK_SERVER")
    if server:
        env["OFFA_SELFCHECK_SERVER"] = server
    return env


def run_json(args: list[str], env: dict[str, str], cwd: Path) -> tuple[int, dict[str, Any], str]:
    proc = subprocess.run(args, capture_output=True, text=True, env=env, cwd=cwd,
                          timeout=TIMEOUT_S)
    lines = proc.stdout.strip().splitlines()
    try:
        value = json.loads(lines[-1]) if lines else {}
    except ValueError:
        value = {"unparsed": proc.stdout[-2000:]}
    return proc.returncode, value, proc.stderr


def check_contents(bundle: Path) -> list[str]:
    internal = bundle / "_internal"
    base = internal if internal.is_dir() else bundle
    problems = [f"missing {rel}" for rel in REQUIRED if not (base / rel).exists()]
    for name in FORBIDDEN:
        if (base / name).exists():
            problems.append(f"test or unwanted package shipped: {name}")
    for path in base.rglob("*"):
        if any(part in path.name for part in FORBIDDEN_PARTS):
            problems.append(f"unwanted Qt module shipped: {path.relative_to(bundle)}")
    return problems


def main(argv: list[str]) -> int:
    bundle = Path(argv[0] if argv else ROOT / "dist" / "offa-desktop").resolve()
    exe = executable(bundle)
    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    expected_version = version["project"]["version"]
    problems = check_contents(bundle)
    report: dict[str, Any] = {"bundle": str(bundle), "bytes": folder_size(bundle)}
    report["size_mb"] = round(report["bytes"] / 1_000_000, 1)
    with tempfile.TemporaryDirectory(prefix="offa-bundle-check-") as tmp:
        work = Path(tmp)
        home = work / "home"
        home.mkdir()
        env = clean_env(home)
        started = time.perf_counter()
        code, result, stderr = run_json(
            [str(exe), "--self-check", "--data-dir", str(work / "data")], env, work)
        report["self_check_seconds"] = round(time.perf_counter() - started, 2)
        report["self_check"] = result
        if code != 0 or not result.get("ok"):
            problems.append(f"self-check failed (exit {code}): {stderr[-3000:]}")
        if not result.get("frozen"):
            problems.append("the self-check did not run frozen")
        if result.get("version") != expected_version:
            problems.append(f"version {result.get('version')!r}, expected {expected_version!r}")
        out = work / "blank-visit.pdf"
        code, printed, stderr = run_json(
            [str(exe), "--data-dir", str(work / "data2"), "print", "blank-visit", "--out",
             str(out)], env, work)
        report["print"] = printed
        if code != 0 or not printed.get("ok") or not _is_pdf(out):
            problems.append(f"print blank-visit failed (exit {code}): {stderr[-2000:]}")
    report["problems"] = problems
    report["ok"] = not problems
    sys.stdout.write(json.dumps(report, ensure_ascii=False) + "\n")
    checks = report["self_check"].get("checks", {})
    sys.stderr.write(
        f"bundle {bundle}: {report['size_mb']} MB; self-check {report['self_check_seconds']} s: "
        + ", ".join(f"{name} {'ok' if c.get('ok') else 'FAILED'}" for name, c in checks.items())
        + ("" if not problems else "\nPROBLEMS:\n" + "\n".join(problems)) + "\n"
    )
    return 0 if not problems else 1


def _is_pdf(path: Path) -> bool:
    return path.is_file() and path.read_bytes().startswith(b"%PDF")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
