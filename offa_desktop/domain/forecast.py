"""Incentive forecast: where a running contract stands for P1, P2 and the Brussels tutor
premium, before anyone files a claim (DOMAIN.md "Incentives", "Date arithmetic").

- **P2** (Wallonia, per learner): calendar days under contract from ``start_date`` to the
  earlier of the effective end and 31 August of that school year, suspensions included; 270
  needed. The 270th day is ``start + 269 days``: the contract must still run that day, and that
  day must come by the cut-off, else the premium is lost.
- **Brussels tutor premium**: each learner supervised at least 6 months (suspensions
  included): the contract must still run on ``add_months(start, 6) - 1 day``.
- **P1** (Wallonia, once): conditions only (no staff, first contract, tuteur agréé).

Pure functions of records and a date; ``contract_forecasts`` feeds them from a RuleContext.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from offa_desktop.domain.access import get_date
from offa_desktop.domain.dates import add_months, p2_days, school_year_end
from offa_desktop.domain.tutor_conditions import tutor_is_certified
from offa_desktop.domain.values import format_date_fr

if TYPE_CHECKING:  # (annotations only: the radar loads this module without the checks)
    from offa_desktop.domain.problems import Record

P2_REQUIRED_DAYS = 270
BXL_TUTOR_MONTHS = 6

ACQUIRED = "acquired"  # the condition is met already
ON_TRACK = "on_track"  # met by the cut-off if the contract runs to its end date
AT_RISK = "at_risk"  # reachable, but the end date or another condition stands in the way
LOST = "lost"  # can no longer be met this school year
NOT_APPLICABLE = "not_applicable"
STATE_FR = {
    ACQUIRED: "acquise",
    ON_TRACK: "en bonne voie",
    AT_RISK: "en danger",
    LOST: "perdue",
    NOT_APPLICABLE: "non concernée",
}
KIND_FR = {"wal_p1": "Prime P1", "wal_p2": "Prime P2", "bxl_tutor": "Prime tuteur (Bruxelles)"}


@dataclass(frozen=True)
class Forecast:
    """One incentive's outlook for one contract. Day counts are None for a premium without a
    day condition (P1). ``last_date``: the last day the contract must still run for the day
    condition (None once it cannot be met); ``notes``: French reasons, unmet conditions first."""

    kind: str
    state: str
    cut_off: date | None = None
    days_so_far: int | None = None
    days_needed: int | None = None  # still needed from today
    required: int | None = None
    projected: int | None = None  # the count at the cut-off if nothing changes
    last_date: date | None = None
    notes: tuple[str, ...] = ()

    def sentence(self) -> str:
        """One French line: "Prime P2 en bonne voie : 120 jours sur 270, encore 150 ; le contrat
        doit courir jusqu'au 12/05/2027 (compte au 31/08/2027)"."""
        head = f"{KIND_FR.get(self.kind, self.kind)} {STATE_FR[self.state]}"
        parts = []
        if self.required is not None and self.days_so_far is not None:
            parts.append(f"{self.days_so_far} jours sur {self.required}")
            if self.days_needed:
                parts.append(f"encore {self.days_needed}")
        if self.last_date is not None and self.state != ACQUIRED:
            parts.append(f"le contrat doit courir jusqu'au {format_date_fr(self.last_date)}")
        if self.cut_off is not None and self.kind == "wal_p2":
            parts.append(f"compte au {format_date_fr(self.cut_off)}")
        text = head + (" : " + ", ".join(parts) if parts else "")
        if self.notes:
            text += " — " + " ; ".join(self.notes)
        return text


def _counted(start: date, until: date) -> int:
    return max(0, (until - start).days + 1)


def p2_forecast(
    contract: Record,
    *,
    region: str | None,
    start_level: Any,
    tutor: Record | None,
    end: date | None,
    today: date,
) -> Forecast:
    """The P2 outlook of a contract whose last day under contract is ``end`` (its effective
    end; a planned termination for a "what if")."""
    start = get_date(contract, "start_date")
    if start is None or region != "wal":
        return Forecast("wal_p2", NOT_APPLICABLE, notes=("unité hors de Wallonie",)
                        if start is not None else ("contrat sans date de début",))
    state, cut, so_far, reach, notes = p2_outlook(
        start, start_level=start_level, tutor=tutor, end=end, today=today,
        terminated=contract.get("status") == "terminated")
    return Forecast(
        "wal_p2",
        state,
        cut_off=cut,
        days_so_far=so_far,
        days_needed=max(0, P2_REQUIRED_DAYS - so_far),
        required=P2_REQUIRED_DAYS,
        projected=p2_days(start, end),
        last_date=reach if reach <= cut else None,
        notes=tuple(notes),
    )


_P2_SPAN = timedelta(days=P2_REQUIRED_DAYS - 1)  # from the start to the 270th day


def p2_outlook(
    start: date,
    *,
    start_level: Any,
    tutor: Record | None,
    end: date | None,
    today: date,
    terminated: bool,
) -> tuple[str, date, int, date, list[str]]:
    """What ``p2_forecast`` says of a Walloon contract started on ``start``, as ``(state,
    cut-off, days so far, 270th day, notes)``: the radar's rule asks it of thousands of
    contracts and keeps the few at risk (no Forecast made for the others)."""
    cut = school_year_end(start)
    reach = start + _P2_SPAN
    last_counted = today if end is None or today <= end else end
    if cut < last_counted:
        last_counted = cut
    so_far = _counted(start, last_counted) if today >= start else 0
    notes: list[str] = []
    if start_level != "a":
        notes.append(f"commence au niveau {str(start_level or '?').upper()} (A requis)")
    uncertified = tutor is None or not tutor_is_certified(tutor)
    if uncertified:
        notes.append("tuteur non agréé")
    if reach > cut:
        notes.insert(0, f"270 jours impossibles avant le {format_date_fr(cut)}")
        state = LOST
    elif start_level != "a":
        state = LOST
    elif end is not None and end < reach and so_far < P2_REQUIRED_DAYS:
        notes.insert(0, f"le contrat s'arrête le {format_date_fr(end)}")
        state = LOST if terminated or end < today else AT_RISK
    elif uncertified:
        state = AT_RISK
    else:
        state = ACQUIRED if so_far >= P2_REQUIRED_DAYS else ON_TRACK
    return state, cut, so_far, reach, notes


def bxl_tutor_forecast(
    contract: Record, *, region: str | None, tutor_learners: int, end: date | None, today: date
) -> Forecast:
    """The Brussels tutor premium outlook for this contract's learner: supervised 6 months,
    the tutor following 1 to 4 learners."""
    start = get_date(contract, "start_date")
    if start is None or region != "bxl":
        return Forecast("bxl_tutor", NOT_APPLICABLE)
    reach = add_months(start, BXL_TUTOR_MONTHS) - timedelta(days=1)
    required = _counted(start, reach)
    so_far = _counted(start, min(d for d in (today, end) if d is not None)) if today >= start else 0
    notes: list[str] = []
    if not 1 <= tutor_learners <= 4:
        notes.append(f"le tuteur suit {tutor_learners} apprenants (1 à 4)")
    if so_far >= required:
        state = ACQUIRED
    elif end is not None and end < reach:
        notes.insert(0, f"le contrat s'arrête le {format_date_fr(end)}")
        state = LOST if contract.get("status") == "terminated" or end < today else AT_RISK
    else:
        state = ON_TRACK
    if state in (ON_TRACK, ACQUIRED) and not 1 <= tutor_learners <= 4:
        state = AT_RISK
    return Forecast(
        "bxl_tutor",
        state,
        days_so_far=so_far,
        days_needed=max(0, required - so_far),
        required=required,
        projected=_counted(start, end) if end is not None else None,
        last_date=reach,
        notes=tuple(notes),
    )


def p1_forecast(
    *, region: str | None, employee_count: Any, earlier_contracts: int, tutor: Record | None
) -> Forecast:
    """Walloon P1: self-employed without staff, first contract, tuteur agréé (no day count)."""
    if region != "wal":
        return Forecast("wal_p1", NOT_APPLICABLE)
    lost = []
    if employee_count != 0:
        lost.append(f"{employee_count} travailleur(s) déclaré(s)")
    if earlier_contracts:
        lost.append(f"{earlier_contracts} contrat(s) antérieur(s) dans l'entreprise")
    uncertified = tutor is None or not tutor_is_certified(tutor)
    notes = (*lost, "tuteur non agréé") if uncertified else tuple(lost)
    state = LOST if lost else AT_RISK if uncertified else ON_TRACK
    return Forecast("wal_p1", state, notes=notes)


def p2_what_if(forecast_now: Forecast, contract: Record, end: date, *, label: str) -> str:
    """The "what if" line of a termination: "cette rupture au 12/05 ramène le compte P2 à 250
    jours (270 requis) : la prime P2 est perdue". ``label`` names the event ("cette rupture")."""
    start = get_date(contract, "start_date")
    if start is None or forecast_now.state == NOT_APPLICABLE:
        return ""
    days = p2_days(start, end)
    when = format_date_fr(end)[:5]
    if forecast_now.state == LOST and (forecast_now.projected or 0) < P2_REQUIRED_DAYS:
        return f"{label} au {when} : la prime P2 est déjà perdue ({days} jours, 270 requis)"
    if days >= P2_REQUIRED_DAYS:
        return (f"{label} au {when} laisse le compte P2 à {days} jours (270 requis) : "
                "la prime P2 reste possible")
    return (f"{label} au {when} ramène le compte P2 à {days} jours (270 requis) : "
            "la prime P2 est perdue")


def suspension_what_if(forecast_now: Forecast, *, label: str = "cette suspension") -> str:
    """Suspensions count as days under contract (DOMAIN.md): a suspension changes no count."""
    if forecast_now.state == NOT_APPLICABLE or forecast_now.projected is None:
        return ""
    if forecast_now.cut_off is None:
        return ""
    return (
        f"{label} ne change pas le compte P2 : les jours de suspension comptent "
        f"({forecast_now.projected} jours au {format_date_fr(forecast_now.cut_off)}, 270 requis)"
    )


def start_level_of(contract: Record, events: Sequence[Record]) -> Any:
    """The level a contract started at: its first level change's ``from_level``, else its
    level (as ``incentives.start_level``)."""
    if not events:  # (most contracts)
        return contract.get("level")
    changes = sorted(
        ((d, e) for e in events if e.get("kind") == "level_change"
         and (d := get_date(e, "effective_date")) is not None),
        key=lambda item: item[0],
    )
    if changes:
        details = changes[0][1].get("details")
        if isinstance(details, Mapping) and details.get("from_level"):
            return details["from_level"]
    return contract.get("level")


def effective_end_of(contract: Record, events: Sequence[Record]) -> date | None:
    """The last day under contract: the latest termination's date when terminated, else
    ``end_date`` (as ``contracts.effective_end``)."""
    if contract.get("status") == "terminated":
        ends = [d for e in events if e.get("kind") == "termination"
                and (d := get_date(e, "effective_date")) is not None]
        if ends:
            return max(ends)
    return get_date(contract, "end_date")
