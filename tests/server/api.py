"""A small test client of API v1 over real HTTP (httpx), keeping a puller's replica."""

from __future__ import annotations

import uuid
from typing import Any

import httpx


class ApiClient:
    """One logged-in user of a live server; ``replica`` is what its pulls built."""

    def __init__(self, base_url: str, username: str, password: str, device: str = "test") -> None:
        self.http = httpx.Client(base_url=base_url, timeout=60)
        self.device = device
        answer = self.http.post(
            "/api/v1/auth/token",
            json={"username": username, "password": password, "device_name": device},
        )
        assert answer.status_code == 200, answer.text
        self.tokens = answer.json()
        self.http.headers["Authorization"] = "Bearer " + self.tokens["access_token"]
        self.user = self.tokens["user"]
        self.cursor: str | None = None
        self.replica: dict[tuple[str, str], tuple[int, dict[str, Any]]] = {}

    def close(self) -> None:
        self.http.close()

    def push(self, ops: list[dict[str, Any]], device: str | None = None) -> list[dict[str, Any]]:
        answer = self.http.post(
            "/api/v1/sync/push", json={"device_id": device or self.device, "ops": ops}
        )
        assert answer.status_code == 200, answer.text
        results: list[dict[str, Any]] = answer.json()["results"]
        return results

    def create(
        self, collection: str, data: dict[str, Any], record_id: str | None = None
    ) -> dict[str, Any]:
        return self.push([op(collection, record_id or str(uuid.uuid4()), "create", None, data)])[0]

    def update(
        self, collection: str, record_id: str, base: int, fields: dict[str, Any]
    ) -> dict[str, Any]:
        return self.push([op(collection, record_id, "update", base, fields)])[0]

    def pull_page(self, limit: int = 1000, checksum: bool = False) -> dict[str, Any]:
        params: dict[str, Any] = {"limit": limit}
        if self.cursor:
            params["cursor"] = self.cursor
        if checksum:
            params["checksum"] = 1
        answer = self.http.get("/api/v1/sync/pull", params=params)
        assert answer.status_code == 200, answer.text
        page: dict[str, Any] = answer.json()
        for change in page["changes"]:
            key = (change["collection"], change["id"])
            if change["deleted"]:
                self.replica.pop(key, None)
            else:
                self.replica[key] = (change["version"], change["data"])
        self.cursor = page["cursor"]
        return page

    def pull_all(self, limit: int = 1000, checksum: bool = False) -> dict[str, Any]:
        while True:
            page = self.pull_page(limit, checksum)
            if not page["has_more"]:
                return page

    def get(self, collection: str, record_id: str) -> dict[str, Any] | None:
        found = self.replica.get((collection, record_id))
        return None if found is None else found[1]


def op(
    collection: str,
    record_id: str,
    kind: str,
    base: int | None,
    fields: dict[str, Any] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    return {
        "op_id": str(uuid.uuid4()),
        "collection": collection,
        "id": record_id,
        "kind": kind,
        "base_version": base,
        "fields": fields or {},
        **extra,
    }
