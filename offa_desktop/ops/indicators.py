"""The "Indicateurs" figures: how alternance is doing within the user's scope, as panels of a
chart and its table (``store/indicator_rows.py`` does the counting in SQL)."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from offa_desktop.domain.contracts import STATUS_FR
from offa_desktop.domain.dates import add_months
from offa_desktop.store import indicator_rows, plain_sql
from offa_desktop.store.indicator_rows import Filters

REGION_FR = {"wal": "Wallonie", "bxl": "Bruxelles"}
CLAIM_FR = {"to_check": "à vérifier", "eligible": "éligible", "not_eligible": "non éligible",
            "approved": "approuvée", "paid": "payée"}
MONTHS_FR = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.",
             "nov.", "déc.")
BAR, LINE = "bar", "line"
T = TypeVar("T")
TOP_TRADES = 8  # 12 bars in a panel at window size: QtCharts elided every label to «…»


@dataclass
class Panel:
    """One indicator: a chart (``kind``: bar or line; ``categories`` on the x axis, one list of
    values per series) and its table (``headers``, ``rows``; ``money`` column indexes)."""

    key: str
    title: str
    kind: str
    categories: list[str]
    series: list[tuple[str, list[float]]]
    headers: list[str]
    rows: list[list[Any]]
    money: tuple[int, ...] = ()
    note: str = ""


@dataclass
class Indicators:
    """Every panel for some filters, and the filters' choices."""

    today: date
    filters: Filters
    panels: list[Panel] = field(default_factory=list)
    choices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def panel(self, key: str) -> Panel:
        return next(p for p in self.panels if p.key == key)


def month_fr(month: str) -> str:
    """``"2026-05"`` -> ``"mai 2026"``."""
    return f"{MONTHS_FR[int(month[5:7]) - 1]} {month[:4]}"


def month_axis(month: str) -> str:
    """``"2026-05"`` -> ``"05/26"``: short enough for 24 labels under a chart (the table says
    "mai 2026")."""
    return f"{month[5:7]}/{month[2:4]}"


def _bars(key: str, title: str, pairs: list[tuple[str, int]], names: dict[str, str],
          header: str) -> Panel:
    labels = [names.get(k, k) or "?" for k, _n in pairs]
    counts = [n for _k, n in pairs]
    return Panel(key, title, BAR, labels, [("Contrats", [float(n) for n in counts])],
                 [header, "Contrats"], [[label, n] for label, n in zip(labels, counts,
                                                                          strict=True)])


def _on_own_connection(path: Path, read: Callable[..., T], *args: Any) -> T:
    conn = plain_sql.connect(path)
    try:
        return read(conn, *args)
    finally:
        conn.close()


def compute(path: Path, today: date, filters: Filters | None = None) -> Indicators:
    """Every panel on the working copy at ``path`` (read-only) for ``filters``.

    The two passes over the contracts (the counts by status, operator, trade and region; new
    contracts and terminations per month) run on connections of their own, on threads, while
    this one reads the rest: SQLite computes without the GIL, so on two cores the area waits
    for the longest query rather than for their sum."""
    f = filters or Filters()
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="indicators") as pool:
        counting = pool.submit(_on_own_connection, path, indicator_rows.contract_figures, f)
        monthly = pool.submit(_on_own_connection, path,
                              indicator_rows.new_and_ended_per_month, f, today)
        conn = plain_sql.connect(path)
        try:
            operators = indicator_rows.names(conn, "operators")
            trades = indicator_rows.names(conn, "trades")
            sectors = indicator_rows.names(conn, "sectors")
            reasons = indicator_rows.names(conn, "termination_reasons")
            out = Indicators(today, f)
            out.choices = {
                "school_year": [(y, y) for y in indicator_rows.school_years(conn)],
                "operator": sorted(operators.items(), key=lambda p: p[1].casefold()),
                "region": list(REGION_FR.items()),
                "sector": sorted(sectors.items(), key=lambda p: p[1].casefold()),
            }
            pending = _pending(conn, f, today)
            claims = _claims(conn, f)
            visits = _visits(conn, today)
        finally:
            conn.close()
        figures = counting.result()
        span, new, ended = monthly.result()
    by_status = figures["status"]
    out.panels.append(_bars("status", "Contrats par statut", by_status, STATUS_FR, "Statut"))
    by_operator = figures["operator"]
    out.panels.append(_bars("operator", "Contrats par opérateur", by_operator, operators,
                            "Opérateur"))
    by_trade = figures["trade"]
    panel = _bars("trade", "Contrats par métier", by_trade[:TOP_TRADES], trades, "Métier")
    panel.rows = [[trades.get(k, k), n] for k, n in by_trade]  # the table holds them all
    if len(by_trade) > TOP_TRADES:
        panel.note = f"graphique : les {TOP_TRADES} métiers les plus suivis"
    out.panels.append(panel)
    by_region = figures["region"]
    out.panels.append(_bars("region", "Contrats par région", by_region, REGION_FR, "Région"))
    out.panels.append(_monthly(span, new, ended, reasons))
    out.panels += [pending, claims, visits]
    return out


def _monthly(span: list[str], new: dict[str, int], ended: dict[str, dict[str, int]],
             reasons: dict[str, str]) -> Panel:
    labels = [month_fr(m) for m in span]
    totals = [sum(ended.get(m, {}).values()) for m in span]
    used = sorted({r for by in ended.values() for r in by},
                  key=lambda r: -sum(by.get(r, 0) for by in ended.values()))
    headers = ["Mois", "Nouveaux contrats", "Ruptures", *(reasons.get(r, r or "sans motif")
                                                           for r in used)]
    rows = [[label, new.get(m, 0), total, *(ended.get(m, {}).get(r, 0) for r in used)]
            for label, m, total in zip(labels, span, totals, strict=True)]
    return Panel("monthly", "Nouveaux contrats et ruptures par mois (24 mois)", LINE,
                 [month_axis(m) for m in span],
                 [("Nouveaux contrats", [float(new.get(m, 0)) for m in span]),
                  ("Ruptures", [float(t) for t in totals])], headers, rows,
                 note="ruptures par motif dans le tableau")


def _pending(conn: Any, f: Filters, today: date) -> Panel:
    """Requests waiting, by age against the 3-month limit: a bar per age class, and the table
    of each class by status with its oldest request and longest wait."""
    buckets = ["moins de 10 semaines", "10 semaines à 3 mois", "plus de 3 mois (délai dépassé)"]
    counts = [0, 0, 0]
    by_status = [{"requested": 0, "under_review": 0} for _b in buckets]
    oldest: list[date | None] = [None, None, None]
    for requested, status, n in indicator_rows.approvals_waiting(conn, f):
        asked = date.fromisoformat(requested)
        late = today > add_months(asked, 3)
        bucket = 2 if late else 1 if (today - asked).days >= 70 else 0
        counts[bucket] += n
        by_status[bucket][status] = by_status[bucket].get(status, 0) + n
        first = oldest[bucket]
        if first is None or asked < first:
            oldest[bucket] = asked
    rows: list[list[Any]] = []
    for b, label in enumerate(buckets):
        first = oldest[b]
        rows.append([label, by_status[b]["requested"], by_status[b]["under_review"], counts[b],
                     first if first is not None else "",
                     (today - first).days if first is not None else ""])
    return Panel("approvals", "Demandes d'agrément en attente, par ancienneté", BAR, buckets,
                 [("Demandes", [float(n) for n in counts])],
                 ["Ancienneté", "Demandées", "En instruction", "Total", "Plus ancienne",
                  "Jours d'attente (max.)"], rows,
                 note=f"{counts[2]} au-delà du délai de 3 mois" if counts[2] else "")


def _claims(conn: Any, f: Filters) -> Panel:
    found = {s: (n, a) for s, n, a in indicator_rows.claims_by_status(conn, f)}
    order = [s for s in CLAIM_FR if s in found]
    labels = [CLAIM_FR[s] for s in order]
    amounts = [Decimal(found[s][1]).scaleb(-2) for s in order]
    return Panel("claims", "Demandes d'incitants par statut", BAR, labels,
                 [("Montant (€)", [float(a) for a in amounts])],
                 ["Statut", "Demandes", "Montant"],
                 [[label, found[s][0], amount] for label, s, amount in zip(
                     labels, order, amounts, strict=True)], money=(2,))


def _visits(conn: Any, today: date) -> Panel:
    span = indicator_rows.months(today, 12)
    found = indicator_rows.visits_per_coach(conn, today)
    coaches = sorted({name for name, _m, _n in found})
    by = {(name, m): n for name, m, n in found}
    return Panel("visits", "Visites par coach et par mois (12 mois)", BAR,
                 [month_axis(m) for m in span],
                 [(name, [float(by.get((name, m), 0)) for m in span]) for name in coaches],
                 ["Coach", *(month_fr(m) for m in span), "Total"],
                 [[name, *(by.get((name, m), 0) for m in span),
                   sum(by.get((name, m), 0) for m in span)] for name in coaches])
