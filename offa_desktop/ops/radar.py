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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from offa_desktop.domain.radar import RULE_BY_CODE, RULES, Facts, Finding
from offa_desktop.ops.collector import paused_gc
from offa_desktop.store import plain_sql

# with domain.forecast's KIND_FR (``_words``)
LEARNER_KINDS_FR = {"wal_learner": "Prime apprenant (Wallonie)",
                    "bxl_learner": "Prime apprenant (Bruxelles)"}
APPROVAL_RULES = ("approval_decision_due", "approval_decision_late")
# naming more lines than this (every line, a long group unfolded) reads with the larger page
# cache (``plain_sql.RADAR_CACHE_KIB``: the home screen names ~150 lines at first)
NAMING_FEW = 500
# the roles for whom some lines are someone else's to do (``_mine``)
ROLES_WITH_LESS = ("coach", "secretariat")


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


class RadarItem(NamedTuple):
    """One line of the radar: the rule, the record (collection, id, in words), its due date,
    a French detail, and the snooze when it is snoozed. (Immutable; a named tuple rather than
    a frozen dataclass: 10,000 lines made at a fifth of the cost.)"""

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


ALL = -1  # ``compute(named=ALL)``: every line named in words


def compute(
    path: Path,
    today: date,
    profile: Profile | None = None,
    *,
    user_id: str | None = None,
    named: int = ALL,
) -> Radar:
    """The radar of the working copy at ``path`` on ``today``, for ``profile`` (the copy's
    signed-in user when None; ``user_id`` names the user when the copy does not).

    ``named``: how many lines of each group are named in words (``RadarItem.record``; the
    first ones, in the group's order), ALL for every line. The home screen names the lines it
    shows and the rest of a group when it is unfolded (``name_items``): words are the costly
    part of a radar of 10,000 lines, and a folded group shows only its count."""
    # The rules (domain.deadlines and what it imports, ~45 ms) load in ``_compute``, on the
    # worker after the first paint, not with this module: ui/home.py imports it before the
    # window paints.
    # no automatic GC meanwhile: a radar makes tens of thousands of small objects, most of
    # them dying by reference counting; a full pass over them would cost more than it finds
    # (and hold the GIL, so the UI thread, while the home screen computes on a worker)
    with paused_gc():
        return _compute(path, today, profile, user_id, named)


def _compute(
    path: Path, today: date, profile: Profile | None, user_id: str | None, named: int
) -> Radar:
    from offa_desktop.domain.deadlines import find_all
    from offa_desktop.store import radar_lines, radar_rows

    conn = plain_sql.connect(path, plain_sql.RADAR_CACHE_KIB)
    try:
        who = profile or profile_of(conn)
        if who.user_id is None and user_id:
            who = replace(who, user_id=user_id)
        facts, _window = radar_rows.load_facts(conn, today)
        findings = find_all(facts, today)
        if who.role in ROLES_WITH_LESS:  # (every line is anyone else's)
            findings = [f for f in findings if _mine(f, facts, who)]
        snoozes = radar_lines.snoozed(conn, who.user_id, today)
        radar = Radar(today)
        # ordered by (order_key, rule) written as one string: the same order, sorted in a
        # tenth of the time (a tuple of a date and strings compared 140,000 times for 10,000
        # lines held the GIL, and so the UI thread, for 13 ms; ids and rules hold no NUL)
        first = today.toordinal()
        heads: dict[date, str] = {}  # the part of a date, written once per date
        for due in {f[3] for f in findings}:
            day = due.toordinal()
            heads[due] = f"{0 if day < first else 1}{day:07d}"
        # the findings' places sorted by their strings (stable, as the strings were sorted
        # with the lines beside them), each line made once, in order, as a plain tuple
        keys = [heads[f[3]] + f[2] + "\x00" + f[0] for f in findings]
        order = map(findings.__getitem__, sorted(range(len(keys)), key=keys.__getitem__))
        make = tuple.__new__  # RadarItem(rule, collection, id, due, "", detail), a third faster
        if not snoozes:
            radar.items = [make(RadarItem, (rule, collection, rid, due, "", detail, None, ""))
                           for rule, collection, rid, due, detail in order]
        else:
            for rule, collection, rid, due, detail in order:
                item = RadarItem(rule, collection, rid, due, "", detail)
                snooze = snoozes.get(item.key)
                if snooze is None:
                    radar.items.append(item)
                else:
                    until = date.fromisoformat(snooze["until"])
                    radar.snoozed.append(
                        item._replace(snoozed_until=until, snooze_reason=snooze["reason"] or "")
                    )
        # the lines named in words, by their place in the lists
        if named == ALL:
            shown = list(range(len(radar.items)))
        else:
            seen: dict[str, int] = {}
            shown = []
            for n, item in enumerate(radar.items):
                if seen.get(item.rule, 0) < named:
                    seen[item.rule] = seen.get(item.rule, 0) + 1
                    shown.append(n)
        wanted = [radar.items[n] for n in shown] + radar.snoozed  # few snoozed: each put off
        plain_sql.set_cache(conn, _naming_cache(len(wanted)))
        words = _words(conn, wanted, facts.contracts)
    finally:
        conn.close()
    for n in shown:
        radar.items[n] = _named(radar.items[n], words)
    radar.snoozed = [_named(i, words) for i in radar.snoozed]
    return radar


def _named(item: RadarItem, words: dict[tuple[str, str], str]) -> RadarItem:
    found = words.get((item.collection, item.id))
    return item if found is None else item._replace(record=found)


def _naming_cache(lines: int) -> int:
    """The page cache (KiB) for naming ``lines`` lines (see :data:`NAMING_FEW`)."""
    return plain_sql.RADAR_CACHE_KIB if lines <= NAMING_FEW else plain_sql.CACHE_KIB


def name_items(path: Path, items: Iterable[RadarItem]) -> list[RadarItem]:
    """``items`` named in words (a group unfolded on the home screen)."""
    items = list(items)
    conn = plain_sql.connect(path, _naming_cache(len(items)))
    try:
        words = _words(conn, items)
    finally:
        conn.close()
    return [_named(i, words) for i in items]


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


def _joined(*parts: Any) -> str:
    return " — ".join(str(p) for p in parts if p)


def _place(row: Any) -> str:
    place = str(row.get("unit") or "")
    if row.get("city"):
        place += f" ({row['city']})"
    return place


def _words(
    conn: sqlite3.Connection,
    items: Iterable[RadarItem],
    contracts: Mapping[str, Mapping[str, Any]] | None = None,
) -> dict[tuple[str, str], str]:
    """How each line names its record: learner — company — trade for a contract (a learner by
    its running contract), unit (city) — trade for an approval or its visit, tutor — company,
    claim kind — company — year, a referral as ``radar_lines.referral_words`` says.
    ``contracts``: the contracts the rules read (their links: not read again)."""
    wanted: dict[str, set[str]] = {}
    for item in items:
        wanted.setdefault(item.collection, set()).add(item.id)
    # at first use, on a worker: not before the first paint (see ``compute``)
    from offa_desktop.domain.forecast import KIND_FR
    from offa_desktop.store import radar_lines

    rows = radar_lines.naming_rows(conn, wanted, contracts)
    kinds_fr = {**KIND_FR, **LEARNER_KINDS_FR}
    out: dict[tuple[str, str], str] = {}
    for rid, row in rows.get("contracts", {}).items():
        out[("contracts", rid)] = _joined(_person(row), row["company"], row["trade"])
    for rid, row in rows.get("learners", {}).items():
        out[("learners", rid)] = (_joined(_person(row), row["company"], row["trade"])
                                  if row["contract"] else _person(row))
    for rid, row in rows.get("approvals", {}).items():
        out[("approvals", rid)] = _joined(_place(row), row["trade"])
    for rid, row in rows.get("visits", {}).items():
        out[("visits", rid)] = _joined(_place(row), row["trade"]) if row["approval"] else ""
    for rid, row in rows.get("tutors", {}).items():
        out[("tutors", rid)] = _joined(_person(row), row["company"])
    for rid, row in rows.get("incentive_claims", {}).items():
        kind = str(row["kind_code"])
        out[("incentive_claims", rid)] = _joined(
            kinds_fr.get(kind, kind), row["company"], row["school_year"])
    for rid, text in radar_lines.referral_words(
        conn, wanted.get("mediation_referrals", ())
    ).items():
        out[("mediation_referrals", rid)] = text
    return out
