"""Training charts and the training workbook (培训统计图表与导出) — issue 6.

Charts are matplotlib :class:`~matplotlib.figure.Figure` objects drawn with the CJK font of
:func:`qsm_desktop.reports.fonts.cjk_rc_params` (bundled TrueType, DejaVu Sans for what it lacks,
plain hyphen-minus), inside ``rc_context`` so the global rcParams stay untouched. ``draw_*`` work
on any figure (the window's Qt canvas too); ``*_figure`` make a fresh Agg figure for files.

:func:`write_training_workbook` writes a :class:`~qsm_desktop.domain.training.TrainingReport` to
Excel with openpyxl: coverage by unit (with the chart as a picture), courses (reaction and
learning), certification effect, and the staff C03 does not cover (no 服务意识 or 服务规范 course this year). Neither Qt nor
SQL here, and no services: the report arrives as the domain's frozen dataclasses (the training
service computes it and passes it in).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from qsm_desktop.domain import i18n
from qsm_desktop.domain.training import C03_CATEGORIES, TRAINING_CATEGORIES, category_name
from qsm_desktop.reports.charts import add_legend
from qsm_desktop.reports.fonts import cjk_rc_params

if TYPE_CHECKING:  # pragma: no cover
    from qsm_desktop.domain.training import CourseEffect, TrainingFigures, TrainingReport

NAVY = "#1F3B73"
TEAL = "#2A9D8F"
GOLD = "#C9A227"
GREY = "#B8C0CC"
MUTED = "#8A94A6"

i18n.register({
    "training.chart.coverage_title": ("{unit} 培训覆盖率（{start} 至 {as_of}）", "{unit} — training coverage ({start} to {as_of})"),
    "training.chart.c03": ("服务规范培训覆盖率（C03）", "Service-norms coverage (C03)"),
    "training.chart.any": ("参加任一培训", "Any course"),
    "training.chart.no_staff": ("该机构暂无在岗员工", "No staff on the roster"),
    "training.chart.effect_title": ("持证上岗培训效果：培训后{days}天内取得证书的比例", "Certification training: certified within {days} days"),
    "training.chart.attendees": ("参训人员", "Attendees"),
    "training.chart.others": ("同类岗位未参训人员", "Same posts, not trained"),
    "training.chart.no_courses": ("本期没有持证上岗培训", "No certification training in this period"),
    "training.chart.others_row": ("… 其余 {n} 个单位（合计）", "… {n} other units (pooled)"),
    "training.chart.sorted": ("按服务规范培训覆盖率由高到低", "highest service-norms coverage first"),
    "training.chart.sorted_cut": ("按服务规范培训覆盖率排序：前 {top} 名、后 {bottom} 名，其余合并为一行（共 {total} 个单位）",
                                  "by service-norms coverage: top {top} and bottom {bottom}, the rest pooled in one row ({total} units)"),
    "training.chart.open_window": ("观察期至{date}\n届时计算", "Window open\nuntil {date}"),
    "training.xlsx.coverage": ("培训覆盖率", "Coverage"),
    "training.xlsx.courses": ("培训项目", "Courses"),
    "training.xlsx.effect": ("培训效果", "Effect"),
    "training.xlsx.untrained": ("C03未覆盖人员", "Not covered by C03"),
    "training.xlsx.title": ("{unit} 培训情况（{start} 至 {as_of}）", "{unit} — training ({start} to {as_of})"),
    "training.xlsx.untrained_title": ("{unit} 截至{as_of}本年度未参加服务意识或服务规范培训的在册人员（C03 未覆盖，共{total}人）",
                                      "{unit} — staff on the roster with no service-awareness or service-norms course "
                                      "this year up to {as_of}: not covered by C03 ({total})"),
    "training.col.unit": ("机构", "Unit"),
    "training.col.code": ("机构代码", "Code"),
    "training.col.staff": ("在岗人数", "Staff"),
    "training.col.c03": ("C03覆盖率%", "C03 coverage %"),
    "training.col.trained": ("参训人数", "Trained"),
    "training.col.coverage": ("{category}覆盖率%", "{category} coverage %"),
    "training.col.hours_per_head": ("人均学时", "Hours per head"),
    "training.col.pass_rate": ("合格率%", "Pass rate %"),
    "training.col.satisfaction": ("平均满意度", "Mean satisfaction"),
    "training.col.course": ("培训项目编号", "Course"),
    "training.col.title": ("培训项目名称", "Title"),
    "training.col.category": ("培训类别", "Category"),
    "training.col.start": ("开始日期", "Start"),
    "training.col.end": ("结束日期", "End"),
    "training.col.course_hours": ("学时", "Hours"),
    "training.col.provider": ("培训机构", "Provider"),
    "training.col.attendees": ("参训人数", "Attendees"),
    "training.col.mean_score": ("平均成绩", "Mean score"),
    "training.col.at_risk": ("参训时未持证", "Not certified at start"),
    "training.col.certified": ("其中取证", "Certified after"),
    "training.col.rate": ("参训取证率%", "Attendee rate %"),
    "training.col.others": ("未参训对照人数", "Comparison staff"),
    "training.col.others_certified": ("对照组取证", "Comparison certified"),
    "training.col.others_rate": ("对照取证率%", "Comparison rate %"),
    "training.col.difference": ("差异（百分点）", "Difference (points)"),
    "training.col.window_end": ("观察期至", "Window ends"),
    "training.col.complete": ("观察期已满", "Window complete"),
    "training.col.staff_no": ("工号", "Staff no."),
    "training.col.name": ("姓名", "Name"),
    "training.col.post": ("岗位", "Post"),
    "training.yes": ("是", "yes"),
    "training.no": ("否", "no"),
    "training.provider.internal": ("内部", "internal"),
    "training.provider.external": ("外部", "external"),
})


@contextmanager
def training_style() -> Iterator[None]:
    """``rc_context`` with the CJK font settings of :func:`qsm_desktop.reports.fonts.cjk_rc_params`."""
    with matplotlib.rc_context({**cjk_rc_params(), "font.size": 9, "axes.spines.top": False,
                                "axes.spines.right": False, "axes.edgecolor": GREY}):
        yield


def _new_figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _empty(ax, text: str) -> None:
    ax.set_axis_off()
    ax.text(0.5, 0.5, text, ha="center", va="center", color=MUTED, fontsize=11, transform=ax.transAxes)


def _texts(lang: str, texts: Mapping[str, str] | None) -> Callable[[str], str]:
    """Chart words: ``texts[key]`` when the caller (the window, with its own translations) gives
    one, else the catalogue entry ``training.chart.<key>`` in ``lang``."""
    given = dict(texts or {})
    return lambda key: given.get(key) or i18n.msg(f"training.chart.{key}", language=lang)


ROW_INCHES = 0.2
"""Height of one bar row in a chart (a label of 8 pt and its gap): the rows a figure holds."""


def rows_that_fit(height_in: float, reserved_in: float = 1.1) -> int:
    """How many bar rows of :data:`ROW_INCHES` a chart ``height_in`` inches high holds once
    ``reserved_in`` inches go to the title, legend and axis (at least 3)."""
    return max(3, int((height_in - reserved_in) / ROW_INCHES))


def top_and_bottom(rows: Sequence[TrainingFigures], limit: int) -> tuple[list[TrainingFigures], list[TrainingFigures], list[TrainingFigures]]:
    """``rows`` (already sorted, best first) cut to fit ``limit`` bar rows: (the top, the middle
    summarised in one row, the bottom). Nothing is cut when all fit; else the top gets
    ⌈(limit − 1) / 2⌉ rows, the bottom the rest, and one row stands for the middle."""
    if len(rows) <= limit:
        return list(rows), [], []
    top = limit // 2
    bottom = limit - 1 - top
    return list(rows[:top]), list(rows[top:len(rows) - bottom]), list(rows[len(rows) - bottom:])


def _pooled(rows: Sequence[TrainingFigures], part: str) -> float:
    staff = sum(r.staff for r in rows)
    attended = sum(getattr(r, part).attended for r in rows)
    return 100.0 * attended / staff if staff else 0.0


def draw_coverage_by_unit(figure: Figure, rows: Sequence[TrainingFigures], *, title: str = "",
                          language: str | None = None, texts: Mapping[str, str] | None = None,
                          max_rows: int | None = None) -> None:
    """Horizontal bars per unit: C03 coverage (服务意识 or 服务规范, percent 0–100) in front of the
    share trained on any course; value labels on the bars. Sorted by C03 coverage, highest at the
    top (issue 14: readable at 36 branches and more): when more units than fit the figure's height
    (:func:`rows_that_fit`, or ``max_rows``), the top and the bottom are drawn and one grey row
    stands for the units between them (their pooled coverage, and how many). ``texts`` overrides
    the words (keys ``c03``, ``any``, ``no_staff``)."""
    lang = language or i18n.get_language()
    word = _texts(lang, texts)
    with training_style():
        figure.clear()
        ax = figure.add_subplot(111)
        shown = sorted((r for r in rows if r.staff),
                       key=lambda r: (-(r.c03.coverage or 0.0), -(r.trained.coverage or 0.0), r.unit))
        if not shown:
            _empty(ax, word("no_staff"))
            return
        limit = max_rows or rows_that_fit(figure.get_size_inches()[1])
        top, middle, bottom = top_and_bottom(shown, limit)
        labels = [r.unit_name or r.unit for r in top]
        anyc = [r.trained.coverage or 0.0 for r in top]
        c03 = [r.c03.coverage or 0.0 for r in top]
        if middle:
            labels.append(i18n.msg("training.chart.others_row", language=lang, n=len(middle)))
            anyc.append(_pooled(middle, "trained"))
            c03.append(_pooled(middle, "c03"))
            labels += [r.unit_name or r.unit for r in bottom]
            anyc += [r.trained.coverage or 0.0 for r in bottom]
            c03 += [r.c03.coverage or 0.0 for r in bottom]
        summary = len(top) if middle else None
        positions = list(range(len(labels)))[::-1]
        ax.barh(positions, anyc, height=0.7, color="#DDE6F2", label=word("any"), zorder=2)
        bars = ax.barh(positions, c03, height=0.42, color=NAVY, label=word("c03"), zorder=3)
        if summary is not None:
            bars[summary].set_color(MUTED)
            bars[summary].set_hatch("///")
        size = 8 if len(labels) <= 16 else 7
        for y, value in zip(positions, c03):
            ax.text(value + 1.0, y, f"{value:.1f}%", va="center", fontsize=size, color="#1f2933", zorder=4)
        ax.set_yticks(positions)
        ax.set_yticklabels(labels, fontsize=size)
        if summary is not None:
            ax.get_yticklabels()[summary].set_color(MUTED)
        ax.set_ylim(-0.6, len(labels) - 0.4)
        ax.set_xlim(0, 108)
        ax.set_xticks([0, 20, 40, 60, 80, 100])
        ax.set_xticklabels([f"{v}%" for v in (0, 20, 40, 60, 80, 100)])
        ax.grid(axis="x", color="#E6EAEE", zorder=0)
        if title:
            note = i18n.msg("training.chart.sorted_cut" if middle else "training.chart.sorted", language=lang,
                            top=len(top), bottom=len(bottom), total=len(shown))
            ax.set_title(f"{title}\n{note}", loc="left", fontsize=10 if not middle else 9.5, pad=20)
        add_legend(ax, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, fontsize=8, frameon=False, borderaxespad=0.1)


def draw_coverage_by_category(figure: Figure, figures: TrainingFigures, *, title: str = "",
                              language: str | None = None, texts: Mapping[str, str] | None = None,
                              category_names: Mapping[str, str] | None = None) -> None:
    """Horizontal bars of one unit's coverage per training category (DESIGN §3.3 order), the C03
    categories in navy, the others in teal. ``category_names`` overrides the category labels."""
    lang = language or i18n.get_language()
    word = _texts(lang, texts)
    with training_style():
        figure.clear()
        ax = figure.add_subplot(111)
        if not figures.staff:
            _empty(ax, word("no_staff"))
            return
        names = list(TRAINING_CATEGORIES)
        positions = list(range(len(names)))[::-1]
        values = [figures.categories[c].coverage or 0.0 for c in names]
        colours = [NAVY if c in C03_CATEGORIES else TEAL for c in names]
        ax.barh(positions, values, height=0.55, color=colours, zorder=2)
        for y, value in zip(positions, values):
            ax.text(value + 1.0, y, f"{value:.1f}%", va="center", fontsize=8, zorder=3)
        ax.set_yticks(positions)
        ax.set_yticklabels([(category_names or {}).get(c) or category_name(c, lang) for c in names])
        ax.set_xlim(0, 108)
        ax.grid(axis="x", color="#E6EAEE", zorder=0)
        if title:
            ax.set_title(title, loc="left", fontsize=10)


def draw_effect(figure: Figure, effects: Sequence[CourseEffect], *, window_days: int = 180,
                language: str | None = None, texts: Mapping[str, str] | None = None) -> None:
    """Paired bars per certification course: attendees certified within ``window_days`` (percent)
    versus non-attendees of the same posts; a course whose window is still open gets no bars but
    the date it closes. ``texts`` keys: ``attendees``, ``others``, ``no_courses``, ``open_window``
    (with ``{date}``), ``effect_title`` (with ``{days}``)."""
    lang = language or i18n.get_language()
    word = _texts(lang, texts)
    with training_style():
        figure.clear()
        ax = figure.add_subplot(111)
        if not effects:
            _empty(ax, word("no_courses"))
            return
        xs = list(range(len(effects)))
        width = 0.36
        mine = [e.rate or 0.0 for e in effects]
        theirs = [e.others_rate or 0.0 for e in effects]
        ax.bar([x - width / 2 for x in xs], mine, width, color=NAVY, label=word("attendees"),
               zorder=2)
        ax.bar([x + width / 2 for x in xs], theirs, width, color=GOLD,
               label=word("others"), zorder=2)
        for x, a, b, e in zip(xs, mine, theirs, effects):
            if not e.complete:  # no bars for a running window: say when it closes instead
                ax.text(x, 8, word("open_window").replace("{date}", e.window_end.isoformat()), ha="center",
                        fontsize=7.5, color="#6B7785")
                continue
            ax.text(x - width / 2, a + 1, f"{a:.1f}%", ha="center", fontsize=7.5)
            ax.text(x + width / 2, b + 1, f"{b:.1f}%", ha="center", fontsize=7.5)
        ax.set_xticks(xs)
        ax.set_xticklabels([f"{e.code}\n{e.title}" for e in effects], fontsize=8)
        ax.set_ylim(0, 110)
        pad = 0.6 if len(effects) >= 3 else 1.2
        ax.set_xlim(-pad, len(effects) - 1 + pad)
        ax.set_yticks([0, 20, 40, 60, 80, 100])
        ax.set_yticklabels([f"{v}%" for v in (0, 20, 40, 60, 80, 100)])
        ax.grid(axis="y", color="#E6EAEE", zorder=0)
        ax.set_title(word("effect_title").replace("{days}", str(window_days)), loc="left", fontsize=10, pad=20)
        add_legend(ax, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncols=2, fontsize=8, frameon=False, borderaxespad=0.1)


def coverage_figure(report: TrainingReport, *, language: str | None = None) -> Figure:
    """A new Agg figure: coverage by subunit (or by category when the unit has no subunits)."""
    lang = language or i18n.get_language()
    f = report.figures
    title = i18n.msg("training.chart.coverage_title", language=lang, unit=f.unit_name, start=f.start.isoformat(),
                     as_of=f.as_of.isoformat())
    if report.by_unit:
        figure = _new_figure(7.2, max(2.6, ROW_INCHES * 1.4 * len(report.by_unit) + 1.4))
        draw_coverage_by_unit(figure, report.by_unit, title=title, language=lang)
    else:
        figure = _new_figure(7.2, 3.2)
        draw_coverage_by_category(figure, f, title=title, language=lang)
    return figure


def effect_figure(report: TrainingReport, *, language: str | None = None) -> Figure:
    """A new Agg figure of the certification-training effect (:func:`draw_effect`)."""
    figure = _new_figure(7.2, 3.4)
    draw_effect(figure, report.effects, window_days=report.window_days, language=language)
    return figure


def figure_png(figure: Figure, dpi: int = 120) -> bytes:
    """PNG bytes of ``figure`` (rendered in the training style, so CJK text keeps its font)."""
    buffer = io.BytesIO()
    with training_style():
        figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------ workbook

def _yes_no(value: bool | None, lang: str) -> str:
    return "" if value is None else i18n.msg("training.yes" if value else "training.no", language=lang)


def write_training_workbook(path: Path, report: TrainingReport, *, language: str | None = None,
                            chart: bool = True) -> Path:
    """Write ``report`` to ``path`` (.xlsx): sheets coverage (the unit, then its subunits; the
    chart below), courses, effect, staff C03 does not cover. Percent values 0–100.
    Raises ``OSError`` when the file cannot be written (e.g. open in Excel)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    lang = language or i18n.get_language()

    def t(key: str, **params: object) -> str:
        return i18n.msg(key, language=lang, **params)

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="DBE7F3")
    book = Workbook()
    f = report.figures

    def sheet(ws, title: str, headers: list[str], rows: list[list], widths: list[int]) -> None:
        from qsm_desktop.excel.cells import row_values  # text stays text (issue 11 §7)

        ws.append(row_values(ws, [title]))
        ws["A1"].font = Font(bold=True, size=13)
        ws.append([])
        ws.append(headers)
        for cell in ws[3]:
            cell.font = bold
            cell.fill = fill
        for row in rows:
            ws.append(row_values(ws, row))
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = width
        ws.freeze_panes = "A4"
        for row in ws.iter_rows(min_row=4):
            for cell in row:
                if hasattr(cell.value, "isoformat") and not isinstance(cell.value, str):
                    cell.number_format = "yyyy-mm-dd"

    title = t("training.xlsx.title", unit=f"{f.unit_name}（{f.unit}）", start=f.start.isoformat(), as_of=f.as_of.isoformat())
    ws = book.active
    ws.title = t("training.xlsx.coverage")[:31]
    headers = [t("training.col.unit"), t("training.col.code"), t("training.col.staff"), t("training.col.c03"),
               t("training.col.trained")]
    headers += [t("training.col.coverage", category=category_name(c, lang)) for c in TRAINING_CATEGORIES]
    headers += [t("training.col.hours_per_head"), t("training.col.pass_rate"), t("training.col.satisfaction")]
    rows = []
    for fig in (f, *report.by_unit):
        rows.append([fig.unit_name, fig.unit, fig.staff, fig.c03.coverage, fig.trained.attended,
                     *[fig.categories[c].coverage for c in TRAINING_CATEGORIES], fig.hours_per_head, fig.pass_rate,
                     fig.satisfaction])
    sheet(ws, title, headers, rows, [28, 9, 9, 12, 9] + [12] * len(TRAINING_CATEGORIES) + [10, 10, 10])
    if chart:
        from openpyxl.drawing.image import Image

        image = Image(io.BytesIO(figure_png(coverage_figure(report, language=lang))))
        ws.add_image(image, f"A{len(rows) + 6}")

    ws = book.create_sheet(t("training.xlsx.courses")[:31])
    headers = [t("training.col.course"), t("training.col.title"), t("training.col.category"), t("training.col.start"),
               t("training.col.end"), t("training.col.course_hours"), t("training.col.provider"),
               t("training.col.attendees"), t("training.col.satisfaction"), t("training.col.mean_score"),
               t("training.col.pass_rate")]
    rows = [[c.code, c.title, category_name(c.category, lang), c.start_date, c.end_date, c.course_hours,
             t(f"training.provider.{c.provider}") if c.provider else "", c.attendees, c.satisfaction, c.mean_score,
             c.pass_rate] for c in report.courses]
    sheet(ws, title, headers, rows, [14, 26, 12, 12, 12, 8, 10, 10, 12, 10, 10])

    ws = book.create_sheet(t("training.xlsx.effect")[:31])
    headers = [t("training.col.course"), t("training.col.title"), t("training.col.end"), t("training.col.attendees"),
               t("training.col.at_risk"), t("training.col.certified"), t("training.col.rate"),
               t("training.col.others"), t("training.col.others_certified"), t("training.col.others_rate"),
               t("training.col.difference"), t("training.col.window_end"), t("training.col.complete")]
    rows = [[e.code, e.title, e.end_date, e.attendees, e.at_risk, e.certified, e.rate, e.others, e.others_certified,
             e.others_rate, e.difference, e.window_end, _yes_no(e.complete, lang)] for e in report.effects]
    sheet(ws, title, headers, rows, [14, 26, 12, 10, 12, 10, 12, 12, 12, 12, 12, 12, 10])
    if chart and report.effects:
        from openpyxl.drawing.image import Image

        ws.add_image(Image(io.BytesIO(figure_png(effect_figure(report, language=lang)))), f"A{len(rows) + 6}")

    ws = book.create_sheet(t("training.xlsx.untrained")[:31])
    headers = [t("training.col.staff_no"), t("training.col.name"), t("training.col.unit"), t("training.col.code"),
               t("training.col.post")]
    rows = [[u.staff_no, u.name, u.unit_name, u.unit_code, u.post] for u in report.untrained]
    sheet(ws, t("training.xlsx.untrained_title", unit=f.unit_name, as_of=f.as_of.isoformat(), total=report.untrained_total),
          headers, rows, [10, 10, 30, 10, 16])

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    book.save(tmp)
    tmp.replace(path)
    return path
