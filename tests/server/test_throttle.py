"""Failed logins limited so that it holds: the two attacks of the review, the sliding window,
parallel guesses. Clients bind distinct loopback addresses (127.0.0.x), which the server sees
as distinct callers, as it would see distinct machines."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from sync.server.embedded import EmbeddedServer
from sync.server.throttle import LoginLimits, address_key
from tests.server.conftest import PASSWORD

Caller = Callable[..., httpx.Response]


@pytest.fixture
def login_from(server: str) -> Iterator[Caller]:
    """``login_from(address, username, password)``: a login from that loopback address."""
    clients: dict[str, httpx.Client] = {}

    def call(address: str, username: str, password: str = PASSWORD) -> httpx.Response:
        if address not in clients:
            transport = httpx.HTTPTransport(local_address=address)
            clients[address] = httpx.Client(base_url=server, transport=transport, timeout=60)
        return clients[address].post(
            "/api/v1/auth/token",
            json={"username": username, "password": password, "device_name": "poste"},
        )

    yield call
    for client in clients.values():
        client.close()


def _limited(answer: httpx.Response) -> bool:
    if answer.status_code != 429:
        return False
    body = answer.json()["error"]
    assert body["code"] == "rate_limited"
    # French, and says when: "réessayez dans 14 minutes (à 10:42)"
    assert re.search(r"réessayez dans \d+ (minutes|secondes) \(à \d\d:\d\d\)", body["message"])
    assert 1 <= int(answer.headers["Retry-After"]) <= LoginLimits().window
    return True


def test_one_address_trying_many_names_is_stopped_whatever_succeeds(login_from: Caller) -> None:
    """Attack 1: 100 wrong passwords against 100 user names from one address, a success from
    that same address every 10 tries (it used to clear the address's count: none was 429)."""
    attacker = "127.0.0.2"
    assert login_from(attacker, "offa").status_code == 200
    answers = []
    for n in range(100):
        if n % 10 == 0:
            assert login_from(attacker, "offa").status_code == 200  # offa is known here
        answers.append(login_from(attacker, f"inconnu-{n}", "mauvais"))
    statuses = [a.status_code for a in answers]
    per_address = LoginLimits().per_address
    assert statuses[:per_address] == [401] * per_address
    assert all(_limited(a) for a in answers[per_address:])
    # the address is limited for names never seen from it, whatever the password...
    assert _limited(login_from(attacker, "sec"))
    # ...but not for a user who logs in from there (an office behind one NAT address)
    assert login_from(attacker, "offa").status_code == 200
    # and other addresses are untouched
    assert login_from("127.0.0.3", "inconnu-1", "mauvais").status_code == 401


def test_attacks_on_one_user_never_lock_the_real_user_out(login_from: Caller) -> None:
    """Attack 2: a known user name guessed from elsewhere (it used to take 5 failures to lock
    the real user out for 5 minutes, the right password included)."""
    desk, attacker = "127.0.0.4", "127.0.0.5"
    assert login_from(desk, "sec").status_code == 200  # the real user, at their desk
    limits = LoginLimits()
    tries = [login_from(attacker, "sec", f"essai-{n}") for n in range(limits.per_pair + 5)]
    assert [t.status_code for t in tries[: limits.per_pair]] == [401] * limits.per_pair
    assert all(_limited(t) for t in tries[limits.per_pair :])
    # the right password from the attacker's address is refused too (no oracle)...
    assert _limited(login_from(attacker, "sec"))
    # ...and the real user logs in, from their desk or from a new address
    assert login_from(desk, "sec").status_code == 200
    assert login_from("127.0.0.6", "sec").status_code == 200
    # many addresses guessing one name: past the per-user limit, unknown addresses wait...
    for n in range(limits.per_user):
        address = f"127.0.1.{n + 1}"
        assert login_from(address, "sec", "faux").status_code in (401, 429)
    assert _limited(login_from("127.0.2.1", "sec"))
    # ...and the real user still logs in where they logged in before
    assert login_from(desk, "sec").status_code == 200
    assert login_from("127.0.0.6", "sec").status_code == 200


def test_sliding_window_that_no_success_resets(sqlite_url: str) -> None:
    limits = LoginLimits(window=3.0, per_pair=3)
    embedded = EmbeddedServer(sqlite_url, login_limits=limits)
    base = embedded.start()
    try:

        def call(password: str) -> httpx.Response:
            return httpx.post(
                base + "/api/v1/auth/token",
                json={"username": "coach", "password": password, "device_name": "p"},
            )

        assert call("faux").status_code == 401
        assert call("faux").status_code == 401
        assert call(PASSWORD).status_code == 200  # a success resets nothing
        assert call("faux").status_code == 401
        refused = call(PASSWORD)
        assert refused.status_code == 429 and int(refused.headers["Retry-After"]) <= 3
        time.sleep(3.2)  # every failure has left the window
        assert call(PASSWORD).status_code == 200
    finally:
        embedded.stop()


def test_parallel_guesses_cannot_pass_the_limit_together(login_from: Caller) -> None:
    limits = LoginLimits()
    with ThreadPoolExecutor(max_workers=12) as pool:
        answers = list(
            pool.map(
                lambda n: login_from("127.0.0.8", "coach2", f"essai-{n}"),
                range(limits.per_pair * 3),
            )
        )
    statuses = sorted(a.status_code for a in answers)
    assert statuses.count(401) == limits.per_pair
    assert statuses.count(429) == limits.per_pair * 2


def test_addresses_are_counted_by_what_an_attacker_cannot_vary_for_free() -> None:
    assert address_key("192.0.2.7") == "192.0.2.7"
    assert address_key("::ffff:192.0.2.7") == "192.0.2.7"
    # an IPv6 host owns its /64: every address in it is one caller
    assert address_key("2001:db8:1:2::1") == address_key("2001:db8:1:2:ffff::9")
    assert address_key("2001:db8:1:2::1") != address_key("2001:db8:1:3::1")
    assert address_key(None) == "?"
