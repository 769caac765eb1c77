"""The visit report (rapport de visite) of a sector coach or a référent, filled or blank.

The checklist lists the template's points with the answer ticked (oui / non / sans objet) and
the note; a blank form has empty boxes (and the template's points when the reference data is
there, else empty lines).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from offa_desktop.printing import blocks as b
from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import Header, Part, PartStart, build_pdf
from offa_desktop.printing.text import (
    OPINIONS,
    VISIT_KINDS,
    address,
    company_name,
    date_fr,
    field_of,
    label,
    person,
)

TITLE = "Rapport de visite"


def _items(checklist: Mapping[str, Any] | None) -> Sequence[Mapping[str, Any]]:
    items = field_of(checklist, "items") or []
    return [i for i in items if isinstance(i, Mapping)]


def _checklists(d: PrintData) -> list[Flowable]:
    if d.blank and d.checklist is None and d.checklists:
        story: list[Flowable] = []
        for checklist in d.checklists:
            story += _checklist(d, checklist)
        return story
    return _checklist(d, d.checklist)


def _checklist(d: PrintData, checklist: Mapping[str, Any] | None) -> list[Flowable]:
    answers: Mapping[str, Any] = d.record.get("answers") or {}
    items = list(_items(checklist))
    known = {str(i.get("key")) for i in items}
    # answers to points the template no longer has are printed too: nothing is hidden
    items += [{"key": k, "label": k} for k in answers if k not in known]
    title = field_of(checklist, "title") or "Points vérifiés"
    story: list[Flowable] = b.section(f"Grille : {title}")
    rows: list[list[object]] = []
    for item in items:
        answer = answers.get(str(item.get("key"))) or {}
        value = None if d.blank else answer.get("value")
        rows.append(
            [
                str(item.get("label") or item.get("key")),
                b.checkbox(value == "yes"),
                b.checkbox(value == "no"),
                b.checkbox(value == "na"),
                "" if d.blank else str(answer.get("note") or ""),
            ]
        )
    if not rows:
        rows = [["", "☐", "☐", "☐", ""] for _ in range(8)]
    story.append(
        b.grid(
            ["Point vérifié", "Oui", "Non", "S.O.", "Remarque"],
            rows,
            [80 * mm, 13 * mm, 13 * mm, 13 * mm, b.WIDTH - 119 * mm],
            min_row_height=9 * mm if d.blank else None,
        )
    )
    return story


def _subject(d: PrintData) -> list[Flowable]:
    v = d.record
    company = d.company
    name = company_name(company)
    rows: list[tuple[str, object]] = [
        ("Entreprise", name),
        ("Numéro d'entreprise (BCE)",
         facts.enterprise_number(field_of(company, "enterprise_number"))),  # fmt: skip
        ("Unité d'établissement", field_of(d.unit, "name")),
        ("Adresse", address(d.unit)),
        ("Métier", field_of(d.trade, "name") or field_of(d.approval, "trade_code")),
    ]
    if d.blank or v.get("kind") == "follow_up":
        rows += [("Apprenant", person(d.learner)), ("Tuteur", person(d.tutor))]
    if d.blank:
        rows.insert(0, ("Type de visite", "☐ visite d'agrément    ☐ visite de suivi"))
        return [
            *b.section("Objet de la visite"),
            b.fields(rows[:1]),
            b.fields(rows[1:], blank=True),
        ]
    return [*b.section("Objet de la visite"), b.fields(rows)]


def _story(d: PrintData) -> list[Flowable]:
    v = d.record
    visitor = field_of(d.visitor, "display_name")
    story: list[Flowable] = b.section("La visite")
    kind = [] if d.blank else [("Type de visite", label(VISIT_KINDS, v.get("kind")))]
    story.append(
        b.fields(
            [
                *kind,
                ("Date de la visite", date_fr(v.get("visit_date") or v.get("planned_on"))),
                ("Visiteur", visitor),
                (
                    "Contact du visiteur",
                    " · ".join(
                        str(d.visitor[k])
                        for k in ("phone", "email")
                        if d.visitor and d.visitor.get(k)
                    ),
                ),
            ],
            blank=d.blank,
        )
    )
    story += _subject(d)
    story += _checklists(d)
    story += b.section("Avis et commentaires")
    opinion = None if d.blank else v.get("opinion")
    story.append(
        b.text(
            "Avis : " + "    ".join(f"{b.checkbox(opinion == k)} {t}" for k, t in OPINIONS.items()),
            "cell",
        )
    )
    story.append(Spacer(1, 2 * mm))
    comments = None if d.blank else v.get("comments")
    if comments:
        story.append(b.text(comments, "body"))
    else:
        story.append(b.box("Commentaires et conditions éventuelles", 45 * mm))
    signers = [("Le visiteur", "" if d.blank else str(visitor or ""))]
    signers.append(("Pour l'entreprise", "" if d.blank else person(d.tutor)))
    if d.blank or v.get("kind") == "follow_up":
        signers.append(("L'apprenant", "" if d.blank else person(d.learner)))
    story += b.signature_section("Signatures", signers, "Pris connaissance.")
    return story


def render(d: PrintData) -> bytes:
    """The visit report (or the blank visit form) as PDF bytes."""
    story: list[Flowable] = [PartStart(Part(None, facts.qr_text(d)))]
    story += _story(d)
    title = "Rapport de visite (formulaire vierge)" if d.blank else TITLE
    return build_pdf(Header(title, facts.record_line(d), d.printed_on), story)
