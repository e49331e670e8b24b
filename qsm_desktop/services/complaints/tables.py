"""What the complaints page lists (投诉页面查询) — DESIGN.md §9.2, §9.3, read only.

- :func:`cause_table_in` — the cause × outlet table of a quarter: valid complaints per cause
  (投诉原因) and per unit complained about, the causes in Pareto order (count descending, share and
  cumulative share, :func:`qsm_desktop.domain.pareto.pareto`);
- :func:`overdue_in` — the complaints overdue as of a date (valid and closed after their deadline,
  or still open past it), each with its deadline and days late;
- :func:`complaint_quarters_in` — the quarters that have registered complaints.

Which complaints belong to a unit is :func:`~qsm_desktop.services.complaints.cases_for`'s rule
(§9.2): a head-office department — the 内部投诉 against it; the bank (or no unit) — every
complaint; any other unit — the 客户投诉 against units of its subtree.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain.complaints import CUSTOMER, INTERNAL, ComplaintCase
from qsm_desktop.domain.pareto import ParetoRow, pareto
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import BANK_TYPE, DEPARTMENT_TYPE
from qsm_desktop.store.models.complaints import Complaint

__all__ = ["CauseRow", "CauseTable", "OverdueComplaint", "belongs_to", "cause_table_in", "complaint_quarters_in",
           "overdue_in"]


@dataclass(frozen=True)
class CauseRow:
    """A cause of the table: its Pareto figures (``pareto``: rank, count, share, cumulative share,
    percent 0–100) and its count per unit complained about (``by_unit``: code → count)."""

    pareto: ParetoRow
    by_unit: dict[str, int]

    @property
    def cause(self) -> str:
        """投诉原因 (the classification's name)."""
        return self.pareto.name

    @property
    def count(self) -> int:
        """Valid complaints with this cause."""
        return self.pareto.count


@dataclass(frozen=True)
class CauseTable:
    """The cause × unit table of ``period`` for ``unit`` (code; ``None`` = the whole bank):
    ``units`` complained about as ``(code, name, total)``, most complaints first; ``rows`` the
    causes in Pareto order; ``total`` valid complaints counted."""

    period: str
    unit: str | None
    units: tuple[tuple[str, str, int], ...]
    rows: tuple[CauseRow, ...]
    total: int


@dataclass(frozen=True)
class OverdueComplaint:
    """A complaint overdue as of a date (§9.2): ``number`` (投诉编号), ``category``, the filing
    ``branch`` and the ``target`` unit complained about (codes and names), ``received``,
    ``channel``, ``cause``, the deadline class (``class_name``, ``days``) and ``deadline``,
    ``closed`` (办结日期, ``None`` while open), ``days_late`` on the as-of date (or when closed)
    and the ``summary`` (投诉摘要)."""

    number: str
    category: str
    branch: str
    branch_name: str
    target: str
    target_name: str
    received: dt.date
    channel: str
    cause: str
    class_name: str
    days: int
    deadline: dt.date
    closed: dt.date | None
    days_late: int
    summary: str | None


def belongs_to(info: OrgInfo | None, category: str, target: str, orgs: dict[str, OrgInfo]) -> bool:
    """Whether a complaint of ``category`` against ``target`` counts for unit ``info`` (§9.2): a
    head-office department — the 内部投诉 against it; ``None`` or the bank — every complaint; any
    other unit — the 客户投诉 against units of its subtree."""
    if info is None or info.type == BANK_TYPE:
        return True
    if info.type == DEPARTMENT_TYPE:
        return category == INTERNAL and target == info.code
    return category == CUSTOMER and target in orgs and f"/{info.code}/" in orgs[target].path


def complaint_quarters_in(session: Session) -> list[str]:
    """The quarters with registered complaints, newest first."""
    return sorted(set(session.scalars(select(Complaint.period).distinct())), reverse=True)


def _rows(session: Session, period: str) -> list[Complaint]:
    return list(session.scalars(select(Complaint).where(Complaint.period == period).order_by(Complaint.number)))


def cause_table_in(session: Session, period: str, orgs: dict[str, OrgInfo], root: OrgInfo | None) -> CauseTable:
    """The cause × unit table of ``period``'s valid complaints that count for ``root`` — for the
    bank, its 客户投诉 only (the units complained about are outlets; 内部投诉 are a department's)."""
    by_id = {o.id: o for o in orgs.values()}
    per_cause: dict[str, dict[str, int]] = {}
    per_unit: dict[str, int] = {}
    for c in _rows(session, period):
        target = by_id[c.target_id].code
        if not c.valid or not belongs_to(root, c.category, target, orgs):
            continue
        if (root is None or root.type == BANK_TYPE) and c.category != CUSTOMER:
            continue
        bucket = per_cause.setdefault(c.cause, {})
        bucket[target] = bucket.get(target, 0) + 1
        per_unit[target] = per_unit.get(target, 0) + 1
    ordered = pareto({cause: sum(units.values()) for cause, units in per_cause.items()})
    units = tuple((code, orgs[code].name if code in orgs else code, n)
                  for code, n in sorted(per_unit.items(), key=lambda x: (-x[1], x[0])))
    return CauseTable(period, root.code if root else None, units,
                      tuple(CauseRow(row, dict(per_cause[row.name])) for row in ordered), sum(per_unit.values()))


def overdue_in(session: Session, period: str, orgs: dict[str, OrgInfo], root: OrgInfo | None,
               as_of: dt.date) -> list[OverdueComplaint]:
    """``period``'s complaints that count for ``root`` and are overdue as of ``as_of`` (§9.2: valid,
    received by then, and closed after the deadline or open past it), most days late first."""
    by_id = {o.id: o for o in orgs.values()}
    found = []
    for c in _rows(session, period):
        target = by_id[c.target_id]
        if not belongs_to(root, c.category, target.code, orgs):
            continue
        case = ComplaintCase(c.number, c.category, c.received, c.channel, c.cause, target.code, c.valid, c.class_name,
                             c.class_days, c.closed)
        late = case.days_late(as_of)
        if late is None:
            continue
        branch = by_id[c.branch_id]
        found.append(OverdueComplaint(c.number, c.category, branch.code, branch.name, target.code, target.name,
                                      c.received, c.channel, c.cause, c.class_name, c.class_days, case.deadline,
                                      c.closed if case.closed_by(as_of) else None, late, c.summary))
    return sorted(found, key=lambda o: (-o.days_late, o.number))
