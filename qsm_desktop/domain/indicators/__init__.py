"""Indicator systems and explainable scores (综合评价指标体系与评分) — DESIGN §4.

The package, by concern:

- :mod:`.vocabulary` — org-unit types, directions, data sources, tolerances;
- :mod:`.rules` — the scoring rules, one kind per module behind one protocol (:mod:`.rules.base`):
  ``linear``, ``rank``, ``deduction``, ``bonus``, each declaring its parameters
  (:mod:`.rules.fields`), its plain mapping and its texts;
- :mod:`.system` — grade bands, categories, leaf indicators, the system and its checks;
- :mod:`.mapping` and :mod:`.toml` — a system from its plain mapping / to and from TOML;
- :mod:`.explanation` and :mod:`.scoring` — explanations, unit and period scores, ranking;
- :mod:`.inputs` — values as people write them (a quarterly cell, internal-service ratings);
- :mod:`.registers` — which figure of the improvement loop's registers (mystery visits,
  complaints, actions) an indicator takes, and when a typed value differs from it;
- :mod:`.bands` and :mod:`.numbers` — rank bands as typed, numbers as shown.

Scoring rules, exactly as the header comment of ``db/seed/indicator_system_2007.toml`` states:

``linear``    higher-better: ``points = weight * clamp((value - floor) / (target - floor), 0, 1)``;
              lower-better (``target < floor``): ``weight * clamp((floor - value) / (floor - target), 0, 1)``
``rank``      ``points = weight * fraction`` of the first band whose ``[from, to]`` holds the rank, else 0
``deduction`` ``points = max(0, weight - per_unit * value)``
``bonus``     ``points = min(weight, per_unit * value)``

Everything here is plain Python (no Qt, no SQL); the store persists systems and scores, the
services load values from returns and registers, the reports print the explanations. This module
re-exports the public names, so ``from qsm_desktop.domain.indicators import X`` works for all of them.
"""

from __future__ import annotations

from qsm_desktop.domain.indicators import messages as _messages  # noqa: F401  (registers the shared texts)
from qsm_desktop.domain.indicators.bands import bands_text, parse_bands
from qsm_desktop.domain.indicators.explanation import ScoreExplanation
from qsm_desktop.domain.indicators.inputs import RATING_FIELDS, parse_indicator_value, rating_field_for
from qsm_desktop.domain.indicators.mapping import system_from_mapping
from qsm_desktop.domain.indicators.numbers import fmt_number, fmt_signed, is_count_unit
from qsm_desktop.domain.indicators.registers import (
    REGISTER_FIGURES,
    REGISTER_SOURCES,
    RegisterFigure,
    figures_differ,
    register_figure_for,
)
from qsm_desktop.domain.indicators.rules import (
    IndicatorRule,
    Rule,
    RuleField,
    RuleOutcome,
    lenient_rule,
    register_rule,
    rule_class,
    rule_classes,
    rule_fields,
    rule_kinds,
    rule_label,
    rule_summary,
)
from qsm_desktop.domain.indicators.rules.bonus import BonusRule
from qsm_desktop.domain.indicators.rules.deduction import DeductionRule
from qsm_desktop.domain.indicators.rules.linear import LinearRule
from qsm_desktop.domain.indicators.rules.rank import RankBand, RankRule
from qsm_desktop.domain.indicators.scoring import (
    CategoryScore,
    IndicatorScore,
    InputProblem,
    InputValue,
    PeriodScores,
    UnitInput,
    UnitScore,
    competition_ranks,
    score_period,
    score_unit,
)
from qsm_desktop.domain.indicators.system import (
    Category,
    GradeBand,
    Indicator,
    IndicatorSystem,
    IndicatorSystemInvalid,
)
from qsm_desktop.domain.indicators.toml import dump_toml, dumps_toml, load_toml, loads_toml
from qsm_desktop.domain.indicators.vocabulary import (
    DIRECTIONS,
    ORG_UNIT_TYPES,
    SOURCES,
    TIE_TOLERANCE,
    UNIT_TYPE_BRANCH,
    UNIT_TYPE_DEPARTMENT,
    WEIGHT_TOLERANCE,
    WEIGHT_TOTAL,
    Direction,
)

RULE_KINDS = rule_kinds()
"""The registered rule kinds in their listing order (``linear``, ``rank``, ``deduction``, ``bonus``)."""

__all__ = [
    "DIRECTIONS", "ORG_UNIT_TYPES", "RATING_FIELDS", "REGISTER_FIGURES", "REGISTER_SOURCES", "RULE_KINDS", "SOURCES", "TIE_TOLERANCE", "UNIT_TYPE_BRANCH",
    "UNIT_TYPE_DEPARTMENT", "WEIGHT_TOLERANCE", "WEIGHT_TOTAL",
    "BonusRule", "Category", "CategoryScore", "DeductionRule", "Direction", "GradeBand", "Indicator",
    "IndicatorRule", "IndicatorScore", "IndicatorSystem", "IndicatorSystemInvalid", "InputProblem", "InputValue",
    "LinearRule", "PeriodScores", "RankBand", "RankRule", "RegisterFigure", "Rule", "RuleField", "RuleOutcome", "ScoreExplanation",
    "UnitInput", "UnitScore", "bands_text", "competition_ranks", "dump_toml", "dumps_toml", "figures_differ", "fmt_number", "fmt_signed", "is_count_unit",
    "lenient_rule", "load_toml", "loads_toml", "parse_bands", "parse_indicator_value", "rating_field_for",
    "register_figure_for", "register_rule", "rule_class", "rule_classes", "rule_fields", "rule_kinds", "rule_label", "rule_summary",
    "score_period", "score_unit", "system_from_mapping",
]
