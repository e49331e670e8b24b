"""Mystery-visit scores (神秘访客得分) — DESIGN.md §8.2, exactly as it rounds them.

- Visit score = 100 × Σ 得分 ÷ Σ 分值 over the applicable items (an item marked 不适用 leaves both
  sums), rounded half-up to 2 decimals; when any critical item lost points the visit scores at most
  60 (:data:`CRITICAL_CAP`).
- Outlet score (quarter) = mean of its visit scores; branch score = mean of its outlets' scores
  (the outlets visited that quarter); bank score = mean of the branch scores — each rounded half-up
  to 2 decimals from the rounded figures below it.

Arithmetic is decimal (``decimal.Decimal`` from each number's shortest text), so ``97.125`` rounds
to ``97.13`` as a person would, not to the binary neighbour's ``97.12``. Results are ``float`` with
at most 2 decimals.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from qsm_desktop.domain.rounding import as_decimal as _decimal
from qsm_desktop.domain.rounding import round_half_up

__all__ = [
    "CRITICAL_CAP",
    "NOT_APPLICABLE",
    "ItemResult",
    "QuarterScores",
    "UnitScore",
    "VisitScore",
    "mean_rounded",
    "quarter_scores",
    "round_half_up",
    "visit_score",
]

NOT_APPLICABLE = "不适用"
"""What a 得分 cell says for an item that does not apply to the visit (DESIGN §8.2)."""

CRITICAL_CAP = 60.0
"""The most a visit scores when a critical item lost points (DESIGN §8.2)."""

def mean_rounded(values: Iterable[float]) -> float | None:
    """The mean of ``values`` rounded half-up to 2 decimals (``None`` for no values)."""
    numbers = [_decimal(v) for v in values]
    if not numbers:
        return None
    return round_half_up(sum(numbers, Decimal(0)) / len(numbers))


@dataclass(frozen=True)
class ItemResult:
    """One checklist item of a visit: ``code``, ``points`` (分值), ``score`` (得分; ``None`` =
    不适用) and whether the item is ``critical``."""

    code: str
    points: float
    score: float | None
    critical: bool = False

    @property
    def applicable(self) -> bool:
        """Whether the item counts (not 不适用)."""
        return self.score is not None

    @property
    def lost(self) -> bool:
        """Whether the item lost points (applicable and 得分 < 分值)."""
        return self.score is not None and _decimal(self.score) < _decimal(self.points)


def visit_score(items: Iterable[ItemResult]) -> float | None:
    """The visit's score (DESIGN §8.2): 100 × Σ 得分 ÷ Σ 分值 over applicable items, half-up to 2
    decimals, at most :data:`CRITICAL_CAP` when a critical item lost points. ``None`` when no item
    applies (the visit has no score and leaves the means)."""
    got = total = Decimal(0)
    capped = False
    for item in items:
        if item.score is None:
            continue
        got += _decimal(item.score)
        total += _decimal(item.points)
        if item.critical and item.lost:
            capped = True
    if total <= 0:
        return None
    score = round_half_up(got * 100 / total)
    return min(score, CRITICAL_CAP) if capped else score


@dataclass(frozen=True)
class VisitScore:
    """A scored visit: ``visit_no`` (暗访编号), the ``outlet`` and its ``branch`` (6-digit codes),
    ``score`` (``None`` when no item applied)."""

    visit_no: str
    outlet: str
    branch: str
    score: float | None


@dataclass(frozen=True)
class UnitScore:
    """A unit's quarter score: ``code``, ``visits`` (scored visits), ``outlets`` (outlets visited;
    1 for an outlet) and ``score`` (2 decimals; ``None`` when nothing was scored)."""

    code: str
    visits: int
    outlets: int
    score: float | None


@dataclass(frozen=True)
class QuarterScores:
    """Every score of a quarter: ``visits`` by 暗访编号, ``outlets`` and ``branches`` by code, and
    the ``bank`` (code ``bank_code``; ``None`` when there was no visit)."""

    visits: dict[str, VisitScore]
    outlets: dict[str, UnitScore]
    branches: dict[str, UnitScore]
    bank: UnitScore | None


def quarter_scores(visits: Iterable[VisitScore], bank_code: str = "000000") -> QuarterScores:
    """Outlet, branch and bank scores of a quarter from its visit scores (DESIGN §8.2): each level
    the mean of the rounded scores of the level below, rounded half-up to 2 decimals. Visits
    without a score (nothing applicable) are left out of every mean."""
    by_visit: dict[str, VisitScore] = {}
    per_outlet: dict[str, list[float]] = {}
    branch_of: dict[str, str] = {}
    for visit in visits:
        by_visit[visit.visit_no] = visit
        if visit.score is None:
            continue
        per_outlet.setdefault(visit.outlet, []).append(visit.score)
        branch_of[visit.outlet] = visit.branch
    outlets = {code: UnitScore(code, len(scores), 1, mean_rounded(scores))
               for code, scores in sorted(per_outlet.items())}
    per_branch: dict[str, list[UnitScore]] = {}
    for code, outlet in outlets.items():
        per_branch.setdefault(branch_of[code], []).append(outlet)
    branches = {code: UnitScore(code, sum(o.visits for o in units), len(units), mean_rounded(o.score for o in units))
                for code, units in sorted(per_branch.items())}
    bank = None
    if branches:
        bank = UnitScore(bank_code, sum(b.visits for b in branches.values()), len(outlets),
                         mean_rounded(b.score for b in branches.values()))
    return QuarterScores(by_visit, outlets, branches, bank)
