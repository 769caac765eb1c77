"""The visit report, filled offline on site: checklist from the reference template (yes / no /
not applicable and a note per point), opinion (favourable / unfavourable / with conditions),
comments. Saved to the working copy like any edit; sync sends it when a network is there."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from offa_desktop.domain.problems import Problem
from offa_desktop.ops import approvals
from offa_desktop.ops.records import editing
from offa_desktop.ui.formats import choices
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.fields import ChoiceField, DateField, LongTextField, TextField
from offa_desktop.ui.forms.support import code_choices, user_profile

V = "visits"
ANSWERS = [("yes", "oui"), ("no", "non"), ("na", "sans objet")]


class VisitForm(RecordForm):
    """Visite d'agrément (or de suivi) and its report."""

    collection = V

    def __init__(
        self,
        context: Any,
        record_id: str | None,
        parent: QWidget | None = None,
        *,
        approval_id: str | None = None,
        contract_id: str | None = None,
    ) -> None:
        profile = user_profile(context)
        initial = {
            "kind": "approval" if approval_id or not contract_id else "follow_up",
            "approval_id": approval_id,
            "contract_id": contract_id,
            "status": "planned",
            "visitor_id": profile.get("id"),
            "checklist_code": "approval" if approval_id else None,
        }
        super().__init__(context, record_id, parent, initial=initial)
        self.setWindowTitle(tr("Visite") if record_id else tr("Nouvelle visite"))
        self.resize(720, 820)
        users = [(str(u["id"]), str(u.get("display_name"))) for u in
                 editing.reference(self.wc, "users")]
        self.add_field("visitor_id", ChoiceField(field_label(V, "visitor_id"), users))
        self.add_field("status", ChoiceField(field_label(V, "status"), choices("visit_status"),
                                             empty=False))
        self.add_field("planned_on", DateField(field_label(V, "planned_on")))
        self.add_field("visit_date", DateField(field_label(V, "visit_date")))
        self.add_field("checklist_code", ChoiceField(
            field_label(V, "checklist_code"), code_choices(self.wc, "checklist_templates")))
        self.report = self.add_group(tr("Grille de visite"))
        self.items: list[dict[str, str]] = []
        self.answer_fields: dict[str, tuple[ChoiceField, TextField]] = {}
        self.build_checklist(self.base.get("checklist_code"))
        end = self.add_group(tr("Avis et commentaires"))
        self.add_field("opinion", ChoiceField(field_label(V, "opinion"), choices("opinion")), end)
        self.add_field("comments", LongTextField(field_label(V, "comments")), end)
        self.fields["checklist_code"].edited.connect(
            lambda: self.build_checklist(self.fields["checklist_code"].value()))
        self.targets["answers"] = "checklist_code"
        self.targets["approval_id"] = "status"
        self.load_values()

    def build_checklist(self, code: Any) -> None:
        """One row per point of the template: answer and note."""
        kept = {k: (a.value(), n.value()) for k, (a, n) in self.answer_fields.items()}
        while self.report.rowCount():
            self.report.removeRow(0)
        for key in list(self.fields):
            if key.startswith("_a_") or key.startswith("_n_"):
                del self.fields[key]
        self.answer_fields.clear()
        self.items = approvals.checklist(self.wc, code) if code else []
        saved = self.base.get("answers") or {}
        for item in self.items:
            key = item["key"]
            answer = ChoiceField(item["label"], [(c, tr(t)) for c, t in ANSWERS])
            note = TextField(tr("note"), placeholder=tr("note (facultative)"))
            row = QWidget()
            column = QVBoxLayout(row)
            column.setContentsMargins(0, 2, 0, 2)
            column.setSpacing(2)
            label = QLabel(item["label"])
            label.setWordWrap(True)
            column.addWidget(label)
            line = QHBoxLayout()
            answer.widget.setFixedWidth(150)
            line.addWidget(answer.widget)
            line.addWidget(note.widget, 1)
            column.addLayout(line)
            for name, field in ((f"_a_{key}", answer), (f"_n_{key}", note)):
                self.fields[name] = field
                field.edited.connect(self.schedule_check)
            self.report.addRow(row)
            value, text = kept.get(key) or (
                (saved.get(key) or {}).get("value"), (saved.get(key) or {}).get("note"))
            answer.set_value(value)
            note.set_value(text)
            self.answer_fields[key] = (answer, note)
        if not self.items:
            self.report.addRow(tr("Choisissez une grille pour remplir le rapport."), QWidget())
        self.schedule_check()

    def extra(self, data: dict[str, Any], problems: list[Problem]) -> None:
        answers: dict[str, Any] = {}
        for key, (answer, note) in self.answer_fields.items():
            value = answer.value()
            if value is None and note.value() is None:
                continue
            if value is None:
                problems.append(Problem(f"_a_{key}", "required",
                                        tr("Réponse requise quand une note est donnée.")))
                continue
            entry: dict[str, Any] = {"value": value}
            if note.value() is not None:
                entry["note"] = note.value()
            answers[key] = entry
        data["answers"] = answers or None
