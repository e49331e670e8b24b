"""Evaluation reports (综合评价报告) — the data the PDF reports print and writing them: the
bank-wide report (全行综合评价通报), one unit's report, all units' reports in one go — DESIGN §4, §7.

A report never prints a draft older than the data it describes: an unpublished quarter is
computed from today's inputs (and stored as the draft, as ``qsm evaluate`` does); a published one
prints as frozen. The drawing is :mod:`qsm_desktop.reports.evaluation_pdf`'s (imported when a
report is made: reportlab is not loaded by merely opening the service).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import or_, select

from qsm_desktop.domain.errors import NotFound
from qsm_desktop.domain.i18n import msg, register
from qsm_desktop.services.context import Actor, scope_pattern
from qsm_desktop.services.evaluation.common import mean, quarter
from qsm_desktop.store.models import OrgUnit
from qsm_desktop.store.models.evaluation import EvaluationPeriod, PeriodStatus, UnitScoreRecord

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.services.bundle import Services
    from qsm_desktop.services.evaluation import EvaluationService

register({
    "eval.unknown_unit": ("单位 {code} 不在本期的评价范围内。", "Unit {code} is not evaluated in this period."),
})


class EvaluationReports:
    """The reports part of ``services.evaluation`` (综合评价报告): earlier quarters for the trend,
    the report data and the PDF files."""

    def __init__(self, services: Services, evaluation: EvaluationService) -> None:
        self._services = services
        self._evaluation = evaluation

    def history(self, actor: Actor, period: str, count: int = 8):
        """Earlier computed quarters (oldest first, at most ``count``) as report ``PastPeriod`` s.

        For an actor with an org scope (a branch secretary, a scoped viewer) a quarter still in draft
        gives her own subtree's totals only and no bank means: a draft is head office's working copy,
        and only published results are readable bank-wide (DESIGN §6; the database's policy on
        ``unit_scores`` shows her the same rows)."""
        from qsm_desktop.reports.evaluation_pdf import PastPeriod

        period = quarter(period)
        with self._services.read() as session:
            stmt = (select(EvaluationPeriod.period, UnitScoreRecord.org_code, UnitScoreRecord.unit_type,
                           UnitScoreRecord.total, UnitScoreRecord.grade, EvaluationPeriod.status)
                    .join(UnitScoreRecord, UnitScoreRecord.period_id == EvaluationPeriod.id)
                    .where(EvaluationPeriod.period < period))
            pattern = scope_pattern(actor)
            if pattern is not None:
                stmt = stmt.join(OrgUnit, OrgUnit.id == UnitScoreRecord.org_unit_id).where(
                    or_(EvaluationPeriod.status == PeriodStatus.PUBLISHED, OrgUnit.path.like(pattern)))
            rows = session.execute(stmt).all()
        totals: dict[str, dict[str, float]] = defaultdict(dict)
        graded: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for p, code, unit_type, total, grade, status in rows:
            totals[p][code] = total
            if grade is not None and (pattern is None or status == PeriodStatus.PUBLISHED):
                graded[p][unit_type].append(total)
        chosen = sorted(totals)[-count:]
        return tuple(PastPeriod(p, totals[p], {t: mean(v) for t, v in graded[p].items() if v}) for p in chosen)

    def report_data(self, actor: Actor, period: str, *, generated_on: dt.date | None = None):
        """What the PDF reports print for quarter ``period``: the published scores of a frozen
        quarter, else the scores of the current inputs (computed and stored as the draft, as
        ``qsm evaluate`` does) — a report never shows a draft older than the data it describes."""
        from qsm_desktop.reports.evaluation_pdf import EvaluationReportData

        result = self._evaluation.evaluate(actor, period)
        return EvaluationReportData(scores=result.scores, history=self.history(actor, period),
                                    generated_on=generated_on or dt.date.today(), published=result.published)

    def build_period_report(self, actor: Actor, period: str, out: str | Path, *, language: str | None = None):
        """Write the bank-wide report of ``period`` (全行综合评价通报) to ``out``."""
        from qsm_desktop.reports.evaluation_pdf import build_period_report

        return build_period_report(self.report_data(actor, period), out, language)

    def build_unit_report(self, actor: Actor, period: str, unit_code: str, out: str | Path, *,
                          language: str | None = None):
        """Write one unit's report (单位综合评价报告); :class:`NotFound` for a unit not evaluated."""
        from qsm_desktop.reports.evaluation_pdf import build_unit_report

        data = self.report_data(actor, period)
        try:
            data.scores.unit(unit_code)
        except KeyError:
            raise NotFound(msg("eval.unknown_unit", code=unit_code)) from None
        return build_unit_report(data, unit_code, out, language)

    def build_unit_reports(self, actor: Actor, period: str, out_dir: str | Path, *,
                           progress: Callable[[int, int, str], None] | None = None,
                           cancel: threading.Event | Callable[[], bool] | None = None,
                           language: str | None = None, with_period_report: bool = False,
                           workers: int | None = None):
        """Write every unit's report into ``out_dir`` (批量生成) with progress and cancel; with
        ``with_period_report`` also the bank-wide one (``<period>_全行综合评价报告.pdf``), in the
        same run. The reports are built in ``workers`` processes (default: one per core; ``1`` =
        in this thread) from the data read here — a worker opens no session.
        :class:`~qsm_desktop.reports.evaluation_pdf.ReportBatchFailed` when a report cannot be written."""
        from qsm_desktop.reports.evaluation_pdf import build_unit_reports

        data = self.report_data(actor, period)
        bank_wide = Path(out_dir) / f"{data.scores.period}_全行综合评价报告.pdf" if with_period_report else None
        return build_unit_reports(data, out_dir, progress=progress, cancel=cancel, language=language,
                                  workers=workers, period_report=bank_wide)


__all__ = ["EvaluationReports"]
