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
from qsm_desktop.reports.evaluation_pdf.look import FRAME_W, GRADE_FILL, NAVY, RULE, ZEBRA, para
from qsm_desktop.reports.evaluation_pdf.text import change_colour, signed, tr


def data_table(rows: list[list[object]], widths: Sequence[float], *, header_rows: int = 1,
           extra: Sequence[tuple] = (), zebra: bool = True) -> Table:
    """A table of ``rows`` (the first ``header_rows`` navy, repeated on every page), zebra striped
    unless ``zebra`` is false, with ``extra`` style commands."""
    table = Table(rows, colWidths=list(widths), repeatRows=header_rows, hAlign="LEFT")
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


def head_row(texts: Sequence[str], st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    """Header cells of ``texts``."""
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
    cells = [[para(v, st["kf_value"], bold_latin=True) for _, v in items], [para(k, st["kf_label"]) for k, _ in items]]
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


def grade_extra(units: Sequence[UnitScore], column: int, header_rows: int = 1) -> list[tuple]:
    """Style commands tinting each unit's grade cell in ``column`` by its band."""
    return [("BACKGROUND", (column, header_rows + i), (column, header_rows + i), GRADE_FILL[u.grade])
            for i, u in enumerate(units) if u.grade in GRADE_FILL]


__all__ = ["change_cell", "data_table", "figure", "grade_cell", "grade_extra", "head_row", "key_figures", "rank_text",
           "section"]
