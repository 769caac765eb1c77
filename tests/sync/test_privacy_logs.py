"""Logs carry no NISS, IBAN, names or tokens (issue 16): a real workflow (login, sync against
the real server on loopback, edits, a refused logout naming the unsent edit, a print to a file
named after the learner, sync, logout) and then every log file of the client and the server's
log are searched for the NISS, IBANs, names and tokens it used."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from offa_desktop import logfile
from offa_desktop.domain.redaction import NISS_MARK, SECRET_MARK, name_words, redact
from offa_desktop.store.records import table
from sync.server.testing import run_cli
from tests.sync.harness import Device, Server


@pytest.fixture(scope="module")
def logged_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("privacy-server")
    srv = Server(f"sqlite:///{folder / 'server.sqlite3'}", log_path=folder / "server.log")
    done = run_cli(["seed-demo", "--database", srv.database_url, "--size", "12"])
    assert done.returncode == 0, done.stderr
    srv.user("priv-offa", role="offa")
    srv.start()
    try:
        yield srv
    finally:
        srv.stop()


def _spellings(niss: str, iban: str | None) -> list[str]:
    """The ways a NISS and an IBAN are written: compact and with their usual separators."""
    found = [niss, f"{niss[:2]}.{niss[2:4]}.{niss[4:6]}-{niss[6:9]}.{niss[9:]}"]
    if iban:
        found += [iban, " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))]
    return found


def _a_learner_with_everything(d: Device) -> tuple[str, dict[str, Any], str]:
    """A learner with an IBAN and a legal representative, and one of their contracts."""
    learners = table("learners")
    contracts = table("contracts")
    with d.session.wc.session() as s:
        rows = s.execute(
            select(learners, contracts.c.id.label("contract_id"))
            .join(contracts, contracts.c.learner_id == learners.c.id)
            .where(learners.c.iban.is_not(None), learners.c.deleted.is_(False))
        ).mappings().all()
    assert rows, "the demo data has learners with an IBAN and a contract"
    row = next((r for r in rows if r["representative"]), rows[0])
    return str(row["id"]), dict(row), str(row["contract_id"])


def test_a_days_work_leaves_no_niss_iban_name_or_token_in_any_log(
    logged_server: Server, tmp_path: Path
) -> None:
    d = Device(tmp_path / "device", "priv-offa", logged_server.url)
    d.login()
    assert d.run("sync").status == 0
    learner_id, learner, contract_id = _a_learner_with_everything(d)
    tokens = d.session.creds.load(logged_server.url, d.username)  # in the encrypted copy
    assert tokens is not None
    # A day's edits: the learner's phone, then a logout refused because it is unsent (the
    # refusal names the edit's record, that is the learner), a contract printed to a file
    # named after the learner as people do, the sync, a wrong password, the logout.
    d.edit(lambda uow: uow.update("learners", learner_id, {"phone": "0470 12 34 56"}))
    refused = d.run("logout")
    assert refused.status == 1 and refused.summary()["error"] == "unsent_changes"
    assert learner["last_name"] in refused.stdout  # the person reads it; the log does not
    out = tmp_path / f"Contrat {learner['last_name']} {learner['first_name']}.pdf"
    printed = d.run("print", "contract", "--id", contract_id, "--out", str(out))
    assert printed.status == 0, printed.stderr
    assert d.run("sync").summary()["applied"] == 1
    bad = d.run("login", "--server", logged_server.url, "--username", d.username,
                extra_env={"OFFA_PASSWORD": f"faux-{learner['niss']}"})  # fmt: skip
    assert bad.status == 1
    assert d.run("logout").status == 0

    secrets = [
        *_spellings(learner["niss"], learner["iban"]),
        learner["first_name"],
        learner["last_name"],
        tokens.access,
        tokens.refresh,
    ]
    if learner["representative"]:
        secrets += [learner["representative"]["name"], learner["representative"]["niss"]]
    logs = sorted(p for p in (d.folder / "logs").rglob("*") if p.is_file())
    assert logs and logged_server.log_path is not None
    client_text = "".join(p.read_text("utf-8") for p in logs)
    assert "printed contract" in client_text and "unsent_changes" in client_text
    for path in [*logs, logged_server.log_path]:
        blob = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in blob, f"{secret!r} in {path}"


def test_an_exception_logged_with_personal_data_is_written_redacted(tmp_path: Path) -> None:
    """What a traceback quotes (an error's text, a record's values) is redacted too."""
    root = logging.getLogger("offa")
    for handler in [h for h in root.handlers if getattr(h, "_offa_log", False)]:
        root.removeHandler(handler)  # an earlier test's, into another folder
        handler.close()
    log_file = logfile.setup_logging(tmp_path)
    logger = logging.getLogger("offa.test-privacy")
    try:
        raise ValueError(
            "record {'niss': '85073003328', 'iban': 'BE71 0961 2345 6769', "
            "'email': 'lea.dubois@exemple.be'} access_token=aB3dEfGhIjKlMnOpQrSt.Uv12345678"
        )
    except ValueError:
        logger.exception("saving %s failed: %s", "85.07.30-033.28",
                         "Bearer xYz123AbC456dEf789gHiJk")
    for handler in list(root.handlers):
        handler.flush()
        # setup_logging is once per process: leave none behind for the later tests (a forked
        # sync child would log into this test's folder instead of its own)
        if getattr(handler, "_offa_log", False):
            root.removeHandler(handler)
            handler.close()
    text = log_file.read_text("utf-8")
    assert "saving [NISS] failed" in text and "ValueError" in text
    for secret in ("85073003328", "85.07.30-033.28", "BE71 0961 2345 6769", "lea.dubois",
                   "aB3dEfGhIjKlMnOpQrSt", "xYz123AbC456dEf789gHiJk"):  # fmt: skip
        assert secret not in text, secret


def test_redact_keeps_what_a_developer_needs() -> None:
    """Ids, versions, dates, hashes and English words stay; names go by their words."""
    kept = (
        "op 0d0c2f1e-1234-4abc-8def-123456789012 version 1834 on 2026-12-06 09:15:00 "
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08 "
        "crash-20261206-175209-1234-123456.txt WorkingCopyGone"
    )
    assert redact(kept, name_words(["Léa", "Dubois"])) == kept
    names = name_words(["Jean-Pierre", "Van den Bossche", None])
    assert redact("learner JEAN-PIERRE van den Bossche", names) == (
        "learner [nom]-[nom] van den [nom]"
    )
    assert redact("NISS 85 07 30 033 28.") == f"NISS {NISS_MARK}."
    # a name's word inside an id is not that name: ids stay whole for the log's reader
    ids = name_words(["Fa", "Da", "Beef", "Cafe"])
    for text in ("record d02fa1da-f05a-4bcd-beef-0123456789ab", "hash 12fa34da56",
                 "id 0d0c2f1e-cafe-4abc-8def-123456789012"):  # fmt: skip
        assert redact(text, ids) == text, text
    assert redact("tuteur Beef, entreprise Cafe", ids) == "tuteur [nom], entreprise [nom]"


@settings(max_examples=300, deadline=None)
@given(st.uuids(), st.sampled_from(["record {}", "({}),", "tutors/{}: 3", "{}\n{}"]))
@example(uuid.UUID("0a1b2c3d-4e5f-4a7b-8c9d-a12345678901"), "id {}")  # 11 digits: not a NISS
@example(uuid.UUID("0a1b2c3d-4e5f-4a7b-8c12-345678901bcd"), "{}")  # across a hyphen
def test_an_id_is_never_taken_for_a_niss(id_: uuid.UUID, shape: str) -> None:
    """A record's id stays whole in the log (1 UUID in 140 holds 11 digits a NISS could be);
    a NISS beside it, a secret named as one and a token holding an id's shape still go."""
    text = shape.format(id_, id_)
    assert redact(text, name_words(["Dubois"])) == text
    assert redact(f"{id_} 85073003328") == f"{id_} {NISS_MARK}"
    assert redact(f"password={id_}") == f"password={SECRET_MARK}"
    token = f"aB3dEfGh{id_}Xy9"
    assert redact(f"jeton {token}") == f"jeton {SECRET_MARK}"


def test_names_are_read_off_the_logging_thread() -> None:
    """The first record waits for the first reading of the names; a reading again (after a
    sync) never holds a record back: the names known so far serve meanwhile."""
    import threading
    import time

    from offa_desktop.domain.redaction import NamesSource

    gate = threading.Event()
    calls: list[int] = []

    def loader() -> list[str]:
        calls.append(1)
        if len(calls) > 1:
            gate.wait(5)
            return ["Léa Dubois", "Marc Peeters"]
        return ["Léa Dubois"]

    names = NamesSource(loader, max_age=999, first_wait=5)
    assert "dubois" in names.words()
    names.forget()
    started = time.perf_counter()
    meanwhile = names.words()
    assert time.perf_counter() - started < 1 and "peeters" not in meanwhile
    gate.set()
    names.wait()
    assert {"dubois", "peeters", "léa", "marc"} <= names.words() and len(calls) == 2
