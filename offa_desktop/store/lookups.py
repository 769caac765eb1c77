"""Narrow reads for choosers of the use cases (a unit picker, a claim's contracts): one query
each, only the columns shown, never whole tables. Rows are returned as they come (attributes by
column name); the use cases in ``ops`` turn them into options."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from offa_desktop.store.records import table
from offa_desktop.store.search import fts_query, matching_ids


def units(
    session: Session,
    text: str = "",
    *,
    granted_only: bool = False,
    ids: list[str] | None = None,
    limit: int,
) -> Sequence[Any]:
    """Live establishment units matching ``text`` (full-text), by name: ``id``, ``name``,
    ``postal_code``, ``city`` and ``company`` (its company's name). ``granted_only``: those
    holding a granted approval (an EXISTS); ``ids``: only those."""
    u, a, c = table("establishment_units"), table("approvals"), table("companies")
    query = (
        select(u.c.id, u.c.name, u.c.postal_code, u.c.city, c.c.name.label("company"))
        .join(c, c.c.id == u.c.company_id, isouter=True)
        .where(u.c.deleted.is_(False))
    )
    if granted_only:
        granted = select(a.c.id).where(
            a.c.establishment_unit_id == u.c.id,
            a.c.status == "granted",
            a.c.deleted.is_(False),
        )
        query = query.where(granted.exists())
    if ids is not None:
        query = query.where(u.c.id.in_(ids))
    fts = fts_query(text) if text.strip() else None
    if fts is not None:
        query = query.where(u.c.id.in_(matching_ids("establishment_units", fts)))
    return session.execute(query.order_by(u.c.name, u.c.id).limit(limit)).all()


def company_regions(session: Session, company_id: str) -> set[str]:
    """Regions of the company's live establishment units."""
    u = table("establishment_units")
    rows = session.execute(
        select(u.c.region).where(u.c.company_id == company_id, u.c.deleted.is_(False))
    ).all()
    return {str(r.region) for r in rows if r.region}


def company_contracts(
    session: Session, company_id: str, *, tutor_id: str | None = None
) -> Sequence[Any]:
    """The company's live contracts but drafts, by learner name: ``id``, ``start_date``,
    ``end_date``, ``status``, ``trade_code``, ``tutor_id``, the learner's ``last_name`` and
    ``first_name``, ``tutor_last`` and ``tutor_first``; only those of ``tutor_id`` when given."""
    c, u, lr, t = (table(n) for n in ("contracts", "establishment_units", "learners", "tutors"))
    query = (
        select(
            c.c.id,
            c.c.start_date,
            c.c.end_date,
            c.c.status,
            c.c.trade_code,
            c.c.tutor_id,
            lr.c.last_name,
            lr.c.first_name,
            t.c.last_name.label("tutor_last"),
            t.c.first_name.label("tutor_first"),
        )
        .join(u, u.c.id == c.c.establishment_unit_id)
        .join(lr, lr.c.id == c.c.learner_id, isouter=True)
        .join(t, t.c.id == c.c.tutor_id, isouter=True)
        .where(
            u.c.company_id == company_id,
            c.c.deleted.is_(False),
            u.c.deleted.is_(False),
            c.c.status != "draft",
        )
    )
    if tutor_id:
        query = query.where(c.c.tutor_id == tutor_id)
    return session.execute(query.order_by(lr.c.last_name, lr.c.first_name, c.c.id)).all()
