"""The look of the evaluation reports (版式): colours, A4 page geometry, paragraph styles."""

from __future__ import annotations

import weakref

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph

from qsm_desktop.reports import palette
from qsm_desktop.reports.evaluation_pdf import fonts
from qsm_desktop.reports.evaluation_pdf.fonts import markup

NAVY = colors.HexColor(palette.NAVY)
GOLD = colors.HexColor(palette.GOLD)
INK = colors.HexColor("#2B3340")
MUTED = colors.HexColor("#6B7482")
RULE = colors.HexColor("#C9D0DA")
ZEBRA = colors.HexColor("#F4F6FA")
RED = colors.HexColor("#B23A48")
GREEN = colors.HexColor("#2E7D4F")
GRADE_FILL = {name: colors.HexColor(hexcode) for name, hexcode in palette.GRADE_COLOURS.items()}

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
CHART_DPI = 150


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles by name (``body``, ``h1``, ``cell``, ``cell_r`` …); fonts registered first."""
    base = ParagraphStyle("body", fontName=fonts.CJK_FONT, fontSize=9.5, leading=15, textColor=INK, wordWrap="CJK")
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=11, textColor=MUTED),
        "h1": ParagraphStyle("h1", parent=base, fontSize=14, leading=20, textColor=NAVY, spaceBefore=10,
                             spaceAfter=6),
        "caption": ParagraphStyle("caption", parent=base, fontSize=8.5, leading=12, textColor=MUTED,
                                  alignment=TA_CENTER, spaceBefore=2, spaceAfter=8),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8.5, leading=11.5),
        "cell_r": ParagraphStyle("cell_r", parent=base, fontSize=8.5, leading=11.5, alignment=TA_RIGHT),
        "cell_c": ParagraphStyle("cell_c", parent=base, fontSize=8.5, leading=11.5, alignment=TA_CENTER),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=7.5, leading=10, textColor=INK),
        "head": ParagraphStyle("head", parent=base, fontSize=8.5, leading=11, textColor=colors.white,
                               alignment=TA_CENTER),
        "cover_title": ParagraphStyle("cover_title", parent=base, fontSize=26, leading=36, textColor=NAVY,
                                      alignment=TA_LEFT),
        "cover_sub": ParagraphStyle("cover_sub", parent=base, fontSize=15, leading=22, textColor=INK),
        "cover_meta": ParagraphStyle("cover_meta", parent=base, fontSize=10.5, leading=17, textColor=MUTED),
        "kf_label": ParagraphStyle("kf_label", parent=base, fontSize=8, leading=10, textColor=MUTED,
                                   alignment=TA_CENTER),
        "kf_value": ParagraphStyle("kf_value", parent=base, fontSize=17, leading=22, textColor=NAVY,
                                   alignment=TA_CENTER),
        "notice": ParagraphStyle("notice", parent=base, fontSize=9, leading=13, textColor=INK,
                                 backColor=colors.HexColor("#FBF1D6"), borderPadding=(5, 6, 5, 6),
                                 spaceBefore=4, spaceAfter=8),
    }


def has_chinese(text: str) -> bool:
    """Whether ``text`` holds a Chinese character or CJK punctuation / full-width form (（）：)."""
    return any("\u2e80" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\uff00" <= ch <= "\uffef"
               for ch in text)


_WORD_WRAPPED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def word_wrapped(text: str, style: ParagraphStyle) -> ParagraphStyle:
    """The style for ``text``: the styles wrap as Chinese does, between any two characters, which
    breaks English inside its words ("Weigh / t", "Needs impro / vement"); a text without Chinese
    gets a copy of ``style`` that wraps between words (made once per style)."""
    if getattr(style, "wordWrap", None) != "CJK" or has_chinese(text):
        return style
    latin = _WORD_WRAPPED.get(style)
    if latin is None:
        latin = _WORD_WRAPPED[style] = ParagraphStyle(f"{style.name}_words", parent=style, wordWrap=None)
    return latin


def para(text: str, style: ParagraphStyle, bold_latin: bool = False) -> Paragraph:
    """A paragraph of ``text`` (escaped, Latin runs in the Latin font; bold figures with ``bold_latin``);
    a text without Chinese wraps between words (:func:`word_wrapped`)."""
    return Paragraph(markup(text, bold_latin), word_wrapped(text, style))


__all__ = [
    "CHART_DPI", "FRAME_W", "GOLD", "GRADE_FILL", "GREEN", "INK", "MARGIN_BOTTOM", "MARGIN_TOP", "MARGIN_X",
    "MUTED", "NAVY", "PAGE_H", "PAGE_W", "RED", "RULE", "ZEBRA", "has_chinese", "para", "styles", "word_wrapped",
]
