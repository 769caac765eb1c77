"""What the contract view says: everything a secretariat checks before a phone call, in words.

The learner (age, NISS, phone; the legal representative of a minor), the company (BCE number,
phone), the unit and its address, the trade, the tutor, who signs for the company, the
operator, the referent and how to reach them, the dates and trial period, level, pay, weekly
schedule, when it was signed, its printed reference and whether the server has it.
"""

from __future__ import annotations

from typing import Any

from offa_desktop.domain.access import get_date
from offa_desktop.domain.dates import age_on, trial_period_end
from offa_desktop.domain.identifiers import format_enterprise_number, format_niss
from offa_desktop.domain.values import format_date_fr
from offa_desktop.ops.records.wording import Wording
from offa_desktop.printing.facts import reference
from offa_desktop.store import pending
from offa_desktop.store.db import WorkingCopy
from offa_desktop.store.queries import StoreContext
from offa_desktop.store.records import get_record

SYNC_FR = {
    pending.SYNCED: "sur le serveur",
    pending.PENDING: "modifications en attente d'envoi",
    pending.CONFLICT: "en conflit : à régler (Synchronisation › Conflits)",
    pending.REJECTED: "refusé par le serveur (Synchronisation › Modifications refusées)",
}


# A past contract whose learner left this copy (moved to another operator: issue 18).
GONE = "plus dans votre copie : passé·e à un autre opérateur (ou hors de votre périmètre)"


def _join(*parts: Any, sep: str = ", ") -> str:
    return sep.join(str(p) for p in parts if p not in (None, ""))


def contract_facts(wc: WorkingCopy, contract_id: str) -> list[tuple[str, str]]:
    """``[(French label, value in words)]`` of a contract, in the order people read them."""
    with wc.session() as db:
        ctx = StoreContext(db)
        words = Wording(db)
        contract = ctx.get("contracts", contract_id) or {}
        stored = get_record(db, "contracts", contract_id)
        state = pending.sync_states(db, "contracts", [contract_id])[contract_id]

        def linked(collection: str, key: str) -> dict[str, Any]:
            return ctx.get(collection, str(contract.get(key) or "")) or {}

        learner = linked("learners", "learner_id")
        unit = linked("establishment_units", "establishment_unit_id")
        company = ctx.get("companies", str(unit.get("company_id") or "")) or {}
        tutor = linked("tutors", "tutor_id")

        def value(name: str) -> str:
            return words.value("contracts", name, contract.get(name))

        born, start = get_date(learner, "birth_date"), get_date(contract, "start_date")
        today = ctx.today()
        age = f"{age_on(born, today)} ans" if born else ""
        person = _join(" ".join(str(learner.get(n) or "") for n in ("last_name", "first_name"))
                       .strip(), age, f"NISS {format_niss(str(learner['niss']))}"
                       if learner.get("niss") else "", learner.get("phone"))
        if not learner and contract.get("learner_id"):
            person = GONE
        bce = company.get("enterprise_number")
        rows = [
            ("Apprenant", person),
            ("Représentant légal", words.value("learners", "representative",
                                               learner.get("representative"))
             if learner.get("representative") else ""),
            ("Entreprise", _join(company.get("name"),
                                 f"BCE {format_enterprise_number(str(bce))}" if bce else "",
                                 company.get("phone"))),
            ("Unité d'établissement", _join(unit.get("name"), unit.get("street"), _join(
                unit.get("postal_code"), unit.get("city"), sep=" "))),
            ("Métier", value("trade_code")),
            ("Tuteur", _join(value("tutor_id"), tutor.get("phone"))),
            ("Signataire pour l'entreprise", value("company_signatory")),
            ("Opérateur", value("operator_code")),
            ("Référent", _join(value("referent_name"), contract.get("referent_email"),
                               contract.get("referent_phone"))),
            ("Période", _join(f"du {value('start_date')} au {value('end_date')}",
                              f"période d'essai jusqu'au {format_date_fr(trial_period_end(start))}"
                              if start else "")),
            ("Niveau et rétribution", _join(f"niveau {value('level')}",
                                            value("monthly_pay"))),
            ("Horaire", value("schedule")),
            ("Signé le", value("signed_on") if contract.get("signed_on") else "pas encore"),
            ("Référence", reference(contract_id)),
            ("Synchronisation", SYNC_FR.get(state, state) + (
                f" (version {stored.version})" if stored is not None and stored.version
                else " — jamais envoyé" if stored is not None else "")),
        ]
    return [(label, text) for label, text in rows if text and text != "—"]
