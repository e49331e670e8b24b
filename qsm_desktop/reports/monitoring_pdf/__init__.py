"""The quarterly monitoring report PDF (季度服务质量监测报告), reportlab platypus + matplotlib — issue 13
Deliver 7, DESIGN §8, §9.

:func:`build_monitoring_report` draws a :class:`MonitoringReportData` (plain data the monitoring
service gathers) for the bank or one branch, in Chinese or English. The package, by concern:
:mod:`.data` (what the report prints), :mod:`.text` (messages), :mod:`.charts` (sorted horizontal
bar charts that stay readable at 36+ branches), :mod:`.report` (the document). Fonts, styles,
tables and page furniture are the evaluation reports' (:mod:`qsm_desktop.reports.evaluation_pdf`).
The data classes import at once; :func:`build_monitoring_report` (reportlab, matplotlib) on first use.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from qsm_desktop.reports.evaluation_pdf.data import ReportResult
from qsm_desktop.reports.monitoring_pdf.data import (
    ActionLine,
    CauseLine,
    ComplaintLine,
    LostItemLine,
    ModuleInfo,
    MonitoringReportData,
    OverdueAction,
    ScoreLine,
)

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.reports.monitoring_pdf.report import build_monitoring_report


def __getattr__(name: str) -> Any:
    """:func:`build_monitoring_report` and the submodules, imported on first use (PEP 562)."""
    if name == "build_monitoring_report":
        return importlib.import_module(f"{__name__}.report").build_monitoring_report
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None

__all__ = [
    "ActionLine", "CauseLine", "ComplaintLine", "LostItemLine", "ModuleInfo", "MonitoringReportData", "OverdueAction",
    "ReportResult", "ScoreLine", "build_monitoring_report",
]
