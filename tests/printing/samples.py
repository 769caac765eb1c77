"""Plain print data with names that test every letter: Polish, Romanian, Hungarian, French."""

from __future__ import annotations

from datetime import date
from typing import Any

from offa_desktop.printing.data import PrintData, PrintProblem

CONTRACT_ID = "3f2b8c1e-6a4d-4e7b-9c1a-2d5e8f0a1b2c"
EVENT_ID = "7a1c9e2b-3d4f-4a6b-8c0d-1e2f3a4b5c6d"
APPROVAL_ID = "b4c5d6e7-f809-4a1b-9c2d-3e4f5a6b7c8d"
VISIT_ID = "c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"


def _mod97(base: str) -> str:
    return f"{base}{97 - int(base) % 97:02d}"


def _niss_2000(base: str) -> str:
    return f"{base}{97 - int('2' + base) % 97:02d}"


LEARNER: dict[str, Any] = {
    "niss": _niss_2000("090314123"),
    "first_name": "Łukasz",
    "last_name": "Wiśniewski",
    "birth_date": "2009-03-14",
    "street": "Rue de l'Église 12",
    "postal_code": "4000",
    "city": "Liège",
    "operator_code": "ifapme-lg",
    "email": "lukasz.wisniewski@example.be",
    "phone": "0470 12 34 56",
    "iban": "BE71 0961 2345 6769",
    "representative": {
        "name": "Ștefan Țăranu",
        "niss": "75061204548",
        "phone": "0471 98 76 54",
        "email": "stefan.taranu@example.be",
    },
}
COMPANY: dict[str, Any] = {
    "enterprise_number": "0403170701",
    "name": "Boulangerie Erdős & Fils, artisans du pain au levain depuis trois générations",
    "legal_form": "SRL",
    "employee_count": 6,
    "sector": "alimentation",
    "email": "contact@erdos.be",
    "phone": "04 222 33 44",
}
UNIT: dict[str, Any] = {
    "unit_number": _mod97("21234567"),
    "name": "Atelier de Herstal",
    "street": "Chaussée de Brunehault 245",
    "postal_code": "4040",
    "city": "Herstal",
    "region": "wal",
}
WORKPLACE: dict[str, Any] = {
    "unit_number": _mod97("21234999"),
    "name": "Boutique de Saint-Gilles",
    "street": "Parvis de Saint-Gilles 3",
    "postal_code": "1060",
    "city": "Saint-Gilles",
    "region": "bxl",
}
TUTOR: dict[str, Any] = {
    "first_name": "Gábor",
    "last_name": "Erdős",
    "condition": "experience",
    "experience_years": 12,
    "email": "gabor@erdos.be",
    "phone": "0478 11 22 33",
}
OPERATOR: dict[str, Any] = {
    "code": "ifapme-lg",
    "name": "IFAPME Liège-Huy-Verviers",
    "kind": "ifapme",
    "region": "wal",
}
TRADE: dict[str, Any] = {
    "code": "boulanger",
    "name": "Boulanger-pâtissier",
    "sector": "alimentation",
}
CONTRACT: dict[str, Any] = {
    "learner_id": "11111111-1111-4111-8111-111111111111",
    "establishment_unit_id": "22222222-2222-4222-8222-222222222222",
    "approval_id": APPROVAL_ID,
    "tutor_id": "33333333-3333-4333-8333-333333333333",
    "operator_code": "ifapme-lg",
    "referent_name": "Zoë Dubœuf-Kowalczyk",
    "referent_email": "zoe.duboeuf@ifapme.be",
    "referent_phone": "04 230 00 00",
    "company_signatory": "Małgorzata Erdős-Nowak",
    "workplace_ids": ["44444444-4444-4444-8444-444444444444"],
    "trade_code": "boulanger",
    "start_date": "2026-01-31",
    "end_date": "2028-08-31",
    "level": "a",
    "monthly_pay": "1234.56",
    "schedule": {
        "mon": {"company_hours": 8, "operator_hours": 0},
        "tue": {"company_hours": 7.5, "operator_hours": 0},
        "wed": {"company_hours": 0, "operator_hours": 8},
        "thu": {"company_hours": 8, "operator_hours": 0},
        "fri": {"company_hours": 4, "operator_hours": 2.5},
    },
    "status": "draft",
}
PLAN = {
    "a": ["Peser et préparer les ingrédients", "Respecter l'hygiène (HACCP)"],
    "b": ["Façonner les pains spéciaux", "Conduire la cuisson au four à sole"],
    "c": ["Organiser la production du fournil", "Créer une pâtisserie de saison « Țară »"],
}
WAGE = {"valid_from": "2024-05-01", "rmmmg": "2070.48"}
RATE = {"level": "a", "percent": "17.00", "valid_from": "2015-09-01"}
PRINTED_ON = date(2026, 8, 31)


def contract_data(**changes: Any) -> PrintData:
    values: dict[str, Any] = dict(
        kind="contract",
        record_id=CONTRACT_ID,
        version=None,
        record=CONTRACT,
        learner=LEARNER,
        company=COMPANY,
        unit=UNIT,
        tutor=TUTOR,
        operator=OPERATOR,
        trade=TRADE,
        workplaces=[WORKPLACE],
        training_plan=PLAN,
        wage_reference=WAGE,
        pay_rate=RATE,
        printed_on=PRINTED_ON,
    )
    values.update(changes)
    return PrintData(**values)


DRAFT_PROBLEMS = [
    PrintProblem("agrément", "L'agrément n'est pas accordé à la date de début."),
    PrintProblem("date de signature", "La date de signature est obligatoire."),
]

SIGNED_CONTRACT: dict[str, Any] = {**CONTRACT, "status": "active", "signed_on": "2026-01-20"}
CHECKLIST: dict[str, Any] = {
    "code": "approval-std",
    "title": "Grille d'agrément standard",
    "items": [
        {"key": "bce", "label": "Inscription à la BCE vérifiée"},
        {"key": "workshop", "label": "L'atelier permet d'exercer le métier en sécurité"},
        {"key": "tutor", "label": "Le tuteur remplit une condition A, B ou C"},
    ],
}
VISITOR: dict[str, Any] = {
    "display_name": "Ilona Kovács-Wójcik",
    "role": "coach",
    "email": "ilona.kovacs@coach.be",
    "phone": "0475 00 11 22",
}


def event_data(kind: str, details: dict[str, Any], **changes: Any) -> PrintData:
    event: dict[str, Any] = {
        "contract_id": CONTRACT_ID,
        "kind": kind,
        "effective_date": "2026-09-15",
        "reason_code": changes.pop("reason_code", None),
        "details": details,
    }
    values: dict[str, Any] = dict(
        kind=kind,
        record_id=EVENT_ID,
        version=42,
        record=event,
        contract=SIGNED_CONTRACT,
        learner=LEARNER,
        company=COMPANY,
        unit=UNIT,
        tutor=TUTOR,
        operator=OPERATOR,
        trade=TRADE,
        printed_on=PRINTED_ON,
    )
    values.update(changes)
    return PrintData(**values)


def approval_data(status: str = "granted", **changes: Any) -> PrintData:
    record: dict[str, Any] = {
        "establishment_unit_id": "22222222-2222-4222-8222-222222222222",
        "trade_code": "boulanger",
        "operator_code": "ifapme-lg",
        "status": status,
        "requested_on": "2026-03-02",
        "decided_on": "2026-05-28",
        "decision_note": "Atelier conforme ; le tuteur Gábor Erdős justifie douze ans de métier.",
        "tutor_ids": ["33333333-3333-4333-8333-333333333333"],
    }
    values: dict[str, Any] = dict(
        kind="approval",
        record_id=APPROVAL_ID,
        version=7,
        record=record,
        company=COMPANY,
        unit=UNIT,
        tutors=[{**TUTOR, "certified": True}],
        operator=OPERATOR,
        trade=TRADE,
        printed_on=PRINTED_ON,
    )
    values.update(changes)
    return PrintData(**values)


def visit_data(**changes: Any) -> PrintData:
    record: dict[str, Any] = {
        "kind": "approval",
        "approval_id": APPROVAL_ID,
        "visitor_id": "55555555-5555-4555-8555-555555555555",
        "status": "done",
        "visit_date": "2026-04-17",
        "checklist_code": "approval-std",
        "answers": {
            "bce": {"value": "yes", "note": "Extrait du 12/04"},
            "workshop": {"value": "no", "note": "Hotte du four à remplacer"},
            "tutor": {"value": "na"},
        },
        "opinion": "conditional",
        "comments": "Avis favorable dès que la hotte sera remplacée (devis de Țepeș SRL).",
    }
    values: dict[str, Any] = dict(
        kind="visit",
        record_id=VISIT_ID,
        version=None,
        record=record,
        approval=approval_data().record,
        company=COMPANY,
        unit=UNIT,
        trade=TRADE,
        visitor=VISITOR,
        checklist=CHECKLIST,
        printed_on=PRINTED_ON,
    )
    values.update(changes)
    return PrintData(**values)
