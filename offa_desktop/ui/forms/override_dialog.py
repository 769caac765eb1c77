"""Setting rules aside with a reason (``domain.overrides``): what blocks, which rules the user's
role may override, which never can be, and the reason to give. OK stays disabled until the
reason is long enough; it is kept on the record and in its history, with the user's name."""

from __future__ import annotations

import html

from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain import overrides
from offa_desktop.ui.dialogs import ok_cancel_buttons
from offa_desktop.ui.forms.base import tr


class RuleOverrideDialog(QDialog):
    """``overridable``: (rule code, French name, messages) the user may set aside;
    ``impossible``: messages of rules that are never set aside (the dialog then only
    explains)."""

    def __init__(
        self,
        title: str,
        action: str,
        overridable: list[tuple[str, str, list[str]]],
        impossible: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rule-override-dialog")
        self.setWindowTitle(title)
        self.rules = [code for code, _name, _messages in overridable]
        parts = []
        if overridable:
            items = "".join(
                f"<li><b>{html.escape(name)}</b>"
                + "".join(f"<br/>{html.escape(m)}" for m in messages)
                + "</li>"
                for _code, name, messages in overridable
            )
            parts.append(tr("Règle(s) auxquelles vous pouvez déroger :") + f"<ul>{items}</ul>")
        if impossible:
            items = "".join(f"<li>{html.escape(m)}</li>" for m in impossible)
            parts.append(
                tr("Règle(s) impérative(s), sans dérogation possible : corrigez d'abord.")
                + f"<ul>{items}</ul>"
            )
        if overridable and not impossible:
            parts.append(
                tr(
                    "Pour continuer quand même, dites pourquoi (au moins %1 caractères) : la "
                    "raison est enregistrée sur la fiche, imprimée et gardée dans son historique, "
                    "avec votre nom."
                ).replace("%1", str(overrides.REASON_MIN))
            )
        intro = QLabel("".join(parts))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        self.text = QPlainTextEdit()
        self.text.setObjectName("override-reason")
        self.text.setVisible(bool(overridable) and not impossible)
        layout.addWidget(self.text)
        buttons, self.ok = ok_cancel_buttons(self, action)
        self.ok.setEnabled(False)
        self.ok.setVisible(bool(overridable) and not impossible)
        layout.addWidget(buttons)
        self.text.textChanged.connect(
            lambda: self.ok.setEnabled(len(self.reason()) >= overrides.REASON_MIN)
        )
        self.resize(560, 360)

    def reason(self) -> str:
        return self.text.toPlainText().strip()

    def entries(self) -> list[dict[str, str]]:
        """The new overrides to append: one per rule, the same reason."""
        return [{"rule": rule, "reason": self.reason()} for rule in self.rules]
