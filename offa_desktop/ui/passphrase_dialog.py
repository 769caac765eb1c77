"""The working copy's passphrase in the window (issue 16), asked before the first paint.

Shown by :func:`unlock_window` (``app.main``) when the copy's key is wrapped by a passphrase
(``ops.protection.keys``): once per start to open it (five wrong tries, then a pause before each
further one; nothing is touched by a wrong one), or once, chosen and typed twice with a hint of
its strength, when the copy gets its first key and the computer has no secure keyring.
« Phrase de passe oubliée ? » sets the copy aside (not deleted: the passphrase found again
opens it) after the person confirmed, and a new copy is made under a new passphrase; a sync
after login fills it again. With a secure keyring nothing is asked.
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.errors import OffaError
from offa_desktop.ops.protection import keys
from offa_desktop.ui.dialogs import Role, box_button, quit_button

log = logging.getLogger("offa.ui")


class PassphraseDialog(QDialog):
    """``mode`` "ask" (the copy's passphrase), "choose" (a new one, twice) or "lost" (the key
    cannot be found: only the set-aside choice). ``exec()`` is Accepted once the key is
    registered; ``set_aside`` says where a forgotten copy went."""

    def __init__(
        self,
        copy: Path,
        mode: str,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        problem: str = "",
    ) -> None:
        super().__init__(parent)
        self.copy = copy
        self.mode = mode
        self.clock = clock
        self.failures = 0
        self.wait_until = 0.0
        self.set_aside: Path | None = None
        self.setObjectName("passphrase-dialog")
        self.setModal(True)
        layout = QVBoxLayout(self)
        self.intro = QLabel()
        self.intro.setObjectName("passphrase-intro")
        self.intro.setWordWrap(True)
        self.intro.setMinimumWidth(480)
        layout.addWidget(self.intro)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setObjectName("passphrase-confirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase_label = QLabel(self.tr("Phrase de passe :"))
        self.confirm_label = QLabel(self.tr("Une seconde fois :"))
        form.addRow(self.passphrase_label, self.passphrase)
        form.addRow(self.confirm_label, self.confirm)
        layout.addLayout(form)
        self.hint = QLabel()
        self.hint.setObjectName("passphrase-strength")
        layout.addWidget(self.hint)
        self.problem = QLabel(problem)
        self.problem.setObjectName("passphrase-problem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        layout.addWidget(self.problem)
        self.forgotten = QLabel()
        self.forgotten.setObjectName("passphrase-forgotten")
        self.forgotten.setTextFormat(Qt.TextFormat.RichText)
        self.forgotten.linkActivated.connect(lambda _link: self.forget())
        layout.addWidget(self.forgotten)
        buttons = QDialogButtonBox()
        self.ok = box_button(buttons, "passphrase-ok", "", Role.AcceptRole, self.submit)
        self.ok.setDefault(True)
        self.set_aside_button = box_button(
            buttons, "passphrase-set-aside", self.tr("Mettre la copie de côté et repartir…"),
            Role.DestructiveRole, self.forget)
        self.quit_button = quit_button(buttons, "passphrase-quit", self)
        layout.addWidget(buttons)
        self.passphrase.returnPressed.connect(self._entered)
        self.confirm.returnPressed.connect(self.submit)
        self.passphrase.textChanged.connect(self._typed)
        self.confirm.textChanged.connect(self._typed)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self._show_mode()

    # --- what the dialog shows -----------------------------------------------------------------
    def _mode_texts(self) -> tuple[str, str, str]:
        """The window's title, its introduction and the OK button's words in this mode."""
        if self.mode == "choose":
            return self.tr("Choisir une phrase de passe"), self.tr(
                "Cet ordinateur n'a pas de trousseau sécurisé : la copie de travail (données "
                "personnelles des apprenants) sera chiffrée par une phrase de passe que vous "
                "choisissez maintenant. Elle vous sera demandée à chaque démarrage. Plusieurs "
                "mots faciles à retenir pour vous valent mieux qu'un mot compliqué ; notez-la en "
                "lieu sûr : oubliée, la copie devra être reconstruite depuis le serveur."
            ), self.tr("Chiffrer la copie")  # fmt: skip
        if self.mode == "lost":  # no OK button: only the set-aside choice
            return self.tr("Clé de la copie introuvable"), self.tr(
                "La clé qui chiffre la copie de travail est introuvable sur cet ordinateur "
                "(trousseau du système indisponible ou effacé, fichier de clé perdu) : la copie "
                "ne peut pas être ouverte."
            ), ""  # fmt: skip
        return self.tr("Phrase de passe"), self.tr(
            "La copie de travail est chiffrée. Tapez votre phrase de passe pour l'ouvrir."
        ), self.tr("Ouvrir")  # fmt: skip

    def _show_mode(self) -> None:
        choosing, lost = self.mode == "choose", self.mode == "lost"
        title, intro, ok = self._mode_texts()
        self.setWindowTitle(title)
        self.intro.setText(intro)
        self.ok.setText(ok)
        self.forgotten.setText(
            '<a href="forgotten">' + self.tr("Phrase de passe oubliée ?") + "</a>"
        )
        for widget in (self.passphrase_label, self.passphrase):
            widget.setVisible(not lost)
        for widget in (self.confirm_label, self.confirm, self.hint):
            widget.setVisible(choosing)
        self.forgotten.setVisible(self.mode == "ask")
        self.set_aside_button.setVisible(lost)
        self.ok.setVisible(not lost)
        self._typed()
        self.passphrase.setFocus()

    def strength_text(self, score: int) -> str:
        return [
            self.tr("Trop courte : au moins %1 caractères.").replace("%1", str(keys.MIN_LENGTH)),
            self.tr("Robustesse : faible (ajoutez des mots)."),
            self.tr("Robustesse : moyenne."),
            self.tr("Robustesse : bonne."),
            self.tr("Robustesse : excellente."),
        ][score]

    def _typed(self) -> None:
        if self.mode == "choose":
            self.hint.setText(self.strength_text(keys.strength(self.passphrase.text())))
        waiting = self.clock() < self.wait_until
        self.ok.setEnabled(bool(self.passphrase.text()) and not waiting)

    def _tick(self) -> None:
        left = int(self.wait_until - self.clock() + 0.999)
        if left <= 0:
            self.timer.stop()
            self.problem.setText(self.tr("Phrase de passe incorrecte. Vous pouvez réessayer."))
            self._typed()
            return
        self.problem.setText(self.tr(
            "Phrase de passe incorrecte (%1 essais). Réessayez dans %2 s."
        ).replace("%1", str(self.failures)).replace("%2", str(left)))  # fmt: skip

    # --- what it does --------------------------------------------------------------------------
    def _entered(self) -> None:
        """Enter in the first field: open, or (choosing) go to the second one."""
        if self.mode == "choose" and not self.confirm.text():
            self.confirm.setFocus()
        elif self.ok.isEnabled():
            self.submit()

    def submit(self) -> bool:
        """Open (or encrypt) with what was typed; True once the key is registered."""
        if self.clock() < self.wait_until or self.mode == "lost":
            return False
        text = self.passphrase.text()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self.mode == "choose":
                keys.choose_passphrase(self.copy, text, self.confirm.text())
            else:
                keys.unlock_with_passphrase(self.copy, text)
        except keys.WrongPassphrase:
            QGuiApplication.restoreOverrideCursor()
            self._wrong()
            return False
        except keys.WeakPassphrase as exc:
            QGuiApplication.restoreOverrideCursor()
            self.problem.setText(self._weak_text(text, exc))
            return False
        except OffaError as exc:
            QGuiApplication.restoreOverrideCursor()
            self.problem.setText(exc.message)
            return False
        QGuiApplication.restoreOverrideCursor()
        self.passphrase.clear()
        self.confirm.clear()
        self.accept()
        return True

    def _weak_text(self, text: str, exc: keys.WeakPassphrase) -> str:
        if keys.strength(text) == 0:
            return self.tr("La phrase de passe doit compter au moins %1 caractères.").replace(
                "%1", str(keys.MIN_LENGTH)
            )
        return self.tr("Les deux phrases de passe tapées ne sont pas identiques.")

    def _wrong(self) -> None:
        self.failures += 1
        self.passphrase.selectAll()
        if self.failures >= keys.TRIES_BEFORE_DELAY:
            self.wait_until = self.clock() + keys.DELAY_SECONDS
            self._tick()
            self.timer.start()
            self._typed()
            return
        left = keys.TRIES_BEFORE_DELAY - self.failures
        self.problem.setText(self.tr(
            "Phrase de passe incorrecte : la copie n'a pas été ouverte et rien n'a été modifié. "
            "Vérifiez les majuscules, les accents et les espaces (%1 essai(s) avant une pause)."
        ).replace("%1", str(left)))  # fmt: skip

    def forget_question(self) -> str:
        return self.tr(
            "La copie de travail chiffrée sera mise de côté, pas effacée, avec sa clé et ses "
            "sauvegardes, et une copie neuve sera créée sous une nouvelle phrase de passe : "
            "connectez-vous puis synchronisez pour la remplir depuis le serveur.\n\n"
            "Des modifications non envoyées pourraient s'y trouver (sans la phrase de passe, "
            "personne ne peut les compter) : elles seront perdues, sauf si vous retrouvez la "
            "phrase de passe, qui ouvre toujours la copie mise de côté.\n\nContinuer ?"
        )

    def forget(self) -> bool:
        """« Phrase de passe oubliée ? »: after the person confirmed, the copy set aside and a
        new passphrase to choose. True when it was set aside."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Phrase de passe oubliée"),
            self.forget_question(),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self,
        )  # fmt: skip
        box.setObjectName("passphrase-forget-question")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Mettre de côté"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Annuler"))
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.set_aside = keys.forget_passphrase(self.copy)
        except OffaError as exc:  # another window or command has the copy open
            self.problem.setText(exc.message)
            return False
        log.warning("passphrase forgotten: copy set aside to %s", self.set_aside)
        self.failures, self.wait_until = 0, 0.0
        self.timer.stop()
        self.passphrase.clear()
        self.problem.setText(
            self.tr("La copie a été mise de côté sous « %1 ». Choisissez une nouvelle phrase "
                    "de passe.").replace("%1", str(self.set_aside or self.copy))
        )  # fmt: skip
        self.mode = "choose" if keys.needs(self.copy) == "choose" else "keyring"
        if self.mode == "keyring":  # a secure keyring now: the new key goes there
            keys.unlock_from_keyring(self.copy)
            self.accept()
            return True
        self._show_mode()
        return True


def unlock_window(copy: Path, parent: QWidget | None = None) -> bool:
    """Register the key of ``copy`` before the window opens it: the keyring silently, else
    ``OFFA_PASSPHRASE`` when set (scripts, tests, benchmarks), else the dialog. False when the
    person quit."""
    need = keys.needs(copy)
    if need == "unlocked":
        return True
    problem = ""
    if need == "keyring":
        try:
            keys.unlock_from_keyring(copy)
            return True
        except keys.KeyUnavailable as exc:
            log.error("working copy key unavailable: %s", exc)
            need = "lost"
    elif os.environ.get(keys.PASSPHRASE_ENV) is not None and need != "lost":
        try:
            keys.unlock(copy, keys.env_source)
            return True
        except OffaError as exc:
            problem = exc.message
    dialog = PassphraseDialog(copy, need, parent, problem=problem)
    return dialog.exec() == QDialog.DialogCode.Accepted
