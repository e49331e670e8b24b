"""Text runs of a certificate line (文字排版): the Chinese font and its Latin fallback, Chinese
quotation marks set in full-width cells, widths, and line breaking with Chinese punctuation rules.

Pure measuring with reportlab's font metrics; nothing is drawn here. Source: DESIGN.md §5.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from qsm_desktop.reports.fonts import FontSet


@dataclass(frozen=True)
class PlacedText:
    """One line as laid out: ``part`` (title, unit, wording, issuer, date, number), the text, the
    baseline's left end (points from the bottom-left corner), size, width (points) and the extra
    character spacing used to justify or letter-space it."""

    part: str
    text: str
    x: float
    y: float
    size: float
    width: float
    char_space: float = 0.0
    color: str = "#000000"
    bold: bool = False
    #: (font, run, offset from ``x`` in points): the Chinese font and its Latin fallback
    runs: tuple[tuple[str, str, float], ...] = ()


_NO_LINE_START = set("，。、；：！？）》」』】〕”’…—%,.;:!?)]}")
_NO_LINE_END = set("（《「『【〔“‘([{")
_TOKENS = re.compile(r"[A-Za-z0-9][A-Za-z0-9.\-/%]*|.", re.S)


@lru_cache(maxsize=4096)
def text_width(fonts: FontSet, text: str, size: float) -> float:
    """Width in points of ``text`` set at ``size`` points in ``fonts`` (cached)."""
    return _line(fonts, text, size, 0.0)[1]


@lru_cache(maxsize=4096)
def _line(fonts: FontSet, text: str, size: float, char_space: float) -> tuple[tuple[tuple[str, str, float], ...], float]:
    """A line's runs with their offsets, and its width (points), with ``char_space`` after every
    character but the last (cached: a batch repeats most lines)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    runs: list[tuple[str, str, float]] = []
    x = 0.0
    for font, run in fonts.runs(text):
        if font == fonts.latin and _QUOTES.search(run) and not text.isascii():
            # Chinese text quotes with “ ” ‘ ’, which the bundled Chinese font lacks: the Latin
            # glyph sits in a full-width cell as a Chinese font sets it — an opening quote at
            # the cell's right edge, a closing one at its left — instead of cramping the text
            for piece in _QUOTES.split(run):
                if not piece:
                    continue
                if piece in _OPENING:
                    runs.append((font, piece, x + size - stringWidth(piece, font, size)))
                    x += size + char_space
                elif piece in _CLOSING:
                    runs.append((font, piece, x))
                    x += size + char_space
                else:
                    runs.append((font, piece, x))
                    x += stringWidth(piece, font, size) + char_space * len(piece)
            continue
        runs.append((font, run, x))
        x += stringWidth(run, font, size) + char_space * len(run)
    return tuple(runs), (x - char_space if text else 0.0)


_OPENING, _CLOSING = "“‘", "”’"
_QUOTES = re.compile("([“”‘’])")


def placed_text(part: str, text: str, x: float, y: float, size: float, fonts: FontSet, color: str,
                char_space: float = 0.0, bold: bool = False) -> PlacedText:
    """A :class:`PlacedText` for ``text`` of ``part`` with its baseline's left end at ``x``/``y`` (points
    from the bottom-left corner), its font runs and width measured."""
    runs, width = _line(fonts, text, size, char_space)
    return PlacedText(part, text, x, y, size, width, char_space, color, bold, runs)


@lru_cache(maxsize=256)
def wrap_paragraph(text: str, fonts: FontSet, size: float, width: float, indent: float) -> tuple[tuple[str, float], ...]:
    """Break one paragraph into lines of at most ``width`` points (the first ``indent`` narrower):
    Chinese breaks between characters, Latin words and numbers stay whole, closing punctuation
    never starts a line (it hangs) and opening punctuation never ends one. Returns (line, width)."""
    lines: list[tuple[str, float]] = []
    current: list[str] = []
    current_width = 0.0
    limit = width - indent
    for token in _TOKENS.findall(text):
        token_width = text_width(fonts, token, size)
        if current and current_width + token_width > limit and token not in _NO_LINE_START:
            carried: list[str] = []
            while current and current[-1] in _NO_LINE_END:
                carried.insert(0, current.pop())
            line = "".join(current)
            lines.append((line, text_width(fonts, line, size)))
            current = carried
            current_width = sum(text_width(fonts, t, size) for t in carried)
            limit = width
        current.append(token)
        current_width += token_width
    if current:
        line = "".join(current)
        lines.append((line, text_width(fonts, line, size)))
    return tuple(lines)
