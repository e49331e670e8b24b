"""Pareto ordering (帕累托排序) — the "vital few" of a set of counts, DESIGN.md §9 (complaints by
cause) and §8 (items most often lost).

The office reads the causes of complaints the quality-management way: sorted by count, largest
first, each with its share of the total and the cumulative share, so the few causes behind most
complaints stand out. Ties keep a stable order (by name). Percentages are 0–100, rounded half-up
to 2 decimals; the cumulative share is computed from the counts, not by adding rounded shares,
so the last row reads exactly 100.00.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from qsm_desktop.domain.rounding import percent

__all__ = ["ParetoRow", "pareto"]


@dataclass(frozen=True)
class ParetoRow:
    """One category of a Pareto ordering: its ``name``, ``count``, ``share`` of the total and
    ``cumulative`` share up to and including it (percent 0–100, 2 decimals; ``None`` when the
    total is 0), and its 1-based ``rank``."""

    rank: int
    name: str
    count: int
    share: float | None
    cumulative: float | None


def pareto(counts: Mapping[str, int]) -> list[ParetoRow]:
    """``counts`` (category → count ≥ 0) in Pareto order: count descending, then name; categories
    with a count of 0 are left out."""
    ordered = sorted(((name, n) for name, n in counts.items() if n > 0), key=lambda x: (-x[1], x[0]))
    total = sum(n for _, n in ordered)
    rows, running = [], 0
    for rank, (name, n) in enumerate(ordered, start=1):
        running += n
        rows.append(ParetoRow(rank, name, n, percent(n, total), percent(running, total)))
    return rows
