"""One sync at a time per working copy: an flock that dies with its process."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path
from types import TracebackType

from sync.errors import SyncBusy


class SyncLock:
    """Exclusive, non-blocking lock on a file next to the working copy.

    ``flock`` locks belong to the open file description: a crashed (even kill -9) process
    releases it, so it never stays stuck.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None

    def __enter__(self) -> SyncLock:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            os.close(fd)
            raise SyncBusy(
                "Une synchronisation est déjà en cours pour cette copie de travail ; "
                "attendez qu'elle se termine."
            ) from exc
        self._fd = fd
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._fd is not None:
            fcntl.flock(self._fd, fcntl.LOCK_UN)
            os.close(self._fd)
            self._fd = None
