"""The unit report's charts drawn straight into the PDF (矢量图表) — issue 14 item 5.

The three charts every unit's report carries — its points per indicator against the average of its
peers, its total over the quarters, the radar of its score rates — are simple shapes: bars, lines,
circles and a few dozen labels. Drawn by matplotlib they cost ~70 % of a report (each label shaped
by HarfBuzz twice per figure, a figure built and rasterised three times per report); drawn here as
reportlab flowables they are vector graphics (sharp in print, a few kB) written while the page is
laid out, in the report's own embedded fonts (:class:`~qsm_desktop.reports.fonts.FontSet`: Chinese
in the CJK font, digits and Latin in DejaVu Sans), and their labels are text a reader can search.
The look follows :mod:`qsm_desktop.reports.charts` (palette, sizes, quiet axes); the bank-wide
report and the window keep matplotlib.

Each flowable has ``drawWidth`` / ``drawHeight`` (points) like a platypus ``Image``, so
:func:`~qsm_desktop.reports.evaluation_pdf.tables.figure` and the trend/radar pair place it the same
way, and adds the seconds it spends drawing to a :class:`~qsm_desktop.reports.evaluation_pdf.page.ChartTimer`.
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence

from reportlab.lib import colors
from reportlab.platypus import Flowable

from qsm_desktop.reports import palette
from qsm_desktop.reports.evaluation_pdf.fonts import draw_text, text_width

NAVY = colors.HexColor(palette.NAVY)
GOLD = colors.HexColor(palette.GOLD)
LIGHT = colors.HexColor(palette.LIGHT)
GREY = colors.HexColor(palette.GREY)
SERIES = tuple(colors.HexColor(c) for c in palette.SERIES_COLOURS)
EDGE = colors.HexColor("#B8C0CC")
"""Axis lines and the radar's outer circle."""
TICK = colors.HexColor("#44505F")
INK = colors.HexColor("#2B3340")
GRID = colors.HexColor("#DDE2EA")

TICK_PT = 8.0
LABEL_PT = 8.5
LEGEND_PT = 8.0
VALUE_PT = 6.5
TICK_LEN = 3.5
"""Tick marks outside the axes, points (matplotlib's default length)."""


def nice_ticks(low: float, high: float, most: int = 9) -> list[float]:
    """Round tick values from ``low`` to ``high`` (both included when round), at most ``most`` of
    them, the step 1, 2, 2.5 or 5 times a power of ten (as matplotlib's ``MaxNLocator`` picks)."""
    span = high - low
    if span <= 0:
        return [low]
    base = 10 ** math.floor(math.log10(span / most))
    for mult in (1, 2, 2.5, 5, 10, 20):
        step = base * mult
        first = math.ceil(low / step - 1e-9) * step
        count = int(math.floor((high - first) / step + 1e-9)) + 1
        if count <= most:
            return [round(first + i * step, 10) for i in range(count)]
    return [low, high]  # pragma: no cover - the loop always ends above


def wrap(text: str, size: float, width: float) -> list[str]:
    """``text`` in lines at most ``width`` points wide at ``size`` points where it can break: at
    spaces (a word longer than the width keeps its line), or between any two characters of a
    Chinese text without spaces."""
    full = text_width(text, size)
    if full <= width or (" " not in text and not any(ord(ch) >= 0x2E80 for ch in text)):
        return [text]
    if " " not in text:  # Chinese: lines of even length (no character left alone on the last)
        per = math.ceil(len(text) / math.ceil(full / width))
        return [text[i:i + per] for i in range(0, len(text), per)]
    lines: list[str] = []
    for word in text.split(" "):
        if lines and text_width(lines[-1] + " " + word, size) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _tick_text(value: float) -> str:
    return f"{value:g}"


def _mix(colour: colors.Color, alpha: float) -> colors.Color:
    """``colour`` at ``alpha`` over white, as an opaque colour (no PDF transparency group)."""
    return colors.Color(1 - alpha * (1 - colour.red), 1 - alpha * (1 - colour.green), 1 - alpha * (1 - colour.blue))


def _centred(canv, x: float, y: float, text: str, size: float, align: str = "left", colour=INK) -> None:
    """One label whose middle (not baseline) is at ``y``."""
    draw_text(canv, x, y - size * 0.35, text, size, align=align, colour=colour)


class _Chart(Flowable):
    """A chart ``width`` × ``height`` points; subclasses draw in :meth:`paint`."""

    def __init__(self, width: float, height: float, timer=None) -> None:
        super().__init__()
        self.drawWidth = self.width = width
        self.drawHeight = self.height = height
        self.hAlign = "CENTER"
        self._timer = timer

    def wrap(self, available_width, available_height):  # noqa: D102 (platypus API)
        return self.width, self.height

    def draw(self) -> None:  # noqa: D102 (platypus API)
        start = time.perf_counter()
        canv = self.canv
        canv.saveState()
        canv.setLineCap(0)
        canv.setLineJoin(0)
        self.paint(canv)
        canv.restoreState()
        if self._timer is not None:
            self._timer.seconds += time.perf_counter() - start

    def paint(self, canv) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    @staticmethod
    def _legend(canv, entries: Sequence[tuple[str, object]], centre_x: float, y: float, size: float,
                per_row: int | None = None) -> None:
        """A legend row (or rows of ``per_row``) centred at ``centre_x``, first row's middle at
        ``y``; an entry is ``(label, draw_key(canv, x, y))`` with a key 14 points wide."""
        per_row = per_row or len(entries)
        for start in range(0, len(entries), per_row):
            row = entries[start:start + per_row]
            widths = [14 + 4 + text_width(label, size) for label, _key in row]
            total = sum(widths) + 14 * (len(row) - 1)
            x = centre_x - total / 2
            for (label, key), width in zip(row, widths, strict=True):
                key(canv, x, y)
                _centred(canv, x + 18, y, label, size)
                x += width + 14
            y -= size * 1.6


def _patch_key(colour):
    def key(canv, x, y):
        canv.setFillColor(colour)
        canv.rect(x, y - 3.5, 14, 7, stroke=0, fill=1)
    return key


def _line_key(colour, width: float, dashed: bool, marker: float):
    def key(canv, x, y):
        canv.setStrokeColor(colour)
        canv.setLineWidth(width)
        canv.setDash(_dash(width) if dashed else [])
        canv.line(x, y, x + 14, y)
        canv.setDash([])
        if marker:
            canv.setFillColor(colour)
            canv.circle(x + 7, y, marker / 2, stroke=0, fill=1)
    return key


def _dash(width: float) -> list[float]:
    return [3.7 * width, 1.6 * width]  # matplotlib's "--", scaled by the line width


class UnitBarsChart(_Chart):
    """A unit's points per indicator against its peers' average (与平均水平对比): per row a light
    bar of the indicator's weight (full points), the unit's bar (navy, its points written at its
    end) and the average's (gold); ``None`` draws no bar and no figure. The x axis runs from 0 to
    1.12 × the largest weight; the legend (weight, unit, average) is centred below."""

    def __init__(self, labels: Sequence[str], unit_points: Sequence[float | None],
                 average_points: Sequence[float | None], weights: Sequence[float], *, unit_label: str,
                 average_label: str, weight_label: str, xlabel: str, width: float, height: float,
                 timer=None) -> None:
        super().__init__(width, height, timer)
        self.labels, self.unit_points, self.average_points = list(labels), list(unit_points), list(average_points)
        self.weights = list(weights)
        self.unit_label, self.average_label, self.weight_label, self.xlabel = (
            unit_label, average_label, weight_label, xlabel)

    def paint(self, canv) -> None:  # noqa: D102
        rows = len(self.labels)
        left = max((text_width(t, TICK_PT) for t in self.labels), default=0.0) + TICK_LEN + 6
        right, top, bottom = 14.0, 6.0, 52.0
        plot_w, plot_h = self.width - left - right, self.height - top - bottom
        x_max = max([*self.weights, 1]) * 1.12
        band = plot_h / max(rows, 1)

        def px(value: float) -> float:
            return left + plot_w * max(0.0, min(value, x_max)) / x_max

        def py(row: int) -> float:  # the middle of row ``row`` (0 = the top one)
            return bottom + plot_h - band * (row + 0.5)

        ticks = nice_ticks(0.0, x_max)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.6)
        for t in ticks:
            canv.line(px(t), bottom, px(t), bottom + plot_h)
        for row in range(rows):
            y = py(row)
            canv.setFillColor(LIGHT)
            canv.rect(left, y - 0.39 * band, px(self.weights[row]) - left, 0.78 * band, stroke=0, fill=1)
            for value, colour, offset in ((self.unit_points[row], NAVY, 0.18), (self.average_points[row], GOLD, -0.18)):
                if value is not None and value > 0:
                    canv.setFillColor(colour)
                    canv.rect(left, y + (offset - 0.17) * band, px(value) - left, 0.34 * band, stroke=0, fill=1)
            value = self.unit_points[row]
            if value is not None:
                _centred(canv, px(value) + plot_w * 0.15 / x_max, y + 0.18 * band, f"{value:.2f}", VALUE_PT,
                         colour=NAVY)
        # axes: left and bottom lines, ticks outside, labels
        canv.setStrokeColor(EDGE)
        canv.setLineWidth(0.6)
        canv.line(left, bottom, left, bottom + plot_h)
        canv.line(left, bottom, left + plot_w, bottom)
        canv.setStrokeColor(TICK)
        for t in ticks:
            canv.line(px(t), bottom, px(t), bottom - TICK_LEN)
            draw_text(canv, px(t), bottom - TICK_LEN - 2 - TICK_PT * 0.75, _tick_text(t), TICK_PT, align="center",
                      colour=TICK)
        for row, label in enumerate(self.labels):
            canv.line(left, py(row), left - TICK_LEN, py(row))
            _centred(canv, left - TICK_LEN - 3, py(row), label, TICK_PT, align="right", colour=TICK)
        draw_text(canv, left + plot_w / 2, bottom - TICK_LEN - 4 - TICK_PT - LABEL_PT, self.xlabel, LABEL_PT,
                  align="center")
        self._legend(canv, [(self.weight_label, _patch_key(LIGHT)), (self.unit_label, _patch_key(NAVY)),
                            (self.average_label, _patch_key(GOLD))], self.width / 2, 7, LEGEND_PT)


class TrendChart(_Chart):
    """Totals over quarters (趋势): one line per series (the first solid and thicker, its last
    point's value written beside it; the others dashed), ``None`` leaves a gap; y from the tens
    below the lowest value to 100, horizontal grid lines, the legend at the lower left."""

    def __init__(self, periods: Sequence[str], series: Mapping[str, Sequence[float | None]], *, ylabel: str,
                 width: float, height: float, timer=None) -> None:
        super().__init__(width, height, timer)
        self.periods, self.series, self.ylabel = list(periods), dict(series), ylabel

    def paint(self, canv) -> None:  # noqa: D102
        present = [v for values in self.series.values() for v in values if v is not None]
        y_low = max(0.0, math.floor((min([100.0, *present]) - 10) / 10) * 10)
        left = text_width("100", TICK_PT) + TICK_LEN + 4 + LABEL_PT + 8
        right, top, bottom = 10.0, 8.0, 22.0
        plot_w, plot_h = self.width - left - right, self.height - top - bottom
        n = len(self.periods)
        x_low, x_high = -0.3, max(n - 0.7, 0.3)

        def px(i: float) -> float:
            return left + plot_w * (i - x_low) / (x_high - x_low)

        def py(v: float) -> float:
            return bottom + plot_h * (v - y_low) / (100 - y_low)

        ticks = nice_ticks(y_low, 100.0, 8)
        canv.setLineWidth(0.6)
        canv.setStrokeColor(GRID)
        for t in ticks:
            canv.line(left, py(t), left + plot_w, py(t))
        canv.setStrokeColor(EDGE)
        canv.line(left, bottom, left, bottom + plot_h)
        canv.line(left, bottom, left + plot_w, bottom)
        canv.setStrokeColor(TICK)
        for t in ticks:
            canv.line(left, py(t), left - TICK_LEN, py(t))
            _centred(canv, left - TICK_LEN - 2, py(t), _tick_text(t), TICK_PT, align="right", colour=TICK)
        for i, period in enumerate(self.periods):
            canv.line(px(i), bottom, px(i), bottom - TICK_LEN)
            draw_text(canv, px(i), bottom - TICK_LEN - 2 - TICK_PT * 0.75, period, TICK_PT, align="center",
                      colour=TICK)
        canv.saveState()
        canv.translate(8 + LABEL_PT * 0.75, bottom + plot_h / 2)
        canv.rotate(90)
        draw_text(canv, 0, 0, self.ylabel, LABEL_PT, align="center")
        canv.restoreState()
        keys = []
        ordered = list(self.series.items())
        for i, (label, values) in reversed(list(enumerate(ordered))):  # the first series on top
            colour = SERIES[i % len(SERIES)]
            width = 1.8 if i == 0 else 1.2
            canv.setStrokeColor(colour)
            canv.setFillColor(colour)
            canv.setLineWidth(width)
            canv.setDash([] if i == 0 else _dash(width))
            run: list[tuple[float, float]] = []
            for x, v in enumerate([*values, None]):
                if v is not None:
                    run.append((px(x), py(v)))
                    continue
                if len(run) > 1:
                    path = canv.beginPath()
                    path.moveTo(*run[0])
                    for point in run[1:]:
                        path.lineTo(*point)
                    canv.drawPath(path, stroke=1, fill=0)
                run = []
            canv.setDash([])
            for x, v in enumerate(values):
                if v is not None:
                    canv.circle(px(x), py(v), 1.75, stroke=0, fill=1)
            if i == 0 and values and values[-1] is not None:
                draw_text(canv, px(n - 1) + 4, py(values[-1]) + 4, f"{values[-1]:.2f}", 7, colour=colour)
            keys.insert(0, (label, _line_key(colour, width, i > 0, 3.5)))
        if keys:
            entries_w = sum(14 + 4 + text_width(label, LEGEND_PT) for label, _k in keys) + 14 * (len(keys) - 1)
            self._legend(canv, keys, left + 6 + entries_w / 2, bottom + 10, LEGEND_PT)


class RadarChart(_Chart):
    """Score rates on a radar (雷达图), percent 0–100 per axis, the first axis at the top and the
    others clockwise: circles at 20…100 (labelled between the first two axes), a spoke per axis
    named outside the circle, the first series solid with markers over a light fill, the others
    dashed; the legend below (one row if it fits, else one entry per row)."""

    def __init__(self, axes_labels: Sequence[str], series: Mapping[str, Sequence[float]], *, size: float,
                 timer=None, label_pt: float = 7.0) -> None:
        self.label_pt = label_pt
        keys_w = sum(14 + 4 + text_width(k, LEGEND_PT - 1) + 14 for k in series)
        self.per_row = len(series) if keys_w < size else 1
        legend_rows = 1 if self.per_row == len(series) or not series else len(series)
        super().__init__(size, size + (legend_rows - 1) * (LEGEND_PT - 1) * 1.6, timer)
        self.axes_labels, self.series = list(axes_labels), dict(series)

    def paint(self, canv) -> None:  # noqa: D102
        n = len(self.axes_labels)
        size = self.width
        angles = [2 * math.pi * i / n for i in range(n)]
        legend_h = 12 + (LEGEND_PT - 1) * 1.6 * (0 if self.per_row == len(self.series) else len(self.series) - 1)
        lead = self.label_pt * 1.2
        names = [wrap(t, self.label_pt, size * (0.25 if abs(math.sin(a)) > 0.3 else 0.6))  # beside / above
                 for t, a in zip(self.axes_labels, angles)]
        side = max((max(text_width(line, self.label_pt) for line in lines) * abs(math.sin(a))
                    for lines, a in zip(names, angles)), default=0.0)
        tall = max((len(lines) * lead * abs(math.cos(a)) for lines, a in zip(names, angles)), default=0.0)
        above = self.height - legend_h - 8  # the circle and its labels, centred above the legend
        radius = max(min((size - 2 * (side + 6)) / 2, (above - 2 * (tall + 6)) / 2), size * 0.15)
        cx, cy = size / 2, legend_h + 8 + above / 2

        def point(angle: float, rate: float) -> tuple[float, float]:
            r = radius * max(0.0, min(rate, 100.0)) / 100.0
            return cx + r * math.sin(angle), cy + r * math.cos(angle)

        ordered = list(self.series.items())
        if ordered:  # the first series' fill under the grid, as matplotlib draws it
            canv.setFillColor(_mix(SERIES[0], 0.15))
            self._polygon(canv, [point(a, v) for a, v in zip(angles, ordered[0][1])], stroke=0, fill=1)
        canv.setStrokeColor(GRID)
        canv.setLineWidth(0.6)
        for rate in (20, 40, 60, 80):
            canv.circle(cx, cy, radius * rate / 100, stroke=1, fill=0)
        for a in angles:
            canv.line(cx, cy, *point(a, 100))
        canv.setStrokeColor(EDGE)
        canv.circle(cx, cy, radius, stroke=1, fill=0)
        label_angle = math.pi / n if n else 0.0
        for rate in (20, 40, 60, 80, 100):
            x, y = point(label_angle, rate)
            _centred(canv, x, y, str(rate), 6 * self.label_pt / 8, align="center", colour=GREY)
        for lines, a in zip(names, angles):  # outside the circle: above, below or beside it
            x, y = point(a, 100)
            s, c = math.sin(a), math.cos(a)
            block = len(lines) * lead
            x += 5 * s
            y += 5 * c + (block / 2 if c > 0.3 else -block / 2 if c < -0.3 else 0)
            align = "left" if s > 0.3 else "right" if s < -0.3 else "center"
            for i, line in enumerate(lines):
                _centred(canv, x, y + (len(lines) - 1) / 2 * lead - i * lead, line, self.label_pt, align=align,
                         colour=TICK)
        keys = []
        for i, (label, values) in reversed(list(enumerate(ordered))):
            colour = SERIES[i % len(SERIES)]
            width = 1.6 if i == 0 else 1.1
            canv.setStrokeColor(colour)
            canv.setLineWidth(width)
            canv.setDash([] if i == 0 else _dash(width))
            points = [point(a, v) for a, v in zip(angles, values)]
            self._polygon(canv, points, stroke=1, fill=0)
            canv.setDash([])
            if i == 0:
                canv.setFillColor(colour)
                for x, y in points:
                    canv.circle(x, y, 1.5, stroke=0, fill=1)
            keys.insert(0, (label, _line_key(colour, width, i > 0, 3.0 if i == 0 else 0)))
        self._legend(canv, keys, size / 2, legend_h - 6, LEGEND_PT - 1, per_row=self.per_row)

    @staticmethod
    def _polygon(canv, points: Sequence[tuple[float, float]], stroke: int, fill: int) -> None:
        if not points:
            return
        path = canv.beginPath()
        path.moveTo(*points[0])
        for p in points[1:]:
            path.lineTo(*p)
        path.close()
        canv.drawPath(path, stroke=stroke, fill=fill)


__all__ = ["RadarChart", "TrendChart", "UnitBarsChart", "nice_ticks", "wrap"]
