"""Schemathesis (``st run``) against the live server with every default check, logged in as a
client (``schemathesis.toml``: dynamic bearer auth, and the two things a schema cannot say).
Examples per operation are bounded so that the run stays under a minute."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from sync.server.embedded import EmbeddedServer
from tests.server.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
MAX_EXAMPLES = 30


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Iterator[str]:
    target = tmp_path_factory.mktemp("fuzz") / "server.sqlite3"
    shutil.copyfile(sqlite_template, target)
    server = EmbeddedServer(f"sqlite:///{target}")
    yield server.start()
    server.stop()


def test_schemathesis_default_checks_pass(live: str, tmp_path: Path) -> None:
    st = Path(sys.executable).with_name("st")
    done = subprocess.run(
        [
            str(st),
            "--config-file",
            str(ROOT / "schemathesis.toml"),
            "run",
            f"{live}/api/v1/openapi.json",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--no-color",
            "--report",
            "junit",
            "--report-dir",
            str(tmp_path),
        ],
        cwd=tmp_path,  # its example database and reports stay out of the tree
        env={**os.environ, "OFFA_FUZZ_USERNAME": "offa", "OFFA_FUZZ_PASSWORD": PASSWORD},
        capture_output=True,
        text=True,
        timeout=600,
    )
    output = done.stdout + done.stderr
    assert done.returncode == 0, output[-8000:]
    # every operation of the document was tested
    operations = sum(
        len(item) for item in httpx.get(live + "/api/v1/openapi.json").json()["paths"].values()
    )
    selected = re.search(r"Selected: (\d+)/(\d+)\s+Tested: (\d+)", output)
    assert selected and {int(n) for n in selected.groups()} == {operations}, output[-3000:]
