"""The contract wizard: learner -> unit, granted approval and tutor -> trade, dates and weekly
schedule -> level and pay -> review -> save (as a draft or signed), or save and print.

The contract is built in ``data`` (API-shaped). Each page checks its own fields with the
domain's draft rules; the review checks the whole contract as it would be signed, lists what
blocks the signature and the checks left to the server («vérifié à la synchronisation»).
Saving runs on the writer lane; printing (PDF) on the pool.
"""

from __future__ import annotations

import html
import logging
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QPushButton, QRadioButton, QWidget, QWizard

from offa_desktop.domain.choices import WEEKDAYS
from offa_desktop.domain.dates import age_on, trial_period_end
from offa_desktop.domain.errors import user_message
from offa_desktop.domain.rules import MAJORITY
from offa_desktop.domain.shapes import DAY_NAMES_FR
from offa_desktop.domain.values import format_date_fr, format_money_fr, parse_date, parse_money
from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.records import editing
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui import file_notice
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.forms.base import tr
from offa_desktop.ui.forms.contract_choice import LearnerPage, PlacePage
from offa_desktop.ui.forms.contract_pages import ContractPage, PayPage, TermsPage
from offa_desktop.ui.forms.support import code_choices, operator_choices, user_profile

log = logging.getLogger("offa.ui")
DEFAULT_SCHEDULE = {
    "mon": {"company_hours": 7.5},
    "tue": {"company_hours": 7.5},
    "wed": {"company_hours": 7.5},
    "thu": {"operator_hours": 7.5},
    "fri": {"company_hours": 7.5},
}


class ReviewPage(ContractPage):
    """Everything at a glance, what blocks the signature, and the status to save."""

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Vérification"))
        self.summary = wrapping_label("review-summary")
        self.draft = QRadioButton(tr("Enregistrer comme projet (à faire signer)"))
        self.signed = QRadioButton(tr("Enregistrer comme signé aujourd'hui (3 exemplaires "
                                      "signés)"))
        self.draft.setChecked(True)
        self.pending = wrapping_label("review-pending", style="color: #555; font-style: italic;")
        for widget in (self.summary, self.draft, self.signed):
            self.layout_.addWidget(widget)
        self.finish_layout()
        self.layout_.addWidget(self.pending)
        self.layout_.addStretch(1)
        self.draft.toggled.connect(lambda _on: self.refresh())

    def refresh(self) -> None:
        wiz = self.wiz
        wiz.data["status"] = "signed" if self.signed.isChecked() else "draft"
        wiz.data["signed_on"] = wiz.today.isoformat() if self.signed.isChecked() else None
        self.summary.setText(wiz.summary_html())
        signing = wiz.check("signed")
        blocking = signing.blocking
        lines = []
        if blocking:
            lines.append("<b>" + html.escape(tr("À régler avant la signature\u00a0:")) + "</b>")
            lines += [f"<span style='color:#a93226'>• {html.escape(p.message)}</span>"
                      for p in blocking]
        else:
            lines.append("<b style='color:#1e8449'>" + html.escape(
                tr("Rien ne bloque la signature dans cette copie de travail.")) + "</b>")
        lines += [f"<span style='color:#9a5b00'>• {html.escape(p.message)}</span>"
                  for p in signing.warnings]
        self.problems.setText("<br>".join(lines))
        self.found = blocking if self.signed.isChecked() else wiz.check("draft").blocking
        self.pending.setText(
            tr("Vérifié à la synchronisation\u00a0: ") + "; ".join(signing.pending) + "."
            if signing.pending else ""
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return not self.found and not self.wiz.saving


class ContractWizard(QWizard):
    """Draw up a new contract.

    Signals: ``saved(ChangeSet)`` once written; ``printed(str)`` with the PDF's path.
    """

    saved = Signal(object)
    printed = Signal(str)
    print_button = QWizard.WizardButton.CustomButton1

    def __init__(
        self, context: Any, record_id: str | None = None, parent: QWidget | None = None,
        *, learner_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.wc = context.working_copy
        self.record_id: str | None = None
        self.saving = False
        self.print_after = False
        self.today = editing.today(self.wc)
        profile = user_profile(context)
        self.data: dict[str, Any] = {
            "learner_id": learner_id,
        "establishment_unit_id": None,
        "approval_id": None,
        "tutor_id": None,
        "trade_code": None,
            "operator_code": profile.get("operator_code"),
            "referent_name": profile.get("display_name"),
            "referent_email": profile.get("email"),
            "status": "draft",
            "level": "a",
            "schedule": dict(DEFAULT_SCHEDULE),
        }
        self.previous: dict[str, Any] | None = None
        if record_id is not None:  # a draft drawn up earlier, edited again
            self.previous = editing.load(self.wc, "contracts", record_id)
            if self.previous is not None:
                self.record_id = record_id
                self.data = dict(self.previous)
        self.learner: dict[str, Any] = {}
        self.operator_choices = operator_choices(self.wc)
        self._trades = dict(code_choices(self.wc, "trades"))
        self.setWindowTitle(tr("Projet de contrat d'alternance") if self.record_id
                            else tr("Nouveau contrat d'alternance"))
        self.setObjectName("contract-wizard")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.resize(760, 720)
        self.setButtonText(QWizard.WizardButton.NextButton, tr("&Suivant >"))
        self.setButtonText(QWizard.WizardButton.BackButton, tr("< &Précédent"))
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("&Enregistrer"))
        self.setButtonText(QWizard.WizardButton.CancelButton, tr("Annuler"))
        self.setButtonText(self.print_button, tr("Enregistrer et &imprimer (Ctrl+P)"))
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.customButtonClicked.connect(self._custom)
        # Enter always means going on ("Suivant", then "Enregistrer"): a focused button other
        # than the default one must not take it (Tab on the pay page reached "Précédent").
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton,
                      QWizard.WizardButton.FinishButton, QWizard.WizardButton.CancelButton,
                      self.print_button):
            button = self.button(which)
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
        QShortcut(QKeySequence.StandardKey.Print, self).activated.connect(self.save_and_print)
        self.pages = [LearnerPage(self), PlacePage(self), TermsPage(self), PayPage(self),
                      ReviewPage(self)]
        for page in self.pages:
            self.addPage(page)
        self.currentIdChanged.connect(self._page_changed)
        self._page_changed(self.currentId())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter on a page that cannot go on yet puts the cursor where something is missing
        (the line above the buttons says what)."""
        page = self.currentPage()
        if (event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(page, ContractPage)
                and not page.isComplete()):
            page.focus_missing()
            event.accept()
            return
        super().keyPressEvent(event)

    # --- facts the pages show ------------------------------------------------------------------
    def check(self, status: str) -> Check:
        data = {**self.data, "status": status}
        if status == "draft":
            data["signed_on"] = None
        elif data.get("signed_on") is None:
            data["signed_on"] = self.today.isoformat()
        return editing.check(self.wc, "contracts", data, previous=self.previous,
                               record_id=self.record_id)

    def is_minor(self, learner: dict[str, Any]) -> bool:
        born = _day(learner.get("birth_date"))
        on = _day(self.data.get("start_date")) or self.today
        return born is not None and age_on(born, on) < MAJORITY

    @staticmethod
    def fmt_date(value: Any) -> str:
        day = _day(value)
        return format_date_fr(day) if day else "—"

    def trade_name(self, code: Any) -> str:
        return self._trades.get(str(code), str(code or "—"))

    def trial_text(self, start: date | None) -> str:
        if start is None:
            return "—"
        return tr("du %1 au %2").replace("%1", format_date_fr(start)).replace(
            "%2", format_date_fr(trial_period_end(start)))

    def summary_html(self) -> str:
        d = self.data
        page = self.pages[1]
        assert isinstance(page, PlacePage)
        unit = page.units.currentItem()
        tutor = page.tutors.currentItem()
        learner = self.learner
        hours = []
        for day in WEEKDAYS:
            cell = (d.get("schedule") or {}).get(day) or {}
            if cell:
                hours.append(f"{DAY_NAMES_FR[day]} {cell.get('company_hours', 0):g}/"
                             f"{cell.get('operator_hours', 0):g}")
        pay = d.get("monthly_pay")
        rows = [
            (tr("Apprenant"), f"{learner.get('last_name', '')} {learner.get('first_name', '')}"),
            (tr("Unité"), unit.text().split("   ·")[0] if unit else "—"),
            (tr("Métier"), self.trade_name(d.get("trade_code"))),
            (tr("Tuteur"), tutor.text().split("   ·")[0] if tutor else "—"),
            (tr("Du … au"), f"{self.fmt_date(d.get('start_date'))} — "
                            f"{self.fmt_date(d.get('end_date'))}"),
            (tr("Période d'essai"), self.trial_text(_day(d.get("start_date")))),
            (tr("Horaire (entreprise/opérateur)"), ", ".join(hours).replace(".", ",")),
            (tr("Niveau"), str(d.get("level") or "—").upper()),
            (tr("Rétribution mensuelle"), format_money_fr(parse_money(pay)) if pay else "—"),
            (tr("Référent"), str(d.get("referent_name") or "—")),
            (tr("Signataire pour l'entreprise"), str(d.get("company_signatory") or "—")),
        ]
        cells = "".join(f"<tr><td style='padding-right:12px'><b>{html.escape(a)}</b></td>"
                        f"<td>{html.escape(b)}</td></tr>" for a, b in rows)
        return f"<table>{cells}</table>"

    # --- saving --------------------------------------------------------------------------------
    def _page_changed(self, _id: int) -> None:
        self.button(self.print_button).setVisible(self.currentPage() is self.pages[-1])

    def _custom(self, which: int) -> None:
        if which == QWizard.WizardButton.CustomButton1.value:
            self.save_and_print()

    def save_and_print(self) -> None:
        """Ctrl+P or "Enregistrer et imprimer": on the review page, save then print; on an
        earlier page, go to the review first when every page is complete."""
        if self.currentPage() is not self.pages[-1]:
            while self.currentPage() is not self.pages[-1] and self.currentPage().isComplete():
                self.next()
            if self.currentPage() is not self.pages[-1]:
                return
        self.print_after = True
        self.accept()

    def accept(self) -> None:
        """Finish: save (then print when asked); the wizard closes once saved."""
        if self.saving:
            return
        review = self.pages[-1]
        review.refresh()
        if not review.isComplete():
            return
        self.saving = True
        review.completeChanged.emit()
        data = editing.full_record("contracts", self.data)
        self.context.tasks.op(drafting.save_contract, self.wc, data, self.record_id).success(
            self._saved).failure(self._failed).run()

    def blocking_now(self) -> list[Any]:
        """What would stop saving the draft now (the unsaved-changes question reads it)."""
        return [p for page in self.pages for p in page.unreadable] + self.check("draft").blocking

    def reject(self) -> None:
        """Cancel with a learner already chosen asks: enregistrer / abandonner / annuler."""
        if self.saving:
            return
        if self.data.get("learner_id") is not None:
            from offa_desktop.ui.forms.base import RecordForm
            from offa_desktop.ui.forms.unsaved import UnsavedChoice

            choice = RecordForm.ask(self)
            if choice == UnsavedChoice.CANCEL:
                return
            if choice == UnsavedChoice.SAVE:
                self.accept()
                return
        super().reject()

    def _saved(self, changes: Any) -> None:
        self.saving = False
        self.record_id = changes.record_id or self.record_id
        self.saved.emit(changes)
        window = self.context.extras.get("window") or self.parentWidget()
        if self.print_after and self.record_id:
            blocking = len(self.check("signed").blocking) if self.data.get(
                "status") == "draft" else 0
            folder = Path(getattr(self.context, "folder", ".")) / "impressions"
            self.context.tasks.background(
                drafting.render_contract, self.wc, self.record_id, folder
            ).success(lambda path: self._printed(window, path, blocking)).failure(
                lambda error: _print_failed(window, error)).run()
        elif window is not None and hasattr(window, "statusBar"):
            window.statusBar().showMessage(tr("Contrat enregistré."), 10_000)
        super().accept()

    def _printed(self, window: QWidget | None, path: Path, blocking: int) -> None:
        text = tr("Contrat enregistré et imprimé\u00a0:")
        if blocking:
            text = tr("Projet enregistré et imprimé (PROJET, %1 point(s) à régler avant la "
                      "signature)\u00a0:").replace("%1", str(blocking))
        file_notice.announce(window, text, path)
        self.printed.emit(str(path))

    def _failed(self, error: BaseException) -> None:
        self.saving = False
        log.error("contract save or print failed", exc_info=error)
        review = self.pages[-1]
        review.problems.setText("<b style='color:#a93226'>" + html.escape(
            tr("Enregistrement ou impression impossible\u00a0: ") + str(error)) + "</b>")
        review.completeChanged.emit()


def _print_failed(window: QWidget | None, error: BaseException) -> None:
    """The contract is saved; only its printing failed: say why, in the window."""
    from PySide6.QtWidgets import QMessageBox

    log.error("contract print failed", exc_info=error)
    message = user_message(error)
    box = QMessageBox(QMessageBox.Icon.Warning, tr("Impression impossible"),
                      tr("Le contrat est enregistré, mais son impression a échoué\u00a0: %1")
                      .replace("%1", message), QMessageBox.StandardButton.Ok, window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


def _day(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None
