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
