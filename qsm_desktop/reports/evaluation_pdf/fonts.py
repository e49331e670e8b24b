"""Fonts of the evaluation reports (报告字体): the shared :class:`~qsm_desktop.reports.fonts.FontSet`.

The bundled Droid Sans Fallback (TrueType, CJK only — it has **no Latin letters or digits**) is
embedded as a subset, every text split into runs, and the characters the CJK font lacks (digits,
Latin, ``%``, ``–``, ``≥``…) set in DejaVu Sans (bold DejaVu Sans for emphasised figures),
embedded the same way.
"""

from __future__ import annotations

import threading

from reportlab.lib import colors
from reportlab.pdfgen import canvas as pdfcanvas

from qsm_desktop.reports.fonts import FontSet, latin_fallback_font, pdf_fonts

CJK_FONT = ""
LATIN_FONT = ""
LATIN_BOLD = ""
"""reportlab font names, set by :func:`register_fonts` from the shared :class:`FontSet` (read them
as ``fonts.LATIN_FONT`` after registering: a name imported before is still empty)."""
_font_lock = threading.Lock()
_font_sets: tuple[FontSet, FontSet] | None = None


def register_fonts() -> tuple[FontSet, FontSet]:
    """The shared font sets (bundled CJK TrueType + DejaVu Sans regular, and + DejaVu Sans Bold for
    bold figures), registered once; sets :data:`CJK_FONT`, :data:`LATIN_FONT`, :data:`LATIN_BOLD`."""
    global _font_sets, CJK_FONT, LATIN_FONT, LATIN_BOLD
    with _font_lock:
        if _font_sets is None:
            regular = pdf_fonts()
            bold_path = latin_fallback_font().with_name("DejaVuSans-Bold.ttf")
            bold = pdf_fonts(latin_path=bold_path) if bold_path.is_file() else regular
            CJK_FONT, LATIN_FONT, LATIN_BOLD = regular.cjk, regular.latin, bold.latin
            _font_sets = (regular, bold)
    return _font_sets


def font_set(bold_latin: bool = False) -> FontSet:
    """The registered font set: regular, or with bold Latin figures (``bold_latin``)."""
    regular, bold = register_fonts()
    return bold if bold_latin else regular


def markup(text: str, bold_latin: bool = False) -> str:
    """Paragraph markup for ``text`` (XML-escaped) with the runs the CJK font lacks (digits, Latin)
    in the Latin font (bold with ``bold_latin``); newlines become ``<br/>``."""
    return font_set(bold_latin).markup(text).replace("\n", "<br/>")


def text_width(text: str, size: float, bold_latin: bool = False) -> float:
    """The width of ``text`` in points at ``size``, each run in its font."""
    return font_set(bold_latin).string_width(text, size)


def draw_text(c: pdfcanvas.Canvas, x: float, y: float, text: str, size: float, align: str = "left",
              colour: colors.Color = colors.black, bold_latin: bool = False) -> None:
    """Draw one line of mixed CJK/Latin text on a canvas (``align`` left/center/right at ``x``),
    as one text object so the line extracts as one line."""
    c.setFillColor(colour)
    font_set(bold_latin).draw_string(c, x, y, text, size, align=align)


__all__ = ["CJK_FONT", "LATIN_BOLD", "LATIN_FONT", "draw_text", "font_set", "markup", "register_fonts", "text_width"]
