"""Storing evaluation inputs (保存评价数据) — the one write path of indicator values and of the
branches' ratings of head-office departments, DESIGN §4, §6 (STYLE.md "One write path per use case").

- :func:`store_indicator_values_in` stores a unit's indicator values of a quarter: the values of a
  quarterly return (服务质量季度报表, via its import handler) and a value entered by hand with a
  reason on the evaluation page (手工录入) go through it alike;
- :func:`rate_departments_in` stores a branch's ratings of the head-office departments for a
  quarter (内部服务评价表, via its import handler).

Each checks the actor's scope (``require``), the rules, the version the caller saw (optimistic
lock: a value or rating changed meanwhile by someone else raises :class:`ConflictError`, nothing
is overwritten silently), writes and audits — in the caller's transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import and_, delete, select, update
from sqlalchemy.orm import Session

from qsm_desktop.domain.errors import ConflictError, InputRefused
from qsm_desktop.domain.i18n import get_language, msg, register
from qsm_desktop.domain.indicators import SOURCES, Indicator, IndicatorSystem
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS
from qsm_desktop.excel.kinds.internal_service import DEPARTMENT_TYPE, RATER_TYPE
from qsm_desktop.services.audit import AuditRecord, audit_many
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.evaluation.common import MANUAL, QUARTERLY, refuse_if_published
from qsm_desktop.store.bulk import insert_many
from qsm_desktop.store.models import OrgStatus
from qsm_desktop.store.models.evaluation import IndicatorValue, InternalServiceRating

register({
    "eval.action.manual": ("手工录入指标值", "enter indicator values by hand"),
    "eval.action.values": ("保存指标值", "store indicator values"),
    "eval.action.ratings": ("保存内部服务评价", "store internal-service ratings"),
    "eval.manual_not_allowed": (
        "指标 {code}（{name}）的数据来源是{source}，由系统自动取数，不能手工录入。",
        "Indicator {code} ({name}) takes its value from the {source}; it cannot be entered by hand.",
    ),
    "eval.manual_reason": ("手工录入指标值必须说明原因。", "A value entered by hand needs a reason."),
    "eval.manual_unit_type": ("指标 {code} 不适用于{type}“{name}”。", "Indicator {code} does not apply to {type} '{name}'."),
    # rules of the internal-service rating (problems at their cells on import; refusals here)
    "internal.rater_type": (
        "填报单位{code}（{name}）是{type}。内部服务评价表由分行填报，对总行各部门评分",
        "the reporting unit {code} ({name}) is a {type}; internal service ratings come from branches, "
        "rating the head-office departments",
    ),
    "internal.unknown_department": (
        "部门代码{code}不是总行部门。应为：{codes}",
        "{code} is not a head-office department; use one of: {codes}",
    ),
    "internal.closed_department": (
        "部门{code}（{name}）已撤销，不能再评价",
        "department {code} ({name}) is closed and cannot be rated",
    ),
})

STORABLE_SOURCES = (MANUAL, QUARTERLY)
"""Indicator sources whose values are stored (``indicator_values``); the others (certification,
training, awards, internal ratings) are read from their registers and never stored by hand."""

_EPSILON = 1e-12


class UnitRef(Protocol):
    """An org unit as the write path needs it (the engine's ``OrgInfo`` and the ``OrgUnit`` model
    both fit): id, 6-digit code, name, type (分行, 总行部门 …), materialised path, status."""

    id: int
    code: str
    name: str
    type: str
    path: str
    status: str


# ------------------------------------------------------------------------------------------ values

@dataclass(frozen=True)
class NewIndicatorValue:
    """One indicator value to store: the system's ``indicator``, the ``value`` in its unit (percent
    as 0–100, already checked — :func:`~qsm_desktop.excel.kinds.quarterly.parse_indicator_value`),
    ``expected_version``: the version of the stored value the caller saw (``None``: it saw none —
    the value is new), the ``reason`` (手工录入的原因, or a return's 说明) and, from a return, the
    ``cell`` and ``row`` it was read from."""

    indicator: Indicator
    value: float
    expected_version: int | None
    reason: str | None = None
    cell: str | None = None
    row: int | None = None


def storable_problem(indicator: Indicator, unit: UnitRef, system: IndicatorSystem) -> InputRefused | None:
    """Why ``indicator``'s value cannot be stored for ``unit`` (a register-based source, or not an
    indicator of ``unit``'s type in ``system``), or ``None``."""
    if indicator.source not in STORABLE_SOURCES:
        source = SOURCES.get(indicator.source, (indicator.source, indicator.source))[0 if get_language() == "zh" else 1]
        return InputRefused(msg("eval.manual_not_allowed", code=indicator.code, name=indicator.name, source=source))
    if indicator not in system.indicators_for(unit.type):
        return InputRefused(msg("eval.manual_unit_type", code=indicator.code, type=unit.type, name=unit.name))
    return None


def _stale(unit: UnitRef, period: str, code: str) -> ConflictError:
    return ConflictError(msg("conflict.stale", entity=f"{unit.code}/{period}/{code}"))


def store_indicator_values_in(session: Session, actor: Actor, unit: UnitRef, period: str, system: IndicatorSystem,
                              values: Sequence[NewIndicatorValue], *, origin: str, at: dt.datetime,
                              batch_id: int | None = None, sheet: str | None = None,
                              drop: Mapping[str, int] | None = None) -> dict[str, int]:
    """Store ``unit``'s ``values`` for quarter ``period`` (指标值) under ``system`` (the version in
    force) — the one write path of the quarterly return's import and of a value entered by hand.

    ``origin``: ``manual`` (entered by hand: a reason is required and a published quarter is
    frozen, DESIGN §4) or ``quarterly`` (from the return of import batch ``batch_id``, read from
    ``sheet``; the published scores of a quarter stay frozen whatever its inputs). ``drop``:
    indicator code → version of stored values to remove (the older return's values this return
    no longer lists). ``at``: the time recorded as entered and audited.

    Checks, in order: scope (:class:`PermissionDenied`), each indicator storable for the unit's
    type (:class:`InputRefused`), the reason and frozen quarter for hand entry, then each value's
    version against the stored one (:class:`ConflictError` when it changed, appeared or went away
    since the caller read it). Writes in place (the version increases), inserts new values, and
    audits ``indicator_value`` ``<unit>/<period>/<code>``: action ``manual`` for hand entry (every
    entry), ``update`` for a return's value that replaced a different one (new values of a return
    are listed on its batch's entry). Returns indicator code → stored version.
    """
    require(actor, msg("eval.action.manual" if origin == MANUAL else "eval.action.values"),
            org_path=unit.path, org_code=unit.code)
    for item in values:
        problem = storable_problem(item.indicator, unit, system)
        if problem is not None:
            raise problem
    if origin == MANUAL:
        if any(not (item.reason or "").strip() for item in values):
            raise InputRefused(msg("eval.manual_reason"))
        refuse_if_published(session, period)
    table = IndicatorValue.__table__
    stored = {r.indicator_code: r for r in session.execute(
        select(table.c.id, table.c.indicator_code, table.c.value, table.c.origin, table.c.reason, table.c.version)
        .where(table.c.org_unit_id == unit.id, table.c.period == period)).all()}
    for item in values:
        row = stored.get(item.indicator.code)
        if (None if row is None else row.version) != item.expected_version:
            raise _stale(unit, period, item.indicator.code)
    for code, version in (drop or {}).items():
        row = stored.get(code)
        if row is None or row.version != version:
            raise _stale(unit, period, code)

    fields = {"origin": origin, "entered_by": actor.login, "entered_at": at, "source_batch_id": batch_id,
              "source_sheet": sheet if batch_id is not None else None}
    for code, version in (drop or {}).items():
        gone = session.execute(delete(table).where(table.c.id == stored[code].id, table.c.version == version))
        if gone.rowcount != 1:
            raise _stale(unit, period, code)
    new_rows: list[dict] = []
    versions: dict[str, int] = {}
    entries: list[AuditRecord] = []
    for item in values:
        code = item.indicator.code
        row = stored.get(code)
        after = {"value": item.value, "origin": origin, "reason": item.reason}
        record = {**fields, "value": item.value, "reason": item.reason, "source_cell": item.cell,
                  "source_row": item.row}
        if row is None:
            new_rows.append({"org_unit_id": unit.id, "period": period, "indicator_code": code, "version": 1, **record})
            versions[code] = 1
            before = None
        else:
            done = session.execute(update(table).where(and_(table.c.id == row.id, table.c.version == row.version))
                                   .values(**record, version=row.version + 1))
            if done.rowcount != 1:
                raise _stale(unit, period, code)
            versions[code] = row.version + 1
            before = {"value": row.value, "origin": row.origin, "reason": row.reason}
        changed = before is not None and (abs(before["value"] - item.value) > _EPSILON or before["origin"] != origin)
        if batch_id is None or changed:
            entries.append(("indicator_value", f"{unit.code}/{period}/{code}", "manual" if origin == MANUAL else "update",
                            before, after))
    insert_many(session, table, new_rows)
    audit_many(session, actor, entries, batch_id=batch_id, at=at)
    return versions


# ------------------------------------------------------------------------------------------ ratings

@dataclass(frozen=True)
class DepartmentRating:
    """A branch's rating of one head-office department: the ``department`` (a unit), the
    ``ratings`` by field of :data:`RATING_FIELDS` (0–100, ``None`` when not given), the
    ``comment`` (意见建议) and, from a return, the ``cells`` of the ratings and the ``row``."""

    department: UnitRef
    ratings: Mapping[str, float | None]
    comment: str | None = None
    cells: Mapping[str, str] | None = None
    row: int | None = None

    def values(self) -> tuple[float | None, ...]:
        """The ratings in :data:`RATING_FIELDS` order."""
        return tuple(self.ratings.get(f) for f in RATING_FIELDS)


def rater_problem(unit: UnitRef) -> tuple[str, dict] | None:
    """(message key, params) when ``unit`` may not rate departments (only a branch, 分行, rates), else ``None``."""
    if unit.type != RATER_TYPE:
        return "internal.rater_type", {"code": unit.code, "name": unit.name, "type": unit.type}
    return None


def department_problem(code: str, department: UnitRef | None, open_codes: str) -> tuple[str, dict] | None:
    """(message key, params) when ``code`` (found as ``department``, or ``None``) is no open
    head-office department (总行部门) — ``open_codes`` lists those that are — else ``None``."""
    if department is None or department.type != DEPARTMENT_TYPE:
        return "internal.unknown_department", {"code": code, "codes": open_codes}
    if department.status == OrgStatus.CLOSED.value:
        return "internal.closed_department", {"code": department.code, "name": department.name}
    return None


def rate_departments_in(session: Session, actor: Actor, rater: UnitRef, period: str,
                        ratings: Sequence[DepartmentRating], *, expected_batch_id: int | None, at: dt.datetime,
                        batch_id: int | None = None, sheet: str | None = None) -> int:
    """Replace branch ``rater``'s ratings of the head-office departments for quarter ``period``
    (内部服务评价, DESIGN §3.6) by ``ratings`` — the one write path of the internal-service return.

    Checks scope (:class:`PermissionDenied`), that ``rater`` is a branch and every department an
    open head-office department (:class:`InputRefused`), and the version: ``expected_batch_id`` is
    the import batch of the ratings the caller saw (``None``: it saw none); ratings written
    meanwhile by another batch raise :class:`ConflictError`. Audits each department whose ratings
    changed (``internal_rating`` ``<rater>/<period>/<department>``, ``update``); new ratings are
    listed on the batch's entry. Returns the number of ratings stored.
    """
    require(actor, msg("eval.action.ratings"), org_path=rater.path, org_code=rater.code)
    problem = rater_problem(rater)
    for rating in ratings:
        problem = problem or department_problem(rating.department.code, rating.department, "")
    if problem is not None:
        raise InputRefused(msg(problem[0], **problem[1]))
    table = InternalServiceRating.__table__
    rows = session.execute(
        select(table.c.department_org_id, table.c.source_batch_id, *(table.c[f] for f in RATING_FIELDS))
        .where(table.c.rater_org_id == rater.id, table.c.period == period)).all()
    if {r.source_batch_id for r in rows} - {expected_batch_id} or (expected_batch_id is not None and not rows):
        raise ConflictError(msg("conflict.stale", entity=f"{rater.code}/{period}"))
    existing = {r.department_org_id: tuple(r[2:]) for r in rows}
    session.execute(delete(table).where(table.c.rater_org_id == rater.id, table.c.period == period))
    new_rows = []
    entries: list[AuditRecord] = []
    for rating in ratings:
        dept = rating.department
        after = rating.values()
        new_rows.append({
            "rater_org_id": rater.id, "department_org_id": dept.id, "period": period,
            **{f: rating.ratings.get(f) for f in RATING_FIELDS}, "comment": rating.comment,
            "source_cells": dict(rating.cells) if rating.cells is not None else None, "source_batch_id": batch_id,
            "source_sheet": sheet, "source_row": rating.row,
        })
        before = existing.get(dept.id)
        if before is not None and before != after:
            entries.append(("internal_rating", f"{rater.code}/{period}/{dept.code}", "update",
                            dict(zip(RATING_FIELDS, before)), dict(zip(RATING_FIELDS, after))))
    insert_many(session, table, new_rows)
    audit_many(session, actor, entries, batch_id=batch_id, at=at)
    return len(new_rows)


__all__ = [
    "DepartmentRating", "NewIndicatorValue", "STORABLE_SOURCES", "UnitRef", "department_problem", "rate_departments_in",
    "rater_problem", "storable_problem", "store_indicator_values_in",
]
