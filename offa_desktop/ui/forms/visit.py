"""The visit report, filled offline on site, by keyboard as fast as on paper.

The head says what the visit is about (company, unit, trade, approval; the learner and contract
of a follow-up visit). The form opens on the status: ``e`` makes it «effectuée», the date of
the visit becomes today and the cursor goes to the first checklist point; each point takes one
key (``o`` oui, ``n`` non, ``s`` sans objet) and the cursor moves on; after the last point
comes the opinion (``f`` favorable, ``d`` défavorable, ``s`` sous conditions), then Ctrl+S
saves. A done approval visit without an opinion is warned about (amber), not refused.

A coach opens the visits of other coaches read-only: only the visitor (or OFFA staff) edits a
report. Saved to the working copy like any edit; sync sends it when a network is there.
"""

from __future__ import annotations

import html
from datetime import date
from functools import partial
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget

from offa_desktop.domain.problems import Problem
from offa_desktop.domain.values import brussels_today
from offa_desktop.ops import approvals, visits
from offa_desktop.ops.records import editing
from offa_desktop.ui.dialogs import wrapping_label
from offa_desktop.ui.formats import choices
from offa_desktop.ui.forms.base import RecordForm, field_label, tr
from offa_desktop.ui.forms.checklist import AnswerField, point_widget
from offa_desktop.ui.forms.fields import ChoiceField, DateField, LongTextField, TextField
from offa_desktop.ui.forms.support import code_choices, user_profile

V = "visits"


def may_edit(profile: dict[str, Any], visit: dict[str, Any]) -> bool:
    """Only the visitor edits a visit report; OFFA staff and secretariats plan and reassign."""
    if profile.get("role") != "coach":
        return True
    return not visit.get("visitor_id") or visit.get("visitor_id") == profile.get("id")


class VisitForm(RecordForm):
    """Visite d'agrément (or de suivi) and its report."""

    collection = V

    def new_record(self, given: dict[str, Any]) -> dict[str, Any]:
        """Opened from an approval (``initial={"approval_id": …}``): an approval visit; from a
        contract: a follow-up visit; planned, by the person logged in."""
        approval_id, contract_id = given.get("approval_id"), given.get("contract_id")
        return {
            "kind": "approval" if approval_id or not contract_id else "follow_up",
            "approval_id": approval_id,
            "contract_id": contract_id,
            "status": "planned",
            "visitor_id": user_profile(self.context).get("id"),
            "checklist_code": "approval" if approval_id else "follow_up" if contract_id else None,
        }

    def build(self) -> None:
        self.today: date = brussels_today()
        self.resize(760, 860)
        kind = self.base.get("kind")
        title = tr("Visite d'agrément") if kind == "approval" else tr("Visite de suivi")
        self.setWindowTitle(title if self.record_id else tr("Nouvelle visite") + " — " + title)
        self.head = wrapping_label(
            "visit-head", rich=True,
            style="background: #eef3f8; border: 1px solid #c9d6e3; padding: 6px;")
        self.body_layout.insertWidget(0, self.head)
        self.show_subject(title)

        self.add_field("status", ChoiceField(field_label(V, "status"), choices("visit_status"),
                                             empty=False))
        self.visit_date = DateField(field_label(V, "visit_date"))
        self.add_field("visit_date", self.visit_date)
        self.report = self.add_group(tr("Grille de visite — touches O (oui), N (non), "
                                        "S (sans objet)"))
        self.items: list[dict[str, str]] = []
        self.answer_fields: dict[str, tuple[AnswerField, TextField]] = {}
        end = self.add_group(tr("Avis et commentaires"))
        self.add_field("opinion", ChoiceField(field_label(V, "opinion"), choices("opinion")), end)
        self.add_field("comments", LongTextField(field_label(V, "comments")), end)
        plan = self.add_group(tr("Planification"))
        self.add_field("planned_on", DateField(field_label(V, "planned_on")), plan)
        users = [(str(u["id"]), str(u.get("display_name"))) for u in
                 editing.reference(self.wc, "users")]
        self.add_field("visitor_id", ChoiceField(field_label(V, "visitor_id"), users), plan)
        self.add_field("checklist_code", ChoiceField(
            field_label(V, "checklist_code"), code_choices(self.wc, "checklist_templates")),
            plan)
        self.build_checklist(self.base.get("checklist_code"))
        self.fields["checklist_code"].edited.connect(
            lambda: self.build_checklist(self.fields["checklist_code"].value()))
        self.fields["status"].edited.connect(self.status_changed)
        self.targets["answers"] = "checklist_code"
        self.targets["approval_id"] = "status"
        self.load_values()
        self.read_only = not may_edit(user_profile(self.context), self.base)
        if self.read_only:
            self.lock()
        else:
            QTimer.singleShot(0, self.fields["status"].editor.setFocus)

    def show_subject(self, title: str) -> None:
        """The head: what the visit is about."""
        subject = visits.visit_subject(self.wc, self.base)
        rows = [
            (tr("Entreprise"), subject.company),
            (tr("Unité d'établissement"), " — ".join(p for p in (subject.unit, subject.place)
                                                     if p)),
            (tr("Métier"), subject.trade),
            (tr("Agrément"), subject.approval),
            (tr("Apprenant"), subject.learner),
            (tr("Contrat"), subject.contract),
            (tr("Visiteur"), subject.visitor),
        ]
        cells = "".join(
            f"<tr><td style='padding-right:10px'>{html.escape(a)}</td>"
            f"<td><b>{html.escape(b)}</b></td></tr>" for a, b in rows if b)
        self.head.setText(f"<b>{html.escape(title)}</b><table>{cells}</table>")

    def lock(self) -> None:
        """Someone else's report: every field read-only, no Save, and why."""
        for field in self.fields.values():
            field.editor.setEnabled(False)
        self.save_button.hide()
        visitor = visits.visit_subject(self.wc, self.base).visitor or tr("un autre visiteur")
        self.head.setText(self.head.text() + "<p style='color:#9a5b00'><b>" + html.escape(
            tr("Visite de %1 : lecture seule (seul le visiteur remplit son rapport).")
            .replace("%1", visitor)) + "</b></p>")

    def build_checklist(self, code: Any) -> None:
        """One row per point of the template: the answer (one key) and a note."""
        kept = {k: (a.value(), n.value()) for k, (a, n) in self.answer_fields.items()}
        while self.report.rowCount():
            self.report.removeRow(0)
        for key in list(self.fields):
            if key.startswith("_a_") or key.startswith("_n_"):
                del self.fields[key]
        self.answer_fields.clear()
        self.items = approvals.checklist(self.wc, code) if code else []
        saved = self.base.get("answers") or {}
        for number, item in enumerate(self.items, start=1):
            key = item["key"]
            answer = AnswerField(item["label"], number)
            note = TextField(tr("note"), placeholder=tr("note (facultative)"))
            answer.after_answer = partial(self.next_point, key)
            self.report.addRow(point_widget(answer, note))
            for name, field in ((f"_a_{key}", answer), (f"_n_{key}", note)):
                self.fields[name] = field
                field.edited.connect(self.schedule_check)
            value, text = kept.get(key) or (
                (saved.get(key) or {}).get("value"), (saved.get(key) or {}).get("note"))
            answer.set_value(value)
            note.set_value(text)
            self.answer_fields[key] = (answer, note)
        if not self.items:
            self.report.addRow(tr("Choisissez une grille pour remplir le rapport."), QWidget())
        self.schedule_check()

    def next_point(self, key: str) -> None:
        """After an answer: the next point, or the opinion after the last one."""
        keys = list(self.answer_fields)
        following = keys[keys.index(key) + 1:] if key in keys else []
        target = (self.answer_fields[following[0]][0].editor if following
                  else self.fields["opinion"].editor)
        target.setFocus(Qt.FocusReason.TabFocusReason)

    def status_changed(self) -> None:
        """«Effectuée»: the visit date is today unless typed, and the report starts."""
        if self.fields["status"].value() != "done":
            return
        if not self.visit_date.line.text().strip():
            self.visit_date.set_value(self.today.isoformat())
        answered = any(a.value() for a, _n in self.answer_fields.values())
        if self.answer_fields and not answered:
            first = next(iter(self.answer_fields.values()))[0]
            first.editor.setFocus(Qt.FocusReason.OtherFocusReason)

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
