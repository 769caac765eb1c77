"""One error base: every error a person may read is an ``OffaError`` (French ``message``,
stable ``code``), and there is one ``Cancelled``."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import offa_desktop
import sync
from offa_desktop.domain.errors import Cancelled, OffaError, user_message

# Exceptions of ours that are not shown to a person. A new one goes here only with the reason
# it never reaches a message box.
NOT_USER_FACING: set[str] = {
    # raised and caught inside run_import to end its unit of work without writing
    "offa_desktop.ops.imports.core._Rollback",
    # raised by keyfile.unwrap and caught by keys.unlock, which raises WrongPassphrase
    "offa_desktop.ops.protection.keyfile.BadPassphrase",
}


def _our_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for package in (offa_desktop, sync):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            name = info.name
            if ".migrations" in name or name.endswith("__main__"):
                continue
            if name.startswith(("offa_desktop.ui", "offa_desktop.app")):
                continue  # Qt: tests/ui/test_tasks.py covers the UI's errors
            module = importlib.import_module(name)
            for _, obj in inspect.getmembers(module, inspect.isclass):
                if issubclass(obj, BaseException) and obj.__module__ == name:
                    found[f"{name}.{obj.__qualname__}"] = obj
    return found


def test_every_error_of_ours_is_an_offa_error() -> None:
    found = _our_exceptions()
    assert "sync.errors.SyncError" in found
    assert "offa_desktop.store.copy_errors.WorkingCopyError" in found
    outside = sorted(n for n, cls in found.items() if not issubclass(cls, OffaError))
    assert [n for n in outside if n not in NOT_USER_FACING] == []


def test_one_cancelled() -> None:
    from sync import errors

    cancels = [n for n, cls in _our_exceptions().items() if cls.__name__ == "Cancelled"]
    assert cancels == ["offa_desktop.domain.errors.Cancelled"]
    assert errors.Cancelled is Cancelled
    assert issubclass(Cancelled, OffaError) and Cancelled().code == "cancelled"


@pytest.mark.parametrize(
    ("error", "shown"),
    [
        (OffaError("Le serveur a refusé.", code="refused"), "Le serveur a refusé."),
        (Cancelled(), "Opération annulée."),
        (OSError(2, "No such file or directory"), "[Errno 2] No such file or directory"),
        (RuntimeError(), "RuntimeError"),
    ],
)
def test_user_message(error: BaseException, shown: str) -> None:
    assert user_message(error) == shown
