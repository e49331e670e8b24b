"""What the monitoring pages list (监测页面查询) — DESIGN.md §8.1–§8.3, read only.

The window's mystery-visit and checklist pages need more than the CLI's figures: the quarters that
have visits and where each stands (:func:`quarters_in`), every visit of a quarter with its score
(:func:`visits_in`: frozen once the quarter is finalised, else provisional with the upheld appeals
applied — the same figures :mod:`.scores` averages), one visit's items (:func:`visit_items_in`)
and the checklist editions with their version and how many visits were checked against each
(:func:`checklist_editions_in`). Every function returns frozen dataclasses; none writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import NotFound
from qsm_desktop.domain.monitoring.appeals import AppealStatus
from qsm_desktop.domain.monitoring.checklists import Checklist
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.monitoring.scoring import ItemResult, visit_score
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import branch_of
from qsm_desktop.services.monitoring.checklists import checklists_in
from qsm_desktop.services.monitoring.scores import quarter_visits
from qsm_desktop.store.models.monitoring import (
    ChecklistRecord,
    MonitoringQuarter,
    MysteryAppeal,
    MysteryVisit,
    MysteryVisitItem,
)

__all__ = ["ChecklistEdition", "QuarterInfo", "VisitInfo", "VisitItemInfo", "checklist_editions_in", "quarters_in",
           "visit_items_in", "visits_in"]

i18n.register({"visit.unknown": ("没有暗访编号{visit}", "there is no visit {visit}")})


@dataclass(frozen=True)
class QuarterInfo:
    """A quarter of the mystery visits (暗访季度): ``period`` (``2007Q4``), ``visits`` delivered,
    ``final`` (finalised, 已定稿) with when and by whom, ``appeals`` filed and ``open_appeals``
    (待裁决)."""

    period: str
    visits: int
    final: bool
    finalised_at: dt.datetime | None
    finalised_by: str | None
    appeals: int
    open_appeals: int


@dataclass(frozen=True)
class VisitInfo:
    """A visit as listed (暗访): 暗访编号 ``visit_no``, ``period``, the ``outlet`` and its ``branch``
    (codes and names), ``visit_date``, the module (``module_code``, ``module_name``), ``score``
    (0–100, 2 decimals; provisional until the quarter is final; ``None`` when no item applied),
    ``items`` applicable, ``lost`` (items that lost points), ``critical_lost`` (a critical item
    lost points: the visit is capped at 60, §8.2), ``appeals`` and ``open_appeals`` on it."""

    visit_no: str
    period: str
    outlet: str
    outlet_name: str
    branch: str
    branch_name: str
    visit_date: dt.date
    module_code: str
    module_name: str
    score: float | None
    items: int
    lost: int
    critical_lost: bool
    appeals: int
    open_appeals: int


@dataclass(frozen=True)
class VisitItemInfo:
    """One checklist item of a visit (检查项目): ``code``, ``text``, ``dimension``, ``points`` (分值),
    ``delivered`` (得分 as the agency delivered it; ``None`` = 不适用), ``score`` (what counts now:
    an upheld appeal's score, else the delivered one), ``critical``, 扣分原因 ``reason``, 柜员工号
    ``staff_no``, 备注 ``note`` and the ``appeal`` status on it (open / upheld / rejected, ``None``
    without an appeal); ``text_en`` the item's English text (``""`` when none, issue 14)."""

    code: str
    text: str
    dimension: str
    points: float
    delivered: float | None
    score: float | None
    critical: bool
    reason: str | None
    staff_no: str | None
    note: str | None
    appeal: str | None
    text_en: str = ""

    def shown_text(self, language: str | None = None) -> str:
        """The item's text in ``language`` (default: the current one), as the checklist shows it."""
        return shown(self.text, self.text_en, language=language)

    @property
    def lost(self) -> bool:
        """Whether the item lost points as it counts now (applicable and below its points)."""
        return ItemResult(self.code, self.points, self.score, self.critical).lost


@dataclass(frozen=True)
class ChecklistEdition:
    """A stored checklist edition (检查表版本): its ``id``, the :class:`Checklist`, the record's
    ``version`` (for the stale-save check of DESIGN §6) and how many ``visits`` were checked
    against it (an edition with visits is never rewritten: a new edition is added instead)."""

    id: int
    checklist: Checklist
    version: int
    visits: int

    @property
    def in_use(self) -> bool:
        """Whether visits were scored against this edition (then it cannot change, §8.1)."""
        return self.visits > 0


def quarters_in(session: Session) -> list[QuarterInfo]:
    """Every quarter with visits or a finalisation record, newest first."""
    visits = dict(session.execute(select(MysteryVisit.period, func.count()).group_by(MysteryVisit.period)).all())
    appeals: dict[str, list[int]] = {}
    for period, status, count in session.execute(
            select(MysteryAppeal.period, MysteryAppeal.status, func.count())
            .group_by(MysteryAppeal.period, MysteryAppeal.status)):
        bucket = appeals.setdefault(period, [0, 0])
        bucket[0] += count
        if status == AppealStatus.OPEN.value:
            bucket[1] += count
    final = {q.period: q for q in session.scalars(select(MonitoringQuarter))}
    periods = sorted(set(visits) | set(final), reverse=True)
    return [QuarterInfo(p, visits.get(p, 0), p in final, final[p].finalised_at if p in final else None,
                        final[p].finalised_by if p in final else None, *appeals.get(p, [0, 0]))
            for p in periods]


def _in(orgs: dict[str, OrgInfo], code: str, root: OrgInfo | None) -> bool:
    return root is None or (code in orgs and f"/{root.code}/" in orgs[code].path)


def _module_names(session: Session) -> dict[tuple[int, str], str]:
    return {(checklist_id, module.code): module.name for checklist_id, checklist in checklists_in(session)
            for module in checklist.modules}


def _appeal_counts(session: Session, period: str) -> dict[str, tuple[int, int]]:
    counts: dict[str, list[int]] = {}
    for visit_no, status in session.execute(select(MysteryAppeal.visit_no, MysteryAppeal.status)
                                            .where(MysteryAppeal.period == period)):
        bucket = counts.setdefault(visit_no, [0, 0])
        bucket[0] += 1
        bucket[1] += status == AppealStatus.OPEN.value
    return {k: (v[0], v[1]) for k, v in counts.items()}


def visits_in(session: Session, period: str, orgs: dict[str, OrgInfo], root: OrgInfo | None = None) -> list[VisitInfo]:
    """The visits of ``period`` at outlets of ``root``'s subtree (all when ``None``), by branch,
    outlet and 暗访编号. Scores are the frozen ones of a finalised quarter, else computed now
    (DESIGN §8.2) with the upheld appeals applied (§8.3)."""
    final = session.scalar(select(MonitoringQuarter.id).where(MonitoringQuarter.period == period)) is not None
    by_id = {o.id: o for o in orgs.values()}
    rows = session.execute(select(MysteryVisit.visit_no, MysteryVisit.outlet_id, MysteryVisit.visit_date,
                                  MysteryVisit.module_code, MysteryVisit.checklist_id, MysteryVisit.final_score)
                           .where(MysteryVisit.period == period)).all()
    counted = quarter_visits(session, period, orgs).visits
    modules = _module_names(session)
    appeals = _appeal_counts(session, period)
    found = []
    for visit_no, outlet_id, visit_date, module_code, checklist_id, final_score in rows:
        outlet = by_id[outlet_id]
        if not _in(orgs, outlet.code, root):
            continue
        branch = branch_of(orgs, outlet.code) or outlet
        data = counted.get(visit_no)
        items = data.items if data else ()
        score = final_score if final else visit_score(items)
        filed, open_ = appeals.get(visit_no, (0, 0))
        found.append(VisitInfo(visit_no, period, outlet.code, outlet.name, branch.code, branch.name, visit_date,
                               module_code, modules.get((checklist_id, module_code), module_code), score,
                               sum(1 for i in items if i.applicable), sum(1 for i in items if i.lost),
                               any(i.critical and i.lost for i in items), filed, open_))
    return sorted(found, key=lambda v: (v.branch, v.outlet, v.visit_no))


def visit_items_in(session: Session, visit_no: str, orgs: dict[str, OrgInfo]) -> tuple[OrgInfo, list[VisitItemInfo]]:
    """The outlet of visit ``visit_no`` and its items in checklist order, each with the score that
    counts now (an upheld appeal's) beside the delivered one. Raises :class:`NotFound`."""
    visit = session.scalar(select(MysteryVisit).where(MysteryVisit.visit_no == visit_no.strip()))
    if visit is None:
        raise NotFound(i18n.msg("visit.unknown", visit=visit_no))
    outlet = {o.id: o for o in orgs.values()}[visit.outlet_id]
    checklist = dict(checklists_in(session)).get(visit.checklist_id)
    appeals = {code: (status, score) for code, status, score in session.execute(
        select(MysteryAppeal.item_code, MysteryAppeal.status, MysteryAppeal.decided_score)
        .where(MysteryAppeal.visit_no == visit.visit_no))}
    items = []
    for row in session.scalars(select(MysteryVisitItem).where(MysteryVisitItem.visit_id == visit.id)
                               .order_by(MysteryVisitItem.id)):
        found = checklist.item(row.item_code) if checklist else None
        status, decided = appeals.get(row.item_code, (None, None))
        score = decided if status == AppealStatus.UPHELD.value else row.score
        items.append(VisitItemInfo(row.item_code, found[1].text if found else "", found[1].dimension if found else "",
                                   row.points, row.score, score, row.critical, row.deduction_reason, row.staff_no,
                                   row.note, status, found[1].text_en if found else ""))
    return outlet, items


def checklist_editions_in(session: Session) -> list[ChecklistEdition]:
    """Every checklist edition (oldest first) with its version and the number of visits checked
    against it."""
    versions = dict(session.execute(select(ChecklistRecord.id, ChecklistRecord.version)).all())
    used = dict(session.execute(select(MysteryVisit.checklist_id, func.count())
                                .group_by(MysteryVisit.checklist_id)).all())
    return [ChecklistEdition(i, checklist, versions.get(i, 1), used.get(i, 0)) for i, checklist in checklists_in(session)]
