"""The headless commands: JSON only on standard output (summary last), exit codes, keyring
choices, tokens never written to the database or the log, dump and import formats."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import uuid
from pathlib import Path

from tests.sync.data import company
from tests.sync.harness import PASSWORD, ROOT, Device, ForkResult, Server

SUMMARY_KEYS = {
    "ok",
    "pushed",
    "applied",
    "conflicts",
    "rejected",
    "forbidden",
    "pulled",
    "resynced",
    "repaired",
}


def _json_lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines()]  # fails on anything but JSON


def _new(server: Server, root: Path) -> Device:
    username = f"cmd-{uuid.uuid4().hex[:6]}"
    server.user(username)
    return Device(root / username, username, server.url)


def test_login_sync_logout_and_their_exit_codes(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    d = _new(server, tmp_path)
    done = d.run("sync")
    assert done.status == 1 and done.summary()["error"] == "login_required"
    bad = d.run("login", "--server", server.url, "--username", d.username,
                extra_env={"OFFA_PASSWORD": "faux"})  # fmt: skip
    assert bad.status == 1 and bad.summary()["ok"] is False
    d.login()
    done = d.run("sync")
    assert done.status == 0, done.stderr
    lines = _json_lines(done.stdout)
    assert len(lines) == 1 and set(lines[0]) == SUMMARY_KEYS and lines[0]["pulled"] > 0
    d.edit(lambda u: u.create("companies", company(rng)))
    refused = d.run("logout")
    assert refused.status == 1 and refused.summary()["error"] == "unsent_changes"
    assert d.run("sync").summary()["applied"] == 1
    assert d.run("logout").status == 0
    # No token any more: with OFFA_PASSWORD set, the command logs in again by itself.
    assert d.run("sync").status == 0
    logs = (d.folder / "logs" / "offa-desktop.log").read_text("utf-8")
    assert "offa." in logs  # the log file is written; standard output held only JSON


def test_sync_without_password_says_login_required(server: Server, tmp_path: Path) -> None:
    d = _new(server, tmp_path)
    d.login()
    assert d.run("logout").status == 0
    done = _NoPassword(d.folder, d.username, d.server_url).run("sync")
    assert done.status == 1
    summary = done.summary()
    assert summary["ok"] is False and summary["error"] == "login_required"
    assert "connectez" in str(summary["message"]).lower()


class _NoPassword(Device):
    """A device whose commands run with no OFFA_PASSWORD (and no terminal to prompt)."""

    @property
    def env(self) -> dict[str, str]:
        env = dict(super().env)
        env.pop("OFFA_PASSWORD")
        return env

    def run(self, *argv: str, **kw: object) -> ForkResult:  # type: ignore[override]
        saved = os.environ.pop("OFFA_PASSWORD", None)
        try:
            return super().run(*argv, **kw)  # type: ignore[arg-type]
        finally:
            if saved is not None:
                os.environ["OFFA_PASSWORD"] = saved


def test_tokens_never_in_database_or_log(server: Server, tmp_path: Path) -> None:
    d = _new(server, tmp_path)
    d.login()
    assert d.run("sync").status == 0
    # no secure keyring (keyrings.alt counts as none): the pair is in the encrypted copy
    tokens = d.session.creds.load(server.url, d.username)
    assert tokens is not None
    d.close()
    for path in d.folder.rglob("*"):
        if path.is_file():  # the keyring's file included: nothing was written there
            blob = path.read_bytes()
            assert tokens.access.encode() not in blob, path
            assert tokens.refresh.encode() not in blob, path


def test_insecure_keyring_is_never_used_and_a_login_lasts(
    server: Server, tmp_path: Path
) -> None:
    """keyrings.alt's plaintext file counts as no keyring, chosen explicitly or not: the tokens
    go into the encrypted copy, so the next process is still logged in (issue 16)."""
    d = _Implicit(tmp_path / "implicit", "x", server.url)
    server.user(d.username + "-i")
    d.username = d.username + "-i"
    done = d.run("login", "--server", server.url, "--username", d.username,
                 extra_env={"OFFA_PASSWORD": PASSWORD})  # fmt: skip
    assert done.status == 0, done.stderr
    assert "notice" not in done.summary()
    assert not (d.folder / "xdg" / "python_keyring").exists()  # nothing written in plain text
    # The next process has the tokens (no OFFA_PASSWORD: it could not log in again).
    again = d.run("sync")
    assert again.status == 0, again.stdout + again.stderr
    # Chosen explicitly (PYTHON_KEYRING_BACKEND): the same, the plaintext file stays unused.
    e = _new(server, tmp_path)
    done = e.run("login", "--server", server.url, "--username", e.username)
    assert done.status == 0 and "notice" not in done.summary()
    assert not (e.folder / "xdg" / "python_keyring").exists()
    assert e.run("sync", extra_env={"OFFA_PASSWORD": "faux"}).status == 0


class _Implicit(Device):
    """No PYTHON_KEYRING_BACKEND: the machine's default (keyrings.alt plaintext, insecure), and
    no OFFA_PASSWORD."""

    @property
    def env(self) -> dict[str, str]:
        env = dict(super().env)
        env.pop("PYTHON_KEYRING_BACKEND")
        env.pop("OFFA_PASSWORD")
        return env

    def run(self, *argv: str, **kw: object) -> ForkResult:  # type: ignore[override]
        saved = {k: os.environ.pop(k, None) for k in ("PYTHON_KEYRING_BACKEND", "OFFA_PASSWORD")}
        try:
            return super().run(*argv, **kw)  # type: ignore[arg-type]
        finally:
            for key, value in saved.items():
                if value is not None:
                    os.environ[key] = value


def test_dump_lines(server: Server, tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    d = _new(server, tmp_path)
    d.login()
    d.sync_until_done()
    cid = d.edit(lambda u: u.create("companies", company(rng)))
    done = d.run("dump")
    assert done.status == 0
    lines = _json_lines(done.stdout)
    records = [x for x in lines if "type" not in x and "ok" not in x]
    ops = [x for x in lines if x.get("type") == "op"]
    assert lines[-1] == {"ok": True, "records": len(records), "ops": 1, "conflicts": 0}
    assert all(set(r) == {"collection", "id", "version", "deleted", "data"} for r in records)
    mine = next(r for r in records if r["id"] == cid)
    assert mine["version"] is None and mine["data"]["name"].startswith("Entreprise")
    assert [op["id"] for op in ops] == [cid] and "version" not in ops[0]
    assert lines.index(ops[0]) > max(lines.index(r) for r in records)


def test_import_keep_valid_takes_good_lines_and_names_refused_ones(
    server: Server, tmp_path: Path, seed: int
) -> None:
    rng = random.Random(seed)
    d = _new(server, tmp_path)
    d.login()
    d.sync_until_done()
    known = d.edit(lambda u: u.create("companies", company(rng)))
    new_id = str(uuid.uuid4())
    bad = company(rng) | {"enterprise_number": "0123456789"}
    lines = [
        {"collection": "companies", "id": new_id, "data": company(rng)},
        {"collection": "companies", "id": known, "data": {"name": "Renommée"}},
        {"collection": "companies", "data": bad},
        "not json",
        {"collection": "sectors", "data": {"code": "x", "name": "y"}},
    ]
    source = tmp_path / "import.jsonl"
    source.write_text("\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines), "utf-8")
    done = d.run("import", str(source), "--keep-valid")  # all or nothing unless asked
    assert done.status == 2, done.stderr
    assert done.summary() == {"ok": False, "created": 1, "updated": 1, "unchanged": 0,
                              "refused": 3, "written": True}  # fmt: skip
    refused = [ln for ln in done.stderr.splitlines() if ln.startswith("ligne ")]
    assert [ln.split()[1].rstrip(",") for ln in refused] == ["3", "4", "5"]
    assert "numéro d'entreprise" in refused[0].lower()
    records, ops, _ = d.dump()
    assert records[("companies", known)]["data"]["name"] == "Renommée"
    assert ("companies", new_id) in records and len(ops) == 3
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"collection": "companies", "data": company(rng)}) + "\n", "utf-8")
    assert d.run("import", str(good)).status == 0
    assert d.run("import", str(tmp_path / "missing.jsonl")).status == 1
    summary = d.run("sync").summary()
    assert summary["applied"] == 4 and summary["rejected"] == 0


SYNC_PROBE = """
import json, sys
from offa_desktop import cli
code = cli.main(["--data-dir", sys.argv[1], "sync"])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_headless_sync_never_loads_the_record_rules(server: Server, tmp_path: Path) -> None:
    """``offa-desktop sync`` writes the server's records, never a person's edit: the record
    rules (half of the domain's import, 18 modules) wait for an edit (store.uow, domain.stamps,
    ops.sync.conflicts import them where used)."""
    d = _new(server, tmp_path)
    d.login()
    d.sync_until_done()
    d.edit(lambda u: u.create("companies", company(random.Random(3))))  # validated here
    done = subprocess.run(
        [sys.executable, "-c", SYNC_PROBE, str(d.folder)], capture_output=True, text=True,
        cwd=ROOT, env={**os.environ, **d.env}, timeout=120,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert json.loads(lines[0])["applied"] == 1, done.stdout
    modules = set(json.loads(lines[-1])["modules"])
    assert {"offa_desktop.store.uow", "offa_desktop.store.replica", "sync.engine"} <= modules
    assert not {m for m in modules if m.startswith("offa_desktop.domain.") and "rules" in m}
    assert "offa_desktop.domain.validation" not in modules
