"""`make run` on a fresh machine (issue 15 #9): the Qt runtime libraries installed with apt-get
when this user can, else the exact command printed; what is being done said in a few lines.

tools/qt_runtime.sh runs for real, with fake ``dpkg``, ``apt-get``, ``sudo`` and ``id`` first on
its PATH (the machine's own packages are never touched)."""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "tools" / "qt_runtime.sh"


def _tool(folder: Path, name: str, body: str) -> None:
    path = folder / name
    path.write_text("#!/bin/bash\n" + body + "\n")
    path.chmod(0o755)


def _run(tmp_path: Path, *, installed: set[str], uid: int, sudo: bool,
         display: bool = True) -> tuple[int, str, list[str]]:
    fake = tmp_path / "bin"
    fake.mkdir(exist_ok=True)
    calls = tmp_path / "apt-calls"
    listed = " ".join(sorted(installed))
    _tool(fake, "dpkg", f'for p in {listed}; do [ "$2" = "$p" ] && exit 0; done; exit 1')
    _tool(fake, "apt-get", f'echo "$@" >> {calls}')
    _tool(fake, "id", f"echo {uid}")
    if sudo:
        _tool(fake, "sudo", '[ "$1" = "-n" ] && shift; "$@"')
    else:
        _tool(fake, "sudo", "exit 1")  # a password would be asked: -n fails
    env = {"PATH": f"{fake}:/usr/bin:/bin", "HOME": str(tmp_path)}
    if display:
        env["DISPLAY"] = ":0"
    done = subprocess.run(["bash", str(SCRIPT)], env=env, capture_output=True, text=True,
                          timeout=60)
    made = calls.read_text().splitlines() if calls.exists() else []
    return done.returncode, done.stdout + done.stderr, made


def _packages() -> list[str]:
    text = SCRIPT.read_text()
    block = re.search(r"QT_PACKAGES=\((.*?)\)", text, re.S)
    assert block is not None
    return block.group(1).split()


def test_nothing_to_do_when_everything_is_there(tmp_path: Path) -> None:
    code, out, calls = _run(tmp_path, installed=set(_packages()), uid=1000, sudo=False)
    assert (code, out, calls) == (0, "", [])


def test_missing_libraries_without_rights_print_the_exact_command(tmp_path: Path) -> None:
    present = set(_packages()) - {"libxcb-cursor0", "libxcb-icccm4"}
    code, out, calls = _run(tmp_path, installed=present, uid=1000, sudo=False)
    assert code == 1 and calls == []
    assert "sudo apt-get install -y libxcb-icccm4 libxcb-cursor0" in out
    assert "Il manque des bibliothèques Qt" in out


def test_missing_libraries_installed_when_it_can(tmp_path: Path) -> None:
    present = set(_packages()) - {"libxcb-cursor0"}
    for uid, sudo in ((0, False), (1000, True)):  # root, or sudo without a password
        (tmp_path / str(uid)).mkdir()
        code, out, calls = _run(tmp_path / str(uid), installed=present, uid=uid, sudo=sudo)
        assert code == 0, out
        assert calls == ["update -qq", "install -y -qq libxcb-cursor0"], calls
        assert "Bibliothèques Qt installées." in out and len(out.splitlines()) == 3


def test_no_screen_is_said(tmp_path: Path) -> None:
    code, out, _calls = _run(tmp_path, installed=set(_packages()), uid=0, sudo=False,
                             display=False)
    assert code == 1 and "Aucun écran graphique" in out


def test_the_lists_agree_and_pip_talks_to_a_log() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    block = re.search(r"SYSTEM_PACKAGES=\((.*?)\)", ci, re.S)
    assert block is not None
    assert set(_packages()) <= set(block.group(1).split())
    makefile = (ROOT / "Makefile").read_text()
    assert "> $(VENV)/install.log 2>&1" in makefile and "bash tools/qt_runtime.sh" in makefile
    assert os.access(SCRIPT, os.X_OK)
