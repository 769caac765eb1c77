"""The pages of the contract wizard: learner, place (unit, granted approval, tutor), terms
(dates, weekly schedule), pay. Each page writes into the wizard's ``data`` and shows the
domain's problems of its own fields; Next stays disabled while one blocks."""

from __future__ import annotations

import html
from datetime import date
from decimal import Decimal
from typing import Any, Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from offa_desktop.domain.problems import Problem
from offa_desktop.domain.values import format_money_fr, format_percent_fr, parse_date
from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.contracts.drafting import Option
from offa_desktop.ops.records.editing import Check
from offa_desktop.ui.forms.base import field_label, tr
from offa_desktop.ui.forms.fields import (
    ChoiceField,
    DateField,
    DeferredSearch,
    Field,
    MoneyField,
    TextField,
)
from offa_desktop.ui.forms.schedule_grid import GridTable


class ContractWizard(Protocol):
    """What the pages read of the wizard that holds them (``contract_wizard.ContractWizard``,
    which imports this module: a Protocol here, so the two do not import each other)."""

    context: Any
    wc: Any
    data: dict[str, Any]
    today: date
    operator_choices: list[tuple[str, str]]
    learner: dict[str, Any]
    saving: bool

    def summary_html(self) -> str: ...
    def check(self, status: str) -> Check: ...
    def is_minor(self, learner: dict[str, Any]) -> bool: ...
    def fmt_date(self, value: Any) -> str: ...
    def trade_name(self, code: Any) -> str: ...
    def trial_text(self, start: date | None) -> str: ...

K = "contracts"
OPTION_ROLE = Qt.ItemDataRole.UserRole


def _day(value: Any) -> date | None:
    try:
        return parse_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _hours(value: Decimal) -> str:
    return f"{value.normalize():f}".replace(".", ",")


def fill_list(widget: QListWidget, options: list[Option], selected: str | None) -> None:
    """Show ``options`` (label and detail); a full option (``_full``) is shown but disabled."""
    widget.blockSignals(True)
    widget.clear()
    for option in options:
        item = QListWidgetItem(f"{option.label}   ·   {option.detail}" if option.detail
                               else option.label)
        item.setData(OPTION_ROLE, option.id)
        if (option.data or {}).get("_full"):
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
        if option.id == selected:
            widget.setCurrentItem(item)
    widget.blockSignals(False)


def selected_id(widget: QListWidget) -> str | None:
    item = widget.currentItem()
    return str(item.data(OPTION_ROLE)) if item is not None and item.isSelected() else None


class ContractPage(QWizardPage):
    """A wizard page owning some contract fields; ``problems`` shows theirs."""

    owns: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()  # fields that must be filled before Next

    def __init__(self, wizard: ContractWizard, title: str) -> None:
        super().__init__()
        self.wiz = wizard
        self.setTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.problems = QLabel()
        self.problems.setObjectName("page-problems")
        self.problems.setWordWrap(True)
        self.problems.setTextFormat(Qt.TextFormat.RichText)
        self.unreadable: list[Problem] = []
        self.found: list[Problem] = []

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problems)

    def store(self) -> None:
        """Write this page's inputs into ``wiz.data`` (unreadable ones into ``unreadable``)."""

    def refresh(self) -> None:
        self.store()
        check = self.wiz.check("draft")
        self.found = self.unreadable + [p for p in check.problems if p.field in self.owns]
        shown = [f"<span style='color:{'#9a5b00' if p.warning else '#a93226'}'>"
                 f"{html.escape(p.message)}</span>" for p in self.found]
        self.problems.setText("<br>".join(shown))
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        if any(not p.warning for p in self.found):
            return False
        return all(self.wiz.data.get(name) is not None for name in self.needs)

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.refresh()


class LearnerPage(ContractPage):
    owns = ("learner_id",)
    needs = ("learner_id",)

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Apprenant"))
        self.setSubTitle(tr("Cherchez l'apprenant par son nom, son NISS ou sa localité."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Rechercher un apprenant…"))
        self.search.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.layout_.addWidget(self.search)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addWidget(self.info)
        self.finish_layout()
        wc = wizard.wc
        self.searcher = DeferredSearch(
            self.search, lambda text: drafting.learners(wc, text), self.show_options,
            getattr(wizard.context, "tasks", None))
        self.list.itemSelectionChanged.connect(self.refresh)
        chosen = wizard.data.get("learner_id")
        if chosen:  # start from the chosen learner's name so the list holds them
            learner = drafting.learner(wizard.wc, str(chosen))
            self.search.setText(str(learner.get("last_name") or ""))
        self.reload()

    def reload(self) -> None:
        """Search the learners of the current text now (typing searches on a worker)."""
        self.searcher.run_now()

    def show_options(self, options: list[Option]) -> None:
        self.options = {o.id: o for o in options}
        fill_list(self.list, options, self.wiz.data.get("learner_id"))
        self.refresh()

    def store(self) -> None:
        chosen = selected_id(self.list)
        if chosen is not None or not self.list.count():
            self.wiz.data["learner_id"] = chosen
        option = self.options.get(self.wiz.data.get("learner_id") or "")
        learner = dict(option.data or {}) if option else {}
        self.wiz.learner = learner
        if not learner:
            self.info.setText("")
            return
        minor = self.wiz.is_minor(learner)
        text = tr("Né(e) le %1.").replace("%1", self.wiz.fmt_date(learner.get("birth_date")))
        if minor and not learner.get("representative"):
            text += " " + tr("Mineur sans représentant légal\u00a0: à compléter dans sa fiche "
                             "avant la signature.")
        elif minor:
            text += " " + tr("Mineur, représenté par %1.").replace(
                "%1", str((learner.get("representative") or {}).get("name")))
        self.info.setText(text)


class PlacePage(ContractPage):
    owns = ("establishment_unit_id", "approval_id", "tutor_id")
    needs = ("establishment_unit_id", "approval_id", "tutor_id")

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Lieu de formation, agrément et tuteur"))
        self.setSubTitle(tr("Seules les unités ayant un agrément accordé et les tuteurs "
                            "désignés avec leur extrait de casier judiciaire sont proposés."))
        self.search = QLineEdit()
        self.search.setPlaceholderText(tr("Rechercher une unité d'établissement…"))
        self.units = QListWidget()
        self.capacity = QLabel()
        self.capacity.setObjectName("company-capacity")
        self.approvals = QListWidget()
        self.approvals.setMaximumHeight(90)
        self.tutors = QListWidget()
        self.tutors.setMaximumHeight(110)
        for widget in (QLabel(tr("<b>Unité d'établissement</b>")), self.search, self.units,
                       self.capacity, QLabel(tr("<b>Agrément accordé (métier)</b>")),
                       self.approvals, QLabel(tr("<b>Tuteur</b>")), self.tutors):
            self.layout_.addWidget(widget)
        self.finish_layout()
        wc = wizard.wc
        self.searcher = DeferredSearch(
            self.search, lambda text: drafting.units_with_granted_approval(wc, text),
            self.show_options, getattr(wizard.context, "tasks", None))
        self.units.itemSelectionChanged.connect(self.unit_chosen)
        self.approvals.itemSelectionChanged.connect(self.approval_chosen)
        self.tutors.itemSelectionChanged.connect(self.refresh)
        chosen = wizard.data.get("establishment_unit_id")
        if chosen:
            unit = drafting.unit(wizard.wc, str(chosen))
            self.search.setText(str(unit.get("name") or ""))
        self.reload()

    def on_date(self) -> date:
        return _day(self.wiz.data.get("start_date")) or self.wiz.today

    def reload(self) -> None:
        """Search the units of the current text now (typing searches on a worker)."""
        self.searcher.run_now()

    def show_options(self, options: list[Option]) -> None:
        fill_list(self.units, options, self.wiz.data.get("establishment_unit_id"))
        self.unit_chosen()

    def unit_chosen(self) -> None:
        unit_id = selected_id(self.units)
        if unit_id != self.wiz.data.get("establishment_unit_id"):
            self.wiz.data.update(approval_id=None, tutor_id=None, trade_code=None)
        self.wiz.data["establishment_unit_id"] = unit_id
        if unit_id is None:
            self.approvals.clear()
            self.tutors.clear()
            self.capacity.setText("")
        else:
            options = drafting.granted_approvals(self.wiz.wc, unit_id, None)
            self.approval_options = {o.id: o for o in options}
            fill_list(self.approvals, options, self.wiz.data.get("approval_id"))
            if len(options) == 1 and self.wiz.data.get("approval_id") is None:
                self.approvals.setCurrentRow(0)
            cap = drafting.company_capacity(self.wiz.wc, unit_id, self.on_date())
            text = tr("Entreprise\u00a0: %1 contrat(s) en cours pour %2 place(s)").replace(
                "%1", str(cap.running)).replace("%2", str(cap.limit if cap.limit else "?"))
            if cap.full:
                text += " — " + tr("complet")
                self.capacity.setStyleSheet("color: #a93226;")
            else:
                self.capacity.setStyleSheet("")
            self.capacity.setText(text + " " + tr("(copie locale, %1)").replace(
                "%1", self.wiz.fmt_date(self.on_date().isoformat())))
        self.approval_chosen()

    def approval_chosen(self) -> None:
        approval_id = selected_id(self.approvals)
        self.wiz.data["approval_id"] = approval_id
        approval = getattr(self, "approval_options", {}).get(approval_id or "")
        trade = (approval.data or {}).get("trade_code") if approval else None
        self.wiz.data["trade_code"] = trade
        unit_id = self.wiz.data.get("establishment_unit_id")
        if unit_id and trade:
            options = drafting.tutors(self.wiz.wc, unit_id, str(trade), self.on_date())
            fill_list(self.tutors, options, self.wiz.data.get("tutor_id"))
        else:
            self.tutors.clear()
        self.refresh()

    def store(self) -> None:
        self.wiz.data["tutor_id"] = selected_id(self.tutors)


class TermsPage(ContractPage):
    owns = ("start_date", "end_date", "schedule", "referent_name", "company_signatory",
            "operator_code", "trade_code")
    needs = ("start_date", "end_date", "referent_name", "company_signatory", "operator_code")

    def __init__(self, wizard: ContractWizard) -> None:
        super().__init__(wizard, tr("Métier, dates et horaire"))
        form = QFormLayout()
        self.trade = QLabel()
        form.addRow(field_label(K, "trade_code"), self.trade)
        self.fields: dict[str, Field] = {
            "start_date": DateField(field_label(K, "start_date")),
            "end_date": DateField(field_label(K, "end_date")),
            "operator_code": ChoiceField(field_label(K, "operator_code"),
                                         wizard.operator_choices),
            "referent_name": TextField(field_label(K, "referent_name")),
            "referent_email": TextField(field_label(K, "referent_email")),
            "company_signatory": TextField(field_label(K, "company_signatory")),
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

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self.trade.setText(self.wiz.trade_name(self.wiz.data.get("trade_code")))
        super().initializePage()

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
        start = _day(self.wiz.data.get("start_date"))
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

    def level_changed(self) -> None:
        """Show the minimum of the level on the start date and pre-fill the pay with it (unless
        the user typed another amount)."""
        level = self.level.value() or "a"
        start = _day(self.wiz.data.get("start_date")) or self.wiz.today
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
