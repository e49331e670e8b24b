"""Indicator inputs as people write them (指标取值规则): a quarterly value from a cell, and which rating
of the internal-service return an indicator is the mean of — DESIGN §3.4, §3.6.

Both the return kinds (reading workbooks) and the evaluation service (manual entry, the mean of the
ratings) use these rules, so they live here and nowhere else.
"""

from __future__ import annotations

from qsm_desktop.domain.i18n import register
from qsm_desktop.domain.indicators.numbers import fmt_number
from qsm_desktop.domain.indicators.system import Indicator
from qsm_desktop.domain.normalise import NormaliseError, clean_text, fold, parse_number, parse_percent

register({
    "quarterly.percent_range": (
        "“{value}”换算为{percent}%，超出0–100%。百分比请填97、0.97或“97%”",
        "'{value}' means {percent}%, outside 0–100%. Write percentages as 97, 0.97 or '97%'",
    ),
    "quarterly.rank": (
        "名次“{value}”无效，应为≥1的整数",
        "rank '{value}' is not valid; a rank is a whole number of at least 1",
    ),
    "quarterly.negative": (
        "“{value}”不能为负数",
        "'{value}' must not be negative",
    ),
})

COUNT_UNITS = ("件", "个", "分钟", "次")
"""Units whose values are never negative (counts and times)."""


def parse_indicator_value(indicator: Indicator, raw: object) -> float:
    """A cell value → the indicator's value (percent 0–100 for ``%``; DESIGN §3.4).

    Percent indicators (unit ``%``) accept 0.97, 97 and "97%" alike and must lie in 0–100; ranks
    (unit ``名``, or a rule whose value is a rank) are whole numbers ≥ 1; counts and times (a rule
    whose value is a count, or a unit in :data:`COUNT_UNITS`) are ≥ 0. Raises
    :class:`~qsm_desktop.domain.normalise.NormaliseError` with the reason (not a number, percent
    outside 0–100, rank not a whole number ≥ 1, negative count).
    """
    if indicator.unit == "%":
        value = parse_percent(raw)
        if not 0.0 <= value <= 100.0:
            raise NormaliseError("quarterly.percent_range", value=clean_text(raw) or raw, percent=fmt_number(value, 4))
        return value
    value = parse_number(raw)
    value_kind = indicator.rule.value_kind
    if indicator.unit == "名" or value_kind == "rank":
        if value < 1 or not float(value).is_integer():
            raise NormaliseError("quarterly.rank", value=fmt_number(value, 4))
        return float(int(value))
    if value < 0 and (value_kind == "count" or indicator.unit in COUNT_UNITS):
        raise NormaliseError("quarterly.negative", value=fmt_number(value, 4))
    return value


RATING_FIELDS: dict[str, str] = {
    "attitude": "服务态度",
    "response": "响应时效",
    "policy": "政策传导",
    "resolution": "问题解决",
    "overall": "综合评分",
}
"""Rating field → column title of the internal-service return (DESIGN §3.6); an internal-service
indicator takes the field whose title is its name (E01 服务态度 → ``attitude`` …)."""

_STRIP_TITLE = str.maketrans("", "", " *:\u3000")


def _title_key(text: str) -> str:
    """A title as compared — folded, without spaces, ``*`` and colons — the way the workbook
    reader compares column titles."""
    return fold(text).translate(_STRIP_TITLE)


def rating_field_for(indicator: Indicator) -> str | None:
    """The rating field an internal-service indicator is the mean of (by its name: 服务态度 →
    ``attitude``), or ``None`` when its name is none of the return's rating columns."""
    name = _title_key(indicator.name)
    for field_name, title in RATING_FIELDS.items():
        if _title_key(title) == name:
            return field_name
    return None


__all__ = ["COUNT_UNITS", "RATING_FIELDS", "parse_indicator_value", "rating_field_for"]
