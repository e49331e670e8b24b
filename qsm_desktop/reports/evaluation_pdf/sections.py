"""Sections both evaluation reports print (共用章节): missing inputs, the status notice, past averages."""

from __future__ import annotations

import math
from collections.abc import Sequence

from reportlab.platypus import Flowable

from qsm_desktop.domain.indicators import SOURCES, PeriodScores, UnitScore, fmt_number
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


def differences_section(scores: PeriodScores, title: str, st, lang: str) -> list[Flowable]:
    """The leaves scored on a register whose quarterly typed value differs (DESIGN §8.2, §9.2):
    unit, indicator, the register's figure, the typed value and the difference, under a sentence
    naming the registers those values came from; nothing when none."""
    rows = [head_row([tr("report.eval.col_unit", lang), tr("report.eval.col_indicator", lang),
                      tr("report.eval.col_register", lang), tr("report.eval.col_reported", lang),
                      tr("report.eval.col_difference", lang)], st)]
    registers: list[str] = []  # the registers the rows' values came from, named in the intro
    for unit in scores.units:
        for item in unit.indicators:
            if item.differs:
                if item.source_used not in registers:
                    registers.append(item.source_used)
                rows.append([para(f"{unit.code} {unit.name}", st["cell"]),
                             para(f"{item.code} {item.indicator.shown_name(lang)}", st["cell"]),
                             para(fmt_number(item.value), st["cell_r"]), para(fmt_number(item.reported), st["cell_r"]),
                             para(fmt_number(round(item.reported - item.value, 4)), st["cell_r"])])
    if len(rows) == 1:
        return []
    names = ("、" if lang == "zh" else ", ").join(
        SOURCES.get(key, (key, key))[0 if lang == "zh" else 1] for key in sorted(registers))
    return section(title, st, para(tr("report.eval.differences_intro", lang, registers=names), st["body"]),
                   data_table(rows, [150, FRAME_W - 150 - 3 * 60, 60, 60, 60]))


def status_notice(data: EvaluationReportData, st, lang: str) -> list[Flowable]:
    """Published or draft, and (when units are incomplete) how many and whether accepted."""
    scores = data.scores
    incomplete = [u for u in scores.units if not u.complete]
    out = [para(tr("report.eval.status_published" if data.published else "report.eval.status_draft", lang), st["small"])]
    if incomplete:
        key = "report.eval.status_accepted" if scores.accepted_incomplete else "report.eval.status_incomplete"
        out.append(para(tr(key, lang, n=len(incomplete)), st["notice"]))
    return out


__all__ = ["differences_section", "missing_section", "past_average", "status_notice"]
