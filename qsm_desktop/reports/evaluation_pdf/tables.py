"""Tables and blocks the evaluation reports share (表格): data tables with repeated headers, cells for
grades, ranks and changes, sections that never strand their heading, figures, key figures."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, Image, KeepTogether, Paragraph, Table, TableStyle

from qsm_desktop.domain.names import shown
from qsm_desktop.domain.indicators import UnitScore
from qsm_desktop.reports.evaluation_pdf import fonts
from qsm_desktop.reports.evaluation_pdf.fonts import markup
from qsm_desktop.reports.evaluation_pdf.look import (
    FRAME_W,
    GRADE_FILL,
    NAVY,
    RULE,
    ZEBRA,
    has_chinese,
    para,
    word_wrapped,
)
from qsm_desktop.reports.evaluation_pdf.text import change_colour, signed, tr


def data_table(rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1,
           extra: Sequence[tuple] = (), zebra: bool = True) -> Table:
    """A table of ``rows`` (the first ``header_rows`` navy, repeated on every page), zebra striped
    unless ``zebra`` is false, with ``extra`` style commands; ``widths`` in points, widened where a
    cell's English word would break (:func:`fit_words`)."""
    widths = fit_words(rows, widths)
    rows = _shrink_long_words(rows, widths)
    table = Table(rows, colWidths=widths, repeatRows=header_rows, hAlign="LEFT")
    style: list[tuple] = [
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), NAVY),
        ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN_FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, header_rows - 1), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        for r in range(header_rows, len(rows)):
            if (r - header_rows) % 2 == 1:
                style.append(("BACKGROUND", (0, r), (-1, r), ZEBRA))
    style.extend(extra)
    table.setStyle(TableStyle(style))
    return table


def _is_word(token: str) -> bool:
    """Whether ``token`` is an English word that must not break (it has a Latin letter and no Chinese);
    a figure (96.00, 100.00%, 2007Q4 …) asks for no room: the columns were planned for their figures,
    and widening them took the room from the Chinese names beside them."""
    return not has_chinese(token) and any("a" <= ch.lower() <= "z" for ch in token) and not token[:1].isdigit()


_CELL_PADDING = 8.5
"""Left and right padding of a table cell (4 + 4 points) and half a point to spare."""


def fit_words(rows: Sequence[Sequence[object]], widths: Sequence[float]) -> list[float]:
    """``widths`` (points) with every column at least as wide as the longest Latin word of its
    paragraph cells (English wraps between words, never inside one: "Weight", not "Weigh / t";
    "improvement", not "improv / ement"), a word counted up to a third of the table; the room is
    taken from the other columns in proportion to what they can spare (down to their own longest
    word and 70 % of their planned width), so the table keeps its total width — a deficit larger
    than that is covered in part. Chinese text wraps between characters and asks for nothing."""
    widths = [float(w) for w in widths]
    cap = sum(widths) / 3
    need = [0.0] * len(widths)
    figures = [0.0] * len(widths)  # the widest figure of each column: it gives no room below that
    for row in rows:
        for i, cell in enumerate(row[:len(widths)]):
            if isinstance(cell, Paragraph):
                size = cell.style.fontSize
                tokens = cell.getPlainText().split() if cell.style.wordWrap is None else []
                words = [w for w in tokens if _is_word(w)]
                need[i] = max([need[i]] + [min(cap, fonts.text_width(w, size, True) + _CELL_PADDING) for w in words])
                figures[i] = max([figures[i]] + [min(cap, fonts.text_width(w, size, False) + _CELL_PADDING)
                                                 for w in tokens if w[:1].isdigit() and not has_chinese(w)])
    short = {i: need[i] - w for i, w in enumerate(widths) if need[i] > w}
    if not short:
        return widths
    # what the other columns can spare: down to their own longest word, and to no less than 70 % of
    # their planned width (a column of Chinese names must not become a sliver)
    # (and never below its widest figure: the English ranking's unit codes were set small to fit)
    spare = {j: max(0.0, w - max(need[j], figures[j], 0.7 * w)) for j, w in enumerate(widths) if j not in short}
    wanted, available = sum(short.values()), sum(spare.values())
    if available <= 0:
        return widths
    share = min(1.0, available / wanted)  # a deficit the table cannot cover is covered in part
    given = wanted * share
    for i, deficit in short.items():
        widths[i] += deficit * share
    for j, room in spare.items():
        widths[j] -= given * room / available
    return widths


def _shrink_long_words(rows: Sequence[Sequence[object]], widths: Sequence[float]) -> list[list[object]]:
    """``rows`` with each English paragraph whose longest word is still wider than its column (a
    crowded table that :func:`fit_words` could widen only in part) set in a smaller size that fits,
    down to 6 points — rather smaller than broken inside the word."""
    out = []
    for row in rows:
        cells = list(row)
        for i, cell in enumerate(cells[:len(widths)]):
            if isinstance(cell, Paragraph) and cell.style.wordWrap is None:
                style = _scaled_to_fit(cell.style, cell.getPlainText(), widths[i] - _CELL_PADDING, 6.0, "small")
                if style is not cell.style:
                    cells[i] = Paragraph(cell.text, style)
        out.append(cells)
    return out


def head_row(texts: Sequence[str], st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    """Header cells of ``texts`` (an English title wraps between words, never inside one)."""
    return [para(t, st["head"]) for t in texts]


def grade_cell(unit: UnitScore, st, lang: str) -> Paragraph:
    """The unit's grade, or 未评级 / no grade."""
    return para(shown(unit.grade, language=lang) if unit.grade else tr("report.eval.ungraded", lang), st["cell_c"])


def rank_text(unit: UnitScore, lang: str) -> str:
    """The unit's rank, or 未排名 / not ranked."""
    return str(unit.rank) if unit.rank is not None else tr("report.eval.unranked", lang)


def change_cell(change: float | None, st) -> Paragraph:
    """A change with its sign, coloured (green up, red down)."""
    return Paragraph(f'<font color="{change_colour(change)}">{markup(signed(change))}</font>', st["cell_r"])


def section(title: str, st, *flowables: Flowable, need: float | None = None) -> list[Flowable]:
    """A heading that never stands alone at the foot of a page: break first unless ``need`` points
    (default: the first flowable's height when it is a figure, else 60 mm) fit below it."""
    head = para(title, st["h1"])
    if need is None:
        first = flowables[0] if flowables else None
        need = getattr(first, "qsm_height", None) or 60 * mm
    return [CondPageBreak(need + 30), head, *flowables]


def figure(image: Image, caption: str | None, st) -> Flowable:
    """An image kept together with its caption; ``qsm_height`` tells :func:`_section` its height."""
    parts: list[Flowable] = [image]
    if caption:
        parts.append(para(caption, st["caption"]))
    block = KeepTogether(parts) if caption else image
    block.qsm_height = image.drawHeight + (22 if caption else 0)  # type: ignore[attr-defined]
    return block


def key_figures(items: Sequence[tuple[str, str]], st, width: float = FRAME_W) -> Table:
    """A row of boxed key figures ``(label, value)``, ``width`` points wide in all."""
    room = width / len(items) - 12  # the cell less its padding (6 + 6 points)
    cells = [[para(v, _fitting(v, st["kf_value"], room), bold_latin=True) for _, v in items],
             [para(k, st["kf_label"]) for k, _ in items]]
    table = Table(cells, colWidths=[width / len(items)] * len(items), hAlign="LEFT")
    table.setStyle(TableStyle([
        ("FONTNAME", (0, 0), (-1, -1), fonts.LATIN_FONT),
        ("BOX", (0, 0), (-1, -1), 0.6, RULE),
        ("LINEBEFORE", (1, 0), (-1, -1), 0.4, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F7F9FC")),
        ("TOPPADDING", (0, 0), (-1, 0), 7),
        ("BOTTOMPADDING", (0, -1), (-1, -1), 7),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]))
    return table


def _fitting(text: str, style: ParagraphStyle, room: float) -> ParagraphStyle:
    """``style``, or a smaller copy when a Latin word of ``text`` is wider than ``room`` points (a key
    figure such as "Needs improvement" stays whole instead of breaking inside a word)."""
    return _scaled_to_fit(word_wrapped(text, style), text, room, 8.0, "fit")


def _scaled_to_fit(style: ParagraphStyle, text: str, room: float, smallest: float, suffix: str) -> ParagraphStyle:
    """``style`` itself when the widest Latin word of ``text`` fits in ``room`` points (or ``room`` is
    not positive); else a copy set smaller so that it fits, down to ``smallest`` points, its leading
    scaled alike (shared by table cells and key figures)."""
    widest = max((fonts.text_width(w, style.fontSize, True) for w in text.split() if not has_chinese(w)), default=0.0)
    if widest <= room or room <= 0:
        return style
    size = max(smallest, style.fontSize * room / widest)
    return ParagraphStyle(f"{style.name}_{suffix}", parent=style, fontSize=size,
                          leading=size * style.leading / style.fontSize)


def grade_extra(units: Sequence[UnitScore], column: int, header_rows: int = 1) -> list[tuple]:
    """Style commands tinting each unit's grade cell in ``column`` by its band."""
    return [("BACKGROUND", (column, header_rows + i), (column, header_rows + i), GRADE_FILL[u.grade])
            for i, u in enumerate(units) if u.grade in GRADE_FILL]


__all__ = ["change_cell", "data_table", "figure", "fit_words", "grade_cell", "grade_extra", "head_row", "key_figures", "rank_text",
           "section"]
