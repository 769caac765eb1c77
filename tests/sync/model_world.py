"""The world of the model-based test (``tests/sync/test_model.py``).

- :class:`Cluster`: the real reference server (``offa-server serve`` on loopback) with three
  accounts whose working copies are ready (logged in, synced). Each example starts from copies
  of them (sqlite3's backup, the keyring file beside), so an example costs its own steps, not
  three first syncs; the server's database is replaced every ``RECYCLE`` examples so that the
  copies' catch-up and the final dumps stay small.
- :class:`Ledger`: every op a client made (its device, record, fields and the server version
  its edit stood on), checked against the server's histories: no op applied twice, and a
  field's value changes on the server only through an op whose client had seen the value it
  replaces, or that carries a person's ``resolution`` for it.
"""

from __future__ import annotations

import os
import shutil
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from offa_desktop import paths
from sync.client import ApiClient
from tests import keyed
from tests.sync.harness import PASSWORD, Device, Server, api, op_chain

Key = tuple[str, str]
ACCOUNTS = 3
RECYCLE = int(os.environ.get("OFFA_MODEL_RECYCLE", "150"))  # examples per server database
FRESHEN = 20  # examples between two syncs of the templates (their catch-up stays small)
TEMPLATE_AGE = 600.0  # s: templates log in again before their access tokens (900 s) expire
CHAIN = 40  # how many times an op may be re-sent after conflicts and still be recognised


class Cluster:
    """The server and the three accounts' template copies, shared by the examples."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.server: Server | None = None
        self.templates: list[Device] = []
        self.checker: ApiClient | None = None
        self.examples = 0
        self.generation = 0
        self.logged_at = 0.0

    def _fresh(self) -> None:
        """A new server database, accounts and templates."""
        self.close()
        self.generation += 1
        self.examples = 0
        folder = self.root / f"server-{self.generation}"
        folder.mkdir(parents=True)
        self.server = Server(f"sqlite:///{folder / 'server.sqlite3'}")
        self.server.start()
        self.templates = []
        for i in range(ACCOUNTS):
            name = f"m{self.generation}-{i}-{uuid.uuid4().hex[:4]}"
            self.server.user(name)
            device = Device(self.root / f"template-{self.generation}-{i}", name, self.server.url)
            device.session.login(self.server.url, name, PASSWORD)
            device.sync_here()
            self.templates.append(device)
        self.checker = api(self.server.url, self.templates[0].username)
        self.logged_at = time.monotonic()

    def devices(self, folder: Path) -> list[Device]:
        """Three devices for one example, copies of the templates in ``folder``."""
        if self.server is None or self.examples >= RECYCLE:
            self._fresh()
        elif time.monotonic() - self.logged_at > TEMPLATE_AGE:
            assert self.server is not None
            for t in self.templates:
                t.session.login(self.server.url, t.username, PASSWORD)
            self.checker = api(self.server.url, self.templates[0].username)
            self.logged_at = time.monotonic()
        if self.examples and self.examples % FRESHEN == 0:
            for t in self.templates:
                t.sync_here()
        self.examples += 1
        assert self.server is not None
        made = []
        for i, template in enumerate(self.templates):
            target = folder / f"client-{i}"
            target.mkdir(parents=True, mode=0o700)
            keyed.clone_key(template.folder, paths.working_copy_path(target))
            source = keyed.connect(paths.working_copy_path(template.folder))
            copy = keyed.connect(paths.working_copy_path(target))
            try:
                source.backup(copy)  # consistent while the template stays open
            finally:
                copy.close()
                source.close()
            if (template.folder / "xdg").exists():  # tokens: in the copy (no secure keyring)
                shutil.copytree(template.folder / "xdg", target / "xdg")
            made.append(Device(target, template.username, self.server.url))
        return made

    def close(self) -> None:
        for t in self.templates:
            t.close()
        self.templates = []
        if self.server is not None:
            self.server.stop()
            self.server = None


@dataclass(frozen=True)
class Made:
    """One op a client made: by whom, on what, what it set, on which server version."""

    device: int
    key: Key
    kind: str
    base_version: int | None
    fields: dict[str, Any]
    resolution: bool


def replay(entries: list[dict[str, Any]]) -> list[tuple[int, dict[str, Any] | None]]:
    """The record's state after each history entry: ``(version, data or None)``."""
    states: list[tuple[int, dict[str, Any] | None]] = []
    state: dict[str, Any] | None = None
    for e in entries:
        if e["kind"] == "create":
            state = dict(e["after"] or {})
        elif e["kind"] == "delete":
            state = None
        else:
            state = {**(state or {}), **(e["after"] or {})}
        states.append((int(e["version"]), state))
    return states


class Ledger:
    """The ops made by the example's clients, and the checks on the server's histories."""

    def __init__(self) -> None:
        self.made: dict[str, Made] = {}
        self.chain: dict[str, str] = {}  # any id an op is sent under -> the id it was made with

    def note(self, op_id: str, made: Made) -> None:
        self.made[op_id] = made
        for sent in op_chain(op_id, CHAIN):
            self.chain[sent] = op_id

    def applied(self, histories: dict[Key, list[dict[str, Any]]]) -> Counter[str]:
        """How many history entries each op made here has (by the id it was made with)."""
        seen: Counter[str] = Counter()
        for entries in histories.values():
            for e in entries:
                original = self.chain.get(e.get("op_id") or "")
                if original is not None:
                    seen[original] += 1
        return seen

    def check(self, histories: dict[Key, list[dict[str, Any]]]) -> None:
        """No op applied twice; no field changed on the server by an op whose client had not
        seen the value it replaced, unless a person's resolution says so."""
        ids = Counter(e["op_id"] for entries in histories.values() for e in entries if e["op_id"])
        twice = [i for i, n in ids.items() if n > 1]
        assert not twice, f"ops applied twice: {twice}"
        twice = [i for i, n in self.applied(histories).items() if n > 1]
        assert not twice, f"ops applied twice under re-sent ids: {twice}"
        for key, entries in histories.items():
            self._check_record(key, entries)

    def _check_record(self, key: Key, entries: list[dict[str, Any]]) -> None:
        states = replay(entries)
        for index, e in enumerate(entries):
            if e["kind"] != "update" or not e["op_id"]:
                continue
            original = self.chain.get(e["op_id"])
            assert original is not None, f"an op no client made: {e}"
            made = self.made[original]
            assert made.key == key, (made, e)
            resolution = e.get("resolution") or {}
            before = e.get("before") or {}
            for name, value in (e.get("after") or {}).items():
                if name in resolution or before.get(name) == value:
                    continue
                seen = _value_at(states, made.base_version, name)
                own = self._own_writes(entries, index, made, name)
                assert before.get(name) == seen or before.get(name) in own, (
                    f"{key} v{e['version']}: {name} went from {before.get(name)!r} to "
                    f"{value!r} by client {made.device}'s op {original} made on "
                    f"v{made.base_version}, where it was {seen!r}: a value it never saw "
                    "overwritten without a person's resolution"
                )

    def _own_writes(
        self, entries: list[dict[str, Any]], index: int, made: Made, name: str
    ) -> list[Any]:
        """Values the same client's earlier ops wrote to ``name`` after ``made``'s base."""
        since = made.base_version or 0
        values = []
        for e in entries[:index]:
            original = self.chain.get(e.get("op_id") or "")
            if original is None or self.made[original].device != made.device:
                continue
            if int(e["version"]) > since and name in (e.get("after") or {}):
                values.append((e.get("after") or {})[name])
        return values


def _value_at(
    states: list[tuple[int, dict[str, Any] | None]], version: int | None, name: str
) -> Any:
    """A field's value on the server at ``version`` (None when unknown or absent)."""
    if version is None:
        return _UNSEEN
    found: Any = _UNSEEN
    for v, state in states:
        if v > version:
            break
        found = None if state is None else state.get(name)
    return found


class _Unseen:
    def __repr__(self) -> str:
        return "<not seen by that client>"


_UNSEEN = _Unseen()
