"""The complaint register (投诉登记) — DESIGN.md §9.1.

One write path, :func:`record_complaints_in`: what the ``complaints`` import handler calls (and a
form registering a complaint by hand would): scope, then the branch's complaints of the quarter
are replaced by the register's (a resubmission supersedes the earlier return), each keeping the
deadline class it was filed under (its days copied), audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.complaints import ComplaintCase, DeadlineClass
from qsm_desktop.services.audit import audit_many
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import now
from qsm_desktop.store.bulk import insert_many
from qsm_desktop.store.models.complaints import Complaint

__all__ = ["NewComplaint", "cases_of", "record_complaints_in", "stored_complaints"]

i18n.register({"complaint.action": ("登记投诉", "register complaints")})


@dataclass(frozen=True)
class NewComplaint:
    """A complaint to register (the fields of §9.1, checked by the caller): ``target`` the unit
    complained about, ``deadline`` the class it is filed under; ``row`` its source row."""

    number: str
    category: str
    received: dt.date
    channel: str
    business_type: str
    cause: str
    target: OrgInfo
    valid: bool
    deadline: DeadlineClass
    staff_no: str | None = None
    summary: str | None = None
    closed: dt.date | None = None
    result: str | None = None
    note: str | None = None
    row: int | None = None


def stored_complaints(session: Session, branch_id: int, period: str) -> dict[str, tuple]:
    """The branch's registered complaints of ``period``: 投诉编号 → (valid, closed, class name)."""
    return {n: (v, c, k) for n, v, c, k in session.execute(
        select(Complaint.number, Complaint.valid, Complaint.closed, Complaint.class_name)
        .where(Complaint.branch_id == branch_id, Complaint.period == period))}


def record_complaints_in(session: Session, actor: Actor, branch: OrgInfo, period: str,
                         complaints: list[NewComplaint], *, batch_id: int | None = None, sheet: str | None = None,
                         at: dt.datetime | None = None) -> int:
    """Replace ``branch``'s complaints of ``period`` by ``complaints``; returns how many.

    Raises :class:`~qsm_desktop.domain.errors.PermissionDenied` outside the actor's scope. Audit:
    one ``replace`` entry for the register and one ``update`` per complaint whose validity,
    closing date or class changed.
    """
    require(actor, i18n.msg("complaint.action"), org_path=branch.path, org_code=branch.code)
    when = at or now()
    before = stored_complaints(session, branch.id, period)
    session.execute(delete(Complaint).where(Complaint.branch_id == branch.id, Complaint.period == period))
    insert_many(session, Complaint.__table__, [
        {"number": c.number, "period": period, "branch_id": branch.id, "category": c.category, "received": c.received,
         "channel": c.channel, "business_type": c.business_type, "cause": c.cause, "target_id": c.target.id,
         "staff_no": c.staff_no, "summary": c.summary, "valid": c.valid, "class_name": c.deadline.name,
         "class_days": c.deadline.days, "closed": c.closed, "result": c.result, "note": c.note, "version": 1,
         "source_batch_id": batch_id, "source_sheet": sheet, "source_row": c.row}
        for c in complaints])
    entries = [("complaint_register", f"{branch.code}/{period}", "replace" if before else "create",
                {"complaints": sorted(before)} if before else None,
                {"complaints": sorted(c.number for c in complaints)})]
    for c in complaints:
        old = before.get(c.number)
        new = (c.valid, c.closed, c.deadline.name)
        if old is not None and old != new:
            entries.append(("complaint", c.number, "update",
                            {"valid": old[0], "closed": old[1], "class": old[2]},
                            {"valid": new[0], "closed": new[1], "class": new[2]}))
    audit_many(session, actor, entries, batch_id=batch_id, at=when)
    return len(complaints)


def cases_of(session: Session, period: str, orgs: dict[str, OrgInfo]) -> list[ComplaintCase]:
    """Every complaint of ``period`` (all branches' registers) as domain cases."""
    by_id = {o.id: o for o in orgs.values()}
    return [ComplaintCase(c.number, c.category, c.received, c.channel, c.cause, by_id[c.target_id].code, c.valid,
                          c.class_name, c.class_days, c.closed)
            for c in session.scalars(select(Complaint).where(Complaint.period == period).order_by(Complaint.number))]
