"""Fonts (字体): Chinese must be drawn, never boxes — in the window and in its charts.

The bundled TrueType CJK font (:func:`qsm_desktop.paths.bundled_font`, Droid Sans Fallback,
Apache-2.0) is always registered with ``QFontDatabase.addApplicationFont``. The application font
is the platform's UI font followed by a CJK family, so Latin text keeps the native look and every
Chinese glyph comes from the CJK family:

- a system CJK UI font when one exists (微软雅黑 on Windows, PingFang on macOS, Noto/WenQuanYi on
  Linux);
- otherwise the bundled font — and always under the ``offscreen`` platform (tests, ``--screenshot``),
  so pictures look the same on every machine.

matplotlib charts use the same CJK font (added to its font manager) after DejaVu Sans, and
``axes.unicode_minus = False`` because CJK fonts lack U+2212 (the minus sign would be a box):
:func:`configure_matplotlib`, applied when the first chart is created (matplotlib is imported
only then, after the window's first paint).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from qsm_desktop import paths

log = logging.getLogger(__name__)

SYSTEM_CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "SimHei", "SimSun",
)
"""System CJK families preferred over the bundled font on a real desktop, best first."""

SAMPLE_CHINESE = "持证上岗服务质量"


@dataclass(frozen=True)
class FontChoice:
    """The fonts chosen at start-up: ``cjk_family`` draws Chinese; ``bundled`` tells where it came from."""

    ui_family: str
    cjk_family: str
    bundled: bool
    bundled_family: str


_choice: FontChoice | None = None


def register_bundled_font() -> str:
    """Register the bundled CJK font with Qt and return its family name (``""`` on failure)."""
    font_id = QFontDatabase.addApplicationFont(str(paths.bundled_font()))
    if font_id < 0:
        log.error("could not load the bundled font %s", paths.bundled_font())
        return ""
    families = QFontDatabase.applicationFontFamilies(font_id)
    return families[0] if families else ""


def system_cjk_family() -> str:
    """The best installed CJK family from :data:`SYSTEM_CJK_FAMILIES`, or ``""``."""
    installed = set(QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese))
    for family in SYSTEM_CJK_FAMILIES:
        if family in installed:
            return family
    return ""


def install_fonts(app: QGuiApplication, *, force_bundled: bool | None = None) -> FontChoice:
    """Register the bundled font and set the application font (see the module docstring).

    ``force_bundled``: None → bundled under the offscreen platform or when no system CJK font
    exists. Returns the :class:`FontChoice` (also kept for :func:`font_choice`).
    """
    global _choice
    bundled_family = register_bundled_font()
    if force_bundled is None:
        force_bundled = app.platformName() == "offscreen"
    cjk = "" if force_bundled else system_cjk_family()
    use_bundled = not cjk
    if use_bundled:
        cjk = bundled_family
    font = QFont(app.font())
    ui_family = font.family()
    if app.platformName() == "offscreen" or not ui_family:
        ui_family = "DejaVu Sans" if "DejaVu Sans" in QFontDatabase.families() else ui_family
    families = [f for f in (ui_family, cjk) if f]
    font.setFamilies(families)
    if font.pointSizeF() < 9.5:
        font.setPointSizeF(9.5)
    app.setFont(font)
    _choice = FontChoice(ui_family=ui_family, cjk_family=cjk, bundled=use_bundled, bundled_family=bundled_family)
    log.info("fonts: %s", _choice)
    return _choice


def font_choice() -> FontChoice | None:
    """What :func:`install_fonts` chose (None before it ran)."""
    return _choice


def configure_matplotlib() -> str:
    """Make matplotlib draw Chinese with the bundled font and a plain hyphen-minus; returns the CJK family.

    Uses the reports layer's font registration (:func:`qsm_desktop.reports.charts.cjk_family`,
    family list ``[DejaVu Sans, <CJK>]`` with per-glyph fallback) so window charts and PDF charts
    agree. Set globally because an embedded canvas draws whenever Qt paints it, outside any
    ``rc_context``.
    """
    import matplotlib

    from qsm_desktop.reports.charts import LATIN_FAMILY, cjk_family

    family = cjk_family()
    latin = LATIN_FAMILY
    matplotlib.rcParams["font.family"] = [latin, family]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return family
