"""The Stage+ offer sheet (issue 18): what a company offers, to post or hand to candidates.

The offer's title, the trade and where (unit, address, company), the start, the places, the
description, whom to contact, the approval it is posted under and where the offer stands
(«en préparation» prints «PROJET» across the pages; a closed offer says it is closed).
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer

from offa_desktop.printing import blocks as b
from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import Header, Part, PartStart, build_pdf
from offa_desktop.printing.text import address, date_fr, esc, field_of

TITLE = "Offre de formation en alternance — Stage+"
STATUSES = {"draft": "en préparation", "published": "publiée", "closed": "clôturée"}


def record_line(d: PrintData) -> str:
    return f"Offre Stage+ réf. {facts.reference(d.record_id or '')} · {facts.version_text(d)}"


def file_name(d: PrintData) -> str:
    """«offre-stage-boulangerie-dupont-7F3A2B91.pdf»."""
    who = facts._slug(str(field_of(d.company, "name") or field_of(d.unit, "name") or ""))
    parts = ["offre-stage", who, facts.reference(d.record_id or "").replace("-", "")]
    return "-".join(p for p in parts if p) + ".pdf"


def _story(d: PrintData) -> list[Flowable]:
    o = d.record
    status = str(o.get("status") or "")
    story: list[Flowable] = [b.para(esc(str(o.get("title") or "")), "h1")]
    state = STATUSES.get(status, status)
    if status == "published" and o.get("published_on"):
        state += f" le {date_fr(o.get('published_on'))}"
    if status == "closed" and o.get("closed_on"):
        state += f" le {date_fr(o.get('closed_on'))} : plus de candidature"
    story.append(b.text(f"Offre {state}.", "small"))
    story.append(Spacer(1, 3 * mm))
    trade = str(field_of(d.trade, "name") or o.get("trade_code") or "")
    story += b.section("L'offre")
    story.append(b.fields([
        ("Métier", trade),
        ("Début de la formation", date_fr(o.get("start_date"))),
        ("Places", str(o.get("places") or "")),
        ("Contact", o.get("contact") or "—"),
    ]))  # fmt: skip
    story.append(Spacer(1, 2 * mm))
    story.append(b.text(str(o.get("description") or "")))
    story += b.section("L'entreprise formatrice")
    story.append(b.fields([
        ("Entreprise", field_of(d.company, "name")),
        ("Unité d'établissement", field_of(d.unit, "name")),
        ("Adresse", address(d.unit) if d.unit else None),
    ]))  # fmt: skip
    story += b.section("Agrément et opérateur")
    approval = d.approval or {}
    granted = "accordé" if approval.get("status") == "granted" else "non accordé à ce jour"
    if approval.get("status") == "granted" and approval.get("decided_on"):
        granted += f" le {date_fr(approval.get('decided_on'))}"
    story.append(b.fields([
        ("Agrément pour ce métier", granted),
        ("Opérateur de formation", field_of(d.operator, "name") or o.get("operator_code")),
    ]))  # fmt: skip
    story.append(Spacer(1, 4 * mm))
    story.append(b.text(
        "Les candidats s'inscrivent auprès d'un opérateur de formation en alternance (CEFA, "
        "IFAPME ou SFPME) ; le contrat d'alternance est conclu avec le référent de cet "
        "opérateur.", "small"))  # fmt: skip
    return story


def render(d: PrintData) -> bytes:
    """The offer sheet as PDF bytes (a draft prints «PROJET»)."""
    header = Header(TITLE, record_line(d), d.printed_on, draft=d.record.get("status") == "draft")
    story: list[Flowable] = [PartStart(Part(None, None))]
    story += _story(d)
    return build_pdf(header, story)
