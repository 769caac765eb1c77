"""Demo people and their contracts: learners (with NISS, IBAN, representative when minor),
tutors who meet their declared conditions, and contract plans dated around ``today``."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Protocol

from offa_desktop.demo.identifiers import Serials, iban_be, uuid4_from
from offa_desktop.demo.places import LOCALITIES, Pools, ascii_slug
from offa_desktop.domain.dates import add_years, age_on, in_trial_period, notice_period


class DemoGenerator(Protocol):
    """What people draw from the generator (``generator.DemoGenerator``, which imports this
    module: a Protocol here, so the two do not import each other)."""

    operators: dict[str, list[str]]

    def uid(self) -> str: ...
    def days(self, low: int, high: int) -> timedelta: ...
    def pay(self, level: str, start: date) -> str: ...


# Contract statuses of the demo, in shares of 100.
STATUS_SHARES = (
    ("active", 53), ("ended", 16), ("terminated", 14), ("signed", 6), ("suspended", 5),
    ("draft", 6),
)  # fmt: skip
Week = dict[str, dict[str, float]]


def _week(company: dict[str, float], operator: dict[str, float]) -> Week:
    """A weekly schedule: hours in the company and at the operator by day (API.md)."""
    days: Week = {d: {"company_hours": h, "operator_hours": 0} for d, h in company.items()}
    days.update({d: {"company_hours": 0, "operator_hours": h} for d, h in operator.items()})
    return days


# Company >= 20 h a week, company + courses <= 38 h, <= 8 h a day.
SCHEDULES: tuple[Week, ...] = (
    _week({"mon": 7.5, "tue": 7.5, "wed": 7.5}, {"thu": 7.5, "fri": 7.5}),
    _week({"mon": 7.5, "tue": 7.5, "thu": 7.5, "fri": 7.5}, {"wed": 7.5}),
    _week({"mon": 8, "tue": 8, "wed": 8, "thu": 8}, {"fri": 6}),
    _week({"wed": 7.5, "thu": 7.5, "fri": 7.5}, {"mon": 7, "tue": 7}),
)



Days = Callable[[int, int], timedelta]
Record = tuple[str, str, dict[str, Any]]
_BY_REGION = {r: [loc for loc in LOCALITIES if loc[2] == r] for r in ("wal", "bxl")}
RUNNING_LAST = (("active", 62), ("signed", 8), ("suspended", 6), ("draft", 7), ("ended", 17))
AGES = ((16, 24), (17, 25), (18, 20), (19, 15), (20, 10), (21, 6))


def pick(rng: random.Random, shares: tuple[tuple[str, int], ...]) -> str:
    """One of the names of ``shares``, drawn with their weights."""
    return rng.choices([name for name, _ in shares], weights=[w for _, w in shares])[0]


@dataclass
class Plan:
    """The dates and state of one contract to generate."""

    status: str
    start: date
    end: date
    level: str = "a"
    notified: date | None = None  # termination: notice given that day
    event_on: date | None = None  # termination / suspension / level change date


@dataclass
class Slot:
    """A learner and their contracts at one company (one, or an ended one and a later one)."""

    plans: list[Plan]
    approval: tuple[str, str, str] | None = None  # (approval id, unit id, trade code)
    tutor_id: str | None = None
    contract_id: str = ""
    ids: list[str] = field(default_factory=list)

    @property
    def first_start(self) -> date:
        return self.plans[0].start

    @property
    def start(self) -> date:
        return self.plans[-1].start

    @property
    def status(self) -> str:
        return self.plans[-1].status


@dataclass(frozen=True)
class Company:
    id: str
    sector: str
    region: str
    employees: int


class People:
    """Names, addresses and identifiers of demo people (unique NISS through ``serials``)."""

    def __init__(self, rng: random.Random, pools: Pools, serials: Serials, today: date) -> None:
        self.rng = rng
        self.pools = pools
        self.serials = serials
        self.today = today

    # --- small pieces --------------------------------------------------------------------------

    def last_name(self) -> str:
        return self.rng.choice(self.pools.last_names)

    def first_name(self, woman: bool) -> str:
        return self.rng.choice(self.pools.women if woman else self.pools.men)

    def full_name(self) -> str:
        return f"{self.first_name(self.rng.random() < 0.5)} {self.last_name()}"

    def street(self) -> str:
        return f"{self.rng.choice(self.pools.streets)} {self.rng.randint(1, 250)}"

    def phone(self, landline: bool = False) -> str:
        r = self.rng
        if landline:
            return f"0{r.choice((2, 4, 10, 65, 71, 81))} {r.randint(100, 999)} {r.randint(10, 99)} {r.randint(10, 99)}"  # noqa: E501
        return f"04{r.choice((60, 70, 75, 77, 79, 85, 86, 95, 96))} {r.randint(10, 99)} {r.randint(10, 99)} {r.randint(10, 99)}"  # noqa: E501

    @staticmethod
    def slug(text: str) -> str:
        return ascii_slug(text).replace(" ", "-") or "entreprise"

    def niss(self, born: date, woman: bool) -> tuple[date, str]:
        while True:
            try:
                return born, self.serials.niss(born, woman)
            except ValueError:
                born -= timedelta(days=1)

    # --- contract plans ------------------------------------------------------------------------

    def plan_slots(self, count: int, rng: random.Random, days: Days) -> list[Slot]:
        slots: list[Slot] = []
        left = count
        while left > 0:
            if left >= 2 and rng.random() < 0.1:
                status = pick(rng, RUNNING_LAST[:-1])
                last = self._plan(status, days)
                boundary = min(last.start, self.today) - days(10, 200)
                end = boundary
                first = Plan("ended", end - days(300, 700), end)
                slots.append(Slot([first, last]))
                left -= 2
            else:
                status = pick(rng, STATUS_SHARES)
                slots.append(Slot([self._plan(status, days)]))
                left -= 1
        for slot in slots:
            self._level(slot.plans[-1], days)
        return slots

    def _plan(self, status: str, days: Days) -> Plan:
        t = self.today
        if status == "active":
            return Plan(status, t - days(10, 900), t + days(30, 700))
        if status == "suspended":
            start = t - days(60, 900)
            return Plan(status, start, t + days(30, 700), event_on=t - days(1, 50))
        if status == "ended":
            end = t - days(1, 900)
            return Plan(status, end - days(300, 1000), end)
        if status == "terminated":
            start = t - days(60, 1200)
            notified = start + days(3, min(300, (t - start).days - 20))
            _, last = notice_period(notified, start)
            return Plan(status, start, start + days(365, 1100), notified=notified, event_on=last)
        start = t + days(1, 75) if status == "signed" else t + days(10, 120)
        return Plan(status, start, start + days(300, 1000))

    def _level(self, plan: Plan, days: Days) -> None:
        level = self.rng.choices(("a", "b", "c"), weights=(80, 15, 5))[0]
        plan.level = level
        if (
            level == "b"
            and plan.status == "active"
            and (self.today - plan.start).days > 200
            and self.rng.random() < 0.5
        ):
            plan.event_on = plan.start + days(150, (self.today - plan.start).days - 1)

    # --- records -------------------------------------------------------------------------------

    def tutor(self, company_id: str, rng: random.Random) -> tuple[str, dict[str, Any]]:
        condition = rng.choices(("experience", "diploma", "validation"), weights=(6, 3, 1))[0]
        title = condition == "experience" and rng.random() < 0.2
        years = rng.randint(2, 4) if title else rng.randint(5, 30)
        hours = rng.choice((0, 0, 8, 12, 16, 24))
        eligible = condition == "validation" or (years >= 5 and hours >= 8)
        woman = rng.random() < 0.4
        record = {
            "company_id": company_id,
            "first_name": self.first_name(woman),
            "last_name": self.last_name(),
            "birth_date": (
                self.today - timedelta(days=rng.randint(26 * 365, 60 * 365))
            ).isoformat(),
            "condition": condition,
            "experience_years": years,
            "entrepreneur_title": title,
            "training_hours": hours,
            "criminal_record_date": (
                self.today - timedelta(days=rng.randint(30, 1140))
            ).isoformat(),
            "certified": eligible and rng.random() < 0.8,
            "email": None,
            "phone": self.phone() if rng.random() < 0.7 else None,
        }
        return uuid4_from(rng), record

    def learners_and_contracts(
        self, slots: list[Slot], company: Company, operator: str, gen: DemoGenerator
    ) -> Iterator[Record]:
        rng = self.rng
        contracts: list[Record] = []
        events: list[Record] = []
        for slot in slots:
            if slot.approval is None or slot.tutor_id is None:
                continue
            learner_id = gen.uid()
            learner_operator = rng.choice(gen.operators[company.region])
            yield "learners", learner_id, self._learner(slot, company.region, learner_operator)
            signatory = self.full_name()
            referent = self.full_name()
            for plan in slot.plans:
                contract_id = gen.uid()
                slot.ids.append(contract_id)
                contracts.append(
                    ("contracts", contract_id,
                     self._contract(plan, slot, learner_id, learner_operator, referent,
                                    signatory, gen))
                )  # fmt: skip
                event = self._event(plan, contract_id, contracts[-1][2], gen)
                if event is not None:
                    events.append(event)
            slot.contract_id = slot.ids[-1]
        yield from contracts
        yield from events

    def _learner(self, slot: Slot, region: str, operator: str) -> dict[str, Any]:
        rng = self.rng
        woman = rng.random() < 0.45
        first, last = self.first_name(woman), self.last_name()
        age = rng.choices([a for a, _ in AGES], weights=[w for _, w in AGES])[0]
        born = add_years(slot.first_start, -age) - timedelta(days=rng.randint(0, 360))
        born, niss = self.niss(born, woman)
        postal, city, _ = rng.choice(_BY_REGION[region])
        minor = (
            age_on(born, min(slot.first_start, self.today)) < 18 or age_on(born, self.today) < 18
        )
        representative = None
        if minor:
            parent_born = born - timedelta(days=rng.randint(20 * 365, 40 * 365))
            _, parent_niss = self.niss(parent_born, rng.random() < 0.6)
            representative = {
                "name": f"{self.first_name(rng.random() < 0.6)} {last}",
                "niss": parent_niss,
                "phone": self.phone(),
                "email": None,
            }
        return {
            "niss": niss,
            "first_name": first,
            "last_name": last,
            "birth_date": born.isoformat(),
            "street": self.street(),
            "postal_code": postal,
            "city": city,
            "operator_code": operator,
            "email": f"{ascii_slug(first)}.{ascii_slug(last)}@example.be".replace(" ", "")
            if rng.random() < 0.7
            else None,
            "phone": self.phone() if rng.random() < 0.8 else None,
            "iban": iban_be(rng) if rng.random() < 0.7 else None,
            "representative": representative,
        }

    def _contract(
        self,
        plan: Plan,
        slot: Slot,
        learner_id: str,
        operator: str,
        referent: str,
        signatory: str,
        gen: DemoGenerator,
    ) -> dict[str, Any]:
        assert slot.approval is not None
        approval_id, unit_id, trade_code = slot.approval
        t = self.today
        signed_on = None
        if plan.status != "draft":
            signed_on = min(plan.start - gen.days(3, 30), t - gen.days(0, 5))
        return {
            "learner_id": learner_id,
            "establishment_unit_id": unit_id,
            "approval_id": approval_id,
            "tutor_id": slot.tutor_id,
            "operator_code": operator,
            "referent_name": referent,
            "referent_email": f"{ascii_slug(referent).replace(' ', '.')}@{operator}.be",
            "referent_phone": self.phone(landline=True),
            "company_signatory": signatory,
            "workplace_ids": [],
            "trade_code": trade_code,
            "start_date": plan.start.isoformat(),
            "end_date": plan.end.isoformat(),
            "level": plan.level,
            "monthly_pay": gen.pay(plan.level, plan.start),
            "schedule": self.rng.choice(SCHEDULES),
            "status": plan.status,
            "signed_on": signed_on.isoformat() if signed_on else None,
            "supersedes_id": None,
            "overrides": None,
        }

    def _event(
        self, plan: Plan, contract_id: str, contract: dict[str, Any], gen: DemoGenerator
    ) -> Record | None:
        if plan.event_on is None:
            return None
        rng = self.rng
        data: dict[str, Any] = {
            "contract_id": contract_id,
            "effective_date": plan.event_on.isoformat(),
        }
        if plan.status == "terminated" and plan.notified is not None:
            first, last = notice_period(plan.notified, plan.start)
            trial = in_trial_period(plan.start, plan.notified)
            data |= {
                "kind": "termination",
                "reason_code": "notice_trial" if trial else "notice",
                "details": {
                    "initiator": rng.choices(("learner", "company", "both"), weights=(5, 4, 1))[0],
                    "notified_on": plan.notified.isoformat(),
                    "notice_start": first.isoformat(),
                    "notice_end": last.isoformat(),
                    "notice_worked": rng.random() < 0.7,
                    "referent_consulted_on": max(
                        plan.start, plan.notified - gen.days(0, 5)
                    ).isoformat(),
                },
            }
        elif plan.status == "suspended":
            data |= {
                "kind": "suspension",
                "reason_code": rng.choice(("illness", "accident", "short_leave")),
                "details": {
                    "end_date": (plan.event_on + gen.days(7, 90)).isoformat(),
                    "company_pays_days": 7,
                },
            }
        else:
            data |= {
                "kind": "level_change",
                "reason_code": None,
                "details": {
                    "from_level": "a",
                    "to_level": plan.level,
                    "monthly_pay": contract["monthly_pay"],
                    "tutor_opinion_on": max(
                        plan.start, plan.event_on - gen.days(5, 20)
                    ).isoformat(),
                },
            }
        return "contract_events", gen.uid(), data
