"""Realistic demo data: working records for ``size`` contracts, valid under the domain rules.

Records come as ``(collection, id, data)`` (API-shaped ``data``), company by company: a company,
its units, tutors and approvals, then its learners, contracts, contract events, visits and
incentive claims, so every reference names a record yielded before it. Shares follow the field:
more running than finished contracts, approvals mostly granted with some under review, most
contracts at level A, seven in ten in Wallonia. Deterministic for a seed and a ``today``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from offa_desktop import reference_data
from offa_desktop.demo.accounts import DEMO_ACCOUNTS
from offa_desktop.demo.deadlines import CAP, Scenarios, demo_reference, indexation_day
from offa_desktop.demo.identifiers import FastRandom, Serials, iban_be, mod97_number, uuid4_from
from offa_desktop.demo.people import STATUS_SHARES, Company, People, Slot, pick
from offa_desktop.demo.places import LEGAL_FORMS, LOCALITIES, TRADE_WORDS, make_pools
from offa_desktop.domain.dates import school_year_of
from offa_desktop.domain.values import brussels_today, money_str

Record = tuple[str, str, dict[str, Any]]

SECTOR_SHARES = (
    ("construction", 22), ("horeca", 16), ("commerce", 16), ("alimentation", 12),
    ("automobile", 12), ("coiffure", 10), ("industrie", 7), ("soins", 5),
)  # fmt: skip
CLAIM_SHARES = {  # Brussels premiums stop at "eligible": Actiris pays them
    "wal": (("to_check", 35), ("eligible", 15), ("approved", 15), ("paid", 30),
            ("not_eligible", 5)),
    "bxl": (("to_check", 40), ("eligible", 55), ("not_eligible", 5)),
}  # fmt: skip
BXL_TUTOR_MAX_LEARNERS = 4

class DemoGenerator:
    """Draws demo records; one instance per generation (it keeps identifiers unique)."""

    def __init__(self, seed: int = 0, today: date | None = None) -> None:
        self.rng: random.Random = FastRandom(seed)
        self.today = today or brussels_today()
        ref = reference_data.load()
        self.trades: dict[str, list[dict[str, Any]]] = {}
        for _, trade in ref["trades"]:
            self.trades.setdefault(trade["sector"], []).append(trade)
        self.operators: dict[str, list[str]] = {}
        for _, operator in ref["operators"]:
            self.operators.setdefault(operator["region"], []).append(operator["code"])
        rmmmg = max(ref["wage_references"], key=lambda r: r[1]["valid_from"])[1]["rmmmg"]
        self.old_minimum = {
            rate["level"]: (Decimal(rmmmg) * Decimal(rate["percent"]) / 100).quantize(
                Decimal("0.01")
            )
            + Decimal("0.01")  # the shipped tables' latest RMMMG
            for _, rate in ref["pay_rates"]
        }
        # the demo's own indexation (deadlines.demo_reference): the highest minimum of all
        demo = max(demo_reference(self.today)["wage_references"],
                   key=lambda r: r[1]["valid_from"])[1]["rmmmg"]
        self.minimum = {
            rate["level"]: (Decimal(demo) * Decimal(rate["percent"]) / 100).quantize(
                Decimal("0.01")
            ) + Decimal("0.01")
            for _, rate in ref["pay_rates"]
        }
        self.scenarios = Scenarios(self.today)
        self._paid = 0
        self.incentive_amounts = {
            kind["code"]: kind["amount"]
            for _, kind in sorted(ref["incentive_kinds"], key=lambda r: r[1]["valid_from"])
        }  # the amount in force now (the latest)
        self.localities = {r: [loc for loc in LOCALITIES if loc[2] == r] for r in ("wal", "bxl")}
        self.coaches = [a.id for a in DEMO_ACCOUNTS if a.role == "coach"]
        self.offa_staff = [a.id for a in DEMO_ACCOUNTS if a.role == "offa"]
        self.people = People(self.rng, make_pools(seed), Serials(), self.today)
        self.next_company = self.rng.randrange(2_000_000, 4_000_000)
        self.next_unit = self.rng.randrange(1_000_000, 2_000_000)

    def uid(self) -> str:
        return uuid4_from(self.rng)

    def days(self, low: int, high: int) -> timedelta:
        return timedelta(days=self.rng.randint(low, high))

    # --- the whole run -------------------------------------------------------------------------

    def records(self, size: int) -> Iterator[Record]:
        made = 0
        while made < size:
            wanted = self.rng.choices((1, 2, 3, 4, 6, 8), weights=(38, 25, 15, 10, 8, 4))[0]
            count = min(wanted, size - made)
            yield from self.scenarios.apply(list(self.company_block(count)))
            made += count
            if self.rng.random() < 0.08:  # a company waiting for its first approval
                yield from self.scenarios.apply(list(self.company_block(0)))

    # --- one company and everything under it ---------------------------------------------------

    def company_block(self, contracts: int) -> Iterator[Record]:
        rng = self.rng
        region = "wal" if rng.random() < 0.7 else "bxl"
        sector = pick(rng, SECTOR_SHARES)
        slots = self.people.plan_slots(contracts, rng, self.days)
        alone = contracts <= 1 and rng.random() < 0.3
        company = Company(
            id=self.uid(),
            sector=sector,
            region=region,
            employees=0 if alone else contracts + rng.randint(0, 15),
        )
        name = f"{rng.choice(TRADE_WORDS[sector])} {self.people.last_name()}"
        self.next_company += rng.randint(1, 40)
        yield (
            "companies",
            company.id,
            {
                "enterprise_number": mod97_number("0", self.next_company),
                "name": name,
                "legal_form": "Personne physique" if alone else rng.choice(LEGAL_FORMS[:-1]),
                "employee_count": company.employees,
                "sector": sector,
                "email": f"contact@{self.people.slug(name)}.be" if rng.random() < 0.6 else None,
                "phone": self.people.phone(landline=True) if rng.random() < 0.8 else None,
            },
        )
        units = []
        for index in range(1 if rng.random() < 0.85 else 2):
            unit_id = self.uid()
            postal, city, _ = rng.choice(self.localities[region])
            self.next_unit += rng.randint(1, 40)
            units.append(unit_id)
            yield (
                "establishment_units",
                unit_id,
                {
                    "company_id": company.id,
                    "unit_number": mod97_number("2", self.next_unit),
                    "name": name if index == 0 else f"{name} — {city}",
                    "street": self.people.street(),
                    "postal_code": postal,
                    "city": city,
                    "region": region,
                },
            )
        trades = list(self.trades[sector])
        rng.shuffle(trades)
        used = trades[: 1 if rng.random() < 0.75 or len(trades) < 2 else 2]
        per_tutor = min(int(t["max_learners_per_tutor"] or 2) for t in used)
        tutors = []
        for _ in range(max(1, math.ceil(contracts / per_tutor)) + (rng.random() < 0.3)):
            tutor_id, tutor = self.people.tutor(company.id, rng)
            tutors.append(tutor_id)
            yield "tutors", tutor_id, tutor
        # granted approvals (unit x trade) for the contracts, dated before their first start
        granted: list[tuple[str, str, str]] = []  # (approval id, unit id, trade code)
        for unit_id in units:
            for trade in used:
                granted.append((self.uid(), unit_id, trade["code"]))
        for i, slot in enumerate(slots):
            slot.approval = granted[i % len(granted)] if granted else None
            slot.tutor_id = tutors[(i // per_tutor) % len(tutors)]
        operator = rng.choice(self.operators[region])
        visits: list[Record] = []
        for approval_id, unit_id, trade_code in granted:
            starts = [s.first_start for s in slots if s.approval and s.approval[0] == approval_id]
            latest_decision = min(starts) if starts else self.today - self.days(20, 400)
            decided = latest_decision - self.days(5, 120)
            requested = decided - self.days(15, 90)
            yield (
                "approvals",
                approval_id,
                self._approval(unit_id, trade_code, operator, "granted", requested, decided,
                               tutors),
            )  # fmt: skip
            if region == "wal" and rng.random() < 0.6:
                visited = requested + (decided - requested) / 2
                visits.append(self._approval_visit(approval_id, "done", visited))
        yield from self._other_approvals(units, trades[len(used) :], operator, tutors, visits)
        yield from self.people.learners_and_contracts(slots, company, operator, self)
        yield from visits
        yield from self._claims(company, slots)
        for slot in slots:
            if slot.status in ("active", "suspended") and rng.random() < 0.15:
                on = max(slot.start, self.today - timedelta(days=90))
                when = on + (self.today - on) / 2
                yield self._follow_up(slot.contract_id, when)

    def _approval(
        self,
        unit_id: str,
        trade_code: str,
        operator: str,
        status: str,
        requested: date,
        decided: date | None,
        tutors: list[str],
    ) -> dict[str, Any]:
        return {
            "establishment_unit_id": unit_id,
            "trade_code": trade_code,
            "operator_code": operator,
            "status": status,
            "requested_on": requested.isoformat(),
            "decided_on": decided.isoformat() if decided else None,
            "decision_note": (
                "Conditions d'agrément remplies." if status == "granted" else
                "Le métier n'est pas exercé dans l'unité." if status == "refused" else None
            ),
            "tutor_ids": tutors[:2],
            "referred_on": None,
        }  # fmt: skip

    def _other_approvals(
        self,
        units: list[str],
        trades: list[dict[str, Any]],
        operator: str,
        tutors: list[str],
        visits: list[Record],
    ) -> Iterator[Record]:
        """Requests still open (under review, requested) and a few refusals, on other trades."""
        rng = self.rng
        if not trades or rng.random() > 0.25:
            return
        status = rng.choices(("under_review", "requested", "refused"), weights=(6, 3, 1))[0]
        approval_id = self.uid()
        requested = self.today - self.days(3, 80)
        decided = requested + self.days(10, 60) if status == "refused" else None
        if decided is not None and decided > self.today:
            decided = self.today
        yield (
            "approvals",
            approval_id,
            self._approval(rng.choice(units), trades[0]["code"], operator, status, requested,
                           decided, tutors),
        )  # fmt: skip
        if status == "under_review":
            visits.append(
                self._approval_visit(approval_id, "planned", self.today + self.days(2, 30))
            )

    def _approval_visit(self, approval_id: str, status: str, when: date) -> Record:
        done = status == "done"
        keys = ("trade_practised", "bce_registered", "obligations_met", "tutor_designated",
                "criminal_record", "workshop_safe", "capacity", "no_recent_refusal")  # fmt: skip
        return (
            "visits",
            self.uid(),
            {
                "kind": "approval",
                "approval_id": approval_id,
                "contract_id": None,
                "visitor_id": self.rng.choice(self.coaches),
                "status": status,
                "planned_on": when.isoformat(),
                "visit_date": when.isoformat() if done else None,
                "checklist_code": "approval",
                "answers": {k: {"value": "yes"} for k in keys} if done else None,
                "opinion": "favourable" if done else None,
                "comments": "Atelier en ordre, tuteur disponible." if done else None,
            },
        )

    def _follow_up(self, contract_id: str, when: date) -> Record:
        keys = ("plan_followed", "schedule_respected", "pay_paid", "tutor_available",
                "learner_progress")  # fmt: skip
        return (
            "visits",
            self.uid(),
            {
                "kind": "follow_up",
                "approval_id": None,
                "contract_id": contract_id,
                "visitor_id": self.rng.choice(self.coaches),
                "status": "done",
                "planned_on": when.isoformat(),
                "visit_date": when.isoformat(),
                "checklist_code": "follow_up",
                "answers": {
                    k: {"value": self.rng.choice(("yes", "yes", "yes", "na"))} for k in keys
                },  # fmt: skip
                "opinion": None,
                "comments": "Suivi sans remarque particulière.",
            },
        )

    def _claims(self, company: Company, slots: list[Slot]) -> Iterator[Record]:
        """Incentive claims of half the companies with a started contract: in Wallonia a P1 for
        most learners, in Brussels a tutor premium per tutor (at most 4 learners)."""
        rng = self.rng
        started = [
            s for s in slots
            if s.contract_id and s.status in ("active", "suspended", "ended", "terminated")
            and s.start <= self.today
        ]  # fmt: skip
        if not started or rng.random() > 0.5:
            return
        iban = iban_be(rng)
        if company.region == "wal":
            for slot in started:
                if rng.random() < 0.7:
                    yield self._claim(company.id, "wal_p1", [slot], None, iban)
            return
        by_tutor: dict[str, list[Slot]] = {}
        for slot in started:
            by_tutor.setdefault(slot.tutor_id or "", []).append(slot)
        for tutor_id, own in by_tutor.items():
            if tutor_id:
                yield self._claim(company.id, "bxl_tutor", own[:BXL_TUTOR_MAX_LEARNERS], tutor_id,
                                  iban)  # fmt: skip

    def _claim(
        self, company_id: str, kind: str, slots: list[Slot], tutor_id: str | None, iban: str
    ) -> Record:
        start = max(s.start for s in slots)
        status = pick(self.rng, CLAIM_SHARES[kind[:3]])
        paid_on = min(start + self.days(90, 300), self.today) if status == "paid" else None
        # The generator has no view of the other records to run the checks: an approved or
        # paid claim carries the override of an OFFA agent who checked the file on paper.
        decided = min(start + timedelta(days=75), self.today)
        overrides = (
            [
                {
                    "rule": "incentive_checks",
                    "reason": "Conditions vérifiées sur pièces justificatives par l'OFFA.",
                    "by": self.offa_staff[0],  # no draw: the demo stays as it was
                    "at": f"{decided.isoformat()}T10:00:00Z",
                    "failed": [],
                }
            ]
            if status in ("approved", "paid")
            else None
        )
        return (
            "incentive_claims",
            self.uid(),
            {
                "kind_code": kind,
                "company_id": company_id,
                "contract_ids": [s.contract_id for s in slots],
                "tutor_id": tutor_id,
                "school_year": school_year_of(start),
                "amount": self.incentive_amounts[kind],
                "status": status,
                "checks": None,
                "iban": iban,
                "paid_on": paid_on.isoformat() if paid_on else None,
                "overrides": overrides,
            },
        )

    def pay(self, level: str, start: date) -> str:
        """At least the minimum in force; one contract in 20 that started before the demo's
        indexation still pays the minimum of before (the radar's ``pay_below_minimum``)."""
        extra = self.rng.choice((0, 0, 0, 10, 25, 50))
        self._paid += 1
        if (start < indexation_day(self.today) and self._paid % 20 == 0
                and self._paid <= 20 * CAP):
            return money_str(self.old_minimum[level])
        return money_str(self.minimum[level] + extra)


def generate(size: int, seed: int = 0, *, today: date | None = None) -> Iterator[Record]:
    """Working records for ``size`` contracts, parents first, all valid under the domain rules."""
    return DemoGenerator(seed, today).records(size)


__all__ = ["STATUS_SHARES", "DemoGenerator", "Record", "Slot", "generate", "iban_be"]
