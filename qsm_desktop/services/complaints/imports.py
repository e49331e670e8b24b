"""Import handler of the complaint register (投诉登记表的导入) — DESIGN.md §9.1.

The kind (:mod:`qsm_desktop.excel.kinds.complaints`) reads the register into frozen rows; this
handler checks them against the reference data and the org tree, each problem at its cell: the
reporting unit is a branch; 受理渠道, 业务类型 and 投诉原因 come from the classification; 复杂程度 is a
deadline class of the complaint's category, and where the class needs the extension's approval
备注 records it; a 客户投诉's 被投诉机构 is in the branch's subtree, a 内部投诉's is a head-office
department; 投诉编号 is not another branch's or quarter's complaint. The register replaces the
branch's earlier one for the quarter through :func:`~.register.record_complaints_in`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.complaints import CUSTOMER, INTERNAL, ComplaintRules
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.excel.kinds.complaints import ComplaintRow, ComplaintsReturn
from qsm_desktop.excel.problems import Problem
from qsm_desktop.services.complaints.register import NewComplaint, record_complaints_in, stored_complaints
from qsm_desktop.services.import_handlers import Change, Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.services.improvement import BRANCH_TYPE, DEPARTMENT_TYPE
from qsm_desktop.services.monitoring.finalise import raise_late_complaint_findings_in
from qsm_desktop.store.bulk import select_in
from qsm_desktop.store.models.complaints import Complaint
from qsm_desktop.store.monitoring import load_complaint_rules

__all__ = ["ComplaintsHandler", "ComplaintsPlan"]

i18n.register(
    {
        "complaint.not_in_list": (
            "“{value}”不是有效的{title}，应为：{choices}",
            "'{value}' is not a valid {title}; use one of: {choices}",
        ),
        "complaint.class_category": (
            "复杂程度“{value}”不适用于{category}，应为：{choices}",
            "deadline class '{value}' does not apply to {category}; use one of: {choices}",
        ),
        "complaint.approval": (
            "复杂程度为{value}（{days}天）须在备注中写明延期审批情况（如“延期审批：已经分行分管行长批准”）",
            "the {value} class ({days} days) needs the extension's approval recorded in 备注 (e.g. '延期审批：…批准')",
        ),
        "complaint.unknown_target": ("被投诉机构代码{code}不存在", "there is no org unit {code}"),
        "complaint.outside_branch": (
            "被投诉机构{code}（{name}）不在{branch}的管辖范围内",
            "{code} ({name}) is outside {branch}",
        ),
        "complaint.not_department": (
            "内部投诉的被投诉机构应为总行部门，{code}（{name}）是{type}",
            "an internal complaint is about a head-office department; {code} ({name}) is a {type}",
        ),
        "complaint.number_taken": (
            "投诉编号{number}已登记在{branch}{period}的投诉登记表中，编号全行唯一",
            "complaint {number} is already registered by {branch} for {period}; numbers are unique across the bank",
        ),
        "entity.complaint": ("投诉", "complaints"),
    }
)

_TITLES = {"channel": "受理渠道", "business_type": "业务类型", "cause": "投诉原因"}


@dataclass
class ComplaintsPlan(ImportPlan):
    """What :meth:`ComplaintsHandler.check` found: the ``complaints`` to register; once previewed,
    the branch's stored complaints of the quarter (``existing``)."""

    complaints: list[NewComplaint] = field(default_factory=list)
    existing: dict[str, tuple] | None = None


def _rules(session: Session, ctx: ImportContext) -> ComplaintRules:
    if "complaints.rules" not in ctx.cache:
        ctx.cache["complaints.rules"] = load_complaint_rules(session)
    return ctx.cache["complaints.rules"]


class ComplaintsHandler(ImportHandler[ComplaintsPlan]):
    """投诉登记表 (``complaints``), registered through :func:`~.register.record_complaints_in`."""

    kind = ComplaintsReturn.name

    def check(self, session: Session, parsed: ParsedReturn[ComplaintRow], ctx: ImportContext) -> ComplaintsPlan:
        """Every check of DESIGN §9.1 that needs the reference data or the org tree."""
        problems = parsed.problems
        plan = ComplaintsPlan(parsed)
        branch = ctx.org
        if branch is not None and branch.type != BRANCH_TYPE:
            problems.append(Problem(None, None, "monitoring.not_branch", {"code": branch.code, "name": branch.name,
                                                                          "type": branch.type,
                                                                          "title": ComplaintsReturn.title}))
        rules = _rules(session, ctx)
        lists = {"channel": rules.channels, "business_type": rules.business_types, "cause": rules.causes}
        subtree = ctx.subtree(branch.code) if branch is not None else {}
        by_id = ctx.unit_by_id()
        taken = {r.number: (r.branch_id, r.period) for r in select_in(
            session, (Complaint.number, Complaint.branch_id, Complaint.period), Complaint.number,
            (r.number for r in parsed.records if r.number), name="complaints.numbers")}
        for record in parsed.records:
            usable = True
            for name, values in lists.items():
                value = getattr(record, name)
                if value is not None and value not in values:
                    problems.append(record.row.problem(name, "complaint.not_in_list", value=value, title=_TITLES[name],
                                                       choices=i18n.Verbatim(values)))
                    usable = False
            deadline = rules.deadline_class(record.complexity) if record.complexity else None
            if record.complexity and record.category:
                fitting = rules.classes_for(record.category)
                if deadline is None or deadline not in fitting:
                    problems.append(record.row.problem("complexity", "complaint.class_category",
                                                       value=record.complexity, category=record.category,
                                                       choices=i18n.Verbatim(c.name for c in fitting)))
                    deadline = None
                elif not deadline.approval_recorded(record.note):
                    problems.append(record.row.problem("note", "complaint.approval", value=deadline.name,
                                                       days=deadline.days))
            target = self._target(record, subtree, branch, ctx, problems)
            if record.number and branch is not None:
                other = taken.get(record.number)
                if other is not None and other != (branch.id, ctx.period):
                    owner = by_id.get(other[0])
                    problems.append(record.row.problem("number", "complaint.number_taken", number=record.number,
                                                       branch=owner.name if owner else other[0], period=other[1]))
            if usable and deadline is not None and target is not None and None not in (
                    record.number, record.category, record.received, record.valid):
                plan.complaints.append(NewComplaint(
                    record.number, record.category, record.received, record.channel, record.business_type,
                    record.cause, target, record.valid, deadline, record.staff_no, record.summary, record.closed,
                    record.result, record.note, record.row.number))
        return plan

    @staticmethod
    def _target(record: ComplaintRow, subtree, branch, ctx: ImportContext, problems: list[Problem]):
        """The unit complained about: in the branch's subtree (客户投诉) or a head-office department (内部投诉)."""
        if record.target is None:
            return None
        info = ctx.orgs.get(record.target)
        if info is None:
            problems.append(record.row.problem("target", "complaint.unknown_target", code=record.target))
            return None
        if record.category == INTERNAL and info.type != DEPARTMENT_TYPE:
            problems.append(record.row.problem("target", "complaint.not_department", code=info.code, name=info.name,
                                               type=info.type))
            return None
        if record.category == CUSTOMER and ctx.outside_scope(info.code):
            problems.append(ctx.scope_problem(record.row, "target", info.code))
            return None
        if record.category == CUSTOMER and branch is not None and info.code not in subtree:
            problems.append(record.row.problem("target", "complaint.outside_branch", code=info.code, name=info.name,
                                               branch=f"{branch.code} {branch.name}"))
            return None
        return info

    def preview(self, session: Session, plan: ComplaintsPlan, ctx: ImportContext) -> Changes:
        """New complaints, changed ones (validity, closing date, class) and those no longer listed."""
        existing = plan.existing = stored_complaints(session, ctx.org.id, ctx.period)
        changes: list[Change] = []
        for c in plan.complaints:
            before = existing.get(c.number)
            after = (c.valid, c.closed, c.deadline.name)
            label = f"{c.number} {c.target.code} {c.cause}"
            if before is None:
                changes.append(Change("complaint", "new", c.number, label))
            elif before != after:
                changes.append(Change("complaint", "changed", c.number, label,
                                      dict(zip(("valid", "closed", "class"), before)),
                                      dict(zip(("valid", "closed", "class"), after))))
        listed = {c.number for c in plan.complaints}
        changes += [Change("complaint", "removed", n, n) for n in sorted(set(existing) - listed)]
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: ComplaintsPlan, ctx: ImportContext) -> int:
        """Replace the branch's register of the quarter (audited by the write path); for a quarter
        already finalised, raise the repeat complaints' actions it now calls for (§9.3)."""
        count = record_complaints_in(session, ctx.actor, ctx.org, ctx.period, plan.complaints, batch_id=batch_id,
                                     sheet=plan.parsed.sheet, at=ctx.now)
        raise_late_complaint_findings_in(session, ctx.actor, ctx.period, at=ctx.now)
        return count

    def template_choices(self, session: Session | None) -> dict[str, list[str]]:
        """Drop-downs from the reference data: channels, business types, causes, deadline classes."""
        if session is None:
            return {}
        rules = load_complaint_rules(session)
        return {"channel": list(rules.channels), "business_type": list(rules.business_types),
                "cause": list(rules.causes), "complexity": [c.name for c in rules.deadline_classes]}
