"""Appeals and the head office's decisions (申诉与裁决) — DESIGN.md §8.3.

Two write paths, each used by the import handler or the command line and (later) the window:

- :func:`file_appeals_in` — a branch's appeals of a quarter (the ``mystery_appeal`` return):
  scope, the quarter open, the branch's undecided appeals of the quarter replaced, audited;
- :func:`decide_appeal_in` — uphold (full points, or a given score) or reject with a reason; never
  by someone of the outlet's branch; version-checked and audited (``decide``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.monitoring.appeals import STATUS_NAMES, AppealStatus, Decision, check_decider, decided_score
from qsm_desktop.services.audit import audit, audit_many
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import branch_of, check_version, load_orgs, now, refuse_if_finalised
from qsm_desktop.store.bulk import insert_many
from qsm_desktop.store.models.monitoring import MysteryAppeal, MysteryVisit, MysteryVisitItem

__all__ = ["AppealInfo", "NewAppeal", "appeals_of", "decide_appeal_in", "file_appeals_in"]

i18n.register(
    {
        "appeal.action": ("提交申诉", "file appeals"),
        "appeal.decide_action": ("裁决申诉", "decide appeals"),
        "appeal.unknown": ("没有对暗访{visit}项目{item}的申诉", "there is no appeal on visit {visit}, item {item}"),
    }
)


@dataclass(frozen=True)
class NewAppeal:
    """An appeal to file: 暗访编号 ``visit_no``, 项目代码 ``item_code``, 申诉理由 ``reason``,
    联系人 ``contact``, source ``row``."""

    visit_no: str
    item_code: str
    reason: str
    contact: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class AppealInfo:
    """An appeal as listed: visit, item, outlet and branch codes, reason, contact, ``status``
    (open / upheld / rejected), ``original`` (score as delivered), ``points``, ``score`` (upheld
    score), the decision's reason, who and when, and the record's ``version``."""

    visit_no: str
    item_code: str
    outlet: str
    branch: str
    period: str
    reason: str
    contact: str | None
    status: str
    original: float | None
    points: float | None
    score: float | None
    decision_reason: str | None
    decided_by: str | None
    decided_at: dt.datetime | None
    version: int

    @property
    def decision(self) -> str | None:
        """``uphold`` / ``reject`` (``None`` while open)."""
        return {AppealStatus.UPHELD.value: Decision.UPHOLD.value,
                AppealStatus.REJECTED.value: Decision.REJECT.value}.get(self.status)

    @property
    def status_name(self) -> str:
        """待裁决 / 已支持 / 已驳回."""
        return STATUS_NAMES[AppealStatus(self.status)]

    def to_json(self) -> dict[str, Any]:
        """One appeal of ``qsm monitoring appeals --json``."""
        return {"visit": self.visit_no, "item": self.item_code, "org": self.outlet, "branch": self.branch,
                "reason": self.reason, "contact": self.contact, "status": self.status, "decision": self.decision,
                "original": self.original, "score": self.score, "decision_reason": self.decision_reason,
                "decided_by": self.decided_by,
                "decided_at": self.decided_at.isoformat(sep=" ") if self.decided_at else None}


def _infos(session: Session, appeals: list[MysteryAppeal], orgs: dict[str, OrgInfo]) -> list[AppealInfo]:
    by_id = {o.id: o for o in orgs.values()}
    numbers = {a.visit_no for a in appeals}
    visits = {v.visit_no: v for v in session.scalars(select(MysteryVisit).where(MysteryVisit.visit_no.in_(numbers)))} \
        if numbers else {}
    items = {}
    if visits:
        for visit_id, code, points, score in session.execute(
                select(MysteryVisitItem.visit_id, MysteryVisitItem.item_code, MysteryVisitItem.points,
                       MysteryVisitItem.score).where(MysteryVisitItem.visit_id.in_([v.id for v in visits.values()]))):
            items[(visit_id, code)] = (points, score)
    result = []
    for a in appeals:
        visit = visits.get(a.visit_no)
        points, original = items.get((visit.id, a.item_code), (None, None)) if visit else (None, None)
        outlet = by_id[visit.outlet_id].code if visit else ""
        result.append(AppealInfo(a.visit_no, a.item_code, outlet, by_id[a.branch_id].code, a.period, a.reason, a.contact,
                                 a.status, original, points, a.decided_score, a.decision_reason, a.decided_by,
                                 a.decided_at, a.version))
    return result


def appeals_of(session: Session, period: str, orgs: dict[str, OrgInfo] | None = None,
               branch: OrgInfo | None = None) -> list[AppealInfo]:
    """The appeals of ``period`` (of one ``branch`` when given), by branch, visit and item."""
    stmt = select(MysteryAppeal).where(MysteryAppeal.period == period)
    if branch is not None:
        stmt = stmt.where(MysteryAppeal.branch_id == branch.id)
    appeals = list(session.scalars(stmt.order_by(MysteryAppeal.branch_id, MysteryAppeal.visit_no,
                                                 MysteryAppeal.item_code)))
    return _infos(session, appeals, orgs if orgs is not None else load_orgs(session))


def file_appeals_in(session: Session, actor: Actor, branch: OrgInfo, period: str, appeals: list[NewAppeal], *,
                    batch_id: int | None = None, sheet: str | None = None, at: dt.datetime | None = None) -> int:
    """Replace ``branch``'s undecided appeals of ``period`` by ``appeals`` (checked by the caller:
    the branch's visits of the quarter, items that lost points, not yet decided); returns how many.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` outside the actor's scope and
    :class:`InputRefused` when the quarter is finalised. Audit: one ``replace`` entry for the
    branch's appeals of the quarter.
    """
    require(actor, i18n.msg("appeal.action"), org_path=branch.path, org_code=branch.code)
    refuse_if_finalised(session, period)
    when = at or now()
    open_ = MysteryAppeal.status == AppealStatus.OPEN.value
    mine = (MysteryAppeal.branch_id == branch.id, MysteryAppeal.period == period)
    before = sorted(f"{v}/{i}" for v, i in session.execute(
        select(MysteryAppeal.visit_no, MysteryAppeal.item_code).where(*mine, open_)))
    session.execute(delete(MysteryAppeal).where(*mine, open_))
    insert_many(session, MysteryAppeal.__table__, [
        {"period": period, "branch_id": branch.id, "visit_no": a.visit_no, "item_code": a.item_code,
         "reason": a.reason, "contact": a.contact, "status": AppealStatus.OPEN.value, "decided_score": None,
         "decision_reason": None, "decided_by": None, "decided_at": None, "version": 1, "source_batch_id": batch_id,
         "source_sheet": sheet, "source_row": a.row}
        for a in appeals])
    audit_many(session, actor, [("mystery_appeals", f"{branch.code}/{period}", "replace" if before else "create",
                                 {"appeals": before} if before else None,
                                 {"appeals": [f"{a.visit_no}/{a.item_code}" for a in appeals]})],
               batch_id=batch_id, at=when)
    return len(appeals)


def decide_appeal_in(session: Session, actor: Actor, visit_no: str, item_code: str, decision: Decision, *,
                     score: float | None = None, reason: str | None = None, expected_version: int | None = None,
                     at: dt.datetime | None = None) -> AppealInfo:
    """Decide the appeal on ``visit_no`` × ``item_code`` (DESIGN §8.3): ``Decision.UPHOLD`` gives the
    item full points, or ``score`` (above the delivered score, at most the points);
    ``Decision.REJECT`` keeps the deduction and needs a ``reason``.

    Raises :class:`NotFound` (no such appeal), :class:`InputRefused` (already decided, quarter
    finalised, score out of range, rejection without reason),
    :class:`~qsm_desktop.domain.errors.PermissionDenied` (a decider of the outlet's branch, or
    outside the actor's scope), :class:`~qsm_desktop.domain.errors.ConflictError` (stale version).
    """
    item_code = item_code.strip().upper()
    appeal = session.scalar(select(MysteryAppeal).where(MysteryAppeal.visit_no == visit_no.strip(),
                                                        MysteryAppeal.item_code == item_code))
    if appeal is None:
        raise NotFound(i18n.msg("appeal.unknown", visit=visit_no, item=item_code))
    orgs = load_orgs(session)
    by_id = {o.id: o for o in orgs.values()}
    visit = session.scalar(select(MysteryVisit).where(MysteryVisit.visit_no == appeal.visit_no))
    item = session.scalar(select(MysteryVisitItem).where(MysteryVisitItem.visit_id == visit.id,
                                                         MysteryVisitItem.item_code == item_code)) if visit else None
    if visit is None or item is None:
        raise NotFound(i18n.msg("appeal.unknown", visit=visit_no, item=item_code))
    outlet = by_id[visit.outlet_id]
    branch = branch_of(orgs, outlet.code) or by_id[appeal.branch_id]
    require(actor, i18n.msg("appeal.decide_action"), org_path=outlet.path, org_code=outlet.code)
    scope = orgs.get(actor.org_scope) if actor.org_scope else None
    check_decider(actor.login, scope.path if scope else None, branch.code)
    check_version(appeal, expected_version)
    refuse_if_finalised(session, appeal.period)
    if appeal.status != AppealStatus.OPEN.value:
        raise InputRefused(i18n.msg("appeal.already_decided", visit=appeal.visit_no, item=item_code,
                                    decision=STATUS_NAMES[AppealStatus(appeal.status)]))
    given = decided_score(decision, item.points, item.score if item.score is not None else item.points, score, reason)
    before = {"status": appeal.status}
    appeal.status = (AppealStatus.UPHELD if decision is Decision.UPHOLD else AppealStatus.REJECTED).value
    appeal.decided_score = given
    appeal.decision_reason = (reason or "").strip() or None
    appeal.decided_by = actor.login
    appeal.decided_at = at or now()
    session.flush()
    audit(session, actor, "mystery_appeal", f"{appeal.visit_no}/{item_code}", "decide", before,
          {"status": appeal.status, "score": given, "original": item.score, "reason": appeal.decision_reason})
    return _infos(session, [appeal], orgs)[0]
