"""Recording a branch's mystery-visit delivery (登记神秘访客检查结果) — DESIGN.md §8.2.

One write path: :func:`record_visits_in` is what the ``mystery_visit`` import handler calls (and a
form entering visits by hand would): scope, the quarter still open, then the branch's visits of
the quarter are replaced by the delivery's, audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import load_orgs, now, refuse_if_finalised, require_head_office
from qsm_desktop.store.bulk import insert_many, insert_returning_ids
from qsm_desktop.store.models.monitoring import MysteryVisit, MysteryVisitItem

__all__ = ["NewVisit", "NewVisitItem", "record_visits_in", "stored_visits"]

i18n.register({"visit.action": ("登记神秘访客检查结果", "record mystery-visit results")})


@dataclass(frozen=True)
class NewVisitItem:
    """One item of a visit to record: ``item_code``, ``points``, ``score`` (``None`` = 不适用),
    ``critical`` (from the checklist), 扣分原因 ``reason``, 柜员工号 ``staff_no``, 备注 ``note``, the
    source ``row`` (1-based, ``None`` by hand)."""

    item_code: str
    points: float
    score: float | None
    critical: bool
    reason: str | None = None
    staff_no: str | None = None
    note: str | None = None
    row: int | None = None


@dataclass(frozen=True)
class NewVisit:
    """A visit to record: 暗访编号 ``visit_no``, the ``outlet``, ``visit_date``, the module's code,
    the checklist edition's id and the ``items``; the source ``row`` of its first line."""

    visit_no: str
    outlet: OrgInfo
    visit_date: dt.date
    module_code: str
    checklist_id: int
    items: tuple[NewVisitItem, ...]
    row: int | None = None


def stored_visits(session: Session, branch_id: int, period: str) -> dict[str, dict[str, float | None]]:
    """The branch's stored visits of ``period``: 暗访编号 → {item code: score as delivered}."""
    rows = session.execute(
        select(MysteryVisit.visit_no, MysteryVisitItem.item_code, MysteryVisitItem.score)
        .join(MysteryVisitItem, MysteryVisitItem.visit_id == MysteryVisit.id, isouter=True)
        .where(MysteryVisit.branch_id == branch_id, MysteryVisit.period == period)).all()
    found: dict[str, dict[str, float | None]] = {}
    for visit_no, code, score in rows:
        bucket = found.setdefault(visit_no, {})
        if code is not None:
            bucket[code] = score
    return found


def record_visits_in(session: Session, actor: Actor, branch: OrgInfo, period: str, visits: list[NewVisit], *,
                     batch_id: int | None = None, sheet: str | None = None, at: dt.datetime | None = None,
                     stored: dict[str, dict[str, float | None]] | None = None) -> int:
    """Replace ``branch``'s visits of ``period`` (canonical quarter) by ``visits`` (checked by the
    caller against the checklist and the org tree); returns the item rows written. ``stored``: the
    branch's stored visits as :func:`stored_visits` gave them earlier in the same transaction (the
    import's preview), so they are not read twice; read here when ``None``.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` outside the actor's scope or below
    the head office (the delivery is the head office's to record; on PostgreSQL its grants) and
    :class:`~qsm_desktop.domain.errors.InputRefused` when the quarter is finalised (DESIGN §8.3).
    Audit: one ``replace`` entry for the branch's delivery (visits before and after) and one
    ``update`` per visit whose scores changed.
    """
    require(actor, i18n.msg("visit.action"), org_path=branch.path, org_code=branch.code)
    if actor.org_scope:  # the agency's delivery is the head office's to record (§8.2)
        require_head_office(actor, i18n.msg("visit.action"), load_orgs(session))
    refuse_if_finalised(session, period)
    when = at or now()
    before = stored if stored is not None else stored_visits(session, branch.id, period)
    old_ids = select(MysteryVisit.id).where(MysteryVisit.branch_id == branch.id, MysteryVisit.period == period)
    session.execute(delete(MysteryVisitItem).where(MysteryVisitItem.visit_id.in_(old_ids)))
    session.execute(delete(MysteryVisit).where(MysteryVisit.branch_id == branch.id, MysteryVisit.period == period))
    ids = insert_returning_ids(session, MysteryVisit.__table__, [
        {"visit_no": v.visit_no, "period": period, "branch_id": branch.id, "outlet_id": v.outlet.id,
         "visit_date": v.visit_date, "module_code": v.module_code, "checklist_id": v.checklist_id, "final_score": None,
         "version": 1, "source_batch_id": batch_id, "source_sheet": sheet, "source_row": v.row}
        for v in visits], "visit_no")
    items = [
        {"visit_id": ids[v.visit_no], "item_code": i.item_code, "points": i.points, "score": i.score,
         "critical": i.critical, "deduction_reason": i.reason, "staff_no": i.staff_no, "note": i.note,
         "source_row": i.row}
        for v in visits for i in v.items]
    insert_many(session, MysteryVisitItem.__table__, items)
    entries = [("mystery_delivery", f"{branch.code}/{period}", "replace" if before else "create",
                {"visits": sorted(before)} if before else None, {"visits": sorted(v.visit_no for v in visits)})]
    for v in visits:
        old = before.get(v.visit_no)
        new = {i.item_code: i.score for i in v.items}
        if old is not None and old != new:
            entries.append(("mystery_visit", v.visit_no, "update", {"scores": old}, {"scores": new}))
    audit_many(session, actor, entries, batch_id=batch_id, at=when)
    return len(items)
