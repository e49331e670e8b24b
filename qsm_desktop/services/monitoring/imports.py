"""Import handlers of the monitoring returns (神秘访客报表的导入) — DESIGN.md §8.2, §8.3.

The kinds (:mod:`qsm_desktop.excel.kinds.mystery_visit`, :mod:`qsm_desktop.excel.kinds.mystery_appeal`)
read a workbook into frozen rows; these handlers take it from there in the import engine's
transaction: check against the database (each problem at its cell), preview, and write through the
same functions as the window (:func:`~.visits.record_visits_in`, :func:`~.appeals.file_appeals_in`).

神秘访客检查结果 (:class:`MysteryVisitHandler`): the reporting unit is a branch and the quarter is
not finalised; each visit is checked against the checklist edition in force on its date — its
module exists, every 项目代码 belongs to the module and its 分值 equals the item's points, and every
item of the module is there (a missing item names the visit's rows); 机构代码 is an outlet of the
branch's subtree; 柜员工号 is a staff member; 暗访编号 is not another branch's or quarter's visit.

申诉 (:class:`MysteryAppealHandler`): the reporting unit is a branch and the quarter open; each
appeal names a visit of the quarter at one of the branch's outlets, an item of that visit that
lost points, not already decided.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.monitoring.appeals import STATUS_NAMES, AppealStatus, appeal_problem
from qsm_desktop.domain.monitoring.checklists import Checklist, ChecklistModule, checklist_in_force
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.mystery_appeal import AppealRow, MysteryAppealReturn
from qsm_desktop.excel.kinds.mystery_visit import MysteryVisitReturn, VisitRow, number_text
from qsm_desktop.excel.problems import Problem
from qsm_desktop.services.import_handlers import Change, Changes, ImportContext, ImportHandler, ImportPlan, OrgInfo
from qsm_desktop.services.improvement import BRANCH_TYPE, OUTLET_TYPE, finalised
from qsm_desktop.services.monitoring.appeals import NewAppeal, file_appeals_in
from qsm_desktop.services.monitoring.checklists import checklists_in
from qsm_desktop.services.monitoring.visits import NewVisit, NewVisitItem, record_visits_in, stored_visits
from qsm_desktop.store.bulk import select_in
from qsm_desktop.store.models import Staff
from qsm_desktop.store.models.monitoring import MysteryAppeal, MysteryVisit, MysteryVisitItem

__all__ = ["AppealPlan", "MysteryAppealHandler", "MysteryVisitHandler", "VisitPlan"]


def _title(checklist: Checklist) -> i18n.LocalText:
    """The edition's title as a problem's parameter, shown in the reader's language
    (``窗口服务检查表（2007版）`` / ``Window service checklist (2007 edition)``)."""
    return i18n.local("visit.checklist_title", name=checklist.name, label=checklist.label)

i18n.register(
    {
        "visit.no_checklist": (
            "暗访日期{date}没有生效的检查表（最早的自{first}起施行）",
            "no checklist is in force on {date} (the earliest applies from {first})",
        ),
        "visit.unknown_module": (
            "服务模块“{module}”不在{checklist}中，应为：{modules}",
            "'{module}' is not a module of {checklist}; use one of: {modules}",
        ),
        "visit.item_not_in_module": (
            "项目代码{item}不属于{module}的检查表（{checklist}），应为：{items}",
            "item {item} is not on the {module} checklist ({checklist}); use one of: {items}",
        ),
        "visit.points_mismatch": (
            "项目{item}的分值应为{expected}（{checklist}），此处为{value}",
            "item {item} is worth {expected} points ({checklist}); here it says {value}",
        ),
        "visit.missing_items": (
            "暗访{visit}（第{first}–{last}行）缺少{module}检查表的项目：{items}。每次暗访须逐项填写该模块的全部项目",
            "visit {visit} (rows {first}–{last}) lacks items of the {module} checklist: {items}. A visit lists "
            "every item of its module",
        ),
        "visit.checklist_title": ("{name}（{label}）", "{name} ({label})"),
        "visit.unknown_outlet": ("机构代码{code}不存在", "there is no org unit {code}"),
        "visit.outside_branch": (
            "机构代码{code}（{name}）不在{branch}的管辖范围内",
            "{code} ({name}) is not in the subtree of {branch}",
        ),
        "visit.not_outlet": (
            "机构代码{code}（{name}）是{type}，暗访对象应为网点",
            "{code} ({name}) is a {type}; visits are made to outlets (网点)",
        ),
        "visit.unknown_staff": (
            "柜员工号{staff_no}不在员工名册中",
            "staff number {staff_no} is not on the staff roster",
        ),
        "visit.number_taken": (
            "暗访编号{visit}已是{branch}{period}的暗访，编号全行唯一",
            "visit number {visit} already belongs to {branch}'s visits of {period}; numbers are unique across the bank",
        ),
        "appeal.unknown_visit": ("没有暗访编号为{visit}的暗访结果", "there is no visit {visit}"),
        "appeal.other_period": (
            "暗访{visit}属于{period}，不是本申诉表的报告期{mine}",
            "visit {visit} belongs to {period}, not to this return's period {mine}",
        ),
        "appeal.not_own": (
            "暗访{visit}的网点{outlet}不在{branch}的管辖范围内，只能对本行网点的暗访申诉",
            "visit {visit} was made at {outlet}, outside {branch}; a branch appeals its own outlets' visits only",
        ),
        "appeal.unknown_item": ("暗访{visit}没有项目{item}", "visit {visit} has no item {item}"),
        "entity.mystery_visit": ("暗访", "mystery visits"),
        "entity.mystery_appeal": ("申诉", "appeals"),
    }
)


def _finalised_problem(session: Session, ctx: ImportContext, problems: list[Problem]) -> None:
    record = finalised(session, ctx.period) if ctx.period else None
    if record is not None:
        problems.append(Problem(None, None, "monitoring.finalised",
                                {"period": record.period, "when": record.finalised_at.isoformat(sep=" "),
                                 "who": record.finalised_by}))


def _branch_problem(ctx: ImportContext, title: str, problems: list[Problem]) -> None:
    unit = ctx.org
    if unit is not None and unit.type != BRANCH_TYPE:
        problems.append(Problem(None, None, "monitoring.not_branch",
                                {"code": unit.code, "name": unit.name, "type": unit.type, "title": title}))


# ------------------------------------------------------------------------------------------ visits

@dataclass
class VisitPlan(ImportPlan):
    """What :meth:`MysteryVisitHandler.check` found: the ``visits`` to record and, once previewed,
    the branch's stored visits of the quarter (``existing``: 暗访编号 → {item: score})."""

    visits: list[NewVisit] = field(default_factory=list)
    existing: dict[str, dict[str, float | None]] | None = None


class MysteryVisitHandler(ImportHandler[VisitPlan]):
    """神秘访客检查结果 (``mystery_visit``), recorded through :func:`~.visits.record_visits_in`."""

    kind = MysteryVisitReturn.name
    head_office_only = True  # the agency's delivery, imported by head office (DESIGN §8.2)

    def check(self, session: Session, parsed: ParsedReturn[VisitRow], ctx: ImportContext) -> VisitPlan:
        """Every check of DESIGN §8.2 that needs the checklist or the org tree (module docstring)."""
        problems = parsed.problems
        plan = VisitPlan(parsed)
        _branch_problem(ctx, MysteryVisitReturn.title, problems)
        _finalised_problem(session, ctx, problems)
        editions = checklists_in(session, ctx.cache)
        branch = ctx.org
        subtree = ctx.subtree(branch.code) if branch is not None else {}
        groups: dict[str, list[VisitRow]] = {}
        for record in parsed.records:
            if record.visit_no:
                groups.setdefault(record.visit_no, []).append(record)
        staff = {r[0] for r in select_in(session, (Staff.staff_no,), Staff.staff_no,
                                         (r.staff_no for r in parsed.records if r.staff_no), name="monitoring.staff")}
        by_id = ctx.unit_by_id()
        taken = {r.visit_no: (r.branch_id, r.period) for r in select_in(
            session, (MysteryVisit.visit_no, MysteryVisit.branch_id, MysteryVisit.period), MysteryVisit.visit_no,
            list(groups), name="monitoring.visit_numbers")}
        for record in parsed.records:
            self._check_outlet(record, subtree, branch, ctx, problems)
            if record.staff_no and record.staff_no not in staff:
                problems.append(record.row.problem("staff_no", "visit.unknown_staff", staff_no=record.staff_no))
        for visit_no, rows in groups.items():
            first = rows[0]
            other = taken.get(visit_no)
            if other is not None and branch is not None and other != (branch.id, ctx.period):
                owner = by_id.get(other[0])
                problems.append(first.row.problem("visit_no", "visit.number_taken", visit=visit_no,
                                                  branch=owner.name if owner else other[0], period=other[1]))
            found = self._module(first, editions, problems)
            if found is None:
                continue
            checklist_id, checklist, module = found
            items = self._items(rows, checklist, module, problems)
            outlet = ctx.orgs.get(first.outlet or "")
            if items is not None and outlet is not None and first.visit_date is not None:
                plan.visits.append(NewVisit(visit_no, outlet, first.visit_date, module.code, checklist_id, tuple(items),
                                            first.row.number))
        return plan

    @staticmethod
    def _check_outlet(record: VisitRow, subtree: dict[str, OrgInfo], branch: OrgInfo | None, ctx: ImportContext,
                      problems: list[Problem]) -> None:
        if record.outlet is None or branch is None:
            return
        info = ctx.orgs.get(record.outlet)
        if info is None:
            problems.append(record.row.problem("outlet", "visit.unknown_outlet", code=record.outlet))
        elif ctx.outside_scope(record.outlet):
            problems.append(ctx.scope_problem(record.row, "outlet", record.outlet))
        elif record.outlet not in subtree:
            problems.append(record.row.problem("outlet", "visit.outside_branch", code=info.code, name=info.name,
                                               branch=f"{branch.code} {branch.name}"))
        elif info.type != OUTLET_TYPE:
            problems.append(record.row.problem("outlet", "visit.not_outlet", code=info.code, name=info.name,
                                               type=info.type))

    @staticmethod
    def _module(first: VisitRow, editions: list[tuple[int, Checklist]], problems: list[Problem],
                ) -> tuple[int, Checklist, ChecklistModule] | None:
        """The checklist edition in force on the visit's date and the visit's module in it."""
        if first.visit_date is None or first.module is None:
            return None
        checklist = checklist_in_force((c for _, c in editions), first.visit_date)
        if checklist is None:
            earliest = min((c.effective_from for _, c in editions), default=None)
            problems.append(first.row.problem("visit_date", "visit.no_checklist", date=first.visit_date.isoformat(),
                                              first=earliest.isoformat() if earliest else "-"))
            return None
        checklist_id = next(i for i, c in editions if c is checklist)
        module = checklist.module(first.module)
        if module is None:
            problems.append(first.row.problem("module", "visit.unknown_module", module=first.module,
                                              checklist=_title(checklist),
                                              modules=i18n.Verbatim(m.name for m in checklist.modules)))
            return None
        return checklist_id, checklist, module

    @staticmethod
    def _items(rows: list[VisitRow], checklist: Checklist, module: ChecklistModule,
               problems: list[Problem]) -> list[NewVisitItem] | None:
        """The visit's items checked against ``module`` (``None`` when one is unusable)."""
        items: list[NewVisitItem] = []
        usable = True
        for r in rows:
            item = module.item(r.item_code) if r.item_code else None
            if item is None:
                if r.item_code:
                    problems.append(r.row.problem("item_code", "visit.item_not_in_module", item=r.item_code,
                                                  module=module.name, checklist=_title(checklist),
                                                  items=list(module.item_codes)))
                usable = False
                continue
            if r.points is not None and abs(r.points - item.points) > 1e-9:
                problems.append(r.row.problem("points", "visit.points_mismatch", item=item.code,
                                              expected=number_text(item.points), checklist=_title(checklist),
                                              value=number_text(r.points)))
                usable = False
            if not r.scored:
                usable = False
                continue
            items.append(NewVisitItem(item.code, item.points, r.score, item.critical, r.reason, r.staff_no, r.note,
                                      r.row.number))
        listed = {r.item_code for r in rows}
        missing = [code for code in module.item_codes if code not in listed]
        if missing:
            numbers = [r.row.number for r in rows]
            problems.append(rows[0].row.problem("visit_no", "visit.missing_items", visit=rows[0].visit_no,
                                                first=min(numbers), last=max(numbers), module=module.name,
                                                items=missing))
            usable = False
        return items if usable else None

    def preview(self, session: Session, plan: VisitPlan, ctx: ImportContext) -> Changes:
        """New visits, visits whose scores changed, and the branch's visits no longer delivered."""
        existing = plan.existing = stored_visits(session, ctx.org.id, ctx.period)
        changes: list[Change] = []
        for visit in plan.visits:
            label = f"{visit.visit_no} {visit.outlet.code} {visit.visit_date.isoformat()}"
            before = existing.get(visit.visit_no)
            after = {i.item_code: i.score for i in visit.items}
            if before is None:
                changes.append(Change("mystery_visit", "new", visit.visit_no, label))
            elif before != after:
                changes.append(Change("mystery_visit", "changed", visit.visit_no, label, before, after))
        listed = {v.visit_no for v in plan.visits}
        for visit_no in sorted(set(existing) - listed):
            changes.append(Change("mystery_visit", "removed", visit_no, visit_no))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: VisitPlan, ctx: ImportContext) -> int:
        """Replace the branch's visits of the quarter (audited by the write path)."""
        return record_visits_in(session, ctx.actor, ctx.org, ctx.period, plan.visits, batch_id=batch_id,
                                sheet=plan.parsed.sheet, at=ctx.now, stored=plan.existing)

    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """服务模块: the module names of the latest checklist edition."""
        if session is None:
            return {}
        editions = checklists_in(session)
        return {"module": [m.name for m in editions[-1][1].modules]} if editions else {}


# ------------------------------------------------------------------------------------------ appeals

@dataclass
class AppealPlan(ImportPlan):
    """What :meth:`MysteryAppealHandler.check` found: the ``appeals`` to file; once previewed, the
    branch's open appeals of the quarter (``existing``: (visit, item) pairs)."""

    appeals: list[NewAppeal] = field(default_factory=list)
    existing: set[tuple[str, str]] | None = None


class MysteryAppealHandler(ImportHandler[AppealPlan]):
    """申诉 (``mystery_appeal``), filed through :func:`~.appeals.file_appeals_in`."""

    kind = MysteryAppealReturn.name

    def check(self, session: Session, parsed: ParsedReturn[AppealRow], ctx: ImportContext) -> AppealPlan:
        """Every check of DESIGN §8.3 (module docstring), each problem at its cell."""
        problems = parsed.problems
        plan = AppealPlan(parsed)
        _branch_problem(ctx, MysteryAppealReturn.title, problems)
        _finalised_problem(session, ctx, problems)
        branch = ctx.org
        subtree = ctx.subtree(branch.code) if branch is not None else {}
        by_id = ctx.unit_by_id()
        numbers = {r.visit_no for r in parsed.records if r.visit_no}
        visits = {r.visit_no: r for r in select_in(
            session, (MysteryVisit.visit_no, MysteryVisit.id, MysteryVisit.period, MysteryVisit.outlet_id),
            MysteryVisit.visit_no, numbers, name="monitoring.appeal_visits")}
        items = {(r.visit_id, r.item_code): (r.points, r.score) for r in select_in(
            session, (MysteryVisitItem.visit_id, MysteryVisitItem.item_code, MysteryVisitItem.points,
                      MysteryVisitItem.score), MysteryVisitItem.visit_id, [v.id for v in visits.values()],
            name="monitoring.appeal_items")}
        decided = {(r.visit_no, r.item_code): r.status for r in select_in(
            session, (MysteryAppeal.visit_no, MysteryAppeal.item_code, MysteryAppeal.status), MysteryAppeal.visit_no,
            numbers, MysteryAppeal.status != AppealStatus.OPEN.value, name="monitoring.decided_appeals")}
        for record in parsed.records:
            if not record.visit_no or not record.item_code:
                continue
            visit = visits.get(record.visit_no)
            if visit is None:
                problems.append(record.row.problem("visit_no", "appeal.unknown_visit", visit=record.visit_no))
                continue
            outlet = by_id.get(visit.outlet_id)
            if visit.period != ctx.period:
                problems.append(record.row.problem("visit_no", "appeal.other_period", visit=record.visit_no,
                                                   period=visit.period, mine=ctx.period))
                continue
            if branch is not None and (outlet is None or outlet.code not in subtree):
                problems.append(record.row.problem("visit_no", "appeal.not_own", visit=record.visit_no,
                                                   outlet=outlet.code if outlet else "?",
                                                   branch=f"{branch.code} {branch.name}"))
                continue
            found = items.get((visit.id, record.item_code))
            if found is None:
                problems.append(record.row.problem("item_code", "appeal.unknown_item", visit=record.visit_no,
                                                   item=record.item_code))
                continue
            problem = appeal_problem(record.visit_no, record.item_code, found[0], found[1])
            if problem is not None:
                problems.append(record.row.problem("item_code", problem[0], **problem[1]))
                continue
            status = decided.get((record.visit_no, record.item_code))
            if status is not None:
                problems.append(record.row.problem("item_code", "appeal.already_decided", visit=record.visit_no,
                                                   item=record.item_code, decision=STATUS_NAMES[AppealStatus(status)]))
                continue
            plan.appeals.append(NewAppeal(record.visit_no, record.item_code, record.reason or "", record.contact,
                                          record.row.number))
        return plan

    def preview(self, session: Session, plan: AppealPlan, ctx: ImportContext) -> Changes:
        """New appeals and the branch's open appeals this return drops."""
        existing = plan.existing = {(v, i) for v, i in session.execute(
            select(MysteryAppeal.visit_no, MysteryAppeal.item_code)
            .where(MysteryAppeal.branch_id == ctx.org.id, MysteryAppeal.period == ctx.period,
                   MysteryAppeal.status == AppealStatus.OPEN.value))}
        listed = {(a.visit_no, a.item_code) for a in plan.appeals}
        changes = [Change("mystery_appeal", "new", f"{a.visit_no}/{a.item_code}", f"{a.visit_no} {a.item_code}")
                   for a in plan.appeals if (a.visit_no, a.item_code) not in existing]
        changes += [Change("mystery_appeal", "removed", f"{v}/{i}", f"{v} {i}") for v, i in sorted(existing - listed)]
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: AppealPlan, ctx: ImportContext) -> int:
        """File the appeals (audited by the write path)."""
        return file_appeals_in(session, ctx.actor, ctx.org, ctx.period, plan.appeals, batch_id=batch_id,
                               sheet=plan.parsed.sheet, at=ctx.now)
