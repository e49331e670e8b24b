"""Charts for the evaluation reports (综合评价图表): matplotlib ``Figure`` objects, Agg, no pyplot.

Each builder returns a fresh :class:`matplotlib.figure.Figure` with an Agg canvas attached; nothing
touches pyplot's global figure registry, so builders are safe in worker threads (one figure per
thread). :func:`figure_png` renders a figure to PNG bytes for reportlab; the desktop can embed
the same figures in a ``FigureCanvasQTAgg``.

Fonts: the bundled Droid Sans Fallback (``qsm_desktop.paths.bundled_font()``, TrueType) carries
the CJK glyphs but **no Latin letters or digits**, so the family is the fallback list
``["DejaVu Sans", "Droid Sans Fallback"]`` (matplotlib ≥ 3.6 falls back per glyph): digits and
Latin from DejaVu Sans (shipped with matplotlib), Chinese from the bundled font.
``axes.unicode_minus`` is off because the CJK font lacks U+2212. The settings are applied with
``rc_context`` while a figure is built and while it is rendered, never to the global rcParams.
(This is the only font code here; reportlab font registration lives with the PDF builders.)

Colours follow one restrained palette (:mod:`qsm_desktop.reports.palette`) so that the committee
report reads as one document.
"""

from __future__ import annotations

import io
import math
import textwrap
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import matplotlib
from matplotlib import font_manager
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from qsm_desktop import paths

from qsm_desktop.reports.palette import GOLD, GRADE_COLOURS, GREY, LIGHT, NAVY, RED, SERIES_COLOURS, TEAL  # noqa: F401

LATIN_FAMILY = "DejaVu Sans"
_font_lock = threading.Lock()
_cjk_family: str | None = None


def cjk_family() -> str:
    """Register the bundled CJK TrueType with matplotlib's font manager (once) and return its family name."""
    global _cjk_family
    with _font_lock:
        if _cjk_family is None:
            path = str(paths.bundled_font())
            font_manager.fontManager.addfont(path)
            _cjk_family = font_manager.FontProperties(fname=path).get_name()
    return _cjk_family


def chart_rc() -> dict[str, object]:
    """The rcParams every chart is built and rendered with (fonts, sizes, quiet axes)."""
    return {
        "font.family": [LATIN_FAMILY, cjk_family()],
        "axes.unicode_minus": False,
        "font.size": 8.5,
        "axes.titlesize": 9.5,
        "axes.labelsize": 8.5,
        "xtick.labelsize": 8,
        "ytick.labelsize": 8,
        "legend.fontsize": 8,
        "axes.edgecolor": "#B8C0CC",
        "axes.linewidth": 0.6,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "xtick.color": "#44505F",
        "ytick.color": "#44505F",
        "axes.labelcolor": "#2B3340",
        "text.color": "#2B3340",
        "grid.color": "#DDE2EA",
        "grid.linewidth": 0.6,
        "svg.fonttype": "none",
    }


@contextmanager
def chart_style() -> Iterator[None]:
    """``rc_context`` with :func:`chart_rc` (does not change the global rcParams)."""
    with matplotlib.rc_context(chart_rc()):
        yield


FIXED_LAYOUT = True
"""Whether the per-unit charts (:func:`unit_vs_average`, :func:`trend_line`, :func:`category_radar`)
use margins computed from their labels (one draw per PNG) instead of matplotlib's constrained layout
(which measures every tick label and draws the figure twice per ``savefig``: ~55 % of a chart's
time). ``benchmarks/report_batch_bench.py`` sets it to ``False`` to time the previous layout."""


def new_figure(width_in: float = 6.6, height_in: float = 2.8, *, fixed: bool = False) -> Figure:
    """A figure with an Agg canvas, not registered with pyplot. Sizes in inches. ``fixed``: no
    layout engine (the caller places the axes, see :func:`fixed_margins`); else constrained layout."""
    fig = Figure(figsize=(width_in, height_in), layout=None if fixed else "constrained")
    FigureCanvasAgg(fig)
    return fig


def text_width_in(texts: Sequence[str], size_pt: float) -> float:
    """Estimated width in inches of the widest of ``texts`` at ``size_pt`` points, without drawing:
    a CJK character is one em (Droid Sans Fallback), any other ~0.64 em (DejaVu Sans averages
    ~0.6; a little more so capitals and ``%`` fit). Used for fixed chart margins."""
    widest = max((sum(1.0 if ord(ch) >= 0x2E80 else 0.64 for ch in str(t)) for t in texts), default=0.0)
    return widest * size_pt / 72.0


def wrapped_labels(labels: Sequence[str], width_in: float, size_pt: float) -> list[str]:
    """``labels`` on as many lines as it takes for each to fit ``width_in`` inches at ``size_pt``
    points (estimated as :func:`text_width_in`), broken between words only: an English category
    name ("C Service standards and staff") goes on two lines under its bars instead of running into
    its neighbour's; a Chinese one (no spaces, short) stays on one line."""
    out = []
    for label in labels:
        text = str(label)
        if text_width_in([text], size_pt) <= width_in or " " not in text:
            out.append(text)
            continue
        characters = max(int(width_in * 72.0 / (size_pt * 0.56)), 8)  # lower-case text averages ~0.55 em
        out.append("\n".join(textwrap.wrap(text, characters, break_long_words=False, break_on_hyphens=False)))
    return out


def fixed_margins(fig: Figure, *, left: float, right: float, top: float, bottom: float) -> None:
    """Place the figure's axes with margins in inches (clamped so the axes keep a fifth of the figure)."""
    w, h = fig.get_size_inches()
    lf = min(left / w, 0.6)
    rf = min(right / w, 0.8 - lf)
    bf = min(bottom / h, 0.6)
    tf = min(top / h, 0.8 - bf)
    fig.subplots_adjust(left=lf, right=1 - rf, bottom=bf, top=1 - tf)


def figure_png(fig: Figure, dpi: int = 150) -> bytes:
    """Render ``fig`` to PNG bytes (inside the chart style, so fonts and minus signs stay right)."""
    buffer = io.BytesIO()
    with chart_style():
        fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def figure_image(fig: Figure, dpi: int = 150):
    """Render ``fig`` at ``dpi`` to an RGB ``PIL.Image`` (inside the chart style), for reportlab:
    the same pixels as :func:`figure_png` without encoding a PNG that reportlab would decode again."""
    from PIL import Image

    with chart_style():
        fig.set_dpi(dpi)
        fig.set_facecolor("white")
        fig.canvas.draw()
        width, height = fig.canvas.get_width_height(physical=True)
        rgba = Image.frombuffer("RGBA", (width, height), fig.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    return rgba.convert("RGB")


def _bar_labels(ax, bars, values: Sequence[float], fmt: str = "{:.2f}", inside: bool = False) -> None:
    for bar, value in zip(bars, values, strict=False):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            continue
        ax.annotate(fmt.format(value), (bar.get_x() + bar.get_width() / 2, bar.get_height()),
                    xytext=(0, 2), textcoords="offset points", ha="center", va="bottom", fontsize=7,
                    color="#2B3340")


# --------------------------------------------------------------------------- builders


def totals_histogram(
    series: Mapping[str, Sequence[float]],
    grade_bands: Sequence[tuple[str, float] | tuple[str, float, str]],
    *,
    bin_width: float = 5.0,
    xlabel: str = "总分",
    ylabel: str = "单位数",
    width_in: float = 6.6,
    height_in: float = 2.6,
) -> Figure:
    """Distribution of totals (得分分布): stacked histogram per series (e.g. 分行, 总行部门), 0–100.

    ``series``: label → totals (points 0–100). ``grade_bands``: (name, min) pairs, or (name shown,
    min, stored Chinese name) when the name is shown in another language; each band's range is
    tinted by its grade's colour (keyed by the stored name: the English report had no tints) and
    labelled so the reader sees how many units fall in each grade.
    """
    with chart_style():
        fig = new_figure(width_in, height_in)
        ax = fig.add_subplot()
        all_totals = [t for values in series.values() for t in values]
        low = min([60.0, *all_totals]) if all_totals else 0.0
        start = max(0.0, math.floor((low - bin_width) / bin_width) * bin_width)
        edges = [start + i * bin_width for i in range(int((100 - start) / bin_width) + 1)]
        bands = sorted(grade_bands, key=lambda b: b[1])
        for i, (name, lower, *stored) in enumerate(bands):
            upper = bands[i + 1][1] if i + 1 < len(bands) else 100.0
            lo = max(lower, start)
            if upper <= lo:
                continue
            ax.axvspan(lo, upper, color=GRADE_COLOURS.get(stored[0] if stored else name, LIGHT), zorder=0, lw=0)
            ax.text((lo + upper) / 2, 1.0, name, transform=ax.get_xaxis_transform(), ha="center", va="top",
                    fontsize=7.5, color="#5A6372")
        values = [list(v) for v in series.values()]
        if any(values):
            ax.hist(values, bins=edges, stacked=True, label=list(series), rwidth=0.86,
                    color=list(SERIES_COLOURS[: len(values)]), zorder=2)
        ax.set_xlim(start, 100)
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.grid(axis="y", zorder=1)
        top = ax.get_ylim()[1]
        ax.set_ylim(0, max(top * 1.18, 1))
        if len(series) > 1:
            add_legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=len(series), frameon=False)
    return fig


def category_comparison(
    categories: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    ylabel: str = "得分率 (%)",
    width_in: float = 6.6,
    height_in: float = 2.6,
) -> Figure:
    """Category comparison (分类对比): grouped bars of score rates (percent of the category weight,
    0–100) per category; ``series`` label → one rate per category (e.g. 平均, 最高, 最低). Long
    category names wrap under their bars (:func:`wrapped_labels`; issue 14: the English labels ran
    into each other)."""
    with chart_style():
        fig = new_figure(width_in, height_in)
        ax = fig.add_subplot()
        n = max(len(series), 1)
        width = 0.8 / n
        for i, (label, rates) in enumerate(series.items()):
            xs = [c + (i - (n - 1) / 2) * width for c in range(len(categories))]
            bars = ax.bar(xs, rates, width * 0.92, label=label, color=SERIES_COLOURS[i % len(SERIES_COLOURS)],
                          zorder=2)
            _bar_labels(ax, bars, rates, "{:.0f}")
        room = (width_in - 0.9) / max(len(categories), 1) - 0.1  # the plot's width (less the y axis) per category
        labels = wrapped_labels(categories, room, 8)
        ax.set_xticks(range(len(categories)), labels)
        ax.set_ylim(0, 112)
        ax.set_yticks([0, 20, 40, 60, 80, 100])
        ax.set_ylabel(ylabel)
        ax.grid(axis="y", zorder=0)
        extra_lines = max((label.count("\n") for label in labels), default=0)  # the legend goes below them
        add_legend(ax, loc="upper center", bbox_to_anchor=(0.5, -0.12 - 0.085 * extra_lines), ncol=n, frameon=False)
    return fig


def unit_vs_average(
    labels: Sequence[str],
    unit_points: Sequence[float | None],
    average_points: Sequence[float | None],
    weights: Sequence[float],
    *,
    unit_label: str = "本单位",
    average_label: str = "平均",
    weight_label: str = "满分",
    xlabel: str = "得分",
    width_in: float = 6.6,
    height_in: float | None = None,
) -> Figure:
    """A unit's points per indicator against the average of its peers (与平均水平对比): horizontal
    bars (unit and average) over a light bar showing each indicator's weight (full points).
    ``None`` (a missing value) draws no bar."""
    rows = len(labels)
    height_in = height_in or max(2.0, 0.32 * rows + 0.8)
    with chart_style():
        fig = new_figure(width_in, height_in, fixed=FIXED_LAYOUT)
        ax = fig.add_subplot()
        if FIXED_LAYOUT:  # tick labels at 8 pt, x label and the legend row below
            fixed_margins(fig, left=text_width_in(labels, 8) + 0.16, right=0.2, top=0.08, bottom=0.72)
        ys = list(range(rows))[::-1]
        ax.barh(ys, weights, 0.78, color=LIGHT, label=weight_label, zorder=1)
        unit_vals = [v if v is not None else 0.0 for v in unit_points]
        avg_vals = [v if v is not None else 0.0 for v in average_points]
        ax.barh([y + 0.18 for y in ys], unit_vals, 0.34, color=NAVY, label=unit_label, zorder=2)
        ax.barh([y - 0.18 for y in ys], avg_vals, 0.34, color=GOLD, label=average_label, zorder=2)
        for y, value in zip(ys, unit_points, strict=False):
            if value is not None:
                ax.text(value + 0.15, y + 0.18, f"{value:.2f}", va="center", fontsize=6.5, color=NAVY)
        ax.set_yticks(ys, labels)
        ax.set_xlim(0, max([*weights, 1]) * 1.12)
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", zorder=0)
        if FIXED_LAYOUT:
            add_legend(fig, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=3, frameon=False)
        else:
            add_legend(fig, loc="outside lower center", ncol=3, frameon=False)
    return fig


def trend_line(
    periods: Sequence[str],
    series: Mapping[str, Sequence[float | None]],
    *,
    ylabel: str = "总分",
    width_in: float = 6.6,
    height_in: float = 2.4,
) -> Figure:
    """Totals over periods (趋势): one line per series (e.g. 本单位, 同类平均); ``None`` leaves a gap.
    The last point of the first series is labelled."""
    with chart_style():
        fig = new_figure(width_in, height_in, fixed=FIXED_LAYOUT)
        ax = fig.add_subplot()
        if FIXED_LAYOUT:  # "100" and the y label on the left, period labels below
            fixed_margins(fig, left=text_width_in(["100"], 8) + 0.36, right=0.12, top=0.1,
                          bottom=0.3)
        xs = list(range(len(periods)))
        low = 100.0
        for i, (label, values) in enumerate(series.items()):
            ys = [math.nan if v is None else v for v in values]
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            ax.plot(xs, ys, marker="o", markersize=3.5, linewidth=1.8 if i == 0 else 1.2, color=colour,
                    linestyle="-" if i == 0 else "--", label=label, zorder=3 - min(i, 2))
            present = [v for v in values if v is not None]
            low = min([low, *present])
            if i == 0 and present and values[-1] is not None:
                ax.annotate(f"{values[-1]:.2f}", (xs[-1], values[-1]), xytext=(4, 4), textcoords="offset points",
                            fontsize=7, color=colour)
        ax.set_xticks(xs, periods)
        ax.set_ylim(max(0.0, math.floor((low - 10) / 10) * 10), 100)
        ax.set_xlim(-0.3, max(len(periods) - 0.7, 0.3))
        ax.set_ylabel(ylabel)
        ax.grid(axis="y")
        add_legend(ax, loc="lower left", frameon=False, ncol=len(series))
    return fig


def category_radar(
    axes_labels: Sequence[str],
    series: Mapping[str, Sequence[float]],
    *,
    size_in: float = 3.2,
) -> Figure:
    """Radar of score rates (雷达图), percent 0–100 per axis (categories, or indicators when a unit
    type has fewer than three categories); ``series`` label → one rate per axis."""
    n = len(axes_labels)
    angles = [2 * math.pi * i / n for i in range(n)]
    with chart_style():
        fig = new_figure(size_in, size_in, fixed=FIXED_LAYOUT)
        ax = fig.add_subplot(projection="polar")
        # the legend in one row if it fits the width, else one entry per row
        legend_cols = len(series) if sum(text_width_in([k], 8) + 0.5 for k in series) < size_in else 1
        if FIXED_LAYOUT:  # axis names beside the circle (matplotlib sets them just outside it), legend below
            side = max((text_width_in([label], 8) * abs(math.sin(a)) for label, a in zip(axes_labels, angles)),
                       default=0.0)
            side = min(side + 0.1, size_in * 0.3)
            rows = 1 if legend_cols > 1 else len(series)
            fixed_margins(fig, left=side, right=side, top=0.22, bottom=0.36 + 0.16 * rows)
        ax.set_theta_offset(math.pi / 2)  # first axis at the top, clockwise
        ax.set_theta_direction(-1)
        closed = [*angles, angles[0]]
        for i, (label, values) in enumerate(series.items()):
            colour = SERIES_COLOURS[i % len(SERIES_COLOURS)]
            vals = [*values, values[0]]
            ax.plot(closed, vals, color=colour, linewidth=1.6 if i == 0 else 1.1,
                    linestyle="-" if i == 0 else "--", marker="o" if i == 0 else None, markersize=3,
                    label=label)
            if i == 0:
                ax.fill(closed, vals, color=colour, alpha=0.15)
        ax.set_xticks(angles, axes_labels)
        ax.set_xlim(0, 2 * math.pi)
        ax.set_ylim(0, 100)
        ax.set_yticks([20, 40, 60, 80, 100], ["20", "40", "60", "80", "100"], fontsize=6, color=GREY)
        ax.set_rlabel_position(180.0 / n)
        ax.tick_params(axis="x", pad=4)
        ax.grid(color="#DDE2EA")
        ax.spines["polar"].set_color("#B8C0CC")
        if FIXED_LAYOUT:
            add_legend(fig, loc="lower center", bbox_to_anchor=(0.5, 0.0), ncol=legend_cols, frameon=False)
        else:
            add_legend(fig, loc="outside lower center", ncol=legend_cols, frameon=False)
    return fig


def add_legend(owner, **options) -> None:
    """``owner.legend(**options)`` (an Axes or a Figure) when something carries a label: a chart
    of a quarter without data draws no legend instead of matplotlib warning "No artists with
    labels found" on the user's console."""
    axes = owner.axes if hasattr(owner, "get_axes") else [owner]
    if any(ax.get_legend_handles_labels()[0] for ax in axes):
        owner.legend(**options)


def legend_handles(items: Mapping[str, str]) -> list[Patch]:
    """Patches for a custom legend: label → colour."""
    return [Patch(color=colour, label=label) for label, colour in items.items()]
