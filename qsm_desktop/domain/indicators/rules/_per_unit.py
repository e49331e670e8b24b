"""What the count rules (``deduction``, ``bonus``) share: one parameter ``per_unit`` (> 0), a fixed
direction, and a value that is a count ≥ 0 (DESIGN §4)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from qsm_desktop.domain.i18n import msg
from qsm_desktop.domain.indicators.numbers import fmt_number
from qsm_desktop.domain.indicators.rules.fields import NUMBER, RuleField

PER_UNIT = RuleField("per_unit", NUMBER, "points/indicator", "每单位分值", "Points per unit", "每单位分值")


class PerUnitRule:
    """Base of the count rules: checks of ``per_unit`` and the direction, the count value, the
    mapping. Subclasses are frozen dataclasses with a ``per_unit: float`` field and set ``kind``
    and ``direction``."""

    per_unit: float
    kind: ClassVar[str]
    direction: ClassVar[str]
    fields: ClassVar[tuple[RuleField, ...]] = (PER_UNIT,)
    value_kind: ClassVar[str] = "count"

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]):
        """``{"per_unit": float}`` → the rule."""
        return cls(values["per_unit"])  # type: ignore[call-arg]

    def to_mapping(self) -> dict[str, object]:
        """``{"kind": …, "per_unit": …}``."""
        return {"kind": self.kind, "per_unit": self.per_unit}

    def problems(self, code: str, direction: str) -> list[str]:
        """``per_unit`` not above 0, or a direction other than the rule's."""
        where = msg("indicators.where_indicator", code=code)
        out: list[str] = []
        if not self.per_unit > 0:
            out.append(msg("indicators.bad_field", where=where, field="per_unit", value=fmt_number(self.per_unit, 4),
                           expected=msg("indicators.expect_positive")))
        if direction != self.direction:
            out.append(msg("indicators.rule_direction", code=code, direction=direction, kind=self.kind,
                           expected=msg(f"indicators.expect_{self.direction}")))
        return out

    def value_problem(self, value: float) -> str | None:
        """A count is ≥ 0."""
        return "indicators.expect_count_value" if value < 0 else None


__all__ = ["PER_UNIT", "PerUnitRule"]
