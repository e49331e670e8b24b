"""The quarterly monitoring report (季度服务质量监测报告) — issue 13 Deliver 7, DESIGN §8, §9.

One PDF for the bank (lines: the branches) or for one branch (lines: its outlets): key figures;
mystery-visit scores by unit (sorted bar charts, split in parts beyond :data:`.charts.MAX_ROWS`
rows) and by service module; the checklist items that lost points most often; customer complaints
by cause (Pareto) with the §9.2 figures per unit; the §8.5 figures of the actions and the overdue
actions. When the quarter is not finalised every page carries a red "暂定 / PROVISIONAL" stamp
and the first page says why.

Fonts, styles, tables and page furniture are the evaluation reports'
(:mod:`qsm_desktop.reports.evaluation_pdf`): Chinese in the bundled Droid Sans Fallback, the
characters it lacks in DejaVu Sans, both embedded as subsets.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from qsm_desktop.domain.i18n import get_language, render_text
from qsm_desktop.domain.names import shown
from qsm_desktop.domain.normalise import period_start
from qsm_desktop.reports.evaluation_pdf.data import ReportResult
from qsm_desktop.reports.evaluation_pdf.fonts import markup, register_fonts
from qsm_desktop.reports.evaluation_pdf.look import FRAME_W, para, styles
from qsm_desktop.reports.evaluation_pdf.page import ChartTimer, FigureNumbers, canvas_maker, new_doc, stamped_canvas
from qsm_desktop.reports.evaluation_pdf.tables import data_table, figure, head_row, key_figures, section
from qsm_desktop.reports.evaluation_pdf.text import date_label, period_label
from qsm_desktop.reports.monitoring_pdf import charts
from qsm_desktop.reports.monitoring_pdf.data import MonitoringReportData
from qsm_desktop.reports.monitoring_pdf.text import count_text, rate_text, reason_label, score_text, status_label, tr


def _scope_label(data: MonitoringReportData, lang: str) -> str:
    if data.is_bank:
        return "全行" if lang == "zh" else "the bank"
    return data.scope_name


def _status(data: MonitoringReportData, st, lang: str) -> list[Flowable]:
    period = period_label(data.period, lang)
    if data.final:
        when = data.finalised_at.strftime("%Y-%m-%d") if data.finalised_at else ""
        out = [para(tr("report.mon.final", lang, when=when, who=data.finalised_by or ""), st["small"])]
    else:
        appeals = tr("report.mon.open_appeals", lang, n=data.open_appeals) if data.open_appeals else ""
        out = [para(tr("report.mon.provisional", lang, period=period, appeals=appeals), st["notice"])]
    out.append(para(tr("report.mon.as_of", lang, date=date_label(data.as_of, lang)), st["small"]))
    return out


def _scores_section(data: MonitoringReportData, st, lang: str, timer: ChartTimer, figures: FigureNumbers) -> list[Flowable]:
    title = tr("report.mon.sec_scores_bank" if data.is_bank else "report.mon.sec_scores_unit", lang)
    scope = _scope_label(data, lang)
    if not data.lines:
        return section(title, st, para(tr("report.mon.no_visits", lang), st["body"]))
    out: list[Flowable] = []
    text = tr("report.mon.scores_text", lang, scope=scope, visits=data.visits, outlets=data.outlets,
              score=score_text(data.score))
    intro = para(text[:1].upper() + text[1:], st["body"])
    parts = [data.lines[start:stop] for start, stop in charts.parts(len(data.lines))]
    for index, part in enumerate(parts, start=1):
        labels = [line.name for line in part]
        image = timer.image(lambda part=part, labels=labels: charts.ranked_bars(
            labels, [line.score for line in part], reference=data.score, xlabel=tr("report.mon.axis_score", lang)),
            FRAME_W)
        caption = tr("report.mon.chart_scores", lang, n=figures.next(), scope=scope, score=score_text(data.score))
        if len(parts) > 1:
            caption += tr("report.mon.chart_scores_part", lang, part=index, parts=len(parts))
        block = figure(image, caption, st)
        out += section(title, st, intro, block, need=block.qsm_height + 40) if index == 1 else [block]
    # the table: rank, unit, visits, (outlets), score, one column per module
    codes = [m.code for m in data.modules]
    head = [tr("report.mon.col_rank", lang), tr("report.mon.col_unit", lang), tr("report.mon.col_visits", lang)]
    if data.is_bank:
        head.append(tr("report.mon.col_outlets", lang))
    head += [tr("report.mon.col_score", lang), *codes]
    rows: list[list[object]] = [head_row(head, st)]
    for rank, line in enumerate(data.lines, start=1):
        row = [para(str(rank), st["cell_c"]), para(f"{line.code} {line.name}", st["cell"]),
               para(str(line.visits), st["cell_r"])]
        if data.is_bank:
            row.append(para(str(line.outlets), st["cell_r"]))
        row.append(Paragraph(markup(score_text(line.score), bold_latin=True), st["cell_r"]))
        row += [para(score_text(v) if v is not None else "", st["num_small"]) for v in line.modules]
        rows.append(row)
    module_w = 36
    fixed = [32, 0, 36] + ([42] if data.is_bank else []) + [42]
    fixed[1] = FRAME_W - sum(fixed) - module_w * len(codes)
    out += [Spacer(1, 4), data_table(rows, fixed + [module_w] * len(codes))]
    legend = "  ·  ".join(f"{m.code} {shown(m.name, language=lang)}" for m in data.modules)
    out.append(para(legend, st["small"]))
    return out


def _modules_section(data: MonitoringReportData, st, lang: str, timer: ChartTimer, figures: FigureNumbers) -> list[Flowable]:
    if not data.lines or not data.modules:  # the section stays, so the sections keep their numbers (一 … 五)
        return section(tr("report.mon.sec_modules", lang), st, para(tr("report.mon.no_visits", lang), st["body"]))
    scope = _scope_label(data, lang)
    image = timer.image(lambda: charts.module_bars([f"{m.code} {shown(m.name, language=lang)}" for m in data.modules], list(data.scope_modules),
                                                   xlabel=tr("report.mon.axis_score", lang)), FRAME_W * 0.85)
    return section(tr("report.mon.sec_modules", lang), st, para(tr("report.mon.modules_text", lang), st["body"]),
                   figure(image, tr("report.mon.chart_modules", lang, n=figures.next(), scope=scope), st))


def _short(text: str, limit: int = 16) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _items_section(data: MonitoringReportData, st, lang: str, timer: ChartTimer, figures: FigureNumbers) -> list[Flowable]:
    title = tr("report.mon.sec_items", lang)
    if not data.lost_items:
        return section(title, st, para(tr("report.mon.no_items", lang), st["body"]))
    items = data.lost_items
    image = timer.image(lambda: charts.loss_bars(
        [f"{'★' if i.critical else ''}{i.code} {_short(shown(i.text, language=lang), 16 if lang == 'zh' else 30)}" for i in items], [i.lost for i in items],
        [f"{i.lost}/{i.checked}, {i.lost_rate:.1f}%" for i in items], [i.critical for i in items],
        xlabel=tr("report.mon.axis_lost", lang)), FRAME_W)
    rows: list[list[object]] = [head_row([tr("report.mon.col_item", lang), tr("report.mon.col_module", lang),
                                          tr("report.mon.col_checked", lang), tr("report.mon.col_lost", lang),
                                          tr("report.mon.col_lost_rate", lang), tr("report.mon.col_points_lost", lang)], st)]
    for i in items:
        mark = "★" if i.critical else ""
        rows.append([para(f"{mark}{i.code} {i.text}（{i.dimension}，{i.points:g}）" if lang == "zh"
                          else f"{mark}{i.code} {shown(i.text, language=lang)} ({shown(i.dimension, language=lang)}, {i.points:g})", st["cell_small"]),
                     para(shown(i.module, language=lang), st["cell_small"]), para(str(i.checked), st["cell_r"]), para(str(i.lost), st["cell_r"]),
                     para(f"{i.lost_rate:.1f}%", st["cell_r"]), para(f"{i.points_lost:g}", st["cell_r"])])
    widths = [FRAME_W - 80 - 4 * 46, 80, 46, 46, 46, 46]
    return [*section(title, st, para(tr("report.mon.items_text", lang), st["body"]),
                     figure(image, tr("report.mon.chart_items", lang, n=figures.next()), st)),
            data_table(rows, widths)]


def _complaints_section(data: MonitoringReportData, st, lang: str, timer: ChartTimer, figures: FigureNumbers) -> list[Flowable]:
    title = tr("report.mon.sec_complaints", lang)
    f = data.complaints.figures
    if not data.complaints.sent:  # no register: nothing is known, which is not "no complaints" (§9.1)
        return section(title, st, para(tr("report.mon.no_register_scope", lang, scope=_scope_label(data, lang),
                                          period=period_label(data.period, lang)), st["notice"]))
    out: list[Flowable] = [para(tr("report.mon.complaints_text", lang, received=f.received, valid=f.valid,
                                   regulator=f.regulator, date=date_label(data.as_of, lang), closed=f.closed,
                                   on_time=f.on_time, overdue=f.overdue, pending=f.pending,
                                   rate=rate_text(f.on_time_rate)), st["body"])]
    if data.no_register:
        out.append(para(tr("report.mon.no_register", lang, names="、".join(data.no_register) if lang == "zh"
                           else ", ".join(data.no_register)), st["notice"]))
    causes = [c for c in data.causes if c.valid]
    if not data.causes:
        return section(title, st, *out, para(tr("report.mon.no_complaints", lang), st["body"]))
    if causes:
        image = timer.image(lambda: charts.pareto_bars([shown(c.cause, language=lang) for c in causes], [c.valid for c in causes],
                                                       xlabel=tr("report.mon.axis_complaints", lang)), FRAME_W)
        out.append(figure(image, tr("report.mon.chart_causes", lang, n=figures.next()), st))
    total = sum(c.valid for c in data.causes) or 1
    rows: list[list[object]] = [head_row([tr("report.mon.col_cause", lang), tr("report.mon.col_received", lang),
                                          tr("report.mon.col_valid", lang), tr("report.mon.col_share", lang),
                                          tr("report.mon.col_cumulative", lang)], st)]
    running = 0
    for c in data.causes:
        running += c.valid
        rows.append([para(shown(c.cause, language=lang), st["cell"]), para(str(c.received), st["cell_r"]), para(str(c.valid), st["cell_r"]),
                     para(f"{100 * c.valid / total:.1f}%", st["cell_r"]), para(f"{100 * running / total:.1f}%", st["cell_r"])])
    out += [data_table(rows, [FRAME_W - 4 * 60, 60, 60, 60, 60]), Spacer(1, 8)]
    if data.complaint_lines:
        rows = [head_row([tr("report.mon.col_unit", lang), tr("report.mon.col_received", lang),
                          tr("report.mon.col_valid", lang), tr("report.mon.col_regulator", lang),
                          tr("report.mon.col_on_time", lang), tr("report.mon.col_overdue", lang),
                          tr("report.mon.col_pending", lang), tr("report.mon.col_rate", lang)], st)]
        for line in data.complaint_lines:
            g = line.figures
            name = _line_name(line, data, lang) + ("" if line.sent else _mark("report.mon.no_register_mark", lang))
            rows.append([para(name, st["cell"]), *(para(count_text(v, line.sent), st["cell_r"]) for v in
                                                     (g.received, g.valid, g.regulator, g.on_time, g.overdue, g.pending)),
                         para(rate_text(g.on_time_rate if line.sent else None), st["cell_r"])])
        out.append(data_table(rows, [FRAME_W - 6 * 50 - 56] + [50] * 6 + [56]))
    return section(title, st, *out)


def _line_name(line, data: MonitoringReportData, lang: str) -> str:
    """A line's unit as printed; the scope's own line (the branch's own actions and complaints, beside
    its outlets') is marked "（本级）" / "(its own)" so it is not read as the total."""
    name = f"{line.code} {line.name}"
    return name + _mark("report.mon.own_mark", lang) if line.code == data.scope_code else name


def _mark(key: str, lang: str) -> str:
    """A note after a unit's name: "（未报送）" in Chinese, " (not sent)" in English."""
    return f"（{tr(key, lang)}）" if lang == "zh" else f" ({tr(key, lang)})"


def _actions_section(data: MonitoringReportData, st, lang: str) -> list[Flowable]:
    f = data.actions.figures
    date = date_label(data.as_of, lang)
    out: list[Flowable] = [para(tr("report.mon.actions_text", lang, date=date, due=f.due, on_time=f.on_time,
                                   overdue=f.overdue, open=f.open, rate=rate_text(f.on_time_rate)), st["body"]),
                           para(tr("report.mon.actions_scope", lang, period=period_label(data.period, lang),
                                   start=date_label(period_start(data.period), lang)), st["small"])]
    if data.action_lines:
        rows: list[list[object]] = [head_row([tr("report.mon.col_unit", lang), tr("report.mon.col_due", lang),
                                              tr("report.mon.col_on_time", lang), tr("report.mon.col_overdue", lang),
                                              tr("report.mon.col_open", lang), tr("report.mon.col_action_rate", lang)], st)]
        for line in data.action_lines:
            g = line.figures
            rows.append([para(_line_name(line, data, lang), st["cell"]),
                         *(para(str(v), st["cell_r"]) for v in (g.due, g.on_time, g.overdue, g.open)),
                         para(rate_text(g.on_time_rate), st["cell_r"])])
        out += [data_table(rows, [FRAME_W - 4 * 46 - 60] + [46] * 4 + [60]), Spacer(1, 8)]
    if not data.overdue:
        out.append(para(tr("report.mon.no_overdue", lang, date=date), st["body"]))
        return section(tr("report.mon.sec_actions", lang), st, *out)
    shown = (tr("report.mon.overdue_shown", lang, shown=len(data.overdue), total=data.overdue_total)
             if data.overdue_total > len(data.overdue) else "")
    out += [CondPageBreak(40 * mm), para(tr("report.mon.overdue_list", lang, shown=shown, date=date), st["caption"])]
    rows = [head_row([tr("report.mon.col_number", lang), tr("report.mon.col_unit", lang),
                      tr("report.mon.col_reason", lang), tr("report.mon.col_problem", lang),
                      tr("report.mon.col_due_date", lang), tr("report.mon.col_status", lang),
                      tr("report.mon.col_days_late", lang)], st)]
    for a in data.overdue:
        rows.append([para(a.number, st["cell_small"]), para(f"{a.org} {a.org_name}", st["cell_small"]),
                     para(reason_label(a.reason, lang), st["cell_small"]), para(render_text(a.description, lang), st["cell_small"]),
                     para(a.due.isoformat(), st["cell_small"]), para(status_label(a.status, lang), st["cell_small"]),
                     para(str(a.days_late), st["cell_r"])])
    out.append(data_table(rows, [66, 100, 50, FRAME_W - 66 - 100 - 50 - 56 - 42 - 48, 56, 42, 48]))
    return section(tr("report.mon.sec_actions", lang), st, *out)


def build_monitoring_report(data: MonitoringReportData, out: str | Path | BinaryIO,
                            language: str | None = None) -> ReportResult:
    """Write the quarterly monitoring report of ``data`` to ``out`` (a path or a binary stream).

    ``language`` ``"zh"``/``"en"`` (default: the current one). Returns pages and timings.
    ``OSError`` when the file cannot be written.
    """
    lang = language or get_language()
    start = time.perf_counter()
    register_fonts()
    st = styles()
    st["kf_value"] = ParagraphStyle("kf_value_mon", parent=st["kf_value"], fontSize=13, leading=17)
    st["num_small"] = ParagraphStyle("num_small", parent=st["cell_r"], fontSize=7.5, leading=10)
    if lang != "zh":  # English labels wrap between words, not inside them
        for name in ("kf_label", "head"):
            st[name] = ParagraphStyle(f"{name}_words", parent=st[name], wordWrap=None)
    timer = ChartTimer()
    figures = FigureNumbers()
    period = period_label(data.period, lang)
    as_of_text = tr("report.mon.header_as_of", lang, date=date_label(data.as_of, lang))
    title = (tr("report.mon.title_bank", lang) if data.is_bank
             else tr("report.mon.title_unit", lang, unit=data.scope_name))
    story: list[Flowable] = [
        para(title, st["h1"]),
        para(f"{data.scope_code}  ·  {tr('report.mon.subtitle', lang, period=period)}  ·  {as_of_text}", st["small"]),
        Spacer(1, 4),
        *_status(data, st, lang),
        Spacer(1, 4),
        key_figures([
            (tr("report.mon.kf_score", lang), score_text(data.score)),
            (tr("report.mon.kf_visits", lang), str(data.visits)),
            (tr("report.mon.kf_outlets", lang), str(data.outlets)),
            (tr("report.mon.kf_valid", lang), count_text(data.complaints.figures.valid, data.complaints.sent)),
            (tr("report.mon.kf_complaint_rate", lang),
             rate_text(data.complaints.figures.on_time_rate if data.complaints.sent else None)),
            (tr("report.mon.kf_overdue", lang), str(data.actions.figures.overdue)),
            (tr("report.mon.kf_action_rate", lang), rate_text(data.actions.figures.on_time_rate)),
        ], st),
    ]
    story += _modules_section(data, st, lang, timer, figures)
    story += _scores_section(data, st, lang, timer, figures)
    story += _items_section(data, st, lang, timer, figures)
    story += _complaints_section(data, st, lang, timer, figures)
    story += _actions_section(data, st, lang)

    generated = tr("report.eval.generated", lang, date=date_label(data.generated_on, lang))
    doc = new_doc(out, f"{title} {period}", shown(data.issuer, language=lang), title, cover=False)
    # every page says to which date the complaint and action figures (days late) are counted
    as_of = tr("report.mon.header_as_of", lang, date=date_label(data.as_of, lang))
    maker = canvas_maker(f"{title} · {period} · {as_of}", generated, shown(data.issuer, language=lang), lang, cover=False)
    if not data.final:
        maker = stamped_canvas(maker, tr("report.mon.provisional_stamp", lang))
    doc.build(story, canvasmaker=maker)
    return ReportResult(Path(out) if isinstance(out, (str, Path)) else None, doc.page,
                        time.perf_counter() - start, timer.seconds)


__all__ = ["build_monitoring_report"]
