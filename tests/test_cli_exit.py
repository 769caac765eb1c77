"""``offa-desktop``'s quick exit (``cli.console``): a headless command that succeeded ends
without the interpreter's teardown, its output whole and its exit handlers run; a failure (and
the window) ends as Python does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

# The command run as its console script runs it, with an exit handler and a module-level object
# whose finaliser only the interpreter's teardown calls, each leaving a mark.
CHILD = """
import atexit, sys
from pathlib import Path
marks = Path(sys.argv.pop(1))
atexit.register(lambda: (marks / "atexit").write_text("ran"))
class Torn:
    def __del__(self):
        (marks / "teardown").write_text("ran")
kept = Torn()
from offa_desktop.cli import console
console()
"""


def _run(tmp_path: Path, *argv: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    marks = tmp_path / "marks"
    marks.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(marks), "--data-dir", str(tmp_path / "d"), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done, {p.name for p in marks.iterdir()}


def test_a_headless_command_that_succeeded_exits_at_once_output_whole(tmp_path: Path) -> None:
    out = tmp_path / "visite.pdf"
    done, marks = _run(tmp_path, "print", "blank-visit", "--out", str(out))
    assert done.returncode == 0, done.stderr[-2000:]
    answer = json.loads(done.stdout)  # flushed whole before the process ended
    assert answer["ok"] and answer["pages"] == 2 and out.stat().st_size == answer["bytes"]
    assert marks == {"atexit"}  # exit handlers ran; the teardown did not


def test_a_failed_command_exits_as_python_does(tmp_path: Path) -> None:
    done, marks = _run(tmp_path, "radar")
    assert done.returncode == 1
    assert json.loads(done.stdout)["error"] == "no_working_copy"
    assert marks == {"atexit", "teardown"}
