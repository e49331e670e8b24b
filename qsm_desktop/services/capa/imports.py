"""Import handler of the action feedback (整改反馈表的导入) — DESIGN.md §8.5.

The kind (:mod:`qsm_desktop.excel.kinds.capa_feedback`) reads the branch's rows; this handler checks
them against the register — each 整改编号 is an action owned in the reporting unit's subtree (the
机构代码 listed, when given, is its owner), not closed; 实际完成日期 not after today — previews what
changes and records each row's progress through :func:`~.register.record_progress_in`, the window's
write path. The template (:meth:`CapaFeedbackHandler.template_rows`) lists every action of the
subtree that is not closed, whatever quarter raised it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from qsm_desktop.domain.i18n import render_text
from qsm_desktop.domain import i18n
from qsm_desktop.domain.capa import ActionStatus
from qsm_desktop.domain.errors import ConflictError
from qsm_desktop.domain.monitoring.findings import SOURCE_NAMES, TYPE_NAMES, ActionType, Source
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.capa_feedback import CapaFeedbackReturn, FeedbackRow
from qsm_desktop.services.capa.register import ActionInfo, Progress, action_infos, record_progress_in
from qsm_desktop.services.import_handlers import Change, Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.store.bulk import select_in
from qsm_desktop.store.models.capa import CapaAction

__all__ = ["CapaFeedbackHandler", "FeedbackPlan"]

i18n.register(
    {
        "capa.unknown_number": ("整改编号{number}不存在", "there is no action {number}"),
        "capa.outside": (
            "整改{number}属于{org}，不在{unit}的管辖范围内",
            "action {number} belongs to {org}, outside {unit}",
        ),
        "capa.org_mismatch": (
            "整改{number}的责任机构是{owner}，此处写的是{org}",
            "action {number} is owned by {owner}; this row says {org}",
        ),
        "capa.future": (
            "实际完成日期{date}晚于导入日期{today}",
            "the completion date {date} is after the import date {today}",
        ),
        "entity.capa_action": ("整改", "actions"),
    }
)


@dataclass
class FeedbackPlan(ImportPlan):
    """What :meth:`CapaFeedbackHandler.check` found: the rows to record with the action each names
    (``rows``: (row, :class:`ActionInfo`)), the rows that change something."""

    rows: list[tuple[FeedbackRow, ActionInfo]] = field(default_factory=list)


def _changed(record: FeedbackRow, action: ActionInfo) -> dict[str, tuple]:
    """Field → (before, after) of what the row changes."""
    found = {}
    for name in ("measures", "responsible", "completed", "result"):
        value = getattr(record, name)
        if value is not None and value != getattr(action, name):
            found[name] = (getattr(action, name), value)
    return found


class CapaFeedbackHandler(ImportHandler[FeedbackPlan]):
    """整改反馈表 (``capa_feedback``), recorded through :func:`~.register.record_progress_in`."""

    kind = CapaFeedbackReturn.name

    def check(self, session: Session, parsed: ParsedReturn[FeedbackRow], ctx: ImportContext) -> FeedbackPlan:
        """Each 整改编号 an open action of the reporting unit's subtree; completion not after today."""
        problems = parsed.problems
        plan = FeedbackPlan(parsed)
        unit = ctx.org
        subtree = ctx.subtree(unit.code) if unit is not None else {}
        numbers = [r.number for r in parsed.records if r.number]
        records = select_in(session, (CapaAction.__table__,), CapaAction.number, numbers, name="capa.by_number")
        by_id = ctx.unit_by_id()
        wanted = {r.number: r for r in records}
        infos = {a.number: a for a in action_infos(records, ctx.orgs)}
        today = ctx.now.date()
        for record in parsed.records:
            if not record.number:
                continue
            if record.org is not None and ctx.outside_scope(record.org):
                problems.append(ctx.scope_problem(record.row, "org", record.org))
                continue
            action = infos.get(record.number)
            if action is None or record.number not in wanted:
                problems.append(record.row.problem("number", "capa.unknown_number", number=record.number))
                continue
            owner = by_id.get(wanted[record.number].org_unit_id)
            if owner is not None and ctx.outside_scope(owner.code):
                problems.append(ctx.scope_problem(record.row, "number", owner.code))
                continue
            if unit is not None and (owner is None or owner.code not in subtree):
                problems.append(record.row.problem("number", "capa.outside", number=record.number, org=action.org,
                                                   unit=f"{unit.code} {unit.name}"))
                continue
            if record.org is not None and record.org != action.org:
                problems.append(record.row.problem("org", "capa.org_mismatch", number=record.number,
                                                   owner=action.org, org=record.org))
            if action.status == ActionStatus.CLOSED.value and _changed(record, action):
                problems.append(record.row.problem("number", "capa.closed", number=record.number))
                continue
            if record.completed is not None and record.completed > today:
                problems.append(record.row.problem("completed", "capa.future", date=record.completed.isoformat(),
                                                   today=today.isoformat()))
                continue
            if _changed(record, action):
                plan.rows.append((record, action))
        return plan

    def preview(self, session: Session, plan: FeedbackPlan, ctx: ImportContext) -> Changes:
        """Each action whose feedback changes (before → after)."""
        changes = []
        for record, action in plan.rows:
            changed = _changed(record, action)
            changes.append(Change("capa_action", "changed", action.number, f"{action.number} {action.org_name}",
                                  {k: v[0] for k, v in changed.items()}, {k: v[1] for k, v in changed.items()}))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: FeedbackPlan, ctx: ImportContext) -> int:
        """Record each row's progress (version-checked against what was checked, audited)."""
        for record, action in plan.rows:
            try:
                record_progress_in(session, ctx.actor, action.number,
                                   Progress(record.measures, record.responsible, record.completed, record.result),
                                   expected_version=action.version, batch_id=batch_id, sheet=plan.parsed.sheet,
                                   row=record.row.number, at=ctx.now)
            except ConflictError as exc:
                raise StaleDataError(str(exc)) from exc
        return len(plan.rows)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """Every action of the unit's subtree that is not closed, whatever quarter raised it (§8.5)."""
        if session is None or ctx.org is None:
            return []
        from qsm_desktop.services.capa import actions_in

        rows = []
        for n, a in enumerate(actions_in(session, ctx.orgs, root=ctx.org, open_only=True), start=1):
            rows.append({"seq": n, "number": a.number, "org": a.org, "source": SOURCE_NAMES[Source(a.source)],
                         "description": render_text(a.description), "type": TYPE_NAMES[ActionType(a.type)], "due": a.due,
                         "measures": a.measures, "responsible": a.responsible, "completed": a.completed,
                         "result": a.result})
        return rows

