"""The weekly reference grid of a contract: a row per day, hours in the company and at the
operator, read back as the API's ``schedule`` (what cannot be read is a problem naming the
day)."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from offa_desktop.domain.choices import WEEKDAYS
from offa_desktop.domain.problems import Problem
from offa_desktop.domain.shapes import DAY_NAMES_FR
from offa_desktop.ui.forms.fields import tr


class GridTable(QTableWidget):
    """The weekly reference grid: a row per day, hours in the company and at the operator."""

    def __init__(self) -> None:
        super().__init__(len(WEEKDAYS), 2)
        self.setHorizontalHeaderLabels([tr("En entreprise (h)"), tr("À l'opérateur (h)")])
        self.setVerticalHeaderLabels([DAY_NAMES_FR[d].capitalize() for d in WEEKDAYS])
        self.horizontalHeader().setStretchLastSection(True)
        self.setColumnWidth(0, 150)
        self.setFixedHeight(250)

    def set_schedule(self, schedule: dict[str, Any]) -> None:
        for row, day in enumerate(WEEKDAYS):
            hours = schedule.get(day) or {}
            for col, key in enumerate(("company_hours", "operator_hours")):
                value = hours.get(key) or 0
                text = f"{value:g}".replace(".", ",") if value else ""
                self.setItem(row, col, QTableWidgetItem(text))

    def schedule(self) -> tuple[dict[str, Any], list[Problem]]:
        out: dict[str, Any] = {}
        bad: list[Problem] = []
        for row, day in enumerate(WEEKDAYS):
            hours: dict[str, Any] = {}
            for col, key in enumerate(("company_hours", "operator_hours")):
                item = self.item(row, col)
                text = (item.text() if item else "").strip().replace(",", ".")
                if not text:
                    continue
                try:
                    number = Decimal(text)
                except InvalidOperation:
                    bad.append(Problem("schedule", "invalid", tr(
                        "Horaire hebdomadaire\u00a0: %1, « %2 » n'est pas un nombre d'heures."
                    ).replace("%1", DAY_NAMES_FR[day]).replace("%2", text)))
                    continue
                if number:
                    hours[key] = int(number) if number == int(number) else float(number)
            if hours:
                out[day] = hours
        return out, bad
