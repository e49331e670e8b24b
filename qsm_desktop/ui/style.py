"""Look of the window (界面风格): Fusion with a light, calm palette and a small style sheet.

Office software for a bank: white work areas, a pale grey-blue navigation column, one dark
blue accent, green / amber / red used only for meaning (at or above target / within 5 points /
below target). Colours are kept here so pages and charts agree.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleFactory, QStyleOptionHeader

from qsm_desktop import paths

ACCENT = "#1f4e79"
ACCENT_LIGHT = "#dbe7f3"
NAV_BG = "#eef2f6"
BORDER = "#d5dbe1"
TEXT = "#1f2933"
MUTED = "#5f6b7a"

GOOD = "#2e7d32"        # at or above target
GOOD_BG = "#e3f1e4"
WARN = "#9a6700"        # within 5 points below target
WARN_BG = "#fdf1d6"
BAD = "#b3261e"         # more than 5 points below target
BAD_BG = "#fbe3e1"
NEUTRAL_BG = "#f3f5f7"

CHART_COLOURS = ("#1f4e79", "#5b8db8", "#9dbad5", "#c9a227", "#7a8b99")

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: #ffffff; }}
QListWidget#navigation {{
    background: {NAV_BG}; border: none; border-right: 1px solid {BORDER};
    padding-top: 8px; outline: 0; font-size: 10.5pt;
}}
QListWidget#navigation::item {{ padding: 9px 10px; margin: 1px 6px; border-radius: 5px; color: {TEXT}; }}
QListWidget#navigation::item:hover {{ background: #e2e8ef; }}
QListWidget#navigation::item:selected {{ background: {ACCENT}; color: #ffffff; }}
QToolBar#scopeBar {{ background: #ffffff; border: none; border-bottom: 1px solid {BORDER}; spacing: 8px; padding: 4px 8px; }}
QLabel#brand {{ font-size: 11.5pt; font-weight: bold; color: {ACCENT}; padding: 0 12px 0 4px; }}
QLabel#pageTitle {{ font-size: 15pt; font-weight: bold; color: {TEXT}; }}
QLabel#pageSubtitle {{ color: {MUTED}; }}
QScrollArea#pageScroll, QWidget#pageBody {{ background: transparent; border: none; }}
QLabel#sectionTitle {{ font-size: 11pt; font-weight: bold; color: {TEXT}; padding-top: 6px; }}
QLabel#hint {{ color: {MUTED}; }}
QFrame#card {{ background: #ffffff; border: 1px solid {BORDER}; border-radius: 6px; }}
QLabel#cardValue {{ font-size: 18pt; font-weight: bold; color: {ACCENT}; }}
QLabel#cardLabel {{ color: {MUTED}; }}
QFrame#dropZone {{ border: 2px dashed #9fb3c8; border-radius: 8px; background: #f7f9fb; }}
QFrame#dropZone[active="true"] {{ border-color: {ACCENT}; background: {ACCENT_LIGHT}; }}
QTableView, QTreeView {{
    border: 1px solid {BORDER}; gridline-color: #e6eaee; selection-background-color: {ACCENT_LIGHT};
    selection-color: {TEXT}; alternate-background-color: #f8fafb;
}}
QTreeView#orgTree::item {{ min-height: 24px; }}
QHeaderView::section {{
    background: #f3f5f7; border: none; border-right: 1px solid #e3e7eb; border-bottom: 1px solid {BORDER};
    padding: 5px 6px; font-weight: bold; color: #3a4653;
}}
QToolButton#unitSelector {{ border: 1px solid {BORDER}; border-radius: 4px; padding: 4px 22px 4px 8px; background: #ffffff; }}
QToolButton#unitSelector::menu-indicator {{ subcontrol-origin: padding; subcontrol-position: right center; right: 6px; }}
QToolButton#unitSelector:hover {{ border-color: {ACCENT}; }}
QPushButton {{ padding: 5px 14px; border: 1px solid #b8c2cc; border-radius: 4px; background: #ffffff; }}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:default, QPushButton#primary {{ background: {ACCENT}; color: #ffffff; border-color: {ACCENT}; }}
QPushButton:disabled, QPushButton#primary:disabled {{ color: #9aa5b1; border-color: #dde2e7; background: #f7f8f9; }}
QStatusBar {{ background: {NAV_BG}; border-top: 1px solid {BORDER}; color: #3a4653; }}
QStatusBar QLabel {{ padding: 0 10px; }}
QGroupBox {{ font-weight: bold; border: 1px solid {BORDER}; border-radius: 6px; margin-top: 10px; padding-top: 8px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""


ICON_STROKE = "#34495e"


def icon(name: str, *, white: bool = False) -> QIcon:
    """A bundled icon ``resources/icons/<name>.svg`` (empty icon when missing).

    Rendered to pixmaps (24 and 48 px); the *selected* mode is the same drawing in white, for the
    dark selection of the navigation list. ``white``: white in every mode (dark buttons).
    """
    path = paths.resource("icons", f"{name}.svg")
    if not path.exists():
        return QIcon()
    data = path.read_bytes()
    if white:
        data = data.replace(ICON_STROKE.encode(), b"#ffffff")
    result = QIcon()
    for mode, svg in ((QIcon.Mode.Normal, data), (QIcon.Mode.Selected, data.replace(ICON_STROKE.encode(), b"#ffffff"))):
        for size in (24, 48):
            pixmap = QPixmap()
            sized = svg.replace(b'width="24" height="24"', f'width="{size}" height="{size}"'.encode(), 1)
            if pixmap.loadFromData(sized, "SVG"):
                result.addPixmap(pixmap, mode)
    return result


class SortArrowStyle(QProxyStyle):
    """Fusion with the sort arrow of a column header pointing as in Explorer and Excel: up for
    ascending (A→Z, oldest first), down for descending (newest first). Qt draws them the other
    way round, so the audit trail's "newest first" showed an ascending arrow (issue 14)."""

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802 - Qt override
        if element == QStyle.PrimitiveElement.PE_IndicatorHeaderArrow and isinstance(option, QStyleOptionHeader):
            swapped = QStyleOptionHeader(option)
            up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
            if option.sortIndicator == up:
                swapped.sortIndicator = down
            elif option.sortIndicator == down:
                swapped.sortIndicator = up
            option = swapped
        super().drawPrimitive(element, option, painter, widget)


def apply_style(app: QApplication) -> None:
    """Fusion style (sort arrows as :class:`SortArrowStyle` draws them), a light palette and the style sheet above."""
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(SortArrowStyle(fusion))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8fafb"))
    palette.setColor(QPalette.ColorRole.Text, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Button, QColor("#f5f7f9"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor(TEXT))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a96a3"))
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#9aa5b1"))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor("#f5f7f9"))
    app.setPalette(palette)
    app.setStyleSheet(STYLE_SHEET)
    app.setWindowIcon(icon("app"))


def rate_colours(rate: float | None, target: float | None) -> tuple[str | None, str | None]:
    """(foreground, background) for a rate against its target: ≥ target green; within 5 points
    below amber; further below red; no rate or no target → neutral (issue 3 §2 持证率)."""
    if rate is None or target is None:
        return None, None
    if rate >= target:
        return GOOD, GOOD_BG
    if rate >= target - 5:
        return WARN, WARN_BG
    return BAD, BAD_BG
