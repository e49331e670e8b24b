"""Sections both evaluation reports print (共用章节): missing inputs, the status notice, past averages."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.platypus import Flowable

from qsm_desktop.domain.indicators import PeriodScores, UnitScore
from qsm_desktop.reports.evaluation_pdf.data import EvaluationReportData, PastPeriod
from qsm_desktop.reports.evaluation_pdf.look import FRAME_W, para
from qsm_desktop.reports.evaluation_pdf.tables import data_table, head_row, section
from qsm_desktop.reports.evaluation_pdf.text import tr


def past_average(past: PastPeriod, unit_type: str, scores: PeriodScores) -> float | None:
    """The average total of ``unit_type`` in an earlier period (given, or computed from its totals
    of the units that are of that type now); ``None`` without any."""
    if unit_type in past.averages:
        return past.averages[unit_type]
    types = {u.code: u.unit_type for u in scores.units}
    values = [t for code, t in past.totals.items() if types.get(code) == unit_type]
    return math.fsum(values) / len(values) if values else None


def missing_section(scores: PeriodScores, title: str, st, lang: str,
                    units: Sequence[UnitScore] | None = None) -> list[Flowable]:
    """The missing or invalid inputs of ``units`` (default: every unit), or a line saying there are none."""
    problems = [p for u in (units if units is not None else scores.units) for p in u.problems]
    if not problems:
        return section(title, st, para(tr("report.eval.no_missing", lang), st["body"]))
    rows = [head_row([tr("report.eval.col_unit", lang), tr("report.eval.col_indicator", lang),
                   tr("report.eval.col_problem", lang)], st)]
    for p in problems:
        rows.append([para(f"{p.unit_code} {p.unit_name}", st["cell"]), para(f"{p.indicator_code} {p.indicator_name}", st["cell"]),
                     para(p.message(lang), st["cell_small"])])
    return section(title, st, data_table(rows, [120, 110, FRAME_W - 230]))


def status_notice(data: EvaluationReportData, st, lang: str) -> list[Flowable]:
    """Published or draft, and (when units are incomplete) how many and whether accepted."""
    scores = data.scores
    incomplete = [u for u in scores.units if not u.complete]
    out = [para(tr("report.eval.status_published" if data.published else "report.eval.status_draft", lang), st["small"])]
    if incomplete:
        key = "report.eval.status_accepted" if scores.accepted_incomplete else "report.eval.status_incomplete"
        out.append(para(tr(key, lang, n=len(incomplete)), st["notice"]))
    return out


__all__ = ["missing_section", "past_average", "status_notice"]
