"""Import handlers of the evaluation's returns (综合评价报表的导入) — DESIGN §3.4, §3.6.

The kinds (:mod:`qsm_desktop.excel.kinds.quarterly`, :mod:`qsm_desktop.excel.kinds.internal_service`)
read a workbook into frozen records; these handlers take it from there in the import engine's
transaction (:mod:`qsm_desktop.services.imports`): check against the database, preview, and write
through the same functions as the window (:mod:`.values`).

服务质量季度报表 (:class:`QuarterlyHandler`), each problem at its cell:
- the indicator system in force for the period exists;
- the reporting unit is of a type the system evaluates with quarterly indicators (a 分行);
- 指标代码 is an indicator of that system whose source is the quarterly return, and every such
  indicator of the unit's type has its row (a missing row is named);
- 本期值 is valid for the indicator's unit and rule (``parse_indicator_value``: percent 0–100 from
  0.97, 97 or "97%"; ranks whole numbers ≥ 1; counts and times ≥ 0).
A newer return of the same unit and period replaces the older one's values.

内部服务评价表 (:class:`InternalServiceHandler`): the reporting unit is a branch; every 部门代码 is an
open head-office department. A newer return of the same branch and period replaces its ratings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from qsm_desktop.domain import i18n
from qsm_desktop.domain.indicators import Indicator, IndicatorSystem, fmt_number
from qsm_desktop.domain.normalise import NormaliseError
from qsm_desktop.excel.kinds.base import ParsedReturn
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS, parse_indicator_value
from qsm_desktop.excel.kinds.internal_service import DEPARTMENT_TYPE, RatingRow
from qsm_desktop.excel.kinds.quarterly import QuarterlyReturn, QuarterlyRow, quarterly_indicators
from qsm_desktop.excel.problems import Problem
from qsm_desktop.services.evaluation.common import QUARTERLY
from qsm_desktop.services.evaluation.values import (
    DepartmentRating,
    NewIndicatorValue,
    department_problem,
    rate_departments_in,
    rater_problem,
    store_indicator_values_in,
)
from qsm_desktop.services.import_handlers import Change, Changes, ImportContext, ImportHandler, ImportPlan
from qsm_desktop.store import indicator_systems as systems_repo
from qsm_desktop.store.models import OrgStatus
from qsm_desktop.store.models.evaluation import IndicatorValue, InternalServiceRating

i18n.register(
    {
        "quarterly.no_system": (
            "报告期{period}没有生效的综合评价指标体系（最早的体系自{first}起施行）。请核对报告期，或先建立适用的指标体系",
            "no evaluation indicator system is in force for {period} (the earliest applies from {first}). "
            "Check the period, or set up a system that applies",
        ),
        "quarterly.unit_type": (
            "填报单位{code}（{name}）是{type}，{system}中没有由季度报表填报的{type}指标。季度报表由分行填报",
            "the reporting unit {code} ({name}) is a {type}; {system} has no quarterly-return indicators for a "
            "{type}. Quarterly returns come from branches",
        ),
        "quarterly.unknown_code": (
            "指标代码“{code}”不是{system}中由季度报表填报的指标，应为：{codes}",
            "'{code}' is not an indicator of {system} taken from the quarterly return; use one of: {codes}",
        ),
        "quarterly.missing_row": (
            "缺少指标{code}（{name}）这一行。请按模板逐项填报所有指标",
            "the row of indicator {code} ({name}) is missing; fill in every indicator of the template",
        ),
    }
)


# ------------------------------------------------------------------------------------------ quarterly

class StoredValue(NamedTuple):
    """An indicator value stored for the reporting unit and period: value, origin, record version."""

    value: float
    origin: str
    version: int


@dataclass
class QuarterlyPlan(ImportPlan):
    """What :meth:`QuarterlyHandler.check` found: the system in force (``system_id``, ``system``;
    ``None`` when none is), the return's indicators by code and their checked ``values`` (percent as
    0–100), and — once previewed — the unit's stored values of the period by code (``existing``)."""

    system_id: int | None = None
    system: IndicatorSystem | None = None
    indicators: dict[str, Indicator] = field(default_factory=dict)
    values: dict[str, float] = field(default_factory=dict)
    existing: dict[str, StoredValue] | None = None


def system_in_force(session: Session, ctx: ImportContext) -> tuple[int, IndicatorSystem] | None:
    """(id, system) of the indicator system in force for the return's period (its last day), or
    ``None`` — looked up once per import run (kept in ``ctx.cache``)."""
    key = f"evaluation.system_in_force:{ctx.period}"
    if key not in ctx.cache:
        found = None
        if ctx.period_end is not None:
            system_id = systems_repo.system_id_for_period(session, ctx.period_end)
            if system_id is not None:
                found = (system_id, systems_repo.load_system(session, system_id))
        ctx.cache[key] = found
    return ctx.cache[key]


class QuarterlyHandler(ImportHandler[QuarterlyPlan]):
    """服务质量季度报表 (``quarterly``): values checked against the system in force, stored through
    :func:`~.values.store_indicator_values_in` (DESIGN §3.4)."""

    kind = "quarterly"

    def check(self, session: Session, parsed: ParsedReturn[QuarterlyRow], ctx: ImportContext) -> QuarterlyPlan:
        """Codes known to the system in force (quarterly source, the unit's type), every such
        indicator present, values valid for their unit and rule (each problem at its cell)."""
        problems = parsed.problems
        found = system_in_force(session, ctx)
        if found is None:
            first = systems_repo.first_effective_from(session)
            problems.append(Problem(None, None, "quarterly.no_system",
                                    {"period": ctx.period, "first": first.isoformat() if first else "-"}))
            return QuarterlyPlan(parsed)
        system_id, system = found
        plan = QuarterlyPlan(parsed, system_id, system)
        unit = ctx.org
        unit_type = unit.type if unit is not None else None
        wanted = quarterly_indicators(system, unit_type)
        if unit is not None and not wanted:
            problems.append(Problem(None, None, "quarterly.unit_type",
                                    {"code": unit.code, "name": unit.name, "type": unit.type, "system": system.label}))
            return plan
        by_code = {i.code: i for i in wanted}
        codes = "、".join(by_code)
        for record in parsed.records:
            if record.code is None:
                continue
            indicator = by_code.get(record.code)
            if indicator is None:
                problems.append(record.row.problem("code", "quarterly.unknown_code", code=record.code,
                                                   system=system.label, codes=codes))
                continue
            plan.indicators[record.code] = indicator
            if record.raw_value is None:
                continue
            try:
                plan.values[record.code] = parse_indicator_value(indicator, record.raw_value)
            except NormaliseError as exc:
                problems.append(record.row.problem("value", exc.key, **exc.params))
        sheet = parsed.sheet or QuarterlyReturn.sheet_name
        for indicator in wanted:
            if indicator.code not in plan.indicators:
                problems.append(Problem(sheet, None, "quarterly.missing_row",
                                        {"code": indicator.code, "name": indicator.name}))
        return plan

    @staticmethod
    def _existing(session: Session, ctx: ImportContext) -> dict[str, StoredValue]:
        rows = session.execute(
            select(IndicatorValue.indicator_code, IndicatorValue.value, IndicatorValue.origin, IndicatorValue.version)
            .where(IndicatorValue.org_unit_id == ctx.org.id, IndicatorValue.period == ctx.period)
        ).all()
        return {code: StoredValue(value, origin, version) for code, value, origin, version in rows}

    def preview(self, session: Session, plan: QuarterlyPlan, ctx: ImportContext) -> Changes:
        """New values and changed ones (before → after)."""
        existing = plan.existing = self._existing(session, ctx)
        changes = []
        for record in plan.parsed.records:
            code = record.code or ""
            value = plan.values.get(code)
            old = existing.get(code)
            label = f"{record.code} {fmt_number(value or 0, 4)}"
            if old is None:
                changes.append(Change("indicator_value", "new", code, label))
            elif abs(old.value - (value or 0.0)) > 1e-12 or old.origin != QUARTERLY:
                changes.append(Change("indicator_value", "changed", code, label,
                                      {"value": old.value, "origin": old.origin}, {"value": value, "origin": QUARTERLY}))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: QuarterlyPlan, ctx: ImportContext) -> int:
        """Store the return's values, replacing the unit's values of the period that came from a
        quarterly return and any value of the same codes (audited by the write path)."""
        existing = plan.existing if plan.existing is not None else self._existing(session, ctx)
        records = [r for r in plan.parsed.records if r.code]
        entries = [
            NewIndicatorValue(plan.indicators[r.code], plan.values[r.code],
                              existing[r.code].version if r.code in existing else None, r.note,
                              r.row.ref("value"), r.row.number)
            for r in records
        ]
        listed = {r.code for r in records}
        drop = {code: old.version for code, old in existing.items() if old.origin == QUARTERLY and code not in listed}
        # a stale version (ConflictError) is the engine's "changed while importing" refusal
        store_indicator_values_in(session, ctx.actor, ctx.org, ctx.period, plan.system, entries, origin=QUARTERLY,
                                  at=ctx.now, batch_id=batch_id, sheet=plan.parsed.sheet, drop=drop)
        return len(entries)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """One row per quarterly indicator of the system in force for the period (value blank)."""
        if session is None:
            return []
        found = system_in_force(session, ctx)
        if found is None:
            return []
        unit_type = ctx.org.type if ctx.org is not None else None
        leaves = quarterly_indicators(found[1], unit_type) or quarterly_indicators(found[1])
        return [{"seq": n, "code": i.code, "name": i.name, "unit": i.unit} for n, i in enumerate(leaves, start=1)]


# ------------------------------------------------------------------------------------------ internal service

@dataclass
class RatingPlan(ImportPlan):
    """What :meth:`InternalServiceHandler.preview` found: the branch's stored ratings of the period
    by department id (in :data:`RATING_FIELDS` order) and the import batches they came from."""

    existing: dict[int, tuple[float | None, ...]] | None = None
    existing_batches: frozenset[int | None] = frozenset()


class InternalServiceHandler(ImportHandler[RatingPlan]):
    """内部服务评价表 (``internal_service``): a branch's ratings of the head-office departments,
    stored through :func:`~.values.rate_departments_in` (DESIGN §3.6)."""

    kind = "internal_service"

    def check(self, session: Session, parsed: ParsedReturn[RatingRow], ctx: ImportContext) -> RatingPlan:
        """The reporting unit is a branch; every department code is an open head-office department."""
        problems = parsed.problems
        unit = ctx.org
        if unit is not None and (problem := rater_problem(unit)) is not None:
            problems.append(Problem(None, None, problem[0], problem[1]))
        departments = {c: o for c, o in ctx.orgs.items() if o.type == DEPARTMENT_TYPE}
        open_codes = "、".join(sorted(c for c, o in departments.items() if o.status != OrgStatus.CLOSED.value))
        for record in parsed.records:
            if record.department is None:
                continue
            problem = department_problem(record.department, departments.get(record.department), open_codes)
            if problem is not None:
                problems.append(record.row.problem("department", problem[0], **problem[1]))
        return RatingPlan(parsed)

    @staticmethod
    def _existing(session: Session, ctx: ImportContext) -> tuple[dict[int, tuple], frozenset[int | None]]:
        table = InternalServiceRating.__table__
        rows = session.execute(
            select(table.c.department_org_id, table.c.source_batch_id, *(table.c[f] for f in RATING_FIELDS))
            .where(table.c.rater_org_id == ctx.org.id, table.c.period == ctx.period)
        ).all()
        return {r[0]: tuple(r[2:]) for r in rows}, frozenset(r[1] for r in rows)

    def preview(self, session: Session, plan: RatingPlan, ctx: ImportContext) -> Changes:
        """New ratings, changed ratings (before → after) and departments no longer rated."""
        existing, plan.existing_batches = self._existing(session, ctx)
        plan.existing = existing
        changes: list[Change] = []
        listed: set[int] = set()
        for record in plan.parsed.records:
            info = ctx.orgs[record.department]  # checked
            listed.add(info.id)
            after = record.values()
            label = f"{info.code} {info.name}"
            before = existing.get(info.id)
            if before is None:
                changes.append(Change("internal_rating", "new", info.code, label))
            elif before != after:
                changes.append(Change("internal_rating", "changed", info.code, label,
                                      dict(zip(RATING_FIELDS, before)), dict(zip(RATING_FIELDS, after))))
        by_id = ctx.unit_by_id()
        for dept_id in existing:
            if dept_id not in listed and dept_id in by_id:
                o = by_id[dept_id]
                changes.append(Change("internal_rating", "removed", o.code, f"{o.code} {o.name}"))
        return Changes(tuple(changes))

    def apply(self, session: Session, batch_id: int, plan: RatingPlan, ctx: ImportContext) -> int:
        """Replace the branch's ratings of the period by this return's (audited by the write path)."""
        if plan.existing is None:
            plan.existing, plan.existing_batches = self._existing(session, ctx)
        ratings = [
            DepartmentRating(ctx.orgs[r.department], r.ratings, r.comment,
                             {f: r.row.ref(f) for f in RATING_FIELDS if f in r.row.header.columns}, r.row.number)
            for r in plan.parsed.records
        ]
        expected = next(iter(plan.existing_batches)) if len(plan.existing_batches) == 1 else None
        return rate_departments_in(session, ctx.actor, ctx.org, ctx.period, ratings, expected_batch_id=expected,
                                   at=ctx.now, batch_id=batch_id, sheet=plan.parsed.sheet)

    def template_rows(self, session: Session | None, ctx: ImportContext) -> list[dict]:
        """One row per open head-office department, ratings blank."""
        departments = sorted((o for o in ctx.orgs.values()
                              if o.type == DEPARTMENT_TYPE and o.status != OrgStatus.CLOSED.value), key=lambda o: o.code)
        return [{"seq": n, "department": o.code, "department_name": o.name} for n, o in enumerate(departments, start=1)]


__all__ = ["InternalServiceHandler", "QuarterlyHandler", "QuarterlyPlan", "RatingPlan", "StoredValue", "system_in_force"]
