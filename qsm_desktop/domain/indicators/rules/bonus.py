"""``bonus`` (加分): ``points = min(weight, per_unit * value)`` — DESIGN §4, TOML header.

The value is a count ≥ 0 (e.g. showcase units held); the direction is ``higher``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import ClassVar

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators.numbers import fmt_number, per_unit_text, with_unit
from qsm_desktop.domain.indicators.rules._per_unit import PerUnitRule
from qsm_desktop.domain.indicators.rules.base import RuleOutcome, register_rule

register({
    "indicators.rule.bonus": (
        "加分：每{unit}得 {per_unit} 分，最高 {weight} 分",
        "bonus: {per_unit} per{unit}, at most {weight}",
    ),
    "indicators.summary.bonus": ("每{unit}加 {points} 分", "+{points} per {unit}"),
    "indicators.loss.bonus.partial": (
        "{value} × 每{unit} {per_unit} 分 = {points} 分，未达上限 {weight} 分（差 {lost} 分）",
        "{value} × {per_unit} per{unit} = {points}, below the cap of {weight} ({lost} short)",
    ),
})


@register_rule
@dataclass(frozen=True)
class BonusRule(PerUnitRule):
    """``bonus`` (加分): ``min(weight, per_unit * value)``, e.g. 2 points per showcase unit held.

    The value is a count ≥ 0; the direction is ``higher``.
    """

    per_unit: float
    kind: ClassVar[str] = "bonus"
    position: ClassVar[int] = 40
    label_zh: ClassVar[str] = "按个加分"
    label_en: ClassVar[str] = "Bonus per unit"
    aliases: ClassVar[tuple[str, ...]] = ("加分",)
    direction: ClassVar[str] = "higher"
    formulas: ClassVar[tuple[str, ...]] = ("points = min(weight, per_unit * value)",)

    def apply(self, value: float, weight: float) -> RuleOutcome:
        """Case ``cap`` (the weight reached) or ``partial``; fact ``raw``."""
        raw = self.per_unit * value
        if raw >= weight:
            return RuleOutcome(weight, "cap", (("raw", raw),))
        return RuleOutcome(max(raw, 0.0), "partial", (("raw", raw),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        """``加分：每个得 2 分，最高 5 分``."""
        return msg("indicators.rule.bonus", language=language, weight=fmt_number(weight),
                   per_unit=fmt_number(self.per_unit), unit=per_unit_text(unit, language))

    def summary(self, unit: str, language: str) -> str:
        """``每个加 2 分`` / ``+2 per 个`` (the unit as written, ``1`` when none)."""
        return msg("indicators.summary.bonus", language=language, points=fmt_number(self.per_unit),
                   unit=(unit or "1") if language == "zh" else per_unit_text(unit, language).strip())

    def target_text(self, unit: str, weight: float, language: str) -> str:
        """``≥5个``: the count that reaches the cap."""
        count = math.ceil(weight / self.per_unit - 1e-9) if self.per_unit > 0 else 0
        return msg("indicators.target.at_least", language=language, value=with_unit(count, unit, language))

    def loss_reason(self, value: float, outcome: RuleOutcome, unit: str, weight: float, lost: float,
                    language: str) -> str:
        """``1个 × 每个 2 分 = 2 分，未达上限 5 分（差 3 分）``."""
        return msg("indicators.loss.bonus.partial", language=language, value=with_unit(value, unit, language),
                   unit=per_unit_text(unit, language), per_unit=fmt_number(self.per_unit),
                   points=fmt_number(outcome.points), weight=fmt_number(weight), lost=fmt_number(lost))


__all__ = ["BonusRule"]
