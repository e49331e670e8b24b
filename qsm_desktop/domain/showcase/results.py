"""An application's result (评审结果): the final score as a trimmed mean of the valid sheets
(最终得分), sheets excluded for a conflict of interest, and sheets far from their panel (评分偏离).

Source: DESIGN.md §5, issue 4 §3.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from qsm_desktop.domain.showcase.conflicts import BranchOf, is_conflicted
from qsm_desktop.domain.showcase.numbers import as_decimal, round_score


#: With this many valid sheets or more, the single highest and lowest are dropped (DESIGN §5).
TRIM_FROM = 5


@dataclass(frozen=True)
class FinalScore:
    """Result of :func:`final_score`: ``exact`` (full precision) and ``final`` (published, 0.01),
    both ``None`` without valid sheets; ``dropped_high``/``dropped_low`` are indexes into the
    totals given (``None`` when not trimmed)."""

    exact: Decimal | None
    final: Decimal | None
    counted: int
    trimmed: bool
    dropped_high: int | None = None
    dropped_low: int | None = None


def final_score(totals: Sequence[Decimal]) -> FinalScore:
    """Final score from the valid sheets' totals (最终得分, DESIGN §5).

    The mean of the totals; with :data:`TRIM_FROM` (5) or more, the single highest and the single
    lowest are dropped first (trimmed mean; with equal totals, the first of them in the order
    given). No totals → ``final is None``. The published ``final`` is rounded half-up to 0.01.
    """
    values = [as_decimal(t) for t in totals]
    if not values:
        return FinalScore(exact=None, final=None, counted=0, trimmed=False)
    if len(values) < TRIM_FROM:
        exact = sum(values, Decimal(0)) / len(values)
        return FinalScore(exact=exact, final=round_score(exact), counted=len(values), trimmed=False)
    high = max(range(len(values)), key=lambda i: (values[i], -i))
    low = min((i for i in range(len(values)) if i != high), key=lambda i: (values[i], i))
    kept = [v for i, v in enumerate(values) if i not in (high, low)]
    exact = sum(kept, Decimal(0)) / len(kept)
    return FinalScore(exact=exact, final=round_score(exact), counted=len(kept), trimmed=True,
                      dropped_high=high, dropped_low=low)


@dataclass(frozen=True)
class SheetTotal:
    """A reviewer's sheet as far as the result is concerned: an id (``key``, e.g. the sheet's
    database id or file name), the reviewer (评审专家), the reviewer's org code, and the total."""

    key: Hashable
    reviewer: str
    reviewer_org: str
    total: Decimal


@dataclass(frozen=True)
class OutlierFlag:
    """A sheet whose total sits far from the rest of its panel (评分偏离).

    ``application``: the application's key; ``key``/``reviewer``/``total``: the sheet;
    ``others_mean``: the mean of the other valid sheets for that application; ``deviation`` =
    ``total − others_mean``; ``sd``: the cycle's standard deviation of such deviations (after
    the floor); ``z = deviation / sd``; ``direction`` is ``"high"`` (偏高) or ``"low"`` (偏低).
    """

    application: Hashable
    key: Hashable
    reviewer: str
    total: Decimal
    others_mean: float
    deviation: float
    sd: float
    z: float

    @property
    def direction(self) -> str:
        """``"high"`` when the sheet scores above the others, else ``"low"``."""
        return "high" if self.z > 0 else "low"


#: Outlier rule defaults: more than 2 standard deviations; a sheet is compared with at least 2
#: other valid sheets; the standard deviation is never taken below 1 % of the full marks.
OUTLIER_Z = 2.0
OUTLIER_MIN_OTHERS = 2
OUTLIER_MIN_SD_SHARE = Decimal("0.01")


def outlier_sheets(
    panels: Mapping[Hashable, Sequence[SheetTotal]],
    *,
    total_points: Decimal = Decimal(100),
    z_threshold: float = OUTLIER_Z,
    min_others: int = OUTLIER_MIN_OTHERS,
) -> tuple[OutlierFlag, ...]:
    """Sheets whose totals sit more than ``z_threshold`` standard deviations from their panel's
    (评分偏离的评审专家, issue 4 §3). ``panels``: for each application of a cycle (any key), its
    **valid** sheets (conflicted ones left out).

    The rule, precisely:

    1. Each sheet's *deviation* is its total minus the mean of the *other* valid sheets of the
       same application (leave-one-out; a sheet needs ``min_others`` = 2 others, so panels of
       fewer than 3 valid sheets are not assessed).
    2. ``sd`` is the sample standard deviation (n − 1) of all deviations in the cycle, but at
       least 1 % of the sheet's full marks (``total_points``: 1 point on a 100-point sheet, 10 on
       a 1,000-point one), so a unanimous cycle does not make half a point an outlier.
    3. A sheet is flagged when ``|deviation| > z_threshold × sd``.

    Why so: inside one panel of four or five, counting the sheet in its own mean and deviation
    caps ``|z|`` at (n − 1)/√n (1.79 for five: the rule could never fire), and a deviation taken
    from the three or four others alone is so unsteady that a third of the sample's applications
    would carry a flag. Pooled over the cycle the yardstick is steady; on the sample cycle one
    sheet is flagged (刘健's 88.5 for 120302, 2.2 deviations low). A flag informs the committee;
    it does not change any score. A reviewer is flagged when any of their sheets is
    (:func:`flagged_reviewers`).
    """
    min_sd = float(as_decimal(total_points) * OUTLIER_MIN_SD_SHARE)
    rows: list[tuple[Hashable, SheetTotal, float, float]] = []
    for application, sheets in panels.items():
        values = [float(s.total) for s in sheets]
        for i, sheet in enumerate(sheets):
            others = values[:i] + values[i + 1:]
            if len(others) < max(min_others, 1):
                continue
            mean = statistics.fmean(others)
            rows.append((application, sheet, mean, values[i] - mean))
    if len(rows) < 2:
        return ()
    sd = max(statistics.stdev(d for *_rest, d in rows), min_sd)
    flags = []
    for application, sheet, mean, deviation in rows:
        z = deviation / sd
        if abs(z) > z_threshold and not math.isclose(abs(z), z_threshold):
            flags.append(OutlierFlag(application=application, key=sheet.key, reviewer=sheet.reviewer,
                                     total=sheet.total, others_mean=mean, deviation=deviation, sd=sd, z=z))
    return tuple(flags)


def cycle_outliers(results: Iterable[ApplicationResult], *, total_points: Decimal = Decimal(100)) -> tuple[OutlierFlag, ...]:
    """:func:`outlier_sheets` over the results of one award cycle, keyed by outlet org code."""
    return outlier_sheets({r.outlet_org: r.valid for r in results}, total_points=total_points)


def flagged_reviewers(flags: Iterable[OutlierFlag]) -> dict[str, tuple[OutlierFlag, ...]]:
    """Group outlier flags (of one or many applications) by reviewer, for the committee."""
    grouped: dict[str, list[OutlierFlag]] = {}
    for flag in flags:
        grouped.setdefault(flag.reviewer, []).append(flag)
    return {k: tuple(v) for k, v in grouped.items()}


@dataclass(frozen=True)
class SheetOutcome:
    """How one sheet entered the result: ``conflicted`` sheets are kept but excluded (回避);
    ``trimmed`` is ``"high"``/``"low"`` for the sheet dropped by the trimmed mean."""

    sheet: SheetTotal
    conflicted: bool
    trimmed: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the sheet's total is in the final score."""
        return not self.conflicted and self.trimmed is None


@dataclass(frozen=True)
class ApplicationResult:
    """An application's result (评审结果): final score, valid and excluded sheets."""

    outlet_org: str
    final: Decimal | None
    exact: Decimal | None
    trimmed: bool
    outcomes: tuple[SheetOutcome, ...]

    @property
    def valid(self) -> tuple[SheetTotal, ...]:
        """The sheets not excluded for a conflict of interest, in the order given."""
        return tuple(o.sheet for o in self.outcomes if not o.conflicted)

    @property
    def valid_sheets(self) -> int:
        """Sheets not excluded for a conflict of interest (有效评分表)."""
        return sum(1 for o in self.outcomes if not o.conflicted)

    @property
    def excluded(self) -> tuple[SheetOutcome, ...]:
        """The conflicted sheets (kept, shown, not counted)."""
        return tuple(o for o in self.outcomes if o.conflicted)


def application_result(
    outlet_org: str,
    sheets: Sequence[SheetTotal],
    branch_of: BranchOf | Mapping[str, str | None],
) -> ApplicationResult:
    """Score one application (计算最终得分, DESIGN §5).

    ``sheets``: every sheet scored for the outlet ``outlet_org`` (6-digit code). Sheets whose
    reviewer is conflicted (:func:`is_conflicted`) are excluded but kept in ``outcomes``; the
    final score is :func:`final_score` of the rest. Outliers are judged over the whole cycle
    (:func:`cycle_outliers`). Raises :class:`NotFound` when ``branch_of`` is a mapping without a
    reviewer's or the outlet's code.
    """
    conflicted = [is_conflicted(s.reviewer_org, outlet_org, branch_of) for s in sheets]
    valid = [s for s, c in zip(sheets, conflicted) if not c]
    result = final_score([s.total for s in valid])
    trimmed_keys: dict[int, str] = {}
    if result.trimmed:
        valid_positions = [i for i, c in enumerate(conflicted) if not c]
        trimmed_keys[valid_positions[result.dropped_high]] = "high"  # type: ignore[index]
        trimmed_keys[valid_positions[result.dropped_low]] = "low"  # type: ignore[index]
    outcomes = tuple(
        SheetOutcome(sheet=s, conflicted=c, trimmed=trimmed_keys.get(i)) for i, (s, c) in enumerate(zip(sheets, conflicted))
    )
    return ApplicationResult(
        outlet_org=outlet_org,
        final=result.final,
        exact=result.exact,
        trimmed=result.trimmed,
        outcomes=outcomes,
    )
