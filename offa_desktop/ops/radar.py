"""The deadline radar of one user: the domain's rules on the working copy, in words.

``compute`` reads the candidates (``store/radar_rows.py``, sqlite3 only: it runs before the
store's SQLAlchemy side is loaded), runs every rule, keeps what is the user's to do (a
secretariat decides its own operator's approvals; a coach reports its own visits and decides
none), hides the lines the user snoozed, names each record in words and sorts: overdue first,
then by due date. The home screen and ``offa-desktop radar`` both show exactly this.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from offa_desktop.domain.deadlines import find_all
from offa_desktop.domain.forecast import KIND_FR
from offa_desktop.domain.radar import RULE_BY_CODE, RULES, Facts, Finding, order_key
from offa_desktop.store import plain_sql, radar_lines, radar_rows

KINDS_FR = {**KIND_FR, "wal_learner": "Prime apprenant (Wallonie)",
            "bxl_learner": "Prime apprenant (Bruxelles)"}
APPROVAL_RULES = ("approval_decision_due", "approval_decision_late")


@dataclass(frozen=True)
class Profile:
    """Who the radar is for (the signed-in user of the working copy); role None = unknown
    (no filter by role)."""

    user_id: str | None = None
    role: str | None = None
    operator_code: str | None = None

    @classmethod
    def from_user(cls, user: dict[str, Any] | None) -> Profile:
        user = user or {}
        return cls(
            user_id=str(user["id"]) if user.get("id") else None,
            role=user.get("role"),
            operator_code=user.get("operator_code"),
        )


@dataclass(frozen=True)
class RadarItem:
    """One line of the radar: the rule, the record (collection, id, in words), its due date,
    a French detail, and the snooze when it is snoozed."""

    rule: str
    collection: str
    id: str
    due: date
    record: str
    detail: str = ""
    snoozed_until: date | None = None
    snooze_reason: str = ""

    @property
    def label(self) -> str:
        return RULE_BY_CODE[self.rule].label

    @property
    def severity(self) -> str:
        return RULE_BY_CODE[self.rule].severity

    @property
    def key(self) -> str:
        """What a snooze names: ``rule|collection/id``."""
        return f"{self.rule}|{self.collection}/{self.id}"

    def to_json(self) -> dict[str, Any]:
        """The line of ``offa-desktop radar --json`` (exactly these keys)."""
        return {
            "rule": self.rule,
            "label": self.label,
            "severity": self.severity,
            "collection": self.collection,
            "id": self.id,
            "due": self.due.isoformat(),
            "record": self.record,
        }


@dataclass
class Radar:
    """The radar on ``today``: its lines (sorted) and the lines snoozed away."""

    today: date
    items: list[RadarItem] = field(default_factory=list)
    snoozed: list[RadarItem] = field(default_factory=list)

    def by_rule(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for item in self.items:
            counts[item.rule] = counts.get(item.rule, 0) + 1
        return counts

    def groups(self) -> list[tuple[str, list[RadarItem]]]:
        """``[(rule, items)]``: groups holding an overdue line first, then by severity, then
        in the catalogue's order; lines overdue first, then by due date."""
        grouped: dict[str, list[RadarItem]] = {}
        for item in self.items:
            grouped.setdefault(item.rule, []).append(item)
        position = {r.code: n for n, r in enumerate(RULES)}
        severity = {"high": 0, "medium": 1, "low": 2}

        def rank(rule: str) -> tuple[int, int, int]:
            late = any(i.due < self.today for i in grouped[rule])
            return (0 if late else 1, severity[RULE_BY_CODE[rule].severity], position[rule])

        return [(rule, grouped[rule]) for rule in sorted(grouped, key=rank)]

    def within(self, days: int) -> Radar:
        """Only the lines due within ``days`` from today (overdue ones included)."""
        horizon = self.today.toordinal() + days
        keep = [i for i in self.items if i.due.toordinal() <= horizon]
        return Radar(self.today, keep, self.snoozed)


def profile_of(conn: sqlite3.Connection) -> Profile:
    """The signed-in user of a working copy (``sync_state``'s ``user``), if any."""
    row = conn.execute("SELECT value FROM sync_state WHERE key = 'user'").fetchone()
    value: Any = row[0] if row else None
    while isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return Profile()
    return Profile.from_user(value if isinstance(value, dict) else None)


def compute(
    path: Path, today: date, profile: Profile | None = None, *, user_id: str | None = None
) -> Radar:
    """The radar of the working copy at ``path`` on ``today``, for ``profile`` (the copy's
    signed-in user when None; ``user_id`` names the user when the copy does not)."""
    conn = plain_sql.connect(path)
    try:
        who = profile or profile_of(conn)
        if who.user_id is None and user_id:
            who = replace(who, user_id=user_id)
        facts, _window = radar_rows.load_facts(conn, today)
        findings = [f for f in find_all(facts, today) if _mine(f, facts, who)]
        words = _words(conn, facts, findings)
        snoozes = radar_lines.snoozed(conn, who.user_id, today)
    finally:
        conn.close()
    radar = Radar(today)
    for finding in sorted(findings, key=lambda f: (order_key(f, today), f.rule)):
        item = RadarItem(
            finding.rule,
            finding.collection,
            finding.id,
            finding.due,
            words.get((finding.collection, finding.id), ""),
            finding.detail,
        )
        snooze = snoozes.get(item.key)
        if snooze is None:
            radar.items.append(item)
        else:
            until = date.fromisoformat(snooze["until"])
            radar.snoozed.append(
                replace(item, snoozed_until=until, snooze_reason=snooze["reason"] or "")
            )
    return radar


def _mine(finding: Finding, facts: Facts, who: Profile) -> bool:
    """What is this user's to do: a secretariat decides only its operator's approvals and a
    coach none; a coach reports only the visits planned for them."""
    if finding.rule in APPROVAL_RULES:
        if who.role == "coach":
            return False
        if who.role == "secretariat":
            return facts.approvals[finding.id].get("operator_code") == who.operator_code
    if finding.rule == "referral_waiting":  # the referring operator's, and the Commission's
        if who.role == "coach":
            return False
        if who.role == "secretariat":
            return facts.referrals[finding.id].get("operator_code") == who.operator_code
    if finding.rule == "visit_unreported" and who.role == "coach":
        return facts.visits[finding.id].get("visitor_id") == who.user_id
    return True


def _person(row: Any) -> str:
    if not row:
        return ""
    return " ".join(str(p) for p in (row.get("last_name"), row.get("first_name")) if p)


def _words(
    conn: sqlite3.Connection, facts: Facts, findings: Iterable[Finding]
) -> dict[tuple[str, str], str]:
    """How each line names its record: learner — company — trade for a contract, unit (city)
    — trade for an approval or its visit, tutor — company, claim kind — company — year."""
    findings = list(findings)
    running_of: dict[str, Any] = {}
    for c in facts.contracts.values():
        if c.get("status") in ("signed", "active", "suspended") and "learner_id" in c:
            running_of[str(c.get("learner_id"))] = c
    # only what the lines name: their contracts' (or approvals') units and trades, the
    # companies of those units, of the tutors and of the claims
    unit_ids: set[str] = set()
    trade_codes: set[str] = set()
    company_ids: set[str] = set()
    for f in findings:
        record: Any = None
        if f.collection == "contracts":
            record = facts.contracts[f.id]
        elif f.collection == "learners":
            record = running_of.get(f.id)
        elif f.collection == "approvals":
            record = facts.approvals[f.id]
        elif f.collection == "visits":
            record = facts.approvals.get(str(facts.visits[f.id].get("approval_id")))
        elif f.collection == "tutors":
            company_ids.add(str(facts.tutors[f.id].get("company_id")))
        elif f.collection == "incentive_claims":
            company_ids.add(str(facts.claims[f.id].get("company_id")))
        if record:
            unit_ids.add(str(record.get("establishment_unit_id")))
            trade_codes.add(str(record.get("trade_code")))
    company_ids |= {str(facts.units[u].get("company_id")) for u in unit_ids if u in facts.units}
    found = radar_lines.names(
        conn,
        {
            "companies": {c for c in company_ids if c and c != "None"},
            "trades": {t for t in trade_codes if t and t != "None"},
        },
    )
    company = found["companies"]
    trade = found["trades"]

    def company_of_unit(unit_id: Any) -> str:
        unit = facts.units.get(str(unit_id))
        return str((company.get(str(unit.get("company_id"))) or {}).get("name", "")) if unit else ""

    def contract_words(contract: Any) -> str:
        parts = (
            _person(facts.learners.get(str(contract.get("learner_id")))),
            company_of_unit(contract.get("establishment_unit_id")),
            str((trade.get(str(contract.get("trade_code"))) or {}).get("name", "")),
        )
        return " — ".join(p for p in parts if p)

    def approval_words(approval: Any) -> str:
        unit = facts.units.get(str(approval.get("establishment_unit_id"))) or {}
        place = str(unit.get("name") or "")
        if unit.get("city"):
            place += f" ({unit['city']})"
        parts = (place, str((trade.get(str(approval.get("trade_code"))) or {}).get("name", "")))
        return " — ".join(p for p in parts if p)

    out: dict[tuple[str, str], str] = {}
    referrals = radar_lines.referral_words(
        conn, [f.id for f in findings if f.collection == "mediation_referrals"])
    for f in findings:
        key = (f.collection, f.id)
        if f.collection == "mediation_referrals":
            out[key] = referrals.get(f.id, "")
        if f.collection == "contracts":
            out[key] = contract_words(facts.contracts[f.id])
        elif f.collection == "learners":
            contract = running_of.get(f.id)
            out[key] = contract_words(contract) if contract else _person(facts.learners[f.id])
        elif f.collection == "approvals":
            out[key] = approval_words(facts.approvals[f.id])
        elif f.collection == "visits":
            approval = facts.approvals.get(str(facts.visits[f.id].get("approval_id")))
            out[key] = approval_words(approval) if approval else ""
        elif f.collection == "tutors":
            tutor = facts.tutors[f.id]
            name = str((company.get(str(tutor.get("company_id"))) or {}).get("name", ""))
            out[key] = " — ".join(p for p in (_person(tutor), name) if p)
        elif f.collection == "incentive_claims":
            claim = facts.claims[f.id]
            parts = (
                KINDS_FR.get(str(claim.get("kind_code")), str(claim.get("kind_code"))),
                str((company.get(str(claim.get("company_id"))) or {}).get("name", "")),
                str(claim.get("school_year") or ""),
            )
            out[key] = " — ".join(p for p in parts if p)
    return out
