"""Notices about a running contract: amendment, suspension notice, termination notice.

Each is one document (no copies) about one ``contract_events`` record, with a summary of the
contract it concerns and the signatures it needs.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from offa_desktop.domain.schema import COLLECTIONS, Kind
from offa_desktop.printing import blocks as b
from offa_desktop.printing import clauses, facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import Header, Part, PartStart, build_pdf
from offa_desktop.printing.text import (
    CONTRACT_STATUSES,
    INITIATORS,
    LEVEL_LABELS,
    TUTOR_CONDITIONS,
    address,
    company_name,
    date_fr,
    field_of,
    label,
    money_fr,
    person,
)

TITLES = {
    "amendment": "Avenant au contrat d'alternance",
    "suspension": "Notification de suspension du contrat d'alternance",
    "termination": "Notification de fin du contrat d'alternance",
}


def contract_summary(d: PrintData) -> list[Flowable]:
    """Who and what the contract is about: learner, company, unit, trade, dates, référent."""
    c = d.contract or {}
    company = d.company
    name = company_name(company)
    trade = field_of(d.trade, "name") or c.get("trade_code")
    rows: list[tuple[str, object]] = [
        ("Apprenant", person(d.learner)),
        ("NISS de l'apprenant", facts.niss(field_of(d.learner, "niss"))),
        ("Entreprise", name),
        (
            "Numéro d'entreprise (BCE)",
            facts.enterprise_number(field_of(company, "enterprise_number")),
        ),
        ("Unité d'établissement", f"{field_of(d.unit, 'name') or ''} — {address(d.unit)}"),
        ("Métier", trade),
        ("Période du contrat", f"{date_fr(c.get('start_date'))} – {date_fr(c.get('end_date'))}"),
        ("Statut du contrat", label(CONTRACT_STATUSES, c.get("status"))),
        ("Référent", c.get("referent_name")),
    ]
    contract_id = field_of(d.record, "contract_id")
    if contract_id:
        rows.append(("Référence du contrat", facts.reference(str(contract_id))))
    return [*b.section("Contrat concerné"), b.fields(rows)]


def _value(field: str, value: Any, d: PrintData) -> str:
    """A contract field's new value as read on paper."""
    spec = COLLECTIONS["contracts"].by_name.get(field)
    if value is None:
        return "(vide)"
    if spec is None:
        return str(value)
    if spec.kind is Kind.DATE:
        return date_fr(value)
    if spec.kind is Kind.MONEY:
        return money_fr(value)
    if field == "level":
        return label(LEVEL_LABELS, value)
    if spec.kind is Kind.REF:
        return d.names.get(str(value), str(value))
    if spec.kind is Kind.REFS:
        return "\n".join(d.names.get(str(v), str(v)) for v in value)
    if field == "schedule":
        return "voir la grille ci-dessous"
    if field == "status":
        return label(CONTRACT_STATUSES, value)
    return str(value)


def _amendment(d: PrintData) -> list[Flowable]:
    e = d.record
    details = e.get("details") or {}
    changes: Mapping[str, Any] = details.get("changes") or {}
    story: list[Flowable] = b.section("Objet de l'avenant")
    story.append(
        b.fields(
            [
                ("Date d'effet", date_fr(e.get("effective_date"))),
                ("Motif", field_of(d.reason, "label") or e.get("reason_code")),
            ]
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(
        b.text(
            "Les parties conviennent de modifier le contrat comme suit, à partir de la date "
            "d'effet. Les autres clauses du contrat restent inchangées.",
            "cell",
        )
    )
    story.append(Spacer(1, 2 * mm))
    rows = []
    for field, value in changes.items():
        spec = COLLECTIONS["contracts"].by_name.get(field)
        name = spec.label if spec else field
        rows.append([name[:1].upper() + name[1:], _value(field, value, d)])
    story.append(b.grid(["Clause modifiée", "Nouvelle valeur"], rows, [60 * mm, b.WIDTH - 60 * mm]))
    if "schedule" in changes:
        story.append(b.para("Nouvel horaire hebdomadaire de référence", "h2"))
        story.append(b.schedule_grid(changes["schedule"]))
    if "tutor_id" in changes and d.tutor:
        story.append(Spacer(1, 2 * mm))
        story.append(b.text(clauses.HONOUR_DECLARATION, "cell"))
        story.append(
            b.text(f"{b.checkbox(True)}  {label(TUTOR_CONDITIONS, d.tutor.get('condition'))}")
        )
    return story


def _suspension(d: PrintData) -> list[Flowable]:
    e = d.record
    details = e.get("details") or {}
    days = details.get("company_pays_days")
    if days is None:
        days = field_of(d.reason, "company_pays_days")
    payer = (
        f"L'entreprise paie la rétribution des {days} premiers jours de la suspension."
        if days
        else "Aucun jour de suspension n'est à charge de l'entreprise pour ce motif."
    )
    story: list[Flowable] = b.section("La suspension")
    story.append(
        b.fields(
            [
                ("Motif", field_of(d.reason, "label") or e.get("reason_code")),
                ("Début de la suspension", date_fr(e.get("effective_date"))),
                ("Fin prévue de la suspension", date_fr(details.get("end_date"))),
                ("Jours payés par l'entreprise", "" if days is None else str(days)),
                ("Qui paie les premiers jours", payer),
            ]
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(b.text(clauses.SUSPENSION_TERMS, "small"))
    return story


def _termination(d: PrintData) -> list[Flowable]:
    e = d.record
    details = e.get("details") or {}
    worked = details.get("notice_worked")
    story: list[Flowable] = b.section("La fin du contrat")
    story.append(
        b.fields(
            [
                ("Motif", field_of(d.reason, "label") or e.get("reason_code")),
                ("À l'initiative de", label(INITIATORS, details.get("initiator"))),
                ("Date de la notification", date_fr(details.get("notified_on"))),
                ("Début du préavis", date_fr(details.get("notice_start"))),
                ("Fin du préavis", date_fr(details.get("notice_end"))),
                (
                    "Préavis",
                    ""
                    if worked is None
                    else ("presté" if worked else "non presté, remplacé par une indemnité"),
                ),
                ("Référent consulté le", date_fr(details.get("referent_consulted_on"))),
                ("Fin du contrat le", date_fr(e.get("effective_date"))),
            ]
        )
    )
    story.append(Spacer(1, 2 * mm))
    story.append(b.text(clauses.TERMINATION_TERMS, "small"))
    return story


def _signers(d: PrintData) -> list[tuple[str, str]]:
    c = d.contract or {}
    signers = [("L'apprenant", person(d.learner))]
    rep = field_of(d.learner, "representative")
    if rep:
        signers.append(("Le représentant légal", str(rep.get("name") or "")))
    signers.append(("Pour l'entreprise", str(c.get("company_signatory") or "")))
    signers.append(("Le référent", str(c.get("referent_name") or "")))
    return signers


def render(d: PrintData) -> bytes:
    """An amendment, a suspension notice or a termination notice as PDF bytes."""
    body = {"amendment": _amendment, "suspension": _suspension, "termination": _termination}
    story: list[Flowable] = [PartStart(Part(None, facts.qr_text(d)))]
    story += contract_summary(d)
    story += body[d.kind](d)
    note = "Lu et approuvé, en autant d'exemplaires que de parties."
    story += b.signature_section("Signatures", _signers(d), note)
    if d.problems:
        story += [PageBreak(), PartStart(Part("Points à corriger", facts.qr_text(d)))]
        story += b.problems_list(d.problems)
    header = Header(TITLES[d.kind], facts.record_line(d), d.printed_on, draft=bool(d.problems))
    return build_pdf(header, story)
