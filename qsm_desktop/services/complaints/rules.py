"""Editing the complaint reference data (投诉参考数据维护) — DESIGN.md §9.1.

Deadline classes are data the office edits (regulators and eras differ): :func:`save_deadline_class_in`
is the one write path (the complaints page, later) — head office only, version-checked, audited.
A case keeps the class it was filed under: its days were copied onto it when it was registered,
so an edit applies to complaints registered afterwards.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.complaints import CATEGORIES, DeadlineClass
from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.services.audit import audit
from qsm_desktop.services.context import Actor
from qsm_desktop.services.improvement import check_version, load_orgs, require_head_office
from qsm_desktop.store.models.complaints import DeadlineClassRecord

__all__ = ["save_deadline_class_in"]

i18n.register(
    {
        "complaint.rules_action": ("维护投诉处理时限", "edit the complaint deadline classes"),
        "complaint.class_invalid": (
            "处理时限“{name}”无效：须有名称、适用类别（{categories}）和大于0的天数",
            "deadline class '{name}' is not valid: it needs a name, a category ({categories}) and days above 0",
        ),
    }
)


def save_deadline_class_in(session: Session, actor: Actor, deadline: DeadlineClass, *,
                           expected_version: int | None = None) -> int:
    """Add the deadline class ``deadline`` or update the one of the same name (seen at
    ``expected_version``); returns its version.

    Raises :class:`InputRefused` (no name, a category other than 客户投诉/内部投诉, days ≤ 0),
    :class:`~qsm_desktop.domain.errors.PermissionDenied` (below the head office),
    :class:`~qsm_desktop.domain.errors.ConflictError` (stale version). Audit ``create``/``update``.
    """
    require_head_office(actor, i18n.msg("complaint.rules_action"), load_orgs(session))
    name = deadline.name.strip()
    if not name or deadline.applies_to not in CATEGORIES or deadline.days <= 0:
        raise InputRefused(i18n.msg("complaint.class_invalid", name=name, categories=list(CATEGORIES)))
    after = {"applies_to": deadline.applies_to, "days": deadline.days, "needs_approval": deadline.needs_approval,
             "approval_words": list(deadline.approval_words)}
    record = session.scalar(select(DeadlineClassRecord).where(DeadlineClassRecord.name == name))
    if record is None:
        order = (session.scalar(select(func.max(DeadlineClassRecord.sort_order))) or 0) + 1
        record = DeadlineClassRecord(name=name, sort_order=order, **after)
        session.add(record)
        session.flush()
        audit(session, actor, "deadline_class", name, "create", None, after)
        return record.version
    check_version(record, expected_version)
    before = {"applies_to": record.applies_to, "days": record.days, "needs_approval": record.needs_approval,
              "approval_words": list(record.approval_words or ())}
    if before != after:
        for key, value in after.items():
            setattr(record, key, value)
        session.flush()
        audit(session, actor, "deadline_class", name, "update", before, after)
    return record.version
