"""Complaints (投诉) — the service of DESIGN.md §9.

:class:`ComplaintService` (``services.complaints``): the §9.2 figures as of a date per branch
subtree (客户投诉) and per head-office department (内部投诉 against it), and the reference data
(classification, deadline classes). The write path of the register is
:func:`.register.record_complaints_in` (the ``complaints`` import handler, :mod:`.imports`); the
deadline classes' is :func:`.rules.save_deadline_class_in`. The complaints page's lists (the cause
× outlet table in Pareto order, the overdue list) are :mod:`.tables`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from qsm_desktop.domain import i18n
from qsm_desktop.domain.complaints import (
    CUSTOMER,
    INTERNAL,
    ComplaintCase,
    ComplaintFigures,
    ComplaintRules,
    DeadlineClass,
    complaint_figures,
)
from qsm_desktop.services.complaints.register import cases_of
from qsm_desktop.services.complaints.rules import save_deadline_class_in
from qsm_desktop.services.complaints.tables import (
    CauseTable,
    OverdueComplaint,
    cause_table_in,
    complaint_quarters_in,
    overdue_in,
)
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import BANK_TYPE, BRANCH_TYPE, DEPARTMENT_TYPE, load_orgs, quarter, unit
from qsm_desktop.store.monitoring import load_complaint_rules

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

__all__ = ["CauseTable", "ComplaintService", "ComplaintStats", "OverdueComplaint", "UnitComplaintFigures",
           "unit_figures"]

i18n.register({"complaint.read_action": ("查看投诉统计", "view complaint figures")})


@dataclass(frozen=True)
class UnitComplaintFigures:
    """A unit's §9.2 figures: ``code``, ``name``, ``type`` (分行 … or 总行部门) and ``figures``."""

    code: str
    name: str
    type: str
    figures: ComplaintFigures

    def to_json(self) -> dict[str, Any]:
        """``{"code", "name", "received", "valid", "regulator", "closed", "on_time", "overdue",
        "pending", "on_time_rate"}`` (DESIGN §7)."""
        return {"code": self.code, "name": self.name, **self.figures.to_json()}


@dataclass(frozen=True)
class ComplaintStats:
    """``qsm complaints stats``: ``period``, ``as_of`` and the ``units`` (branches, then departments)."""

    period: str
    as_of: dt.date
    units: tuple[UnitComplaintFigures, ...]

    def unit(self, code: str) -> UnitComplaintFigures | None:
        """The figures of ``code`` (``None`` when not listed)."""
        return next((u for u in self.units if u.code == code), None)

    def to_json(self) -> dict[str, Any]:
        """``{"period", "as_of", "units": [...]}`` (DESIGN §7)."""
        return {"period": self.period, "as_of": self.as_of.isoformat(), "units": [u.to_json() for u in self.units]}


def unit_figures(info: OrgInfo, cases: list[ComplaintCase], orgs: dict[str, OrgInfo], as_of: dt.date) -> ComplaintFigures:
    """The figures of one unit (§9.2): a head-office department — the 内部投诉 against it; any other
    unit — the 客户投诉 against units of its subtree."""
    if info.type == DEPARTMENT_TYPE:
        mine = [c for c in cases if c.category == INTERNAL and c.target == info.code]
    else:
        mine = [c for c in cases if c.category == CUSTOMER and c.target in orgs
                and f"/{info.code}/" in orgs[c.target].path]
    return complaint_figures(mine, as_of)


class ComplaintService:
    """Complaint figures and reference data for the window and the CLI (``services.complaints``)."""

    def __init__(self, services: Services):
        self._services = services

    def stats(self, actor: Actor, period: str, as_of: dt.date, unit_code: str | None = None) -> ComplaintStats:
        """The §9.2 figures of ``period`` as of ``as_of``: for ``unit_code`` (a branch or other unit:
        its subtree's 客户投诉; a department: the 内部投诉 against it), or — for the bank or no unit
        — every branch then every head-office department. A scoped actor sees their own subtree."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            root = unit(orgs, unit_code or actor.org_scope)
            if root is not None:
                require(actor, i18n.msg("complaint.read_action"), write=False, org_path=root.path, org_code=root.code)
            cases = cases_of(session, period, orgs)
        if root is None or root.type == BANK_TYPE:
            units = sorted((o for o in orgs.values() if o.type == BRANCH_TYPE), key=lambda o: o.code)
            units += sorted((o for o in orgs.values() if o.type == DEPARTMENT_TYPE), key=lambda o: o.code)
        else:
            units = [root]
        return ComplaintStats(period, as_of, tuple(UnitComplaintFigures(u.code, u.name, u.type,
                                                                        unit_figures(u, cases, orgs, as_of))
                                                   for u in units))

    def _root(self, actor: Actor, orgs: dict[str, OrgInfo], unit_code: str | None) -> OrgInfo | None:
        root = unit(orgs, unit_code or actor.org_scope)
        if root is not None:
            require(actor, i18n.msg("complaint.read_action"), write=False, org_path=root.path, org_code=root.code)
        return root

    def quarters(self, actor: Actor) -> list[str]:
        """The quarters with registered complaints, newest first."""
        with self._services.read() as session:
            return complaint_quarters_in(session)

    def cause_table(self, actor: Actor, period: str, unit_code: str | None = None) -> CauseTable:
        """The cause × outlet table of ``period`` (valid complaints, causes in Pareto order) for
        ``unit_code`` (default: the actor's scope, else the whole bank); see :mod:`.tables`."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            return cause_table_in(session, period, orgs, self._root(actor, orgs, unit_code))

    def overdue(self, actor: Actor, period: str, as_of: dt.date, unit_code: str | None = None) -> list[OverdueComplaint]:
        """``period``'s complaints overdue as of ``as_of`` (§9.2) for ``unit_code`` (default: the
        actor's scope), most days late first; see :mod:`.tables`."""
        period = quarter(period)
        with self._services.read() as session:
            orgs = load_orgs(session)
            return overdue_in(session, period, orgs, self._root(actor, orgs, unit_code), as_of)

    def rules(self, actor: Actor) -> ComplaintRules:
        """The complaint reference data (classification, deadline classes, repeat threshold)."""
        with self._services.read() as session:
            return load_complaint_rules(session)

    def save_deadline_class(self, actor: Actor, deadline: DeadlineClass, *, expected_version: int | None = None) -> int:
        """See :func:`~.rules.save_deadline_class_in`."""
        with self._services.unit_of_work() as session:
            return save_deadline_class_in(session, actor, deadline, expected_version=expected_version)
