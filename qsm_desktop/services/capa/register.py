"""The register of corrective and preventive actions (纠正预防措施登记) — DESIGN.md §8.5.

The write paths, each checking scope, rules and version and auditing:

- :func:`raise_actions_in` — numbered actions for findings (finalising a quarter; later surveys,
  compliance checks, committee decisions);
- :func:`record_progress_in` — a branch's progress on one action (the ``capa_feedback`` return,
  or the window): measures, responsible, completion date (→ 待验证), result;
- :func:`verify_action_in` — the head office's verification: effective → 已关闭, ineffective →
  back to 待整改.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from qsm_desktop.domain.i18n import load_text, store_text
from qsm_desktop.domain import i18n
from qsm_desktop.domain.capa import (
    ActionState,
    ActionStatus,
    format_number,
    status_after_progress,
    status_after_verification,
)
from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.monitoring.findings import ActionType, Reason, Source
from qsm_desktop.services.audit import audit, audit_many
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.import_handlers import OrgInfo
from qsm_desktop.services.improvement import check_version, load_orgs, now, require_head_office
from qsm_desktop.store.models.capa import CapaAction, CapaCounter
from qsm_desktop.store.monitoring import load_settings

__all__ = ["ActionInfo", "NewAction", "Progress", "action_infos", "raise_actions_in", "record_progress_in",
           "verify_action_in"]

i18n.register(
    {
        "capa.unknown": ("没有整改编号{number}", "there is no action {number}"),
        "capa.progress_action": ("反馈整改进展", "report progress on actions"),
        "capa.verify_action": ("验证整改", "verify actions"),
        "capa.raise_action": ("下达整改", "raise actions"),
        "capa.future_completion": (
            "实际完成日期{date}晚于今天{today}",
            "the completion date {date} is after today ({today})",
        ),
    }
)


@dataclass(frozen=True)
class NewAction:
    """An action to raise: ``finding_id``, ``source``, ``type``, ``reason``, the ``owner`` unit and
    its ``branch``, ``period`` raised, item / visit / complaints it came from, ``description``,
    ``due`` date."""

    finding_id: int | None
    source: Source
    type: ActionType
    reason: Reason
    owner: OrgInfo
    branch: OrgInfo
    period: str
    description: str
    due: dt.date
    item_code: str | None = None
    visit_no: str | None = None
    complaint_nos: tuple[str, ...] = ()


@dataclass(frozen=True)
class Progress:
    """A branch's progress on an action: 整改措施 ``measures``, 责任人 ``responsible``, 实际完成日期
    ``completed``, 整改结果 ``result`` (``None`` = not given, left as it was)."""

    measures: str | None = None
    responsible: str | None = None
    completed: dt.date | None = None
    result: str | None = None


@dataclass(frozen=True)
class ActionInfo:
    """An action as listed (DESIGN §7 ``capa list``): number, source, type, reason, owner ``org``
    (code and name) and ``branch``, item, visit, complaints, period, description, due date, status,
    the branch's feedback, the verification and the record's version."""

    number: str
    source: str
    type: str
    reason: str
    org: str
    org_name: str
    branch: str
    item: str | None
    visit: str | None
    complaints: tuple[str, ...]
    period: str
    description: str
    due: dt.date
    status: str
    measures: str | None
    responsible: str | None
    completed: dt.date | None
    result: str | None
    verified_by: str | None
    verified_on: dt.date | None
    effective: bool | None
    version: int = field(default=1, compare=False)

    @property
    def state(self) -> ActionState:
        """What the as-of figures need (§8.5)."""
        return ActionState(self.due, self.completed, self.verified_on, self.effective)

    def to_json(self) -> dict[str, Any]:
        """One action of ``qsm capa list --json`` (DESIGN §7); ``verified`` is the verification date
        of an effective verification (``None`` otherwise)."""
        return {"number": self.number, "source": self.source, "type": self.type, "reason": self.reason,
                "org": self.org, "item": self.item, "visit": self.visit, "period": self.period,
                "due": self.due.isoformat(), "status": self.status,
                "completed": self.completed.isoformat() if self.completed else None,
                "verified": self.verified_on.isoformat() if self.verified_on and self.effective else None}


def action_infos(records: list[CapaAction], orgs: dict[str, OrgInfo]) -> list[ActionInfo]:
    """The records as :class:`ActionInfo`, in the order given."""
    by_id = {o.id: o for o in orgs.values()}
    return [ActionInfo(a.number, a.source, a.type, a.reason, by_id[a.org_unit_id].code, by_id[a.org_unit_id].name,
                       by_id[a.branch_id].code, a.item_code, a.visit_no, tuple(a.complaint_nos or ()), a.period,
                       load_text(a.description), a.due, a.status, a.measures, a.responsible, a.completed, a.result, a.verified_by,
                       a.verified_on, a.effective, a.version) for a in records]


def _next_numbers(session: Session, year: int, count: int) -> list[str]:
    """``count`` new numbers for ``year`` under the office's pattern (the year's counter advanced)."""
    pattern = str(load_settings(session)["action_number_pattern"])
    # one atomic statement: two finalisings at once never draw the same numbers
    last = session.execute(update(CapaCounter).where(CapaCounter.year == year)
                           .values(last=CapaCounter.last + count).returning(CapaCounter.last)).scalar()
    if last is None:
        session.execute(insert(CapaCounter).values(year=year, last=count))
        last = count
    first = last - count + 1
    return [format_number(pattern, year, seq) for seq in range(first, first + count)]


def raise_actions_in(session: Session, actor: Actor, actions: list[NewAction], *, year: int,
                     at: dt.datetime | None = None) -> list[str]:
    """Register ``actions`` (status 待整改) with the next numbers of ``year``; returns the numbers in
    the order given. Head office only (:class:`~qsm_desktop.domain.errors.PermissionDenied`).
    Audit: one ``raise`` entry per action."""
    if not actions:
        return []
    require_head_office(actor, i18n.msg("capa.raise_action"), load_orgs(session))
    when = at or now()
    numbers = _next_numbers(session, year, len(actions))
    records = [CapaAction(number=number, finding_id=a.finding_id, source=a.source.value, type=a.type.value,
                          reason=a.reason.value, org_unit_id=a.owner.id, branch_id=a.branch.id, period=a.period,
                          item_code=a.item_code, visit_no=a.visit_no, complaint_nos=list(a.complaint_nos),
                          description=store_text(a.description, 500), due=a.due, status=ActionStatus.OPEN.value, raised_at=when)
               for number, a in zip(numbers, actions)]
    session.add_all(records)
    session.flush()
    audit_many(session, actor, [("capa_action", r.number, "raise", None,
                                 {"reason": r.reason, "type": r.type, "org": a.owner.code, "due": r.due,
                                  "period": r.period}) for r, a in zip(records, actions)], batch_id=None, at=when)
    return numbers


def _action(session: Session, number: str) -> CapaAction:
    record = session.scalar(select(CapaAction).where(CapaAction.number == number.strip()))
    if record is None:
        raise NotFound(i18n.msg("capa.unknown", number=number))
    return record


def _fields(record: CapaAction) -> dict[str, Any]:
    return {"status": record.status, "measures": record.measures, "responsible": record.responsible,
            "completed": record.completed, "result": record.result}


def record_progress_in(session: Session, actor: Actor, number: str, progress: Progress, *,
                       expected_version: int | None = None, batch_id: int | None = None, sheet: str | None = None,
                       row: int | None = None, at: dt.datetime | None = None) -> bool:
    """Record a branch's ``progress`` on action ``number`` (DESIGN §8.5): the given fields replace
    the stored ones; a completion date moves the action to 待验证. Returns whether anything changed.

    Raises :class:`NotFound`, :class:`InputRefused` (closed action; completion after today),
    :class:`~qsm_desktop.domain.errors.PermissionDenied` (owner outside the actor's scope),
    :class:`~qsm_desktop.domain.errors.ConflictError` (stale version). Audit ``feedback``.
    """
    record = _action(session, number)
    orgs = load_orgs(session)
    owner = {o.id: o for o in orgs.values()}[record.org_unit_id]
    require(actor, i18n.msg("capa.progress_action"), org_path=owner.path, org_code=owner.code)
    check_version(record, expected_version)
    when = at or now()
    if progress.completed is not None and progress.completed > when.date():
        raise InputRefused(i18n.msg("capa.future_completion", date=progress.completed.isoformat(),
                                    today=when.date().isoformat()))
    before = _fields(record)
    completed = progress.completed if progress.completed is not None else record.completed
    status = status_after_progress(record.number, record.status, progress.completed)
    for name in ("measures", "responsible", "result"):
        value = getattr(progress, name)
        if value is not None:
            setattr(record, name, value)
    record.completed = completed
    record.status = status
    after = _fields(record)
    if after == before:
        return False
    if batch_id is not None:
        record.source_batch_id, record.source_sheet, record.source_row = batch_id, sheet, row
    session.flush()
    audit(session, actor, "capa_action", record.number, "feedback", before, after, batch_id=batch_id)
    return True


def verify_action_in(session: Session, actor: Actor, number: str, effective: bool, *, on: dt.date | None = None,
                     expected_version: int | None = None, at: dt.datetime | None = None) -> ActionInfo:
    """The head office verifies action ``number`` on ``on`` (default today): effective → 已关闭,
    ineffective → back to 待整改 with the completion date cleared, so the branch reports anew
    (DESIGN §8.5; the audit entry keeps the old date).

    Raises :class:`NotFound`, :class:`InputRefused` (not 待验证; ``on`` before the completion
    date), :class:`~qsm_desktop.domain.errors.PermissionDenied` (below the head office),
    :class:`~qsm_desktop.domain.errors.ConflictError` (stale version). Audit ``verify``.
    """
    record = _action(session, number)
    orgs = load_orgs(session)
    require_head_office(actor, i18n.msg("capa.verify_action"), orgs)
    check_version(record, expected_version)
    when = at or now()
    day = on or when.date()
    before = {"status": record.status, "completed": record.completed, "verified_on": record.verified_on,
              "effective": record.effective}
    branch = next((o.code for o in orgs.values() if o.id == record.branch_id), "")
    record.status = status_after_verification(record.number, record.status, effective, day, record.completed,
                                              branch=branch)
    record.verified_by, record.verified_on, record.effective = actor.login, day, effective
    if not effective:
        record.completed = None  # back to work: the branch reports a new completion date
    session.flush()
    audit(session, actor, "capa_action", record.number, "verify", before,
          {"status": record.status, "completed": record.completed, "verified_on": day, "effective": effective})
    return action_infos([record], orgs)[0]
