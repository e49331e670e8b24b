"""Points and scores as numbers (分值与得分): ``decimal.Decimal`` throughout.

An Excel 13.5 arrives as a float and is taken by its shortest repr, so 13.5 stays 13.5; final
scores are published rounded half-up to 0.01. Source: DESIGN.md §5.
"""

from __future__ import annotations

import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation


ONE_CENT = Decimal("0.01")


def as_decimal(value: Decimal | int | float | str) -> Decimal:
    """A score or points value as ``Decimal``; floats by their shortest repr (13.5 → 13.5).

    Raises ``ValueError`` for text that is not a number, NaN and infinities.
    """
    if isinstance(value, Decimal):
        result = value
    elif isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    elif isinstance(value, int):
        result = Decimal(value)
    elif isinstance(value, float):
        result = Decimal(repr(value))
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise ValueError(f"not a number: {value!r}") from None
    if not result.is_finite():
        raise ValueError(f"not a finite number: {value!r}")
    return result


def round_score(value: Decimal) -> Decimal:
    """A final score as published: rounded half-up to 0.01 (94.875 → 94.88)."""
    return value.quantize(ONE_CENT, rounding=ROUND_HALF_UP)


def plain_number(value: Decimal) -> str:
    """A points or score value as plain text without trailing zeros (``Decimal("15.0")`` → ``"15"``,
    13.50 → ``"13.5"``), as messages and score sheets show it."""
    text = format(value.normalize(), "f")
    return text
