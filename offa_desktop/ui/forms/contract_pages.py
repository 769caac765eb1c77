"""The pages of the contract wizard: the base every page shares, then terms (dates, weekly
schedule, signatory) and pay. The learner and place pages are in ``contract_choice.py``.

Each page writes into the wizard's ``data`` and shows, under its fields, the domain's problems
of its own fields (red: they block "Suivant"; amber: warnings and what will block the signature
later, such as a running contract of the learner). One line above the buttons says what is
still missing before "Suivant", so the button is never greyed out without a reason; "ce champ
est requis" is never shown in red for a field nobody has filled yet.
"""

from __future__ import annotations

import html
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from offa_desktop.domain.problems import Problem
from offa_desktop.domain.values import format_money_fr, format_percent_fr, parse_date
from offa_desktop.ops.contracts import drafting
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.forms.base import field_label, tr
from offa_desktop.ui.forms.contract_state import ContractWizard
from offa_desktop.ui.forms.fields import (
    ChoiceField,
    DateField,
    Field,
    MoneyField,
    TextField,
)
from offa_desktop.ui.forms.schedule_grid import GridTable

K = "contracts"
OPTION_ROLE = Qt.ItemDataRole.UserRole
RED, AMBER = "#a93226", "#9a5b00"
# What a person does to fill a field, for the "Pour continuer" line.
TO_FILL = {
    "learner_id": "choisir l'apprenant dans la liste",
    "establishment_unit_id": "choisir l'unité d'établissement",
    "approval_id": "choisir l'agrément (le métier)",
    "tutor_id": "choisir le tuteur",
    "start_date": "indiquer la date de début",
    "end_date": "indiquer la date de fin",
    "referent_name": "indiquer le nom du référent",
    "company_signatory": "indiquer le signataire pour l'entreprise",
    "operator_code": "choisir l'opérateur",
    "level": "choisir le niveau",
    "monthly_pay": "indiquer la rétribution mensuelle",
}


def day_of(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def coloured(problems: list[Problem], colour: str, prefix: str = "") -> list[str]:
    return [f"<span style='color:{colour}'>{html.escape(prefix + p.message)}</span>"
            for p in problems]


class ContractPage(QWizardPage):
    """A wizard page owning some contract fields; ``problems`` shows theirs, ``missing`` what
    is left to do before "Suivant"."""

    owns: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # fields that must be filled before Next
    # problems of the move to "signed" shown here too, in amber (an overlap, the capacity)
    signing_codes: tuple[str, ...] = ()

    def __init__(self, wizard: ContractWizard, title: str) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.problems = wrapping_label("page-problems", rich=True)
        self.missing = wrapping_label("page-missing", style="color: #1f3b57; font-weight: bold;")
        self.unreadable: list[Problem] = []
        self.found: list[Problem] = []
        self.later: list[Problem] = []  # what will block the signature, shown in amber

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problems)
        self.layout_.addWidget(self.missing)

    def store(self) -> None:
        """Write this page's inputs into ``wiz.data`` (unreadable ones into ``unreadable``)."""

    def refresh(self) -> None:
        self.store()
        draft = self.wiz.check("draft")
        unreadable = {p.field for p in self.unreadable}
        self.found = self.unreadable + [
            p for p in draft.problems
            if p.field in self.owns and p.code != "required" and p.field not in unreadable
        ]
        shown_codes = {(p.field, p.code) for p in self.found}
        self.later = []
        if self.signing_codes:
            self.later = [
                p for p in self.wiz.check("signed").problems
                if p.code in self.signing_codes and (p.field, p.code) not in shown_codes
            ]
        lines = coloured([p for p in self.found if not p.warning], RED)
        lines += coloured([p for p in self.found if p.warning], AMBER)
        lines += coloured(self.later, AMBER, tr("Avant la signature\u00a0: "))
        self.problems.setText("<br>".join(lines))
        self.missing.setText(self.missing_text())
        self.completeChanged.emit()

    def missing_text(self) -> str:
        """One line: what to do before "Suivant" (empty when it is enabled)."""
        todo = [tr(TO_FILL.get(n, n)) for n in self.needs if self.wiz.data.get(n) is None
                and n not in {p.field for p in self.unreadable}]
        if any(not p.warning for p in self.found):
            todo.insert(0, tr("corriger ce qui est en rouge"))
        if not todo:
            return ""
        return tr("Pour continuer\u00a0: ") + ", ".join(todo) + "."

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        if any(not p.warning for p in self.found):
            return False
        return all(self.wiz.data.get(name) is not None for name in self.needs)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.refresh()

    def editor_of(self, name: str) -> QWidget | None:
        """The widget where ``name`` is typed or chosen (None: nothing to focus)."""
        return None

    def focus_missing(self) -> None:
        """Put the cursor on the first field in red, else the first one still empty."""
        wanted = [p.field for p in self.found if not p.warning]
        wanted += [n for n in self.needs if self.wiz.data.get(n) is None]
        for name in wanted:
            editor = self.editor_of(name)
            if editor is not None and editor.isEnabled():
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                return


class TermsPage(ContractPage):
    owns = ("start_date", "end_date", "schedule", "referent_name", "company_signatory",
            "operator_code", "trade_code")
    needs = ("start_date", "end_date", "referent_name", "company_signatory", "operator_code")
    signing_codes = ("overlap", "capacity", "tutor_capacity", "approval_not_granted")

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Métier, dates et horaire"))
        self.setSubTitle(tr("Dates au choix\u00a0: 01/09/2027, 1/9/27, 01092027 ou "
                            "«\u00a0demain\u00a0»."))
        form = QFormLayout()
        self.trade = QLabel()
        form.addRow(field_label(K, "trade_code"), self.trade)
        self.fields: dict[str, Field] = {
            "start_date": DateField(field_label(K, "start_date")),
            "end_date": DateField(field_label(K, "end_date")),
            "company_signatory": TextField(field_label(K, "company_signatory")),
            "operator_code": ChoiceField(field_label(K, "operator_code"),
                                         wizard.operator_choices),
            "referent_name": TextField(field_label(K, "referent_name")),
            "referent_email": TextField(field_label(K, "referent_email")),
        }
        for name, field in self.fields.items():
            form.addRow(field.label[:1].upper() + field.label[1:], field.widget)
            field.set_value(wizard.data.get(name))
            field.edited.connect(self.refresh)
        self.trial = QLabel()
        form.addRow(tr("Période d'essai"), self.trial)
        self.layout_.addLayout(form)
        self.grid = GridTable()
        self.grid.set_schedule(wizard.data.get("schedule") or {})
        self.grid.itemChanged.connect(lambda _item: self.refresh())
        self.totals = QLabel()
        self.totals.setObjectName("schedule-totals")
        self.layout_.addWidget(QLabel(tr("<b>Grille horaire hebdomadaire de référence</b>")))
        self.layout_.addWidget(self.grid)
        self.layout_.addWidget(self.totals)
        self.finish_layout()
        self._signatories_of: str | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        """Fill what the choices made so far tell: the trade, a start the day after the
        learner's running contract, the learner's operator, the company's usual signatory."""
        data = self.wiz.data
        self.trade.setText(self.wiz.trade_name(data.get("trade_code")))
        engaged = (self.wiz.learner or {}).get("_engaged")
        if data.get("start_date") is None and engaged is not None and engaged.end is not None:
            self.fields["start_date"].set_value((engaged.end + timedelta(days=1)).isoformat())
        operator = (self.wiz.learner or {}).get("operator_code")
        if operator and self.wiz.record_id is None:
            self.fields["operator_code"].set_value(operator)
        unit_id = data.get("establishment_unit_id")
        if unit_id and unit_id != self._signatories_of:
            self._signatories_of = str(unit_id)
            names = drafting.company_signatories(self.wiz.wc, str(unit_id))
            signatory = self.fields["company_signatory"]
            assert isinstance(signatory, TextField)
            completer = QCompleter(names, signatory.line)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            signatory.line.setCompleter(completer)
            if names and signatory.value() is None:
                signatory.set_value(names[0])
        super().initializePage()
        start = self.fields["start_date"]
        assert isinstance(start, DateField)
        target = start if start.value() is None else self.fields["end_date"]
        assert isinstance(target, TextField)
        target.line.setFocus(Qt.FocusReason.OtherFocusReason)
        target.line.selectAll()

    def editor_of(self, name: str) -> QWidget | None:
        field = self.fields.get(name)
        return field.editor if field is not None else (self.grid if name == "schedule" else None)

    def store(self) -> None:
        self.unreadable = []
        for name, field in self.fields.items():
            try:
                self.wiz.data[name] = field.value()
            except ValueError as exc:
                self.wiz.data[name] = None
                self.unreadable.append(Problem(name, "invalid", str(exc)))
        schedule, bad = self.grid.schedule()
        self.unreadable += bad
        self.wiz.data["schedule"] = schedule if not bad else self.wiz.data.get("schedule")
        hours = drafting.schedule_totals(self.wiz.wc, schedule, self.wiz.data.get("trade_code"))
        self.totals.setText(
            tr("En entreprise\u00a0: %1 h par semaine (20 h au moins) — avec les cours\u00a0: "
               "%2 h (%3 h au plus) — %4 h par jour au plus.")
            .replace("%1", _hours(hours.company))
            .replace("%2", _hours(hours.total))
            .replace("%3", _hours(hours.max_weekly))
            .replace("%4", _hours(hours.max_daily))
        )
        start = day_of(self.wiz.data.get("start_date"))
        self.trial.setText(self.wiz.trial_text(start))


class PayPage(ContractPage):
    owns = ("level", "monthly_pay")
    needs = ("level", "monthly_pay")

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Niveau et rétribution"))
        self.setSubTitle(tr("Le minimum vient des barèmes datés en vigueur à la date de début."))
        form = QFormLayout()
        self.level = ChoiceField(field_label(K, "level"),
                                 [("a", "A"), ("b", "B"), ("c", "C")], empty=False)
        self.pay = MoneyField(field_label(K, "monthly_pay"))
        self.minimum = QLabel()
        self.minimum.setObjectName("pay-minimum")
        form.addRow(field_label(K, "level"), self.level.widget)
        form.addRow(tr("Minimum"), self.minimum)
        form.addRow(field_label(K, "monthly_pay"), self.pay.widget)
        self.layout_.addLayout(form)
        self.layout_.addStretch(1)
        self.finish_layout()
        self.level.edited.connect(self.level_changed)
        self.pay.edited.connect(self.refresh)
        self._last_minimum: str | None = None

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        if self.wiz.data.get("monthly_pay") is not None:
            self.pay.set_value(self.wiz.data["monthly_pay"])
        self.level.set_value(self.wiz.data.get("level") or "a")
        self.level_changed()
        self.pay.line.setFocus(Qt.FocusReason.OtherFocusReason)
        self.pay.line.selectAll()

    def editor_of(self, name: str) -> QWidget | None:
        return {"level": self.level.editor, "monthly_pay": self.pay.editor}.get(name)

    def level_changed(self) -> None:
        """Show the minimum of the level on the start date and pre-fill the pay with it (unless
        the user typed another amount)."""
        level = self.level.value() or "a"
        start = day_of(self.wiz.data.get("start_date")) or self.wiz.today
        facts = drafting.pay_facts(self.wiz.wc, level, start)
        if facts.minimum is None:
            self.minimum.setText(tr("aucun barème en vigueur à cette date"))
        else:
            self.minimum.setText(
                tr("%1 (%2 du RMMMG de %3, au %4)")
                .replace("%1", format_money_fr(facts.minimum))
                .replace("%2", format_percent_fr(facts.percent or Decimal(0)))
                .replace("%3", format_money_fr(facts.rmmmg or Decimal(0)))
                .replace("%4", self.wiz.fmt_date(start.isoformat()))
            )
            current = self.wiz.data.get("monthly_pay")
            if current is None or current == self._last_minimum:
                self.pay.set_value(f"{facts.minimum:.2f}")
            self._last_minimum = f"{facts.minimum:.2f}"
        self.refresh()

    def store(self) -> None:
        self.unreadable = []
        self.wiz.data["level"] = self.level.value()
        try:
            self.wiz.data["monthly_pay"] = self.pay.value()
        except ValueError as exc:
            self.wiz.data["monthly_pay"] = None
            self.unreadable.append(Problem("monthly_pay", "invalid", str(exc)))
