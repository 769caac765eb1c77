"""The approval decision (décision d'agrément) an operator sends to a company.

States the decision (granted, refused, suspended, withdrawn, or where the request stands), the
establishment unit and trade it is for, the designated tutors and the reasons.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from offa_desktop.printing import blocks as b
from offa_desktop.printing import clauses, facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import Header, Part, PartStart, build_pdf
from offa_desktop.printing.text import (
    APPROVAL_DECISIONS,
    REGIONS,
    TUTOR_CONDITIONS,
    address,
    company_name,
    date_fr,
    esc,
    field_of,
    label,
    person,
)

TITLE = "Décision relative à l'agrément d'une entreprise formatrice"
SHORT_CONDITIONS = {
    "experience": "A. expérience",
    "diploma": "B. titre pédagogique",
    "validation": "C. validation",
}


def _decision_sentence(d: PrintData) -> str:
    a = d.record
    status = a.get("status")
    unit = esc(field_of(d.unit, "name") or "l'unité d'établissement")
    trade = esc(field_of(d.trade, "name") or a.get("trade_code") or "")
    company = esc(field_of(d.company, "name") or "")
    verbs = {
        "granted": "accorde l'agrément",
        "refused": "refuse l'agrément",
        "suspended": "suspend l'agrément",
        "withdrawn": "retire l'agrément",
    }
    operator = esc(field_of(d.operator, "name") or a.get("operator_code") or "L'opérateur")
    if status in verbs:
        return (
            f"{operator} <b>{verbs[status]}</b> à l'entreprise {company}, pour l'unité "
            f"d'établissement {unit} et le métier {trade}, à la date du "
            f"{esc(date_fr(a.get('decided_on')))}."
        )
    return (
        f"La demande d'agrément de l'entreprise {company} pour l'unité d'établissement {unit} "
        f"et le métier {trade} est au stade suivant : "
        f"<b>{esc(label(APPROVAL_DECISIONS, status))}</b>. Aucune décision n'est encore prise."
    )


def _story(d: PrintData) -> list[Flowable]:
    a = d.record
    company = d.company
    name = company_name(company)
    decision = label(APPROVAL_DECISIONS, a.get("status"))
    story: list[Flowable] = b.section(f"Décision : {decision}")
    story.append(b.para(_decision_sentence(d), "body"))
    story += b.section("L'entreprise et l'unité d'établissement")
    story.append(
        b.fields(
            [
                ("Entreprise", name),
                (
                    "Numéro d'entreprise (BCE)",
                    facts.enterprise_number(field_of(company, "enterprise_number")),
                ),
                ("Unité d'établissement", field_of(d.unit, "name")),
                (
                    "Numéro d'unité d'établissement",
                    facts.enterprise_number(field_of(d.unit, "unit_number")),
                ),
                ("Adresse", address(d.unit)),
                ("Région", label(REGIONS, field_of(d.unit, "region"))),
            ]
        )
    )
    trade = field_of(d.trade, "name") or a.get("trade_code")
    if field_of(d.trade, "name") and a.get("trade_code"):
        trade = f"{trade} ({a.get('trade_code')})"
    story += b.section("L'agrément demandé")
    story.append(
        b.fields(
            [
                ("Métier", trade),
                ("Opérateur qui instruit", field_of(d.operator, "name") or a.get("operator_code")),
                ("Demande introduite le", date_fr(a.get("requested_on"))),
                ("Décision prise le", date_fr(a.get("decided_on"))),
                ("Commission saisie le", date_fr(a.get("referred_on")) or "non saisie"),
            ]
        )
    )
    story += b.section("Tuteurs désignés")
    rows = [
        [
            person(t),
            label(SHORT_CONDITIONS, t.get("condition")),
            "oui" if t.get("certified") else "non",
            " · ".join(str(t[k]) for k in ("phone", "email") if t.get(k)),
        ]
        for t in d.tutors
    ]
    if rows:
        story.append(
            b.grid(
                ["Nom et prénom", "Condition", "Tuteur agréé", "Contact"],
                rows,
                [50 * mm, 38 * mm, 22 * mm, b.WIDTH - 110 * mm],
            )
        )
        story.append(Spacer(1, 1.5 * mm))
        story.append(
            b.text(
                "Conditions : " + " ; ".join(TUTOR_CONDITIONS.values()) + ".",
                "small",
            )
        )
    else:
        story.append(b.text("Aucun tuteur désigné.", "cell"))
    story += b.section("Motivation")
    note = a.get("decision_note")
    story.append(b.text(note, "body") if note else b.box("Motivation de la décision", 30 * mm))
    story.append(Spacer(1, 3 * mm))
    story.append(b.text(clauses.APPROVAL_TERMS, "small"))
    operator = str(field_of(d.operator, "name") or a.get("operator_code") or "")
    story += b.signature_section("Signature", [("Pour l'opérateur de formation", operator)])
    return story


def render(d: PrintData) -> bytes:
    """The approval decision as PDF bytes."""
    story: list[Flowable] = [PartStart(Part(None, facts.qr_text(d)))]
    story += _story(d)
    return build_pdf(Header(TITLE, facts.record_line(d), d.printed_on), story)
