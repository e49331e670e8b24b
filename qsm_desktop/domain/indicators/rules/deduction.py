"""``deduction`` (扣分): ``points = max(0, weight - per_unit * value)`` — DESIGN §4, TOML header.

The value is a count ≥ 0 (e.g. valid complaints); the direction is ``lower``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators.numbers import fmt_number, per_unit_text, with_unit
from qsm_desktop.domain.indicators.rules._per_unit import PerUnitRule
from qsm_desktop.domain.indicators.rules.base import RuleOutcome, register_rule

register({
    "indicators.rule.deduction": (
        "扣分：满分 {weight} 分，每{unit}扣 {per_unit} 分，扣完为止",
        "deduction: {weight} less {per_unit} per{unit}, not below 0",
    ),
    "indicators.summary.deduction": ("每{unit}扣 {points} 分", "−{points} per {unit}"),
    "indicators.target.none": ("{value}", "{value}"),
    "indicators.loss.deduction.partial": (
        "{value} × 每{unit} {per_unit} 分，扣 {lost} 分",
        "{value} × {per_unit} per{unit}: {lost} points deducted",
    ),
    "indicators.loss.deduction.floor": (
        "{value} × 每{unit} {per_unit} 分 = 应扣 {raw} 分，超过满分 {weight} 分，以 0 分为限（失 {lost} 分）",
        "{value} × {per_unit} per{unit} = {raw} to deduct, more than the {weight} available: 0 points ({lost} lost)",
    ),
})


@register_rule
@dataclass(frozen=True)
class DeductionRule(PerUnitRule):
    """``deduction`` (扣分): ``max(0, weight - per_unit * value)``, e.g. 2 points per valid complaint.

    The value is a count ≥ 0; the direction is ``lower``.
    """

    per_unit: float
    kind: ClassVar[str] = "deduction"
    position: ClassVar[int] = 30
    label_zh: ClassVar[str] = "按件扣分"
    label_en: ClassVar[str] = "Deduction per unit"
    aliases: ClassVar[tuple[str, ...]] = ("扣分",)
    direction: ClassVar[str] = "lower"
    formulas: ClassVar[tuple[str, ...]] = ("points = max(0, weight - per_unit * value)",)

    def apply(self, value: float, weight: float) -> RuleOutcome:
        """Case ``full`` (nothing to deduct), ``partial`` or ``floor`` (deducted to 0); fact ``raw``."""
        raw = self.per_unit * value
        if raw <= 0:
            return RuleOutcome(weight, "full")
        if raw >= weight:
            return RuleOutcome(0.0, "floor", (("raw", raw),))
        return RuleOutcome(weight - raw, "partial", (("raw", raw),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        """``扣分：满分 10 分，每件扣 2 分，扣完为止``."""
        return msg("indicators.rule.deduction", language=language, weight=fmt_number(weight),
                   per_unit=fmt_number(self.per_unit), unit=per_unit_text(unit, language))

    def summary(self, unit: str, language: str) -> str:
        """``每件扣 2 分`` / ``−2 per 件`` (the unit as written, ``1`` when none)."""
        return msg("indicators.summary.deduction", language=language, points=fmt_number(self.per_unit),
                   unit=(unit or "1") if language == "zh" else per_unit_text(unit, language).strip())

    def target_text(self, unit: str, weight: float, language: str) -> str:
        """``0件``: full points take none."""
        return msg("indicators.target.none", language=language, value=with_unit(0, unit, language))

    def loss_reason(self, value: float, outcome: RuleOutcome, unit: str, weight: float, lost: float,
                    language: str) -> str:
        """``3件 × 每件 2 分，扣 6 分``, or the deduction capped at the weight."""
        key = "indicators.loss.deduction.floor" if outcome.case == "floor" else "indicators.loss.deduction.partial"
        return msg(key, language=language, value=with_unit(value, unit, language), unit=per_unit_text(unit, language),
                   per_unit=fmt_number(self.per_unit), raw=fmt_number(outcome.fact("raw")),
                   weight=fmt_number(weight), lost=fmt_number(lost))


__all__ = ["DeductionRule"]
