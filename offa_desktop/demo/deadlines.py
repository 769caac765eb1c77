"""Demo situations that fill every group of the deadline radar ("À faire") on the demo's day.

Applied to each company's block of records as the generator makes them, by counters (never by
drawing from the generator's random stream, so the rest of the demo stays as it was): a few
drafts start within a week or started already, notices are running, approval visits wait for
their report, approval requests wait past the 3-month limit, claims wait to be checked for more
than 30 days (``stamps``: the day their record last changed), a few running contracts' cases wait
before the Commission (referred, or in mediation), an approval gets suspended after
its contracts were signed (``later``: records' later states, applied after everything), and the
demo's reference data carries an RMMMG indexation 60 days ago (``demo_reference``) which some
older contracts' pay has not followed yet. Every state is valid under the domain rules.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

from offa_desktop import reference_data
from offa_desktop.domain.dates import age_on, in_trial_period, notice_period

Record = tuple[str, str, dict[str, Any]]
INDEXATION_DAYS_AGO = 60
CAP = 150  # situations of each kind at most
INDEXATION = Decimal("1.02")
DEMO_WAGE_ID = "0d3a0000-0000-4000-8000-00000000d3a0"
REFERRAL_NAMESPACE = uuid.UUID("0d3a0000-0000-4000-8000-00000000d3a1")


def indexation_day(today: date) -> date:
    return today - timedelta(days=INDEXATION_DAYS_AGO)


def demo_reference(today: date) -> dict[str, list[tuple[str, dict[str, Any]]]]:
    """The shipped reference data plus the demo's recent RMMMG indexation (demo only)."""
    ref = reference_data.load()
    latest = max(ref["wage_references"], key=lambda r: r[1]["valid_from"])[1]
    rmmmg = (Decimal(latest["rmmmg"]) * INDEXATION).quantize(Decimal("0.01"))
    row = {"valid_from": indexation_day(today).isoformat(), "rmmmg": f"{rmmmg:.2f}"}
    return {**ref, "wage_references": [*ref["wage_references"], (DEMO_WAGE_ID, row)]}


class Scenarios:
    """Counters and outcomes of the radar situations (see the module docstring)."""

    def __init__(self, today: date) -> None:
        self.today = today
        self.later: list[Record] = []
        self.stamps: dict[str, str] = {}
        self._n: dict[str, int] = {}

    def _every(self, key: str, period: int) -> int | None:
        """Every ``period``-th call for ``key``: its rank, else None; at most ``CAP`` of each
        (the default demo's 2,000 contracts stay under it; a 100,000-contract copy holds the
        same few hundred situations, not fifty times more)."""
        count = self._n.get(key, 0)
        self._n[key] = count + 1
        rank = count // period
        return rank if count % period == 0 and rank < CAP else None

    def apply(self, block: list[Record]) -> Iterator[Record]:
        learners = {rid: data for c, rid, data in block if c == "learners"}
        contracts = {rid: data for c, rid, data in block if c == "contracts"}
        running = {str(d.get("approval_id")) for d in contracts.values()
                   if d.get("status") in ("signed", "active", "suspended")}
        for collection, record_id, data in block:
            if collection == "contracts" and data.get("status") == "draft":
                self._draft(data, learners.get(str(data.get("learner_id"))))
            elif collection == "contract_events" and data.get("kind") == "termination":
                self._notice(data, contracts.get(str(data.get("contract_id"))))
            elif collection == "visits" and data.get("status") == "planned":
                if (rank := self._every("visit", 2)) is not None:
                    data["planned_on"] = (self.today - timedelta(days=8 + rank % 15)).isoformat()
            elif collection == "approvals":
                self._approval(record_id, data, running)
            elif collection == "incentive_claims" and data.get("status") == "to_check":
                if (rank := self._every("claim", 2)) is not None:
                    since = self.today - timedelta(days=31 + rank % 60)
                    self.stamps[record_id] = datetime(
                        since.year, since.month, since.day, 9, 0, tzinfo=UTC
                    ).strftime("%Y-%m-%dT%H:%M:%SZ")
            yield collection, record_id, data
        for record_id, data in contracts.items():
            if data.get("status") == "active":
                yield from self._referral(record_id, data)

    def _referral(self, contract_id: str, contract: dict[str, Any]) -> Iterator[Record]:
        """Now and then a running contract's disagreement before the Commission: referred some
        days ago, or in mediation since a few days."""
        rank = self._every("referral", 25)
        if rank is None:
            return
        referred = self.today - timedelta(days=12 + rank % 20)
        data: dict[str, Any] = {
            "subject": "contract", "contract_id": contract_id, "approval_id": None,
            "operator_code": contract.get("operator_code"),
            "reason": "Désaccord sur l'horaire de formation en entreprise ; le référent "
                      "demande l'avis de la Commission.",
            "status": "referred", "referred_on": referred.isoformat(),
            "mediation_on": None, "closed_on": None, "outcome": None,
        }
        if rank % 2:
            data.update(status="in_mediation",
                        mediation_on=(self.today - timedelta(days=2 + rank % 5)).isoformat())
        yield "mediation_referrals", str(uuid.uuid5(REFERRAL_NAMESPACE, contract_id)), data

    def _draft(self, data: dict[str, Any], learner: dict[str, Any] | None) -> None:
        rank = self._every("draft", 3)
        if rank is None or learner is None:
            return
        start = self.today + timedelta(days=rank % 12 - 4)  # four days ago to a week ahead
        born = date.fromisoformat(learner["birth_date"])
        if data.get("end_date") and date.fromisoformat(data["end_date"]) > start and (
            15 <= age_on(born, start) <= 24
        ):
            data["start_date"] = start.isoformat()

    def _notice(self, event: dict[str, Any], contract: dict[str, Any] | None) -> None:
        rank = self._every("notice", 6)
        if rank is None or contract is None:
            return
        start = date.fromisoformat(contract["start_date"])
        notified = self.today - timedelta(days=1 + rank % 5)
        first, last = notice_period(notified, start)
        if notified <= start + timedelta(days=3) or last >= date.fromisoformat(
                contract["end_date"]):
            return
        details = dict(event["details"])
        consulted = date.fromisoformat(details["referent_consulted_on"])
        details.update(notified_on=notified.isoformat(), notice_start=first.isoformat(),
                       notice_end=last.isoformat(),
                       referent_consulted_on=min(consulted, notified).isoformat()
                       if consulted >= start else notified.isoformat())
        event["details"] = details
        event["effective_date"] = last.isoformat()
        event["reason_code"] = "notice_trial" if in_trial_period(start, notified) else "notice"

    def _approval(self, record_id: str, data: dict[str, Any], running: set[str]) -> None:
        if data.get("status") in ("requested", "under_review"):
            count = self._n.get("open", 0)
            self._n["open"] = count + 1
            if count >= 3 * CAP:
                return
            if count % 3 == 0:  # past the 3-month limit
                data["requested_on"] = (self.today - timedelta(days=95 + count % 30)).isoformat()
            elif count % 3 == 1:  # 10 weeks gone, the limit near
                data["requested_on"] = (self.today - timedelta(days=72 + count % 14)).isoformat()
        elif data.get("status") == "granted" and record_id in running:
            if self._every("suspend", 40) is not None:
                suspended = {**data, "status": "suspended",
                             "decided_on": (self.today - timedelta(days=6)).isoformat(),
                             "decision_note": "Suspension : le tuteur désigné a quitté "
                                              "l'entreprise ; un remplaçant est attendu."}
                self.later.append(("approvals", record_id, suspended))
