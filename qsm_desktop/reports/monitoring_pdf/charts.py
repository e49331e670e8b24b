"""Charts of the quarterly monitoring report (监测报告图表): matplotlib figures, Agg, no pyplot.

Built with the evaluation charts' style (:func:`qsm_desktop.reports.charts.chart_style`, the same
fonts and palette). Every chart that lists units is a *sorted horizontal bar chart*: one row per
unit with its label on the left and its value at the bar's end, so that 36 branches (or a
branch's 80 outlets) stay readable; the height grows with the rows (:func:`bar_height`) and the
report splits longer lists into parts (:data:`MAX_ROWS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.figure import Figure

from qsm_desktop.reports.charts import GOLD, GREY, LIGHT, NAVY, RED, chart_style, new_figure

MAX_ROWS = 48
"""The most rows one bar chart holds (a longer list is split into even parts, each a chart that
fits an A4 page with its caption)."""


def bar_height(rows: int) -> float:
    """The height in inches of a horizontal bar chart of ``rows`` rows (about 0.17 in a row, so 36
    branches take ~6.9 in and :data:`MAX_ROWS` outlets ~9 in at the report's width — labels at 7 pt)."""
    return max(1.8, 0.17 * rows + 0.8)


def ranked_bars(labels: Sequence[str], values: Sequence[float | None], *, reference: float | None = None,
                reference_label: str = "", xlabel: str = "得分", low: float | None = None,
                width_in: float = 6.6) -> Figure:
    """Scores of units, highest at the top (排名条形图): ``labels`` and ``values`` in the order to draw
    (the caller sorts them); bars below ``reference`` (the bank's or the branch's score, a dashed
    line) in red, others navy; the value printed at each bar's end; the x axis starts at ``low``
    (default: a little below the lowest score, so that differences show)."""
    rows = len(labels)
    present = [v for v in values if v is not None]
    if low is None:
        low = max(0.0, (int(min(present) // 10) * 10 - 10) if present else 0.0)
    with chart_style():
        fig = new_figure(width_in, bar_height(rows))
        ax = fig.add_subplot()
        ys = list(range(rows))[::-1]
        shown = [(v if v is not None else low) for v in values]
        colours = [GREY if v is None else (RED if reference is not None and v < reference - 0.005 else NAVY)
                   for v in values]
        ax.barh(ys, [v - low for v in shown], 0.72, left=low, color=colours, zorder=2)
        for y, value in zip(ys, values, strict=False):
            ax.text((value if value is not None else low) + 0.3, y, "—" if value is None else f"{value:.2f}",
                    va="center", fontsize=6.5, color="#2B3340")
        if reference is not None:
            ax.axvline(reference, color=GOLD, linestyle="--", linewidth=1.2, zorder=3, label=reference_label)
        ax.set_yticks(ys, labels, fontsize=7 if rows <= 40 else 6.5)
        ax.set_ylim(-0.7, rows - 0.3)
        ax.set_xlim(low, 103)
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", zorder=0)
    return fig


def module_bars(labels: Sequence[str], values: Sequence[float | None], *, xlabel: str = "得分",
                width_in: float = 6.6) -> Figure:
    """Scores by service module (分模块得分): one horizontal bar per module on a light 100-point
    bar; a module not visited draws no bar."""
    rows = len(labels)
    with chart_style():
        fig = new_figure(width_in, max(1.6, 0.3 * rows + 0.6))
        ax = fig.add_subplot()
        ys = list(range(rows))[::-1]
        ax.barh(ys, [100] * rows, 0.7, color=LIGHT, zorder=1)
        ax.barh(ys, [v or 0.0 for v in values], 0.7, color=NAVY, zorder=2)
        for y, value in zip(ys, values, strict=False):
            if value is not None:
                ax.text(value - 1, y, f"{value:.2f}", va="center", ha="right", fontsize=7, color="white", zorder=3)
        ax.set_yticks(ys, labels)
        ax.set_xlim(0, 100)
        ax.set_xlabel(xlabel)
    return fig


def loss_bars(labels: Sequence[str], lost: Sequence[int], notes: Sequence[str], critical: Sequence[bool], *,
              xlabel: str = "失分次数", width_in: float = 6.6) -> Figure:
    """The checklist items most often losing points (失分项目): the number of visits where each lost
    points, most first (the caller's order), critical items in red, ``notes`` (e.g. ``"13/38,
    34.2%"``: lost/applied and the loss rate) printed at each bar's end."""
    rows = len(labels)
    with chart_style():
        fig = new_figure(width_in, max(1.8, 0.24 * rows + 0.8))
        ax = fig.add_subplot()
        ys = list(range(rows))[::-1]
        ax.barh(ys, lost, 0.7, color=[RED if c else NAVY for c in critical], zorder=2)
        top = max([*lost, 1])
        for y, count, note in zip(ys, lost, notes, strict=False):
            ax.text(count + top * 0.01, y, note, va="center", fontsize=6.5, color="#2B3340")
        ax.set_yticks(ys, labels, fontsize=7)
        ax.set_xlim(0, top * 1.3)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", zorder=0)
    return fig


def pareto_bars(labels: Sequence[str], counts: Sequence[int], *, xlabel: str = "件",
                width_in: float = 6.6) -> Figure:
    """Complaints by cause as a Pareto chart (帕累托图) laid on its side: counts, most first, each
    bar labelled with its count and the cumulative share of all so far; causes that together make
    80 % are navy, the rest grey."""
    rows = len(labels)
    total = sum(counts) or 1
    with chart_style():
        fig = new_figure(width_in, max(1.8, 0.24 * rows + 0.8))
        ax = fig.add_subplot()
        ys = list(range(rows))[::-1]
        running, colours, notes = 0, [], []
        for count in counts:
            before = running
            running += count
            colours.append(NAVY if before / total < 0.8 else GREY)
            notes.append(f"{count}  ({100 * running / total:.0f}%)")
        ax.barh(ys, counts, 0.7, color=colours, zorder=2)
        top = max([*counts, 1])
        for y, count, note in zip(ys, counts, notes, strict=False):
            ax.text(count + top * 0.01, y, note, va="center", fontsize=6.5, color="#2B3340")
        ax.set_yticks(ys, labels, fontsize=7)
        ax.set_xlim(0, top * 1.3)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_xlabel(xlabel)
        ax.grid(axis="x", zorder=0)
    return fig


def parts(count: int) -> list[tuple[int, int]]:
    """``count`` rows split into even parts of at most :data:`MAX_ROWS`: ``[(start, stop), …]``."""
    pieces = max(1, -(-count // MAX_ROWS))
    size = -(-count // pieces) if count else 0
    return [(start, min(start + size, count)) for start in range(0, count, size or 1)] or [(0, 0)]


__all__ = ["MAX_ROWS", "bar_height", "parts", "loss_bars", "module_bars", "pareto_bars", "ranked_bars"]
