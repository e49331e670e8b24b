"""The reports' palette (报告配色): one restrained set of colours (hex strings) shared by the
matplotlib charts (:mod:`qsm_desktop.reports.charts`), the PDF layout and the charts drawn straight
into the unit reports — kept apart from :mod:`.charts` so that a PDF builder can use the colours
without importing matplotlib."""

from __future__ import annotations

NAVY = "#1F3B73"
TEAL = "#2A9D8F"
GOLD = "#C9A227"
GREY = "#8A94A6"
LIGHT = "#E8ECF3"
RED = "#B23A48"
SERIES_COLOURS = (NAVY, GOLD, TEAL, GREY, RED, "#6C5B7B")
GRADE_COLOURS = {"优秀": "#DCEFE3", "良好": "#DDE8F6", "合格": "#FBF1D6", "待改进": "#F6DEDE"}
"""Light background tint per grade band name (other names fall back to grey tints)."""

__all__ = ["GOLD", "GRADE_COLOURS", "GREY", "LIGHT", "NAVY", "RED", "SERIES_COLOURS", "TEAL"]
