"""Messages of indicator systems and scores shared by every part of the package (zh/en, DESIGN §4).

Messages that belong to one scoring rule live in that rule's file (``rules/<kind>.py``); the ones
here are about systems, parameters in general, inputs and explanations.
"""

from __future__ import annotations

from qsm_desktop.domain.i18n import register

MESSAGES: dict[str, tuple[str, str]] = {
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
    "indicators.expect_rank_band": (
        "名次应为 ≥1 的整数且 from ≤ to",
        "ranks must be whole numbers ≥ 1 with from ≤ to",
    ),
    "indicators.expect_bands": ("至少需要一个名次档", "at least one rank band is needed"),
    "indicators.expect_one_of": ("应为 {choices} 之一", "expected one of {choices}"),
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
    "indicators.explain": (
        "本期值 {value} → {rule} → 得 {points} / {weight} 分",
        "value {value} → {rule} → {points} of {weight} points",
    ),
    # targets (目标), as shown next to a value
    "indicators.target.at_least": ("≥{value}", "≥ {value}"),
    # missing / invalid inputs
    "indicators.input.missing": (
        "{unit_code} {unit_name}：指标 {code}（{name}）缺少本期值（来源：{source}）",
        "{unit_code} {unit_name}: indicator {code} ({name}) has no value for the period (source: {source})",
    ),
    "indicators.input.invalid": (
        "{unit_code} {unit_name}：指标 {code}（{name}）的本期值“{value}”无效（{expected}）（来源：{source}）",
        "{unit_code} {unit_name}: indicator {code} ({name}) value '{value}' is not valid ({expected}) (source: {source})",
    ),
    "indicators.expect_count_value": ("应为 ≥0 的数", "expected a number ≥ 0"),
    "indicators.expect_finite_value": ("应为数字", "expected a number"),
}
register(MESSAGES)

__all__ = ["MESSAGES"]
