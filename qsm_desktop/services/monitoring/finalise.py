"""Finalising a quarter (季度定稿) — DESIGN.md §8.3, §8.4, §9.3.

:func:`finalise_quarter_in` is the one write path (``qsm monitoring finalise`` and, later, the
window): refused while an appeal of the quarter is undecided; freezes the outlet, branch and bank
scores (and each visit's); raises the findings — critical, repeat, systemic (mystery visits) and
complaint_repeat (the quarter's complaint registers) — each with one numbered action and its due
date; records the quarter as final. All in the caller's transaction, audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.monitoring.appeals import AppealStatus
from qsm_desktop.domain.monitoring.findings import (
    Finding,
    FindingInputs,
    LostItem,
    Reason,
    RepeatComplaints,
    due_date,
    raise_findings,
)
from qsm_desktop.domain.normalise import period_end
from qsm_desktop.services.audit import audit
from qsm_desktop.services.capa.register import NewAction, raise_actions_in
from qsm_desktop.services.complaints.register import cases_of
from qsm_desktop.services.context import Actor
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import (
    bank_unit,
    branch_of,
    due_days,
    finalised,
    finalised_message,
    load_orgs,
    now,
    previous_quarter,
    quarter,
    require_head_office,
)
from qsm_desktop.services.monitoring.checklists import checklists_in
from qsm_desktop.services.monitoring.scores import QuarterVisits, quarter_visits
from qsm_desktop.store.bulk import insert_many, update_many
from qsm_desktop.store.models.capa import FindingRecord
from qsm_desktop.store.models.complaints import Complaint
from qsm_desktop.store.models.monitoring import MonitoringQuarter, MysteryAppeal, MysteryScore, MysteryVisit
from qsm_desktop.store.monitoring import load_settings

__all__ = ["FinaliseResult", "finalise_quarter_in", "raise_late_complaint_findings_in"]

i18n.register(
    {
        "finalise.action": ("定稿季度监测结果", "finalise a quarter's monitoring"),
        "finalise.open_appeals": (
            "{period}还有{count}项申诉未裁决，不能定稿：{appeals}",
            "{period} still has {count} undecided {count:appeal|appeals} and cannot be finalised: {appeals}",
        ),
        "finalise.no_visits": (
            "{period}还没有导入任何暗访结果或投诉登记，不能定稿（定稿后本季度不再接收暗访）：请先导入各分行的暗访结果。",
            "{period} has no mystery visits or complaints imported and cannot be finalised (a finalised quarter "
            "takes no more visits): import the branches' deliveries first.",
        ),
    }
)


@dataclass(frozen=True)
class FinaliseResult:
    """What finalising ``period`` did: ``visits`` scored, the ``bank`` score, ``findings`` per
    branch and reason (``{branch: {reason: n}}``) and the ``actions`` numbers raised."""

    period: str
    visits: int
    bank: float | None
    findings: dict[str, dict[str, int]] = field(default_factory=dict)
    actions: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """``{"period", "final": true, "visits", "bank", "findings", "actions"}``."""
        return {"period": self.period, "final": True, "visits": self.visits, "bank": self.bank,
                "findings": self.findings, "actions": list(self.actions)}


def _texts(session: Session) -> dict[str, str]:
    """Item code → its text, over every checklist edition (the latest wins)."""
    texts: dict[str, str] = {}
    for _, checklist in checklists_in(session):
        for module in checklist.modules:
            for item in module.items:
                texts[item.code] = item.text
    return texts


def _lost(visits: QuarterVisits, texts: dict[str, str]) -> tuple[LostItem, ...]:
    return tuple(LostItem(v.visit_no, v.outlet, v.branch, i.code, texts.get(i.code, ""), i.critical)
                 for v in visits.visits.values() for i in v.items if i.lost)


def finalise_quarter_in(session: Session, actor: Actor, period: str, *, at: dt.datetime | None = None) -> FinaliseResult:
    """Finalise ``period`` (a quarter) — see the module docstring.

    Raises :class:`InputRefused` (not a quarter; already final; appeals undecided, each named),
    :class:`~qsm_desktop.domain.errors.PermissionDenied` (below the head office).
    """
    period = quarter(period)
    orgs = load_orgs(session)
    require_head_office(actor, i18n.msg("finalise.action"), orgs)
    done = finalised(session, period)
    if done is not None:
        raise InputRefused(finalised_message(done))
    pending = session.execute(select(MysteryAppeal.visit_no, MysteryAppeal.item_code)
                              .where(MysteryAppeal.period == period, MysteryAppeal.status == AppealStatus.OPEN.value)
                              .order_by(MysteryAppeal.visit_no, MysteryAppeal.item_code)).all()
    if pending:
        raise InputRefused(i18n.msg("finalise.open_appeals", period=period, count=len(pending),
                                    appeals=i18n.joined(f"{v} {i}" for v, i in pending)))
    when = at or now()
    bank = bank_unit(orgs)
    visits = quarter_visits(session, period, orgs)
    if not visits.visits and session.scalar(select(Complaint.id).where(Complaint.period == period).limit(1)) is None:
        # freezing a quarter with nothing in it would lock its real deliveries out, with no undo
        raise InputRefused(i18n.msg("finalise.no_visits", period=period))
    scores = visits.scores(bank.code if bank else "000000")
    _freeze(session, period, visits, scores, orgs)

    texts = _texts(session)
    previous = quarter_visits(session, previous_quarter(period), orgs)
    settings = load_settings(session)
    outlets_branch = {code: (b.code if (b := branch_of(orgs, code)) else code) for code in orgs}
    inputs = FindingInputs(period, _lost(visits, texts),
                           frozenset((lost.outlet, lost.item) for lost in _lost(previous, texts)),
                           tuple(cases_of(session, period, orgs)), outlets_branch,
                           int(settings["systemic_outlets"]), int(settings["complaint_repeat_threshold"]))
    findings = raise_findings(inputs)
    numbers = _raise(session, actor, period, findings, orgs, when)

    session.add(MonitoringQuarter(period=period, finalised_at=when, finalised_by=actor.login))
    session.flush()
    counts: dict[str, dict[str, int]] = {}
    for finding in findings:
        bucket = counts.setdefault(finding.branch, {})
        bucket[finding.reason.value] = bucket.get(finding.reason.value, 0) + 1
    result = FinaliseResult(period, len(scores.visits), scores.bank.score if scores.bank else None, counts,
                            tuple(numbers))
    audit(session, actor, "monitoring_quarter", period, "finalise", None,
          {"visits": result.visits, "bank": result.bank, "findings": counts, "actions": len(numbers)})
    return result


def raise_late_complaint_findings_in(session: Session, actor: Actor, period: str, *,
                                     at: dt.datetime | None = None) -> list[str]:
    """A complaint register imported after its quarter was finalised (DESIGN §9.3): raise the repeat
    complaints' findings (complaint_repeat, one preventive action each) that the quarter does not
    have yet — one per outlet × 投诉原因, as finalising would have — and return the new actions'
    numbers. Nothing happens while the quarter is open (finalising raises them then). In the
    caller's transaction; the actions are audited by :func:`raise_actions_in`."""
    period = quarter(period)
    if finalised(session, period) is None:
        return []
    orgs = load_orgs(session)
    settings = load_settings(session)
    outlets_branch = {code: (b.code if (b := branch_of(orgs, code)) else code) for code in orgs}
    inputs = FindingInputs(period, cases=tuple(cases_of(session, period, orgs)), branch_of=outlets_branch,
                           repeat_complaints=int(settings["complaint_repeat_threshold"]))
    by_id = {o.id: o.code for o in orgs.values()}
    raised = {(by_id.get(unit_id), cause) for unit_id, cause in session.execute(
        select(FindingRecord.org_unit_id, FindingRecord.cause)
        .where(FindingRecord.period == period, FindingRecord.reason == Reason.COMPLAINT_REPEAT.value))}
    findings = [f for f in raise_findings(inputs, (RepeatComplaints(),)) if (f.owner, f.cause) not in raised]
    if not findings:
        return []
    return _raise(session, actor, period, findings, orgs, at or now())


def _freeze(session: Session, period: str, visits: QuarterVisits, scores, orgs: dict[str, OrgInfo]) -> None:
    """Write the quarter's outlet, branch and bank scores and each visit's score."""
    rows = []
    for level, units in (("outlet", scores.outlets.values()), ("branch", scores.branches.values()),
                         ("bank", [scores.bank] if scores.bank is not None else [])):
        for u in units:
            if u.code not in orgs:  # no 总行 in the tree: the bank's figure has no unit to file under
                continue
            rows.append({"period": period, "org_unit_id": orgs[u.code].id, "level": level, "visits": u.visits,
                         "outlets": u.outlets, "score": u.score})
    insert_many(session, MysteryScore.__table__, rows)
    update_many(session, MysteryVisit.__table__,
                [{"id": v.id, "final_score": v.score} for v in visits.visits.values()], ["final_score"])


def _raise(session: Session, actor: Actor, period: str, findings: list[Finding], orgs: dict[str, OrgInfo],
           when: dt.datetime) -> list[str]:
    """Write the findings and one action each (due dates from the office's settings)."""
    end = period_end(period)
    days = due_days(session)
    records = []
    for f in findings:
        records.append(FindingRecord(period=period, reason=f.reason.value, source=f.source.value,
                                     org_unit_id=orgs[f.owner].id, branch_id=orgs[f.branch].id, item_code=f.item,
                                     visit_no=f.visit_no, complaint_nos=list(f.complaints), cause=f.cause,
                                     description=i18n.store_text(f.description, 500), raised_at=when))
    session.add_all(records)
    session.flush()
    actions = [NewAction(r.id, f.source, f.action_type, f.reason, orgs[f.owner], orgs[f.branch], period,
                         f.description, due_date(f.action_type, end, days), f.item, f.visit_no, f.complaints)
               for r, f in zip(records, findings)]
    return raise_actions_in(session, actor, actions, year=end.year, at=when)
