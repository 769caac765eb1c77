"""SQLite under concurrent writers and readers: no busy errors, every puller converges."""

from __future__ import annotations

import threading
from collections.abc import Callable

from tests.server import factory as f
from tests.server.api import ApiClient, op

Login = Callable[..., ApiClient]


def test_concurrent_pushes_logins_and_pulls_on_sqlite(login: Login) -> None:
    pushers = [login("offa", f"p{n}") for n in range(6)]
    pullers = [login("offa", f"r{n}") for n in range(4)] + [login("coach", "rc")]
    errors: list[str] = []
    done = threading.Event()

    def push(client: ApiClient) -> None:
        try:
            for _ in range(6):
                rid = f.new_id()
                created = client.push([op("companies", rid, "create", None, f.company())])[0]
                updated = client.update("companies", rid, created["version"], {"name": "Maj"})
                if updated["status"] != "applied":
                    errors.append(str(updated))
                refreshed = client.http.post(
                    "/api/v1/auth/refresh", json={"refresh_token": client.tokens["refresh_token"]}
                )
                if refreshed.status_code != 200:
                    errors.append(refreshed.text)
                else:
                    client.tokens = refreshed.json()
                    client.http.headers["Authorization"] = "Bearer " + client.tokens["access_token"]
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(repr(exc))

    def pull(client: ApiClient) -> None:
        try:
            while not done.is_set():
                client.pull_page(limit=20)
            client.pull_all()
        except Exception as exc:  # noqa: BLE001
            errors.append(repr(exc))

    push_threads = [threading.Thread(target=push, args=(c,)) for c in pushers]
    pull_threads = [threading.Thread(target=pull, args=(c,)) for c in pullers]
    for t in pull_threads + push_threads:
        t.start()
    for t in push_threads:
        t.join(120)
    done.set()
    for t in pull_threads:
        t.join(120)
    assert not errors, errors[:3]
    truth = login("offa", "truth")
    truth.pull_all()
    expected = {k: v for k, (v, _d) in truth.replica.items()}
    for client in pullers[:4]:
        assert {k: v for k, (v, _d) in client.replica.items()} == expected
    companies = [k for k in expected if k[0] == "companies"]
    assert len(companies) == 36
    assert all(truth.replica[k][1]["name"] == "Maj" for k in companies)
