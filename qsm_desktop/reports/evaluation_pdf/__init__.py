"""PDF evaluation reports (综合评价报告), reportlab platypus + charts — issue 5, DESIGN §4.

Two reports, both built from plain data (:class:`EvaluationReportData`, which wraps the domain's
:class:`~qsm_desktop.domain.indicators.PeriodScores`):

- :func:`build_period_report` — the bank-wide report of a period (全行综合评价通报): cover, overview
  with the distribution of totals, branch ranking table with grades, category comparison, head-office
  department ranking, biggest movers against the previous period, missing inputs, scoring rules.
- :func:`build_unit_report` — one unit's report (单位综合评价报告): total, grade, rank, the indicator
  table (value / target / weight / points and the reason for every lost point, with the value's
  origin), a bar chart against the average of its peers, the trend over past periods, a radar of
  categories (the three drawn into the PDF as vector graphics, :mod:`.vector_charts`; the
  bank-wide report's charts are matplotlib pictures).
- :func:`build_unit_reports` — every unit in one run, in worker processes, with a progress callback
  and a cancel flag.

The package, by concern: :mod:`.data` (what a report prints and returns), :mod:`.text` (messages,
labels), :mod:`.fonts` (the shared font set), :mod:`.look` (colours, geometry, styles), :mod:`.page`
(document, cover, page numbers, chart images), :mod:`.tables` (tables and blocks), :mod:`.sections`
(sections both reports print), :mod:`.vector_charts` (the unit report's charts), :mod:`.period_report`,
:mod:`.unit_report`, :mod:`.batch`.

Fonts: the shared :class:`~qsm_desktop.reports.fonts.FontSet` — the bundled Droid Sans Fallback
(TrueType, CJK only — it has **no Latin letters or digits**) embedded as a subset, every text
split into runs, and the characters the CJK font lacks (digits, Latin, ``%``, ``–``, ``≥``…) set in
DejaVu Sans (bold DejaVu Sans for emphasised figures), embedded the same way.

Tables break across pages with their header rows repeated; every page but the cover carries
"第 N 页 / 共 M 页" and the generated date.

The package imports lightly: the plain data (:mod:`.data`) and labels (:mod:`.text`) at once, the
builders (reportlab, matplotlib) on first use of their names — a service that only names
:class:`ReportResult` must not load matplotlib at the window's start (issue 14 item 5).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from qsm_desktop.reports.evaluation_pdf.data import BatchResult, EvaluationReportData, PastPeriod, ReportResult
from qsm_desktop.reports.evaluation_pdf.text import date_label, period_label

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.reports.evaluation_pdf.batch import (
        ReportBatchFailed,
        build_unit_reports,
        default_workers,
        unit_report_filename,
    )
    from qsm_desktop.reports.evaluation_pdf.fonts import markup
    from qsm_desktop.reports.evaluation_pdf.period_report import build_period_report
    from qsm_desktop.reports.evaluation_pdf.unit_report import build_unit_report

_LAZY = {
    "ReportBatchFailed": "batch", "build_unit_reports": "batch", "default_workers": "batch",
    "unit_report_filename": "batch", "markup": "fonts", "build_period_report": "period_report",
    "build_unit_report": "unit_report",
}


def __getattr__(name: str) -> Any:
    """The builders and the package's submodules, imported on first use (PEP 562)."""
    module = _LAZY.get(name)
    if module is not None:
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None


__all__ = [
    "BatchResult", "EvaluationReportData", "PastPeriod", "ReportBatchFailed", "ReportResult", "build_period_report",
    "build_unit_report", "build_unit_reports", "date_label", "default_workers", "markup", "period_label",
    "unit_report_filename",
]
