"""What an evaluation report prints and what a build returns (报告数据), as plain data — no session, no Qt."""

from __future__ import annotations

import datetime
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from qsm_desktop.domain.indicators import PeriodScores


@dataclass(frozen=True)
class PastPeriod:
    """Totals of an earlier period (往期得分) for trends: unit code → unrounded total, and
    optionally the average per unit type (computed from ``totals`` when absent)."""

    period: str
    totals: Mapping[str, float]
    averages: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class EvaluationReportData:
    """Everything a report prints, as plain data (no session, no Qt).

    ``scores``: the period's computed scores (each unit's leaves with explanations, totals, grades,
    ranks, previous totals). ``history``: earlier periods, oldest first, not including
    ``scores.period``. ``generated_on``: the date printed on every page (the clock is the caller's).
    ``issuer``: the body that issues the report. ``published``: whether the period is frozen.
    """

    scores: PeriodScores
    history: tuple[PastPeriod, ...] = ()
    generated_on: datetime.date = field(default_factory=datetime.date.today)
    issuer: str = "服务质量管理办公室"
    organisation: str = ""
    published: bool = False


@dataclass(frozen=True)
class ReportResult:
    """What a build produced: the file (``None`` for a stream), pages, seconds in all and in charts."""

    path: Path | None
    pages: int
    seconds: float
    chart_seconds: float


@dataclass(frozen=True)
class BatchResult:
    """Outcome of :func:`build_unit_reports`: the unit reports written (in the order asked), whether
    it was cancelled, its wall-clock seconds, and the bank-wide report when one was asked for."""

    reports: tuple[ReportResult, ...]
    cancelled: bool
    seconds: float
    period_report: ReportResult | None = None

    @property
    def chart_seconds(self) -> float:
        """Seconds spent on charts over all reports."""
        return math.fsum(r.chart_seconds for r in self.reports)


__all__ = ["BatchResult", "EvaluationReportData", "PastPeriod", "ReportResult"]
