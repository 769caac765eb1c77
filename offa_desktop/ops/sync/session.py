"""A data folder opened for syncing: its working copy, its account and its credentials.

The server address, the username and the user's profile are kept in the working copy's
``sync_state``; the tokens in the secure keyring (``sync.creds``), or, when the computer has
none, in the encrypted working copy itself (``ops/protection/tokens.py``). ``start_demo``
is ``offa-desktop --demo``: the reference server in-process on a free loopback port, a seeded
database, a demo account logged in and a first sync done.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from keyring.backend import KeyringBackend

from offa_desktop import __version__, paths
from offa_desktop.ops.protection.keys import PassphraseSource, demo_source, env_source, unlock
from offa_desktop.ops.sync.adapter import StoreSyncAdapter
from offa_desktop.store.db import WorkingCopy
from sync.client import ApiClient, RetryPolicy, Tokens
from sync.creds import CredentialStore
from sync.engine import SyncEngine
from sync.errors import DeviceRevoked, LoginRequired, SyncError
from sync.ports import Progress, SyncReport

log = logging.getLogger("offa.sync")

LOCK_FILE = "sync.lock"
REVOKED_KEY = "device_revoked"  # sync_state: the server revoked this login; no sync until login
# What an erasure removes besides the working copy and its backups (store.erase): the
# attachments cache, the scanned pages waiting, the crash reports.
ERASED_FOLDERS = ("attachments", "scans", "crash-reports")
MSG_ERASED = (
    "Les données OFFA de cet ordinateur ont été effacées à la demande de l'OFFA : copie de "
    "travail, sauvegardes, pièces jointes et jetons de connexion. L'accès au serveur est révoqué."
)
MSG_STILL_REVOKED = (
    "L'accès de cet ordinateur au serveur a été révoqué : la synchronisation est arrêtée. "
    "Reconnectez-vous (offa-desktop login, ou « Se connecter ») si c'est votre ordinateur."
)
LAST_SYNC_KEY = "last_sync_at"  # sync_state: when the last sync of this copy ended (UTC)
MSG_NOT_LOGGED_IN = (
    "Aucun compte n'est configuré pour cette copie de travail : connectez-vous d'abord "
    "(offa-desktop login --server ADRESSE --username NOM)."
)
MSG_OTHER_ACCOUNT = (
    "Cette copie de travail contient des modifications non envoyées ou des conflits à régler "
    "d'un autre compte. Envoyez-les ou réglez-les avec ce compte-là, ou utilisez un autre "
    "dossier de données (--data-dir)."
)


def device_name() -> str:
    """How this computer is named in « Mes appareils »: ``$OFFA_DEVICE_NAME``, else its host
    name."""
    return (os.environ.get("OFFA_DEVICE_NAME") or socket.gethostname() or "ordinateur")[:100]


class MemoryKeyring(KeyringBackend):
    """A keyring in this process only: the demo's throw-away tokens (nothing lands in the
    person's real keyring), and the tests' keyring. Not one of the insecure backends
    (``sync.creds.is_insecure``): what it holds never reaches a disk."""

    priority = 0  # never chosen by keyring on its own (forked children see the class)

    def __init__(self) -> None:
        super().__init__()  # type: ignore[no-untyped-call]
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


@dataclass
class Account:
    """Who this working copy syncs as (not secret)."""

    server: str
    username: str
    user: dict[str, Any] = field(default_factory=dict)


class SyncSession:
    """One data folder: working copy, account, credentials, and the engine built on them."""

    def __init__(
        self,
        folder: Path,
        wc: WorkingCopy,
        creds: CredentialStore | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.folder = folder
        self.wc = wc
        self.store = StoreSyncAdapter(wc)
        self.creds = creds or CredentialStore()
        if not self.creds.secure and self.creds.vault is None:
            from offa_desktop.ops.protection.tokens import CopyTokens

            self.creds.use_vault(CopyTokens(wc))  # no secure keyring: in the encrypted copy
        self.retry = retry
        self.cancel = threading.Event()
        account = self.account()
        if account is not None and account.user.get("id"):
            wc.user_id = str(account.user["id"])

    # --- account ---------------------------------------------------------------------------
    def account(self) -> Account | None:
        with self.store.transaction() as tx:
            server = tx.state.get("server")
            username = tx.state.get("username")
            user = tx.state.get("user")
        if not server or not username:
            return None
        return Account(server, username, json.loads(user) if user else {})

    def unsent(self) -> int:
        """Queued edits, plus open conflicts none of them stands for (an edit against deletion
        keeps its values in the conflict alone): what a person has yet to send or decide."""
        with self.store.transaction() as tx:
            ops = tx.outbox.unsettled()
            queued = {op.key for op in ops}
            held = [c for c in tx.conflicts.all() if c.key not in queued]
        return len(ops) + len(held)

    def client(self, account: Account | None = None) -> ApiClient:
        """An API client for the account, its tokens read from and written to the keyring."""
        account = account or self.account()
        if account is None:
            raise LoginRequired(MSG_NOT_LOGGED_IN, code="login_required")
        server, username = account.server, account.username

        def keep(tokens: Tokens | None) -> None:
            self.creds.save(server, username, tokens)

        return ApiClient(
            server,
            client_version=__version__,
            tokens=self.creds.load(server, username),
            on_tokens=keep,
            retry=self.retry,
            cancel=self.cancel,
        )

    def login(self, server: str, username: str, password: str) -> dict[str, Any]:
        """Log in and remember the account; refuses to switch accounts over unsent edits."""
        previous = self.account()
        account = Account(server.strip().rstrip("/"), username)
        client = self.client(account)
        answer = client.login(username, password, device_name=device_name())
        switching = previous is not None and (
            previous.server != account.server or previous.username != username
        )
        if switching and self.unsent():
            client.logout()
            raise SyncError(MSG_OTHER_ACCOUNT, code="other_account")
        user = dict(answer.get("user") or {})
        with self.store.transaction() as tx:
            if switching:
                self._forget_data(tx)
            tx.state.put("server", account.server)
            tx.state.put("username", username)
            tx.state.put("user", json.dumps(user))
            tx.state.put(REVOKED_KEY, None)
        if user.get("id"):
            self.wc.user_id = str(user["id"])
        return user

    @staticmethod
    def _forget_data(tx: Any) -> None:
        """Another account's data: start from an empty copy (nothing unsent is lost)."""
        from offa_desktop.domain.schema import COLLECTIONS

        for collection in COLLECTIONS:
            ids = tx.records.keys(collection)
            keys = [(collection, i) for i in ids]
            tx.records.erase_many(keys)
            tx.bases.delete_many(keys)
            tx.state.put(f"checksum:{collection}", None)
        tx.conflicts.delete_many([c.key for c in tx.conflicts.all()])
        for name in ("cursor", "resync", "checksum_at"):
            tx.state.put(name, None)

    def logout(self) -> None:
        account = self.account()
        if account is None:
            return
        client = self.client(account)
        try:
            if client.tokens is not None:
                client.logout()
        finally:
            self.creds.save(account.server, account.username, None)

    # --- syncing ---------------------------------------------------------------------------
    def engine(self, progress: Callable[[Progress], None] | None = None) -> SyncEngine:
        from offa_desktop.ops.attachments import AttachmentQueue

        return SyncEngine(
            self.store,
            self.client(),
            lock_path=self.folder / LOCK_FILE,
            progress=progress,
            cancel=self.cancel,
            documents=AttachmentQueue(self.folder),
        )

    def sync_once(
        self,
        progress: Callable[[Progress], None] | None = None,
        *,
        page_size: int | None = None,
        bulk_group: int | None = None,
        verify: bool = False,
    ) -> SyncReport:
        """One sync, and its time kept (``LAST_SYNC_KEY``) for the status line: whoever syncs
        (the window, the demo's start, the command line), the window says when it was.
        ``verify`` (``sync --verify``, "Vérifier la copie"): the copy is checked against the
        server on this sync, every field of every record, and repaired where it differs."""
        if self.revoked_since() is not None:
            raise DeviceRevoked(MSG_STILL_REVOKED)
        engine = self.engine(progress)
        if page_size:
            engine.page_size = page_size
        if bulk_group is not None:
            engine.bulk_group = bulk_group
        engine.verify = verify
        try:
            report = engine.sync_once()
        except DeviceRevoked as exc:
            self.device_revoked(exc)
            raise
        with self.store.transaction() as tx:
            tx.state.put(LAST_SYNC_KEY, datetime.now(UTC).isoformat())
        return report

    # --- a revoked device ----------------------------------------------------------------------
    def revoked_since(self) -> str | None:
        """When the server said this login was revoked (None: it was not, or a login since)."""
        with self.store.transaction() as tx:
            value = tx.state.get(REVOKED_KEY)
        return str(value) if value else None

    def device_revoked(self, exc: DeviceRevoked) -> None:
        """The server revoked this login: its tokens are forgotten and syncing stops until a
        login; asked to erase, the data is erased (:meth:`erase_local_data`) and the server told
        (``exc.erased``, the French message says what went)."""
        account = self.account()
        tokens = self.creds.load(account.server, account.username) if account else None
        if not exc.erase:
            if account is not None:
                self.creds.save(account.server, account.username, None)
            with self.store.transaction() as tx:
                tx.state.put(REVOKED_KEY, datetime.now(UTC).isoformat())
            log.warning("device revoked by the server: sync stopped until a login")
            return
        removed = self.erase_local_data()
        exc.erased = True
        exc.message = MSG_ERASED
        exc.args = (MSG_ERASED,)
        log.warning("device to erase: working copy, backups and tokens erased (%d files)", removed)
        if account is not None and tokens is not None:
            try:
                ApiClient(
                    account.server, client_version=__version__, retry=self.retry
                ).report_erased(tokens.refresh)
            except SyncError as error:
                log.warning("erasure not reported to the server: %s", error.code)

    def erase_local_data(self) -> int:
        """Close the copy and erase it with its backups, set-aside copies, attachments cache,
        scans and crash reports, the account's tokens and the copy's key (keyring entry and key
        file); how many files went."""
        from offa_desktop.ops.protection import sealed
        from offa_desktop.ops.protection.keys import forget_key
        from offa_desktop.store.erase import erase_copy

        account = self.account()
        if account is not None:  # first: they may be in the copy itself
            self.creds.save(account.server, account.username, None)
        self.close()
        forget_key(self.wc.path)  # the key's keyring entry; its key file goes with the copy
        removed = erase_copy(self.wc.path)
        for name in ERASED_FOLDERS:
            folder = self.folder / name
            if folder.exists():
                removed += sum(1 for f in folder.rglob("*") if f.is_file())
                shutil.rmtree(folder, ignore_errors=True)
        (self.folder / LOCK_FILE).unlink(missing_ok=True)
        sealed.clear_viewed()  # the attachments decrypted for a viewer
        return removed

    def close(self) -> None:
        self.wc.close()


def open_session(
    data_dir: str | Path | None = None,
    creds: CredentialStore | None = None,
    retry: RetryPolicy | None = None,
    *,
    passphrase: PassphraseSource | None = env_source,
    keyring_allowed: bool = True,
) -> SyncSession:
    """Open (create, migrate, encrypt) the working copy of a data folder for syncing, its key
    registered first (``ops.protection.keys.unlock``: the keyring, else the passphrase from
    ``passphrase``, by default ``OFFA_PASSPHRASE``)."""
    folder = paths.data_dir(data_dir)
    path = paths.working_copy_path(folder)
    unlock(path, passphrase, keyring_allowed=keyring_allowed)
    wc = WorkingCopy.open(path)
    return SyncSession(folder, wc, creds, retry)


@dataclass
class DemoSession:
    """``--demo``: the embedded server and the synced session on it; :meth:`stop` ends both."""

    session: SyncSession
    server: Any
    base_url: str
    username: str

    def stop(self) -> None:
        self.session.close()
        self.server.stop()


def start_demo(
    data_dir: str | Path | None = None, size: int = 2000, username: str | None = None
) -> DemoSession:
    """Start the reference server in-process on a seeded SQLite database, log in (as
    ``username``, a demo account; the secretariat by default), sync once.

    The server database lives in the data folder and is seeded once; later starts reuse it.
    """
    from offa_desktop.demo.accounts import DEFAULT_ACCOUNT, account
    from sync.server.db import make_engine
    from sync.server.embedded import EmbeddedServer
    from sync.server.seed import seed_demo

    folder = paths.data_dir(data_dir)
    database = folder / f"demo-server-{size}.sqlite3"
    url = f"sqlite:///{database}"
    if not database.exists():
        from sync.server import setup

        engine = make_engine(url)
        try:
            setup.upgrade(engine)
            seed_demo(engine, size)
        finally:
            engine.dispose()
    server = EmbeddedServer(url)
    base_url = server.start()
    try:
        # the demo's copy is encrypted too, by a passphrase of its own (keys.DEMO_PASSPHRASE):
        # no question at start, nothing in the real keyring
        session = open_session(folder / "demo-client", creds=CredentialStore(MemoryKeyring()),
                               passphrase=demo_source, keyring_allowed=False)  # fmt: skip
        chosen = account(username) if username else DEFAULT_ACCOUNT
        username, password = chosen.username, chosen.password
        previous = session.account()
        if previous is not None and previous.username == username:
            # Same demo database on a new free port: the same server, another address.
            with session.store.transaction() as tx:
                tx.state.put("server", base_url)
        session.login(base_url, username, password)
        session.sync_once()  # the status line says when: the data on screen is that sync's
    except BaseException:
        server.stop()
        raise
    return DemoSession(session, server, base_url, username)
