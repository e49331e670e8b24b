"""Fonts made for tests: a tiny OpenType font with CFF (PostScript) outlines, like Noto CJK.

No CFF CJK font is installed on these machines (fonts-noto-cjk is not), so the refusal tests
build one with fontTools (a matplotlib dependency); they skip, with that reason, without it.
"""

from __future__ import annotations

from pathlib import Path

import pytest


def make_cff_font(path: Path) -> Path:
    """Write a one-glyph (荣) OpenType/CFF font to ``path`` and return it."""
    fontbuilder = pytest.importorskip("fontTools.fontBuilder", reason="fontTools is needed to build a CFF font")
    from fontTools.pens.t2CharStringPen import T2CharStringPen

    def box() -> object:
        pen = T2CharStringPen(600, None)
        pen.moveTo((50, 0))
        pen.lineTo((50, 700))
        pen.lineTo((550, 700))
        pen.lineTo((550, 0))
        pen.closePath()
        return pen.getCharString()

    fb = fontbuilder.FontBuilder(1000, isTTF=False)
    fb.setupGlyphOrder([".notdef", "uni8363"])
    fb.setupCharacterMap({0x8363: "uni8363"})
    fb.setupCFF("TinyCFF-Regular", {"FullName": "Tiny CFF"}, {".notdef": box(), "uni8363": box()}, {})
    fb.setupHorizontalMetrics({".notdef": (600, 50), "uni8363": (600, 50)})
    fb.setupHorizontalHeader(ascent=800, descent=-200)
    fb.setupNameTable({"familyName": "Tiny CFF", "styleName": "Regular"})
    fb.setupOS2(sTypoAscender=800, usWinAscent=800, usWinDescent=200)
    fb.setupPost()
    fb.save(str(path))
    return path
