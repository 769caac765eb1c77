"""A real working copy filled for printing: reference data and synced records put as the server
sends them, and a draft contract created locally through the unit of work (validated)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from offa_desktop import paths, reference_data
from offa_desktop.store.db import WorkingCopy
from tests.printing import samples as s
from tests.store.server_rows import put_server_record

IDS = {
    "company": "0a000000-0000-4000-8000-000000000001",
    "unit": "0a000000-0000-4000-8000-000000000002",
    "workplace": "0a000000-0000-4000-8000-000000000003",
    "tutor": "0a000000-0000-4000-8000-000000000004",
    "approval": "0a000000-0000-4000-8000-000000000005",
    "learner": "0a000000-0000-4000-8000-000000000006",
    "active": "0a000000-0000-4000-8000-000000000007",
    "termination": "0a000000-0000-4000-8000-000000000008",
    "suspension": "0a000000-0000-4000-8000-000000000009",
    "visit": "0a000000-0000-4000-8000-00000000000a",
    "visitor": "0a000000-0000-4000-8000-00000000000b",
    "amendment": "0a000000-0000-4000-8000-00000000000c",
    "level_change": "0a000000-0000-4000-8000-00000000000d",
}


def _synced(ids: dict[str, str]) -> list[tuple[str, str, int, dict[str, Any]]]:
    company = {k: v for k, v in s.COMPANY.items()}
    unit = {**s.UNIT, "company_id": ids["company"]}
    workplace = {**s.WORKPLACE, "company_id": ids["company"]}
    tutor = {**s.TUTOR, "company_id": ids["company"], "criminal_record_date": "2025-12-01"}
    approval = {
        "establishment_unit_id": ids["unit"],
        "trade_code": "boulanger",
        "operator_code": "ifapme",
        "status": "granted",
        "requested_on": "2025-03-02",
        "decided_on": "2025-05-28",
        "decision_note": "Atelier conforme ; le tuteur Gábor Erdős justifie douze ans de métier.",
        "tutor_ids": [ids["tutor"]],
    }
    learner = {**s.LEARNER, "operator_code": "ifapme"}
    active = {
        **s.SIGNED_CONTRACT,
        "learner_id": ids["learner"],
        "establishment_unit_id": ids["unit"],
        "approval_id": ids["approval"],
        "tutor_id": ids["tutor"],
        "operator_code": "ifapme",
        "workplace_ids": [ids["workplace"]],
        "status": "terminated",
        "level": "b",  # as the level change of 01/06/2026 left it
        "monthly_pay": "1400.00",
    }
    termination = {
        "contract_id": ids["active"],
        "kind": "termination",
        "effective_date": "2026-09-15",
        "reason_code": "notice",
        "details": {
            "initiator": "learner",
            "notified_on": "2026-09-01",
            "notice_start": "2026-09-02",
            "notice_end": "2026-09-15",
            "notice_worked": True,
            "referent_consulted_on": "2026-08-28",
        },
    }
    suspension = {
        "contract_id": ids["active"],
        "kind": "suspension",
        "effective_date": "2026-04-01",
        "reason_code": "illness",
        "details": {"end_date": "2026-04-20", "company_pays_days": 7},
    }
    amendment = {
        "contract_id": ids["active"],
        "kind": "amendment",
        "effective_date": "2026-03-01",
        "details": {"changes": {"end_date": "2028-08-31", "workplace_ids": [ids["workplace"]]}},
    }
    level_change = {
        "contract_id": ids["active"],
        "kind": "level_change",
        "effective_date": "2026-06-01",
        "details": {
            "from_level": "a",
            "to_level": "b",
            "monthly_pay": "1400.00",
            "tutor_opinion_on": "2026-05-20",
        },
    }
    visit = {
        "kind": "approval",
        "approval_id": ids["approval"],
        "visitor_id": ids["visitor"],
        "status": "done",
        "visit_date": "2025-04-17",
        "checklist_code": "approval",
        "answers": {
            "trade_practised": {"value": "yes"},
            "workshop_safe": {"value": "no", "note": "Hotte du four à remplacer"},
        },
        "opinion": "conditional",
        "comments": "Avis favorable dès que la hotte sera remplacée (devis de Țepeș SRL).",
    }
    # an indexation after the start: the level change's pay follows it, not the start's
    wage_2026 = {"valid_from": "2026-05-01", "rmmmg": "2111.89"}
    return [
        ("wage_references", "0a000000-0000-4000-8000-0000000000aa", 900, wage_2026),
        ("users", ids["visitor"], 1, s.VISITOR),
        ("companies", ids["company"], 2, company),
        ("establishment_units", ids["unit"], 3, unit),
        ("establishment_units", ids["workplace"], 4, workplace),
        ("tutors", ids["tutor"], 5, tutor),
        ("approvals", ids["approval"], 6, approval),
        ("learners", ids["learner"], 7, learner),
        ("contracts", ids["active"], 12, active),
        ("contract_events", ids["amendment"], 13, amendment),
        ("contract_events", ids["suspension"], 14, suspension),
        ("contract_events", ids["termination"], 15, termination),
        ("contract_events", ids["level_change"], 17, level_change),
        ("visits", ids["visit"], 16, visit),
    ]


DRAFT = {
    "learner_id": IDS["learner"],
    "establishment_unit_id": IDS["unit"],
    "operator_code": "ifapme",
    "trade_code": "boulanger",
    "start_date": "2026-09-01",
    "status": "draft",
    "referent_name": "Zoë Dubœuf-Kowalczyk",
}


def fill(data_dir: str | Path) -> dict[str, str]:
    """Create and fill the working copy of ``data_dir``; the ids, ``draft`` included."""
    wc = WorkingCopy.open(paths.working_copy_path(Path(data_dir)))
    ids = dict(IDS)
    try:
        version = 1000
        with wc.unit_of_work() as uow:
            for collection, rows in reference_data.load().items():
                for record_id, data in rows:
                    version += 1
                    put_server_record(uow, collection, record_id, version, False, data)
            for collection, record_id, v, data in _synced(ids):
                put_server_record(uow, collection, record_id, v, False, data)
        with wc.unit_of_work() as uow:
            ids["draft"] = uow.create("contracts", DRAFT)
    finally:
        wc.close()
    return ids
