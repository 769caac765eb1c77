"""The ``offa-server`` command line, run as real subprocesses."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
from sqlalchemy import select

from sync.server.db import make_engine
from sync.server.models import records, users
from sync.server.testing import ServerProcess, run_cli


def test_init_create_user_and_serve(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.sqlite3'}"
    done = run_cli(["init", "--database", url])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["status"] == "ok"
    again = run_cli(["init", "--database", url])  # idempotent: nothing rewritten
    assert again.returncode == 0 and json.loads(again.stdout)["reference_records_written"] == 0
    made = run_cli(
        [
            "create-user",
            "--database",
            url,
            "--username",
            "marie",
            "--role",
            "coach",
            "--sector",
            "construction",
            "--sector",
            "horeca",
        ],
        env={"OFFA_PASSWORD": "premier-mdp"},
    )
    assert made.returncode == 0, made.stderr
    first = json.loads(made.stdout)
    assert first["created"] is True
    with ServerProcess(url, init=False) as server:
        token = httpx.post(
            server.base_url + "/api/v1/auth/token",
            json={"username": "marie", "password": "premier-mdp", "device_name": "d"},
        ).json()
        assert token["user"]["sectors"] == ["construction", "horeca"]
        bearer = {"Authorization": "Bearer " + token["access_token"]}
        cursor = httpx.get(server.base_url + "/api/v1/sync/pull", headers=bearer).json()["cursor"]
        # create-user while serve runs: updates the account, exit 0
        updated = run_cli(
            [
                "create-user",
                "--database",
                url,
                "--username",
                "marie",
                "--role",
                "coach",
                "--sector",
                "soins",
                "--password",
                "second-mdp",
            ]
        )
        assert updated.returncode == 0, updated.stderr
        assert json.loads(updated.stdout) == {"status": "ok", "id": first["id"], "created": False}
        old = httpx.post(
            server.base_url + "/api/v1/auth/token",
            json={"username": "marie", "password": "premier-mdp", "device_name": "d"},
        )
        assert old.status_code == 401
        page = httpx.get(
            server.base_url + "/api/v1/sync/pull", headers=bearer, params={"cursor": cursor}
        )
        assert page.status_code == 410  # her scope changed: re-pull from the start
    engine = make_engine(url)
    with engine.connect() as conn:
        row = conn.execute(select(users).where(users.c.username == "marie")).one()
        assert row.password_hash.startswith("$argon2")
        user_record = conn.execute(select(records).where(records.c.id == row.id)).one()
    assert json.loads(user_record.data)["sectors"] == ["soins"]
    sectors = {
        json.loads(r.data)["code"]
        for r in engine.connect().execute(select(records).where(records.c.collection == "sectors"))
    }
    assert {"construction", "horeca", "commerce", "automobile"} <= sectors


def test_reference_data_loaded_by_init(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'ref.sqlite3'}"
    assert run_cli(["init", "--database", url]).returncode == 0
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(select(records.c.collection, records.c.data)).all()
    by: dict[str, list[dict[str, object]]] = {}
    for collection, data in rows:
        by.setdefault(collection, []).append(json.loads(data))
    wages = sorted((w["valid_from"], w["rmmmg"]) for w in by["wage_references"])
    assert wages == [("2022-05-01", "1842.28"), ("2024-05-01", "2070.48")]
    assert {(p["level"], p["percent"]) for p in by["pay_rates"]} == {
        ("a", "17.00"),
        ("b", "24.00"),
        ("c", "32.00"),
    }
    assert {o["region"] for o in by["operators"]} == {"wal", "bxl"}
    sectors = {s["code"] for s in by["sectors"]}
    assert all(t["sector"] in sectors for t in by["trades"])
    for name in (
        "training_plans",
        "termination_reasons",
        "suspension_reasons",
        "checklist_templates",
        "incentive_kinds",
    ):
        assert by[name], name


def test_create_user_without_password_fails_cleanly(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    done = run_cli(
        ["create-user", "--database", url, "--username", "a", "--role", "offa"],
        env={"OFFA_PASSWORD": ""},
    )
    assert done.returncode == 2 and "Mot de passe" in done.stderr


def _login_ok(url: str, username: str, password: str) -> bool:
    from sync.server.auth import Auth

    engine = make_engine(url)
    try:
        Auth(engine).login(username, password, "d", "127.0.0.1")
        return True
    except Exception:  # noqa: BLE001 - 401 ApiError
        return False
    finally:
        engine.dispose()


def _in_terminal(args: list[str], answers: list[str]) -> tuple[int, str, str]:
    """Run ``offa-server ARGS`` in a pseudo-terminal, typing each answer once its prompt (a
    line ending with ':') has appeared; (exit code, what the terminal showed, the command line
    the process had)."""
    import os
    import pty
    import select
    import signal
    import sys
    import time

    from sync.server.testing import ROOT

    pid, fd = pty.fork()
    if pid == 0:  # pragma: no cover - the child
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "sync.server.cli", *args])
    shown, cmdline = b"", ""
    since = 0  # where the text after the last answer starts
    pending = list(answers)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 1.0)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
        if pending and shown[since:].rstrip().endswith(b":"):
            cmdline = Path(f"/proc/{pid}/cmdline").read_text().replace("\0", " ")
            os.write(fd, pending.pop(0).encode() + b"\n")
            since = len(shown)
    else:
        os.kill(pid, signal.SIGKILL)
    _pid, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace"), cmdline


def test_create_user_asks_for_the_password_in_a_terminal(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'tty.sqlite3'}"
    args = ["create-user", "--database", url, "--username", "lea", "--role", "offa"]
    code, shown, cmdline = _in_terminal(args, ["mot-de-passe-tape", "mot-de-passe-tape"])
    assert code == 0, shown
    assert "Mot de passe de lea" in shown and "Confirmez" in shown
    assert "mot-de-passe-tape" not in shown  # not echoed
    assert "mot-de-passe-tape" not in cmdline and "create-user" in cmdline
    assert _login_ok(url, "lea", "mot-de-passe-tape")
    # an existing account: Enter keeps its password
    code, shown, _ = _in_terminal(args + ["--display-name", "Léa"], [""])
    assert code == 0 and "garder l'actuel" in shown
    assert _login_ok(url, "lea", "mot-de-passe-tape")
    # typed twice differently: nothing changes
    code, shown, _ = _in_terminal(args, ["nouveau-secret-1", "nouveau-secret-2"])
    assert code == 2 and "pas identiques" in shown
    assert _login_ok(url, "lea", "mot-de-passe-tape")


def test_create_user_reads_the_password_from_stdin(tmp_path: Path) -> None:
    import subprocess
    import sys

    from sync.server.testing import ROOT

    url = f"sqlite:///{tmp_path / 'stdin.sqlite3'}"
    base = [sys.executable, "-m", "sync.server.cli", "create-user", "--database", url]
    done = subprocess.run(
        [*base, "--username", "tom", "--role", "offa", "--password-stdin"],
        input="secret-par-stdin\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["created"] is True
    assert _login_ok(url, "tom", "secret-par-stdin")
    short = subprocess.run(
        [*base, "--username", "tim", "--role", "offa", "--password-stdin"],
        input="court\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert short.returncode == 2 and "au moins 8 caractères" in short.stderr
    # the old --password still works, with a warning
    old = run_cli([*base[3:], "--username", "tam", "--role", "offa", "--password", "ancien-mdp-1"])
    assert old.returncode == 0 and "visible dans la liste des processus" in old.stderr
    assert _login_ok(url, "tam", "ancien-mdp-1")
