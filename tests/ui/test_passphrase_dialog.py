"""The passphrase in the window (issue 16): chosen twice with a strength hint, asked once per
start with five tries then a pause, « Phrase de passe oubliée ? » sets the copy aside after a
confirmation that says unsent edits could be lost; the window then opens on the new copy."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from offa_desktop import paths
from offa_desktop.ops.protection import keyfile, keys
from offa_desktop.store import cipher
from offa_desktop.store.db import WorkingCopy
from offa_desktop.ui.passphrase_dialog import PassphraseDialog, unlock_window

PHRASE = "trois mots suffisent bien"


@pytest.fixture
def copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A data folder's copy on a computer without a secure keyring, no OFFA_PASSPHRASE."""
    monkeypatch.delenv(keys.PASSPHRASE_ENV, raising=False)
    saved = keyring.get_keyring()
    backend = PlaintextKeyring()
    backend.file_path = str(tmp_path / "keyring" / backend.filename)
    keyring.set_keyring(backend)
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    path = paths.working_copy_path(folder.resolve())
    yield path
    cipher.forget_key(path)
    keyring.set_keyring(saved)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_first_start_chooses_a_passphrase_with_a_hint(qtbot: Any, copy: Path) -> None:
    dialog = PassphraseDialog(copy, keys.needs(copy))
    qtbot.addWidget(dialog)
    assert dialog.mode == "choose" and dialog.confirm.isVisibleTo(dialog)
    assert not dialog.ok.isEnabled()
    qtbot.keyClicks(dialog.passphrase, "court")
    assert "Trop courte" in dialog.hint.text()
    dialog.passphrase.setText(PHRASE)
    assert "Robustesse" in dialog.hint.text()
    dialog.confirm.setText(PHRASE + "!")
    assert not dialog.submit() and "pas identiques" in dialog.problem.text()
    assert not keyfile.path_for(copy).exists()
    dialog.confirm.setText(PHRASE)
    assert dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert keyfile.read(copy)["kind"] == "passphrase"  # type: ignore[index]
    assert cipher.key_for(copy) is not None


def _encrypted_copy(copy: Path) -> None:
    keys.choose_passphrase(copy, PHRASE, PHRASE)
    WorkingCopy.open(copy).close()
    cipher.forget_key(copy)  # as a new start


def test_five_wrong_tries_then_a_pause_then_the_right_one(qtbot: Any, copy: Path) -> None:
    _encrypted_copy(copy)
    before = copy.read_bytes()
    clock = Clock()
    dialog = PassphraseDialog(copy, keys.needs(copy), clock=clock)
    qtbot.addWidget(dialog)
    assert dialog.mode == "ask" and "oubliée" in dialog.forgotten.text()
    for n in range(1, keys.TRIES_BEFORE_DELAY + 1):
        dialog.passphrase.setText(f"mauvaise phrase {n}")
        assert not dialog.submit()
        assert "incorrecte" in dialog.problem.text()
    assert "Réessayez dans 30 s" in dialog.problem.text()
    assert not dialog.ok.isEnabled()
    dialog.passphrase.setText(PHRASE)
    assert not dialog.submit()  # still paused: not even tried
    clock.now += keys.DELAY_SECONDS + 1
    dialog._tick()
    assert dialog.ok.isEnabled()
    assert copy.read_bytes() == before and cipher.key_for(copy) is None  # nothing touched
    assert dialog.submit() and cipher.key_for(copy) is not None


def test_forgotten_passphrase_is_confirmed_then_the_copy_set_aside(
    qtbot: Any, copy: Path, caplog: Any
) -> None:
    caplog.set_level(logging.ERROR, "offa.store")
    _encrypted_copy(copy)
    dialog = PassphraseDialog(copy, "ask")
    qtbot.addWidget(dialog)
    seen: dict[str, str] = {}

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, lambda: answer(button))
            return
        seen["question"] = box.text()
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.No))
    assert not dialog.forget()
    assert "non envoyées pourraient s'y trouver" in seen["question"]
    assert "mise de côté, pas effacée" in seen["question"]
    assert copy.exists() and keyfile.path_for(copy).exists()  # « Annuler »: nothing moved
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    assert dialog.forget()
    assert dialog.set_aside is not None and dialog.set_aside.exists()
    assert keyfile.path_for(dialog.set_aside).exists()
    assert dialog.mode == "choose" and dialog.confirm.isVisibleTo(dialog)
    dialog.passphrase.setText("une autre phrase neuve")
    dialog.confirm.setText("une autre phrase neuve")
    assert dialog.submit()
    wc = WorkingCopy.open(copy)  # the new copy, empty, under the new key
    wc.close()


def test_unlock_window_takes_offa_passphrase_and_asks_when_it_is_wrong(
    qtbot: Any, copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _encrypted_copy(copy)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, PHRASE)
    assert unlock_window(copy)
    cipher.forget_key(copy)
    monkeypatch.setenv(keys.PASSPHRASE_ENV, "pas la bonne phrase")
    seen: dict[str, Any] = {}

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PassphraseDialog):
            QTimer.singleShot(20, look)
            return
        seen["problem"] = dialog.problem.text()
        dialog.passphrase.setText(PHRASE)
        qtbot.keyClick(dialog.passphrase, Qt.Key.Key_Return)

    QTimer.singleShot(0, look)
    assert unlock_window(copy)
    assert "incorrecte" in seen["problem"] and cipher.key_for(copy) is not None
