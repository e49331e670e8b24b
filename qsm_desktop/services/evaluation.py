"""Comprehensive evaluation (综合评价) — inputs, scores, publication, reports, plan targets (DESIGN §4).

``services.evaluation`` gathers each unit's indicator values for a quarter, scores them with the
indicator system in force (the Qt-free rules of :mod:`qsm_desktop.domain.indicators`), stores
the result, and publishes (freezes) a period. Where every value comes from:

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
===========  =====================================================================================

A value that is missing is never scored as 0: the unit is listed with the missing inputs and the
returns that are missing (缺报), gets no grade and no rank, and the period can be published only
when complete or explicitly accepted as incomplete. Every stored score keeps its value, origin
(``file!sheet!cell``, register query, ``manual: reason``) and explanation (value → rule → points).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from qsm_desktop.domain.errors import ConflictError, InputRefused, NotFound
from qsm_desktop.domain.i18n import get_language, msg, os_error_text, register
from qsm_desktop.domain.indicators import (
    SOURCES,
    UNIT_TYPE_BRANCH,
    IndicatorSystem,
    InputValue,
    PeriodScores,
    UnitInput,
    dumps_toml,
    load_toml,
    loads_toml,
    score_period,
)
from qsm_desktop.domain.normalise import NormaliseError, parse_period, period_end
from qsm_desktop.services.context import Actor, require
from qsm_desktop.services.audit import audit
from qsm_desktop.store import indicator_systems as repo
from qsm_desktop.store.models import BatchStatus, ImportBatch, OrgStatus, OrgUnit, PlanTarget
from qsm_desktop.store.models.evaluation import (
    EvaluationPeriod,
    IndicatorScoreRecord,
    IndicatorSystemRecord,
    IndicatorValue,
    InternalServiceRating,
    PeriodStatus,
    UnitScoreRecord,
)

log = logging.getLogger(__name__)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services

register({
    "eval.action.compute": ("计算综合评价得分", "compute evaluation scores"),
    "eval.action.publish": ("发布综合评价结果", "publish evaluation results"),
    "eval.action.system": ("保存指标体系", "save indicator systems"),
    "eval.action.manual": ("手工录入指标值", "enter indicator values by hand"),
    "eval.bad_period": ("报告期“{value}”无效：综合评价按季度进行，请写成 2007Q4。",
                        "Period '{value}' is not valid: evaluation is quarterly; write it as 2007Q4."),
    "eval.no_system": ("{period}没有生效的指标体系（最早的体系自{first}起施行）。请核对报告期或先建立指标体系。",
                       "No indicator system is in force for {period} (the earliest applies from {first}). "
                       "Check the period or set up a system first."),
    "eval.unknown_system": ("指标体系（编号 {id}）不存在。", "Indicator system {id} does not exist."),
    "eval.no_units": ("系统中没有可评价的单位（{types}）。请先导入机构清单。",
                      "There are no units to evaluate ({types}). Import the org list first."),
    "eval.not_computed": ("{period}尚未计算综合评价得分。请先计算。",
                          "Scores for {period} have not been computed yet. Compute them first."),
    "eval.published_frozen": ("{period}的综合评价结果已于 {at} 由 {by} 发布（冻结），不能再修改。",
                              "The results for {period} were published (frozen) on {at} by {by}; they cannot change."),
    "eval.incomplete": (
        "{period}的数据不完整，不能发布：\n{problems}\n请补齐数据后重新计算；或确认按不完整数据发布（命令行加 --accept-incomplete）。",
        "The data for {period} is incomplete; it cannot be published:\n{problems}\nComplete the data and "
        "compute again, or confirm publishing it incomplete (--accept-incomplete on the command line).",
    ),
    "eval.more_problems": ("……另有 {n} 项", "… and {n} more"),
    "eval.duplicate_version": ("指标体系“{name}”已有版本“{version}”。请为新版本另起版本号（例如“{suggest}”）。",
                               "Indicator system '{name}' already has version '{version}'. Give the new version "
                               "another label (for example '{suggest}')."),
    "eval.unknown_unit": ("单位 {code} 不在本期的评价范围内。", "Unit {code} is not evaluated in this period."),
    "eval.unknown_indicator": ("指标 {code} 不在{system}中。", "Indicator {code} is not part of {system}."),
    "eval.manual_not_allowed": (
        "指标 {code}（{name}）的数据来源是{source}，由系统自动取数，不能手工录入。",
        "Indicator {code} ({name}) takes its value from the {source}; it cannot be entered by hand.",
    ),
    "eval.manual_reason": ("手工录入指标值必须说明原因。", "A value entered by hand needs a reason."),
    "eval.manual_value": ("指标 {code} 的值“{value}”无效：{reason}", "Value '{value}' of indicator {code} is not valid: {reason}"),
    "eval.manual_unit_type": ("指标 {code} 不适用于{type}“{name}”。", "Indicator {code} does not apply to {type} '{name}'."),
    "eval.file_unreadable": ("无法读取文件 {file}：{reason}", "Cannot read {file}: {reason}"),
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
                             "mean of '{column}' over {count} branches' internal-service returns ({first} …)"),
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
    # plan targets
    "eval.plan.no_data": ("无数据来源", "no data source"),
    "eval.plan.branches_met": ("{met}/{total} 家分行达标", "{met} of {total} branches on target"),
    "eval.plan.mean_note": ("各分行平均", "mean over branches"),
    "eval.plan.sum_note": ("各分行合计", "sum over branches"),
    "eval.plan.cumulative_note": ("各分行累计", "cumulative over branches"),
    "eval.plan.register_note": ("全行，截至 {date}", "whole bank at {date}"),
})

QUARTERLY = "quarterly"
INTERNAL = "internal_service"
MANUAL = "manual"
AWARD_LEVELS = ("全国级", "总行级")
"""Award levels D01 counts (the TOML comment of D01)."""

MAX_PROBLEMS_SHOWN = 12


# ------------------------------------------------------------------------------------------ DTOs

@dataclass(frozen=True)
class SystemInfo:
    """A stored indicator-system version: id, name, version label, in force from, who made it and
    when, the version it was copied from, how many periods were scored with it, and the periods
    published under it (a version with scores is never rewritten)."""

    id: int
    name: str
    version: str
    effective_from: dt.date
    created_by: str
    created_at: dt.datetime
    based_on_id: int | None
    note: str | None
    periods: tuple[str, ...] = ()
    published_periods: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()

    @property
    def has_scores(self) -> bool:
        return bool(self.periods)


@dataclass(frozen=True)
class StoredSystem:
    """A stored version with its domain system."""

    info: SystemInfo
    system: IndicatorSystem


@dataclass(frozen=True)
class ValueSource:
    """One place a value came from: ``label`` (``file!sheet!cell``, a register, ``manual``) and
    the value read there (for means: each branch's rating)."""

    label: str
    value: float | None = None
    unit_code: str | None = None


@dataclass(frozen=True)
class MissingReturn:
    """A return (or register input) a unit lacks for the period (缺报): ``kind`` (return kind or
    source code) and the sentence saying what is missing."""

    unit_code: str
    unit_name: str
    kind: str
    message: str


@dataclass(frozen=True)
class PeriodInputs:
    """What :meth:`EvaluationService.gather` found for a period: the units' inputs (values with
    their origins), the detailed sources per (unit, indicator code), the missing returns."""

    period: str
    system_id: int
    system: IndicatorSystem
    units: tuple[UnitInput, ...]
    sources: Mapping[tuple[str, str], tuple[ValueSource, ...]]
    missing: tuple[MissingReturn, ...]


@dataclass(frozen=True)
class EvaluationResult:
    """A period's scores (综合评价结果) as the window, CLI and reports see them.

    ``scores``: the domain :class:`PeriodScores` (units with each leaf's value, origin, points and
    explanation, totals, grades, ranks, previous totals); ``status`` ``draft``/``published``;
    ``missing``: missing returns per unit; ``sources``: detailed sources per (unit, indicator).
    """

    period: str
    system_id: int
    status: str
    complete: bool
    accepted_incomplete: bool
    computed_at: dt.datetime | None
    computed_by: str | None
    published_at: dt.datetime | None
    published_by: str | None
    scores: PeriodScores
    missing: tuple[MissingReturn, ...] = ()
    sources: Mapping[tuple[str, str], tuple[ValueSource, ...]] = field(default_factory=dict)
    note: str | None = None

    @property
    def published(self) -> bool:
        return self.status == PeriodStatus.PUBLISHED

    @property
    def system(self) -> IndicatorSystem:
        return self.scores.system

    def ordered_units(self):
        """Units of each type the system evaluates, best first (branches, then departments)."""
        out = []
        for unit_type in self.scores.system.unit_types():
            out.extend(self.scores.of_type(unit_type))
        out += [u for u in self.scores.units if u not in out]
        return out

    def missing_for(self, unit_code: str) -> tuple[MissingReturn, ...]:
        return tuple(m for m in self.missing if m.unit_code == unit_code)

    def problem_lines(self, language: str | None = None) -> list[str]:
        """Every missing input and return as a sentence, unit by unit."""
        lines = [f"{m.unit_code} {m.unit_name}：{m.message}" if (language or get_language()) == "zh"
                 else f"{m.unit_code} {m.unit_name}: {m.message}" for m in self.missing]
        lines += [p.message(language) for p in self.scores.problems()]
        return lines

    def to_json(self) -> dict:
        """The ``qsm evaluate --json`` document, exactly DESIGN §7's shape: ``{"period", "units":
        [{"code", "name", "type", "total", "grade", "rank", "indicators": [{"code", "value",
        "points"}]}]}`` — totals rounded to 2 decimals, points to 4, ``null`` where missing."""
        return {
            "period": self.period,
            "units": [
                {
                    "code": u.code, "name": u.name, "type": u.unit_type, "total": round(u.total, 2),
                    "grade": u.grade, "rank": u.rank,
                    "indicators": [
                        {"code": i.code, "value": i.value, "points": None if i.points is None else round(i.points, 4)}
                        for i in u.indicators
                    ],
                }
                for u in self.ordered_units()
            ],
        }


@dataclass(frozen=True)
class PeriodInfo:
    """A computed period: status, completeness, system version, who computed/published and when."""

    period: str
    status: str
    complete: bool
    accepted_incomplete: bool
    system_id: int
    system_label: str
    computed_at: dt.datetime
    computed_by: str
    published_at: dt.datetime | None
    published_by: str | None
    units: int


@dataclass(frozen=True)
class ValueInfo:
    """A stored indicator value of a unit and period (for the manual-entry form): value, origin
    (``quarterly``/``manual``), the file/sheet/cell or the reason, who and when, record version."""

    unit_code: str
    period: str
    indicator_code: str
    value: float
    origin: str
    source: str
    reason: str | None
    entered_by: str | None
    entered_at: dt.datetime | None
    version: int


@dataclass(frozen=True)
class SystemPreview:
    """The effect of a draft system on a period's scores: the scores under the stored system in
    force (``before``) and under the draft (``after``), per unit code (total, grade, rank)."""

    period: str
    before: PeriodScores | None
    after: PeriodScores

    def rows(self) -> list[tuple[str, str, str, float | None, float, str | None, str | None, int | None, int | None]]:
        """(code, name, type, total before, total after, grade before, grade after, rank before, rank after)."""
        out = []
        for unit in self.after.units:
            old = None
            if self.before is not None:
                try:
                    old = self.before.unit(unit.code)
                except KeyError:
                    old = None
            out.append((unit.code, unit.name, unit.unit_type, None if old is None else old.total, unit.total,
                        None if old is None else old.grade, unit.grade, None if old is None else old.rank, unit.rank))
        order = {t: i for i, t in enumerate(self.after.system.unit_types())}
        return sorted(out, key=lambda r: (order.get(r[2], 9), r[8] is None, r[8] or 0, r[0]))


@dataclass(frozen=True)
class PlanTargetStatus:
    """One plan target on the dashboard (规划目标完成情况).

    ``target`` the value for ``year`` (the latest plan year ≤ ``year``; ``final_target`` the last
    plan year's), ``actual`` the value for the year (``None`` without a data source), ``gap``
    actual − target (for lower-is-better targets a positive gap is behind), ``trend`` (period,
    value) pairs, ``status``: ``met`` (green), ``near`` (amber, within 10 % of the target),
    ``behind`` (red), ``no_data`` (grey), ``not_due`` (a later year's target not reached yet: not
    judged); ``note`` how the actual is made (mean, sum, register).
    """

    metric: str
    name: str
    unit: str
    scope: str
    direction: str
    year: int
    target: float | None
    target_year: int | None
    final_target: float | None
    final_year: int | None
    actual: float | None
    gap: float | None
    trend: tuple[tuple[str, float], ...]
    status: str
    note: str = ""
    detail: str = ""

    @property
    def colour(self) -> str:
        return {"met": "#2E7D4F", "near": "#C98A0B", "behind": "#B23A48"}.get(self.status, "#8A94A6")


# ------------------------------------------------------------------------------------------ helpers

def quarter(period: str) -> str:
    """Canonical quarter (``'2007Q4'``) or :class:`InputRefused` — evaluation is quarterly."""
    try:
        canonical = parse_period(period)
    except NormaliseError:
        raise InputRefused(msg("eval.bad_period", value=period)) from None
    if "Q" not in canonical:
        raise InputRefused(msg("eval.bad_period", value=period))
    return canonical


def previous_quarter(period: str) -> str:
    """``'2007Q4'`` → ``'2007Q3'``, ``'2008Q1'`` → ``'2007Q4'``."""
    year, q = int(period[:4]), int(period[-1])
    return f"{year}Q{q - 1}" if q > 1 else f"{year - 1}Q4"


def quarters_of(year: int) -> list[str]:
    return [f"{year}Q{q}" for q in range(1, 5)]


def _mean(values: Sequence[float]) -> float:
    return math.fsum(values) / len(values)


def _suggest_version(version: str, taken: set[str]) -> str:
    base = version
    for n in range(2, 100):
        candidate = f"{base}-{n}"
        if candidate not in taken:
            return candidate
    return f"{base}-new"


def _join(items: Sequence[str], limit: int = 3) -> str:
    shown = "、".join(items[:limit])
    return shown + ("…" if len(items) > limit else "")


# ------------------------------------------------------------------------------------------ service

class EvaluationService:
    """Indicator systems, inputs, scores, publication, reports and plan targets (``services.evaluation``)."""

    def __init__(self, services: Services):
        self._services = services

    # ================================================================== systems
    def _root_path(self) -> str:
        with self._services.read() as session:
            path = session.scalar(select(OrgUnit.path).where(OrgUnit.parent_id.is_(None)).order_by(OrgUnit.code).limit(1))
        return path or "/000000/"

    def _require_head_office(self, actor: Actor, action_key: str) -> None:
        require(actor, msg(action_key), org_path=self._root_path(), org_code="000000")

    def _info(self, session, record: IndicatorSystemRecord) -> SystemInfo:
        periods = session.execute(
            select(EvaluationPeriod.period, EvaluationPeriod.status).where(EvaluationPeriod.system_id == record.id)
            .order_by(EvaluationPeriod.period)
        ).all()
        return SystemInfo(record.id, record.name, record.system_version, record.effective_from, record.created_by,
                          record.created_at, record.based_on_id, record.note, tuple(p for p, _ in periods),
                          tuple(p for p, s in periods if s == PeriodStatus.PUBLISHED))

    def systems(self, actor: Actor) -> list[SystemInfo]:
        """Every stored version, newest effective date first (then newest stored)."""
        with self._services.read() as session:
            records = session.scalars(select(IndicatorSystemRecord).order_by(
                IndicatorSystemRecord.effective_from.desc(), IndicatorSystemRecord.id.desc())).all()
            return [self._info(session, r) for r in records]

    def system(self, actor: Actor, system_id: int) -> StoredSystem:
        """Stored version ``system_id`` (:class:`NotFound` if none)."""
        with self._services.read() as session:
            record = session.get(IndicatorSystemRecord, system_id)
            if record is None:
                raise NotFound(msg("eval.unknown_system", id=system_id))
            return StoredSystem(self._info(session, record), repo.load_system(session, system_id))

    def system_for_period(self, actor: Actor, period: str) -> StoredSystem:
        """The version in force for quarter ``period`` (the latest effective on or before its last
        day; DESIGN §4). :class:`InputRefused` when none is in force yet."""
        period = quarter(period)
        with self._services.read() as session:
            system_id = repo.system_id_for_period(session, period_end(period))
            if system_id is None:
                first = session.scalar(select(func.min(IndicatorSystemRecord.effective_from)))
                raise InputRefused(msg("eval.no_system", period=period, first=first.isoformat() if first else "-"))
        return self.system(actor, system_id)

    def active_system(self, actor: Actor, today: dt.date | None = None) -> StoredSystem:
        """The version in force today (or the earliest stored one before any takes effect)."""
        today = today or dt.date.today()
        with self._services.read() as session:
            system_id = repo.system_id_for_period(session, today)
            if system_id is None:
                system_id = session.scalar(select(IndicatorSystemRecord.id).order_by(
                    IndicatorSystemRecord.effective_from, IndicatorSystemRecord.id).limit(1))
        if system_id is None:
            raise NotFound(msg("eval.unknown_system", id="-"))
        return self.system(actor, system_id)

    def save_system(self, actor: Actor, system: IndicatorSystem, *, based_on_id: int | None = None,
                    note: str | None = None) -> SystemInfo:
        """Store ``system`` as a **new version** (编辑即新版本) — a stored version is never rewritten.

        Validates first: every problem (weights of a unit type not adding up to 100, rule
        parameters, structure) raises :class:`IndicatorSystemInvalid` and nothing is saved. A name
        and version label already stored is refused with a suggestion. Audited.
        """
        self._require_head_office(actor, "eval.action.system")
        system.validate()
        with self._services.unit_of_work() as session:
            taken = set(session.scalars(select(IndicatorSystemRecord.system_version)
                                        .where(IndicatorSystemRecord.name == system.name)))
            if system.version in taken:
                raise InputRefused(msg("eval.duplicate_version", name=system.name, version=system.version,
                                       suggest=_suggest_version(system.version, taken)))
            new_id = repo.insert_system(session, system, created_by=actor.login, based_on_id=based_on_id, note=note)
            audit(session, actor, "indicator_system", new_id, "create", None,
                  {"name": system.name, "version": system.version, "effective_from": system.effective_from,
                   "based_on": based_on_id, "weights": {t: system.weight_total(t) for t in system.unit_types()}})
            record = session.get(IndicatorSystemRecord, new_id)
            return self._info(session, record)

    def suggest_version(self, actor: Actor, name: str, version: str) -> str:
        """A version label not used yet for ``name`` (``2007版-2`` …)."""
        with self._services.read() as session:
            taken = set(session.scalars(select(IndicatorSystemRecord.system_version)
                                        .where(IndicatorSystemRecord.name == name)))
        return version if version not in taken else _suggest_version(version, taken)

    def import_system(self, actor: Actor, path: str | Path, *, note: str | None = None) -> SystemInfo:
        """Import a system from a TOML file (reference format) or an Excel workbook written by
        :meth:`export_system` as a new version. Every problem of the file is listed
        (:class:`IndicatorSystemInvalid`); nothing is saved then."""
        path = Path(path)
        if path.suffix.lower() in (".xlsx", ".xlsm", ".xls", ".ods"):
            from qsm_desktop.excel.indicator_system import read_system_workbook

            system = read_system_workbook(path)
        else:
            try:
                system = load_toml(path)
            except OSError as exc:
                raise InputRefused(msg("eval.file_unreadable", file=path.name, reason=os_error_text(exc))) from None
        return self.save_system(actor, system, note=note or path.name)

    def export_system(self, actor: Actor, system_id: int, path: str | Path) -> Path:
        """Write stored version ``system_id`` to ``path``: TOML (reference format, re-importable),
        or an Excel workbook when the name ends in ``.xlsx``."""
        stored = self.system(actor, system_id)
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.suffix.lower() == ".xlsx":
            from qsm_desktop.excel.indicator_system import write_system_workbook

            write_system_workbook(stored.system, path)
        else:
            path.write_text(dumps_toml(stored.system), encoding="utf-8")
        return path

    def system_from_toml_text(self, text: str) -> IndicatorSystem:
        """Parse and validate a system from TOML text (the editor's import)."""
        return loads_toml(text)

    def preview_system(self, actor: Actor, system: IndicatorSystem, period: str | None = None) -> SystemPreview:
        """Score ``period`` (default: the latest computed period, else the latest period with
        inputs) under a draft ``system`` without storing anything, next to the stored scores —
        the editor's preview of the effect of a change. The draft must be valid."""
        system.validate()
        if period is None:
            periods = self.periods(actor)
            period = periods[-1].period if periods else self.latest_input_period(actor)
        if period is None:
            raise InputRefused(msg("eval.not_computed", period="-"))
        period = quarter(period)
        before = None
        try:
            before = self.scores(actor, period).scores
        except InputRefused:
            before = None
        inputs = self.gather(actor, period, system_override=system)
        after = score_period(system, period, inputs.units, self._previous_totals(actor, period, compute=False))
        return SystemPreview(period, before, after)

    # ================================================================== inputs
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

    def _units(self, session, system: IndicatorSystem) -> list[tuple[int, str, str, str, str]]:
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
            stored = self.system_for_period(actor, period)
            system_id, system = stored.info.id, stored.system
        else:
            system, system_id = system_override, 0
        as_of = period_end(period)
        language = get_language()
        with self._services.read() as session:
            units = self._units(session, system)
            if not units:
                raise InputRefused(msg("eval.no_units", types="、".join(system.unit_types())))
            stored_values = session.execute(
                select(IndicatorValue.org_unit_id, IndicatorValue.indicator_code, IndicatorValue.value,
                       IndicatorValue.origin, IndicatorValue.source_sheet, IndicatorValue.source_cell,
                       IndicatorValue.reason, IndicatorValue.entered_by, IndicatorValue.entered_at, ImportBatch.file_name)
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
        path_of = {code: path for code, path in all_units}

        values_by_unit: dict[int, dict[str, tuple]] = defaultdict(dict)
        for row in stored_values:
            values_by_unit[row.org_unit_id][row.indicator_code] = row
        returned: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)  # (kind, org) -> [(period, file)]
        for kind, org, bperiod, file_name, _bid in batches:
            if org:
                returned[(kind, org)].append((bperiod or "", file_name))

        branch_codes = [u[1] for u in units if u[3] == UNIT_TYPE_BRANCH]
        branch_leaves = system.indicators_for(UNIT_TYPE_BRANCH)
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
        from qsm_desktop.excel.kinds.internal_service import RATING_FIELDS, rating_field_for

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
        internal_missing = [c for c in branch_codes if c not in raters] if INTERNAL in needs else []

        for unit_id, code, name, unit_type, path in units:
            leaves = system.indicators_for(unit_type)
            values: dict[str, InputValue | None] = {}
            stored = values_by_unit.get(unit_id, {})
            for ind in leaves:
                manual_row = stored.get(ind.code)
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
                    origin = msg("eval.origin.cert", date=as_of.isoformat(), certified=rates.all.certified,
                                 members=rates.all.members,
                                 files=msg("eval.origin.cert_files", files="、".join(files)) if files else "")
                    values[ind.code] = InputValue(round(rate, 2), origin)
                    sources[(code, ind.code)] = (ValueSource(origin, round(rate, 2), code),)
                elif ind.source == "training":
                    values[ind.code] = training.get(code, (None,))[0]
                    if values[ind.code] is not None:
                        sources[(code, ind.code)] = (ValueSource(values[ind.code].origin, values[ind.code].value, code),)
                elif ind.source == "awards":
                    count, origin, titles = awards.get(code, (0, msg("eval.origin.awards", date=as_of.isoformat(),
                                                                     levels="、".join(AWARD_LEVELS), count=0), ()))
                    values[ind.code] = InputValue(float(count), origin)
                    sources[(code, ind.code)] = titles or (ValueSource(origin, float(count), code),)
                elif ind.source == INTERNAL:
                    field_name = rating_field_for(ind)
                    found = rating_values.get(unit_id, {}).get(field_name or "", []) if field_name else []
                    if not found:
                        values[ind.code] = None
                        continue
                    mean = _mean([s.value for s in found])  # type: ignore[misc]
                    origin = msg("eval.origin.internal", count=len(found), column=ind.name, first=found[0].label)
                    values[ind.code] = InputValue(mean, origin)
                    sources[(code, ind.code)] = tuple(found)
                else:  # quarterly / manual without a stored value
                    values[ind.code] = None
            inputs.append(UnitInput(code, name, unit_type, values))

            # which returns are missing (缺报)
            kinds_needed = {i.source for i in leaves}
            if unit_type == UNIT_TYPE_BRANCH:
                if QUARTERLY in kinds_needed and not any(p == period for p, _ in returned.get((QUARTERLY, code), [])):
                    missing.append(MissingReturn(code, name, QUARTERLY, msg("eval.missing.quarterly", period=period)))
                if "training" in kinds_needed and code in training and training[code][1]:
                    missing.append(MissingReturn(code, name, "training", training[code][1]))
                if "certification" in kinds_needed and (cert.get(code) is None or cert[code].all.rate is None):
                    missing.append(MissingReturn(code, name, "certification", msg("eval.missing.no_staff")))
                if code in internal_missing:
                    missing.append(MissingReturn(code, name, INTERNAL, msg("eval.missing.internal_service", period=period)))
            elif INTERNAL in kinds_needed:
                for ind in leaves:
                    if ind.source == INTERNAL and rating_field_for(ind) is None:
                        missing.append(MissingReturn(code, name, INTERNAL,
                                                     msg("eval.missing.no_rating_column", name=ind.name)))
                if internal_missing:
                    names = [next(u[2] for u in units if u[1] == c) for c in internal_missing]
                    missing.append(MissingReturn(code, name, INTERNAL,
                                                 msg("eval.missing.internal_raters", period=period,
                                                     units=_join(names, 5))))
        return PeriodInputs(period, system_id, system, tuple(inputs), sources, tuple(missing))

    def _stored_value(self, row, language: str) -> tuple[InputValue, tuple[ValueSource, ...]]:
        if row.origin == MANUAL:
            at = row.entered_at.strftime("%Y-%m-%d") if row.entered_at else ""
            origin = msg("eval.origin.manual", reason=row.reason or "", who=row.entered_by or "", at=at)
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
            return {code: (None, msg("eval.missing.no_training_service")) for code in branch_codes}
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
                out[code] = (None, msg("eval.missing.training", year=year))
                continue
            if code in figures:  # the same figure c03() gives, for every branch in one pass
                coverage = figures[code].c03.coverage
                value = 0.0 if coverage is None else coverage
            else:
                value = c03(actor, code, as_of)
            if value is None:
                out[code] = (None, msg("eval.missing.training", year=year))
                continue
            origin = msg("eval.origin.training", year=year, date=as_of.isoformat(),
                         files=msg("eval.origin.training_files", files="、".join(files[-2:])))
            out[code] = (InputValue(round(float(value), 2), origin), None)
        return out

    def held_awards(self, actor: Actor, as_of: dt.date, levels: Sequence[str] = AWARD_LEVELS) -> list[tuple[str, str, str]]:
        """Showcase titles of ``levels`` held on ``as_of`` (示范窗口称号): the bank's own awards
        (``showcase_awards``: awarded on or before, not revoked by then) and titles won outside
        (``showcase_outside_titles``, e.g. the industry association's 全国级). Returns (outlet path,
        level, number or official name)."""
        from qsm_desktop.store.models.showcase import ShowcaseAward, ShowcaseOutsideTitle

        from sqlalchemy import or_

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
        levels = "、".join(AWARD_LEVELS)
        out = {}
        for code in branch_codes:
            mine = [(level, name) for path, level, name in held if f"/{code}/" in path]
            origin = msg("eval.origin.awards", date=as_of.isoformat(), levels=levels, count=len(mine))
            out[code] = (len(mine), origin, tuple(ValueSource(f"{level} {name}", 1.0, code) for level, name in mine))
        return out

    # ------------------------------------------------------------------ manual values
    def values(self, actor: Actor, unit_code: str, period: str) -> list[ValueInfo]:
        """The stored values (quarterly and manual) of ``unit_code`` for ``period``."""
        period = quarter(period)
        with self._services.read() as session:
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
        values (certification, training, awards, internal ratings) are refused. ``value`` as typed
        (percent accepts 0.97/97/"97%"). ``expected_version``: the record version the user edited
        (a newer one → :class:`ConflictError`). A published period is frozen (:class:`InputRefused`).
        """
        period = quarter(period)
        reason = (reason or "").strip()
        if not reason:
            raise InputRefused(msg("eval.manual_reason"))
        stored = self.system_for_period(actor, period)
        system = stored.system
        try:
            ind = system.indicator(indicator_code)
        except KeyError:
            raise InputRefused(msg("eval.unknown_indicator", code=indicator_code, system=system.label)) from None
        if ind.source not in (MANUAL, QUARTERLY):
            source = SOURCES.get(ind.source, (ind.source, ind.source))[0 if get_language() == "zh" else 1]
            raise InputRefused(msg("eval.manual_not_allowed", code=ind.code, name=ind.name, source=source))
        from qsm_desktop.excel.kinds.quarterly import parse_indicator_value

        try:
            number = parse_indicator_value(ind, value)
        except NormaliseError as exc:
            raise InputRefused(msg("eval.manual_value", code=ind.code, value=value, reason=exc.message())) from None
        now = dt.datetime.now().replace(microsecond=0)
        with self._services.unit_of_work() as session:
            unit = session.execute(select(OrgUnit).where(OrgUnit.code == unit_code)).scalar_one_or_none()
            if unit is None:
                raise NotFound(msg("org.unknown", code=unit_code))
            require(actor, msg("eval.action.manual"), org_path=unit.path, org_code=unit.code)
            if ind not in system.indicators_for(unit.type):
                raise InputRefused(msg("eval.manual_unit_type", code=ind.code, type=unit.type, name=unit.name))
            self._refuse_if_published(session, period)
            row = session.execute(select(IndicatorValue).where(
                IndicatorValue.org_unit_id == unit.id, IndicatorValue.period == period,
                IndicatorValue.indicator_code == ind.code)).scalar_one_or_none()
            before = None
            if row is None:
                row = IndicatorValue(org_unit_id=unit.id, period=period, indicator_code=ind.code, value=number,
                                     origin=MANUAL, reason=reason, entered_by=actor.login, entered_at=now)
                session.add(row)
            else:
                if expected_version is not None and row.version != expected_version:
                    raise ConflictError(msg("conflict.stale", entity=f"{unit_code}/{period}/{ind.code}"))
                before = {"value": row.value, "origin": row.origin, "reason": row.reason}
                row.value, row.origin, row.reason = number, MANUAL, reason
                row.entered_by, row.entered_at = actor.login, now
                row.source_batch_id = row.source_sheet = row.source_row = row.source_cell = None
            session.flush()
            audit(session, actor, "indicator_value", f"{unit_code}/{period}/{ind.code}", "manual", before,
                  {"value": number, "origin": MANUAL, "reason": reason})
            return ValueInfo(unit_code, period, ind.code, number, MANUAL, MANUAL, reason, actor.login, now, row.version)

    # ================================================================== scores
    def _refuse_if_published(self, session, period: str) -> None:
        record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()
        if record is not None and record.status == PeriodStatus.PUBLISHED:
            raise InputRefused(msg("eval.published_frozen", period=period, by=record.published_by or "",
                                   at=record.published_at.strftime("%Y-%m-%d %H:%M") if record.published_at else ""))

    def _previous_totals(self, actor: Actor, period: str, *, compute: bool = True) -> dict[str, float]:
        """Unit code → total of the previous quarter: stored scores, else computed on the fly
        (not stored) when that quarter has inputs and ``compute``."""
        previous = previous_quarter(period)
        with self._services.read() as session:
            rows = session.execute(
                select(UnitScoreRecord.org_code, UnitScoreRecord.total).join(
                    EvaluationPeriod, EvaluationPeriod.id == UnitScoreRecord.period_id)
                .where(EvaluationPeriod.period == previous)
            ).all()
            if rows:
                return {code: total for code, total in rows}
            has_inputs = session.scalar(select(func.count()).select_from(IndicatorValue).where(
                IndicatorValue.period == previous)) or session.scalar(select(func.count()).select_from(
                    InternalServiceRating).where(InternalServiceRating.period == previous))
        if not compute or not has_inputs:
            return {}
        try:
            inputs = self.gather(actor, previous)
        except InputRefused:
            return {}
        scored = score_period(inputs.system, previous, inputs.units)
        return {u.code: u.total for u in scored.units}

    def compute(self, actor: Actor, period: str, *, store: bool = True,
                progress: Callable[[int, int, str], None] | None = None) -> EvaluationResult:
        """Compute (and with ``store`` save as a draft) the scores of quarter ``period`` — DESIGN §4.

        A published period is frozen: its stored result is returned unchanged. Raises
        :class:`InputRefused` for a bad period or no system in force, :class:`PermissionDenied`
        for a reader or a branch-scoped actor when storing.
        """
        period = quarter(period)
        if store:
            self._require_head_office(actor, "eval.action.compute")
            existing = self._period_record(period)
            if existing is not None and existing.status == PeriodStatus.PUBLISHED:
                return self.scores(actor, period)
        if progress:
            progress(0, 3, period)
        inputs = self.gather(actor, period)
        if progress:
            progress(1, 3, period)
        previous = self._previous_totals(actor, period)
        scores = score_period(inputs.system, period, inputs.units, previous)
        complete = scores.complete and not inputs.missing
        now = dt.datetime.now().replace(microsecond=0)
        result = EvaluationResult(period, inputs.system_id, PeriodStatus.DRAFT, complete, False, now, actor.login,
                                  None, None, scores, inputs.missing, inputs.sources)
        if store:
            if progress:
                progress(2, 3, period)
            self._store(actor, result)
        if progress:
            progress(3, 3, period)
        return result

    def _period_record(self, period: str) -> EvaluationPeriod | None:
        with self._services.read() as session:
            return session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()

    def _store(self, actor: Actor, result: EvaluationResult, *, publish: bool = False, note: str | None = None) -> None:
        """Replace the period's stored draft by ``result`` (one transaction), or publish it."""
        from qsm_desktop.excel.kinds import _db

        lang = "zh"
        missing = [{"unit": m.unit_code, "kind": m.kind, "message": m.message} for m in result.missing]
        with self._services.unit_of_work() as session:
            record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == result.period)) \
                .scalar_one_or_none()
            if record is not None and record.status == PeriodStatus.PUBLISHED:
                self._refuse_if_published(session, result.period)
            ids = dict(session.execute(select(OrgUnit.code, OrgUnit.id)).all())
            if record is None:
                record = EvaluationPeriod(period=result.period, system_id=result.system_id, computed_by=actor.login,
                                          computed_at=result.computed_at, status=PeriodStatus.DRAFT,
                                          complete=result.complete, accepted_incomplete=False)
                session.add(record)
                session.flush()
            else:
                old_ids = select(UnitScoreRecord.id).where(UnitScoreRecord.period_id == record.id)
                session.execute(delete(IndicatorScoreRecord).where(IndicatorScoreRecord.unit_score_id.in_(old_ids)))
                session.execute(delete(UnitScoreRecord).where(UnitScoreRecord.period_id == record.id))
                record.system_id = result.system_id
                record.computed_by = actor.login
                record.computed_at = result.computed_at
            record.complete = result.complete
            record.missing_returns = missing
            record.accepted_incomplete = result.accepted_incomplete
            if publish:
                record.status = PeriodStatus.PUBLISHED
                record.published_by = actor.login
                record.published_at = dt.datetime.now().replace(microsecond=0)
                record.note = note
            session.flush()
            unit_rows = []
            for unit in result.scores.units:
                unit_rows.append({
                    "period_id": record.id, "org_unit_id": ids[unit.code], "org_code": unit.code,
                    "unit_name": unit.name, "unit_type": unit.unit_type, "total": unit.total, "grade": unit.grade,
                    "rank": unit.rank, "previous_total": unit.previous_total, "complete": unit.complete,
                    "problems": [{"indicator": p.indicator_code, "source": p.source, "reason": p.reason,
                                  "message": p.message(lang)} for p in unit.problems],
                })
            unit_ids = self._insert_units(session, record.id, unit_rows)
            leaf_rows = []
            for unit in result.scores.units:
                for item in unit.indicators:
                    why = item.explanation
                    srcs = result.sources.get((unit.code, item.code), ())
                    leaf_rows.append({
                        "unit_score_id": unit_ids[unit.code], "indicator_code": item.code, "value": item.value,
                        "points": item.points, "origin": (item.origin or "")[:1000] or None,
                        "sources": [{"label": s.label, "value": s.value, "unit": s.unit_code} for s in srcs] or None,
                        "explanation": why.describe(lang) if why else (item.problem.message(lang) if item.problem else None),
                        "loss_reason": why.loss_reason(lang) if why else None,
                    })
            _db.insert_many(session, IndicatorScoreRecord.__table__, leaf_rows)
            action = "publish" if publish else "compute"
            audit(session, actor, "evaluation_period", result.period, action, None,
                  {"system_id": result.system_id, "units": len(result.scores.units), "complete": result.complete,
                   "accepted_incomplete": result.accepted_incomplete, "note": note})

    @staticmethod
    def _insert_units(session, period_id: int, rows: list[dict]) -> dict[str, int]:
        from qsm_desktop.excel.kinds import _db

        _db.insert_many(session, UnitScoreRecord.__table__, rows)
        table = UnitScoreRecord.__table__
        return dict(session.execute(select(table.c.org_code, table.c.id).where(table.c.period_id == period_id)).all())

    def scores(self, actor: Actor, period: str) -> EvaluationResult:
        """The stored result of quarter ``period`` (draft or published), rebuilt with its explanations
        from the stored values under the stored system version. :class:`InputRefused` when the
        period was never computed."""
        period = quarter(period)
        with self._services.read() as session:
            record = session.execute(select(EvaluationPeriod).where(EvaluationPeriod.period == period)).scalar_one_or_none()
            if record is None:
                raise InputRefused(msg("eval.not_computed", period=period))
            system = repo.load_system(session, record.system_id)
            units = session.scalars(select(UnitScoreRecord).where(UnitScoreRecord.period_id == record.id)
                                    .order_by(UnitScoreRecord.org_code)).all()
            leaves = session.scalars(select(IndicatorScoreRecord).join(
                UnitScoreRecord, UnitScoreRecord.id == IndicatorScoreRecord.unit_score_id)
                .where(UnitScoreRecord.period_id == record.id)).all()
            snapshot = (record.period, record.system_id, record.status, record.complete, record.accepted_incomplete,
                        record.computed_at, record.computed_by, record.published_at, record.published_by,
                        list(record.missing_returns or []), record.note)
        by_unit: dict[int, list[IndicatorScoreRecord]] = defaultdict(list)
        for leaf in leaves:
            by_unit[leaf.unit_score_id].append(leaf)
        inputs, previous, sources = [], {}, {}
        names = {}
        for unit in units:
            values: dict[str, InputValue | None] = {}
            for leaf in by_unit.get(unit.id, []):
                values[leaf.indicator_code] = None if leaf.value is None else InputValue(leaf.value, leaf.origin or "")
                if leaf.sources:
                    sources[(unit.org_code, leaf.indicator_code)] = tuple(
                        ValueSource(s.get("label", ""), s.get("value"), s.get("unit")) for s in leaf.sources)
            inputs.append(UnitInput(unit.org_code, unit.unit_name, unit.unit_type, values))
            if unit.previous_total is not None:
                previous[unit.org_code] = unit.previous_total
            names[unit.org_code] = unit.unit_name
        scores = score_period(system, period, inputs, previous, accept_incomplete=snapshot[4])
        for unit in units:  # the frozen record and the rebuilt one must agree
            rebuilt = scores.unit(unit.org_code)
            if abs(rebuilt.total - unit.total) > 1e-6 or rebuilt.rank != unit.rank or rebuilt.grade != unit.grade:
                log.warning("stored score of %s %s differs from its rebuild (%s/%s/%s vs %s/%s/%s)", period,
                            unit.org_code, unit.total, unit.grade, unit.rank, rebuilt.total, rebuilt.grade, rebuilt.rank)
        missing = tuple(MissingReturn(m["unit"], names.get(m["unit"], ""), m["kind"], m["message"]) for m in snapshot[9])
        return EvaluationResult(snapshot[0], snapshot[1], snapshot[2], snapshot[3], snapshot[4], snapshot[5],
                                snapshot[6], snapshot[7], snapshot[8], scores, missing, sources, snapshot[10])

    def evaluate(self, actor: Actor, period: str) -> EvaluationResult:
        """``qsm evaluate``: the published result when the period is frozen, else compute and store
        a draft from the current inputs (DESIGN §7)."""
        period = quarter(period)
        record = self._period_record(period)
        if record is not None and record.status == PeriodStatus.PUBLISHED:
            return self.scores(actor, period)
        return self.compute(actor, period)

    def publish(self, actor: Actor, period: str, *, accept_incomplete: bool = False,
                note: str | None = None) -> EvaluationResult:
        """Compute quarter ``period`` from the current inputs and publish it (发布，冻结).

        Refused (:class:`InputRefused`, listing what is missing) when any input or return is
        missing, unless ``accept_incomplete`` — the office's explicit decision, recorded with
        ``note``; the incomplete units are then graded and ranked on their partial totals. A
        period already published is returned as it is.
        """
        period = quarter(period)
        self._require_head_office(actor, "eval.action.publish")
        record = self._period_record(period)
        if record is not None and record.status == PeriodStatus.PUBLISHED:
            return self.scores(actor, period)
        result = self.compute(actor, period, store=False)
        if not result.complete and not accept_incomplete:
            lines = result.problem_lines()
            shown = lines[:MAX_PROBLEMS_SHOWN]
            if len(lines) > MAX_PROBLEMS_SHOWN:
                shown.append(msg("eval.more_problems", n=len(lines) - MAX_PROBLEMS_SHOWN))
            raise InputRefused(msg("eval.incomplete", period=period, problems="\n".join(f"- {s}" for s in shown)))
        if not result.complete:
            inputs_scores = score_period(result.system, period,
                                         [UnitInput(u.code, u.name, u.unit_type,
                                                    {i.code: None if i.value is None else InputValue(i.value, i.origin)
                                                     for i in u.indicators}) for u in result.scores.units],
                                         {u.code: u.previous_total for u in result.scores.units
                                          if u.previous_total is not None},
                                         accept_incomplete=True)
            result = replace(result, scores=inputs_scores, accepted_incomplete=True)
        self._store(actor, result, publish=True, note=note)
        return self.scores(actor, period)

    def periods(self, actor: Actor) -> list[PeriodInfo]:
        """Computed periods, oldest first."""
        with self._services.read() as session:
            rows = session.execute(
                select(EvaluationPeriod, IndicatorSystemRecord.name, IndicatorSystemRecord.system_version,
                       select(func.count()).where(UnitScoreRecord.period_id == EvaluationPeriod.id)
                       .correlate(EvaluationPeriod).scalar_subquery())
                .join(IndicatorSystemRecord, IndicatorSystemRecord.id == EvaluationPeriod.system_id)
                .order_by(EvaluationPeriod.period)
            ).all()
        return [PeriodInfo(p.period, p.status, p.complete, p.accepted_incomplete, p.system_id, f"{n} {v}".strip(),
                           p.computed_at, p.computed_by, p.published_at, p.published_by, count or 0)
                for p, n, v, count in rows]

    # ================================================================== history and reports
    def history(self, actor: Actor, period: str, count: int = 8):
        """Earlier computed quarters (oldest first, at most ``count``) as report ``PastPeriod`` s."""
        from qsm_desktop.reports.evaluation_pdf import PastPeriod

        period = quarter(period)
        with self._services.read() as session:
            rows = session.execute(
                select(EvaluationPeriod.period, UnitScoreRecord.org_code, UnitScoreRecord.unit_type,
                       UnitScoreRecord.total, UnitScoreRecord.grade)
                .join(UnitScoreRecord, UnitScoreRecord.period_id == EvaluationPeriod.id)
                .where(EvaluationPeriod.period < period)
            ).all()
        totals: dict[str, dict[str, float]] = defaultdict(dict)
        graded: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for p, code, unit_type, total, grade in rows:
            totals[p][code] = total
            if grade is not None:
                graded[p][unit_type].append(total)
        chosen = sorted(totals)[-count:]
        return tuple(PastPeriod(p, totals[p], {t: _mean(v) for t, v in graded[p].items() if v}) for p in chosen)

    def report_data(self, actor: Actor, period: str, *, generated_on: dt.date | None = None):
        """What the PDF reports print for quarter ``period``: the published scores of a frozen
        quarter, else the scores of the current inputs (computed and stored as the draft, as
        ``qsm evaluate`` does) — a report never shows a draft older than the data it describes."""
        from qsm_desktop.reports.evaluation_pdf import EvaluationReportData

        result = self.evaluate(actor, period)
        return EvaluationReportData(scores=result.scores, history=self.history(actor, period),
                                    generated_on=generated_on or dt.date.today(), published=result.published)

    def build_period_report(self, actor: Actor, period: str, out: str | Path, *, language: str | None = None):
        """Write the bank-wide report of ``period`` (全行综合评价通报) to ``out``."""
        from qsm_desktop.reports.evaluation_pdf import build_period_report

        return build_period_report(self.report_data(actor, period), out, language)

    def build_unit_report(self, actor: Actor, period: str, unit_code: str, out: str | Path, *,
                          language: str | None = None):
        """Write one unit's report (单位综合评价报告); :class:`NotFound` for a unit not evaluated."""
        from qsm_desktop.reports.evaluation_pdf import build_unit_report

        data = self.report_data(actor, period)
        try:
            data.scores.unit(unit_code)
        except KeyError:
            raise NotFound(msg("eval.unknown_unit", code=unit_code)) from None
        return build_unit_report(data, unit_code, out, language)

    def build_unit_reports(self, actor: Actor, period: str, out_dir: str | Path, *,
                           progress: Callable[[int, int, str], None] | None = None,
                           cancel: threading.Event | Callable[[], bool] | None = None,
                           language: str | None = None, with_period_report: bool = False):
        """Write every unit's report into ``out_dir`` (批量生成) with progress and cancel; with
        ``with_period_report`` also the bank-wide one (``<period>_全行综合评价报告.pdf``)."""
        from qsm_desktop.reports.evaluation_pdf import build_period_report, build_unit_reports

        data = self.report_data(actor, period)
        result = build_unit_reports(data, out_dir, progress=progress, cancel=cancel, language=language)
        if with_period_report and not result.cancelled:
            build_period_report(data, Path(out_dir) / f"{data.scores.period}_全行综合评价报告.pdf", language)
        return result

    # ================================================================== plan targets
    def plan_dashboard(self, actor: Actor, year: int) -> list[PlanTargetStatus]:
        """Every plan target (reference/plan_targets.toml, as edited) with the actual for ``year``,
        the gap, the quarterly trend and a status colour (规划目标看板, DESIGN §1)."""
        with self._services.read() as session:
            targets = session.execute(select(PlanTarget).order_by(PlanTarget.id)).scalars().all()
            values = session.execute(
                select(IndicatorValue.period, IndicatorValue.indicator_code, IndicatorValue.value, OrgUnit.code)
                .join(OrgUnit, OrgUnit.id == IndicatorValue.org_unit_id)
                .where(IndicatorValue.indicator_code.in_(("B01", "B02", "B03", "B04")))
            ).all()
            branch_count = session.scalar(select(func.count()).select_from(OrgUnit).where(
                OrgUnit.type == UNIT_TYPE_BRANCH, OrgUnit.status != OrgStatus.CLOSED.value)) or 0
        by_metric: dict[str, list[PlanTarget]] = defaultdict(list)
        for t in targets:
            by_metric[t.metric].append(t)
        per_code: dict[str, dict[str, dict[str, float]]] = defaultdict(lambda: defaultdict(dict))
        for p, code, value, org in values:
            per_code[code][p][org] = value
        out = []
        for metric, rows in by_metric.items():
            rows.sort(key=lambda t: t.year)
            first = rows[0]
            in_force = [t for t in rows if t.year <= year]
            target_row = in_force[-1] if in_force else rows[0]
            final = rows[-1]
            actual, trend, note, detail = self._plan_actual(actor, metric, year, per_code, branch_count, first)
            gap = None if actual is None else actual - target_row.value
            status = self._plan_status(first.direction, actual, target_row.value)
            if target_row.year > year and status != "met" and actual is not None:
                status = "not_due"  # a later year's target (e.g. 400 centres by 2009): not judged yet
            out.append(PlanTargetStatus(metric, first.name, first.unit, first.scope, first.direction, year,
                                        target_row.value, target_row.year, final.value, final.year, actual, gap,
                                        tuple(trend), status, note, detail))
        return out

    @staticmethod
    def _plan_status(direction: str, actual: float | None, target: float | None) -> str:
        if actual is None or target is None:
            return "no_data"
        if direction == "lower":
            if actual <= target + 1e-9:
                return "met"
            return "near" if actual <= target * 1.1 + 1e-9 else "behind"
        if actual >= target - 1e-9:
            return "met"
        return "near" if actual >= target * 0.9 - 1e-9 else "behind"

    def _plan_actual(self, actor: Actor, metric: str, year: int, per_code, branch_count: int, target: PlanTarget):
        """(actual, trend [(period, value)], note, detail) of one metric for ``year``."""
        from qsm_desktop.domain.posts import CERT_RATE_METRIC

        indicator_metrics = {"self_service_uptime": ("B01", "mean"), "pos_success_local_rank": ("B02", "mean"),
                             "online_banking_share": ("B03", "mean"), "wealth_centres_new": ("B04", "sum"),
                             "wealth_centres_total": ("B04", "cumulative")}
        if metric in indicator_metrics:
            code, how = indicator_metrics[metric]
            periods = per_code.get(code, {})
            trend = []
            running = 0.0
            for p in sorted(periods):
                if int(p[:4]) > year:
                    break
                vals = list(periods[p].values())
                if how == "mean":
                    point = _mean(vals)
                elif how == "sum":
                    point = math.fsum(vals)
                else:
                    running += math.fsum(vals)
                    point = running
                if int(p[:4]) == year or how == "cumulative":
                    trend.append((p, point))
            year_periods = [p for p in sorted(periods) if int(p[:4]) == year]
            if not year_periods:
                return None, trend, msg("eval.plan.no_data"), ""
            if how == "mean":
                latest = periods[year_periods[-1]]
                actual = _mean(list(latest.values()))
                met = sum(1 for v in latest.values() if (v <= target.value if target.direction == "lower"
                                                          else v >= target.value))
                return actual, trend, msg("eval.plan.mean_note"), msg("eval.plan.branches_met", met=met, total=len(latest))
            if how == "sum":
                actual = math.fsum(v for p in year_periods for v in periods[p].values())
                trend = [(p, v) for p, v in zip(year_periods, (math.fsum(periods[p].values()) for p in year_periods))]
                running, cumulative = 0.0, []
                for p, v in trend:
                    running += v
                    cumulative.append((p, running))
                return actual, cumulative, msg("eval.plan.sum_note"), ""
            actual = math.fsum(v for p in periods if int(p[:4]) <= year for v in periods[p].values())
            return actual, trend, msg("eval.plan.cumulative_note"), ""
        category = next((c for c, m in CERT_RATE_METRIC.items() if m == metric), None)
        if category is not None:
            as_of = min(dt.date(year, 12, 31), dt.date.today())
            if as_of.year < year:
                return None, [], msg("eval.plan.no_data"), ""
            root = self._services.orgs.root_code(actor)
            trend = []
            for q in quarters_of(year):
                end = period_end(q)
                if end > as_of:
                    break
                rate = self._services.certification.rates(actor, end, root).categories[category].rate
                if rate is not None:
                    trend.append((q, rate))
            rates = self._services.certification.rates(actor, as_of, root).categories[category]
            by_branch = self._services.certification.rates_by_unit(actor, as_of)
            branches = self._branch_codes()
            branch_rates = [r.categories[category].rate for c, r in by_branch.items()
                            if r.categories[category].rate is not None and c in branches]
            met = sum(1 for r in branch_rates if r >= target.value)
            detail = msg("eval.plan.branches_met", met=met, total=len(branch_rates)) if branch_rates else ""
            return rates.rate, trend, msg("eval.plan.register_note", date=as_of.isoformat()), detail
        if metric == "national_showcase_units":
            end = min(dt.date(year, 12, 31), dt.date.today())
            if end.year < year:
                return None, [], msg("eval.plan.no_data"), ""
            trend = [(q, float(len(self.held_awards(actor, period_end(q), ("全国级",)))))
                     for q in quarters_of(year) if period_end(q) <= end]
            count = len(self.held_awards(actor, end, ("全国级",)))
            return float(count), trend, msg("eval.plan.register_note", date=end.isoformat()), ""
        return None, [], msg("eval.plan.no_data"), ""

    def _branch_codes(self) -> set[str]:
        with self._services.read() as session:
            return set(session.scalars(select(OrgUnit.code).where(OrgUnit.type == UNIT_TYPE_BRANCH)))


__all__ = [
    "EvaluationResult", "EvaluationService", "MissingReturn", "PeriodInfo", "PeriodInputs", "PlanTargetStatus",
    "StoredSystem", "SystemInfo", "SystemPreview", "ValueInfo", "ValueSource", "previous_quarter", "quarter",
]
