"""Documents follow the fields the caller may read: every role x every kind of record.

A document attached to a record is read (GET, pull, history) and attached to (PUT) by whoever
reads that record's fields; a coach, who reads only a learner's names and operator, gets 404
for a learner's identity card scan. The expected table is API.md's, written out here by hand.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import insert, select

from sync.server import setup
from sync.server.db import make_engine
from sync.server.models import record_keys, records, scope_exits
from tests.server import factory as f
from tests.server.api import ApiClient
from tests.server.test_documents import PDF, put
from tests.server.test_matrix import WORKING, scene  # noqa: F401 (fixture)

Login = Callable[..., ApiClient]
ALL = frozenset(WORKING)
# user -> the kinds of record whose documents they read (API.md "Roles and scope", with the
# decision of issue 19: a coach reads a learner's names only, so none of its documents)
READS_DOCUMENTS: dict[str, frozenset[str]] = {
    "offa": ALL,
    "coach": ALL - {"incentive_claims", "learners", "learner_transfers"},
    "coach2": frozenset(),
    "sec": ALL,
    "sec2": frozenset({"companies", "establishment_units", "tutors", "approvals",
                       "stage_offers", "learner_transfers"}),  # fmt: skip
}


@pytest.fixture(scope="module")
def server(module_server: str) -> str:
    return module_server


def test_every_role_reads_the_documents_of_the_records_whose_fields_it_reads(
    login: Login,
    scene: dict[str, Any],  # noqa: F811
) -> None:
    offa: ApiClient = scene["offa"]
    docs = {}
    for kind in WORKING:
        doc = f.new_id()
        answer = put(offa, doc, PDF, f"{kind}/{scene['ids'][kind]}", name="carte-identite.pdf")
        assert answer.status_code == 201, answer.text
        docs[kind] = doc
    for user, expected in READS_DOCUMENTS.items():
        client = login(user)
        client.pull_all()
        for kind, doc in docs.items():
            readable = kind in expected
            got = client.http.get(f"/api/v1/documents/{doc}")
            assert got.status_code == (200 if readable else 404), (user, kind, got.text)
            if readable:
                assert got.content == PDF
            else:
                assert got.json()["error"]["code"] == "not_found"
            assert (client.get("documents", doc) is not None) == readable, (user, kind)
            history = client.http.get(f"/api/v1/records/documents/{doc}/history")
            assert history.status_code == (200 if readable else 404), (user, kind)
            # attaching follows reading: 201 where the fields are read, 403 elsewhere
            record = f"{kind}/{scene['ids'][kind]}"
            attached = put(client, f.new_id(), PDF, record, name="photo.pdf")
            assert attached.status_code == (201 if readable else 403), (user, kind, attached.text)


def test_a_coach_loses_a_learners_documents_when_the_rule_arrives(tmp_path: Path) -> None:
    """Migration 0003: documents of learners stored under the old rule (with the coaches'
    keys) get a new version and an out_of_scope exit for each coach key, nothing else."""
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = make_engine(url)
    setup.upgrade(engine)
    config = Config(str(setup.MIGRATIONS / "alembic.ini"))
    config.set_main_option("script_location", str(setup.MIGRATIONS))
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0002")
    learner_doc, company_doc = f.new_id(), f.new_id()
    with engine.begin() as conn:
        for version, doc, target in ((7, learner_doc, "learners"), (8, company_doc, "companies")):
            data = {"record": f"{target}/{f.new_id()}", "sha256": hashlib.sha256(PDF).hexdigest()}
            conn.execute(
                insert(records).values(
                    collection="documents",
                    id=doc,
                    version=version,
                    deleted=False,
                    data=orjson.dumps(data).decode(),
                    updated_at="2026-01-01T00:00:00.000000Z",
                    updated_by=None,
                )
            )
            for key in ("o:ifapme", "s:construction", "s:horeca"):
                conn.execute(
                    insert(record_keys).values(collection="documents", record_id=doc, key=key)
                )
        conn.exec_driver_sql("UPDATE version_counter SET value = 8")
    setup.upgrade(engine)
    with engine.connect() as conn:
        keys = {
            (r.record_id, r.key)
            for r in conn.execute(
                select(record_keys).where(record_keys.c.collection == "documents")
            )
        }
        versions = dict(conn.execute(select(records.c.id, records.c.version)).all())
        exits = {(r.record_id, r.key, r.version) for r in conn.execute(select(scope_exits))}
        top = conn.exec_driver_sql("SELECT value FROM version_counter").scalar_one()
    assert keys == {
        (learner_doc, "o:ifapme"),
        (company_doc, "o:ifapme"),
        (company_doc, "s:construction"),
        (company_doc, "s:horeca"),
    }
    assert versions == {learner_doc: 9, company_doc: 8} and top == 9
    assert exits == {(learner_doc, "s:construction", 9), (learner_doc, "s:horeca", 9)}
    engine.dispose()
