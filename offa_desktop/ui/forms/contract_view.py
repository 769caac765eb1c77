"""A contract opened from the list: what it says, its events, and the actions its status
allows (sign a draft, amendment, level change, suspension, resumption, termination, print)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.ops.contracts import drafting, replacing, viewing
from offa_desktop.ops.contracts import events as contract_events
from offa_desktop.ops.records import editing, overriding
from offa_desktop.ui import file_notice
from offa_desktop.ui.dialogs import close_buttons, confirmed
from offa_desktop.ui.formats import date_fr, name_of
from offa_desktop.ui.forms.base import tr
from offa_desktop.ui.forms.contract_event import TITLES, ContractEventForm
from offa_desktop.ui.forms.contract_wizard import ContractWizard
from offa_desktop.ui.forms.override_dialog import RuleOverrideDialog
from offa_desktop.ui.tables import fill_rows, read_only_table


class ContractDialog(QDialog):
    """One contract and its life.

    Signals: ``saved(ChangeSet)`` after an action changed it.
    """

    saved = Signal(object)

    def __init__(self, context: Any, record_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.wc = context.working_copy
        self.record_id = record_id
        self.setObjectName("contract-dialog")
        self.resize(860, 760)
        self.head = QLabel()
        self.head.setObjectName("contract-head")
        self.head.setWordWrap(True)
        self.head.setTextFormat(Qt.TextFormat.RichText)
        self.events = read_only_table([tr("Date d'effet"), tr("Événement"), tr("Motif")])
        self.message = QLabel()
        self.message.setObjectName("contract-message")
        self.message.setWordWrap(True)
        self.action_row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for key, text in (("edit", tr("Modifier le projet…")),
                          ("sign", tr("Marquer comme signé")),
                          *((k, tr(v) + "…") for k, v in TITLES.items()),
                          ("visit", tr("Visite de suivi…")),
                          ("replace", tr("Annuler et remplacer…")),
                          ("signed_on", tr("Date de signature…")),
                          ("print", tr("Imprimer"))):
            button = QPushButton(text)
            button.setAutoDefault(False)  # Enter must not start an amendment by surprise
            button.clicked.connect(lambda _c=False, k=key: self.act(k))
            self.buttons[key] = button
            self.action_row.addWidget(button)
        self.action_row.addStretch(1)
        close = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        self.events_title = QLabel(tr("<b>Événements</b>"))
        self.no_events = QLabel(tr("Aucun événement (avenant, changement de niveau, suspension, "
                                   "rupture) depuis la signature."))
        self.no_events.setObjectName("contract-no-events")
        self.no_events.setStyleSheet("color: #555;")
        layout.addWidget(self.events_title)
        layout.addWidget(self.events, 1)
        layout.addWidget(self.no_events)
        layout.addStretch(1)
        layout.addLayout(self.action_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.open_forms: list[QWidget] = []
        self.override_dialog: Any = None
        self.refresh()

    def refresh(self) -> None:
        contract, title = contract_events.contract_title(self.wc, self.record_id)
        self.contract = contract
        self.setWindowTitle(tr("Contrat") + " — " + title)
        status = contract.get("status")
        # what a secretariat checks before a phone call (issue 15: the view was sparse)
        rows = [(tr("Statut"), name_of("contract_status", status))]
        rows += [(tr(label), text) for label, text in viewing.contract_facts(
            self.wc, self.record_id)]
        from offa_desktop.ops.forecast import contract_forecasts

        rows += [(tr("Prime"), f.sentence()) for f in contract_forecasts(self.wc, self.record_id)]
        rows += [(tr("Dérogation"), line.removeprefix("Dérogation à "))
                 for line in overriding.shown(self.wc, contract)]
        before, after = replacing.chain(self.wc, self.record_id)
        rows += [(tr("Remplace"), self._link_text(link)) for link in before[-1:]]
        rows += [(tr("Remplacé par"), self._link_text(link)) for link in after[:1]]
        self.head.setText(f"<b>{html.escape(title)}</b><table>" + "".join(
            f"<tr><td style='padding-right:12px; color:#555'>{html.escape(a)}</td>"
            f"<td>{html.escape(b)}</td></tr>" for a, b in rows) + "</table>")
        reasons = {
            str(r.get("code")): str(r.get("label"))
            for collection in ("termination_reasons", "suspension_reasons")
            for r in editing.reference(self.wc, collection)
        }
        events = editing.find(self.wc, "contract_events", contract_id=self.record_id)
        events.sort(key=lambda e: str(e[1].get("effective_date")))
        fill_rows(self.events, [
            (event_id, (
                date_fr(event.get("effective_date")),
                tr(TITLES.get(str(event.get("kind")), str(event.get("kind")))),
                reasons.get(str(event.get("reason_code")), ""),
            ))
            for event_id, event in events
        ])  # fmt: skip
        self.events.setVisible(bool(events))
        self.no_events.setVisible(not events)
        allowed = set(contract_events.allowed_kinds(str(status)))
        for key, button in self.buttons.items():
            if key in ("sign", "edit"):
                button.setVisible(status == "draft")
            elif key == "replace":
                button.setVisible(replacing.can_replace(contract) and not after)
            elif key == "signed_on":  # put right the day a scan or a click marked it signed
                button.setVisible(status != "draft" and bool(contract.get("signed_on")))
            elif key not in ("print", "visit"):
                button.setVisible(key in allowed)

    @staticmethod
    def _link_text(link: Any) -> str:
        status = name_of("contract_status", link.status)
        signed = f", {tr('signé le')} {date_fr(link.signed_on)}" if link.signed_on else ""
        return f"{link.title} ({status}{signed})"

    def act(self, key: str) -> QWidget | None:
        if key == "replace":
            return self.replace()
        if key == "signed_on":
            return self.correct_signed_on()
        if key == "sign":
            self.sign()
            return None
        if key == "edit":
            wizard = ContractWizard(self.context, self.record_id, self)
            wizard.saved.connect(self._changed)
            self.open_forms.append(wizard)
            wizard.show()
            return wizard
        if key == "visit":
            from offa_desktop.ui.forms.visit import VisitForm

            visit = VisitForm(self.context, None, self, initial={"contract_id": self.record_id})
            visit.saved.connect(self._changed)
            self.open_forms.append(visit)
            visit.show()
            return visit
        if key == "print":
            folder = Path(getattr(self.context, "folder", ".")) / "impressions"
            self.context.tasks.background(
                drafting.render_contract, self.wc, self.record_id, folder
            ).success(lambda path: file_notice.announce(
                self.context.extras.get("window") or self, tr("Contrat imprimé\u00a0:"), path)
            ).failure(self._failed).run()
            return None
        form = ContractEventForm(
            self.context, None, self, initial={"contract_id": self.record_id, "kind": key}
        )
        form.saved.connect(self._changed)
        self.open_forms.append(form)
        form.show()
        return form

    def correct_signed_on(self) -> QWidget:
        """«Date de signature…»: the signing day put right (a scan's day may not be it)."""
        from offa_desktop.domain.values import parse_date
        from offa_desktop.ui.forms.signed_on_dialog import SignedOnDialog

        raw = self.contract.get("signed_on")
        dialog = SignedOnDialog(parse_date(str(raw)) if raw else None, self)
        dialog.accepted.connect(lambda: self.context.tasks.op(
            editing.save, self.wc, "contracts", self.record_id,
            {"signed_on": dialog.day().isoformat()},
        ).success(self._changed).failure(self._failed).run())  # fmt: skip
        self.open_forms.append(dialog)
        dialog.open()
        return dialog

    def replace(self) -> QWidget | None:
        """«Annuler et remplacer»: a new draft with this contract's data, opened at once."""
        if not confirmed(
            self,
            tr("Annuler et remplacer"),
            tr("Un nouveau projet de contrat reprend toutes les données de celui-ci. Corrigez-le "
               "et faites-le signer : à sa signature, ce contrat-ci sera rompu avec le motif "
               "« remplacé ». Continuer ?"),
        ):  # fmt: skip
            return None
        self.context.tasks.op(replacing.replace, self.wc, self.record_id).success(
            self._replaced
        ).failure(self._failed).run()
        return None

    def _replaced(self, saved: Any) -> None:
        self.refresh()
        self.saved.emit(saved)
        dialog = ContractDialog(self.context, saved.record_id, self.parentWidget())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.message.setText(
            tr("Projet de remplacement créé : corrigez-le («Modifier le projet…»), puis marquez-le "
               "signé.")
        )  # fmt: skip
        self.open_forms.append(dialog)
        dialog.show()

    def sign(self) -> None:
        """Move a draft to signed (today) when nothing blocks it; else list what does."""
        today = editing.today(self.wc).isoformat()
        data = {**self.contract, "status": "signed", "signed_on": today}
        check = editing.check(self.wc, "contracts", data, previous=self.contract,
                                record_id=self.record_id)
        if check.blocking:
            offer = overriding.offer("contracts", check.blocking, self.context.role())
            self.message.setStyleSheet("color: #a93226;")
            self.message.setText(tr("Signature impossible\u00a0:") + "\n" + "\n".join(
                "• " + line for line in (*(m for _r, _n, ms in offer.overridable for m in ms),
                                         *offer.not_allowed, *offer.impossible)))
            if offer.overridable:
                self.override_dialog = RuleOverrideDialog(
                    tr("Signer avec une dérogation"), tr("Signer avec dérogation"),
                    offer.overridable, [*offer.not_allowed, *offer.impossible], self)
                self.override_dialog.accepted.connect(lambda: self._sign_overriding(today))
                self.override_dialog.open()
            return
        pending = "; ".join(check.pending)
        self.context.tasks.op(
            editing.save, self.wc, "contracts", self.record_id,
            {"status": "signed", "signed_on": today},
        ).success(lambda changes: self._changed(changes, pending)).failure(self._failed).run()

    def _sign_overriding(self, today: str) -> None:
        dialog = self.override_dialog
        self.context.tasks.op(
            overriding.save_with_overrides, self.wc, "contracts", self.record_id,
            {"status": "signed", "signed_on": today}, dialog.rules, dialog.reason(),
            self.context.role(),
        ).success(lambda changes: self._changed(changes)).failure(self._failed).run()

    def _changed(self, changes: Any, pending: str = "") -> None:
        self.message.setStyleSheet("color: #1e8449;")
        text = tr("Enregistré.")
        if pending:
            text += " " + tr("Vérifié à la synchronisation\u00a0: ") + pending + "."
        self.message.setText(text)
        self.refresh()
        self.saved.emit(changes)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet("color: #a93226;")
        self.message.setText(tr("Action impossible\u00a0: ") + str(error))


def open_contract(context: Any, record_id: str | None, parent: QWidget | None) -> QDialog:
    """The wizard for a new contract, the contract dialog for an existing one."""
    if record_id is None:
        return ContractWizard(context, None, parent)
    return ContractDialog(context, record_id, parent)
