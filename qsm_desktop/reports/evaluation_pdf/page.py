"""Page furniture of the evaluation reports (页面): the document, the cover, page numbers, chart images.

Every page but the cover carries "第 N 页 / 共 M 页" (known only once the whole document is laid
out) and the generated date.
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import BaseDocTemplate, Frame, Image, PageTemplate

from qsm_desktop.reports.evaluation_pdf import fonts
from qsm_desktop.reports.evaluation_pdf.fonts import draw_text, text_width
from qsm_desktop.reports.evaluation_pdf.look import (
    CHART_DPI,
    FRAME_W,
    GOLD,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    MUTED,
    NAVY,
    PAGE_H,
    PAGE_W,
    RED,
    RULE,
)
from qsm_desktop.reports.evaluation_pdf.text import tr


STAMP_FILL = colors.HexColor("#FBE9EB")
"""Background of the draft / provisional stamp."""


class _Picture(Image):
    """A platypus image of a ``PIL.Image`` in memory (platypus's own ``Image`` wants a file or a
    stream; reportlab's ``ImageReader`` under it takes a PIL image as it is)."""

    def __init__(self, picture, width: float, height: float) -> None:  # noqa: D107
        self.hAlign = "CENTER"
        self._mask = "auto"
        self._drawing = None
        self._dpi = False
        self._file = picture
        self.filename = "chart"
        self._setup(width, height, "direct", 0)


class ChartTimer:
    """Builds chart images and accumulates the seconds spent building and rendering them (the
    charts drawn into the PDF, :mod:`.vector_charts`, add the seconds they spend drawing)."""

    def __init__(self) -> None:
        self.seconds = 0.0

    def image(self, build: Callable[[], object], width: float) -> Image:
        """The figure ``build()`` returns as a PNG image ``width`` points wide (aspect kept)."""
        from qsm_desktop.reports import charts  # matplotlib, only for a report that draws with it

        start = time.perf_counter()
        fig = build()
        w_in, h_in = fig.get_size_inches()  # type: ignore[attr-defined]
        if charts.FIXED_LAYOUT:  # the pixels straight to reportlab (no PNG encoded and decoded again)
            picture = charts.figure_image(fig, dpi=CHART_DPI)  # type: ignore[arg-type]
            image = _Picture(picture, width, width * h_in / w_in)
        else:  # the previous path, kept for the benchmark's "today"
            png = charts.figure_png(fig, dpi=CHART_DPI)  # type: ignore[arg-type]
            image = Image(io.BytesIO(png), width=width, height=width * h_in / w_in)
        self.seconds += time.perf_counter() - start
        return image


class FigureNumbers:
    """Figure numbers (图 1, 图 2 …) handed out in the order the figures appear in a report (issue 14:
    a number is taken when its caption is written, so the story's order is the numbering's)."""

    def __init__(self) -> None:
        self.n = 0

    def next(self) -> int:
        """The next figure number, from 1."""
        self.n += 1
        return self.n


def canvas_maker(title: str, footer_left: str, footer_right: str, lang: str, cover: bool):
    """A canvas class that writes '第 N 页 / 共 M 页' once the page count is known (not on the
    cover when ``cover``); its ``_every_page(number, total)`` hook draws on every page (the draft
    stamp of :func:`stamped_canvas`)."""

    class NumberedCanvas(pdfcanvas.Canvas):
        def __init__(self, *args, **kwargs):
            if not kwargs.get("initialFontName"):  # not reportlab's Helvetica (never embedded)
                kwargs["initialFontName"] = fonts.LATIN_FONT
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []
            self._stamp_width = 0.0  # the width of a stamp drawn at the top right (StampedCanvas)

        def showPage(self):  # noqa: N802 (reportlab API)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                if not (cover and number == 1):
                    self._furniture(number, total)
                self._every_page(number, total)
                super().showPage()
            super().save()

        def _every_page(self, number: int, total: int) -> None:
            """Drawn on every page, the cover too (a hook: :func:`stamped_canvas`)."""

        def _furniture(self, number: int, total: int) -> None:
            self.saveState()
            top = PAGE_H - MARGIN_TOP + 8 * mm
            # the running title keeps clear of a stamp at the top right (StampedCanvas._stamp_width):
            # a long one ("… as of 15 January 2008") is set smaller, never under the stamp
            room = PAGE_W - 2 * MARGIN_X - (self._stamp_width + 4 * mm if self._stamp_width else 0)
            width = text_width(title, 8)
            draw_text(self, MARGIN_X, top, title, 8 if width <= room else max(5.5, 8 * room / width), colour=MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            self.line(MARGIN_X, top - 2.5 * mm, PAGE_W - MARGIN_X, top - 2.5 * mm)
            bottom = MARGIN_BOTTOM - 9 * mm
            self.line(MARGIN_X, bottom + 4 * mm, PAGE_W - MARGIN_X, bottom + 4 * mm)
            draw_text(self, MARGIN_X, bottom, footer_left, 7.5, colour=MUTED)
            draw_text(self, PAGE_W / 2, bottom, tr("report.eval.page", lang, page=number, pages=total), 7.5,
                       align="center", colour=INK)
            draw_text(self, PAGE_W - MARGIN_X, bottom, footer_right, 7.5, align="right", colour=MUTED)
            self.restoreState()

    return NumberedCanvas


def stamped_canvas(base: type, stamp: str) -> type:
    """``base`` (a canvas class made by :func:`canvas_maker`) with ``stamp`` in a red box at the
    top right of every page, the cover included (drawn by the ``_every_page`` hook once the page
    count is known). One mechanism for every report whose figures are not final, so that no page
    can be mailed out alone as if it were: the monitoring report of a quarter not finalised
    ("暂定 / PROVISIONAL", DESIGN §8) and the evaluation reports of a period not published
    ("草稿 / DRAFT", DESIGN §4, issue 14)."""

    class StampedCanvas(base):  # type: ignore[misc, valid-type]
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._stamp_width = text_width(stamp, 9, bold_latin=True) + 12

        def _every_page(self, number: int, total: int) -> None:
            super()._every_page(number, total)
            self.saveState()
            size = 9
            width = self._stamp_width
            x, y = PAGE_W - MARGIN_X - width, PAGE_H - MARGIN_TOP + 11 * mm
            self.setStrokeColor(RED)
            self.setFillColor(STAMP_FILL)
            self.setLineWidth(1.2)
            self.roundRect(x, y - 4, width, size + 8, 3, stroke=1, fill=1)
            draw_text(self, x + width / 2, y, stamp, size, align="center", colour=RED, bold_latin=True)
            self.restoreState()

    return StampedCanvas


def cover_background(c: pdfcanvas.Canvas, _doc) -> None:
    """The cover's navy bands with the gold rule (a page template's ``onPage``)."""
    c.saveState()
    c.setFillColor(NAVY)
    c.rect(0, PAGE_H - 62 * mm, PAGE_W, 62 * mm, stroke=0, fill=1)
    c.setFillColor(GOLD)
    c.rect(0, PAGE_H - 64.5 * mm, PAGE_W, 2.5 * mm, stroke=0, fill=1)
    c.setFillColor(NAVY)
    c.rect(0, 0, PAGE_W, 10 * mm, stroke=0, fill=1)
    c.restoreState()


def new_doc(out: str | Path | BinaryIO, title: str, author: str, subject: str, cover: bool) -> BaseDocTemplate:
    """An A4 document writing to ``out`` with the body template (and the cover template first when
    ``cover``); ``title``/``author``/``subject`` go to the PDF's metadata."""
    doc = BaseDocTemplate(
        out if not isinstance(out, Path) else str(out), pagesize=A4, title=title, author=author,
        subject=subject, creator="QSM Desktop", leftMargin=MARGIN_X, rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, initialFontName=fonts.LATIN_FONT,
    )
    body = Frame(MARGIN_X, MARGIN_BOTTOM, FRAME_W, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body",
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate(id="body", frames=[body])]
    if cover:
        cover_frame = Frame(MARGIN_X + 4 * mm, 18 * mm, FRAME_W - 8 * mm, PAGE_H - 18 * mm - 12 * mm, id="cover",
                            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.insert(0, PageTemplate(id="cover", frames=[cover_frame], onPage=cover_background))
    doc.addPageTemplates(templates)
    return doc


__all__ = ["ChartTimer", "FigureNumbers", "canvas_maker", "cover_background", "new_doc", "stamped_canvas"]
