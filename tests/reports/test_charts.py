"""Evaluation charts: matplotlib Figures with the bundled CJK font, no pyplot state, no missing glyphs."""

from __future__ import annotations

import sys
import warnings

import matplotlib
import pytest
from matplotlib.figure import Figure

from qsm_desktop.reports import charts

BUILDERS = {
    "histogram": lambda: charts.totals_histogram(
        {"分行": [65.17, 41.95, 59.89, 67.04], "总行部门": [62.21, 50.64]},
        [("优秀", 90), ("良好", 80), ("合格", 60), ("待改进", 0)],
    ),
    "categories": lambda: charts.category_comparison(
        ["A 客户服务评价", "B 服务渠道", "C 服务规范与队伍", "D 品牌与示范"],
        {"平均": [66, 63, 39, 0], "最高": [75, 83, 83, 0], "最低": [40, 45, 21, 0]},
    ),
    "unit_vs_average": lambda: charts.unit_vs_average(
        ["A01 客户满意度", "A02 神秘访客检查平均得分", "A03 有效投诉件数"], [15.0, 10.67, None], [10.5, 11.9, 2.8],
        [15, 15, 10],
    ),
    "trend": lambda: charts.trend_line(["2007Q2", "2007Q3", "2007Q4"], {"本单位": [None, -3.5, 65.17], "平均": [50, 55, 57]}),
    # a quarter without data for some units: no series to label, and no warning on the console
    "histogram_empty": lambda: charts.totals_histogram({}, [("优秀", 90), ("良好", 80), ("合格", 60), ("待改进", 0)]),
    "trend_empty": lambda: charts.trend_line(["2007Q4"], {}),
    "radar": lambda: charts.category_radar(["客户服务评价", "服务渠道", "服务规范与队伍"], {"本单位": [70, 80, 50], "平均": [60, 60, 60]}),
}


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_chart_renders_with_every_glyph(name):
    rc_before = dict(matplotlib.rcParams)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # "Glyph … missing from font(s)" would fail here
        fig = BUILDERS[name]()
        png = charts.figure_png(fig, dpi=60)
    assert isinstance(fig, Figure)
    assert png.startswith(b"\x89PNG") and len(png) > 2000
    assert dict(matplotlib.rcParams) == rc_before  # no global style change
    assert "matplotlib.pyplot" not in sys.modules or not __import__("matplotlib.pyplot").pyplot.get_fignums()


def test_font_family_is_registered():
    family = charts.cjk_family()
    assert family == "Droid Sans Fallback"
    assert charts.chart_rc()["font.family"] == ["DejaVu Sans", family]
    assert charts.chart_rc()["axes.unicode_minus"] is False


# --------------------------------------------------------------------------- bank scale (issue 14)


def _training_rows(n: int):
    import datetime as dt

    from qsm_desktop.domain.training import TRAINING_CATEGORIES, CategoryCoverage, TrainingFigures

    rows = []
    for i in range(n):
        c03 = (i * 37) % 101  # a shuffled spread of coverages
        staff = 50 + i
        rows.append(TrainingFigures(
            unit=f"{110000 + i * 10000}", unit_name=f"交通银行第{i + 1}分行", as_of=dt.date(2007, 12, 31),
            start=dt.date(2007, 1, 1), staff=staff,
            categories={c: CategoryCoverage(0, 0.0) for c in TRAINING_CATEGORIES},
            c03=CategoryCoverage(round(staff * c03 / 100), 100 * round(staff * c03 / 100) / staff),
            trained=CategoryCoverage(staff, 100.0), attendances=0, hours=0.0, hours_per_head=None, assessed=0,
            passed=0, pass_rate=None, ratings=0, satisfaction=None, scored=0, mean_score=None))
    return rows


def _labels_top_first(fig) -> list[str]:
    ticks = sorted(fig.axes[0].get_yticklabels(), key=lambda t: -t.get_position()[1])
    return [t.get_text() for t in ticks]


def _label_boxes_overlap(fig) -> bool:
    renderer = fig.canvas.get_renderer()
    boxes = sorted((t.get_window_extent(renderer) for t in fig.axes[0].get_yticklabels() if t.get_text()),
                   key=lambda b: b.y0)
    return any(a.y1 > b.y0 + 0.5 for a, b in zip(boxes, boxes[1:]))


def test_training_chart_of_36_branches_stays_readable_in_the_window():
    """The window's coverage chart (3 inches high) at bank scale: sorted by C03 coverage, the top
    and the bottom drawn, the rest pooled in one grey row — no label on top of another."""
    from qsm_desktop.reports.training import draw_coverage_by_unit, rows_that_fit

    rows = _training_rows(36)
    fig = charts.new_figure(7.2, 3.0)
    draw_coverage_by_unit(fig, rows, title="全行培训覆盖率", language="zh")
    fig.canvas.draw()
    labels = _labels_top_first(fig)
    assert len(labels) == rows_that_fit(3.0) < 36
    pooled = next(i for i, text in enumerate(labels) if "其余" in text)
    shown = len(labels) - 1
    assert labels[pooled] == f"… 其余 {36 - shown} 个单位（合计）"
    by_name = {r.unit_name: r.c03.coverage for r in rows}
    values = [by_name[t] for t in labels if t in by_name]
    assert values == sorted(values, reverse=True) and len(values) == shown
    assert values[0] == max(by_name.values()) and values[-1] == min(by_name.values())
    assert not _label_boxes_overlap(fig)
    assert "前" in fig.axes[0].get_title(loc="left") and "后" in fig.axes[0].get_title(loc="left")


def test_training_workbook_chart_lists_every_branch_sorted_and_readable():
    """The workbook's chart grows with the units: all 36 listed, sorted, labels apart."""
    from qsm_desktop.domain.training import TrainingReport
    from qsm_desktop.reports.training import coverage_figure

    rows = _training_rows(36)
    report = TrainingReport(figures=rows[0], by_unit=tuple(rows), courses=(), effects=(), untrained=(),
                            untrained_total=0)
    fig = coverage_figure(report, language="en")
    fig.canvas.draw()
    labels = _labels_top_first(fig)
    assert len(labels) == 36 and not any("other" in t for t in labels)
    by_name = {r.unit_name: r.c03.coverage for r in rows}
    assert [by_name[t] for t in labels] == sorted(by_name.values(), reverse=True)
    assert not _label_boxes_overlap(fig)


@pytest.mark.parametrize("categories", [
    ["A Customer service", "B Service channels", "C Service standards and staff", "D Brand and showcase units"],
    ["A 客户服务评价", "B 服务渠道", "C 服务规范与队伍", "D 品牌与示范"],
], ids=["en", "zh"])
def test_category_names_do_not_run_into_each_other(categories):
    """Issue 14: in the English bank-wide report "C Service standards and staff" ran into "D Brand and
    showcase units" under the category comparison; long names now wrap between words (at most two
    lines), the Chinese ones stay on one line, and the legend stays below them."""
    fig = charts.category_comparison(categories, {"Average": [71, 86, 41, 0], "Highest": [81, 100, 51, 0]})
    with charts.chart_style():
        fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in fig.axes[0].get_xticklabels() if t.get_text()]
    boxes = sorted((t.get_window_extent(renderer) for t in labels), key=lambda b: b.x0)
    assert all(a.x1 < b.x0 for a, b in zip(boxes, boxes[1:])), [(b.x0, b.x1) for b in boxes]
    assert max(t.get_text().count("\n") for t in labels) == (1 if categories[0].startswith("A C") else 0)
    legend = fig.axes[0].get_legend().get_window_extent(renderer)
    assert legend.y1 < min(b.y0 for b in boxes)


def test_the_english_histogram_tints_its_grade_bands_as_the_chinese_one():
    """The English evaluation report's Figure 1 had no grade tints (the colours are keyed by the stored
    Chinese grade name, and the chart was given the English one)."""
    from matplotlib.colors import to_hex

    from qsm_desktop.reports.palette import GRADE_COLOURS

    def tints(bands):
        fig = charts.totals_histogram({"Branches": [65.17, 41.95, 59.89]}, bands)
        return sorted(to_hex(p.get_facecolor()).upper() for p in fig.axes[0].patches if p.get_zorder() == 0)

    chinese = tints([("优秀", 90), ("良好", 80), ("合格", 60), ("待改进", 0)])
    english = tints([("Excellent", 90, "优秀"), ("Good", 80, "良好"), ("Satisfactory", 60, "合格"),
                     ("Needs improvement", 0, "待改进")])
    assert chinese == english == sorted(c.upper() for c in GRADE_COLOURS.values())


def test_table_columns_keep_room_for_their_figures_when_english_words_ask_for_more():
    """An English ranking table: the long words of the other columns take room from the columns that
    can spare it, but never below a column's widest figure (the unit codes were set in a smaller size
    to fit the 70 % left to them)."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    from qsm_desktop.reports.evaluation_pdf import fonts
    from qsm_desktop.reports.evaluation_pdf.look import styles
    from qsm_desktop.reports.evaluation_pdf.tables import fit_words

    fonts.register_fonts()
    cell = ParagraphStyle("english_cell", parent=styles()["cell"], wordWrap=None)  # as the English report sets its cells
    rows = [[Paragraph("510000", cell), Paragraph("交通银行四川省分行", cell), Paragraph("Needs improvement", cell)]]
    code = fonts.text_width("510000", cell.fontSize) + 8
    widths = fit_words(rows, [code + 2, 120, 30])
    assert widths[0] >= code and widths[2] > 30 and abs(sum(widths) - (code + 2 + 150)) < 0.01
