"""``offa-desktop --self-check`` from the source tree, in a subprocess, as the bundle runs it."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent.parent
EXPECTED = {"working_copy", "window", "pdf", "scan", "keyring", "server", "sync"}


def self_check(data_dir: Path, **env: str) -> tuple[int, dict[str, Any], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "offa_desktop", "--self-check", "--data-dir", str(data_dir)],
        capture_output=True, text=True, timeout=180, cwd=ROOT,
        env={**{k: v for k, v in os.environ.items() if k != "OFFA_PASSPHRASE"},
             "PYTHON_KEYRING_BACKEND": "keyrings.alt.file.PlaintextKeyring",
             "XDG_DATA_HOME": str(data_dir.parent / "xdg"), **env},
    )  # no OFFA_PASSPHRASE, as in a bundle check: the check's copy gets a throw-away one
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1, f"stdout must be one JSON line: {proc.stdout!r} {proc.stderr[-2000:]}"
    return proc.returncode, json.loads(lines[0]), proc.stderr


def test_self_check_passes_on_a_fresh_folder(tmp_path: Path) -> None:
    data = tmp_path / "data"
    code, result, stderr = self_check(data)
    assert code == 0 and result["ok"], json.dumps(result, indent=1) + stderr[-3000:]
    checks = result["checks"]
    assert EXPECTED <= checks.keys() and "uncaught" not in checks
    working_copy = Path(checks["working_copy"]["path"])
    assert working_copy.parent == data.resolve() and checks["working_copy"]["revision"]
    assert stat.S_IMODE(working_copy.stat().st_mode) == 0o600
    assert checks["working_copy"]["encrypted"] is True  # issue 16: SQLCipher in this build
    assert not working_copy.read_bytes().startswith(b"SQLite format 3")
    assert checks["keyring"]["secure"] is False  # keyrings.alt counts as no keyring
    assert checks["window"]["title"].startswith("OFFA")
    assert checks["window"]["qt_cancel"] == "Annuler"
    assert 0 < checks["window"]["paint_seconds"] < 60
    assert checks["pdf"]["pages"] >= 1
    assert Path(checks["pdf"]["pool_file"]).read_bytes().startswith(b"%PDF")
    assert checks["scan"]["qr"] == "offa:blank/contracts?doc=blank-contract&copy=apprenant"
    assert checks["keyring"]["backend"] == "keyrings.alt.file.PlaintextKeyring"
    assert {"SecretService", "Windows", "macOS"} <= set(checks["keyring"]["plugins"])
    assert checks["server"]["embedded"] and checks["server"]["url"].startswith("http://127.0.0.1:")
    assert checks["sync"]["contracts"] >= 1 and checks["sync"]["outcome"]["pulled"] > 0
    assert checks["sync"]["contract_pdf_pages"] >= 1
    assert not (data / "crash-reports").exists()


def test_self_check_fails_on_a_data_dir_that_is_a_file(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    code, result, _ = self_check(not_a_folder)
    assert code == 1 and result["ok"] is False
    assert result["checks"]["data_dir"]["ok"] is False


def test_self_check_refuses_a_folder_with_data(tmp_path: Path) -> None:
    """It logs a demo account in: never on a folder that already holds a working copy."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "working-copy.sqlite3").write_bytes(b"real data")
    code, result, _ = self_check(data)
    assert code == 1 and result["checks"]["data_dir"]["ok"] is False
    assert "contient déjà une copie de travail" in result["checks"]["data_dir"]["error"]
    assert (data / "working-copy.sqlite3").read_bytes() == b"real data"


@pytest.mark.slow
def test_self_check_fails_when_the_server_is_unreachable(tmp_path: Path) -> None:
    import socket

    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code, result, _ = self_check(tmp_path / "data", OFFA_SELFCHECK_SERVER=f"http://127.0.0.1:{port}")
    assert code == 1 and result["ok"] is False
    assert result["checks"]["window"]["ok"] and result["checks"]["sync"]["ok"] is False
