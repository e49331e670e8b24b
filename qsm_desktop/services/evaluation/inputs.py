"""Evaluation inputs (评价数据) — each unit's indicator values for a quarter, where each came from,
and the returns that are missing; the stored values and a value entered by hand — DESIGN §4.

Where every value comes from:

===========  =====================================================================================
source       value
===========  =====================================================================================
quarterly    the branch's quarterly return (``indicator_values``: file, sheet, cell), or a value
             entered by hand with a reason (audited)
manual       entered by hand with a reason (audited)
certif.      C01 持证上岗率: all post categories of the branch's whole subtree at the period's last
             day (``services.certification``), **rounded to 2 decimals before scoring** (the rate
             as reported, as ``expected.json`` scores it)
training     C03 服务规范培训覆盖率: ``services.training.c03(actor, unit_code, as_of)`` (percent, 2
             decimals; its ``figures_by_unit`` for all branches in one pass when available) —
             missing when the branch sent no training return for the year
awards       D01: showcase titles of level 全国级/总行级 held at period end by outlets of the subtree —
             the bank's own awards (not revoked by then) and titles won outside (the showcase
             register of issue 4; none held gives 0, said so in the value's origin)
internal     E01–E04: the mean, over the branches' internal-service returns of the period, of the
             rating column named like the indicator (服务态度, 响应时效, 政策传导, 问题解决)
registers    mystery visits, complaints, actions (:mod:`.registers`): the finalised mystery-visit
             score, the §9.2 complaint figures of a branch that sent its register, the §8.5
             on-time rate of actions — as of the quarter's last day
===========  =====================================================================================

A quarterly indicator named like a register figure (the 2007 system's A02 神秘访客检查平均得分,
A03 有效投诉件数, A04 投诉处理及时率) takes the register's figure where the register has it; the
return's typed value is kept beside it (``InputValue.reported``, a ``reported`` source) and the
origin says when the two differ. Where the register has nothing, the typed value is used as before.

A value that is missing is never scored as 0: the unit is listed with the missing inputs and the
returns that are missing (缺报). Values are stored through :mod:`.values` (the one write path).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
import importlib
from typing import TYPE_CHECKING

from sqlalchemy import func, or_, select

from qsm_desktop.domain.errors import InputRefused, NotFound
from qsm_desktop.domain.i18n import get_language, local, msg, register
from qsm_desktop.domain.indicators import UNIT_TYPE_BRANCH, IndicatorSystem, InputValue, UnitInput
from qsm_desktop.domain.normalise import NormaliseError, period_end
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS, parse_indicator_value, rating_field_for
from qsm_desktop.domain.indicators.registers import REGISTER_SOURCES, figures_differ, register_figure_for
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.evaluation.common import (
    AWARD_LEVELS,
    INTERNAL,
    MANUAL,
    QUARTERLY,
    join_names,
    mean,
    quarter,
)
from qsm_desktop.services.evaluation.dtos import MissingReturn, PeriodInputs, ValueInfo, ValueSource
from qsm_desktop.services.evaluation.registers import register_values, reported_suffix
from qsm_desktop.services.evaluation.values import NewIndicatorValue, store_indicator_values_in
from qsm_desktop.store.models import BatchStatus, ImportBatch, OrgStatus, OrgUnit
from qsm_desktop.store.models.evaluation import EvaluationPeriod, IndicatorValue, InternalServiceRating
from qsm_desktop.store.models.showcase import ShowcaseAward, ShowcaseOutsideTitle

importlib.import_module("qsm_desktop.services.orgs.service")  # registers the "org.unknown" message raised here

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.evaluation import EvaluationService

register({
    "eval.no_units": ("系统中没有可评价的单位（{types}）。请先导入机构清单。",
                      "There are no units to evaluate ({types}). Import the org list first."),
    "eval.unknown_indicator": ("指标 {code} 不在{system}中。", "Indicator {code} is not part of {system}."),
    "eval.manual_register": ("指标 {code}（{name}）本期取自登记数据（{origin}），手工录入的值不会被采用。",
                             "Indicator {code} ({name}) comes from the register this period ({origin}); a value "
                             "entered by hand would not be used."),
    "eval.manual_value": ("指标 {code} 的值“{value}”无效：{reason}", "Value '{value}' of indicator {code} is not valid: {reason}"),
    # origins (where a value came from)
    "eval.origin.manual": ("手工录入：{reason}（{who}，{at}）", "entered by hand: {reason} ({who}, {at})"),
    "eval.origin.cert": ("持证上岗登记，截至 {date}：持证 {certified} / 在岗 {members} 人{files}",
                         "certification register at {date}: {certified} of {members} certified{files}"),
    "eval.origin.cert_files": ("（最近报表：{files}）", " (latest returns: {files})"),
    "eval.origin.training": ("培训记录 {year} 年 1 月 1 日至 {date}{files}", "training records 1 Jan {year} to {date}{files}"),
    "eval.origin.training_files": ("（培训情况表：{files}）", " (training returns: {files})"),
    "eval.origin.awards": ("示范窗口称号登记：截至 {date} 下辖网点持有的{levels}称号 {count} 个",
                           "{count} {levels} showcase titles held by outlets of the subtree at {date}"),
    "eval.origin.internal": ("{count} 家分行内部服务评价表“{column}”的平均值（{first} 等）",
                             "mean of '{column}' over {count} {count:branch's|branches'} internal-service returns ({first} …)"),
    # missing inputs
    "eval.missing.quarterly": ("未报送{period}服务质量季度报表", "no quarterly return for {period}"),
    "eval.missing.training": ("未报送{year}年培训情况表", "no training return for {year}"),
    "eval.missing.internal_service": ("未报送{period}内部服务评价表", "no internal-service rating for {period}"),
    "eval.missing.internal_raters": ("以下分行未报送{period}内部服务评价表：{units}",
                                     "these branches sent no internal-service rating for {period}: {units}"),
    "eval.missing.no_staff": ("持证上岗登记中没有在岗人员（请导入持证上岗情况表）",
                              "the certification register has nobody in post (import the certification return)"),
    "eval.missing.no_training_service": ("培训记录功能尚未启用", "training records are not available yet"),
    "eval.missing.no_rating_column": ("内部服务评价表没有名为“{name}”的评分列", "the internal-service return has no rating column '{name}'"),
})


class EvaluationInputs:
    """The inputs part of ``services.evaluation`` (评价数据): gathering a quarter's values, the
    showcase titles held, the stored values of a unit and a value entered by hand."""

    def __init__(self, services: Services, evaluation: EvaluationService) -> None:
        self._services = services
        self._evaluation = evaluation

    def latest_input_period(self, actor: Actor) -> str | None:
        """The latest quarter with a quarterly or internal-service value stored."""
        with self._services.read() as session:
            a = session.scalar(select(func.max(IndicatorValue.period)))
            b = session.scalar(select(func.max(InternalServiceRating.period)))
        candidates = [p for p in (a, b) if p and "Q" in p]
        return max(candidates) if candidates else None

    def input_periods(self, actor: Actor) -> list[str]:
        """Quarters with any evaluation input or computed scores, ascending."""
        with self._services.read() as session:
            found = set(session.scalars(select(IndicatorValue.period).distinct()))
            found |= set(session.scalars(select(InternalServiceRating.period).distinct()))
            found |= set(session.scalars(select(EvaluationPeriod.period)))
        return sorted(p for p in found if p and "Q" in p)

    @staticmethod
    def _units(session, system: IndicatorSystem) -> list[tuple[int, str, str, str, str]]:
        types = system.unit_types()
        rows = session.execute(
            select(OrgUnit.id, OrgUnit.code, OrgUnit.name, OrgUnit.type, OrgUnit.path)
            .where(OrgUnit.type.in_(types), OrgUnit.status != OrgStatus.CLOSED.value).order_by(OrgUnit.code)
        ).all()
        return [tuple(r) for r in rows]

    def gather(self, actor: Actor, period: str, *, system_override: IndicatorSystem | None = None) -> PeriodInputs:
        """Every evaluated unit's inputs for quarter ``period`` under the system in force (or
        ``system_override``): values with origins, detailed sources, missing returns. Read-only."""
        period = quarter(period)
        if system_override is None:
            stored = self._evaluation.system_for_period(actor, period)
            system_id, system = stored.info.id, stored.system
        else:
            system, system_id = system_override, 0
        as_of = period_end(period)
        language = get_language()
        with self._services.read() as session:
            units = self._units(session, system)
            if not units:
                raise InputRefused(msg("eval.no_units", types=list(system.unit_types())))
            stored_values = session.execute(
                select(IndicatorValue.org_unit_id, IndicatorValue.indicator_code, IndicatorValue.value,
                       IndicatorValue.origin, IndicatorValue.source_sheet, IndicatorValue.source_cell,
                       IndicatorValue.reason, IndicatorValue.entered_by, IndicatorValue.entered_at, IndicatorValue.version,
                       ImportBatch.file_name)
                .outerjoin(ImportBatch, ImportBatch.id == IndicatorValue.source_batch_id)
                .where(IndicatorValue.period == period)
            ).all()
            ratings = session.execute(
                select(InternalServiceRating, OrgUnit.code, ImportBatch.file_name)
                .join(OrgUnit, OrgUnit.id == InternalServiceRating.rater_org_id)
                .outerjoin(ImportBatch, ImportBatch.id == InternalServiceRating.source_batch_id)
                .where(InternalServiceRating.period == period)
                .order_by(OrgUnit.code)
            ).all()
            batches = session.execute(
                select(ImportBatch.kind, ImportBatch.org_code, ImportBatch.period, ImportBatch.file_name, ImportBatch.id)
                .where(ImportBatch.status == BatchStatus.IMPORTED,
                       ImportBatch.kind.in_(("certification", "training", QUARTERLY, INTERNAL)))
                .order_by(ImportBatch.id)
            ).all()
            all_units = session.execute(select(OrgUnit.code, OrgUnit.path)).all()
            figure_of = {i.code: register_figure_for(i) for i in system.indicators}
            registers = register_values(session, period, as_of, [u[1] for u in units],
                                        {f for f in figure_of.values() if f is not None})
        path_of = {code: path for code, path in all_units}

        values_by_unit: dict[int, dict[str, tuple]] = defaultdict(dict)
        for row in stored_values:
            values_by_unit[row.org_unit_id][row.indicator_code] = row
        returned: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (kind, org) -> [(period, file)]
        for kind, org, bperiod, file_name, _bid in batches:
            if org:
                returned[(kind, org)].append((bperiod or "", file_name))

        branch_codes = [u[1] for u in units if u[3] == UNIT_TYPE_BRANCH]
        needs = {i.source for i in system.indicators}

        # registers, for every branch at once
        cert = {}
        if "certification" in needs and branch_codes:
            cert = self._services.certification.rates_by_unit(actor, as_of, branch_codes)
        training = self._training_values(actor, branch_codes, as_of, returned, path_of) if "training" in needs else {}
        awards = self._award_values(actor, branch_codes, as_of) if "awards" in needs else {}

        # internal-service ratings: per department, per field, [(value, source)]
        rating_values: dict[int, dict[str, list[ValueSource]]] = defaultdict(lambda: defaultdict(list))
        raters: set[str] = set()
        for rating, rater_code, file_name in ratings:
            raters.add(rater_code)
            cells = rating.source_cells or {}
            for field_name in RATING_FIELDS:
                value = getattr(rating, field_name)
                if value is None:
                    continue
                where = f"{file_name or rater_code}!{rating.source_sheet or ''}!{cells.get(field_name, '')}"
                rating_values[rating.department_org_id][field_name].append(ValueSource(where, value, rater_code))

        inputs: list[UnitInput] = []
        sources: dict[tuple[str, str], tuple[ValueSource, ...]] = {}
        missing: list[MissingReturn] = []
        versions: dict[tuple[str, str], int] = {}
        internal_missing = [c for c in branch_codes if c not in raters] if INTERNAL in needs else []

        for unit_id, code, name, unit_type, path in units:
            leaves = system.indicators_for(unit_type)
            values: dict[str, InputValue | None] = {}
            stored = values_by_unit.get(unit_id, {})
            versions.update(((code, c), row.version) for c, row in stored.items())
            for ind in leaves:
                manual_row = stored.get(ind.code)
                figure = figure_of.get(ind.code)
                if figure is not None:
                    found = registers.get(code, figure)
                    if found.value is not None:
                        values[ind.code], sources[(code, ind.code)] = self._register_value(found, manual_row, language,
                                                                                         figure.source)
                        continue
                    if ind.source in REGISTER_SOURCES:
                        values[ind.code] = None
                        missing.append(MissingReturn(code, name, ind.source, found.missing))
                        continue
                if manual_row is not None and (manual_row.origin == MANUAL or ind.source in (QUARTERLY, MANUAL)):
                    values[ind.code], sources[(code, ind.code)] = self._stored_value(manual_row, language)
                    continue
                if ind.source == "certification":
                    rates = cert.get(code)
                    rate = rates.all.rate if rates is not None else None
                    if rate is None:
                        values[ind.code] = None
                        continue
                    files = [f for p, f in returned.get(("certification", code), []) if p <= period][-2:]
                    origin = local("eval.origin.cert", date=as_of.isoformat(), certified=rates.all.certified,
                                 members=rates.all.members,
                                 files=local("eval.origin.cert_files", files=list(files)) if files else "")
                    values[ind.code] = InputValue(round(rate, 2), origin)
                    sources[(code, ind.code)] = (ValueSource(origin, round(rate, 2), code),)
                elif ind.source == "training":
                    values[ind.code] = training.get(code, (None,))[0]
                    if values[ind.code] is not None:
                        sources[(code, ind.code)] = (ValueSource(values[ind.code].origin, values[ind.code].value, code),)
                elif ind.source == "awards":
                    count, origin, titles = awards.get(code, (0, local("eval.origin.awards", date=as_of.isoformat(),
                                                                     levels=list(AWARD_LEVELS), count=0), ()))
                    values[ind.code] = InputValue(float(count), origin)
                    sources[(code, ind.code)] = titles or (ValueSource(origin, float(count), code),)
                elif ind.source == INTERNAL:
                    field_name = rating_field_for(ind)
                    found = rating_values.get(unit_id, {}).get(field_name or "", []) if field_name else []
                    if not found:
                        values[ind.code] = None
                        continue
                    average = mean([s.value for s in found])  # type: ignore[misc]
                    origin = local("eval.origin.internal", count=len(found), column=ind.name, first=found[0].label)
                    values[ind.code] = InputValue(average, origin)
                    sources[(code, ind.code)] = tuple(found)
                else:  # quarterly / manual without a stored value
                    values[ind.code] = None
            inputs.append(UnitInput(code, name, unit_type, values))

            # which returns are missing (缺报)
            kinds_needed = {i.source for i in leaves}
            if unit_type == UNIT_TYPE_BRANCH:
                if QUARTERLY in kinds_needed and not any(p == period for p, _ in returned.get((QUARTERLY, code), [])):
                    missing.append(MissingReturn(code, name, QUARTERLY, local("eval.missing.quarterly", period=period)))
                if "training" in kinds_needed and code in training and training[code][1]:
                    missing.append(MissingReturn(code, name, "training", training[code][1]))
                if "certification" in kinds_needed and (cert.get(code) is None or cert[code].all.rate is None):
                    missing.append(MissingReturn(code, name, "certification", local("eval.missing.no_staff")))
                if code in internal_missing:
                    missing.append(MissingReturn(code, name, INTERNAL, local("eval.missing.internal_service", period=period)))
            elif INTERNAL in kinds_needed:
                for ind in leaves:
                    if ind.source == INTERNAL and rating_field_for(ind) is None:
                        missing.append(MissingReturn(code, name, INTERNAL,
                                                     local("eval.missing.no_rating_column", name=ind.name)))
                if internal_missing:
                    names = [next(u[2] for u in units if u[1] == c) for c in internal_missing]
                    missing.append(MissingReturn(code, name, INTERNAL,
                                                 local("eval.missing.internal_raters", period=period,
                                                     units=join_names(names, 5))))
        return PeriodInputs(period, system_id, system, tuple(inputs), sources, tuple(missing), versions)

    def _register_value(self, found, stored_row, language: str,
                        register: str) -> tuple[InputValue, tuple[ValueSource, ...]]:
        """A register's figure, with the quarterly return's typed value (``stored_row``, when one is
        stored) beside it: in the origin, flagged when they differ, and as a ``reported`` source.
        ``register``: the register's source key (``mystery_visits``, ``complaints``, ``capa``), kept
        on the value and its source as the source actually used."""
        value = float(found.value)
        if stored_row is None:
            return InputValue(value, found.origin, source=register), (ValueSource(found.origin, value, source=register),)
        typed, typed_sources = self._stored_value(stored_row, language)
        differs = figures_differ(value, typed.value)
        origin = found.origin + reported_suffix(value, typed.value, typed.origin, differs)
        return (InputValue(value, origin, typed.value, register),
                (ValueSource(found.origin, value, source=register),
                 ValueSource(typed.origin, typed.value, role="reported")))

    @staticmethod
    def _stored_value(row, language: str) -> tuple[InputValue, tuple[ValueSource, ...]]:
        if row.origin == MANUAL:
            at = row.entered_at.strftime("%Y-%m-%d") if row.entered_at else ""
            origin = local("eval.origin.manual", reason=row.reason or "", who=row.entered_by or "", at=at)
        else:
            origin = f"{row.file_name or '?'}!{row.source_sheet or ''}!{row.source_cell or ''}"
        return InputValue(row.value, origin), (ValueSource(origin, row.value),)

    def _training_values(self, actor: Actor, branch_codes: Sequence[str], as_of: dt.date,
                         returned: Mapping[tuple[str, str], list[tuple[str, str]]],
                         path_of: Mapping[str, str]) -> dict[str, tuple[InputValue | None, str | None]]:
        """C03 per branch: (value with origin, or None; the missing-return sentence or None)."""
        year = str(as_of.year)
        try:
            training = self._services.training
            c03 = training.c03
        except AttributeError:
            return {code: (None, local("eval.missing.no_training_service")) for code in branch_codes}
        bulk = getattr(training, "figures_by_unit", None)
        out: dict[str, tuple[InputValue | None, str | None]] = {}
        by_branch: dict[str, list[str]] = defaultdict(list)
        for (kind, org), items in returned.items():
            if kind != "training":
                continue
            path = path_of.get(org, "")
            for code in branch_codes:
                if f"/{code}/" in path:
                    by_branch[code] += [f for p, f in items if p[:4] == year and p <= f"{year}Q{(as_of.month - 1) // 3 + 1}"
                                        or p == year]
        reported = [code for code in branch_codes if by_branch.get(code)]
        figures = bulk(actor, as_of, reported) if bulk is not None and reported else {}
        for code in branch_codes:
            files = by_branch.get(code, [])
            if not files:
                out[code] = (None, local("eval.missing.training", year=year))
                continue
            if code in figures:  # the same figure c03() gives, for every branch in one pass
                coverage = figures[code].c03.coverage
                value = 0.0 if coverage is None else coverage
            else:
                value = c03(actor, code, as_of)
            if value is None:
                out[code] = (None, local("eval.missing.training", year=year))
                continue
            origin = local("eval.origin.training", year=year, date=as_of.isoformat(),
                         files=local("eval.origin.training_files", files=list(files[-2:])))
            out[code] = (InputValue(round(float(value), 2), origin), None)
        return out

    def held_awards(self, actor: Actor, as_of: dt.date, levels: Sequence[str] = AWARD_LEVELS) -> list[tuple[str, str, str]]:
        """Showcase titles of ``levels`` held on ``as_of`` (示范窗口称号): the bank's own awards
        (``showcase_awards``: awarded on or before, not revoked by then) and titles won outside
        (``showcase_outside_titles``, e.g. the industry association's 全国级). Returns (outlet path,
        level, number or official name)."""
        with self._services.read() as session:
            own = session.execute(
                select(OrgUnit.path, ShowcaseAward.level, ShowcaseAward.number)
                .join(OrgUnit, OrgUnit.id == ShowcaseAward.outlet_id)
                .where(ShowcaseAward.level.in_(levels), ShowcaseAward.awarded_on <= as_of,
                       or_(ShowcaseAward.revoked_on.is_(None), ShowcaseAward.revoked_on > as_of))
            ).all()
            outside = session.execute(
                select(OrgUnit.path, ShowcaseOutsideTitle.level, ShowcaseOutsideTitle.official_name)
                .join(OrgUnit, OrgUnit.id == ShowcaseOutsideTitle.outlet_id)
                .where(ShowcaseOutsideTitle.level.in_(levels), ShowcaseOutsideTitle.awarded_on <= as_of,
                       or_(ShowcaseOutsideTitle.revoked_on.is_(None), ShowcaseOutsideTitle.revoked_on > as_of))
            ).all()
        return [tuple(r) for r in (*own, *outside)]

    def _award_values(self, actor: Actor, branch_codes: Sequence[str], as_of: dt.date
                      ) -> dict[str, tuple[int, str, tuple[ValueSource, ...]]]:
        """D01 per branch: (count of 全国级/总行级 titles held at ``as_of`` by outlets of the subtree,
        origin, the titles) — from the showcase register (issue 4)."""
        held = self.held_awards(actor, as_of)
        levels = list(AWARD_LEVELS)
        out = {}
        for code in branch_codes:
            mine = [(level, name) for path, level, name in held if f"/{code}/" in path]
            origin = local("eval.origin.awards", date=as_of.isoformat(), levels=levels, count=len(mine))
            out[code] = (len(mine), origin, tuple(ValueSource(f"{level} {name}", 1.0, code) for level, name in mine))
        return out

    # ------------------------------------------------------------------ stored values
    def values(self, actor: Actor, unit_code: str, period: str) -> list[ValueInfo]:
        """The stored values (quarterly and manual) of ``unit_code`` for ``period``. Raw inputs: a unit
        outside ``actor``'s scope is refused (:class:`PermissionDenied`, DESIGN §6)."""
        period = quarter(period)
        with self._services.read() as session:
            if actor.org_scope:
                path = session.scalar(select(OrgUnit.path).where(OrgUnit.code == unit_code))
                require(actor, "", write=False, org_path=path or "", org_code=unit_code)
            rows = session.execute(
                select(IndicatorValue, ImportBatch.file_name).join(OrgUnit, OrgUnit.id == IndicatorValue.org_unit_id)
                .outerjoin(ImportBatch, ImportBatch.id == IndicatorValue.source_batch_id)
                .where(OrgUnit.code == unit_code, IndicatorValue.period == period)
                .order_by(IndicatorValue.indicator_code)
            ).all()
        out = []
        for v, file_name in rows:
            source = f"{file_name or '?'}!{v.source_sheet or ''}!{v.source_cell or ''}" if v.origin != MANUAL else MANUAL
            out.append(ValueInfo(unit_code, period, v.indicator_code, v.value, v.origin, source, v.reason, v.entered_by,
                                 v.entered_at, v.version))
        return out

    def set_manual_value(self, actor: Actor, unit_code: str, period: str, indicator_code: str, value: object,
                         reason: str, *, expected_version: int | None = None) -> ValueInfo:
        """Enter (or correct) an indicator value by hand with a reason (手工录入), audited.

        Allowed for indicators whose source is ``manual`` or the quarterly return; register-based
        values (certification, training, awards, internal ratings, and a quarterly indicator the
        mystery visits or complaint register give for this unit and quarter) are refused. ``value`` as typed
        (percent accepts 0.97/97/"97%"). ``expected_version``: the version of the stored value the
        user saw (:attr:`ValueInfo.version`, :meth:`EvaluationResult.value_version`); ``None``
        when the user saw no stored value. A value stored or changed meanwhile by someone else is
        refused (:class:`ConflictError`), never overwritten. A published period is frozen
        (:class:`InputRefused`). Written by :func:`~.values.store_indicator_values_in`.
        """
        period = quarter(period)
        reason = (reason or "").strip()
        system = self._evaluation.system_for_period(actor, period).system
        try:
            ind = system.indicator(indicator_code)
        except KeyError:
            raise InputRefused(msg("eval.unknown_indicator", code=indicator_code, system=system.label)) from None
        try:
            number = parse_indicator_value(ind, value)
        except NormaliseError as exc:
            raise InputRefused(msg("eval.manual_value", code=ind.code, value=value, reason=exc.message())) from None
        now = dt.datetime.now().replace(microsecond=0)
        with self._services.unit_of_work() as session:
            unit = session.execute(select(OrgUnit).where(OrgUnit.code == unit_code)).scalar_one_or_none()
            if unit is None:
                raise NotFound(msg("org.unknown", code=unit_code))
            figure = register_figure_for(ind)
            if figure is not None:  # a register standing in for the typed value would hide the entry
                found = register_values(session, period, period_end(period), [unit_code], [figure]).get(unit_code, figure)
                if found.value is not None:
                    raise InputRefused(msg("eval.manual_register", code=ind.code, name=ind.name, origin=found.origin))
            versions = store_indicator_values_in(
                session, actor, unit, period, system, [NewIndicatorValue(ind, number, expected_version, reason)],
                origin=MANUAL, at=now)
            return ValueInfo(unit_code, period, ind.code, number, MANUAL, MANUAL, reason, actor.login, now,
                             versions[ind.code])


__all__ = ["EvaluationInputs"]
