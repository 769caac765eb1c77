"""The integrity check: this copy against the server's checksum, and what a repair changed.

API.md: with ``checksum=1`` the last page of a pull carries, per collection in scope,
``{count, hash}`` with ``hash`` = Σ int(SHA-256("<id>:<version>")) mod 2^256 over live records.
This copy's side is summed from its records themselves (``ChangeApplier.versions``), not from a
sum kept as changes came: a row lost or changed behind the app's back (a restored backup, a disk
error, a hand edit) shows. The store also names the records that disagree with their base while
no unsent edit or open conflict explains it (``ChangeApplier.suspects``). A collection found
wrong is re-pulled from the start (the engine's ``resync``), made equal to the server with local
edits and conflicts on top; the checksum stored is the one summed from the repaired copy.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from offa_desktop.domain.schema import COLLECTIONS
from sync.ports import Key, ServerRecord, SyncReport, SyncTransaction

log = logging.getLogger("offa.sync")

MOD = 2**256


def record_hash(record_id: str, version: int) -> int:
    """int(SHA-256("<id>:<version>")), big-endian: one term of a collection's checksum."""
    return int.from_bytes(hashlib.sha256(f"{record_id}:{version}".encode()).digest(), "big")


def checksum_key(collection: str) -> str:
    """Where the checksum of a collection, as summed at the last check, is kept."""
    return f"checksum:{collection}"


def format_checksum(count: int, digest: int) -> str:
    return f"{count}:{digest % MOD:064x}"


def copy_checksum(tx: SyncTransaction, collection: str) -> tuple[int, int]:
    """``(count, hash)`` of a collection summed from the records in the copy."""
    count = 0
    digest = 0
    sha = hashlib.sha256
    for record_id, version in tx.records.versions(collection):
        count += 1
        digest += int.from_bytes(sha(f"{record_id}:{version}".encode()).digest(), "big")
    return count, digest % MOD


def server_checksum(entry: Mapping[str, Any]) -> tuple[int, int]:
    return int(entry["count"]), int(str(entry["hash"]), 16)


@dataclass
class Finding:
    """What a check found: collections whose checksum differs, records that disagree."""

    wrong: list[str] = field(default_factory=list)
    suspects: dict[str, list[str]] = field(default_factory=dict)

    @property
    def collections(self) -> list[str]:
        return sorted(set(self.wrong) | set(self.suspects))

    def describe(self) -> str:
        parts = [f"{c} (somme de contrôle)" for c in sorted(self.wrong)]
        parts += [f"{c} ({', '.join(ids)})" for c, ids in sorted(self.suspects.items())]
        return " ; ".join(parts)


def copy_checksums(
    tx: SyncTransaction, collections: Iterable[str]
) -> dict[str, tuple[int, int]]:
    """:func:`copy_checksum` of each of these collections this client keeps."""
    return {c: copy_checksum(tx, c) for c in collections if c in COLLECTIONS}


def inspect(
    tx: SyncTransaction,
    server: Mapping[str, Any],
    *,
    thorough: bool,
    sums: Mapping[str, tuple[int, int]] | None = None,
) -> Finding:
    """Compare the copy with the server's checksums (and its records with their bases);
    the collections found right get their checksum stored as summed from the copy.
    ``sums``: the copy's checksums when already summed (:func:`copy_checksums`, from a
    snapshot of the same records)."""
    found = Finding()
    for collection in sorted(server):
        if collection not in COLLECTIONS:
            continue  # a newer server's collection: not kept here
        mine = sums[collection] if sums is not None else copy_checksum(tx, collection)
        suspects = tx.records.suspects(collection, thorough)
        if mine != server_checksum(server[collection]):
            found.wrong.append(collection)
        if suspects:
            found.suspects[collection] = sorted(suspects)
        if collection not in found.wrong and not suspects:
            tx.state.put(checksum_key(collection), format_checksum(*mine))
    return found


def after_repair(
    tx: SyncTransaction, collections: Iterable[str], server: Mapping[str, Any] | None
) -> None:
    """Store the checksums summed from the repaired copy; say so if it still differs."""
    for collection in collections:
        mine = copy_checksum(tx, collection)
        tx.state.put(checksum_key(collection), format_checksum(*mine))
        theirs = (server or {}).get(collection)
        if theirs is not None and mine != server_checksum(theirs):
            log.error(
                "copie toujours différente du serveur après réparation : %s (%d fiches ici, "
                "%s sur le serveur)",
                collection,
                mine[0],
                theirs.get("count"),
            )


def _same(a: ServerRecord | None, b: ServerRecord | None) -> bool:
    """Two states of a record show the same (an absent field reads as null)."""
    if a is None or b is None:
        return a is b
    if a.version != b.version or a.deleted != b.deleted:
        return False
    left, right = a.data or {}, b.data or {}
    return all(left.get(k) == right.get(k) for k in left.keys() | right.keys())


def note_repairs(
    report: SyncReport,
    before: Mapping[Key, ServerRecord],
    after: Mapping[Key, ServerRecord | None],
) -> None:
    """Records a repair changed (``after``: None when erased)."""
    for key, state in after.items():
        old = before.get(key)
        if old is None and state is None:
            continue
        if not _same(old, state):
            report.repaired.setdefault(key[0], set()).add(key[1])


def log_repairs(report: SyncReport) -> None:
    """The log names every record a repair changed."""
    for collection, ids in sorted(report.repaired.items()):
        if ids:
            log.warning(
                "copie réparée, %s : %d fiche(s) rétablie(s) comme sur le serveur : %s",
                collection,
                len(ids),
                ", ".join(sorted(ids)),
            )
