"""An indicator system (指标体系): grade bands, categories, leaf indicators and their checks — DESIGN §4.

An *indicator system* has a name, a version (``2007版``), the date it takes effect, grade bands
(优秀/良好/合格/待改进), categories (each applying to one org-unit type: 分行 branches or 总行部门
head-office departments) and leaf indicators. A leaf has a code, name, unit, direction
(``"higher"`` or ``"lower"`` is better), weight (points), data source and a scoring rule
(:mod:`~qsm_desktop.domain.indicators.rules`). The weights of the leaves of each unit type add up
to 100.

Grades come from the bands: the band with the highest ``min`` not above the unrounded total
(with :data:`~.vocabulary.TIE_TOLERANCE`), so 89.995 is 良好 although it prints as 90.00.
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import get_language, msg
from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the texts used here)
from qsm_desktop.domain.indicators.explanation import ScoreExplanation
from qsm_desktop.domain.indicators.numbers import fmt_number, is_number
from qsm_desktop.domain.indicators.rules import Rule
from qsm_desktop.domain.names import shown, shown_unit, shown_version
from qsm_desktop.domain.indicators.vocabulary import (
    DIRECTIONS,
    ORG_UNIT_TYPES,
    SOURCES,
    TIE_TOLERANCE,
    WEIGHT_TOLERANCE,
    WEIGHT_TOTAL,
)


class IndicatorSystemInvalid(InputRefused):
    """An indicator system that cannot be used (weights, rule parameters, structure); nothing saved.

    ``problems`` holds every problem as a sentence in the current language.
    """

    def __init__(self, system: str, problems: Sequence[str]):
        self.problems = tuple(problems)
        super().__init__(
            msg("indicators.invalid", system=system, problems="\n".join(f"- {p}" for p in problems))
        )


@dataclass(frozen=True)
class GradeBand:
    """A grade band (等级): totals ≥ ``min`` (points, 0–100) get ``name`` unless a higher band applies."""

    name: str
    min: float
    name_en: str = ""
    """English name (issue 14; ``""`` when none — :func:`~qsm_desktop.domain.names.shown` falls back)."""


@dataclass(frozen=True)
class Category:
    """A category (指标类别) of leaf indicators, applying to one org-unit type (``分行``, ``总行部门``)."""

    code: str
    name: str
    applies_to: str
    name_en: str = ""
    """English name (issue 14)."""


@dataclass(frozen=True)
class Indicator:
    """A leaf indicator (指标).

    ``unit`` as written in returns (``%`` means percent 0–100, ``分``, ``件``, ``分钟``, ``名``, ``个``);
    ``direction`` ``"higher"``/``"lower"``; ``weight`` in points; ``source`` a key of
    :data:`~.vocabulary.SOURCES`; ``rule`` any registered scoring rule.
    """

    code: str
    category: str
    name: str
    unit: str
    direction: str
    weight: float
    source: str
    rule: Rule
    name_en: str = ""
    """English name (issue 14); the Chinese ``name`` stays the key of returns and JSON."""

    def shown_name(self, language: str | None = None) -> str:
        """The indicator's name in ``language`` (issue 14): ``name_en`` in English when there is one."""
        return shown(self.name, self.name_en, language=language)

    def shown_unit(self, language: str | None = None) -> str:
        """The unit in ``language`` (``分`` → ``pts``; ``个`` → nothing in English)."""
        return shown_unit(self.unit, language=language)

    def score(self, value: float) -> tuple[float, ScoreExplanation]:
        """Score ``value`` (in the indicator's unit; percent 0–100) with this indicator's rule.

        Returns the unrounded points and the explanation (value → rule → points, why points were
        lost). The value must be valid for the rule (see :meth:`value_problem`); ``ValueError``
        otherwise — callers that take user input go through
        :func:`~qsm_desktop.domain.indicators.scoring.score_unit`, which reports invalid values as
        input problems instead.
        """
        problem = self.value_problem(value)
        if problem is not None:
            raise ValueError(f"{self.code}: {value!r} — {msg(problem, language='en')}")
        outcome = self.rule.apply(float(value), self.weight)
        return outcome.points, ScoreExplanation(self, float(value), outcome)

    def target_text(self, language: str | None = None) -> str:
        """The value that earns full points (目标), e.g. ``≥90%``, ``≤10分钟``, ``前 3 名``, ``0件``,
        ``≥5个`` (bonus: the count that reaches the cap)."""
        return self.rule.target_text(self.unit, self.weight, language or get_language())

    def value_problem(self, value: object) -> str | None:
        """The message key saying why ``value`` cannot be scored, or ``None`` when it can."""
        if not is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
            return "indicators.expect_finite_value"
        return self.rule.value_problem(float(value))  # type: ignore[arg-type]


@dataclass(frozen=True)
class IndicatorSystem:
    """A versioned indicator system (指标体系), DESIGN §4; seeded from ``db/seed/indicator_system_2007.toml``.

    ``grades`` are kept in descending ``min`` order. Construction does not validate (an editor may
    hold a draft); :meth:`validate` refuses a system that cannot be used, and the TOML loaders
    always validate.
    """

    name: str
    version: str
    effective_from: datetime.date
    grades: tuple[GradeBand, ...]
    categories: tuple[Category, ...]
    indicators: tuple[Indicator, ...]
    name_en: str = ""
    """English name of the system (issue 14)."""

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.grades, key=lambda g: g.min, reverse=True))
        if ordered != self.grades:
            object.__setattr__(self, "grades", ordered)

    @property
    def label(self) -> str:
        """``name`` and ``version`` together, e.g. ``服务质量管理综合评价指标体系 2007版``."""
        return f"{self.name} {self.version}".strip()

    def shown_label(self, language: str | None = None) -> str:
        """:attr:`label` in ``language`` (English name and version label when known), issue 14."""
        return f"{shown(self.name, self.name_en, language=language)} {shown_version(self.version, language=language)}".strip()

    def grade_name(self, grade: str | None, language: str | None = None) -> str:
        """A grade band's name (``合格``) in ``language`` (its English name when it has one)."""
        band = next((g for g in self.grades if g.name == grade), None)
        return shown(grade, band.name_en if band is not None else None, language=language)

    def unit_types(self) -> tuple[str, ...]:
        """The org-unit types the system evaluates, in category order (``分行``, ``总行部门``)."""
        seen: dict[str, None] = {}
        for category in self.categories:
            seen.setdefault(category.applies_to, None)
        return tuple(seen)

    def category(self, code: str) -> Category:
        """The category with ``code`` (``KeyError`` if none)."""
        for category in self.categories:
            if category.code == code:
                return category
        raise KeyError(code)

    def indicator(self, code: str) -> Indicator:
        """The leaf indicator with ``code`` (``KeyError`` if none)."""
        for indicator in self.indicators:
            if indicator.code == code:
                return indicator
        raise KeyError(code)

    def categories_for(self, unit_type: str) -> tuple[Category, ...]:
        """Categories that apply to ``unit_type``."""
        return tuple(c for c in self.categories if c.applies_to == unit_type)

    def indicators_for(self, unit_type: str) -> tuple[Indicator, ...]:
        """Leaf indicators that apply to ``unit_type`` (via their category), in system order."""
        codes = {c.code for c in self.categories_for(unit_type)}
        return tuple(i for i in self.indicators if i.category in codes)

    def indicators_in(self, category_code: str) -> tuple[Indicator, ...]:
        """Leaf indicators of one category."""
        return tuple(i for i in self.indicators if i.category == category_code)

    def weight_total(self, unit_type: str) -> float:
        """Sum of the weights of ``unit_type``'s leaves (must be 100)."""
        return math.fsum(i.weight for i in self.indicators_for(unit_type))

    def grade_for(self, total: float) -> str:
        """The grade (等级) of an unrounded ``total`` (0–100): the highest band whose ``min`` it reaches."""
        for band in self.grades:
            if total + TIE_TOLERANCE >= band.min:
                return band.name
        return self.grades[-1].name if self.grades else ""

    def problems(self, *, weights: bool = True) -> list[str]:
        """Every reason the system cannot be used, as sentences in the current language (empty = valid).

        Checked: texts present, unique codes, categories exist and have leaves, unit types known,
        directions and sources known, weights > 0, the weights of each unit type add up to 100,
        rule parameters valid and consistent with the direction, a grade band starting at 0.
        """
        out: list[str] = []
        for label, value in (("name", self.name), ("version", self.version)):
            if not isinstance(value, str) or not value.strip():
                out.append(msg("indicators.bad_field", where=msg("indicators.where_system"), field=label,
                               value=value, expected=msg("indicators.expect_text")))
        # grades
        if not any(g.min == 0 for g in self.grades):
            out.append(msg("indicators.no_grades"))
        out += duplicates([g.name for g in self.grades], msg("indicators.what_grade"))
        # categories
        out += duplicates([c.code for c in self.categories], msg("indicators.what_category"))
        for category in self.categories:
            where = msg("indicators.where_category", code=category.code)
            if category.applies_to not in ORG_UNIT_TYPES:
                out.append(msg("indicators.bad_field", where=where, field="applies_to", value=category.applies_to,
                               expected=msg("indicators.expect_one_of", choices="、".join(ORG_UNIT_TYPES))))
            if not self.indicators_in(category.code):
                out.append(msg("indicators.empty_category", code=category.code, name=category.name))
        # indicators
        if not self.indicators:
            out.append(msg("indicators.no_indicators"))
        out += duplicates([i.code for i in self.indicators], msg("indicators.what_indicator"))
        category_codes = {c.code for c in self.categories}
        for ind in self.indicators:
            where = msg("indicators.where_indicator", code=ind.code)
            if ind.category not in category_codes:
                out.append(msg("indicators.unknown_category", code=ind.code, category=ind.category))
            if ind.direction not in DIRECTIONS:
                out.append(msg("indicators.bad_field", where=where, field="direction", value=ind.direction,
                               expected=msg("indicators.expect_one_of", choices=", ".join(DIRECTIONS))))
            if ind.source not in SOURCES:
                out.append(msg("indicators.bad_field", where=where, field="source", value=ind.source,
                               expected=msg("indicators.expect_one_of", choices=", ".join(SOURCES))))
            if not (is_number(ind.weight) and ind.weight > 0):
                out.append(msg("indicators.bad_field", where=where, field="weight", value=ind.weight,
                               expected=msg("indicators.expect_positive")))
            if ind.direction in DIRECTIONS:
                out += ind.rule.problems(ind.code, ind.direction)
        if weights:
            out += weight_problems(self.categories, [(i.category, i.weight) for i in self.indicators])
        return out

    def validate(self) -> IndicatorSystem:
        """Return ``self`` if usable; raise :class:`IndicatorSystemInvalid` listing every problem
        (e.g. the weights for 分行 adding up to 95) otherwise."""
        problems = self.problems()
        if problems:
            raise IndicatorSystemInvalid(self.shown_label(), problems)
        return self


def weight_problems(categories: Sequence[Category], leaves: Sequence[tuple[str, float]]) -> list[str]:
    """The weights of each unit type's leaves ``(category code, weight)`` must add up to 100: one
    sentence per unit type that does not."""
    unit_type_of = {c.code: c.applies_to for c in categories}
    totals: dict[str, list[float]] = {}
    for category in categories:
        totals.setdefault(category.applies_to, [])
    for category_code, weight in leaves:
        if category_code in unit_type_of:
            totals[unit_type_of[category_code]].append(weight)
    return [
        msg("indicators.weights", unit_type=unit_type, total=fmt_number(math.fsum(ws), 4))
        for unit_type, ws in totals.items()
        if abs(math.fsum(ws) - WEIGHT_TOTAL) > WEIGHT_TOLERANCE
    ]


def duplicates(codes: Iterable[str], what: str) -> list[str]:
    """One sentence per code that repeats an earlier one (``what``: the translated kind of code)."""
    seen: set[str] = set()
    out: list[str] = []
    for code in codes:
        if code in seen:
            out.append(msg("indicators.duplicate", what=what, code=code))
        seen.add(code)
    return out


__all__ = ["Category", "GradeBand", "Indicator", "IndicatorSystem", "IndicatorSystemInvalid", "duplicates",
           "weight_problems"]
