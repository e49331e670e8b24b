"""The registers' figures for showcase applications (申报数据核对) — DESIGN §3.5, §5, §8.2, §9; issue 14.

:func:`declaration_checks_in` reads, for a set of applications in one go, what the registers hold
for each outlet and compares the form's declared figures with them
(:func:`qsm_desktop.domain.showcase.check_declarations`):

- 在岗员工数 / 持证上岗人数 — the staff and certificates register: staff of the outlet in post on
  the application's date (its entry date, at the latest the 31 December of its year), and of them
  those holding a certificate valid that day that qualifies for their post (as ``qsm cert-rate``);
- 年度有效投诉件数 — the complaint register: valid customer complaints against the outlet in the
  four quarters of the year (not checked when the branch sent no register that year);
- 神秘访客平均得分 — the finalised mystery-visit scores of the outlet in the year's quarters, their
  mean weighted by visits (not checked without a finalised visit).

Read-only: nothing is written, and the declared figures stay as the form gave them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain.complaints import CUSTOMER
from qsm_desktop.domain.showcase import DeclarationCheck, RegisterFigures, check_declarations
from qsm_desktop.store import queries
from qsm_desktop.store.models import ImportBatch, OrgUnit, Post, Staff
from qsm_desktop.store.models.complaints import Complaint
from qsm_desktop.store.models.imports import BatchStatus
from qsm_desktop.store.models.monitoring import MysteryScore
from qsm_desktop.store.models.showcase import ShowcaseApplication, ShowcaseCycle

__all__ = ["check_date", "declaration_checks_in", "outlet_figures_in", "register_figures_in"]


def check_date(created_at: dt.datetime, year: int) -> dt.date:
    """The day an application's staff figures are read for: its entry date, at the latest the
    31 December of its year (an application entered after its year still speaks of that year)."""
    return min(created_at.date(), dt.date(year, 12, 31))


def _quarters(year: int) -> list[str]:
    return [f"{year}Q{q}" for q in range(1, 5)]


def register_figures_in(session: Session, apps: Sequence[ShowcaseApplication]) -> dict[int, RegisterFigures]:
    """Application id → the registers' figures for its outlet (:class:`RegisterFigures`), a few
    grouped queries for all of ``apps`` together."""
    if not apps:
        return {}
    years = dict(session.execute(select(ShowcaseCycle.id, ShowcaseCycle.year).where(
        ShowcaseCycle.id.in_({a.cycle_id for a in apps}))).all())
    return _figures_in(session, [(a.id, a.outlet_id, a.branch_id, years[a.cycle_id], check_date(a.created_at, years[a.cycle_id]))
                                 for a in apps])


def outlet_figures_in(session: Session, outlets: Sequence[tuple[int, int | None]], year: int,
                      day: dt.date) -> dict[int, RegisterFigures]:
    """Outlet id → the registers' figures an application of ``year`` entered on ``day`` would be
    checked against; ``outlets``: (outlet id, its branch's id or ``None``). For writing forms that
    agree with the registers (the demo's showcase applications)."""
    return _figures_in(session, [(outlet, outlet, branch, year, day) for outlet, branch in outlets])


def _figures_in(session: Session, requests: Sequence[tuple[int, int, int | None, int, dt.date]]) -> dict[int, RegisterFigures]:
    """Key → :class:`RegisterFigures` for ``requests`` of (key, outlet id, branch id, year, day)."""
    if not requests:
        return {}
    outlet_ids = {outlet for _key, outlet, _branch, _year, _day in requests}
    dates = {key: day for key, _outlet, _branch, _year, day in requests}
    # staff in post and certified, per outlet, on each application's date
    staff: dict[tuple[int, dt.date], tuple[int, int]] = {}
    for day in set(dates.values()):
        rows = session.execute(
            select(Staff.org_unit_id, func.count(), func.sum(queries.as_int(queries.certified_clause(day))))
            .join(Post, Post.id == Staff.post_id)
            .where(Staff.org_unit_id.in_(outlet_ids), queries.in_post_clause(day))
            .group_by(Staff.org_unit_id)).all()
        for unit_id, members, certified in rows:
            staff[(unit_id, day)] = (int(members), int(certified or 0))
    all_quarters = sorted({q for _k, _o, _b, y, _d in requests for q in _quarters(y)})
    # valid customer complaints against the outlet, per quarter; the quarters each branch sent a register
    complaints: dict[tuple[int, str], int] = dict(((t, p), n) for t, p, n in session.execute(
        select(Complaint.target_id, Complaint.period, func.count())
        .where(Complaint.target_id.in_(outlet_ids), Complaint.valid.is_(True), Complaint.category == CUSTOMER,
               Complaint.period.in_(all_quarters))
        .group_by(Complaint.target_id, Complaint.period)).all())
    branch_codes = dict(session.execute(select(OrgUnit.id, OrgUnit.code).where(
        OrgUnit.id.in_({branch for _k, _o, branch, _y, _d in requests if branch}))).all())
    sent: set[tuple[str, str]] = set(session.execute(
        select(ImportBatch.org_code, ImportBatch.period).where(
            ImportBatch.kind == "complaints", ImportBatch.status == BatchStatus.IMPORTED,
            ImportBatch.period.in_(all_quarters))).all())
    # finalised mystery-visit scores of the outlet, per quarter
    mystery: dict[int, list[tuple[str, int, float]]] = defaultdict(list)
    for unit_id, period, visits, score in session.execute(
            select(MysteryScore.org_unit_id, MysteryScore.period, MysteryScore.visits, MysteryScore.score)
            .where(MysteryScore.org_unit_id.in_(outlet_ids), MysteryScore.period.in_(all_quarters),
                   MysteryScore.score.is_not(None))).all():
        mystery[unit_id].append((period, int(visits), float(score)))
    out = {}
    for key, outlet, branch_id, year, day in requests:
        members, certified = staff.get((outlet, day), (None, None))
        quarters = _quarters(year)
        branch = branch_codes.get(branch_id) if branch_id else None
        registered = [q for q in quarters if branch is not None and (branch, q) in sent]
        count = sum(complaints.get((outlet, q), 0) for q in registered) if registered else None
        scored = [(v, s) for p, v, s in mystery.get(outlet, ()) if p in quarters and v > 0]
        visits = sum(v for v, _ in scored)
        score = math.fsum(v * s for v, s in scored) / visits if visits else None
        out[key] = RegisterFigures(day, members, certified, count, score)
    return out


def declaration_checks_in(session: Session, apps: Sequence[ShowcaseApplication]) -> dict[int, tuple[DeclarationCheck, ...]]:
    """Application id → its declared figures checked against the registers (in
    :data:`~qsm_desktop.domain.showcase.DECLARED_FIELDS` order)."""
    figures = register_figures_in(session, apps)
    return {a.id: check_declarations(a.form or {}, figures[a.id]) for a in apps}
