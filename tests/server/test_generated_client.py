"""A client generated from ``/api/v1/openapi.json`` by openapi-python-client, with its default
settings, in a temporary folder: it logs in, pulls a whole collection page by page, uploads a
document and downloads it again. Nothing of the project's own client is used."""

from __future__ import annotations

import hashlib
import importlib
import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.server import factory as f
from tests.server.api import ApiClient, op
from tests.server.conftest import PASSWORD
from tests.server.test_documents import PDF

Login = Callable[..., ApiClient]
COMPANIES = 23


@pytest.fixture
def generated(server: str, tmp_path: Path) -> Iterator[Any]:
    """The generated package, imported from the temporary folder."""
    spec = tmp_path / "openapi.json"
    spec.write_bytes(httpx.get(server + "/api/v1/openapi.json").content)
    name = f"opla_client_{uuid.uuid4().hex[:8]}"
    tools = Path(sys.executable).parent
    done = subprocess.run(
        [
            str(tools / "openapi-python-client"),
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(tmp_path / name),
            "--meta",
            "none",
        ],
        env={**os.environ, "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"},
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    sys.path.insert(0, str(tmp_path))
    try:
        yield importlib.import_module(name)
    finally:
        sys.path.remove(str(tmp_path))
        for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
            del sys.modules[module]


def test_generated_client_logs_in_pulls_and_moves_a_document(
    server: str, login: Login, generated: Any
) -> None:
    seeder = login("offa")
    ids = [f.new_id() for _ in range(COMPANIES)]
    results = seeder.push([op("companies", i, "create", None, f.company()) for i in ids])
    assert {r["status"] for r in results} == {"applied"}

    def part(path: str) -> Any:
        return importlib.import_module(f"{generated.__name__}.{path}")

    login_op, pull_op = part("api.auth.login"), part("api.sync.pull")
    put_op, get_op = part("api.documents.put_document"), part("api.documents.get_document")
    models, types = part("models"), part("types")

    # login -> an authenticated client (the bearer security scheme)
    pair = login_op.sync(
        client=generated.Client(base_url=server),
        body=models.TokenRequest(username="offa", password=PASSWORD, device_name="généré"),
    )
    assert isinstance(pair, models.TokenPair), pair
    assert pair.user.role == models.UserInfoRole.OFFA
    client = generated.AuthenticatedClient(base_url=server, token=pair.access_token)
    refused = login_op.sync(
        client=generated.Client(base_url=server),
        body=models.TokenRequest(username="offa", password="faux", device_name="généré"),
    )
    assert isinstance(refused, models.ErrorBody) and refused.error.code == "invalid_credentials"

    # a full pull, in small pages: every company, each once
    companies: dict[str, int] = {}
    cursor: Any = types.UNSET
    pages = 0
    while True:
        page = pull_op.sync(client=client, cursor=cursor, limit=7)
        assert isinstance(page, models.PullPage), page
        pages += 1
        for change in page.changes:
            if change.collection == "companies":
                assert change.id not in companies
                companies[change.id] = change.version
        cursor = page.cursor
        if not page.has_more:
            break
    assert set(ids) <= set(companies) and pages > COMPANIES // 7
    forged = pull_op.sync(client=client, cursor=cursor[:-1] + ("1" if cursor[-1] == "0" else "0"))
    assert isinstance(forged, models.ErrorBody) and forged.error.code == "malformed"

    # upload, then download the same bytes
    doc = str(uuid.uuid4())
    stored = put_op.sync(
        doc,
        client=client,
        body=types.File(payload=BytesIO(PDF), file_name="contrat.pdf"),
        x_content_sha256=hashlib.sha256(PDF).hexdigest(),
        x_record=f"companies/{ids[0]}",
        x_file_name="UTF-8''contrat-sign%C3%A9.pdf",
    )
    assert isinstance(stored, models.DocumentStored), stored
    assert stored.media_type == "application/pdf" and stored.size == len(PDF)
    assert stored.file_name == "contrat-signé.pdf"
    got = get_op.sync(doc, client=client)
    assert isinstance(got, types.File) and got.payload.read() == PDF
    missing = get_op.sync(str(uuid.uuid4()), client=client)
    assert isinstance(missing, models.ErrorBody) and missing.error.code == "not_found"
