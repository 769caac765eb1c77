"""A read-only view of any record: its fields with their French labels, and its sync state.

Used for records that have no form of their own (and when the forms package is absent).
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.ui.dialogs import close_buttons
from offa_desktop.ui.formats import date_fr, money_fr, name_of


def load_record(wc: Any, collection: str, record_id: str) -> tuple[Any, str]:
    """The stored record and its sync state (one read session)."""
    from offa_desktop.ops.records.lists import sync_states
    from offa_desktop.store.records import get_record

    with wc.session() as db:
        record = get_record(db, collection, record_id)
        state = sync_states(db, collection, [record_id])[record_id]
    return record, state


def display_value(kind: Kind, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if kind is Kind.DATE:
        return date_fr(value)
    if kind is Kind.MONEY:
        return money_fr(value)
    if kind is Kind.BOOL:
        return "oui" if value else "non"
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, indent=1)
    return str(value)


class RecordView(QDialog):
    """Every field of one record, read-only, with its French label."""

    def __init__(self, wc: Any, collection: str, record_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("record-view")
        spec = COLLECTIONS[collection]
        record, state = load_record(wc, collection, record_id)
        label = spec.label[:1].upper() + spec.label[1:]
        self.setWindowTitle(self.tr("%1 — fiche").replace("%1", label))
        body = QWidget(self)
        form = QFormLayout(body)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        self.values: dict[str, QLabel] = {}
        data = record.data if record is not None else {}
        for field in spec.fields:
            shown = display_value(field.kind, data.get(field.name))
            if field.kind is Kind.ENUM:
                shown = name_of(_enum_kind(collection, field.name), shown)
            value = QLabel(shown, body)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            self.values[field.name] = value
            form.addRow(field.label[:1].upper() + field.label[1:] + " :", value)
        version = "—" if record is None or record.version is None else str(record.version)
        form.addRow(self.tr("Synchronisation :"),
                    QLabel(f"{name_of('sync_state', state)} · version {version}", body))
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = close_buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addWidget(buttons)
        self.resize(560, 600)


def _enum_kind(collection: str, field: str) -> str:
    if field == "status":
        return {
            "contracts": "contract_status",
            "approvals": "approval_status",
            "visits": "visit_status",
            "incentive_claims": "claim_status",
        }.get(collection, "")
    return {"region": "region", "condition": "condition", "opinion": "opinion",
            "kind_code": "incentive_kind"}.get(field, "")
