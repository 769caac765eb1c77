"""Documents: PUT/GET with SHA-256, magic bytes, 20 MiB, RFC 8187 names, idempotence, scope."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import httpx

from tests.server import factory as f
from tests.server import world
from tests.server.api import ApiClient

Login = Callable[..., ApiClient]
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def put(
    client: ApiClient,
    doc_id: str,
    body: bytes,
    record: str,
    *,
    media: str = "application/pdf",
    sha: str | None = None,
    name: str | None = "UTF-8''contrat-sign%C3%A9.pdf",
) -> httpx.Response:
    headers = {
        "Content-Type": media,
        "X-Content-SHA256": sha or hashlib.sha256(body).hexdigest(),
        "X-Record": record,
    }
    if name is not None:
        headers["X-File-Name"] = name
    return client.http.put(f"/api/v1/documents/{doc_id}", content=body, headers=headers)


def test_upload_download_idempotent_and_in_the_feed(login: Login) -> None:
    offa, sec = login("offa"), login("sec")
    w = world.build(offa)
    doc = f.new_id()
    first = put(sec, doc, PDF, f"contracts/{w.contract}")
    assert first.status_code == 201, first.text
    assert first.json()["file_name"] == "contrat-signé.pdf"
    assert put(sec, doc, PDF, f"contracts/{w.contract}").status_code == 200  # same id + hash
    other = put(sec, doc, PDF + b"x", f"contracts/{w.contract}")
    assert other.status_code == 422 and other.json()["error"]["code"] == "invalid"
    got = sec.http.get(f"/api/v1/documents/{doc}")
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-type"] == "application/pdf"
    assert "filename*=UTF-8''contrat-sign%C3%A9.pdf" in got.headers["content-disposition"]
    sec.pull_all()
    meta = sec.get("documents", doc)
    assert meta is not None
    assert meta["sha256"] == hashlib.sha256(PDF).hexdigest() and meta["size"] == len(PDF)
    assert meta["record"] == f"contracts/{w.contract}"
    # scope: the horeca coach and another operator's secretariat see neither bytes nor record
    for name in ("coach2", "sec2"):
        outsider = login(name)
        assert outsider.http.get(f"/api/v1/documents/{doc}").status_code == 404
        outsider.pull_all()
        assert outsider.get("documents", doc) is None
    coach = login("coach")
    assert coach.http.get(f"/api/v1/documents/{doc}").status_code == 200


def test_document_checks(login: Login) -> None:
    offa = login("offa")
    cid = f.new_id()
    offa.create("companies", f.company(), cid)
    record = f"companies/{cid}"
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
    jpeg = b"\xff\xd8\xff\xe0" + b"\0" * 20
    assert put(offa, f.new_id(), png, record, media="image/png", name=None).status_code == 201
    assert (
        put(offa, f.new_id(), jpeg, record, media="image/jpeg", name="photo.jpg").status_code == 201
    )
    cases = [
        (put(offa, f.new_id(), PDF, record, sha="0" * 64), 422),  # hash does not match
        (put(offa, f.new_id(), png, record, media="application/pdf"), 422),  # magic bytes
        (put(offa, f.new_id(), b"GIF89a", record, media="image/gif"), 422),
        (put(offa, f.new_id(), PDF, record, sha="zz"), 400),
        (put(offa, f.new_id(), PDF, "companies"), 400),
        (put(offa, f.new_id(), PDF, f"galaxies/{cid}"), 400),
        (put(offa, f.new_id(), PDF, f"companies/{f.new_id()}"), 404),
        (put(offa, "pas-un-uuid", PDF, record), 400),
        (put(offa, f.new_id(), PDF, record, name="UTF-8''%FF%FE"), 422),
        # a header outside its documented form (control characters, a tab) is malformed
        (put(offa, f.new_id(), PDF, record, name="a\x01b"), 400),
        (put(offa, f.new_id(), PDF, record, name="contrat\t.pdf"), 400),
    ]
    for answer, status in cases:
        assert answer.status_code == status, answer.text
        assert set(answer.json()["error"]) == {"code", "message", "details"}
    big = PDF + b"\0" * (20 * 1024 * 1024)
    answer = put(offa, f.new_id(), big, record)
    assert answer.status_code == 413 and answer.json()["error"]["code"] == "too_large"
    assert offa.http.get(f"/api/v1/documents/{f.new_id()}").status_code == 404
    coach2 = login("coach2")
    assert put(coach2, f.new_id(), PDF, record).status_code == 403
