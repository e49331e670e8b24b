"""Decimal rounding as the office rounds (四舍五入) — DESIGN.md §8.2, §8.5, §9.2.

Figures are rounded half-up to 2 decimals in decimal arithmetic: a number is taken at its shortest
text (``14.1`` is ``Decimal("14.1")``, not the binary neighbour), so ``97.125`` rounds to ``97.13``.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["as_decimal", "percent", "round_half_up"]

_CENT = Decimal("0.01")


def as_decimal(value: float | int | Decimal) -> Decimal:
    """``value`` as a Decimal of its shortest text (``14.1`` → ``Decimal("14.1")``)."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value)


def round_half_up(value: float | int | Decimal, places: int = 2) -> float:
    """``value`` rounded half-up to ``places`` decimals, as a ``float``."""
    quantum = _CENT if places == 2 else Decimal(1).scaleb(-places)
    return float(as_decimal(value).quantize(quantum, rounding=ROUND_HALF_UP))


def percent(part: int, whole: int) -> float | None:
    """``part ÷ whole × 100`` rounded half-up to 2 decimals (``None`` when ``whole`` is 0)."""
    if not whole:
        return None
    return round_half_up(Decimal(part * 100) / Decimal(whole))
