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
