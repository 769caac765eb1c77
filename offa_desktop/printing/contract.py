"""The contract pack (contrat d'alternance) in three copies, filled or blank.

Each copy holds the whole contract and its training plan annex, headed «Exemplaire apprenant»,
«Exemplaire entreprise» or «Exemplaire référent», with its own QR code and page numbers. A
contract that would not pass the move to ``signed`` prints with «PROJET» and a last part listing
what is still wrong.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Spacer

from offa_desktop.printing import blocks as b
from offa_desktop.printing import clauses, facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import Header, Part, PartStart, build_pdf
from offa_desktop.printing.text import (
    CONTRACT_STATUSES,
    EVENT_KINDS,
    LEVEL_LABELS,
    REGIONS,
    TUTOR_CONDITIONS,
    address,
    company_name,
    contact,
    date_fr,
    esc,
    field_of,
    iban,
    label,
    money_fr,
    percent_fr,
    person,
)

TITLE = "Contrat d'alternance"


def _parties(d: PrintData, blank: bool) -> list[Flowable]:
    c = d.record
    start = facts.parse_day(c.get("start_date")) or d.printed_on
    story: list[Flowable] = b.section("1. Les parties")
    story.append(b.para("1.1 L'apprenant", "h2"))
    learner = d.learner
    story.append(
        b.fields(
            [
                ("Nom et prénom", person(learner)),
                ("Numéro de registre national (NISS)", facts.niss(field_of(learner, "niss"))),
                ("Date de naissance", date_fr(field_of(learner, "birth_date"))),
                ("Adresse", address(learner)),
                ("Téléphone · courriel", contact(learner)),
            ],
            blank=blank,
        )
    )
    rep = field_of(learner, "representative")
    if blank or rep or facts.is_minor(learner, start):
        story.append(b.para("1.2 Le représentant légal (apprenant mineur)", "h2"))
        story.append(
            b.fields(
                [
                    ("Nom et prénom", field_of(rep, "name")),
                    ("Numéro de registre national (NISS)", facts.niss(field_of(rep, "niss"))),
                    ("Téléphone · courriel", contact(rep)),
                ],
                blank=blank,
            )
        )
    story.append(b.para("1.3 L'entreprise", "h2"))
    company, unit = d.company, d.unit
    name = company_name(company)
    story.append(
        b.fields(
            [
                ("Dénomination et forme juridique", name),
                (
                    "Numéro d'entreprise (BCE)",
                    facts.enterprise_number(field_of(company, "enterprise_number")),
                ),
                ("Signataire pour l'entreprise", c.get("company_signatory")),
                ("Unité d'établissement", field_of(unit, "name")),
                (
                    "Numéro d'unité d'établissement",
                    facts.enterprise_number(field_of(unit, "unit_number")),
                ),
                ("Adresse de l'unité", address(unit)),
                ("Téléphone · courriel", contact(company)),
            ],
            blank=blank,
        )
    )
    story.append(b.para("1.4 Le tuteur", "h2"))
    tutor = d.tutor
    story.append(
        b.fields(
            [("Nom et prénom", person(tutor)), ("Téléphone · courriel", contact(tutor))],
            blank=blank,
        )
    )
    story.append(Spacer(1, 1.5 * mm))
    story.append(b.text(clauses.HONOUR_DECLARATION, "cell"))
    chosen = None if blank else field_of(tutor, "condition")
    for code, wording in TUTOR_CONDITIONS.items():
        story.append(b.text(f"{b.checkbox(code == chosen)}  {wording}", "cell"))
    story.append(b.para("1.5 L'opérateur de formation et le référent", "h2"))
    operator = d.operator
    op_name = field_of(operator, "name") or c.get("operator_code")
    region = label(REGIONS, field_of(operator, "region"))
    story.append(
        b.fields(
            [
                (
                    "Opérateur de formation",
                    f"{op_name} ({region})" if op_name and region else op_name,
                ),
                ("Référent", c.get("referent_name")),
                ("Téléphone · courriel", contact(c, "referent_email", "referent_phone")),
            ],
            blank=blank,
        )
    )
    return story


def _object(d: PrintData, blank: bool) -> list[Flowable]:
    c = d.record
    start = facts.parse_day(c.get("start_date"))
    trial = date_fr(facts.trial_period_end(start)) if start else ""
    trade = field_of(d.trade, "name") or c.get("trade_code")
    if trade and c.get("trade_code") and field_of(d.trade, "name"):
        trade = f"{trade} ({c.get('trade_code')})"
    places = [f"{field_of(d.unit, 'name')} — {address(d.unit)}"] if d.unit else []
    places += [f"{w.get('name')} — {address(w)}" for w in d.workplaces]
    story: list[Flowable] = b.section("2. L'objet du contrat")
    rows: list[tuple[str, object]] = [
        ("Métier", trade),
        ("Date de début", date_fr(c.get("start_date"))),
        ("Date de fin", date_fr(c.get("end_date"))),
        ("Fin de la période d'essai", trial),
        ("Lieux de formation en entreprise", "\n".join(places)),
    ]
    if not blank:
        rows.append(("Statut de la fiche", label(CONTRACT_STATUSES, c.get("status"))))
    story.append(b.fields(rows, blank=blank))
    if not blank:
        story += _chain(d)
        if d.overrides and not d.problems:  # a draft lists them on its last page
            story.append(b.para("Dérogations motivées", "h2"))
            story += b.bullet_list(d.overrides)
    story.append(Spacer(1, 2 * mm))
    story.append(b.text(clauses.CONTRACT_TERMS, "small"))
    if d.events and not blank:
        story.append(b.para("Événements enregistrés depuis la signature", "h2"))
        events: list[list[object]] = [
            [
                date_fr(e.get("effective_date")),
                label(EVENT_KINDS, e.get("kind")),
                str(e.get("reason_label") or e.get("reason_code") or ""),
            ]
            for e in d.events
        ]
        widths = [35 * mm, 60 * mm, b.WIDTH - 95 * mm]
        story.append(b.grid(["Date d'effet", "Événement", "Motif"], events, widths))
    story += b.section("3. Horaire hebdomadaire de référence")
    story.append(b.schedule_grid(c.get("schedule"), blank=blank))
    return story


def _chain(d: PrintData) -> list[Flowable]:
    """Cancel and replace: what this contract replaces, what replaced it (each named by the
    reference its own pages carry, «réf. 09B2-D70E», not its identifier)."""
    out: list[Flowable] = []
    old = d.replaces
    if old:
        signed = f", signé le {date_fr(old.get('signed_on'))}" if old.get("signed_on") else ""
        out.append(
            b.text(
                f"Ce contrat annule et remplace le contrat réf. "
                f"{facts.reference(str(old.get('id')))} (début le "
                f"{date_fr(old.get('start_date'))}{signed}), qui prend fin avec le motif "
                "« remplacé » à la signature du présent contrat.",
                "cell",
            )
        )
    for new in d.replaced_by:
        state = (
            f"signé le {date_fr(new.get('signed_on'))}"
            if new.get("status") != "draft" and new.get("signed_on")
            else "en projet"
        )
        out.append(
            b.text(
                f"Ce contrat est annulé et remplacé par le contrat réf. "
                f"{facts.reference(str(new.get('id')))} ({state}).",
                "cell",
            )
        )
    if out:
        out.insert(0, Spacer(1, 1.5 * mm))
    return out


def _pay(d: PrintData, blank: bool) -> list[Flowable]:
    c = d.record
    story: list[Flowable] = b.section("4. Rétribution")
    wage = field_of(d.wage_reference, "rmmmg")
    if blank:
        rows = []
        for rate in sorted(d.pay_rates, key=lambda r: str(r.get("level"))):
            minimum = facts.minimum_pay(wage, rate.get("percent")) if wage else None
            rows.append(
                [
                    f"Niveau {label(LEVEL_LABELS, rate.get('level'))}",
                    percent_fr(rate.get("percent")),
                    money_fr(minimum) if minimum is not None else "",
                ]
            )
        if wage and rows:
            story.append(
                b.text(
                    f"Revenu minimum mensuel moyen garanti (RMMMG) de référence : {money_fr(wage)} "
                    f"(en vigueur depuis le {date_fr(field_of(d.wage_reference, 'valid_from'))}).",
                    "cell",
                )
            )
            story.append(Spacer(1, 1.5 * mm))
            story.append(
                b.grid(["Niveau", "Pourcentage du RMMMG", "Minimum mensuel"], rows, [58 * mm] * 3)
            )
            story.append(Spacer(1, 2 * mm))
        story.append(
            b.fields(
                [
                    ("Niveau (A, B ou C)", None),
                    ("RMMMG et pourcentage", None),
                    ("Rétribution mensuelle convenue", None),
                    ("Compte de l'apprenant (IBAN)", None),
                ]
            )
        )
    else:
        percent = field_of(d.pay_rate, "percent")
        minimum = facts.minimum_pay(wage, percent) if wage and percent else None
        basis = ""
        if wage and percent:
            basis = (
                f"{percent_fr(percent)} du RMMMG de {money_fr(wage)} "
                f"(en vigueur depuis le {date_fr(field_of(d.wage_reference, 'valid_from'))})"
            )
        story.append(
            b.fields(
                [
                    ("Niveau", label(LEVEL_LABELS, c.get("level"))),
                    ("Base de calcul", basis),
                    ("Minimum mensuel du niveau", money_fr(minimum) if minimum is not None else ""),
                    ("Rétribution mensuelle convenue", money_fr(c.get("monthly_pay"))),
                    ("Compte de l'apprenant (IBAN)", iban(field_of(d.learner, "iban"))),
                ]
            )
        )
    story.append(Spacer(1, 2 * mm))
    story.append(b.text(clauses.PAY_METHOD, "small"))
    return story


def _duties() -> list[Flowable]:
    story: list[Flowable] = b.section("5. Droits et obligations des parties")
    for heading, items in clauses.RIGHTS_AND_DUTIES:
        story.append(b.para(f"{esc(heading)} :", "h2"))
        story += b.bullet_list(items)
    return story


def _signatures(d: PrintData, blank: bool) -> list[Flowable]:
    c = d.record
    start = facts.parse_day(c.get("start_date")) or d.printed_on
    signers = [("L'apprenant", "" if blank else person(d.learner))]
    rep = field_of(d.learner, "representative")
    if blank or rep or facts.is_minor(d.learner, start):
        signers.append(("Le représentant légal", "" if blank else str(field_of(rep, "name") or "")))
    signers.append(("Pour l'entreprise", "" if blank else str(c.get("company_signatory") or "")))
    signers.append(("Le référent", "" if blank else str(c.get("referent_name") or "")))
    return b.signature_section("6. Signatures", signers, "Lu et approuvé, en trois exemplaires.")


def _annex(d: PrintData, blank: bool) -> list[Flowable]:
    c = d.record
    trade = field_of(d.trade, "name") or c.get("trade_code") or ""
    story: list[Flowable] = [PageBreak(), *b.section("Annexe : plan de formation")]
    story.append(
        b.text(
            f"Compétences à acquérir dans le métier{' ' + str(trade) if trade else ''}, "
            "par niveau. Le référent décide du passage au niveau suivant après avis du tuteur.",
            "cell",
        )
    )
    for level in ("a", "b", "c"):
        story.append(b.para(f"Niveau {LEVEL_LABELS[level]}", "h2"))
        competences = [] if blank else list(d.training_plan.get(level, ()))
        if competences:
            rows = [[str(i), item, "☐"] for i, item in enumerate(competences, 1)]
            story.append(
                b.grid(["N°", "Compétence", "Acquise"], rows, [10 * mm, b.WIDTH - 30 * mm, 20 * mm])
            )
        else:
            rows = [["", "", "☐"] for _ in range(4)]
            story.append(
                b.grid(
                    ["N°", "Compétence", "Acquise"],
                    rows,
                    [10 * mm, b.WIDTH - 30 * mm, 20 * mm],
                    min_row_height=8 * mm,
                )
            )
    return story


def copy_story(d: PrintData, part: Part) -> list[Flowable]:
    """One full copy of the contract, annex included."""
    blank = d.blank
    story: list[Flowable] = [PartStart(part)]
    story += _parties(d, blank)
    story += _object(d, blank)
    story += _pay(d, blank)
    story += _duties()
    story += _signatures(d, blank)
    story += _annex(d, blank)
    return story


def render(d: PrintData) -> bytes:
    """The contract pack (or the blank contract form) as PDF bytes."""
    draft = bool(d.problems) and not d.blank
    copies = tuple(Part(heading, facts.qr_text(d, copy)) for copy, heading in facts.COPIES)
    # The copy is laid out once; the canvas issues its pages once per copy (Header.copies).
    story = copy_story(d, copies[0])
    if draft:
        story.append(PageBreak())
        story.append(PartStart(Part("Points à corriger avant signature", facts.qr_text(d))))
        story += b.problems_list(d.problems, d.overrides)
    title = "Contrat d'alternance (formulaire vierge)" if d.blank else TITLE
    header = Header(title, facts.record_line(d), d.printed_on, draft=draft, copies=copies)
    return build_pdf(header, story)
