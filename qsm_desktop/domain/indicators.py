"""Indicator systems and explainable scores (综合评价指标体系与评分) — DESIGN §4.

An *indicator system* (指标体系) has a name, a version (``2007版``), the date it takes effect, grade
bands (优秀/良好/合格/待改进), categories (each applying to one org-unit type: 分行 branches or
总行部门 head-office departments) and leaf indicators. A leaf has a code, name, unit, direction
(``"higher"`` or ``"lower"`` is better), weight (points), data source and a scoring rule. The
weights of the leaves of each unit type add up to 100.

Scoring rules, exactly as the header comment of ``db/seed/indicator_system_2007.toml`` states:

``linear``    higher-better: ``points = weight * clamp((value - floor) / (target - floor), 0, 1)``;
              lower-better (``target < floor``): ``weight * clamp((floor - value) / (floor - target), 0, 1)``
``rank``      ``points = weight * fraction`` of the first band whose ``[from, to]`` holds the rank, else 0
``deduction`` ``points = max(0, weight - per_unit * value)``
``bonus``     ``points = min(weight, per_unit * value)``

Points are kept unrounded; a unit's total is the (``math.fsum``) sum of its unrounded leaf points.
Rounding to 2 decimals happens only for display and reports.

Ranking (排名) is *competition ranking* ("1224") on the unrounded total among units of the same
type: units whose totals differ by less than :data:`TIE_TOLERANCE` (floating-point noise, far
below the 0.01 shown) share a rank, and the next rank skips accordingly; tied units are listed by
unit code. A unit with a missing or invalid input is *incomplete*: its missing leaves score
nothing (``points is None``, never a silent 0), the problems are listed per unit, and it gets
no grade and no rank unless the period is explicitly accepted as incomplete
(``accept_incomplete=True``), in which case the partial total is graded and ranked.

Grades come from the bands: the band with the highest ``min`` not above the unrounded total
(with the same tolerance), so 89.995 is 良好 although it prints as 90.00 — documented, and
consistent with ranking on unrounded totals.

Everything here is plain Python (no Qt, no SQL); the store persists systems and scores, the
services load values from returns and registers, the reports print the explanations.
"""

from __future__ import annotations

import datetime
import json
import math
import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Literal

from qsm_desktop.domain.errors import InputRefused
from qsm_desktop.domain.i18n import get_language, msg, register

# --------------------------------------------------------------------------- vocabulary

UNIT_TYPE_BRANCH = "分行"
UNIT_TYPE_DEPARTMENT = "总行部门"
ORG_UNIT_TYPES = ("总行", "总行部门", "分行", "支行", "网点")
"""Org-unit types a category may apply to (DESIGN §2)."""

DIRECTIONS = ("higher", "lower")
SOURCES: dict[str, tuple[str, str]] = {
    "quarterly": ("服务质量季度报表", "quarterly service-quality return"),
    "internal_service": ("内部服务评价表", "internal service rating returns"),
    "certification": ("持证上岗登记", "certification register"),
    "training": ("培训记录", "training records"),
    "awards": ("示范窗口单位", "showcase awards"),
    "manual": ("手工录入", "manual entry"),
}
"""Data source code → (Chinese, English) name (DESIGN §4)."""

WEIGHT_TOTAL = 100.0
WEIGHT_TOLERANCE = 1e-6
TIE_TOLERANCE = 1e-9
"""Totals closer than this are ties (floating-point noise only)."""

Direction = Literal["higher", "lower"]

_UNIT_EN = {"%": "%", "分": " pts", "件": " cases", "分钟": " min", "名": "", "个": "", "次": " times"}

_MESSAGES: dict[str, tuple[str, str]] = {
    # refusals of a system
    "indicators.invalid": (
        "指标体系“{system}”不能使用，请修改后再导入或保存：\n{problems}",
        "Indicator system '{system}' cannot be used; fix it and import or save again:\n{problems}",
    ),
    "indicators.weights": (
        "适用于“{unit_type}”的指标权重合计为 {total} 分，应为 100 分。",
        "The weights of the indicators for '{unit_type}' add up to {total}, not 100.",
    ),
    "indicators.bad_toml": (
        "{source} 不是有效的 TOML 文件：{error}",
        "{source} is not a valid TOML file: {error}",
    ),
    "indicators.missing_field": (
        "{where} 缺少“{field}”。",
        "{where}: '{field}' is missing.",
    ),
    "indicators.bad_field": (
        "{where} 的“{field}”取值“{value}”无效：{expected}。",
        "{where}: '{field}' = '{value}' is not valid: {expected}.",
    ),
    "indicators.duplicate": (
        "{what}代码“{code}”重复。",
        "{what} code '{code}' is used twice.",
    ),
    "indicators.unknown_category": (
        "指标 {code} 所属类别“{category}”不存在。",
        "Indicator {code} belongs to category '{category}', which does not exist.",
    ),
    "indicators.empty_category": (
        "类别 {code}（{name}）下没有指标。",
        "Category {code} ({name}) has no indicators.",
    ),
    "indicators.no_indicators": ("指标体系中没有任何指标。", "The system has no indicators."),
    "indicators.no_grades": (
        "等级档次缺少下限为 0 的一档（例如“待改进”，0 分）。",
        "The grade bands need a band with min 0 (for example 待改进, 0).",
    ),
    "indicators.rule_direction": (
        "指标 {code} 的方向“{direction}”与评分规则 {kind} 不一致：{expected}。",
        "Indicator {code}: direction '{direction}' does not fit its {kind} rule: {expected}.",
    ),
    "indicators.expect_positive": ("应为大于 0 的数", "expected a number above 0"),
    "indicators.expect_number": ("应为数字", "expected a number"),
    "indicators.expect_text": ("应为非空文字", "expected non-empty text"),
    "indicators.expect_date": ("应为日期，如 2007-07-01", "expected a date such as 2007-07-01"),
    "indicators.expect_fraction": ("应在 0 到 1 之间", "expected a value from 0 to 1"),
    "indicators.expect_rank_band": (
        "名次应为 ≥1 的整数且 from ≤ to",
        "ranks must be whole numbers ≥ 1 with from ≤ to",
    ),
    "indicators.expect_bands": ("至少需要一个名次档", "at least one rank band is needed"),
    "indicators.expect_floor_target": ("保底值与目标值不能相同", "floor and target must differ"),
    "indicators.expect_one_of": ("应为 {choices} 之一", "expected one of {choices}"),
    "indicators.expect_higher_linear": (
        "越高越好时目标值应高于保底值", "higher-better needs target above floor"
    ),
    "indicators.expect_lower_linear": (
        "越低越好时目标值应低于保底值", "lower-better needs target below floor"
    ),
    "indicators.expect_lower": ("该规则要求方向为 lower（越低越好）", "this rule needs direction 'lower'"),
    "indicators.expect_higher": ("该规则要求方向为 higher（越高越好）", "this rule needs direction 'higher'"),
    "indicators.where_indicator": ("指标 {code}", "indicator {code}"),
    "indicators.where_category": ("类别 {code}", "category {code}"),
    "indicators.where_grade": ("等级“{name}”", "grade '{name}'"),
    "indicators.where_item": ("第 {n} 个{what}", "{what} no. {n}"),
    "indicators.where_system": ("指标体系", "the system"),
    "indicators.what_indicator": ("指标", "indicator"),
    "indicators.what_category": ("类别", "category"),
    "indicators.what_grade": ("等级", "grade"),
    "indicators.unknown_unit_type": (
        "机构 {code}（{name}）的类型“{unit_type}”在指标体系“{system}”中没有适用的指标，无法评分。",
        "Unit {code} ({name}) is of type '{unit_type}', for which indicator system '{system}' has no indicators.",
    ),
    "indicators.duplicate_unit": (
        "机构 {code} 在同一期评分中出现了两次。",
        "Unit {code} appears twice in one period's scoring.",
    ),
    # rule descriptions
    "indicators.rule.linear.higher": (
        "线性：{floor}及以下得 0 分，{target}及以上得满分 {weight} 分，其间按比例",
        "linear: 0 at or below {floor}, full {weight} at or above {target}, pro rata in between",
    ),
    "indicators.rule.linear.lower": (
        "线性（越低越好）：{floor}及以上得 0 分，{target}及以下得满分 {weight} 分，其间按比例",
        "linear (lower is better): 0 at or above {floor}, full {weight} at or below {target}, pro rata in between",
    ),
    "indicators.rule.rank": (
        "名次档：{bands}；其余名次 0 分",
        "rank bands: {bands}; any other rank 0",
    ),
    "indicators.rule.rank_band": ("第 {lo} 名得 {pct}%", "rank {lo} {pct}%"),
    "indicators.rule.rank_band_range": ("第 {lo}–{hi} 名得 {pct}%", "ranks {lo}–{hi} {pct}%"),
    "indicators.rule.deduction": (
        "扣分：满分 {weight} 分，每{unit}扣 {per_unit} 分，扣完为止",
        "deduction: {weight} less {per_unit} per{unit}, not below 0",
    ),
    "indicators.rule.bonus": (
        "加分：每{unit}得 {per_unit} 分，最高 {weight} 分",
        "bonus: {per_unit} per{unit}, at most {weight}",
    ),
    "indicators.explain": (
        "本期值 {value} → {rule} → 得 {points} / {weight} 分",
        "value {value} → {rule} → {points} of {weight} points",
    ),
    # targets (目标), as shown next to a value
    "indicators.target.at_least": ("≥{value}", "≥ {value}"),
    "indicators.target.at_most": ("≤{value}", "≤ {value}"),
    "indicators.target.top": ("前 {n} 名", "top {n}"),
    "indicators.target.none": ("{value}", "{value}"),
    # why points were lost
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
    "indicators.loss.rank.partial": (
        "{value}属于第 {lo}–{hi} 名档，只得 {pct}%（失 {lost} 分）",
        "{value} falls in band {lo}–{hi}, worth {pct}% only ({lost} points lost)",
    ),
    "indicators.loss.rank.none": (
        "{value}不在任何得分档内，该项不得分（失 {lost} 分）",
        "{value} is in no scoring band: no points ({lost} lost)",
    ),
    "indicators.loss.deduction.partial": (
        "{value} × 每{unit} {per_unit} 分，扣 {lost} 分",
        "{value} × {per_unit} per{unit}: {lost} points deducted",
    ),
    "indicators.loss.deduction.floor": (
        "{value} × 每{unit} {per_unit} 分 = 应扣 {raw} 分，超过满分 {weight} 分，以 0 分为限（失 {lost} 分）",
        "{value} × {per_unit} per{unit} = {raw} to deduct, more than the {weight} available: 0 points ({lost} lost)",
    ),
    "indicators.loss.bonus.partial": (
        "{value} × 每{unit} {per_unit} 分 = {points} 分，未达上限 {weight} 分（差 {lost} 分）",
        "{value} × {per_unit} per{unit} = {points}, below the cap of {weight} ({lost} short)",
    ),
    # missing / invalid inputs
    "indicators.input.missing": (
        "{unit_code} {unit_name}：指标 {code}（{name}）缺少本期值（来源：{source}）",
        "{unit_code} {unit_name}: indicator {code} ({name}) has no value for the period (source: {source})",
    ),
    "indicators.input.invalid": (
        "{unit_code} {unit_name}：指标 {code}（{name}）的本期值“{value}”无效（{expected}）（来源：{source}）",
        "{unit_code} {unit_name}: indicator {code} ({name}) value '{value}' is not valid ({expected}) (source: {source})",
    ),
    "indicators.expect_rank_value": ("名次应为 ≥1 的整数", "a rank is a whole number ≥ 1"),
    "indicators.expect_count_value": ("应为 ≥0 的数", "expected a number ≥ 0"),
    "indicators.expect_finite_value": ("应为数字", "expected a number"),
}
register(_MESSAGES)


class IndicatorSystemInvalid(InputRefused):
    """An indicator system that cannot be used (weights, rule parameters, structure); nothing saved.

    ``problems`` holds every problem as a sentence in the current language.
    """

    def __init__(self, system: str, problems: Sequence[str]):
        self.problems = tuple(problems)
        super().__init__(
            msg("indicators.invalid", system=system, problems="\n".join(f"- {p}" for p in problems))
        )


# --------------------------------------------------------------------------- number helpers


def fmt_number(value: float, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals without trailing zeros: 15.0 → ``15``, 10.6714 → ``10.67``."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _with_unit(value: float, unit: str, language: str) -> str:
    if unit == "名":  # a rank
        return f"rank {fmt_number(value)}" if language == "en" else f"第{fmt_number(value)}名"
    if language == "en":
        return fmt_number(value) + _UNIT_EN.get(unit, f" {unit}" if unit else "")
    return fmt_number(value) + unit


def _per_unit(unit: str, language: str) -> str:
    """The unit after 每/per: ``件`` → 每件 / ``per case``; ``%`` → 每个百分点 / ``per point``."""
    if language == "en":
        return {"%": " point", "件": " case", "个": " unit", "名": " place", "分钟": " minute"}.get(
            unit, f" {unit}" if unit else " unit"
        )
    return {"%": "个百分点", "名": "名次"}.get(unit, unit or "个")


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --------------------------------------------------------------------------- rules


@dataclass(frozen=True)
class RuleOutcome:
    """What a rule made of one value: the unrounded points and which case of the rule applied.

    ``case`` is one of ``full``, ``partial``, ``zero`` (linear), ``band``/``none`` (rank),
    ``partial``/``floor`` (deduction), ``cap``/``partial`` (bonus); ``facts`` are the numbers
    the explanation quotes (gap to target, band, raw deduction …).
    """

    points: float
    case: str
    facts: tuple[tuple[str, float], ...] = ()

    def fact(self, name: str, default: float = 0.0) -> float:
        return dict(self.facts).get(name, default)


@dataclass(frozen=True)
class LinearRule:
    """``linear`` (线性): 0 at or beyond ``floor``, full points at or beyond ``target``, linear between.

    Higher-better when ``target > floor``, lower-better when ``target < floor`` (the two TOML
    formulas are the same fraction). Values in the indicator's unit (percent as 0–100).
    """

    floor: float
    target: float
    kind: ClassVar[str] = "linear"

    @property
    def lower_is_better(self) -> bool:
        return self.target < self.floor

    def problems(self, code: str, direction: str) -> list[str]:
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
        return None

    def apply(self, value: float, weight: float) -> RuleOutcome:
        fraction = (value - self.floor) / (self.target - self.floor)
        if fraction >= 1.0:
            return RuleOutcome(weight, "full")
        if fraction <= 0.0:
            return RuleOutcome(0.0, "zero")
        return RuleOutcome(weight * fraction, "partial", (("gap", abs(self.target - value)),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        key = "indicators.rule.linear.lower" if self.lower_is_better else "indicators.rule.linear.higher"
        return msg(key, language=language, floor=_with_unit(self.floor, unit, language),
                   target=_with_unit(self.target, unit, language), weight=fmt_number(weight))

    def to_mapping(self) -> dict[str, object]:
        return {"kind": self.kind, "floor": self.floor, "target": self.target}


@dataclass(frozen=True)
class RankBand:
    """One band of a ``rank`` rule: ranks ``first``–``last`` (inclusive, TOML ``from``/``to``) earn
    ``fraction`` (0–1) of the weight."""

    first: int
    last: int
    fraction: float

    def holds(self, rank: float) -> bool:
        return self.first <= rank <= self.last


_BAND_TEXT = re.compile(r"^\s*(\d+)\s*(?:[-–~至]\s*(\d+))?\s*[:：]\s*([0-9.]+)\s*(%?)\s*$")


def parse_bands(text: str) -> list[dict] | None:
    """Rank bands as typed in a cell or a field (名次档): ``1-3:100%; 4-5:50%`` (also ``1~3：1.0``,
    ``6:0.2``; a value above 1 is a percentage) → ``[{"from": 1, "to": 3, "fraction": 1.0}, …]``, the
    TOML shape of a ``rank`` rule; ``None`` when a part is not understood."""
    out = []
    for part in re.split(r"[;；,，]", text):
        if not part.strip():
            continue
        m = _BAND_TEXT.match(part)
        if not m:
            return None
        value = float(m.group(3))
        fraction = value / 100.0 if m.group(4) or value > 1 else value
        out.append({"from": int(m.group(1)), "to": int(m.group(2) or m.group(1)), "fraction": fraction})
    return out


def bands_text(bands: list[dict]) -> str:
    """The inverse of :func:`parse_bands`: ``[{"from": 1, "to": 3, "fraction": 1.0}, …]`` → ``1-3:100%; …``."""
    return "; ".join(f"{b['from']}-{b['to']}:{b['fraction'] * 100:g}%" for b in bands)


@dataclass(frozen=True)
class RankRule:
    """``rank`` (名次档): ``weight * fraction`` of the first band holding the rank, else 0.

    The value is a rank (1 = best), so the direction is ``lower``. Example (B02, POS success
    rate local rank): ranks 1–3 full, 4–5 half, below that nothing.
    """

    bands: tuple[RankBand, ...]
    kind: ClassVar[str] = "rank"

    def problems(self, code: str, direction: str) -> list[str]:
        where = msg("indicators.where_indicator", code=code)
        out: list[str] = []
        if not self.bands:
            out.append(msg("indicators.bad_field", where=where, field="bands", value="[]",
                           expected=msg("indicators.expect_bands")))
        for band in self.bands:
            if not (band.first >= 1 and band.last >= band.first):
                out.append(msg("indicators.bad_field", where=where, field="bands",
                               value=f"{band.first}–{band.last}", expected=msg("indicators.expect_rank_band")))
            if not (0.0 <= band.fraction <= 1.0):
                out.append(msg("indicators.bad_field", where=where, field="fraction",
                               value=fmt_number(band.fraction, 4), expected=msg("indicators.expect_fraction")))
        if direction != "lower":
            out.append(msg("indicators.rule_direction", code=code, direction=direction, kind=self.kind,
                           expected=msg("indicators.expect_lower")))
        return out

    def value_problem(self, value: float) -> str | None:
        if value < 1 or abs(value - round(value)) > 1e-9:
            return "indicators.expect_rank_value"
        return None

    def apply(self, value: float, weight: float) -> RuleOutcome:
        for band in self.bands:
            if band.holds(value):
                case = "full" if band.fraction >= 1.0 else "band"
                return RuleOutcome(weight * band.fraction, case,
                                   (("lo", band.first), ("hi", band.last), ("fraction", band.fraction)))
        return RuleOutcome(0.0, "none")

    def describe(self, unit: str, weight: float, language: str) -> str:
        parts = []
        for band in self.bands:
            key = "indicators.rule.rank_band" if band.first == band.last else "indicators.rule.rank_band_range"
            parts.append(msg(key, language=language, lo=band.first, hi=band.last, pct=fmt_number(band.fraction * 100)))
        sep = "，" if language == "zh" else ", "
        return msg("indicators.rule.rank", language=language, bands=sep.join(parts))

    def to_mapping(self) -> dict[str, object]:
        return {"kind": self.kind,
                "bands": [{"from": b.first, "to": b.last, "fraction": b.fraction} for b in self.bands]}


class _PerUnitRule:
    """Shared checks of the count rules (``deduction``, ``bonus``): ``per_unit`` > 0, the rule's
    direction, and a value that is a count ≥ 0."""

    per_unit: float
    kind: ClassVar[str]
    direction: ClassVar[str]

    def problems(self, code: str, direction: str) -> list[str]:
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
        return "indicators.expect_count_value" if value < 0 else None


@dataclass(frozen=True)
class DeductionRule(_PerUnitRule):
    """``deduction`` (扣分): ``max(0, weight - per_unit * value)``, e.g. 2 points per valid complaint.

    The value is a count ≥ 0; the direction is ``lower``.
    """

    per_unit: float
    kind: ClassVar[str] = "deduction"
    direction: ClassVar[str] = "lower"

    def apply(self, value: float, weight: float) -> RuleOutcome:
        raw = self.per_unit * value
        if raw <= 0:
            return RuleOutcome(weight, "full")
        if raw >= weight:
            return RuleOutcome(0.0, "floor", (("raw", raw),))
        return RuleOutcome(weight - raw, "partial", (("raw", raw),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        return msg("indicators.rule.deduction", language=language, weight=fmt_number(weight),
                   per_unit=fmt_number(self.per_unit), unit=_per_unit(unit, language))

    def to_mapping(self) -> dict[str, object]:
        return {"kind": self.kind, "per_unit": self.per_unit}


@dataclass(frozen=True)
class BonusRule(_PerUnitRule):
    """``bonus`` (加分): ``min(weight, per_unit * value)``, e.g. 2 points per showcase unit held.

    The value is a count ≥ 0; the direction is ``higher``.
    """

    per_unit: float
    kind: ClassVar[str] = "bonus"
    direction: ClassVar[str] = "higher"

    def apply(self, value: float, weight: float) -> RuleOutcome:
        raw = self.per_unit * value
        if raw >= weight:
            return RuleOutcome(weight, "cap", (("raw", raw),))
        return RuleOutcome(max(raw, 0.0), "partial", (("raw", raw),))

    def describe(self, unit: str, weight: float, language: str) -> str:
        return msg("indicators.rule.bonus", language=language, weight=fmt_number(weight),
                   per_unit=fmt_number(self.per_unit), unit=_per_unit(unit, language))

    def to_mapping(self) -> dict[str, object]:
        return {"kind": self.kind, "per_unit": self.per_unit}


Rule = LinearRule | RankRule | DeductionRule | BonusRule
RULE_KINDS = ("linear", "rank", "deduction", "bonus")


# --------------------------------------------------------------------------- the system


@dataclass(frozen=True)
class GradeBand:
    """A grade band (等级): totals ≥ ``min`` (points, 0–100) get ``name`` unless a higher band applies."""

    name: str
    min: float


@dataclass(frozen=True)
class Category:
    """A category (指标类别) of leaf indicators, applying to one org-unit type (``分行``, ``总行部门``)."""

    code: str
    name: str
    applies_to: str


@dataclass(frozen=True)
class Indicator:
    """A leaf indicator (指标).

    ``unit`` as written in returns (``%`` means percent 0–100, ``分``, ``件``, ``分钟``, ``名``, ``个``);
    ``direction`` ``"higher"``/``"lower"``; ``weight`` in points; ``source`` a key of :data:`SOURCES`.
    """

    code: str
    category: str
    name: str
    unit: str
    direction: str
    weight: float
    source: str
    rule: Rule

    def score(self, value: float) -> tuple[float, ScoreExplanation]:
        """Score ``value`` (in the indicator's unit; percent 0–100) with this indicator's rule.

        Returns the unrounded points and the explanation (value → rule → points, why points were
        lost). The value must be valid for the rule (see :meth:`value_problem`); ``ValueError``
        otherwise — callers that take user input go through :func:`score_unit`, which reports
        invalid values as input problems instead.
        """
        problem = self.value_problem(value)
        if problem is not None:
            raise ValueError(f"{self.code}: {value!r} — {msg(problem, language='en')}")
        outcome = self.rule.apply(float(value), self.weight)
        return outcome.points, ScoreExplanation(self, float(value), outcome)

    def target_text(self, language: str | None = None) -> str:
        """The value that earns full points (目标), e.g. ``≥90%``, ``≤10分钟``, ``前 3 名``, ``0件``,
        ``≥5个`` (bonus: the count that reaches the cap)."""
        lang = language or get_language()
        rule = self.rule
        if isinstance(rule, LinearRule):
            key = "indicators.target.at_most" if rule.lower_is_better else "indicators.target.at_least"
            return msg(key, language=lang, value=_with_unit(rule.target, self.unit, lang))
        if isinstance(rule, RankRule):
            full = [b for b in rule.bands if b.fraction >= 1.0]
            best = full[0] if full else (max(rule.bands, key=lambda b: b.fraction) if rule.bands else None)
            if best is None:
                return ""
            if best.first == 1:
                return msg("indicators.target.top", language=lang, n=best.last)
            return f"{best.first}–{best.last}"
        if isinstance(rule, DeductionRule):
            return msg("indicators.target.none", language=lang, value=_with_unit(0, self.unit, lang))
        count = math.ceil(self.weight / rule.per_unit - 1e-9) if rule.per_unit > 0 else 0
        return msg("indicators.target.at_least", language=lang, value=_with_unit(count, self.unit, lang))

    def value_problem(self, value: object) -> str | None:
        """The message key saying why ``value`` cannot be scored, or ``None`` when it can."""
        if not _is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
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

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.grades, key=lambda g: g.min, reverse=True))
        if ordered != self.grades:
            object.__setattr__(self, "grades", ordered)

    @property
    def label(self) -> str:
        """``name`` and ``version`` together, e.g. ``服务质量管理综合评价指标体系 2007版``."""
        return f"{self.name} {self.version}".strip()

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
        out += _duplicates([g.name for g in self.grades], msg("indicators.what_grade"))
        # categories
        out += _duplicates([c.code for c in self.categories], msg("indicators.what_category"))
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
        out += _duplicates([i.code for i in self.indicators], msg("indicators.what_indicator"))
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
            if not (_is_number(ind.weight) and ind.weight > 0):
                out.append(msg("indicators.bad_field", where=where, field="weight", value=ind.weight,
                               expected=msg("indicators.expect_positive")))
            if ind.direction in DIRECTIONS:
                out += ind.rule.problems(ind.code, ind.direction)
        if weights:
            out += _weight_problems(self.categories, [(i.category, i.weight) for i in self.indicators])
        return out

    def validate(self) -> IndicatorSystem:
        """Return ``self`` if usable; raise :class:`IndicatorSystemInvalid` listing every problem
        (e.g. the weights for 分行 adding up to 95) otherwise."""
        problems = self.problems()
        if problems:
            raise IndicatorSystemInvalid(self.label, problems)
        return self


def _weight_problems(categories: Sequence[Category], leaves: Sequence[tuple[str, float]]) -> list[str]:
    """The weights of each unit type's leaves (category code, weight) must add up to 100."""
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


def _duplicates(codes: Iterable[str], what: str) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for code in codes:
        if code in seen:
            out.append(msg("indicators.duplicate", what=what, code=code))
        seen.add(code)
    return out


# --------------------------------------------------------------------------- TOML


def load_toml(path: str | Path) -> IndicatorSystem:
    """Read and validate an indicator system from a TOML file in the reference format
    (``db/seed/indicator_system_2007.toml``). Raises :class:`IndicatorSystemInvalid` with every
    problem found; ``OSError`` when the file cannot be read."""
    path = Path(path)
    return loads_toml(path.read_text(encoding="utf-8"), source=path.name)


def loads_toml(text: str, source: str = "TOML") -> IndicatorSystem:
    """Parse and validate an indicator system from TOML text (reference format).

    ``effective_from`` may be a TOML date or a ``"YYYY-MM-DD"`` string. Raises
    :class:`IndicatorSystemInvalid` listing every problem (syntax, missing or bad fields, weights
    not adding up to 100 per unit type, invalid rule parameters).
    """
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise IndicatorSystemInvalid(source, [msg("indicators.bad_toml", source=source, error=exc)]) from None
    return system_from_mapping(data, source=source)


def system_from_mapping(data: Mapping[str, object], source: str = "") -> IndicatorSystem:
    """Build and validate a system from the parsed TOML structure (also used by the Excel reader).

    Raises :class:`IndicatorSystemInvalid` listing every problem.
    """
    problems: list[str] = []
    p = _Parser(problems)
    where_sys = msg("indicators.where_system")
    name = p.text(data, "name", where_sys)
    version = p.text(data, "version", where_sys)
    effective = p.date(data, "effective_from", where_sys)

    grades = []
    for n, item in enumerate(p.table_list(data, "grades", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_grade"))
        g_name, g_min = p.text(item, "name", where), p.number(item, "min", where)
        if g_name is not None and g_min is not None:
            grades.append(GradeBand(g_name, g_min))

    categories = []
    for n, item in enumerate(p.table_list(data, "categories", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_category"))
        code = p.text(item, "code", where)
        if code:
            where = msg("indicators.where_category", code=code)
        c_name, applies = p.text(item, "name", where), p.text(item, "applies_to", where)
        if code and c_name and applies:
            categories.append(Category(code, c_name, applies))

    indicators = []
    leaf_weights: list[tuple[str, float]] = []
    for n, item in enumerate(p.table_list(data, "indicators", where_sys), start=1):
        where = msg("indicators.where_item", n=n, what=msg("indicators.what_indicator"))
        code = p.text(item, "code", where)
        if code:
            where = msg("indicators.where_indicator", code=code)
        fields = {
            "category": p.text(item, "category", where),
            "name": p.text(item, "name", where),
            "unit": p.text(item, "unit", where, allow_empty=True),
            "direction": p.text(item, "direction", where),
            "weight": p.number(item, "weight", where),
            "source": p.text(item, "source", where),
        }
        rule = p.rule(item, where)
        if fields["category"] is not None and fields["weight"] is not None:
            leaf_weights.append((fields["category"], fields["weight"]))
        if code and rule is not None and all(v is not None for v in fields.values()):
            indicators.append(Indicator(code=code, rule=rule, **fields))  # type: ignore[arg-type]

    # semantic checks on whatever parsed, so that every problem is listed at once; the weight sums
    # count every leaf whose weight parsed, even when its rule did not
    system = IndicatorSystem(name or "?", version or "?", effective or datetime.date.min,
                             tuple(grades), tuple(categories), tuple(indicators))
    checks = system.problems(weights=False) + _weight_problems(system.categories, leaf_weights)
    problems += [c for c in checks if c not in problems]
    if problems:
        label = f"{name or ''} {version or ''}".strip() or source
        raise IndicatorSystemInvalid(label, problems)
    return system


class _Parser:
    """Collects every problem of a parsed TOML document instead of stopping at the first."""

    def __init__(self, problems: list[str]):
        self.problems = problems

    def _missing(self, where: str, key: str) -> None:
        self.problems.append(msg("indicators.missing_field", where=where, field=key))

    def _bad(self, where: str, key: str, value: object, expected_key: str, **kw: object) -> None:
        self.problems.append(msg("indicators.bad_field", where=where, field=key, value=value,
                                 expected=msg(expected_key, **kw)))

    def text(self, item: Mapping[str, object], key: str, where: str, allow_empty: bool = False) -> str | None:
        if key not in item:
            self._missing(where, key)
            return None
        value = item[key]
        if not isinstance(value, str) or (not allow_empty and not value.strip()):
            self._bad(where, key, value, "indicators.expect_text")
            return None
        return value.strip()

    def number(self, item: Mapping[str, object], key: str, where: str) -> float | None:
        if key not in item:
            self._missing(where, key)
            return None
        value = item[key]
        if not _is_number(value) or not math.isfinite(float(value)):  # type: ignore[arg-type]
            self._bad(where, key, value, "indicators.expect_number")
            return None
        return float(value)  # type: ignore[arg-type]

    def date(self, item: Mapping[str, object], key: str, where: str) -> datetime.date | None:
        if key not in item:
            self._missing(where, key)
            return None
        value = item[key]
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        if isinstance(value, str):
            try:
                return datetime.date.fromisoformat(value.strip())
            except ValueError:
                pass
        self._bad(where, key, value, "indicators.expect_date")
        return None

    def table_list(self, item: Mapping[str, object], key: str, where: str) -> list[Mapping[str, object]]:
        if key not in item:
            self._missing(where, key)
            return []
        value = item[key]
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self._bad(where, key, "…", "indicators.expect_one_of", choices=f"[[{key}]]")
            return []
        return value

    def rule(self, item: Mapping[str, object], where: str) -> Rule | None:
        if "rule" not in item:
            self._missing(where, "rule")
            return None
        rule = item["rule"]
        if not isinstance(rule, dict):
            self._bad(where, "rule", rule, "indicators.expect_one_of", choices="{ kind = … }")
            return None
        kind = rule.get("kind")
        if kind == "linear":
            floor, target = self.number(rule, "floor", where), self.number(rule, "target", where)
            return LinearRule(floor, target) if floor is not None and target is not None else None
        if kind in ("deduction", "bonus"):
            per_unit = self.number(rule, "per_unit", where)
            if per_unit is None:
                return None
            return DeductionRule(per_unit) if kind == "deduction" else BonusRule(per_unit)
        if kind == "rank":
            raw_bands = rule.get("bands")
            if not isinstance(raw_bands, list):
                self._bad(where, "bands", raw_bands, "indicators.expect_bands")
                return None
            bands = []
            for band in raw_bands:
                if not isinstance(band, dict):
                    self._bad(where, "bands", band, "indicators.expect_rank_band")
                    continue
                lo, hi, fr = (self.number(band, k, where) for k in ("from", "to", "fraction"))
                if lo is None or hi is None or fr is None:
                    continue
                if lo != int(lo) or hi != int(hi):
                    self._bad(where, "bands", f"{fmt_number(lo)}–{fmt_number(hi)}", "indicators.expect_rank_band")
                    continue
                bands.append(RankBand(int(lo), int(hi), fr))
            return RankRule(tuple(bands))
        self._bad(where, "rule.kind", kind, "indicators.expect_one_of", choices=", ".join(RULE_KINDS))
        return None


_TOML_HEADER = """\
# Comprehensive service-quality evaluation indicator system (综合评价指标体系), written by QSM Desktop.
# Rules (see DESIGN.md §4):
#   linear     higher-better: points = weight * clamp((value - floor) / (target - floor), 0, 1)
#              lower-better:  points = weight * clamp((floor - value) / (floor - target), 0, 1)
#   rank       points = weight * fraction of the first band whose [from, to] holds the rank, else 0
#   deduction  points = max(0, weight - per_unit * value)
#   bonus      points = min(weight, per_unit * value)
# Scores are rounded to 2 decimals only for display and reports; totals add the unrounded points.
"""


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # JSON escapes are valid TOML basic-string escapes
    raise TypeError(f"cannot write {value!r} to TOML")


def _rule_inline(rule: Rule) -> str:
    if isinstance(rule, RankRule):
        bands = ", ".join(
            f"{{ from = {b.first}, to = {b.last}, fraction = {float(b.fraction)!r} }}" for b in rule.bands
        )
        return f'{{ kind = "rank", bands = [ {bands} ] }}'
    items = ", ".join(f"{k} = {_toml_value(v)}" for k, v in rule.to_mapping().items())
    return f"{{ {items} }}"


def dumps_toml(system: IndicatorSystem) -> str:
    """Write ``system`` as TOML in the reference format (top-level name/version/effective_from,
    ``[[grades]]``, ``[[categories]]``, ``[[indicators]]`` with an inline ``rule``).
    :func:`loads_toml` reads it back to an equal system. Comments of an imported file are not kept."""
    lines = [_TOML_HEADER]
    lines.append(f"name = {_toml_value(system.name)}")
    lines.append(f"version = {_toml_value(system.version)}")
    lines.append(f"effective_from = {_toml_value(system.effective_from.isoformat())}")
    lines.append("")
    for grade in system.grades:
        lines += ["[[grades]]", f"name = {_toml_value(grade.name)}", f"min = {_toml_value(grade.min)}"]
    for unit_type in system.unit_types():
        lines += ["", f"# ---------------------------------------------------------------- {unit_type}"]
        for category in system.categories_for(unit_type):
            lines += ["[[categories]]", f"code = {_toml_value(category.code)}",
                      f"name = {_toml_value(category.name)}", f"applies_to = {_toml_value(category.applies_to)}"]
    for ind in system.indicators:
        lines += [
            "",
            "[[indicators]]",
            f"code = {_toml_value(ind.code)}",
            f"category = {_toml_value(ind.category)}",
            f"name = {_toml_value(ind.name)}",
            f"unit = {_toml_value(ind.unit)}",
            f"direction = {_toml_value(ind.direction)}",
            f"weight = {_toml_value(ind.weight)}",
            f"source = {_toml_value(ind.source)}",
            f"rule = {_rule_inline(ind.rule)}",
        ]
    return "\n".join(lines) + "\n"


def dump_toml(system: IndicatorSystem, path: str | Path) -> None:
    """Write ``system`` to ``path`` as UTF-8 TOML (see :func:`dumps_toml`)."""
    Path(path).write_text(dumps_toml(system), encoding="utf-8")


# --------------------------------------------------------------------------- explanations


@dataclass(frozen=True)
class ScoreExplanation:
    """Why an indicator scored what it did (得分说明): value → rule → points, and why points were lost.

    Texts are rendered on demand in either language (``language=None`` = current language).
    """

    indicator: Indicator
    value: float
    outcome: RuleOutcome

    @property
    def points(self) -> float:
        return self.outcome.points

    @property
    def lost(self) -> float:
        """Points lost against the weight (0 when full)."""
        return max(0.0, self.indicator.weight - self.outcome.points)

    def rule_text(self, language: str | None = None) -> str:
        """The rule in words, e.g. ``线性：70% 及以下得 0 分，90% 及以上得满分 15 分，其间按比例``."""
        lang = language or get_language()
        return self.indicator.rule.describe(self.indicator.unit, self.indicator.weight, lang)

    def describe(self, language: str | None = None) -> str:
        """One line: ``本期值 84.9分 → 线性：… → 得 10.67 / 15 分``."""
        lang = language or get_language()
        ind = self.indicator
        return msg("indicators.explain", language=lang, value=_with_unit(self.value, ind.unit, lang),
                   rule=self.rule_text(lang), points=fmt_number(self.points), weight=fmt_number(ind.weight))

    def loss_reason(self, language: str | None = None) -> str | None:
        """Why points were lost (失分原因) in words, or ``None`` when the full weight was earned."""
        if self.lost <= TIE_TOLERANCE:
            return None
        lang = language or get_language()
        ind, rule, case = self.indicator, self.indicator.rule, self.outcome.case
        value = _with_unit(self.value, ind.unit, lang)
        lost = fmt_number(self.lost)
        if isinstance(rule, LinearRule):
            side = "lower" if rule.lower_is_better else "higher"
            if case == "zero":
                return msg(f"indicators.loss.linear.zero.{side}", language=lang, value=value,
                           floor=_with_unit(rule.floor, ind.unit, lang), lost=lost)
            return msg(f"indicators.loss.linear.partial.{side}", language=lang, value=value,
                       target=_with_unit(rule.target, ind.unit, lang),
                       gap=_with_unit(self.outcome.fact("gap"), ind.unit, lang), lost=lost)
        if isinstance(rule, RankRule):
            if case == "none":
                return msg("indicators.loss.rank.none", language=lang, value=value, lost=lost)
            return msg("indicators.loss.rank.partial", language=lang, value=value,
                       lo=int(self.outcome.fact("lo")), hi=int(self.outcome.fact("hi")),
                       pct=fmt_number(self.outcome.fact("fraction") * 100), lost=lost)
        if isinstance(rule, DeductionRule):
            key = "indicators.loss.deduction.floor" if case == "floor" else "indicators.loss.deduction.partial"
            return msg(key, language=lang, value=value, unit=_per_unit(ind.unit, lang),
                       per_unit=fmt_number(rule.per_unit), raw=fmt_number(self.outcome.fact("raw")),
                       weight=fmt_number(ind.weight), lost=lost)
        return msg("indicators.loss.bonus.partial", language=lang, value=value, unit=_per_unit(ind.unit, lang),
                   per_unit=fmt_number(rule.per_unit), points=fmt_number(self.points),
                   weight=fmt_number(ind.weight), lost=lost)


# --------------------------------------------------------------------------- scoring units and periods


@dataclass(frozen=True)
class InputValue:
    """A value for one indicator and where it came from (``origin``: ``file!sheet!cell``, a
    register query, or ``manual: <reason>``). Units as the indicator's (percent 0–100)."""

    value: float
    origin: str = ""


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

    @property
    def code(self) -> str:
        return self.indicator.code


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
        for unit in self.units:
            if unit.code == code:
                return unit
        raise KeyError(code)

    @property
    def complete(self) -> bool:
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


def _input(raw: float | InputValue | None) -> tuple[object, str]:
    if isinstance(raw, InputValue):
        return raw.value, raw.origin
    return raw, ""


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
        value, origin = _input(unit.values.get(ind.code))
        if value is None:
            problem = InputProblem(unit.code, unit.name, ind.code, ind.name, ind.source, "missing")
        elif (key := ind.value_problem(value)) is not None:
            problem = InputProblem(unit.code, unit.name, ind.code, ind.name, ind.source, "invalid", value, key)
        else:
            points, explanation = ind.score(float(value))  # type: ignore[arg-type]
            scores.append(IndicatorScore(ind, float(value), origin, points, explanation))  # type: ignore[arg-type]
            continue
        problems.append(problem)
        scores.append(IndicatorScore(ind, None, origin, None, None, problem))
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
    "BonusRule", "Category", "CategoryScore", "DeductionRule", "GradeBand", "Indicator", "IndicatorScore",
    "IndicatorSystem", "IndicatorSystemInvalid", "InputProblem", "InputValue", "LinearRule", "PeriodScores",
    "RankBand", "RankRule", "Rule", "RuleOutcome", "ScoreExplanation", "UnitInput", "UnitScore",
    "competition_ranks", "dump_toml", "dumps_toml", "fmt_number", "load_toml", "loads_toml", "score_period",
    "score_unit", "system_from_mapping",
]
