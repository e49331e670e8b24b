"""What the evaluation service returns (综合评价的数据对象) — frozen dataclasses, DESIGN §4.

The window, the command line and the PDF reports see the evaluation only through these: stored
indicator-system versions (:class:`SystemInfo`, :class:`StoredSystem`), a period's inputs with where
each value came from (:class:`PeriodInputs`, :class:`ValueSource`, :class:`MissingReturn`), scores
(:class:`EvaluationResult`, :class:`PeriodInfo`), stored values for the manual-entry form
(:class:`ValueInfo`), a draft system's effect (:class:`SystemPreview`) and the plan-target dashboard
(:class:`PlanTargetStatus`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field

from qsm_desktop.domain.i18n import get_language, render_text
from qsm_desktop.domain.names import shown, shown_version
from qsm_desktop.domain.indicators import IndicatorSystem, PeriodScores, UnitInput
from qsm_desktop.store.models.evaluation import PeriodStatus


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
    name_en: str | None = None

    @property
    def label(self) -> str:
        return f"{self.name} {self.version}".strip()

    def shown_label(self, language: str | None = None) -> str:
        """Name and version label in ``language`` (English names when known, issue 14)."""
        return f"{shown(self.name, self.name_en, language=language)} {shown_version(self.version, language=language)}".strip()

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
    the value read there (for means: each branch's rating). ``role`` ``"reported"`` marks the
    quarterly return's typed value kept beside a register's figure (DESIGN §8.2, §9.2).
    ``source``: on a register's figure standing in for the quarterly return's, the register
    (``mystery_visits``, ``complaints``, ``capa``), so that the frozen record still says which
    source the value came from (the report's appendix names it)."""

    label: str
    value: float | None = None
    unit_code: str | None = None
    role: str | None = None
    source: str | None = None


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
    their origins), the detailed sources per (unit, indicator code), the missing returns, and the
    record ``versions`` of the stored values (quarterly and manual) per (unit code, indicator code)."""

    period: str
    system_id: int
    system: IndicatorSystem
    units: tuple[UnitInput, ...]
    sources: Mapping[tuple[str, str], tuple[ValueSource, ...]]
    missing: tuple[MissingReturn, ...]
    versions: Mapping[tuple[str, str], int] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationResult:
    """A period's scores (综合评价结果) as the window, CLI and reports see them.

    ``scores``: the domain :class:`PeriodScores` (units with each leaf's value, origin, points and
    explanation, totals, grades, ranks, previous totals); ``status`` ``draft``/``published``;
    ``missing``: missing returns per unit; ``sources``: detailed sources per (unit, indicator);
    ``versions``: the record version of each stored value (quarterly or manual) the scores show, per
    (unit code, indicator code) — what the manual-entry form passes back so that a value changed
    meanwhile by someone else is refused, not overwritten (DESIGN §6; :meth:`value_version`).
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
    versions: Mapping[tuple[str, str], int] = field(default_factory=dict)

    @property
    def published(self) -> bool:
        return self.status == PeriodStatus.PUBLISHED

    def value_version(self, unit_code: str, indicator_code: str) -> int | None:
        """The version of the stored value the scores show for ``unit_code``'s ``indicator_code``
        (``None``: no value was stored — entering one creates it)."""
        return self.versions.get((unit_code, indicator_code))

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
        lines = [f"{m.unit_code} {m.unit_name}：{render_text(m.message, language)}" if (language or get_language()) == "zh"
                 else f"{m.unit_code} {m.unit_name}: {render_text(m.message, language)}" for m in self.missing]
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
    judged); ``note`` how the actual is made (mean, sum, register); ``measured`` the level the
    actual is measured at, which the scope column states beside the plan's scope (issue 14):
    ``"branch_mean"`` the average of the branches' values, ``"branch_sum"`` their sum (a bank
    total), ``"bank"`` a bank-wide register figure, ``""`` no data source.
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
    measured: str = ""

    @property
    def colour(self) -> str:
        return {"met": "#2E7D4F", "near": "#C98A0B", "behind": "#B23A48"}.get(self.status, "#8A94A6")



__all__ = [
    "EvaluationResult", "MissingReturn", "PeriodInfo", "PeriodInputs", "PlanTargetStatus", "StoredSystem", "SystemInfo",
    "SystemPreview", "ValueInfo", "ValueSource",
]
