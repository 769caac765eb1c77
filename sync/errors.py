"""The errors sync raises, each an ``OffaError`` with a French message fit to show a user."""

from __future__ import annotations

from typing import Any

# The one Cancelled (a person stopped a long task between two steps) is the domain's; named
# here too because sync raises it.
from offa_desktop.domain.errors import Cancelled as Cancelled
from offa_desktop.domain.errors import OffaError


class SyncError(OffaError):
    """Base of sync errors: ``message`` is French and says what to do next; ``code`` is stable."""

    code = "sync_error"

    def __init__(self, message: str, *, code: str | None = None, details: Any = None) -> None:
        super().__init__(message, code=code)
        self.details = details


class NetworkError(SyncError):
    """The server could not be reached or kept failing (after retries)."""

    code = "network"


class LoginRequired(SyncError):
    """No valid token: the user must log in again."""

    code = "login_required"


class ClientTooOld(SyncError):
    """The server no longer serves this version of the application (426)."""

    code = "client_too_old"


class InsecureServer(SyncError):
    """Plain HTTP to a non-loopback address is refused."""

    code = "insecure_server"


class ServerError(SyncError):
    """The server answered with an error the engine cannot handle (4xx other than the above)."""

    code = "server_error"

    def __init__(self, message: str, *, status: int, code: str | None = None, details: Any = None):
        super().__init__(message, code=code, details=details)
        self.status = status


class CursorExpired(SyncError):
    """410 cursor_expired: the engine re-pulls everything from the start."""

    code = "cursor_expired"


class SyncBusy(SyncError):
    """Another sync of the same working copy is running."""

    code = "busy"


class DeviceRevoked(SyncError):
    """401 ``device_revoked``: this computer's login was revoked (a lost laptop); ``erase``
    when OFFA asked it to erase its data, ``erased`` once it did (docs/api-additions.md)."""

    code = "device_revoked"

    def __init__(self, message: str, *, erase: bool = False) -> None:
        super().__init__(message, code="device_revoked", details={"erase": erase})
        self.erase = erase
        self.erased = False
