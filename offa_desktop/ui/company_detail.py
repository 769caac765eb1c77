"""The Entreprises area's detail pane: the selected company's establishment units and tutors,
under the list (a splitter), refreshed on selection and on change sets; a double-click (or
Enter) on a unit or a tutor opens it.

Reads one company's records by indexed lookups (about 1 ms, 11 ms at worst on a copy of
100,000 contracts), so it runs on the UI thread.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.changes import ChangeSet
from offa_desktop.domain.identifiers import format_enterprise_number
from offa_desktop.ops.companies import CompanyOverview, overview
from offa_desktop.ui.area_view import open_on_enter
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.formats import date_fr, name_of
from offa_desktop.ui.forms.fields import tr
from offa_desktop.ui.forms.support import tutor_condition

WATCHED = ("companies", "establishment_units", "tutors", "contracts", "contract_events")


class ChildTable(QTableWidget):
    """A read-only table of records; double-click or Enter emits ``open_requested(id)``."""

    open_requested = Signal(str)

    def __init__(
        self, headers: list[str], stretch: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(24)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(
                column,
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents,
            )
        open_on_enter(self, self._open)

    def fill(self, rows: list[tuple[str, list[str], str]]) -> None:
        """Rows of (record id, cells, tooltip)."""
        self.setRowCount(len(rows))
        for r, (record_id, cells, tip) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, record_id)
                if tip:
                    item.setToolTip(tip)
                self.setItem(r, c, item)

    def record_id(self, row: int) -> str | None:
        item = self.item(row, 0)
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return str(value) if value else None

    def _open(self, index: QModelIndex) -> None:
        record_id = self.record_id(index.row())
        if record_id:
            self.open_requested.emit(record_id)


class CompanyDetail(QWidget):
    """Units and tutors of one company.

    Signal ``open_requested(collection: str, record_id: str)``.
    """

    open_requested = Signal(str, str)

    def __init__(self, wc: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("company-detail")
        self.wc = wc
        self.company_id: str | None = None
        self.shown: CompanyOverview | None = None
        self.title = wrapping_label("company-detail-title", rich=True)
        self.units = ChildTable([tr("Numéro"), tr("Nom"), tr("Localité"), tr("Région")], 1)
        self.units.setObjectName("company-units")
        self.tutors = ChildTable([tr("Nom"), tr("Condition"), tr("Statut"),
                                  tr("Casier judiciaire")], 0)
        self.tutors.setObjectName("company-tutors")
        self.units_title = tr("Unités d'établissement")
        self.tutors_title = tr("Tuteurs")
        self.units_label = QLabel()
        self.tutors_label = QLabel()
        self.units.open_requested.connect(
            lambda rid: self.open_requested.emit("establishment_units", rid))
        self.tutors.open_requested.connect(lambda rid: self.open_requested.emit("tutors", rid))
        columns = QHBoxLayout()
        for caption, table in ((self.units_label, self.units), (self.tutors_label, self.tutors)):
            box = QVBoxLayout()
            box.setSpacing(2)
            box.addWidget(caption)
            box.addWidget(table, 1)
            columns.addLayout(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(self.title)
        layout.addLayout(columns, 1)
        self.show_company(None)

    def show_company(self, company_id: str | None) -> None:
        """Show ``company_id``'s units and tutors (a hint when None)."""
        self.company_id = company_id
        found = overview(self.wc, company_id) if company_id else None
        self.shown = found
        company = found.company if found else None
        if company is None or found is None:
            self.title.setText(
                "<span style='color:#555'>" + (
                    tr("Cette entreprise n'est plus dans la copie de travail.") if company_id
                    else tr("Choisissez une entreprise dans la liste pour voir ses unités "
                             "d'établissement et ses tuteurs.")) + "</span>")
            self.units.fill([])
            self.tutors.fill([])
            self.units_label.setText(f"<b>{_escape(self.units_title)}</b>")
            self.tutors_label.setText(f"<b>{_escape(self.tutors_title)}</b>")
            return
        number = format_enterprise_number(str(company.get("enterprise_number") or ""))
        places = (tr("capacité %1").replace("%1", str(found.capacity))
                  if found.capacity is not None else tr("capacité inconnue"))
        facts = " · ".join((
            number,
            tr("%1 travailleur(s)").replace("%1", str(company.get("employee_count", "?"))),
            tr("%1 contrat(s) en cours").replace("%1", str(found.running)) + f" ({places})",
        ))
        full = found.capacity is not None and found.running >= found.capacity
        self.title.setText(
            f"<b>{_escape(company.get('name'))}</b> — "
            + (f"<span style='color:#a93226'>{_escape(facts)}</span>" if full
               else _escape(facts)) + _incentives(self.wc, str(company_id)))
        self.units_label.setText(f"<b>{_escape(self.units_title)}</b> ({len(found.units)})")
        self.tutors_label.setText(f"<b>{_escape(self.tutors_title)}</b> ({len(found.tutors)})")
        self.units.fill([
            (uid, [
                format_enterprise_number(str(u.get("unit_number") or "")),
                str(u.get("name") or ""),
                f"{u.get('postal_code') or ''} {u.get('city') or ''}".strip(),
                name_of("region", u.get("region")),
            ], ", ".join(str(x) for x in (u.get("name"), u.get("street"),
                                          u.get("postal_code"), u.get("city")) if x))
            for uid, u in found.units
        ])
        self.tutors.fill([
            (tid, [
                f"{t.get('last_name') or ''} {t.get('first_name') or ''}".strip(),
                name_of("condition", t.get("condition")),
                tutor_condition(t),
                date_fr(t["criminal_record_date"]) if t.get("criminal_record_date")
                else tr("manque"),
            ], "")
            for tid, t in found.tutors
        ])

    def refresh(self, changes: ChangeSet | None = None) -> None:
        """Reload the company shown when a change set touched what the pane shows."""
        if self.company_id and (changes is None or any(changes.touches(c) for c in WATCHED)):
            self.show_company(self.company_id)


def _incentives(wc: Any, company_id: str) -> str:
    """The incentive forecast of the company's running contracts, one line ("" when none)."""
    from offa_desktop.domain.forecast import KIND_FR, STATE_FR
    from offa_desktop.ops.forecast import company_forecasts

    found = company_forecasts(wc, company_id)
    if not found:
        return ""
    parts = [
        f"{KIND_FR.get(kind, kind)} : " + ", ".join(
            f"{n} {STATE_FR[state]}" for state, n in sorted(states.items()))
        for kind, states in sorted(found.items())
    ]
    return "<br>" + _escape(tr("Primes (contrats en cours) : ") + " · ".join(parts))


def _escape(value: Any) -> str:
    return html.escape(str(value if value is not None else ""))
