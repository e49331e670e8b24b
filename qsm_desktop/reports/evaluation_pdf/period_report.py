"""The bank-wide evaluation report of a period (全行综合评价通报) — issue 5, DESIGN §4.

Cover, overview with the distribution of totals, branch ranking table with grades, category
comparison, head-office department ranking, biggest movers against the previous period, missing
inputs, scoring rules.
"""

from __future__ import annotations

import math
import time
from collections import Counter
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak, Paragraph, Spacer, Table

from qsm_desktop.domain.i18n import get_language
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.indicators import (
    SOURCES,
    UNIT_TYPE_BRANCH,
    UNIT_TYPE_DEPARTMENT,
    Indicator,
    PeriodScores,
    fmt_number,
)
from qsm_desktop.reports import charts
from qsm_desktop.reports.evaluation_pdf.data import EvaluationReportData, ReportResult
from qsm_desktop.reports.evaluation_pdf.fonts import markup, register_fonts
from qsm_desktop.reports.evaluation_pdf.look import FRAME_W, GRADE_FILL, INK, para, styles
from qsm_desktop.reports.evaluation_pdf.page import ChartTimer, FigureNumbers, canvas_maker, new_doc, stamped_canvas
from qsm_desktop.reports.evaluation_pdf.sections import differences_section, missing_section, past_average, status_notice
from qsm_desktop.reports.evaluation_pdf.tables import (
    change_cell,
    data_table,
    figure,
    grade_cell,
    grade_extra,
    head_row,
    key_figures,
    rank_text,
    section,
)
from qsm_desktop.reports.evaluation_pdf.text import date_label, period_label, tr, type_label


def _category_name(category, lang: str) -> str:
    """A category's name in ``lang`` (its English name when it has one)."""
    return shown(category.name, getattr(category, "name_en", ""), language=lang)


def _ranking_table(scores: PeriodScores, unit_type: str, st, lang: str) -> Table:
    units = scores.of_type(unit_type)
    system = scores.system
    categories = system.categories_for(unit_type)
    if len(categories) >= 2:  # branches: one column per category
        columns = [(f"{c.code} {_category_name(c, lang)}", c.code) for c in categories]
        detail = lambda u, code: next(cs.points for cs in u.categories if cs.code == code)  # noqa: E731
    else:  # departments: one column per indicator
        columns = [(f"{i.code} {i.shown_name(lang)}", i.code) for i in system.indicators_for(unit_type)]
        detail = lambda u, code: u.indicator(code).points  # noqa: E731
    fixed = [28, 46, 0, 44, 40, 42]
    detail_w = 50 if len(columns) <= 4 else 40
    name_w = FRAME_W - sum(fixed) - detail_w * len(columns)
    widths = [28, 46, name_w, *([detail_w] * len(columns)), 44, 40, 42]
    head = head_row([tr("report.eval.col_rank", lang), tr("report.eval.col_code", lang),
                  tr("report.eval.col_name", lang), *[c[0] for c in columns], tr("report.eval.col_total", lang),
                  tr("report.eval.col_grade", lang), tr("report.eval.col_change", lang)], st)
    rows: list[list[object]] = [head]
    for u in units:
        cells: list[object] = [para(rank_text(u, lang), st["cell_c"]), para(u.code, st["cell_c"]), para(u.name, st["cell"])]
        for _, code in columns:
            value = detail(u, code)
            cells.append(para("—" if value is None else f"{value:.2f}", st["cell_r"]))
        cells += [para(f"{u.total:.2f}", st["cell_r"], bold_latin=True), grade_cell(u, st, lang), change_cell(u.change, st)]
        rows.append(cells)
    return data_table(rows, widths, extra=grade_extra(units, len(widths) - 2))


def _extremes(units, value, lang: str) -> tuple[str, str]:
    """The highest and the lowest of ``units`` by ``value(unit)`` as "points  name" cells (issue 14):
    units tied at the top or bottom are counted ("name +2"), and when every unit has the same
    value (e.g. a category all at zero) no unit is named as best and worst at once — the first
    cell says they are all tied and the second is "—". ``("—", "—")`` without units."""
    if not units:
        return "—", "—"
    values = [value(u) for u in units]
    hi, lo = max(values), min(values)
    if hi - lo < 0.005:
        return tr("report.eval.all_tied", lang, points=f"{hi:.2f}", n=len(units)), "—"

    def cell(target: float) -> str:
        tied = [u for u, v in zip(units, values, strict=True) if abs(v - target) < 0.005]
        more = tr("report.eval.tied_more", lang, n=len(tied) - 1) if len(tied) > 1 else ""
        return f"{target:.2f}  {tied[0].name}{more}"

    return cell(hi), cell(lo)


def _overview(data: EvaluationReportData, st, lang: str, timer: ChartTimer, figures: FigureNumbers) -> list[Flowable]:
    scores = data.scores
    story: list[Flowable] = []
    branches, depts = scores.of_type(UNIT_TYPE_BRANCH), scores.of_type(UNIT_TYPE_DEPARTMENT)
    avg_b, avg_d = scores.average_total(UNIT_TYPE_BRANCH), scores.average_total(UNIT_TYPE_DEPARTMENT)
    intro = para(tr("report.eval.overview_text", lang, branches=len(branches), departments=len(depts),
                  branch_avg="—" if avg_b is None else f"{avg_b:.2f}",
                  dept_avg="—" if avg_d is None else f"{avg_d:.2f}", system=scores.system.shown_label(lang)), st["body"])
    story += section(tr("report.eval.sec_overview", lang), st, intro)
    story.append(Spacer(1, 4))
    # key figures per unit type
    grade_names = [g.name for g in scores.system.grades]
    rows = [head_row([tr("report.eval.col_type", lang), tr("report.eval.kf_units", lang), tr("report.eval.kf_avg", lang),
                   tr("report.eval.kf_best", lang), tr("report.eval.kf_worst", lang),
                   *[scores.system.grade_name(g, lang) for g in grade_names]], st)]
    for unit_type, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)):
        if not units:
            continue
        graded = [u for u in units if u.grade is not None]
        best, worst = _extremes(graded, lambda u: u.total, lang)
        avg = scores.average_total(unit_type)
        rows.append([
            para(type_label(unit_type, lang), st["cell"]), para(str(len(units)), st["cell_c"]),
            para("—" if avg is None else f"{avg:.2f}", st["cell_r"]),
            para(best, st["cell_small"]), para(worst, st["cell_small"]),
            *[para(str(sum(1 for u in units if u.grade == g)), st["cell_c"]) for g in grade_names],
        ])
    grade_w = 32.0
    side = (FRAME_W - 60 - 48 - 44 - grade_w * len(grade_names)) / 2
    widths = [60, 48, 44, side, side] + [grade_w] * len(grade_names)
    extra = [("BACKGROUND", (5 + i, 0), (5 + i, 0), GRADE_FILL[g]) for i, g in enumerate(grade_names) if g in GRADE_FILL]
    extra += [("TEXTCOLOR", (5, 0), (-1, 0), INK)]
    rows[0][5:] = [para(scores.system.grade_name(g, lang), st["cell_c"]) for g in grade_names]
    story.append(data_table(rows, widths, extra=extra, zebra=False))
    story.append(Spacer(1, 8))
    series = {type_label(t, lang): [u.total for u in units if u.grade is not None]
              for t, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)) if units}
    bands = [(shown(g.name, g.name_en, language=lang), g.min, g.name) for g in scores.system.grades]
    image = timer.image(lambda: charts.totals_histogram(series, bands, xlabel=tr("report.eval.total_axis", lang),
                                                        ylabel=tr("report.eval.units_axis", lang)), FRAME_W)
    story.append(figure(image, tr("report.eval.chart_distribution", lang, n=figures.next()), st))
    if data.history:
        periods = [h.period for h in data.history] + [scores.period]
        lines: dict[str, list[float | None]] = {}
        for unit_type in (UNIT_TYPE_BRANCH, UNIT_TYPE_DEPARTMENT):
            values = [past_average(h, unit_type, scores) for h in data.history]
            values.append(scores.average_total(unit_type))
            if any(v is not None for v in values):
                lines[tr("report.eval.peer_average", lang, type=type_label(unit_type, lang))] = values
        image = timer.image(lambda: charts.trend_line(periods, lines, ylabel=tr("report.eval.total_axis", lang),
                                                      height_in=2.2), FRAME_W)
        story.append(figure(image, tr("report.eval.chart_history", lang, n=figures.next()), st))
    return story


def _categories_section(scores: PeriodScores, st, lang: str, timer: ChartTimer,
                        figures: FigureNumbers) -> list[Flowable]:
    units = [u for u in scores.of_type(UNIT_TYPE_BRANCH) if u.grade is not None]
    categories = scores.system.categories_for(UNIT_TYPE_BRANCH)
    if not units or not categories:
        return []
    rates = {c.code: [next(cs.rate for cs in u.categories if cs.code == c.code) for u in units] for c in categories}
    avg = [math.fsum(rates[c.code]) / len(units) for c in categories]
    hi = [max(rates[c.code]) for c in categories]
    lo = [min(rates[c.code]) for c in categories]
    labels = [f"{c.code} {_category_name(c, lang)}" for c in categories]
    image = timer.image(lambda: charts.category_comparison(
        labels, {tr("report.eval.col_avg", lang): avg, tr("report.eval.col_max", lang): hi,
                 tr("report.eval.col_min", lang): lo}, ylabel=tr("report.eval.rate_axis", lang)), FRAME_W)
    rows = [head_row([tr("report.eval.col_category", lang), tr("report.eval.col_weight", lang),
                   tr("report.eval.col_avg", lang), tr("report.eval.col_max", lang),
                   tr("report.eval.col_min", lang)], st)]
    for c, a in zip(categories, avg, strict=True):
        weight = math.fsum(i.weight for i in scores.system.indicators_in(c.code))
        pts = [next(cs.points for cs in u.categories if cs.code == c.code) for u in units]
        best, worst = _extremes(units, lambda u, code=c.code: next(cs.points for cs in u.categories if cs.code == code),
                                lang)
        rows.append([
            para(f"{c.code} {_category_name(c, lang)}", st["cell"]), para(fmt_number(weight), st["cell_r"]),
            para(f"{math.fsum(pts) / len(pts):.2f}  ({a:.0f}%)", st["cell_r"]),
            para(best, st["cell_small"]), para(worst, st["cell_small"]),
        ])
    table = data_table(rows, [110, 40, 76, (FRAME_W - 226) / 2, (FRAME_W - 226) / 2])
    return [*section(tr("report.eval.sec_categories", lang), st,
                      figure(image, tr("report.eval.chart_categories", lang, n=figures.next()), st)), table]


def _movers_section(scores: PeriodScores, st, lang: str, count: int = 5) -> list[Flowable]:
    moved = [u for u in scores.units if u.change is not None]
    if not moved:
        return section(tr("report.eval.sec_movers", lang), st, para(tr("report.eval.no_previous", lang), st["body"]))
    ups = sorted((u for u in moved if u.change > 0.005), key=lambda u: (-u.change, u.code))[:count]
    downs = sorted((u for u in moved if u.change < -0.005), key=lambda u: (u.change, u.code))[:count]
    rows = [head_row(["", tr("report.eval.col_name", lang), tr("report.eval.col_type", lang),
                   tr("report.eval.col_previous", lang), tr("report.eval.col_total", lang),
                   tr("report.eval.col_change", lang), tr("report.eval.col_rank", lang)], st)]
    for label, units in ((tr("report.eval.movers_up", lang), ups), (tr("report.eval.movers_down", lang), downs)):
        for i, u in enumerate(units):
            rows.append([
                para(label if i == 0 else "", st["cell_c"]), para(f"{u.code} {u.name}", st["cell"]),
                para(type_label(u.unit_type, lang), st["cell_c"]), para(f"{u.previous_total:.2f}", st["cell_r"]),
                para(f"{u.total:.2f}", st["cell_r"]), change_cell(u.change, st), para(rank_text(u, lang), st["cell_c"]),
            ])
    widths = [36, FRAME_W - 36 - 70 - 50 * 3 - 40, 70, 50, 50, 50, 40]
    if len(rows) == 1:
        return section(tr("report.eval.sec_movers", lang), st, para(tr("report.eval.no_previous", lang), st["body"]))
    return section(tr("report.eval.sec_movers", lang), st, data_table(rows, widths))


def source_text(indicator: Indicator, scores: PeriodScores, lang: str) -> str:
    """The appendix's 数据来源 of ``indicator``: the source its values actually came from this period
    (:attr:`IndicatorScore.source_used` — e.g. the finalised mystery visits standing in for the
    quarterly return, DESIGN §8.2, §9.2), with how many units each gave when it is not simply the
    indicator's own source for every unit; the indicator's declared source when no unit has a
    value. ``lang``: ``"zh"``/``"en"``."""
    used: Counter[str] = Counter(item.source_used for unit in scores.units for item in unit.indicators
                                 if item.code == indicator.code and item.value is not None)
    if not used or set(used) == {indicator.source}:
        return _source_label(indicator.source, lang)
    order = sorted(used, key=lambda key: (-used[key], key != indicator.source, key))
    return ("；" if lang == "zh" else "; ").join(
        tr("report.eval.source_units", lang, source=_source_label(key, lang), n=used[key]) for key in order)


def _source_label(key: str, lang: str) -> str:
    return SOURCES.get(key, (key, key))[0 if lang == "zh" else 1]


def _rules_section(scores: PeriodScores, st, lang: str) -> list[Flowable]:
    system = scores.system
    rows = [head_row([tr("report.eval.col_indicator", lang), tr("report.eval.col_weight", lang),
                   tr("report.eval.col_target", lang), tr("report.eval.col_rule", lang),
                   tr("report.eval.col_source", lang)], st)]
    extra: list[tuple] = []
    for unit_type in system.unit_types():
        for category in system.categories_for(unit_type):
            rows.append([para(f"{category.code} {shown(category.name, category.name_en, language=lang)}"
                              + (f"（{type_label(unit_type, lang)}）" if lang == "zh" else f" ({type_label(unit_type, lang)})"),
                              st["cell"]), "", "", "", ""])
            r = len(rows) - 1
            extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E8ECF3"))]
            for ind in system.indicators_in(category.code):
                source = source_text(ind, scores, lang)
                rule = ind.rule.describe(ind.unit, ind.weight, lang)
                rows.append([para(f"{ind.code} {ind.shown_name(lang)}", st["cell"]), para(fmt_number(ind.weight), st["cell_r"]),
                             para(ind.target_text(lang), st["cell_c"]), para(rule, st["cell_small"]),
                             para(source, st["cell_small"])])
    grades = ("；" if lang == "zh" else "; ").join(f"{shown(g.name, g.name_en, language=lang)} ≥ {fmt_number(g.min)}" for g in system.grades)
    return [*section(tr("report.eval.sec_rules", lang), st,
                      para(f"{system.shown_label(lang)}  ·  {grades}", st["small"])),
            Spacer(1, 4), data_table(rows, [128, 34, 56, FRAME_W - 128 - 34 - 56 - 74, 74], extra=extra, zebra=False)]


def build_period_report(data: EvaluationReportData, out: str | Path | BinaryIO, language: str | None = None) -> ReportResult:
    """Write the bank-wide evaluation report of ``data.scores.period`` to ``out`` (path or binary stream).

    Contents: cover; overview with key figures and the distribution of totals; branch ranking with
    grades; category comparison; head-office department ranking; biggest movers (needs previous
    totals); missing inputs; the scoring rules. ``language`` ``"zh"``/``"en"`` (default: current).
    Returns pages and timings. ``OSError`` if the file cannot be written.
    """
    lang = language or get_language()
    start = time.perf_counter()
    register_fonts()
    st = styles()
    timer = ChartTimer()
    scores = data.scores
    title = tr("report.eval.title", lang)
    period = period_label(scores.period, lang)
    generated = tr("report.eval.generated", lang, date=date_label(data.generated_on, lang))
    story: list[Flowable] = [NextPageTemplate("body")]
    # cover
    org = data.organisation or shown(data.issuer, language=lang)
    story += [
        Spacer(1, 14 * mm),
        Paragraph(f'<font color="white" size="12">{markup(org)}</font>', st["cover_meta"]),
        Spacer(1, 4 * mm),
        Paragraph(f'<font color="white">{markup(title)}</font>', st["cover_title"]),
        Spacer(1, 40 * mm),
        para(period, st["cover_sub"]),
        Spacer(1, 3 * mm),
        para(tr("report.eval.system", lang, system=scores.system.shown_label(lang),
              effective=date_label(scores.system.effective_from, lang)), st["cover_meta"]),
        Spacer(1, 12 * mm),
    ]
    branches, depts = scores.of_type(UNIT_TYPE_BRANCH), scores.of_type(UNIT_TYPE_DEPARTMENT)
    figures = []
    for unit_type, units in ((UNIT_TYPE_BRANCH, branches), (UNIT_TYPE_DEPARTMENT, depts)):
        avg = scores.average_total(unit_type)
        if units:
            figures.append((f"{type_label(unit_type, lang)} · {tr('report.eval.kf_units', lang)}", str(len(units))))
            figures.append((f"{type_label(unit_type, lang)} · {tr('report.eval.kf_avg', lang)}",
                            "—" if avg is None else f"{avg:.2f}"))
    if figures:
        story.append(key_figures(figures, st, FRAME_W - 8 * mm))
    story += [Spacer(1, 8 * mm), *status_notice(data, st, lang), Spacer(1, 30 * mm),
              para(shown(data.issuer, language=lang), st["cover_sub"]), para(date_label(data.generated_on, lang), st["cover_meta"]),
              para(tr("report.eval.internal", lang), st["small"]), PageBreak()]
    # body
    numbers = FigureNumbers()
    story += _overview(data, st, lang, timer, numbers)
    if branches:
        story += section(tr("report.eval.sec_branches", lang), st, _ranking_table(scores, UNIT_TYPE_BRANCH, st, lang))
        story += _categories_section(scores, st, lang, timer, numbers)
    if depts:
        story += section(tr("report.eval.sec_departments", lang), st,
                          _ranking_table(scores, UNIT_TYPE_DEPARTMENT, st, lang))
    story += _movers_section(scores, st, lang)
    story += missing_section(scores, tr("report.eval.sec_missing", lang), st, lang)
    story += differences_section(scores, tr("report.eval.sec_differences", lang), st, lang)
    story += _rules_section(scores, st, lang)

    doc = new_doc(out, f"{title} {period}", shown(data.issuer, language=lang), scores.system.shown_label(lang), cover=True)
    maker = canvas_maker(f"{title} · {period}", generated, shown(data.issuer, language=lang), lang, cover=True)
    if not data.published:  # every page says so, the cover too (issue 14)
        maker = stamped_canvas(maker, tr("report.eval.draft_stamp", lang))
    doc.build(story, canvasmaker=maker)
    return ReportResult(Path(out) if isinstance(out, (str, Path)) else None, doc.page,
                        time.perf_counter() - start, timer.seconds)


__all__ = ["build_period_report", "source_text"]
