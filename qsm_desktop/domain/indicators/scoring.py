"""Scoring a period (评分): units' inputs → points, totals, grades and competition ranks — DESIGN §4.

Points are kept unrounded; a unit's total is the (``math.fsum``) sum of its unrounded leaf points.
Rounding to 2 decimals happens only for display and reports.

Ranking (排名) is *competition ranking* ("1224") on the unrounded total among units of the same
type: units whose totals differ by less than :data:`~.vocabulary.TIE_TOLERANCE` (floating-point
noise, far below the 0.01 shown) share a rank, and the next rank skips accordingly; tied units are
listed by unit code. A unit with a missing or invalid input is *incomplete*: its missing leaves
score nothing (``points is None``, never a silent 0), the problems are listed per unit, and it gets
no grade and no rank unless the period is explicitly accepted as incomplete
(``accept_incomplete=True``), in which case the partial total is graded and ranked.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import get_language, msg
from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the texts used here)
from qsm_desktop.domain.indicators.explanation import ScoreExplanation
from qsm_desktop.domain.indicators.registers import figures_differ
from qsm_desktop.domain.indicators.system import Indicator, IndicatorSystem
from qsm_desktop.domain.indicators.vocabulary import SOURCES, TIE_TOLERANCE

@dataclass(frozen=True)
class InputValue:
    """A value for one indicator and where it came from (``origin``: ``file!sheet!cell``, a
    register query, or ``manual: <reason>``). Units as the indicator's (percent 0–100).

    ``reported``: for a value a register gave in place of the quarterly return's (DESIGN §8.2,
    §9.2), the value the return typed, shown beside it (``None`` when nothing was typed or the
    value is the typed one).

    ``source``: the data source (a :data:`~.vocabulary.SOURCES` key) that gave the value when it
    is not the indicator's own — ``mystery_visits``, ``complaints`` or ``capa`` for a register's
    figure standing in for the quarterly return's (DESIGN §8.2, §9.2); ``""`` = the indicator's
    own source."""

    value: float
    origin: str = ""
    reported: float | None = None
    source: str = ""


@dataclass(frozen=True)
class UnitInput:
    """The inputs of one org unit for one period: ``values`` maps indicator code → value
    (float, :class:`InputValue`, or ``None`` = not reported). Codes the unit's type does not use
    are ignored."""

    code: str
    name: str
    unit_type: str
    values: Mapping[str, float | InputValue | None]


@dataclass(frozen=True)
class InputProblem:
    """A missing or invalid input of one unit (缺报/无效数据): never scored as a silent 0."""

    unit_code: str
    unit_name: str
    indicator_code: str
    indicator_name: str
    source: str
    reason: Literal["missing", "invalid"]
    value: object = None
    expected_key: str = ""

    def message(self, language: str | None = None) -> str:
        """The problem in words (zh/en), naming the unit, the indicator and its data source."""
        lang = language or get_language()
        source = SOURCES.get(self.source, (self.source, self.source))[0 if lang == "zh" else 1]
        params = dict(unit_code=self.unit_code, unit_name=self.unit_name, code=self.indicator_code,
                      name=self.indicator_name, source=source)
        if self.reason == "missing":
            return msg("indicators.input.missing", language=lang, **params)
        return msg("indicators.input.invalid", language=lang, value=self.value,
                   expected=msg(self.expected_key, language=lang), **params)


@dataclass(frozen=True)
class IndicatorScore:
    """One leaf of one unit: value (``None`` when missing/invalid), its origin, the unrounded
    points (``None`` when not scored) and the explanation."""

    indicator: Indicator
    value: float | None
    origin: str
    points: float | None
    explanation: ScoreExplanation | None
    problem: InputProblem | None = None
    reported: float | None = None
    source: str = ""

    @property
    def source_used(self) -> str:
        """The data source (a :data:`~.vocabulary.SOURCES` key) the value came from: a register
        standing in for the quarterly return (``mystery_visits`` …, DESIGN §8.2, §9.2), else the
        indicator's own source."""
        return self.source or self.indicator.source

    @property
    def code(self) -> str:
        """The indicator's code."""
        return self.indicator.code

    @property
    def differs(self) -> bool:
        """Whether the quarterly return's typed value (``reported``) differs from the register's
        figure the leaf was scored on (DESIGN §8.2, §9.2: shown beside it and flagged)."""
        return self.value is not None and figures_differ(self.value, self.reported)


@dataclass(frozen=True)
class CategoryScore:
    """A unit's points in one category (类别得分), out of the category's ``weight``."""

    code: str
    name: str
    points: float
    weight: float

    @property
    def rate(self) -> float:
        """Points as percent of the weight (0–100)."""
        return 100.0 * self.points / self.weight if self.weight else 0.0


@dataclass(frozen=True)
class UnitScore:
    """A unit's result for one period (机构得分): leaves, unrounded ``total``, ``grade`` and ``rank``
    (``None`` while incomplete and not accepted), ``previous_total`` and the list of input problems."""

    code: str
    name: str
    unit_type: str
    indicators: tuple[IndicatorScore, ...]
    total: float
    grade: str | None = None
    rank: int | None = None
    previous_total: float | None = None
    problems: tuple[InputProblem, ...] = ()
    categories: tuple[CategoryScore, ...] = ()

    @property
    def complete(self) -> bool:
        """Whether every leaf had a valid value."""
        return not self.problems

    @property
    def change(self) -> float | None:
        """``total - previous_total`` (环比变化), ``None`` without a previous total."""
        return None if self.previous_total is None else self.total - self.previous_total

    @property
    def missing_sources(self) -> tuple[str, ...]:
        """The data sources (return kinds, registers) with missing or invalid values, in system order."""
        return tuple(dict.fromkeys(p.source for p in self.problems))

    def indicator(self, code: str) -> IndicatorScore:
        """The leaf with ``code`` (``KeyError`` if none)."""
        for item in self.indicators:
            if item.code == code:
                return item
        raise KeyError(code)


@dataclass(frozen=True)
class PeriodScores:
    """All units' results for one period (``'2007Q4'``) under one system."""

    period: str
    system: IndicatorSystem
    units: tuple[UnitScore, ...]
    accepted_incomplete: bool = False

    def of_type(self, unit_type: str) -> tuple[UnitScore, ...]:
        """Units of one type, best first (by rank, then unit code; unranked units last)."""
        selected = [u for u in self.units if u.unit_type == unit_type]
        return tuple(sorted(selected, key=lambda u: (u.rank is None, u.rank or 0, -u.total, u.code)))

    def unit(self, code: str) -> UnitScore:
        """The unit with ``code`` (``KeyError`` if none)."""
        for unit in self.units:
            if unit.code == code:
                return unit
        raise KeyError(code)

    @property
    def complete(self) -> bool:
        """Whether every unit had every input."""
        return all(u.complete for u in self.units)

    def problems(self) -> tuple[InputProblem, ...]:
        """Every missing or invalid input of the period, unit by unit."""
        return tuple(p for u in self.units for p in u.problems)

    def average_points(self, unit_type: str) -> dict[str, float]:
        """Mean points per indicator code over the units of ``unit_type`` that have a value."""
        out: dict[str, float] = {}
        for ind in self.system.indicators_for(unit_type):
            pts = [s.points for u in self.units if u.unit_type == unit_type
                   for s in u.indicators if s.code == ind.code and s.points is not None]
            if pts:
                out[ind.code] = math.fsum(pts) / len(pts)
        return out

    def average_total(self, unit_type: str) -> float | None:
        """Mean total of the complete (or accepted) units of ``unit_type``."""
        totals = [u.total for u in self.units if u.unit_type == unit_type and u.grade is not None]
        return math.fsum(totals) / len(totals) if totals else None


def _input(raw: float | InputValue | None) -> tuple[object, str, float | None, str]:
    if isinstance(raw, InputValue):
        return raw.value, raw.origin, raw.reported, raw.source
    return raw, "", None, ""


def score_unit(system: IndicatorSystem, unit: UnitInput, previous_total: float | None = None) -> UnitScore:
    """Score one unit's leaves under ``system`` (no rank; grade only when complete).

    Every leaf of the unit's type is scored from ``unit.values``; a missing (absent/``None``) or
    invalid value becomes an :class:`InputProblem` and scores ``None``, never 0. Raises
    :class:`~qsm_desktop.domain.errors.InputRefused` when the system has no indicators for the
    unit's type. Source of the rules: DESIGN §4 and the TOML header.
    """
    leaves = system.indicators_for(unit.unit_type)
    if not leaves:
        raise InputRefused(msg("indicators.unknown_unit_type", code=unit.code, name=unit.name,
                               unit_type=unit.unit_type, system=system.label))
    scores: list[IndicatorScore] = []
    problems: list[InputProblem] = []
    for ind in leaves:
        value, origin, reported, source = _input(unit.values.get(ind.code))
        if value is None:
            problem = InputProblem(unit.code, unit.name, ind.code, ind.name, ind.source, "missing")
        elif (key := ind.value_problem(value)) is not None:
            problem = InputProblem(unit.code, unit.name, ind.code, ind.name, ind.source, "invalid", value, key)
        else:
            points, explanation = ind.score(float(value))  # type: ignore[arg-type]
            scores.append(IndicatorScore(ind, float(value), origin, points, explanation,  # type: ignore[arg-type]
                                         reported=reported, source=source))
            continue
        problems.append(problem)
        scores.append(IndicatorScore(ind, None, origin, None, None, problem, reported, source))
    total = math.fsum(s.points for s in scores if s.points is not None)
    categories = tuple(
        CategoryScore(
            c.code, c.name,
            math.fsum(s.points for s in scores if s.indicator.category == c.code and s.points is not None),
            math.fsum(i.weight for i in system.indicators_in(c.code)),
        )
        for c in system.categories_for(unit.unit_type)
    )
    return UnitScore(
        code=unit.code, name=unit.name, unit_type=unit.unit_type, indicators=tuple(scores), total=total,
        grade=system.grade_for(total) if not problems else None, rank=None, previous_total=previous_total,
        problems=tuple(problems), categories=categories,
    )


def competition_ranks(totals: Mapping[str, float]) -> dict[str, int]:
    """Competition ranking ("1224", 并列名次) of unrounded totals, highest first.

    Totals within :data:`TIE_TOLERANCE` of the first total of their group share its rank; the
    next distinct total takes rank = 1 + number of units above it. Order within a tie: unit code.
    """
    ordered = sorted(totals.items(), key=lambda kv: (-kv[1], kv[0]))
    ranks: dict[str, int] = {}
    leader: float | None = None
    current = 0
    for position, (code, total) in enumerate(ordered, start=1):
        if leader is None or leader - total > TIE_TOLERANCE:
            leader, current = total, position
        ranks[code] = current
    return ranks


def score_period(
    system: IndicatorSystem,
    period: str,
    units: Sequence[UnitInput],
    previous_totals: Mapping[str, float] | None = None,
    accept_incomplete: bool = False,
) -> PeriodScores:
    """Score and rank every unit for ``period`` (``'2007Q4'``) under ``system`` — DESIGN §4.

    ``previous_totals``: unit code → unrounded total of the previous period (for the change).
    Units are ranked within their type (competition ranking on the unrounded total). Incomplete
    units get no grade and no rank (and do not take a rank from others) unless
    ``accept_incomplete`` — the office's explicit decision to publish an incomplete period — in
    which case their partial totals are graded and ranked like the others, problems still listed.
    Raises :class:`IndicatorSystemInvalid` for an unusable system and ``InputRefused`` for a
    unit whose type the system does not cover or a unit listed twice.
    """
    system.validate()
    previous_totals = previous_totals or {}
    seen: set[str] = set()
    scored: list[UnitScore] = []
    for unit in units:
        if unit.code in seen:
            raise InputRefused(msg("indicators.duplicate_unit", code=unit.code))
        seen.add(unit.code)
        scored.append(score_unit(system, unit, previous_totals.get(unit.code)))
    ranked: list[UnitScore] = []
    ranks: dict[str, int] = {}
    for unit_type in {u.unit_type for u in scored}:
        eligible = {u.code: u.total for u in scored
                    if u.unit_type == unit_type and (u.complete or accept_incomplete)}
        ranks.update(competition_ranks(eligible))
    for u in scored:
        rank = ranks.get(u.code)
        grade = system.grade_for(u.total) if rank is not None else None
        ranked.append(replace(u, rank=rank, grade=grade))
    return PeriodScores(period, system, tuple(ranked), accepted_incomplete=accept_incomplete)


__all__ = [
    "CategoryScore", "IndicatorScore", "InputProblem", "InputValue", "PeriodScores", "UnitInput", "UnitScore",
    "competition_ranks", "score_period", "score_unit",
]
