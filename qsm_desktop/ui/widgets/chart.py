"""A matplotlib chart embedded in the window (图表) with the Qt backend (``FigureCanvasQTAgg``).

:class:`ChartCanvas` is a plain widget until its :attr:`~ChartCanvas.figure` is first used: only
then are matplotlib and its Qt canvas imported and created. Importing matplotlib costs about a
second, and no chart is drawn before a page has its data — so the first window paints without
waiting for it (issue 3 item 7: first window ≤ 2 s).

Charts draw Chinese with the bundled CJK font and a plain hyphen-minus
(:func:`qsm_desktop.ui.fonts.configure_matplotlib`, applied when the first chart is created).
The drawing function :func:`draw_rates_vs_targets` works on any ``Figure`` (no Qt), so a PDF
report could reuse it.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QSizePolicy, QVBoxLayout, QWidget

from qsm_desktop.ui.style import MUTED

os.environ.setdefault("QT_API", "pyside6")


def _canvas_class() -> type:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    class _Canvas(FigureCanvasQTAgg):
        def draw(self) -> None:
            # a canvas not laid out yet is too small for constrained layout, which only warns:
            # the warning is dropped, the next resize draws properly
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message="constrained_layout not applied")
                super().draw()

    return _Canvas


class ChartCanvas(QWidget):
    """A white chart area that grows with its layout; ``figure`` (a matplotlib ``Figure``) is
    created on first use. ``draw()``/``draw_idle()`` redraw it; ``canvas`` is the Qt canvas."""

    def __init__(self, parent: QWidget | None = None, *, width: float = 6.0, height: float = 3.2) -> None:
        super().__init__(parent)
        self._size = (width, height)
        self._canvas: Any = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(12 * self.fontMetrics().height())  # about twelve lines of text: bars and labels readable
        self.setStyleSheet("background: white;")

    @property
    def canvas(self) -> Any:
        """The ``FigureCanvasQTAgg`` (created, with matplotlib imported, on first use)."""
        if self._canvas is None:
            from matplotlib.figure import Figure

            from qsm_desktop.ui.fonts import configure_matplotlib

            configure_matplotlib()
            figure = Figure(figsize=self._size, dpi=100, facecolor="white", layout="constrained")
            self._canvas = _canvas_class()(figure)
            self._canvas.setParent(self)
            self._canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            self._layout.addWidget(self._canvas)
        return self._canvas

    @property
    def figure(self) -> Any:
        """The matplotlib ``Figure`` of this chart."""
        return self.canvas.figure

    def draw(self) -> None:
        self.canvas.draw()

    def draw_idle(self) -> None:
        self.canvas.draw_idle()


CHART_GOOD, CHART_WARN, CHART_BAD, CHART_NEUTRAL = "#5b9a68", "#d6a441", "#c8655d", "#5b7fa6"
"""Softer tones of the status colours for large chart areas (same meaning as the table colours)."""


def _bar_colour(rate: float | None, target: float | None) -> str:
    if rate is None or target is None:
        return CHART_NEUTRAL
    if rate >= target:
        return CHART_GOOD
    if rate >= target - 5:
        return CHART_WARN
    return CHART_BAD


def draw_rates_vs_targets(
    figure: Any,
    names: Sequence[str],
    rates: Sequence[float | None],
    targets: Sequence[float | None],
    *,
    final_targets: Sequence[float | None] | None = None,
    title: str = "",
    rate_label: str = "Rate",
    target_label: str = "Target",
    final_label: str = "Target 2009",
    empty_text: str = "No data",
    legend_labels: Sequence[str] = (),
) -> None:
    """Horizontal bars of certification ``rates`` (percent 0–100, None = no members) per category
    ``names``, each with a marker at its ``targets`` value (and, optionally, ``final_targets``).

    Bars are green at or above target, amber within 5 points, red further below (issue 3 §2);
    ``legend_labels`` names those three colours in the legend. ``rate_label`` is kept for callers
    that label the bars themselves.
    """
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    figure.clear()
    ax = figure.add_subplot(111)
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    ax.spines["left"].set_color("#c8d0d8")
    ax.spines["bottom"].set_color("#c8d0d8")
    ax.tick_params(colors="#3a4653", labelsize=9)
    if not names or all(r is None for r in rates):
        ax.set_axis_off()
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", color=MUTED, fontsize=11, transform=ax.transAxes)
        figure.canvas.draw_idle()
        return
    positions = list(range(len(names)))[::-1]
    values = [0.0 if r is None else r for r in rates]
    colours = [_bar_colour(r, t) for r, t in zip(rates, targets)]
    ax.barh(positions, values, height=0.56, color=colours, zorder=2)
    for y, r in zip(positions, rates):
        ax.text((r or 0) + 1.2, y, "–" if r is None else f"{r:.1f}%", va="center", fontsize=9, color="#1f2933")
    ty = [y for y, t in zip(positions, targets) if t is not None]
    tv = [t for t in targets if t is not None]
    if tv:
        ax.scatter(tv, ty, marker="|", s=520, linewidths=2.4, color="#1f2933", zorder=3)
    if final_targets:
        fy = [y for y, t in zip(positions, final_targets) if t is not None]
        fv = [t for t in final_targets if t is not None]
        if fv:
            ax.scatter(fv, fy, marker="|", s=520, linewidths=1.6, color="#8a96a3", zorder=3)
    ax.set_yticks(positions)
    ax.set_yticklabels(names)
    ax.set_xlim(0, 108)
    ax.set_xticks([0, 20, 40, 60, 80, 100])
    ax.set_xticklabels([f"{v}%" for v in (0, 20, 40, 60, 80, 100)])
    ax.grid(axis="x", color="#e6eaee", zorder=0)
    if title:
        ax.set_title(title, loc="left", fontsize=10.5, color="#1f2933", pad=8)
    handles = [Patch(facecolor=c) for c in (CHART_GOOD, CHART_WARN, CHART_BAD)]
    labels = [legend_labels[0], legend_labels[1], legend_labels[2]] if legend_labels else ["", "", ""]
    handles.append(Line2D([], [], marker="|", linestyle="", markersize=14, markeredgewidth=2.4, color="#1f2933"))
    labels.append(target_label)
    if final_targets and any(t is not None for t in final_targets):
        handles.append(Line2D([], [], marker="|", linestyle="", markersize=14, markeredgewidth=1.6, color="#8a96a3"))
        labels.append(final_label)
    if not legend_labels:
        handles, labels = handles[3:], labels[3:]
    figure.legend(handles, labels, loc="outside upper right", fontsize=8.5, frameon=False, ncols=len(handles))
    figure.canvas.draw_idle()


PARETO_ROWS = 15
"""The most causes a Pareto chart shows as their own bars; the rest are summed in one last bar."""


def pareto_series(names: Sequence[str], counts: Sequence[int], other_label: str,
                  limit: int = PARETO_ROWS) -> tuple[list[str], list[int], list[float]]:
    """The bars and line of a Pareto chart (帕累托图): ``names`` with their ``counts`` sorted by count
    (most first, ties by name), at most ``limit`` bars — beyond that the smallest are summed in one
    last bar labelled ``other_label`` (a ``{n}`` in it is replaced by how many it sums) — and the
    cumulative share of all counts after each bar (percent 0–100, the last 100). Returns
    ``(labels, counts, cumulative)``; empty lists when there is nothing to count."""
    pairs = sorted(((n, c) for n, c in zip(names, counts) if c), key=lambda p: (-p[1], p[0]))
    if len(pairs) > limit:
        rest = pairs[limit - 1:]
        pairs = pairs[:limit - 1] + [(other_label.format(n=len(rest)), sum(c for _, c in rest))]
    total = sum(c for _, c in pairs)
    cumulative, running = [], 0
    for _, count in pairs:
        running += count
        cumulative.append(round(100 * running / total, 2))
    return [n for n, _ in pairs], [c for _, c in pairs], cumulative


def draw_pareto(figure: Any, names: Sequence[str], counts: Sequence[int], *, count_label: str = "Complaints",
                cumulative_label: str = "Cumulative %", other_label: str = "Other ({n})", empty_text: str = "No data",
                vital: float = 80.0) -> list[float]:
    """A Pareto chart of ``counts`` per cause ``names`` on ``figure``, laid on its side so long
    Chinese cause names stay readable: one horizontal bar per cause, most first from the top, its
    count at the bar's end; the cumulative share (percent, on the top axis) as a line with a marker
    per cause and its value; a dashed line at ``vital`` percent, the causes before it (the vital
    few) in the strong colour, the rest grey. More than :data:`PARETO_ROWS` causes: the tail is one
    bar (``other_label``). Returns the cumulative shares drawn (empty when nothing to draw)."""
    labels, values, cumulative = pareto_series(names, counts, other_label)
    figure.clear()
    ax = figure.add_subplot(111)
    ax.set_facecolor("white")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    for side in ("left", "bottom"):
        ax.spines[side].set_color("#c8d0d8")
    ax.tick_params(colors="#3a4653", labelsize=9)
    if not values:
        ax.set_axis_off()
        ax.text(0.5, 0.5, empty_text, ha="center", va="center", color=MUTED, fontsize=11, transform=ax.transAxes)
        figure.canvas.draw_idle()
        return []
    ys = list(range(len(values)))[::-1]
    before = [0.0, *cumulative[:-1]]
    colours = [CHART_NEUTRAL if b < vital else "#b7c0ca" for b in before]
    ax.barh(ys, values, height=0.62, color=colours, zorder=2)
    top = max(values)
    for y, v in zip(ys, values):
        ax.text(v + top * 0.015, y, str(v), va="center", fontsize=8.5, color="#1f2933", zorder=4)
    ax.set_yticks(ys)
    ax.set_yticklabels(labels)
    ax.set_xlim(0, top * 1.12)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.set_xlabel(count_label, fontsize=9, color="#3a4653")
    ax.grid(axis="x", color="#e6eaee", zorder=0)
    share = ax.twiny()
    share.plot(cumulative, ys, color=CHART_BAD, marker="o", markersize=4, linewidth=1.6, zorder=5)
    for y, c in zip(ys, cumulative):
        share.annotate(f"{c:.0f}%", (c, y), xytext=(5, 4), textcoords="offset points", ha="left", va="bottom",
                       fontsize=7.5, color=CHART_BAD, zorder=6,
                       bbox={"boxstyle": "round,pad=0.15", "facecolor": "white", "edgecolor": "none", "alpha": 0.85})
    share.axvline(vital, color=CHART_BAD, linestyle=(0, (4, 3)), linewidth=0.9, alpha=0.6, zorder=1)
    share.set_xlim(0, 115)
    share.set_xticks([0, 20, 40, 60, 80, 100])
    share.set_xticklabels([f"{v}%" for v in (0, 20, 40, 60, 80, 100)])
    share.tick_params(colors=CHART_BAD, labelsize=8)
    for side in ("right", "bottom", "left"):
        share.spines[side].set_visible(False)
    share.spines["top"].set_color(CHART_BAD)
    share.set_xlabel(cumulative_label, fontsize=9, color=CHART_BAD)
    ax.set_ylim(-0.6, len(values) - 0.4)
    figure.canvas.draw_idle()
    return cumulative
