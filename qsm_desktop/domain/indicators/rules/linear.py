"""``linear`` (线性): 0 points at or beyond the floor, full points at or beyond the target, pro rata between.

From the header of ``db/seed/indicator_system_2007.toml`` (DESIGN §4):
higher-better ``points = weight * clamp((value - floor) / (target - floor), 0, 1)``;
lower-better (``target < floor``) ``weight * clamp((floor - value) / (floor - target), 0, 1)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.domain.indicators.numbers import fmt_number, with_unit
from qsm_desktop.domain.indicators.rules.base import RuleOutcome, register_rule
from qsm_desktop.domain.indicators.rules.fields import NUMBER, RuleField

register({
    "indicators.expect_floor_target": ("保底值与目标值不能相同", "floor and target must differ"),
    "indicators.expect_higher_linear": (
        "越高越好时目标值应高于保底值", "higher-better needs target above floor"
    ),
    "indicators.expect_lower_linear": (
        "越低越好时目标值应低于保底值", "lower-better needs target below floor"
    ),
    "indicators.rule.linear.higher": (
        "线性：{floor}及以下得 0 分，{target}及以上得满分 {weight} 分，其间按比例",
        "linear: 0 at or below {floor}, full {weight} at or above {target}, pro rata in between",
    ),
    "indicators.rule.linear.lower": (
        "线性（越低越好）：{floor}及以上得 0 分，{target}及以下得满分 {weight} 分，其间按比例",
        "linear (lower is better): 0 at or above {floor}, full {weight} at or below {target}, pro rata in between",
    ),
    "indicators.summary.linear": ("线性 {floor} → {target}", "linear {floor} → {target}"),
    "indicators.target.at_most": ("≤{value}", "≤ {value}"),
    "indicators.loss.linear.partial.higher": (
        "本期值 {value} 低于目标 {target}（差 {gap}），按比例失 {lost} 分",
        "{value} is {gap} below the target {target}: {lost} points lost pro rata",
    ),
    "indicators.loss.linear.partial.lower": (
        "本期值 {value} 高于目标 {target}（超出 {gap}），按比例失 {lost} 分",
        "{value} is {gap} above the target {target}: {lost} points lost pro rata",
    ),
    "indicators.loss.linear.zero.higher": (
        "本期值 {value} 未高于保底值 {floor}，该项不得分（失 {lost} 分）",
        "{value} is not above the floor {floor}: no points ({lost} lost)",
    ),
    "indicators.loss.linear.zero.lower": (
        "本期值 {value} 未低于保底值 {floor}，该项不得分（失 {lost} 分）",
        "{value} is not below the floor {floor}: no points ({lost} lost)",
    ),
})

FLOOR = RuleField("floor", NUMBER, "indicator", "保底值（得 0 分）", "Floor (0 points)", "保底值")
TARGET = RuleField("target", NUMBER, "indicator", "目标值（得满分）", "Target (full points)", "目标值")


@register_rule
@dataclass(frozen=True)
class LinearRule:
    """``linear`` (线性): 0 at or beyond ``floor``, full points at or beyond ``target``, linear between.

    Higher-better when ``target > floor``, lower-better when ``target < floor`` (the two TOML
    formulas are the same fraction). Values in the indicator's unit (percent as 0–100).
    """

    floor: float
    target: float
    kind: ClassVar[str] = "linear"
    position: ClassVar[int] = 10
    label_zh: ClassVar[str] = "线性（保底值 → 目标值）"
    label_en: ClassVar[str] = "Linear (floor → target)"
    aliases: ClassVar[tuple[str, ...]] = ("线性",)
    fields: ClassVar[tuple[RuleField, ...]] = (FLOOR, TARGET)
    value_kind: ClassVar[str] = "measure"
    formulas: ClassVar[tuple[str, ...]] = (
        "higher-better: points = weight * clamp((value - floor) / (target - floor), 0, 1)",
        "lower-better:  points = weight * clamp((floor - value) / (floor - target), 0, 1)",
    )

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> LinearRule:
        """``{"floor": float, "target": float}`` → the rule."""
        return cls(values["floor"], values["target"])  # type: ignore[arg-type]

    def to_mapping(self) -> dict[str, object]:
        """``{"kind": "linear", "floor": …, "target": …}``."""
        return {"kind": self.kind, "floor": self.floor, "target": self.target}

    @property
    def lower_is_better(self) -> bool:
        """Whether the target lies below the floor (越低越好)."""
        return self.target < self.floor

    def problems(self, code: str, direction: str) -> list[str]:
        """Floor equal to target, or a target on the wrong side of the floor for ``direction``."""
        where = msg("indicators.where_indicator", code=code)
        out: list[str] = []
        if self.floor == self.target:
            out.append(msg("indicators.bad_field", where=where, field="target", value=fmt_number(self.target),
                           expected=msg("indicators.expect_floor_target")))
        elif direction == "higher" and self.lower_is_better:
            out.append(msg("indicators.rule_direction", code=code, direction=direction, kind=self.kind,
                           expected=msg("indicators.expect_higher_linear")))
        elif direction == "lower" and not self.lower_is_better:
            out.append(msg("indicators.rule_direction", code=code, direction=direction, kind=self.kind,
                           expected=msg("indicators.expect_lower_linear")))
        return out

    def value_problem(self, value: float) -> str | None:
        """Any finite value can be scored."""
        return None

    def apply(self, value: float, weight: float) -> RuleOutcome:
        """``weight * clamp(fraction, 0, 1)``; cases ``full``, ``zero``, ``partial`` (fact ``gap``)."""
        fraction = (value - self.floor) / (self.target - self.floor)
        if fraction >= 1.0:
            return RuleOutcome(weight, "full")
        if fraction <= 0.0:
            return RuleOutcome(0.0, "zero")
        return RuleOutcome(weight * fraction, "partial", (("gap", abs(self.target - value)),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        """``线性：70%及以下得 0 分，90%及以上得满分 15 分，其间按比例``."""
        key = "indicators.rule.linear.lower" if self.lower_is_better else "indicators.rule.linear.higher"
        return msg(key, language=language, floor=with_unit(self.floor, unit, language),
                   target=with_unit(self.target, unit, language), weight=fmt_number(weight))

    def summary(self, unit: str, language: str) -> str:
        """``线性 70% → 90%`` / ``linear 70% → 90%`` (the unit as written)."""
        return msg("indicators.summary.linear", language=language, floor=with_unit(self.floor, unit, language),
                   target=with_unit(self.target, unit, language))

    def target_text(self, unit: str, weight: float, language: str) -> str:
        """``≥90%`` (higher-better) or ``≤10分钟`` (lower-better)."""
        key = "indicators.target.at_most" if self.lower_is_better else "indicators.target.at_least"
        return msg(key, language=language, value=with_unit(self.target, unit, language))

    def loss_reason(self, value: float, outcome: RuleOutcome, unit: str, weight: float, lost: float,
                    language: str) -> str:
        """Not beyond the floor (nothing earned), or short of the target by ``gap`` (pro rata)."""
        side = "lower" if self.lower_is_better else "higher"
        shown = with_unit(value, unit, language)
        if outcome.case == "zero":
            return msg(f"indicators.loss.linear.zero.{side}", language=language, value=shown,
                       floor=with_unit(self.floor, unit, language), lost=fmt_number(lost))
        return msg(f"indicators.loss.linear.partial.{side}", language=language, value=shown,
                   target=with_unit(self.target, unit, language),
                   gap=with_unit(outcome.fact("gap"), unit, language), lost=fmt_number(lost))


__all__ = ["FLOOR", "TARGET", "LinearRule"]
