"""Amendment, suspension and termination notices, approval decision, visit report, blank forms:
each read back field by field, with its QR code decoded."""

from __future__ import annotations

import re

import pytest

from offa_desktop.printing import facts
from offa_desktop.printing.data import PrintData
from offa_desktop.printing.page import MARGIN, PAGE_WIDTH
from offa_desktop.printing.render import render
from tests.printing import samples as s
from tests.printing.pdfread import pages_text, qr_codes, word_boxes

TUTOR_ID = "33333333-3333-4333-8333-333333333333"

SUMMARY = [
    "Łukasz Wiśniewski",
    "09.03.14-123.84",
    "0403.170.701",
    "Boulanger-pâtissier",
    "31/01/2026 – 31/08/2028",
    "Zoë Dubœuf-Kowalczyk",
    "Małgorzata Erdős-Nowak",
    "Ștefan Țăranu",
]


def _check(pdf: bytes, title: str, record: str, version: str, values: list[str]) -> str:
    pages = pages_text(pdf)
    for i, text in enumerate(pages, 1):
        assert title in text
        assert record in text and version in text
        assert "Imprimé le 31/08/2026" in text
        assert f"page {i} / {len(pages)}" in text
    text = " ".join(pages)
    missing = [v for v in values if v not in text]
    assert not missing, missing
    right = PAGE_WIDTH - MARGIN + 1
    assert not [w for w in word_boxes(pdf) if w[2] > right or w[0] < MARGIN - 1]
    return text


def test_amendment() -> None:
    changes = {
        "end_date": "2028-06-30",
        "monthly_pay": "1300.00",
        "tutor_id": TUTOR_ID,
        "schedule": {"mon": {"company_hours": 8, "operator_hours": 0}},
    }
    data = s.event_data("amendment", {"changes": changes}, names={TUTOR_ID: "Gábor Erdős"})
    pdf = render(data)
    _check(
        pdf,
        "Avenant au contrat d'alternance",
        f"Événement de contrat réf. {facts.reference(s.EVENT_ID)}",
        "version 42",
        [
            *SUMMARY,
            "15/09/2026",
            "Date de fin 30/06/2028",
            "Rétribution mensuelle 1 300,00 €",
            "Tuteur Gábor Erdős",
            "Nouvel horaire hebdomadaire de référence",
            "☒ A. cinq ans d'expérience",
        ],
    )
    assert qr_codes(pdf, [1])[1] == [f"offa:contract_events/{s.EVENT_ID}?v=42&doc=amendment"]


def test_suspension_says_who_pays_the_first_days() -> None:
    reason = {
        "code": "illness",
        "label": "Maladie ou accident de l'apprenant",
        "company_pays_days": 7,
    }
    data = s.event_data("suspension", {"end_date": "2026-10-15"}, reason=reason)
    text = _check(
        render(data),
        "Notification de suspension du contrat d'alternance",
        f"Événement de contrat réf. {facts.reference(s.EVENT_ID)}",
        "version 42",
        [
            *SUMMARY,
            "Maladie ou accident de l'apprenant",
            "Début de la suspension 15/09/2026",
            "Fin prévue de la suspension 15/10/2026",
            "L'entreprise paie la rétribution des 7 premiers jours de la suspension.",
        ],
    )
    assert "Jours payés par l'entreprise 7" in text


def test_termination() -> None:
    details = {
        "initiator": "company",
        "notified_on": "2026-09-01",
        "notice_start": "2026-09-02",
        "notice_end": "2026-09-15",
        "notice_worked": False,
        "referent_consulted_on": "2026-08-28",
    }
    reason = {"code": "notice", "label": "Préavis donné par une partie"}
    pdf = render(s.event_data("termination", details, reason=reason, version=None))
    _check(
        pdf,
        "Notification de fin du contrat d'alternance",
        f"Événement de contrat réf. {facts.reference(s.EVENT_ID)}",
        "pas encore enregistrée sur le serveur",
        [
            *SUMMARY,
            "Préavis donné par une partie",
            "À l'initiative de l'entreprise",
            "Date de la notification 01/09/2026",
            "Début du préavis 02/09/2026",
            "Fin du préavis 15/09/2026",
            "non presté, remplacé par une indemnité",
            "Référent consulté le 28/08/2026",
            "Fin du contrat le 15/09/2026",
        ],
    )
    assert qr_codes(pdf, [1])[1] == [f"offa:contract_events/{s.EVENT_ID}?v=local&doc=termination"]


@pytest.mark.parametrize(
    ("status", "sentence"),
    [
        ("granted", "accorde l'agrément"),
        ("refused", "refuse l'agrément"),
        ("suspended", "suspend l'agrément"),
        ("withdrawn", "retire l'agrément"),
    ],
)
def test_approval_decision(status: str, sentence: str) -> None:
    pdf = render(s.approval_data(status))
    _check(
        pdf,
        "Décision relative à l'agrément",
        f"Agrément réf. {facts.reference(s.APPROVAL_ID)}",
        "version 7",
        [
            f"IFAPME Liège-Huy-Verviers {sentence} à l'entreprise Boulangerie Erdős & Fils",
            "Atelier de Herstal",
            "0403.170.701",
            "2.123.456.791",  # a unit number as the BCE writes it
            "Chaussée de Brunehault 245, 4040 Herstal",
            "Boulanger-pâtissier (boulanger)",
            "02/03/2026",
            "28/05/2026",
            "Gábor Erdős",
            "A. expérience",
            "le tuteur Gábor Erdős justifie douze ans de métier",
            "Pour l'opérateur de formation",
        ],
    )


def test_approval_decision_keeps_its_signature_with_its_heading() -> None:
    pages = pages_text(render(s.approval_data("granted")))
    assert len(pages) == 1  # a decision fits on one sheet, signature included
    for text in pages:
        if "Signature " in text.split("Imprimé le")[0]:
            assert "Pour l'opérateur de formation" in text


def test_visit_report() -> None:
    pdf = render(s.visit_data())
    text = _check(
        pdf,
        "Rapport de visite",
        f"Visite réf. {facts.reference(s.VISIT_ID)}",
        "pas encore enregistrée sur le serveur",
        [
            "visite d'agrément",
            "17/04/2026",
            "Ilona Kovács-Wójcik",
            "ilona.kovacs@coach.be",
            "Grille d'agrément standard",
            "Inscription à la BCE vérifiée",
            "Extrait du 12/04",
            "Hotte du four à remplacer",
            "☒ favorable sous conditions",
            "devis de Țepeș SRL",
            "Le visiteur",
        ],
    )
    layout = " ".join(pages_text(pdf, layout=True))
    assert re.search(r"Inscription à la BCE vérifiée ☒ ☐ ☐", layout)
    assert re.search(r"métier en sécurité ☐ ☒ ☐ Hotte du four", layout)
    assert "☐ favorable ☐ défavorable" in text
    assert qr_codes(pdf, [1])[1] == [f"offa:visits/{s.VISIT_ID}?v=local&doc=visit"]


def test_follow_up_visit_names_the_learner_and_tutor() -> None:
    record = {
        **s.visit_data().record,
        "kind": "follow_up",
        "approval_id": None,
        "contract_id": s.CONTRACT_ID,
    }
    data = s.visit_data(record=record, learner=s.LEARNER, tutor=s.TUTOR, contract=s.SIGNED_CONTRACT)
    text = " ".join(pages_text(render(data)))
    assert "visite de suivi" in text
    assert "Apprenant Łukasz Wiśniewski" in text and "Tuteur Gábor Erdős" in text
    signatures = text.split("Pris connaissance.")[1]
    assert "L'apprenant Łukasz Wiśniewski" in signatures
    assert "Pour l'entreprise Gábor Erdős" in signatures


def test_bad_schedule_values_print_instead_of_failing() -> None:
    contract = {**s.SIGNED_CONTRACT, "schedule": {"mon": "8", "tue": {"company_hours": "x"}}}
    text = " ".join(pages_text(render(s.contract_data(record=contract))))
    assert "Horaire hebdomadaire de référence" in text


@pytest.mark.parametrize(
    ("kind", "title", "expected"),
    [
        (
            "blank-contract",
            "Contrat d'alternance (formulaire vierge)",
            [
                "Exemplaire apprenant",
                "Exemplaire entreprise",
                "Exemplaire référent",
                "Numéro de registre national",
                "Horaire hebdomadaire de référence",
                "Niveau C",
            ],
        ),
        (
            "blank-visit",
            "Rapport de visite (formulaire vierge)",
            ["☐ visite d'agrément ☐ visite de suivi", "Point vérifié", "Commentaires"],
        ),
    ],
)
def test_blank_forms_on_no_data(kind: str, title: str, expected: list[str]) -> None:
    pdf = render(PrintData(kind=kind, printed_on=s.PRINTED_ON))
    pages = pages_text(pdf)
    text = " ".join(pages)
    assert all(title in p and "Formulaire vierge à compléter à la main" in p for p in pages)
    assert not [v for v in expected if v not in text]
    code = qr_codes(pdf, [1])[1]
    collection = "contracts" if kind == "blank-contract" else "visits"
    suffix = "&copy=apprenant" if kind == "blank-contract" else ""
    assert code == [f"offa:blank/{collection}?doc={kind}{suffix}"]


def test_blank_contract_shows_pay_rates_when_reference_data_is_there() -> None:
    rates = [
        {"level": "a", "percent": "17.00", "valid_from": "2015-09-01"},
        {"level": "b", "percent": "24.00", "valid_from": "2015-09-01"},
        {"level": "c", "percent": "32.00", "valid_from": "2015-09-01"},
    ]
    data = PrintData(
        kind="blank-contract",
        wage_reference={"valid_from": "2022-05-01", "rmmmg": "1842.28"},
        pay_rates=rates,
        printed_on=s.PRINTED_ON,
    )
    text = " ".join(pages_text(render(data)))
    for amount in ("1 842,28 €", "313,19 €", "442,15 €", "589,53 €"):
        assert amount in text
