"""Every unit's report in one run (批量生成单位报告), with progress and cancel — issue 5, DESIGN §4."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from qsm_desktop.domain.indicators import UnitScore
from qsm_desktop.reports.evaluation_pdf.data import BatchResult, EvaluationReportData, ReportResult
from qsm_desktop.reports.evaluation_pdf.unit_report import build_unit_report

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def unit_report_filename(period: str, unit: UnitScore) -> str:
    """``2007Q4_110000_交通银行北京市分行.pdf`` (characters Windows forbids replaced by ``_``)."""
    return f"{period}_{unit.code}_{_UNSAFE.sub('_', unit.name).strip('_')}.pdf"


def build_unit_reports(
    data: EvaluationReportData,
    out_dir: str | Path,
    *,
    unit_codes: Sequence[str] | None = None,
    progress: Callable[[int, int, str], None] | None = None,
    cancel: threading.Event | Callable[[], bool] | None = None,
    language: str | None = None,
) -> BatchResult:
    """Write one report per unit into ``out_dir`` (created if needed) — the batch run (批量生成).

    ``unit_codes``: which units (default: all, branches then departments, in rank order).
    ``progress(done, total, unit_code)`` is called after each report. ``cancel`` (an Event or a
    callable returning ``True``) is checked before each report: the run stops, reports already
    written stay, no partial file is left (each report is written to ``*.part`` and renamed).
    """
    started = time.perf_counter()
    target = Path(out_dir)
    target.mkdir(parents=True, exist_ok=True)
    scores = data.scores
    if unit_codes is None:
        ordered = [u for t in scores.system.unit_types() for u in scores.of_type(t)]
        ordered += [u for u in scores.units if u not in ordered]
        codes = [u.code for u in ordered]
    else:
        codes = list(unit_codes)
    is_cancelled = (cancel.is_set if isinstance(cancel, threading.Event) else cancel) or (lambda: False)
    results: list[ReportResult] = []
    for index, code in enumerate(codes):
        if is_cancelled():
            return BatchResult(tuple(results), True, time.perf_counter() - started)
        unit = scores.unit(code)
        final = target / unit_report_filename(scores.period, unit)
        partial = final.with_name(final.name + ".part")
        try:
            result = build_unit_report(data, code, partial, language)
            os.replace(partial, final)
        finally:
            if partial.exists():
                partial.unlink()
        results.append(ReportResult(final, result.pages, result.seconds, result.chart_seconds))
        if progress is not None:
            progress(index + 1, len(codes), code)
    return BatchResult(tuple(results), False, time.perf_counter() - started)


__all__ = ["build_unit_reports", "unit_report_filename"]
