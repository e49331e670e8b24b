"""The scoring-rule protocol (评分规则协议): every kind declares its fields, mapping and texts, and a new
kind is one class — the TOML/DB mapping, the TOML writer, the workbook and the summaries take it up
without naming it (issue 10 item 3, DESIGN §4)."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

import pytest
from evaluation_samples import reference_system

from qsm_desktop.domain.indicators import (
    RULE_KINDS,
    IndicatorRule,
    IndicatorSystemInvalid,
    RuleOutcome,
    dumps_toml,
    loads_toml,
    rule_class,
    rule_classes,
    rule_fields,
    rule_label,
    rule_summary,
)
from qsm_desktop.domain.indicators.rules import base as rules_base
from qsm_desktop.domain.indicators.rules.linear import TARGET


def test_the_four_kinds_declare_their_fields_in_order():
    assert RULE_KINDS == ("linear", "rank", "deduction", "bonus")
    assert [f.name for f in rule_fields()] == ["floor", "target", "per_unit", "bands"]
    assert [f.column for f in rule_fields()] == ["保底值", "目标值", "每单位分值", "名次档"]
    assert rule_class("linear").fields[0].form_label("zh") == "保底值（得 0 分）："
    assert rule_class("linear").fields[0].form_label("en") == "Floor (0 points):"
    assert rule_label("deduction", "zh") == "按件扣分" and rule_label("nonsense", "en") == "nonsense"
    for cls in rule_classes():
        assert isinstance(cls.from_mapping({f.name: f.type.default for f in cls.fields}), IndicatorRule)


def test_every_rule_of_the_reference_system_round_trips_through_its_mapping():
    for ind in reference_system().indicators:
        params = ind.rule.to_mapping()
        cls = rule_class(params["kind"])
        assert cls.from_mapping({k: v for k, v in params.items() if k != "kind"}) == ind.rule


def test_summaries_of_a_draft_take_defaults_for_missing_parameters():
    assert rule_summary({"kind": "linear", "floor": 70.0, "target": 90.0}, "%", "zh") == "线性 70% → 90%"
    assert rule_summary({"kind": "linear"}, "%", "en") == "linear 0% → 0%"
    assert rule_summary({"kind": "rank", "bands": [{"from": 1, "to": 3, "fraction": 1.0}]}, "", "zh") == "名次档 1-3:100%"
    assert rule_summary({"kind": "deduction", "per_unit": 2.0}, "件", "zh") == "每件扣 2 分"
    assert rule_summary({"kind": "bonus", "per_unit": 2.5}, "", "en") == "+2.5 per unit"
    assert rule_summary({"kind": "deduction", "per_unit": 2.0}, "件", "en") == "−2 per case"  # issue 14: English units
    assert rule_summary({"kind": "linear", "floor": 60.0, "target": 95.0}, "分", "en") == "linear 60 pts → 95 pts"
    assert rule_summary({"kind": "weird"}, "", "zh") == "weird"


@dataclass(frozen=True)
class StepRule:
    """A made-up kind for the test: full points at or beyond the target, nothing below."""

    target: float
    kind: ClassVar[str] = "step"
    position: ClassVar[int] = 50
    label_zh: ClassVar[str] = "达标得分"
    label_en: ClassVar[str] = "Step"
    aliases: ClassVar[tuple[str, ...]] = ("达标",)
    fields: ClassVar[tuple] = (TARGET,)
    value_kind: ClassVar[str] = "measure"
    formulas: ClassVar[tuple[str, ...]] = ("points = weight if value >= target else 0",)

    @classmethod
    def from_mapping(cls, values: Mapping[str, object]) -> StepRule:
        return cls(values["target"])  # type: ignore[arg-type]

    def to_mapping(self) -> dict[str, object]:
        return {"kind": self.kind, "target": self.target}

    def problems(self, code: str, direction: str) -> list[str]:
        return [] if direction == "higher" else [f"{code}: step needs higher"]

    def value_problem(self, value: float) -> str | None:
        return None

    def apply(self, value: float, weight: float) -> RuleOutcome:
        return RuleOutcome(weight, "full") if value >= self.target else RuleOutcome(0.0, "zero")

    def describe(self, unit: str, weight: float, language: str) -> str:
        return f"step {self.target}{unit}"

    def summary(self, unit: str, language: str) -> str:
        return f"≥{self.target:g}{unit}"

    def target_text(self, unit: str, weight: float, language: str) -> str:
        return f"≥{self.target:g}{unit}"

    def loss_reason(self, value, outcome, unit, weight, lost, language) -> str:
        return f"{value:g}{unit} < {self.target:g}{unit}"


@pytest.fixture
def step_rule():
    rules_base.register_rule(StepRule)
    yield StepRule
    rules_base._RULES.pop("step")


def test_a_new_kind_is_one_class(step_rule, tmp_path):
    from qsm_desktop.excel.indicator_system import read_system_workbook, write_system_workbook

    system = reference_system()
    stepped = dataclasses.replace(system, indicators=tuple(
        dataclasses.replace(i, rule=StepRule(90.0)) if i.code == "A01" else i for i in system.indicators))
    text = dumps_toml(stepped)
    assert 'rule = { kind = "step", target = 90 }' in text
    assert "#   step       points = weight if value >= target else 0" in text
    assert loads_toml(text) == stepped
    assert stepped.indicator("A01").score(95.0)[0] == 15 and stepped.indicator("A01").score(80.0)[0] == 0
    assert stepped.indicator("A01").score(80.0)[1].loss_reason("zh") == "80% < 90%"
    assert rule_summary({"kind": "step", "target": 90.0}, "%") == "≥90%"
    write_system_workbook(stepped, tmp_path / "s.xlsx")
    assert read_system_workbook(tmp_path / "s.xlsx") == stepped
    with pytest.raises(IndicatorSystemInvalid, match="target"):
        loads_toml(text.replace('{ kind = "step", target = 90 }', '{ kind = "step" }'))
