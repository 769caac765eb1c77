"""Devices (issue 16, docs/api-additions.md): each login's name, first and last use; a user
revokes their own, OFFA anyone's and marks one « à effacer »; a revoked device's next call and
refresh are 401 ``device_revoked``; the erased device reports it."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tests.server.api import ApiClient

Login = Callable[..., ApiClient]


def _error(answer: httpx.Response) -> tuple[int, str, object]:
    body = answer.json()["error"]
    return answer.status_code, body["code"], body["details"]


def test_a_user_sees_and_revokes_their_own_devices(login: Login) -> None:
    laptop = login("coach", "portable-de-lea")
    desk = login("coach", "bureau-namur")
    other = login("coach2", "poste-horeca")
    listed = laptop.http.get("/api/v1/devices")
    assert listed.status_code == 200
    devices = {d["device_name"]: d for d in listed.json()["devices"]}
    assert set(devices) == {"portable-de-lea", "bureau-namur"}  # not coach2's
    mine = devices["portable-de-lea"]
    assert mine["current"] is True and devices["bureau-namur"]["current"] is False
    assert mine["status"] == "active" and mine["first_used"] <= mine["last_used"]
    assert mine["first_used"].endswith("Z") and mine["ended_at"] is None
    # The laptop revokes the desk: the desk's next call, and its refresh, are device_revoked.
    done = laptop.http.post(
        f"/api/v1/devices/{devices['bureau-namur']['id']}/revoke", json={}
    )
    assert done.status_code == 200, done.text
    assert done.json()["status"] == "revoked" and done.json()["ended_by"] == laptop.user["id"]
    status, code, details = _error(desk.http.get("/api/v1/sync/pull"))
    assert (status, code, details) == (401, "device_revoked", {"erase": False})
    refreshed = desk.http.post(
        "/api/v1/auth/refresh", json={"refresh_token": desk.tokens["refresh_token"]}
    )
    assert _error(refreshed)[:2] == (401, "device_revoked")
    assert laptop.http.get("/api/v1/sync/pull").status_code == 200  # the others go on
    # Someone else's device: not found for a coach, and no erasure by a coach.
    theirs = other.http.get("/api/v1/devices").json()["devices"][0]["id"]
    assert _error(laptop.http.post(f"/api/v1/devices/{theirs}/revoke", json={}))[:2] == (
        404, "not_found")  # fmt: skip
    assert _error(laptop.http.get(f"/api/v1/devices?user_id={other.user['id']}"))[:2] == (
        403, "forbidden")  # fmt: skip
    refused = laptop.http.post(f"/api/v1/devices/{mine['id']}/revoke", json={"erase": True})
    assert _error(refused)[:2] == (403, "forbidden")
    assert "OFFA" in refused.json()["error"]["message"]
    assert other.http.get("/api/v1/sync/pull").status_code == 200


def test_offa_revokes_any_device_and_has_one_erased(login: Login) -> None:
    lost = login("sec", "portable-perdu")
    staff = login("offa", "offa-bruxelles")
    listed = staff.http.get(f"/api/v1/devices?user_id={lost.user['id']}").json()["devices"]
    (device,) = [d for d in listed if d["device_name"] == "portable-perdu"]
    assert device["current"] is False
    marked = staff.http.post(f"/api/v1/devices/{device['id']}/revoke", json={"erase": True})
    assert marked.status_code == 200 and marked.json()["status"] == "erase_pending"
    status, code, details = _error(lost.http.get("/api/v1/sync/pull"))
    assert (status, code, details) == (401, "device_revoked", {"erase": True})
    assert "effac" in lost.http.get("/api/v1/sync/pull").json()["error"]["message"]
    # The device erased its data and says so with its refresh token (no bearer).
    report = httpx.post(
        str(lost.http.base_url) + "/api/v1/devices/erased",
        json={"refresh_token": lost.tokens["refresh_token"]},
    )
    assert report.status_code == 204, report.text
    after = staff.http.get(f"/api/v1/devices?user_id={lost.user['id']}").json()["devices"]
    (device,) = [d for d in after if d["id"] == device["id"]]
    assert device["status"] == "erased" and device["erased_at"] >= device["ended_at"]
    # Only a device told to erase may report it; an unknown token is not authenticated.
    live = login("sec", "poste-fixe")
    not_asked = httpx.post(
        str(live.http.base_url) + "/api/v1/devices/erased",
        json={"refresh_token": live.tokens["refresh_token"]},
    )
    assert _error(not_asked)[:2] == (404, "not_found")
    unknown = httpx.post(
        str(live.http.base_url) + "/api/v1/devices/erased", json={"refresh_token": "x" * 43}
    )
    assert _error(unknown)[:2] == (401, "not_authenticated")


def test_logout_and_reuse_are_not_revocations(login: Login) -> None:
    """A device that logged out is listed as such; its token answers token_revoked as before
    (API v1 unchanged)."""
    first = login("sec2", "poste-1")
    second = login("sec2", "poste-2")
    assert first.http.post("/api/v1/auth/logout").status_code == 204
    assert _error(first.http.get("/api/v1/sync/pull"))[:2] == (401, "token_revoked")
    listed = {d["device_name"]: d for d in second.http.get("/api/v1/devices").json()["devices"]}
    assert listed["poste-1"]["status"] == "logged_out"
    assert listed["poste-2"]["status"] == "active"
