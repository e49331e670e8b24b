"""Numbers as the evaluation prints them (数值显示): rounding without trailing zeros, values with their unit.

Rounding happens only here, for display; scores are kept unrounded everywhere else (DESIGN §4).
"""

from __future__ import annotations

from qsm_desktop.domain.names import shown_unit


def fmt_number(value: float, places: int = 2) -> str:
    """``value`` rounded to ``places`` decimals without trailing zeros: 15.0 → ``15``, 10.6714 → ``10.67``."""
    text = f"{value:.{places}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


COUNT_UNITS = frozenset({"个", "件", "人", "次", "家", "项", "笔", "份"})
"""Units of things counted one by one (个, 件, 人 …): their values and differences print as whole numbers."""


def is_count_unit(unit: str) -> bool:
    """Whether ``unit`` counts whole things (:data:`COUNT_UNITS`); a rank (名) is not (a mean rank has decimals)."""
    return unit in COUNT_UNITS


def fmt_signed(value: float, unit: str = "", places: int = 2) -> str:
    """A difference or gap with its sign (差距): a count (:func:`is_count_unit`) as a whole number
    (−40.0 个 → ``-40``), anything else to ``places`` decimals (``+1.25``); zero prints ``0``/``0.00``
    without a sign. Issue 14: a gap of 40 showcase units is not "-40.00"."""
    text = f"{value:+.0f}" if is_count_unit(unit) else f"{value:+.{places}f}"
    return text[1:] if text.lstrip("+-").strip("0.") == "" else text


def with_unit(value: float, unit: str, language: str) -> str:
    """A value with the indicator's unit (计量单位) in ``language``: ``84.9分`` / ``84.9 pts``;
    a rank (unit ``名``) reads ``第3名`` / ``rank 3``; English says ``1 case`` but ``2 cases`` (the
    value as printed: 1.004 prints ``1`` and is singular too)."""
    if unit == "名":  # a rank
        return f"rank {fmt_number(value)}" if language == "en" else f"第{fmt_number(value)}名"
    if language == "en":
        text = fmt_number(value)
        word = shown_unit(unit, language="en", count=1 if text == "1" else None)  # the one table of English units
        return text + (word if word in ("", "%") else f" {word}")
    return fmt_number(value) + unit


def per_unit_text(unit: str, language: str) -> str:
    """The unit after 每/per: ``件`` → 每件 / ``per case``; ``%`` → 每个百分点 / ``per point``."""
    if language == "en":
        return {"%": " point", "件": " case", "个": " unit", "名": " place", "分钟": " minute"}.get(
            unit, f" {unit}" if unit else " unit"
        )
    return {"%": "个百分点", "名": "名次"}.get(unit, unit or "个")


def is_number(value: object) -> bool:
    """Whether ``value`` is an ``int`` or ``float`` (``bool`` is not a number here)."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


__all__ = ["fmt_number", "is_number", "per_unit_text", "with_unit"]
