"""The contract wizard's two choosing pages, driven by the keyboard: the learner, then the place
(establishment unit, its granted approval, the tutor).

Type a few letters: the best match is selected at once, Down / Up move in the results from the
search box, Enter goes on ("Suivant"). The learner's running contract is said on the learner
page (the new one starts the day after it ends), the company's capacity on the place page.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from offa_desktop.ops.contracts import drafting
from offa_desktop.ops.contracts.drafting import Option
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.forms.base import tr
from offa_desktop.ui.forms.contract_pages import (
    AMBER,
    OPTION_ROLE,
    ContractPage,
    day_of,
)
from offa_desktop.ui.forms.contract_state import ContractWizard
from offa_desktop.ui.forms.keyboard import BoxDrivesList, select_first
from offa_desktop.ui.forms.record_search import DeferredSearch

if TYPE_CHECKING:
    from datetime import date


def fill_list(
    widget: QListWidget, options: list[Option], selected: str | None, *, empty: str = "",
    pick_first: bool = True,
) -> None:
    """Show ``options`` (label and detail); a full option (``_full``) is shown but cannot be
    chosen. ``selected`` stays selected when offered, else (``pick_first``) the first option
    that can be chosen is: the best match. ``empty``: the line shown when there is none."""
    widget.blockSignals(True)
    widget.clear()
    for option in options:
        item = QListWidgetItem(f"{option.label}   ·   {option.detail}" if option.detail
                               else option.label)
        item.setData(OPTION_ROLE, option.id)
        if (option.data or {}).get("_full"):
            item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
        if option.id == selected and not (option.data or {}).get("_full"):
            widget.setCurrentItem(item)
    if not options and empty:
        item = QListWidgetItem(empty)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        widget.addItem(item)
    if selected_id(widget) is None and pick_first:
        select_first(widget)
    widget.blockSignals(False)


def selected_id(widget: QListWidget) -> str | None:
    item = widget.currentItem()
    if item is None or not item.isSelected() or item.data(OPTION_ROLE) is None:
        return None
    return str(item.data(OPTION_ROLE))


def _search_box(placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setPlaceholderText(placeholder)
    box.setClearButtonEnabled(True)
    return box


class SearchPage(ContractPage):
    """A page choosing its record (``owns[0]``) among the results of a search as you type: the
    box (``<name>-search``) drives the results (``<name>-results``) with ↓ ↑; ``search(text)``
    runs on a worker after a pause in the typing, its options go to :meth:`show_options`."""

    def __init__(
        self, wizard: ContractWizard, title: str, subtitle: str, placeholder: str, name: str,
        search: Callable[[str], list[Option]],
    ) -> None:
        super().__init__(wizard, title)
        self.setSubTitle(subtitle)
        self.search = _search_box(placeholder)
        self.search.setObjectName(f"{name}-search")
        self.results = QListWidget()
        self.results.setObjectName(f"{name}-results")
        BoxDrivesList(self.search, self.results)
        self.searcher = DeferredSearch(self.search, search, self.show_options,
                                       getattr(wizard.context, "tasks", None))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        super().initializePage()
        self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def reload(self) -> None:
        """Search the current text now (typing searches on a worker)."""
        self.searcher.run_now()

    def show_options(self, options: list[Option]) -> None:
        raise NotImplementedError

    def fill_results(self, options: list[Option], empty: str) -> None:
        """The options found, the one chosen before kept; the best match chosen once something
        is typed, never with an empty box; ``empty`` (its %1: the text) when none is found."""
        text = self.search.text().strip()
        fill_list(self.results, options, self.wiz.data.get(self.owns[0]), pick_first=bool(text),
                  empty=empty.replace("%1", text))


class LearnerPage(SearchPage):
    owns = ("learner_id",)
    needs = ("learner_id",)
    signing_codes = ("overlap",)

    def __init__(self, wizard: ContractWizard) -> None:
        wc = wizard.wc
        super().__init__(
            wizard, tr("Apprenant"),
            tr("Tapez le début du nom (ou le NISS, la localité) : le meilleur résultat est "
               "choisi, ↓ ↑ pour en prendre un autre, Entrée pour continuer."),
            tr("Rechercher un apprenant…"), "learner", lambda text: drafting.learners(wc, text))
        self.list = self.results  # the learners found
        self.info = wrapping_label("learner-info", rich=True)
        self.layout_.addWidget(self.search)
        self.layout_.addWidget(self.list, 1)
        self.layout_.addWidget(self.info)
        self.finish_layout()
        self.options: dict[str, Option] = {}
        self.list.itemSelectionChanged.connect(self.refresh)
        chosen = wizard.data.get("learner_id")
        if chosen:  # start from the chosen learner's name so the list holds them
            learner = drafting.learner(wizard.wc, str(chosen))
            self.search.setText(str(learner.get("last_name") or ""))
        self.reload()

    def editor_of(self, name: str) -> QWidget | None:
        return self.search if name == "learner_id" else None

    def show_options(self, options: list[Option]) -> None:
        self.options = {o.id: o for o in options}
        self.fill_results(options, tr("Aucun apprenant ne correspond à « %1 »."))
        self.refresh()

    def store(self) -> None:
        self.wiz.data["learner_id"] = selected_id(self.list)
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
        text = html.escape(text)
        engaged = learner.get("_engaged")
        if engaged is not None:
            warning = html.escape(_engaged_text(engaged, self.wiz.today))
            text += f"<br><span style='color:{AMBER}'><b>{warning}</b></span>"
        self.info.setText(text)


def _engaged_text(engaged: Any, today: date) -> str:
    line = engaged.text(today)
    if engaged.end is None:
        return tr("A déjà un %1, sans date de fin : un seul contrat à la fois.").replace(
            "%1", line)
    after = engaged.end + timedelta(days=1)
    return tr("A déjà un %1 : le nouveau contrat commencera au plus tôt le %2.").replace(
        "%1", line).replace("%2", after.strftime("%d/%m/%Y"))


class PlacePage(SearchPage):
    owns = ("establishment_unit_id", "approval_id", "tutor_id")
    needs = ("establishment_unit_id", "approval_id", "tutor_id")
    signing_codes = ("capacity", "tutor_capacity")

    def __init__(self, wizard: ContractWizard) -> None:
        wc = wizard.wc
        super().__init__(
            wizard, tr("Lieu de formation, agrément et tuteur"),
            tr("Seules les unités ayant un agrément accordé et les tuteurs désignés avec leur "
               "extrait de casier judiciaire sont proposés. ↓ ↑ dans les résultats, Tab pour "
               "l'agrément et le tuteur."),
            tr("Rechercher une entreprise ou une unité d'établissement…"), "unit",
            lambda text: drafting.units_with_granted_approval(wc, text))
        self.units = self.results  # the units found
        self.capacity = QLabel()
        self.capacity.setObjectName("company-capacity")
        self.approvals = QListWidget()
        self.approvals.setObjectName("approval-choices")
        self.approvals.setMaximumHeight(90)
        self.tutors = QListWidget()
        self.tutors.setObjectName("tutor-choices")
        self.tutors.setMaximumHeight(110)
        for widget in (QLabel(tr("<b>Unité d'établissement</b>")), self.search, self.units,
                       self.capacity, QLabel(tr("<b>Agrément accordé (métier)</b>")),
                       self.approvals, QLabel(tr("<b>Tuteur</b>")), self.tutors):
            self.layout_.addWidget(widget)
        self.finish_layout()
        self.approval_options: dict[str, Option] = {}
        self.units.itemSelectionChanged.connect(self.unit_chosen)
        self.approvals.itemSelectionChanged.connect(self.approval_chosen)
        self.tutors.itemSelectionChanged.connect(self.refresh)
        chosen = wizard.data.get("establishment_unit_id")
        if chosen:
            unit = drafting.unit(wizard.wc, str(chosen))
            self.search.setText(str(unit.get("name") or ""))
        self.reload()

    def editor_of(self, name: str) -> QWidget | None:
        return {"establishment_unit_id": self.search, "approval_id": self.approvals,
                "tutor_id": self.tutors}.get(name)

    def on_date(self) -> date:
        return day_of(self.wiz.data.get("start_date")) or self.wiz.today

    def show_options(self, options: list[Option]) -> None:
        self.fill_results(options,
                          tr("Aucune unité avec un agrément accordé ne correspond à « %1 »."))
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
            fill_list(self.approvals, options, self.wiz.data.get("approval_id"),
                      pick_first=len(options) == 1)
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
        approval = self.approval_options.get(approval_id or "")
        trade = (approval.data or {}).get("trade_code") if approval else None
        self.wiz.data["trade_code"] = trade
        unit_id = self.wiz.data.get("establishment_unit_id")
        if unit_id and trade:
            options = drafting.tutors(self.wiz.wc, unit_id, str(trade), self.on_date())
            fill_list(self.tutors, options, self._tutor_to_propose(approval, options),
                      pick_first=False)
        else:
            self.tutors.clear()
        self.refresh()

    def _tutor_to_propose(self, approval: Option | None, options: list[Option]) -> str | None:
        """The tutor already chosen, else the first of the approval's tutors with room, else
        the only one with room (None when a person must choose)."""
        chosen = self.wiz.data.get("tutor_id")
        free = [o.id for o in options if not (o.data or {}).get("_full")]
        if chosen in free:
            return str(chosen)
        named = [str(t) for t in ((approval.data or {}).get("tutor_ids") or [])] if approval \
            else []
        for tutor_id in named:
            if tutor_id in free:
                return tutor_id
        return free[0] if len(free) == 1 else None

    def store(self) -> None:
        self.wiz.data["tutor_id"] = selected_id(self.tutors)
