"""One unit's evaluation report (单位综合评价报告) — issue 5, DESIGN §4.

Total, grade, rank, the indicator table (value / target / weight / points and the reason for every
lost point, with the value's origin), a bar chart against the average of its peers, the trend over
past periods, a radar of categories. The three charts are drawn straight into the PDF
(:mod:`.vector_charts`, issue 14 item 5); :data:`VECTOR_CHARTS` ``False`` draws them with matplotlib
as before (the benchmark's "today").
"""

from __future__ import annotations

import math
import time
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from qsm_desktop.domain.names import shown
from qsm_desktop.domain.i18n import get_language, render_text
from qsm_desktop.domain.indicators import IndicatorScore, PeriodScores, UnitScore, fmt_number
from qsm_desktop.reports.evaluation_pdf import fonts, vector_charts
from qsm_desktop.reports.evaluation_pdf.data import EvaluationReportData, ReportResult
from qsm_desktop.reports.evaluation_pdf.fonts import markup, register_fonts
from qsm_desktop.reports.evaluation_pdf.look import FRAME_W, NAVY, RULE, para, styles
from qsm_desktop.reports.evaluation_pdf.page import ChartTimer, FigureNumbers, canvas_maker, new_doc, stamped_canvas
from qsm_desktop.reports.evaluation_pdf.sections import missing_section, past_average, status_notice
from qsm_desktop.reports.evaluation_pdf.tables import data_table, figure, head_row, key_figures, section
from qsm_desktop.reports.evaluation_pdf.text import date_label, period_label, signed, tr, type_label


VECTOR_CHARTS = True
"""Whether the unit report's charts are drawn into the PDF as vector graphics (:mod:`.vector_charts`)
or rendered by matplotlib into pictures (:mod:`qsm_desktop.reports.charts`, the previous path:
``benchmarks/report_batch_bench.py`` sets it to ``False`` to time "today"). The batch hands the
setting to its worker processes."""


def _reason_cell(item: IndicatorScore, st, lang: str) -> Paragraph:
    if item.problem is not None:
        text = f'<font color="#B23A48">{markup(item.problem.message(lang))}</font>'
    else:
        why = item.explanation
        reason = why.loss_reason(lang) if why else None
        text = markup(reason) if reason else f'<font color="#2E7D4F">{markup(tr("report.eval.full_points", lang))}</font>'
    if item.origin:
        text += f'<br/><font size="6.5" color="#8A94A6">{markup(tr("report.eval.origin", lang, origin=render_text(item.origin, lang)))}</font>'
    return Paragraph(text, st["cell_small"])


def _value_text(item: IndicatorScore, lang: str) -> str:
    if item.value is None:
        return tr("report.eval.missing_value", lang)
    unit = item.indicator.unit
    if unit == "名":
        return f"第{fmt_number(item.value)}名" if lang == "zh" else f"rank {fmt_number(item.value)}"
    return f"{fmt_number(item.value)}{unit if lang == 'zh' or unit == '%' else ''}"


def _value_cell(item: IndicatorScore, st, lang: str) -> Paragraph:
    """The value, and under it the quarterly return's typed value when a register gave the value
    (red with ≠ when they differ, DESIGN §8.2, §9.2)."""
    text = markup(_value_text(item, lang))
    if item.reported is not None:
        key = "report.eval.reported_differs" if item.differs else "report.eval.reported"
        colour = "#B23A48" if item.differs else "#8A94A6"
        text += (f'<br/><font size="6.5" color="{colour}">'
                 f'{markup(tr(key, lang, value=fmt_number(item.reported)))}</font>')
    return Paragraph(text, st["cell_r"])


def _indicator_table(unit: UnitScore, scores: PeriodScores, st, lang: str) -> Table:
    system = scores.system
    head = head_row([tr("report.eval.col_indicator", lang), tr("report.eval.col_value", lang),
                  tr("report.eval.col_target", lang), tr("report.eval.col_weight", lang),
                  tr("report.eval.col_points", lang), tr("report.eval.col_reason", lang)], st)
    rows: list[list[object]] = [head]
    extra: list[tuple] = []
    by_code = {i.code: i for i in unit.indicators}
    for category in unit.categories:
        rows.append([para(tr("report.eval.category_points", lang, code=category.code, name=shown(category.name, language=lang),
                           points=f"{category.points:.2f}", weight=fmt_number(category.weight)), st["cell"]),
                     "", "", "", "", ""])
        r = len(rows) - 1
        extra += [("SPAN", (0, r), (-1, r)), ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#E8ECF3"))]
        for ind in system.indicators_in(category.code):
            item = by_code[ind.code]
            points = "—" if item.points is None else f"{item.points:.2f}"
            lost = item.explanation is not None and item.explanation.lost > 0.005
            colour = "#B23A48" if (lost or item.points is None) else "#2B3340"
            rows.append([
                para(f"{ind.code} {ind.shown_name(lang)}", st["cell"]),
                _value_cell(item, st, lang),
                para(ind.target_text(lang), st["cell_c"]),
                para(fmt_number(ind.weight), st["cell_r"]),
                Paragraph(f'<font color="{colour}">{markup(points, bold_latin=True)}</font>', st["cell_r"]),
                _reason_cell(item, st, lang),
            ])
    rows.append([para(tr("report.eval.col_total", lang), st["cell"]), "", "", para("100", st["cell_r"]),
                 para(f"{unit.total:.2f}", st["cell_r"], bold_latin=True), ""])
    r = len(rows) - 1
    extra += [("SPAN", (0, r), (2, r)), ("LINEABOVE", (0, r), (-1, r), 0.9, NAVY),
              ("BACKGROUND", (0, r), (-1, r), colors.HexColor("#F7F9FC"))]
    widths = [124, 50, 50, 36, 38, FRAME_W - 124 - 50 - 50 - 36 - 38]
    return data_table(rows, widths, extra=extra, zebra=False)


def _unit_story(data: EvaluationReportData, unit: UnitScore, st, lang: str, timer: ChartTimer) -> list[Flowable]:
    scores = data.scores
    system = scores.system
    peers = scores.of_type(unit.unit_type)
    ranked = [u for u in peers if u.rank is not None]
    type_name = type_label(unit.unit_type, lang)
    peer_avg = scores.average_total(unit.unit_type)
    story: list[Flowable] = [
        para(tr("report.eval.unit_title", lang, unit=unit.name), st["h1"]),
        para(f"{unit.code}  ·  {type_name}  ·  {period_label(scores.period, lang)}  ·  {system.shown_label(lang)}", st["small"]),
        Spacer(1, 6),
    ]
    rank = tr("report.eval.rank_of", lang, rank=unit.rank, count=len(ranked)) if unit.rank else "—"
    story.append(key_figures([
        (tr("report.eval.kf_total", lang), f"{unit.total:.2f}"),
        (tr("report.eval.kf_grade", lang), system.grade_name(unit.grade, lang) if unit.grade else "—"),
        (tr("report.eval.kf_rank", lang), rank),
        (tr("report.eval.kf_change", lang), signed(unit.change)),
        (tr("report.eval.kf_peer_avg", lang), "—" if peer_avg is None else f"{peer_avg:.2f}"),
    ], st))
    story.append(Spacer(1, 4))
    story += status_notice(data, st, lang)[1:] if not unit.complete else []
    # lost points summary
    losses = sorted((i for i in unit.indicators if i.explanation and i.explanation.lost > 0.005),
                    key=lambda i: -i.explanation.lost)  # type: ignore[union-attr]
    if losses:
        lost_total = math.fsum(i.explanation.lost for i in losses)  # type: ignore[union-attr]
        sep, fmt = ("、", "{name}（{lost:.2f}）") if lang == "zh" else (", ", "{name} ({lost:.2f})")
        top = sep.join(fmt.format(name=i.indicator.shown_name(lang), lost=i.explanation.lost) for i in losses[:3])  # type: ignore[union-attr]
        summary = tr("report.eval.unit_lost_summary", lang, lost=f"{lost_total:.2f}", top=top)
    else:
        summary = tr("report.eval.unit_full", lang)
    story.append(para(summary, st["body"]))
    story += section(tr("report.eval.unit_sec_scores", lang), st, _indicator_table(unit, scores, st, lang))
    # against the average
    indicators = system.indicators_for(unit.unit_type)
    averages = scores.average_points(unit.unit_type)
    this_unit = tr("report.eval.this_unit", lang)
    average_label = tr("report.eval.peer_average", lang, type=type_name)
    bars = dict(labels=[f"{i.code} {i.shown_name(lang)}" for i in indicators],
                unit_points=[unit.indicator(i.code).points for i in indicators],
                average_points=[averages.get(i.code) for i in indicators], weights=[i.weight for i in indicators],
                unit_label=this_unit, average_label=average_label, weight_label=tr("report.eval.weight_label", lang),
                xlabel=tr("report.eval.points_axis", lang))
    bars_h_in = max(2.2, 0.27 * len(indicators) + 0.8)  # inches at matplotlib's 6.6 in width
    if VECTOR_CHARTS:
        image: Flowable = vector_charts.UnitBarsChart(**bars, width=FRAME_W, height=FRAME_W * bars_h_in / 6.6,
                                                      timer=timer)
    else:
        from qsm_desktop.reports import charts

        image = timer.image(lambda: charts.unit_vs_average(**bars, height_in=bars_h_in), FRAME_W)
    numbers = FigureNumbers()
    caption = tr("report.eval.chart_compare", lang, n=numbers.next(), type=type_name)
    story += section(tr("report.eval.unit_sec_compare", lang), st, figure(image, caption, st))
    # trend and radar side by side
    trend_w, radar_w = FRAME_W * 0.60, FRAME_W * 0.38
    if data.history:
        periods = [h.period for h in data.history] + [scores.period]
        own = [h.totals.get(unit.code) for h in data.history] + [unit.total]
        avg = [past_average(h, unit.unit_type, scores) for h in data.history] + [peer_avg]
        lines = {this_unit: own, average_label: avg}
        if VECTOR_CHARTS:
            trend: Flowable = vector_charts.TrendChart(periods, lines, ylabel=tr("report.eval.total_axis", lang),
                                                       width=trend_w, height=trend_w * 3.0 / 4.2, timer=timer)
        else:
            from qsm_desktop.reports import charts

            trend = timer.image(lambda: charts.trend_line(periods, lines, ylabel=tr("report.eval.total_axis", lang),
                                                          width_in=4.2, height_in=3.0), trend_w)
    else:
        trend = para(tr("report.eval.no_history", lang), st["body"])
    # radar: categories, or the leaves when the type has fewer than three categories
    if len(unit.categories) >= 3:
        axes = [shown(c.name, language=lang) for c in unit.categories]
        own_rates = [c.rate for c in unit.categories]
        avg_rates = []
        for c in unit.categories:
            vals = [cs.rate for u in peers if u.grade is not None for cs in u.categories if cs.code == c.code]
            avg_rates.append(math.fsum(vals) / len(vals) if vals else 0.0)
    else:
        axes = [i.shown_name(lang) for i in indicators]
        own_rates = [100 * (unit.indicator(i.code).points or 0.0) / i.weight for i in indicators]
        avg_rates = [100 * averages.get(i.code, 0.0) / i.weight for i in indicators]
    rates = {this_unit: own_rates, average_label: avg_rates}
    if VECTOR_CHARTS:
        radar: Flowable = vector_charts.RadarChart(axes, rates, size=radar_w, timer=timer)
    else:
        from qsm_desktop.reports import charts

        radar = timer.image(lambda: charts.category_radar(axes, rates, size_in=3.0), radar_w)
    trend_caption = tr("report.eval.unit_sec_trend", lang, n=numbers.next()) if data.history else ""
    radar_caption = tr("report.eval.unit_sec_radar", lang, n=numbers.next())
    pair = Table([[para(trend_caption, st["caption"]), para(radar_caption, st["caption"])], [trend, radar]],
                 colWidths=[FRAME_W * 0.61, FRAME_W * 0.39], hAlign="LEFT")
    pair.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.LATIN_FONT), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                              ("ALIGN", (0, 0), (-1, -1), "CENTER"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("LINEBEFORE", (1, 0), (1, -1), 0.4, RULE)]))
    pair.qsm_height = radar.drawHeight + 20  # type: ignore[attr-defined]
    story += section(tr("report.eval.unit_sec_trend_radar", lang), st, pair)
    if not unit.complete:
        story += missing_section(scores, tr("report.eval.unit_sec_missing", lang), st, lang, units=[unit])
    return story


def build_unit_report(data: EvaluationReportData, unit_code: str, out: str | Path | BinaryIO,
                      language: str | None = None) -> ReportResult:
    """Write one unit's evaluation report (单位综合评价报告) for ``data.scores.period`` to ``out``.

    Contents: total, grade, rank among units of its type, change, peer average; the indicator table
    (value, target, weight, points, the reason for every lost point and the value's origin); a bar
    chart against the peer average; the trend over ``data.history``; a radar of category score
    rates. ``KeyError`` if ``unit_code`` was not scored; ``OSError`` if the file cannot be written.
    """
    lang = language or get_language()
    start = time.perf_counter()
    register_fonts()
    st = styles()
    timer = ChartTimer()
    unit = data.scores.unit(unit_code)
    story = _unit_story(data, unit, st, lang, timer)
    period = period_label(data.scores.period, lang)
    title = tr("report.eval.unit_title", lang, unit=unit.name)
    doc = new_doc(out, f"{title} {period}", shown(data.issuer, language=lang), data.scores.system.shown_label(lang), cover=False)
    generated = tr("report.eval.generated", lang, date=date_label(data.generated_on, lang))
    maker = canvas_maker(f"{title} · {period}", generated, shown(data.issuer, language=lang), lang, cover=False)
    if not data.published:  # every page says so, the cover too (issue 14)
        maker = stamped_canvas(maker, tr("report.eval.draft_stamp", lang))
    doc.build(story, canvasmaker=maker)
    return ReportResult(Path(out) if isinstance(out, (str, Path)) else None, doc.page,
                        time.perf_counter() - start, timer.seconds)


__all__ = ["build_unit_report"]
