"""Headless commands for IT staff, scripts and tests: login, logout, sync, dump, import.

Standard output holds only JSON, the one-line summary last; logs go to the data folder's log
file and to standard error. Each ``run`` returns the process exit code (issue 7).
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Iterator
from typing import Any

from offa_desktop import logfile, paths
from offa_desktop.cli_output import (
    EXIT_FAILED,
    EXIT_OK,
    emit,
    failure,
    gone_failure,
    setup_logging,
    unlock_copy,
)
from offa_desktop.domain.problems import cap
from offa_desktop.domain.schema import COLLECTIONS, CREATION_ORDER
from offa_desktop.ops.sync.conflicts import blocking as holding_back
from offa_desktop.ops.sync.conflicts import discard_forbidden, unsent
from offa_desktop.ops.sync.session import (
    MSG_NOT_LOGGED_IN,
    MSG_STILL_REVOKED,
    SyncSession,
    open_session,
)
from offa_desktop.store.copy_errors import WorkingCopyError, WorkingCopyGone
from offa_desktop.store.records import every_record
from sync.client import RetryPolicy
from sync.errors import DeviceRevoked, LoginRequired, SyncError

log = logging.getLogger("offa.sync")

def _retry_policy() -> RetryPolicy | None:
    """``OFFA_SYNC_RETRY=attempts,base_delay,max_delay,read_timeout`` tunes the network policy."""
    spec = os.environ.get("OFFA_SYNC_RETRY")
    if not spec:
        return None
    attempts, base, cap, read = (spec.split(",") + ["", "", "", ""])[:4]
    policy = RetryPolicy()
    policy.attempts = int(attempts or policy.attempts)
    policy.base_delay = float(base or policy.base_delay)
    policy.max_delay = float(cap or policy.max_delay)
    policy.read_timeout = float(read or policy.read_timeout)
    return policy


def run(args: argparse.Namespace) -> int:
    """Run ``args.command``; the exit code of the process."""
    folder = paths.data_dir(args.data_dir)
    setup_logging(folder)
    failed = unlock_copy(paths.working_copy_path(folder))  # its key first (issue 16)
    if failed is not None:
        return failed
    try:
        session = open_session(folder, retry=_retry_policy())
    except WorkingCopyGone as exc:  # never replaced in silence: stop, say it, offer a restore
        return gone_failure(exc)
    except WorkingCopyError as exc:  # e.g. a key that does not open it: wrong_passphrase
        return failure(log, exc.code, str(exc))
    except Exception as exc:  # the working copy cannot be opened: say it, in French
        return failure(log, "working_copy", str(exc))
    try:
        session.wc.backup_if_due()
        return run_in(session, args)
    finally:
        session.close()


def run_in(session: SyncSession, args: argparse.Namespace) -> int:
    """Run ``args.command`` on a session already open (the caller closes it)."""
    try:
        if session.creds.notice and args.command in ("login", "sync"):
            log.warning(session.creds.notice)
        handler = {
            "login": _login,
            "logout": _logout,
            "sync": _sync,
            "dump": _dump,
            "import": _import_file,
            "forget": _forget,
        }[args.command]
        return handler(session, args)
    except DeviceRevoked as exc:  # stopped syncing; erased when OFFA asked
        log.error("device_revoked (erased: %s)", exc.erased)
        emit({"ok": False, "error": "device_revoked", "message": exc.message,
              "erased": exc.erased})  # fmt: skip
        return EXIT_FAILED
    except SyncError as exc:
        return failure(log, exc.code, exc.message)
    except Exception:  # our bug or the environment's: logged in full, said in French
        log.exception("%s failed", args.command)
        return failure(
            log,
            "internal",
            "Erreur inattendue ; le détail est dans le journal (dossier logs des données). "
            "Vos modifications restent enregistrées.",
        )


def _import_file(session: SyncSession, args: argparse.Namespace) -> int:
    from offa_desktop.cli_import import import_file  # its readers: not for the other commands

    return import_file(session, args)


def _password() -> str:
    password = os.environ.get("OFFA_PASSWORD")
    if password is None:
        password = getpass.getpass("Mot de passe : ", stream=sys.stderr)
    return password


def _login(session: SyncSession, args: argparse.Namespace) -> int:
    user = session.login(args.server, args.username, _password())
    summary: dict[str, Any] = {"ok": True, "server": args.server, "user": user}
    if session.creds.notice:
        summary["notice"] = session.creds.notice
    emit(summary)
    return EXIT_OK


STATES_FR = {
    "pending": "en attente d'envoi",
    "conflict": "en conflit",
    "rejected": "refusée par le serveur",
    "forbidden": "interdite pour votre rôle",
}
KINDS_FR = {"create": "création", "update": "modification", "delete": "suppression"}


def _logout(session: SyncSession, args: argparse.Namespace) -> int:
    """Refuses while edits are queued, naming each one and what to do; with
    ``--discard-forbidden`` the edits the server refused for the user's role go first."""
    discarded = 0
    if getattr(args, "discard_forbidden", False):
        discarded = sum(1 for b in unsent(session.wc) if b.state == "forbidden")
        if discarded:
            discard_forbidden(session.wc)
            log.warning("%s modification(s) interdite(s) abandonnée(s) avant la déconnexion",
                        discarded)  # fmt: skip
    blocking = holding_back(session.wc)
    if blocking:
        lines = [
            f"{cap(COLLECTIONS[b.collection].label)} « {b.title} » "
            f"({KINDS_FR.get(b.kind, b.kind)}, {STATES_FR.get(b.state, b.state)}"
            + (f" : {b.message}" if b.message and b.state != "pending" else "")
            + ")"
            for b in blocking
        ]
        advice = ["synchronisez pour envoyer ou régler les autres"]
        if any(b.state == "conflict" for b in blocking):
            advice.insert(0, "choisissez quoi garder dans chaque conflit (« Conflits à "
                             "résoudre… » dans l'application)")  # fmt: skip
        if any(b.state == "forbidden" for b in blocking):
            advice.insert(0, "abandonnez les modifications interdites (offa-desktop logout "
                             "--discard-forbidden, ou « Modifications refusées » dans "
                             "l'application)")  # fmt: skip
        message = (
            f"{len(blocking)} modification(s) ne sont pas encore envoyées au serveur : "
            + " ; ".join(lines) + ". Avant de vous déconnecter, " + ", puis ".join(advice) + "."
        )
        log.error("unsent_changes: %s", message)
        summary: dict[str, Any] = {
            "ok": False,
            "error": "unsent_changes",
            "message": message,
            "blocking": [
                {"collection": b.collection, "id": b.record_id, "kind": b.kind,
                 "state": b.state, "title": b.title, "message": b.message or None}
                for b in blocking
            ],  # fmt: skip
        }
        if discarded:
            summary["discarded"] = discarded
        emit(summary)
        return EXIT_FAILED
    session.logout()
    emit({"ok": True, "discarded": discarded} if discarded else {"ok": True})
    return EXIT_OK


def _sync(session: SyncSession, args: argparse.Namespace) -> int:
    account = session.account()
    if account is None:
        emit({"ok": False, "error": "login_required", "message": MSG_NOT_LOGGED_IN})
        return EXIT_FAILED
    password = os.environ.get("OFFA_PASSWORD")
    if session.revoked_since() is not None:  # no silent login again on a revoked computer
        raise DeviceRevoked(MSG_STILL_REVOKED)
    if session.creds.load(account.server, account.username) is None and password is not None:
        session.login(account.server, account.username, password)
    verify = bool(getattr(args, "verify", False))  # sync --verify
    try:
        report = session.sync_once(page_size=_page_size(), bulk_group=_bulk_group(), verify=verify)
    except LoginRequired as exc:
        if password is None:
            emit({"ok": False, "error": "login_required", "message": exc.message})
            return EXIT_FAILED
        session.login(account.server, account.username, password)
        report = session.sync_once(page_size=_page_size(), bulk_group=_bulk_group(), verify=verify)
    logfile.names_changed()  # the people the sync brought: their names are redacted too
    emit(report.summary())
    return EXIT_OK


def _forget(session: SyncSession, args: argparse.Namespace) -> int:
    """``forget [--export FILE]``: see ``ops/forget.py``; the summary, or unsent_changes."""
    from pathlib import Path

    from offa_desktop.ops.forget import UnsentEdits, forget

    export = getattr(args, "export", None)
    account = session.account()
    password = os.environ.get("OFFA_PASSWORD")
    if (
        account is not None
        and password is not None
        and session.revoked_since() is None
        and session.creds.load(account.server, account.username) is None
    ):  # as sync does: the last sync may need a login
        try:
            session.login(account.server, account.username, password)
        except SyncError as exc:
            log.warning("forget: login before the last sync failed (%s)", exc.code)
    try:
        done = forget(session, export_to=Path(export) if export else None)
    except UnsentEdits as exc:
        log.error("unsent_changes: %d edit(s) or conflict(s), nothing erased", len(exc.items))
        emit({
            "ok": False,
            "error": "unsent_changes",
            "message": exc.message,
            "blocking": [
                {"collection": b.collection, "id": b.record_id, "kind": b.kind,
                 "state": b.state, "title": b.title}
                for b in exc.items
            ],
        })  # fmt: skip
        return EXIT_FAILED
    emit(done.summary())
    return EXIT_OK


def _page_size() -> int | None:
    page = os.environ.get("OFFA_SYNC_PAGE_SIZE")  # tests: several pages out of little data
    return int(page) if page else None


def _bulk_group() -> int | None:
    group = os.environ.get("OFFA_SYNC_BULK_GROUP")  # tests: records a bulk transaction gathers
    return int(group) if group else None


def _records(session: SyncSession) -> Iterator[dict[str, Any]]:
    with session.wc.session() as db:
        for rec in every_record(db, CREATION_ORDER):
            yield {
                "collection": rec.collection,
                "id": rec.id,
                "version": rec.version,
                "deleted": rec.deleted,
                "data": None if rec.deleted else rec.data,
            }


def _dump(session: SyncSession, args: argparse.Namespace) -> int:
    records = 0
    for line in _records(session):
        emit(line)
        records += 1
    with session.store.transaction() as tx:
        ops = tx.outbox.unsettled()
        conflicts = tx.conflicts.all()
    for op in ops:
        emit(
            {
                "type": "op",
                "op_id": op.op_id,
                "collection": op.collection,
                "id": op.record_id,
                "kind": op.kind,
                "base_version": op.base_version,
                "fields": op.fields,
                "state": op.state,
                "error": op.error,
                "errors": op.errors,
                "resolution": op.resolution,
                "created_at": op.created_at,
            }
        )
    for c in conflicts:
        emit(
            {
                "type": "conflict",
                "collection": c.collection,
                "id": c.record_id,
                "kind": c.kind,
                "server_version": c.server_version,
                "server_deleted": c.server_deleted,
                "fields": c.fields,
                "mine": c.mine,
                "created_at": c.created_at,
            }
        )
    emit({"ok": True, "records": records, "ops": len(ops), "conflicts": len(conflicts)})
    return EXIT_OK
