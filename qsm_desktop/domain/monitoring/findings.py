"""Findings of a finalised quarter (问题发现) and their actions' due dates — DESIGN.md §8.4, §9.3.

Finalising a quarter raises findings, each with one corrective or preventive action (§8.5):

- **critical**: each visit × critical item that lost points → a corrective action (纠正) for the outlet;
- **repeat**: each outlet × item that lost points this quarter and the previous one → a preventive
  action (预防) for the outlet (防止同类问题反复发生);
- **systemic**: each branch × item that lost points at 3 or more of the branch's outlets in the
  quarter → a preventive action for the branch (举一反三);
- **complaint_repeat** (§9.3): 3 or more valid 客户投诉 with the same cause against one outlet in the
  quarter → a preventive action for the outlet.

The reasons are a rule family: data plus one protocol (:class:`FindingRule`), so a new source of
findings (a survey, a compliance check) is one more class in :data:`FINDING_RULES`. Due dates:
corrective = quarter end + 30 days, preventive = quarter end + 60 days (office settings,
:class:`DueDays`).
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from qsm_desktop.domain.complaints import ComplaintCase, repeat_complaints
from qsm_desktop.domain import names as _names  # noqa: F401  (shows reference names of stored descriptions in English)
from qsm_desktop.domain.i18n import local, register

__all__ = [
    "FINDING_RULES",
    "ActionType",
    "DueDays",
    "Finding",
    "FindingInputs",
    "FindingRule",
    "LostItem",
    "Reason",
    "Source",
    "due_date",
    "raise_findings",
]


class Reason(str, enum.Enum):
    """Why a finding was raised (DESIGN §8.4, §9.3; the JSON's ``reason``)."""

    CRITICAL = "critical"
    REPEAT = "repeat"
    SYSTEMIC = "systemic"
    COMPLAINT_REPEAT = "complaint_repeat"


class ActionType(str, enum.Enum):
    """纠正 (corrective: fix this case) or 预防 (preventive: stop it coming back)."""

    CORRECTIVE = "corrective"
    PREVENTIVE = "preventive"


class Source(str, enum.Enum):
    """Where a finding came from (the register has one for every source, §8.5)."""

    MYSTERY_VISIT = "mystery_visit"
    COMPLAINT = "complaint"


REASON_NAMES = {Reason.CRITICAL: "关键项失分", Reason.REPEAT: "重复失分", Reason.SYSTEMIC: "系统性问题",
                Reason.COMPLAINT_REPEAT: "重复投诉"}
TYPE_NAMES = {ActionType.CORRECTIVE: "纠正", ActionType.PREVENTIVE: "预防"}
SOURCE_NAMES = {Source.MYSTERY_VISIT: "神秘访客", Source.COMPLAINT: "客户投诉"}
"""Chinese names as the register and the capa_feedback template show them."""


@dataclass(frozen=True)
class LostItem:
    """An item that lost points on a visit of the quarter (after the appeal decisions): ``visit_no``,
    ``outlet`` and ``branch`` codes, ``item`` code, its ``text`` and whether it is ``critical``."""

    visit_no: str
    outlet: str
    branch: str
    item: str
    text: str = ""
    critical: bool = False


@dataclass(frozen=True)
class FindingInputs:
    """What the rules look at: the quarter's ``lost`` items, ``previous_lost`` (outlet, item) pairs
    of the previous quarter, the quarter's complaint ``cases`` with each outlet's ``branch_of``
    (outlet code → branch code), and the thresholds (``systemic_outlets``, ``repeat_complaints``)."""

    period: str
    lost: tuple[LostItem, ...] = ()
    previous_lost: frozenset[tuple[str, str]] = frozenset()
    cases: tuple[ComplaintCase, ...] = ()
    branch_of: dict[str, str] = field(default_factory=dict)
    systemic_outlets: int = 3
    repeat_complaints: int = 3


@dataclass(frozen=True)
class Finding:
    """One finding: ``reason``, the ``action_type`` it calls for, its ``source``, the ``owner``
    unit (an outlet, or a branch for a systemic one) and its ``branch``, the ``item`` / ``visit_no``
    / ``complaints`` it came from, the complaints' ``cause``, and a Chinese ``description``."""

    reason: Reason
    action_type: ActionType
    source: Source
    owner: str
    branch: str
    description: str
    item: str | None = None
    visit_no: str | None = None
    complaints: tuple[str, ...] = ()
    cause: str | None = None


class FindingRule(Protocol):
    """One reason for findings: its ``reason``, the ``action_type`` it raises, and ``find``."""

    reason: Reason
    action_type: ActionType

    def find(self, inputs: FindingInputs) -> list[Finding]:
        """The findings of this reason in ``inputs``, in a stable order."""
        ...


register({
    "finding.critical": ("暗访{visit}关键项目{item}失分：{text}", "visit {visit} lost points on critical item {item}: {text}"),
    "finding.repeat": ("项目{item}连续两个季度失分：{text}", "item {item} lost points two quarters running: {text}"),
    "finding.systemic": ("项目{item}在{n}个网点失分（{outlets}）：{text}",
                         "item {item} lost points at {n} outlets ({outlets}): {text}"),
    "finding.complaints": ("{n}件有效客户投诉同为“{cause}”（{numbers}）",
                           "{n} valid customer complaints with the same cause '{cause}' ({numbers})"),
})
"""A finding's description (问题描述), kept in both languages (issue 14)."""


class CriticalItems:
    """Each visit × critical item that lost points → corrective action for the outlet."""

    reason = Reason.CRITICAL
    action_type = ActionType.CORRECTIVE

    def find(self, inputs: FindingInputs) -> list[Finding]:
        return [Finding(self.reason, self.action_type, Source.MYSTERY_VISIT, lost.outlet, lost.branch,
                        local("finding.critical", visit=lost.visit_no, item=lost.item, text=lost.text), lost.item, lost.visit_no)
                for lost in sorted(inputs.lost, key=lambda x: (x.branch, x.outlet, x.visit_no, x.item)) if lost.critical]


class RepeatItems:
    """Each outlet × item that lost points this quarter and the previous → preventive action."""

    reason = Reason.REPEAT
    action_type = ActionType.PREVENTIVE

    def find(self, inputs: FindingInputs) -> list[Finding]:
        first: dict[tuple[str, str], LostItem] = {}
        for lost in sorted(inputs.lost, key=lambda x: (x.branch, x.outlet, x.item, x.visit_no)):
            first.setdefault((lost.outlet, lost.item), lost)
        return [Finding(self.reason, self.action_type, Source.MYSTERY_VISIT, lost.outlet, lost.branch,
                        local("finding.repeat", item=lost.item, text=lost.text), lost.item, lost.visit_no)
                for key, lost in first.items() if key in inputs.previous_lost]


class SystemicItems:
    """Each branch × item that lost points at ``systemic_outlets`` or more outlets → preventive
    action for the branch (举一反三)."""

    reason = Reason.SYSTEMIC
    action_type = ActionType.PREVENTIVE

    def find(self, inputs: FindingInputs) -> list[Finding]:
        outlets: dict[tuple[str, str], set[str]] = {}
        text: dict[str, str] = {}
        for lost in inputs.lost:
            outlets.setdefault((lost.branch, lost.item), set()).add(lost.outlet)
            text.setdefault(lost.item, lost.text)
        found = []
        for (branch, item), where in sorted(outlets.items()):
            if len(where) >= inputs.systemic_outlets:
                found.append(Finding(self.reason, self.action_type, Source.MYSTERY_VISIT, branch, branch,
                                     local("finding.systemic", item=item, n=len(where), outlets=sorted(where), text=text[item]),
                                     item))
        return found


class RepeatComplaints:
    """§9.3: ``repeat_complaints`` or more valid 客户投诉, same cause, same outlet → preventive action."""

    reason = Reason.COMPLAINT_REPEAT
    action_type = ActionType.PREVENTIVE

    def find(self, inputs: FindingInputs) -> list[Finding]:
        return [Finding(self.reason, self.action_type, Source.COMPLAINT, group.target,
                        inputs.branch_of.get(group.target, group.target),
                        local("finding.complaints", n=len(group.numbers), cause=group.cause, numbers=list(group.numbers)),
                        complaints=group.numbers, cause=group.cause)
                for group in repeat_complaints(inputs.cases, inputs.repeat_complaints)]


FINDING_RULES: tuple[FindingRule, ...] = (CriticalItems(), RepeatItems(), SystemicItems(), RepeatComplaints())
"""The reasons of DESIGN §8.4 and §9.3, in the order their actions are numbered."""


def raise_findings(inputs: FindingInputs, rules: Sequence[FindingRule] = FINDING_RULES) -> list[Finding]:
    """Every finding of the quarter, rule by rule (each rule's findings in a stable order)."""
    found: list[Finding] = []
    for rule in rules:
        found.extend(rule.find(inputs))
    return found


@dataclass(frozen=True)
class DueDays:
    """Days from the quarter's end to an action's due date, per type (office settings, §8.4)."""

    corrective: int = 30
    preventive: int = 60

    def days(self, action_type: ActionType) -> int:
        """The days for ``action_type``."""
        return self.corrective if action_type is ActionType.CORRECTIVE else self.preventive


def due_date(action_type: ActionType, quarter_end: dt.date, due_days: DueDays = DueDays()) -> dt.date:
    """An action's due date (计划完成日期): the quarter's last day + the type's days (§8.4)."""
    return quarter_end + dt.timedelta(days=due_days.days(action_type))


def count_by_reason(findings: Iterable[Finding]) -> dict[str, dict[str, int]]:
    """``{branch: {reason: count}}`` — how many findings each branch got, by reason."""
    counts: dict[str, dict[str, int]] = {}
    for finding in findings:
        bucket = counts.setdefault(finding.branch, {})
        bucket[finding.reason.value] = bucket.get(finding.reason.value, 0) + 1
    return counts
